"""Play by e-mail is an optional extra: nothing else imports PyNaCl."""
from __future__ import annotations

import subprocess
import sys


def test_single_play_and_hot_seat_never_import_nacl():
    code = ("import sys, os\n"
            "os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
            "import game.cli, game.session.game, game.ui.app, game.ui.screens.main_menu\n"
            "import game.ui.screens.game_screen, game.ui.screens.pbem, game.pbem.chain\n"
            "from game.scenario.load import find_scenario, load_scenario\n"
            "from game.session.game import Session\n"
            "from game.rules.orders import EndTurn\n"
            "s, _ = Session.new(load_scenario(find_scenario('road_to_ctesiphon')), 1, {})\n"
            "s.do(EndTurn(s.state.active_faction))\n"
            "assert not any(m == 'nacl' or m.startswith('nacl.') for m in sys.modules), "
            "'nacl imported'\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
