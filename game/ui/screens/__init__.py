"""The screens of the game, as a state machine: each handles its input and
returns the next screen (or None to stay)."""
