"""The event example in docs/scenario-format.md is a valid event that does what it says."""
import re

from game.scenario import docs
from tests.events.lang import apply, fresh, scenario_with_events


def test_the_documented_example_loads_and_fires(tmp_path):
    block = re.search(r"```yaml\nevents:\n(.*?)```", docs.EVENTS_INTRO, re.S).group(1)
    scn = scenario_with_events(tmp_path, block)
    state = fresh(scn)
    assert "evt_614_jerusalem" not in state.fired
    apply(state, "[{set_owner: {city: jerusalem, faction: sassanids}}]")
    from game.events.runner import check_events
    check_events(state, "order")
    assert state.fired == {"evt_614_jerusalem": 1} and state.flags["holy_war"] == 1
