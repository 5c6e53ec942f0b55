#!/usr/bin/env bash
# Determinism at size: on a generated corpus of 4 MB (thousands of nodes, where
# igraph's PageRank, run on OpenMP threads, changes its last digits from run to
# run unless the library pins them), extract on 1 and 2 threads, analyze,
# render (DOT, SVG) and build give the same bytes on every run, whatever
# OMP_NUM_THREADS says (unset, 1, 2); and analyze's path metrics, estimated
# on a 20,000-node graph, the same bytes on 1, 2 or 3 worker processes.
#
#   bash determinism_large.sh BIN SRCDIR SCRATCHDIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch"
failures=0
command -v python3 >/dev/null || { echo "determinism_large: python3 missing (scripts/gen-corpus), skipped"; exit 77; }
# Under a sanitizer the same runs take twenty minutes and more; what they
# check (bytes from run to run) does not depend on how the code is built.
if [[ "$(ldd "$bin" 2>/dev/null)" == *libasan* || "$(ldd "$bin" 2>/dev/null)" == *libtsan* ]]; then
	echo "determinism_large: $bin is built with a sanitizer (too slow for this size): skipped"
	exit 77
fi

# shellcheck source=lib/same.sh
source "$src/tests/cli/lib/same.sh"

"$src/scripts/gen-corpus" 4 7 corpus 2>/dev/null

# one run under each OpenMP setting: "-" = OMP_NUM_THREADS unset
omp() {
	local n=$1
	shift
	if [ "$n" = - ]; then env -u OMP_NUM_THREADS "$@"; else OMP_NUM_THREADS=$n "$@"; fi
}
runs=("- 1" "- 2" "1 1" "2 2") # OMP_NUM_THREADS and --threads of each run

# extract
for r in "${runs[@]}"; do
	read -r o j <<<"$r"
	omp "$o" "$bin" extract -q -j "$j" -o "x-$o-$j.json" corpus
done
for r in "${runs[@]:1}"; do
	read -r o j <<<"$r"
	same x---1.json "x-$o-$j.json" "extract: OMP_NUM_THREADS=$o --threads $j = unset, --threads 1"
done
nodes=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' x---1.json)
((nodes >= 3000)) && echo "ok   $nodes nodes" || { echo "FAIL only $nodes nodes: too few to test"; failures=$((failures + 1)); }

# analyze: twice unset, then OMP_NUM_THREADS=1 and 2
n=0
for o in - - 1 2; do
	n=$((n + 1))
	omp "$o" "$bin" analyze -q -o "a$n.json" x---1.json
done
same a1.json a2.json "analyze: run = run"
same a1.json a3.json "analyze: OMP_NUM_THREADS=1 = unset"
same a1.json a4.json "analyze: OMP_NUM_THREADS=2 = unset"

# analyze on worker processes (the estimated path metrics of a graph large
# enough to estimate them, split over 1, 2 and 3 processes): the same bytes
python3 "$src/scripts/gen-graph.py" --nodes 20000 --links 80000 --seed 3 big.json
for j in 1 2 3; do
	"$bin" analyze -q -j "$j" -o "w$j.json" big.json
done
if grep -q 'estimated from 256 sampled source nodes' w1.json; then
	echo "ok   the 20,000-node graph's path metrics are estimated"
else
	echo "FAIL the 20,000-node graph's path metrics are not estimated: the workers are not tested"
	failures=$((failures + 1))
fi
same w1.json w2.json "analyze: 2 worker processes = 1"
same w1.json w3.json "analyze: 3 worker processes = 1"

# render: DOT of the whole graph, SVG of the 150 most central nodes; twice
# unset, then OMP_NUM_THREADS=1
for f in dot svg; do
	view=()
	[ "$f" = svg ] && view=(--top 150)
	omp - "$bin" render -q -f "$f" "${view[@]}" -o "r1.$f" a1.json
	omp - "$bin" render -q -f "$f" "${view[@]}" -o "r2.$f" a1.json
	omp 1 "$bin" render -q -f "$f" "${view[@]}" -o "r3.$f" a1.json
	same "r1.$f" "r2.$f" "render -f $f: run = run"
	same "r1.$f" "r3.$f" "render -f $f: OMP_NUM_THREADS=1 = unset"
done

# build: every output, on 1 and 2 threads, under each OpenMP setting
for r in "${runs[@]}"; do
	read -r o j <<<"$r"
	omp "$o" "$bin" build -q -j "$j" corpus --out "b-$o-$j"
done
for f in graph.json graph.dot graph.svg nodes.csv edges.csv graph.graphml graph.gexf graph.cyjs; do
	for r in "${runs[@]:1}"; do
		read -r o j <<<"$r"
		same "b---1/$f" "b-$o-$j/$f" "build $f: OMP_NUM_THREADS=$o --threads $j = unset, --threads 1"
	done
done
same a1.json b---1/graph.json "analyze of extract = build"

if ((failures)); then
	echo "determinism_large: $failures checks failed"
	exit 1
fi
echo "determinism_large: the same bytes on every run and thread setting ($nodes nodes)"
