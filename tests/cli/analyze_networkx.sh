#!/bin/bash
# Cross-check `actorgraph analyze` against networkx on Les Miserables and
# Zachary's karate club (tests/nx_compare.py).  Skipped (77) without networkx.
# Usage: analyze_networkx.sh BIN SRCDIR SCRATCHDIR
set -u
BIN=$1 SRC=$2 SCRATCH=$3
PY=/usr/bin/python3

if ! [ -x "$PY" ] || ! "$PY" -c 'import networkx' 2>/dev/null; then
	echo "skipped: $PY cannot import networkx"
	exit 77
fi
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH" || exit 1
exec "$PY" "$SRC/tests/nx_compare.py" run "$BIN" "$SCRATCH"
