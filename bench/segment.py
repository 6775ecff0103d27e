"""A stretch of computer turns from a save, for counting instructions.

    python -m bench.segment SAVE TURNS

Loads SAVE (say, the busiest-round save `python -m bench.games` leaves in the
temporary folder), plays TURNS faction turns with the computer at normal and
prints the turn reached, the start of the final state hash and the CPU seconds
of the turns.  Its use is under `valgrind --tool=callgrind`, whose count of
instructions the load of a shared machine does not move; run it with 0 turns
too and take the difference, which leaves out loading the save.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str]) -> int:
    import game.ai
    from game.rules import paths
    from game.rules.state import state_hash
    from game.session.save import load_game
    state = load_game(argv[0]).state
    paths.load_compiled()
    c = time.process_time()
    for _ in range(int(argv[1])):
        if state.over:
            break
        game.ai.play_turn(state)
    print(state.turn, state_hash(state)[:10], round(time.process_time() - c, 3))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
