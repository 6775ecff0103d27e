#!/usr/bin/env python3
"""Last Great War: run the game or its tools.  `python run.py --help` lists the commands."""
import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
