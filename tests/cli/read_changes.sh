#!/usr/bin/env bash
# Inputs are not changed silently: a directed graph or a multigraph (networkx
# writes both) is read as one undirected link per pair of nodes, and the
# command says so on stderr, once per file; the edge "key"s of a multigraph
# do not survive into the output; a graph we wrote reads back with nothing
# to say.
#
#   bash read_changes.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
failures=0

fail() {
	echo "FAIL $*"
	failures=$((failures + 1))
}

# a directed multigraph as networkx's node_link_data writes it: two
# parallel links a -> b, one back, one self-loop
cat >multi.json <<'EOF'
{"directed": true, "multigraph": true, "graph": {},
 "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
 "links": [{"source": "a", "target": "b", "key": 0, "weight": 1},
           {"source": "a", "target": "b", "key": 1, "weight": 2},
           {"source": "b", "target": "a", "key": 0, "weight": 1},
           {"source": "b", "target": "c", "key": 0, "weight": 1},
           {"source": "c", "target": "c", "key": 0}]}
EOF
want='^actorgraph: warning: multi\.json: a directed multigraph, read as undirected with one link per pair of nodes; 2 links added into another between the same two nodes \(weights and counts summed\); 1 self-loop left out$'

for cmd in "analyze -o out.json" "render -f json -o out.json" "merge -o out.json"; do
	rm -f out.json
	# shellcheck disable=SC2086
	if ! "$bin" $cmd multi.json 2>err.txt; then
		fail "$cmd: $(cat err.txt)"
		continue
	fi
	n=$(grep -c 'multi\.json: a directed multigraph' err.txt)
	if ((n != 1)); then
		fail "$cmd: said it $n times: $(cat err.txt)"
	elif ! grep -qE "$want" err.txt; then
		fail "$cmd: $(grep multi err.txt)"
	else
		echo "ok   $cmd: $(grep multi err.txt)"
	fi
	grep -q '"key"' out.json && fail "$cmd: a stale edge key in the output"
	grep -q '"weight": 4' out.json && echo "ok   $cmd: a -- b has weight 1 + 2 + 1" || fail "$cmd: a -- b weight"
done

# the output reads back with nothing to say; -q says nothing
"$bin" analyze -o out.json multi.json 2>/dev/null
"$bin" analyze -o again.json out.json 2>err.txt
grep -q 'warning' err.txt && fail "our own output: $(cat err.txt)" || echo "ok   our own output: nothing to say"
"$bin" analyze -q -o quiet.json multi.json 2>err.txt
[ -s err.txt ] && fail "-q: $(cat err.txt)" || echo "ok   -q: nothing said"

# directed only: both directions become one link
printf '%s\n' '{"directed": true, "multigraph": false, "nodes": [{"id": 1}, {"id": 2}],' \
	'"links": [{"source": 1, "target": 2}, {"source": 2, "target": 1}]}' >directed.json
"$bin" render -f json -o d.json directed.json 2>err.txt
grep -qE '^actorgraph: warning: directed\.json: a directed graph, read as undirected; 1 link added into another' err.txt &&
	echo "ok   directed: $(cat err.txt)" || fail "directed: $(cat err.txt)"

if ((failures)); then
	echo "read_changes: $failures checks failed"
	exit 1
fi
echo "read_changes: what reading changed is said once"
