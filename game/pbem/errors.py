"""The one error of play by e-mail: a message for the player, never a traceback."""


class PbemError(Exception):
    """A turn file, key or record that cannot be used; the message says why.  Whatever
    raised it changed nothing."""
