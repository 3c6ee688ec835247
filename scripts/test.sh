#!/usr/bin/env bash
# Install everything the test suite needs into .venv and run it.
# Used by the README's test command and by .ci/run (CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# Arabic spelling tests (EC520): the hunspell binding builds against libhunspell-dev; hunspell-ar is the dictionary
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq libhunspell-dev hunspell-ar >/dev/null \
    || echo "warning: could not install libhunspell-dev hunspell-ar; the Hunspell tests will be skipped" >&2
fi
.venv/bin/python -m pip install -q -e ".[test,all,grammar,spell]" \
  || { echo "warning: the spell extra did not install (no libhunspell-dev?); installing without it" >&2
       .venv/bin/python -m pip install -q -e ".[test,all,grammar]"; }
# a real, separately packaged rule plugin (entry-point group editcheck.rules), used by tests/test_plugins.py
.venv/bin/python -m pip install -q ./tests/plugins/editcheck-example-plugin

set +e
.venv/bin/python -m pytest -q "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
exit "$rc"
