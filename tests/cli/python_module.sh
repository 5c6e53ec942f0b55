#!/usr/bin/env bash
# The Python package (python/actorgraph): tests/python/test_actorgraph.py, a
# unittest suite, run with this binary (ACTORGRAPH), networkx and pandas. Every
# test must run: a test skipped there (no pandas, no binary) fails this one.
# Usage: python_module.sh BIN SRCDIR [SCRATCHDIR].  Skipped (77) only when
# python3-nbclient is not installed (the Python test packages of scripts/setup --test).
set -euo pipefail
bin=$1 src=$2 scratch=${3:-$(mktemp -d)}
PY=/usr/bin/python3
"$PY" -c 'import nbclient' 2>/dev/null || { echo "python3-nbclient not installed: skipped"; exit 77; }
"$PY" -c 'import networkx, pandas' || { echo "python_module: python3-networkx and python3-pandas are needed"; exit 1; }
[ -f "$bin" ] && [ -x "$bin" ] || { echo "python_module: $bin is not an executable"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(cd "$src" && pwd)
rm -rf "$scratch" && mkdir -p "$scratch"
cd "$scratch"   # nothing may resolve against the current folder by chance

export ACTORGRAPH=$bin PYTHONDONTWRITEBYTECODE=1
rc=0
"$PY" -m unittest discover -s "$src/tests/python" -t "$src/tests/python" -v >unittest.log 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then
  cat unittest.log
  echo "python_module: the unittest suite failed (exit $rc)"
  exit 1
fi
summary=$(grep -E '^Ran [0-9]+ tests? in' unittest.log)
result=$(tail -n 1 unittest.log)
if [ "$result" != "OK" ]; then   # "OK (skipped=N)": something did not run
  grep -E ' \.\.\. skipped' unittest.log || true
  echo "python_module: tests were skipped ($result)"
  exit 1
fi
echo "python_module: $summary: $result ($("$PY" -c 'import networkx, pandas; print("networkx", networkx.__version__, "pandas", pandas.__version__)'))"
