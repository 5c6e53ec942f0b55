#!/usr/bin/env bash
# The main job end to end: build writes every output, each one valid for its
# readers, and a second run gives byte-identical JSON and DOT.
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"; mkdir -p "$scratch"
"$bin" build -q "$src/tests/golden" --out "$scratch/a"
for f in graph.json graph.dot graph.svg nodes.csv edges.csv; do
  [ -s "$scratch/a/$f" ] || { echo "build: $f missing or empty"; exit 1; }
done
# DOT parses with Graphviz's reference parser; SVG is well-formed XML
dot -Tcanon "$scratch/a/graph.dot" >/dev/null
if command -v xmllint >/dev/null; then xmllint --noout "$scratch/a/graph.svg"; fi
grep -q '<svg' "$scratch/a/graph.svg"
if grep -qi '<script' "$scratch/a/graph.svg"; then echo "build: <script> in SVG"; exit 1; fi
# every node of the JSON is in the DOT and the CSV
n_json=$(grep -c '"type": ' "$scratch/a/graph.json" || true)
n_csv=$(($(wc -l <"$scratch/a/nodes.csv") - 1))
[ "$n_json" -eq "$n_csv" ] || { echo "build: $n_json nodes in JSON, $n_csv rows in nodes.csv"; exit 1; }
# deterministic: a second run, inputs given in another order
"$bin" build -q "$src/tests/golden/talks.txt" "$src/tests/golden/hostile.txt" "$src/tests/golden/furniture.txt" --out "$scratch/b"
"$bin" build -q "$src/tests/golden/furniture.txt" "$src/tests/golden/hostile.txt" "$src/tests/golden/talks.txt" --out "$scratch/c"
cmp "$scratch/b/graph.json" "$scratch/c/graph.json"
cmp "$scratch/b/graph.dot" "$scratch/c/graph.dot"
echo "build: all outputs written, valid and deterministic"

# --formats: only the outputs asked for, each the same bytes as in a full
# build; an unknown name is a usage error (exit 2) before any work, leaving
# no folder behind
"$bin" build -q "$src/tests/golden" --formats json,csv,pdf --out "$scratch/some"
[ "$(cd "$scratch/some" && ls | sort | tr '\n' ' ')" = "edges.csv graph.json graph.pdf nodes.csv " ] ||
  { echo "build --formats json,csv,pdf wrote: $(ls "$scratch/some")"; exit 1; }
for f in graph.json nodes.csv edges.csv; do cmp "$scratch/a/$f" "$scratch/some/$f"; done
head -c 5 "$scratch/some/graph.pdf" | grep -q '%PDF-' || { echo "build: graph.pdf is no PDF"; exit 1; }
rc=0
"$bin" build -q "$src/tests/golden" --formats json,xml --out "$scratch/bad" 2>"$scratch/bad.err" || rc=$?
[ "$rc" = 2 ] || { echo "build --formats json,xml: exit $rc, not 2"; exit 1; }
grep -q "unknown format 'xml' (valid: json, dot, svg, png, pdf, graphml, gexf, cyjs, csv)" "$scratch/bad.err" ||
  { echo "build --formats: unclear error: $(cat "$scratch/bad.err")"; exit 1; }
[ ! -e "$scratch/bad" ] || { echo "build --formats json,xml left $scratch/bad"; exit 1; }
echo "build: --formats writes only what it names, the same bytes"

# a large graph: every output holds it all, but graph.svg draws only the 150
# most central nodes (those of each type first: every type is drawn), says so
# in its title, and build says so on stderr
if command -v python3 >/dev/null && [ -x "$src/scripts/gen-corpus" ]; then
  "$src/scripts/gen-corpus" 1 3 "$scratch/gen" 2>/dev/null
  "$bin" build "$scratch/gen" --out "$scratch/big" 2>"$scratch/big.err"
  n_json=$(grep -c '"type": ' "$scratch/big/graph.json" || true)
  n_svg=$(grep -A1 'class="node"' "$scratch/big/graph.svg" | grep -c '<title>\(person\|state\|organization\|meeting\):' || true)
  ((n_json > 150)) || { echo "build: only $n_json nodes from the generated corpus"; exit 1; }
  ((n_svg == 150)) || { echo "build: graph.svg draws $n_svg nodes, not the 150 most central"; exit 1; }
  for t in person state organization meeting; do
    # (grep -c reads all: grep -q would end the pipe early, and pipefail fail it)
    n_t=$(grep -A1 'class="node"' "$scratch/big/graph.svg" | grep -c "<title>$t:" || true)
    ((n_t > 0)) || { echo "build: graph.svg draws no $t"; exit 1; }
  done
  n_fmt=$(python3 -c "print(f'{$n_json:,}')")
  grep -q "The 150 most central of $n_fmt nodes by PageRank, the top 18 of each type first" "$scratch/big/graph.svg" ||
    { echo "build: graph.svg does not say it draws a cut"; exit 1; }
  grep -q "graph.svg draws the 150 most central of $n_json nodes.*--all draws every node" "$scratch/big.err" ||
    { echo "build: does not say graph.svg is a cut: $(cat "$scratch/big.err")"; exit 1; }
  echo "build: a $n_json-node graph drawn as its 150 most central nodes"
fi
