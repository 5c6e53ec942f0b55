#!/usr/bin/env bash
# networkx reads our node-link JSON (extracted, and built with metrics) as it is.
set -euo pipefail
bin=$1 src=$2 scratch=$3
/usr/bin/python3 -c 'import networkx' 2>/dev/null || { echo "networkx not installed: skipped"; exit 77; }
mkdir -p "$scratch"
"$bin" extract -q -o "$scratch/extracted.json" "$src/tests/golden"
/usr/bin/python3 "$src/tests/nx_load.py" "$scratch/extracted.json"
"$bin" build -q "$src/tests/golden" --out "$scratch/built"
/usr/bin/python3 "$src/tests/nx_load.py" "$scratch/built/graph.json"
