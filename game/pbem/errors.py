"""The one error of play by e-mail: a message for the player, never a traceback."""


class PbemError(Exception):
    """A turn file, key or record that cannot be used; the message says why.  Whatever
    raised it changed nothing.

    The message is a `game.i18n.Named` phrase (its str() is the English the command line
    prints; a screen says it in its language, `message`), or plain English text.
    """

    @property
    def message(self):
        """What went wrong: the phrase (or text) it was raised with."""
        return self.args[0] if self.args else ""
