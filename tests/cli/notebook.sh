#!/usr/bin/env bash
# scripts/notebook_example.py runs on the committed example graph (metrics and
# communities from actorgraph) and on a fresh extraction (no metrics: networkx
# computes them): it lists the top actors per community and saves a PNG.
# Skipped (77) when networkx or matplotlib is not installed.
set -euo pipefail
bin=$1 src=$2 scratch=$3
/usr/bin/python3 -c 'import networkx, matplotlib' 2>/dev/null || {
  echo "python3-networkx or python3-matplotlib not installed: skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"
export MPLCONFIGDIR=$scratch/mpl   # matplotlib's cache, out of $HOME

check() { # graph, png, listing
  /usr/bin/python3 "$src/scripts/notebook_example.py" "$1" --top 3 --out "$2" > "$3"
  grep -q '^community 0 (' "$3" || { echo "notebook: no community listing for $1"; cat "$3"; exit 1; }
  grep -Eq '^  0\.[0-9]{4}  .+ \((person|state|organization|meeting)\)$' "$3" || {
    echo "notebook: no ranked actors for $1"; cat "$3"; exit 1; }
  [ "$(head -c 8 "$2" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { echo "notebook: $2 is not a PNG"; exit 1; }
  [ "$(stat -c %s "$2")" -gt 20000 ] || { echo "notebook: $2 is suspiciously small"; exit 1; }
}

check "$src/graphs/peace-talks/graph.json" "$scratch/peace-talks.png" "$scratch/peace-talks.txt"
# the listing follows the graph: the largest community's first actor is its top PageRank
/usr/bin/python3 - "$src/graphs/peace-talks/graph.json" "$scratch/peace-talks.txt" <<'PY'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
c0 = [n for n in g["nodes"] if n.get("community") == 0]
best = min(c0, key=lambda n: (-n["metrics"]["pagerank"], str(n["id"])))
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
first = lines[lines.index(next(l for l in lines if l.startswith("community 0 "))) + 1]
if f"  {best['label']} (" not in first or f"{best['metrics']['pagerank']:.4f}" not in first:
    sys.exit(f"notebook: expected {best['label']} first in community 0, got {first!r}")
PY
# networkx 3.x as well (3.4 changed node_link_graph's link key, 3.6 its default):
# the script reads the graph through python/actorgraph, so the listing is the
# same; any python3 on PATH with networkx 3 will do (matplotlib not needed)
nx3=
for py in $(type -ap python3 python3.11 python3.12 python3.13 2>/dev/null); do
  if "$py" -c 'import networkx, sys; sys.exit(int(networkx.__version__.split(".")[0]) < 3)' 2>/dev/null; then
    nx3=$py; break
  fi
done
if [ -n "$nx3" ]; then
  "$nx3" "$src/scripts/notebook_example.py" "$src/graphs/peace-talks/graph.json" --top 3 --no-plot >"$scratch/nx3.txt"
  diff <(grep -v '^plot saved' "$scratch/peace-talks.txt") "$scratch/nx3.txt" ||
    { echo "notebook: networkx $("$nx3" -c 'import networkx; print(networkx.__version__)') lists otherwise"; exit 1; }
  echo "notebook: the same listing on networkx $("$nx3" -c 'import networkx; print(networkx.__version__)') ($nx3)"
else
  echo "notebook: no python3 with networkx 3.x on PATH: checked on networkx 2.8 only"
fi
"$bin" extract -q -o "$scratch/extracted.json" "$src/graphs/peace-talks/texts"
check "$scratch/extracted.json" "$scratch/extracted.png" "$scratch/extracted.txt"
echo "notebook: ok ($(grep -c '^community' "$scratch/peace-talks.txt") communities listed)"
