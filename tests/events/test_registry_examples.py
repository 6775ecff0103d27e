"""The doc string and example of every condition and effect fit its declaration."""
import yaml

from game.events.registry import CONDITIONS, EFFECTS


def check_examples(table):
    for name, d in table.items():
        assert d.doc and d.example, f"{name} needs a doc string and an example"
        (key, args), = yaml.safe_load(d.example).items()
        assert key == name, f"the example of {name} is for {key}"
        names = {a.name for a in d.args}
        required = {a.name for a in d.args if not a.optional}
        if isinstance(args, dict) and not (len(d.args) == 1 and set(args) != {d.args[0].name}):
            assert set(args) <= names, f"{name}: example uses {set(args) - names}"
            assert required <= set(args), f"{name}: example lacks {required - set(args)}"
        else:   # the bare form: only for one required argument
            assert len(required) == 1 or len(d.args) == 1, f"{name}: bare example"


def test_condition_examples():
    check_examples(CONDITIONS)


def test_effect_examples():
    check_examples(EFFECTS)
