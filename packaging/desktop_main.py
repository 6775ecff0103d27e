"""The desktop build's entry point: the same command line as `last-great-war`."""
import multiprocessing
import sys

from game.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()      # simulate --jobs starts copies of this program
    sys.exit(main())
