"""Short sounds for what happens on the map: a march, a battle, a siege, a capture, an
event and the end of a turn (assets/sounds/, made by tools/make_sounds.py).

The volume (0 to 10) and mute are settings; V (a key the player may change) mutes on the play screen.  Without a
sound device, when the mixer cannot start, or under SDL's dummy audio driver (the
tests), nothing is played and nothing fails: `play` only notes what it would have
played, so tests can see it.
"""
from __future__ import annotations

import os

import pygame

from game.resources import assets_dir

KINDS = ("march", "battle", "siege", "capture", "event", "end_turn")
# when one order brings several, the one heard: the most telling
PRIORITY = ("capture", "battle", "siege", "event", "march")
# what each kind of game event sounds like
OF_EVENT = {"moved": "march", "battle": "battle", "assault": "battle", "captured": "capture",
            "siege_begun": "siege", "fired": "event"}
HEARD = 20          # what `heard` remembers (for tests)


class Sounds:
    def __init__(self, settings):
        self.settings = settings
        self._sounds: dict[str, object] | None = None     # loaded on first use
        self.heard: list[tuple[str, bool]] = []           # (kind, audible), the latest last

    @property
    def audible(self) -> bool:
        return not self.settings.muted and self.settings.volume > 0

    def _load(self) -> dict[str, object]:
        if self._sounds is not None:
            return self._sounds
        self._sounds = {}
        if os.environ.get("SDL_AUDIODRIVER", "").lower() == "dummy":
            return self._sounds
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            for kind in KINDS:
                path = assets_dir() / "sounds" / f"{kind}.wav"
                if path.is_file():
                    self._sounds[kind] = pygame.mixer.Sound(str(path))
        except (pygame.error, OSError, NotImplementedError):
            self._sounds = {}                # no device, no mixer: silence
        return self._sounds

    def play(self, kind: str) -> None:
        self.heard = (self.heard + [(kind, self.audible)])[-HEARD:]
        if not self.audible:
            return
        snd = self._load().get(kind)
        if snd is None:
            return
        try:
            snd.set_volume(min(10, self.settings.volume) / 10)
            snd.play()
        except pygame.error:
            pass

    def for_events(self, events) -> None:
        """Play the one sound that best tells what these events were, if any."""
        kinds = {OF_EVENT[e.kind] for e in events if e.kind in OF_EVENT}
        for kind in PRIORITY:
            if kind in kinds:
                self.play(kind)
                return

    def toggle_mute(self) -> bool:
        """Mute or unmute; True when now muted."""
        self.settings.muted = not self.settings.muted
        return self.settings.muted
