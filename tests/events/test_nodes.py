"""Compiled conditions and effects are typed nodes: definition, arguments, where written."""
import pickle

from game.events.compile import Condition, Effect, walk
from game.events.registry import CONDITIONS, EFFECTS
from game.rules.engine import new_game
from game.scenario.load import load_scenario
from tests.events.lang import TEST_SCENARIO, condition


def test_a_condition_is_a_node_that_says_what_and_where():
    scn = load_scenario(TEST_SCENARIO)
    c = condition(scn, "all:\n  - flag: holy_war\n  - not: {owns: {faction: byzantium, "
                       "city: dara}}\n")
    assert isinstance(c, Condition) and c.definition is CONDITIONS["all"]
    assert c.name == "all" and c.keypath == "when.all" and c.line == 1
    flag, neg = c.parts
    assert flag.name == "flag" and flag.args == {"name": "holy_war"}
    assert flag.keypath == "when.all[0].flag" and flag.line == 2
    assert neg.parts[0].args == {"faction": "byzantium", "city": "dara"}
    assert [(leaf.name, positive) for leaf, positive in walk(c)] == [("flag", True),
                                                                      ("owns", False)]
    state, _ = new_game(scn, 1)
    assert c(state) is False                        # the flag is not set
    state.flags["holy_war"] = True
    assert c(state) is True                         # and Dara is Persian at the start
    assert pickle.loads(pickle.dumps(c)).parts[0].args == {"name": "holy_war"}


def test_every_compiled_effect_of_a_scenario_is_an_effect_node():
    scn = load_scenario(TEST_SCENARIO)
    effects = [fx for ev in scn.events for fx in list(ev.effects) +
               [f for _c, chosen in ev.choices for f in chosen]]
    assert effects and all(isinstance(fx, Effect) for fx in effects)
    assert all(fx.definition is EFFECTS[fx.name] and fx.keypath.startswith("events[")
               for fx in effects)
    assert all(isinstance(ev.when, Condition) for ev in scn.events)
