#!/bin/sh
# Run the whole test suite against the newest releases that pyproject.toml's ranges
# allow, ignoring the lock (constraints.txt), in a fresh venv of its own (.venv-newest).
# A new release that breaks us (as PyYAML 6.0.4 once did) is found here, on purpose.
#
#   sh tools/newest.sh            test with the newest versions
#   sh tools/newest.sh --lock     ... and, if every test passes, write those versions
#                                 to constraints.txt (the lock the README's commands use)
set -e
cd "$(dirname "$0")/.."
venv=.venv-newest
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade -e '.[test]'
echo "newest versions the ranges allow:"
"$venv/bin/pip" freeze --exclude-editable | sed 's/^/  /'
"$venv/bin/python" -m pytest -p no:cacheprovider
if [ "$1" = "--lock" ]; then
    {
        echo "# The exact versions the whole test suite last passed with (Python $("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')):"
        echo "# the README's commands and .ci/run install with this lock.  Rewritten by"
        echo "# \`sh tools/newest.sh --lock\`, which first runs every test against the newest"
        echo "# versions pyproject.toml's ranges allow."
        "$venv/bin/pip" freeze --exclude-editable
    } > constraints.txt
    echo "constraints.txt rewritten"
fi
