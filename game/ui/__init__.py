"""The pygame user interface.  Only this package imports pygame and pygame_gui."""
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
