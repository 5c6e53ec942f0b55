#!/usr/bin/env bash
# Views on the command line (--types, --min-weight, --ego, --radius, --top) for
# analyze, render and build, on graphs/peace-talks/graph.json: what is kept,
# what stderr says was dropped, errors, and that the output is deterministic.
# Usage: views.sh BIN SRCDIR SCRATCHDIR.  Skipped (77) without python3 (JSON checks).
set -euo pipefail
bin=$1 src=$2 scratch=$3
graph=$src/graphs/peace-talks/graph.json
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "skipped: no $PY"; exit 77; }
rm -rf "$scratch"; mkdir -p "$scratch"
cd "$scratch"

fail() { echo "views: $*"; exit 1; }

# check.py VIEW.json ORIGINAL.json CHECK [ARG]: assert a property of a view
# (MINW in the environment: the --min-weight the view was made with)
cat >check.py <<'EOF'
import json, os, sys
view, orig, what = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
arg = sys.argv[4] if len(sys.argv) > 4 else None
ids = {n["id"] for n in view["nodes"]}
onodes = {n["id"]: n for n in orig["nodes"]}
nbr = {}
for l in orig["links"]:
    nbr.setdefault(l["source"], set()).add(l["target"])
    nbr.setdefault(l["target"], set()).add(l["source"])
def fail(msg):
    sys.exit("views: %s: %s" % (what, msg))
# in every view: links join kept nodes, and are the original links unchanged
olinks = {(l["source"], l["target"]): l for l in orig["links"]}
for l in view["links"]:
    if l["source"] not in ids or l["target"] not in ids:
        fail("link %s -- %s has an end outside the view" % (l["source"], l["target"]))
    o = olinks[(l["source"], l["target"])]
    for k in ("weight", "relations", "evidence", "evidence_count", "example"):
        if l.get(k) != o.get(k):
            fail("link %s -- %s: %s changed" % (l["source"], l["target"], k))
# and every original link between kept nodes that passes the weight filter is there
minw = float(arg) if what == "min-weight" else float(os.environ.get("MINW", "0"))
vl = {(l["source"], l["target"]) for l in view["links"]}
for (a, b), l in olinks.items():
    if a in ids and b in ids and l["weight"] >= minw and (a, b) not in vl:
        fail("link %s -- %s lost" % (a, b))
if what == "count":
    if len(ids) != int(arg):
        fail("%d nodes, expected %s" % (len(ids), arg))
elif what == "types":
    bad = [n["id"] for n in view["nodes"] if n["type"] not in arg.split(",")]
    if bad or not ids:
        fail("nodes of other types: %s" % bad)
    want = {i for i, n in onodes.items() if n["type"] in arg.split(",")}
    if want != ids:
        fail("expected every %s node" % arg)
elif what == "min-weight":
    if any(l["weight"] < minw for l in view["links"]):
        fail("a link below %s" % arg)
    deg = {}
    for l in view["links"]:
        deg[l["source"]] = deg.get(l["source"], 0) + 1
        deg[l["target"]] = deg.get(l["target"], 0) + 1
    lone = [i for i in ids if i not in deg and i in nbr]
    if lone:
        fail("nodes left without links: %s" % lone)
    # degree is recomputed on the view (analyze)
    for n in view["nodes"]:
        if n["metrics"]["degree"] != deg.get(n["id"], 0):
            fail("%s: degree %s, %d links in the view" % (n["id"], n["metrics"]["degree"], deg.get(n["id"], 0)))
elif what.startswith("ego"):
    ego, radius = arg.split("/")
    reach, frontier = {ego}, {ego}
    for _ in range(int(radius)):
        frontier = {v for u in frontier for v in nbr.get(u, ())} - reach
        reach |= frontier
    if ids != reach:
        fail("kept %s, expected %s" % (sorted(ids ^ reach), sorted(reach)))
elif what == "top":
    k = int(arg)
    order = sorted(onodes, key=lambda i: (-onodes[i]["metrics"]["pagerank"], i))
    if ids != set(order[:k]):
        fail("kept %s, expected the top %d by pagerank %s" % (sorted(ids), k, order[:k]))
    # render keeps the metrics of the whole graph
    for n in view["nodes"]:
        if n["metrics"] != onodes[n["id"]]["metrics"]:
            fail("%s: metrics changed" % n["id"])
else:
    fail("unknown check")
EOF
check() { "$PY" check.py "$@" || exit 1; }

n_all=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$graph")

# --types: only those types; stderr says what went
"$bin" analyze --types person,state -o types.json "$graph" 2>types.err
check types.json "$graph" types person,state
n=$("$PY" -c 'import json; print(len(json.load(open("types.json"))["nodes"]))')
grep -q "^actorgraph: kept $n of $n_all nodes and [0-9]* of [0-9]* links (--types person,state: -$((n_all - n)) nodes)$" types.err ||
	fail "analyze --types: unexpected stderr: $(cat types.err)"

# --min-weight: lighter links go, and nodes they left without links; metrics describe the view
"$bin" analyze --min-weight 3 -o minw.json "$graph" 2>minw.err
check minw.json "$graph" min-weight 3
grep -q -- "--min-weight 3: -[0-9]* links, -[0-9]* nodes left without links" minw.err ||
	fail "analyze --min-weight: unexpected stderr: $(cat minw.err)"

# --ego with radius 1 and 2
"$bin" analyze -q --ego state:ukraine -o ego1.json "$graph"
check ego1.json "$graph" ego state:ukraine/1
"$bin" analyze -q --ego person:vladimir-putin --radius 2 -o ego2.json "$graph"
check ego2.json "$graph" ego person:vladimir-putin/2

# --top K on an analysed graph ranks by its pagerank; render keeps the metrics
"$bin" render -f json --top 5 -o top.json "$graph" 2>top.err
check top.json "$graph" count 5
check top.json "$graph" top 5
grep -q -- "(--top 5 by pagerank: -$((n_all - 5)) nodes)$" top.err || fail "render --top: unexpected stderr: $(cat top.err)"
"$bin" render -q -f csv-nodes --top 5 -o top.csv "$graph"
[ "$(wc -l <top.csv)" -eq 6 ] || fail "render -f csv-nodes --top 5: $(wc -l <top.csv) lines"
"$bin" render -q -f svg --ego state:ukraine --radius 1 -o ego.svg "$graph"
grep -q '<svg' ego.svg || fail "render -f svg of a view: no SVG"

# filters combine, in order; the record of the view is in the graph
"$bin" analyze -q --types person,state --min-weight 2 --top 8 -o combo.json "$graph"
MINW=2 check combo.json "$graph" count 8
"$PY" - <<'EOF' || exit 1
import json
f = json.load(open("combo.json"))["graph"]["filters"]
assert len(f) == 1 and f[0]["types"] == ["person", "state"] and f[0]["min_weight"] == 2 and \
    f[0]["top"] == 8 and f[0]["top_by"] == "pagerank" and f[0]["nodes"] == 8, f
EOF

# deterministic
"$bin" analyze -q --types person,state --min-weight 2 --top 8 -o combo2.json "$graph"
cmp combo.json combo2.json || fail "two runs differ"

# build: filter after extraction (no metrics yet: --top by strength), --quiet says nothing
"$bin" build -q "$src/graphs/peace-talks/texts" --top 10 --out built 2>build.err
# (only our lines: a sanitizer build adds its own report)
! grep -q '^actorgraph:' build.err || fail "build -q wrote to stderr: $(cat build.err)"
check built/graph.json built/graph.json count 10
"$bin" build "$src/graphs/peace-talks/texts" --types state --out built2 2>build2.err
grep -q -- "(--types state: -[0-9]* nodes)$" build2.err || fail "build --types: unexpected stderr: $(cat build2.err)"
check built2/graph.json built2/graph.json types state

# an empty view is not an error, but is said
"$bin" analyze --types other -o empty.json "$graph" 2>empty.err
check empty.json "$graph" count 0
grep -q "warning: the view is empty" empty.err || fail "empty view: no warning"

# errors: an unknown ego names it (exit 1); bad options are usage errors (exit 2)
set +e
"$bin" analyze --ego state:atlantis "$graph" >/dev/null 2>err.txt; rc=$?
set -e
[ $rc -eq 1 ] || fail "unknown ego: exit $rc"
grep -qx "actorgraph: ego node 'state:atlantis' is not in the graph" err.txt || fail "unknown ego: $(cat err.txt)"
for bad in "--radius 2" "--top 0" "--top 2.5" "--min-weight -1" "--types person,bogus" "--ego state:ukraine --radius x"; do
	set +e
	# shellcheck disable=SC2086
	"$bin" render -f json $bad "$graph" >/dev/null 2>err.txt; rc=$?
	set -e
	[ $rc -eq 2 ] || fail "render $bad: exit $rc, expected 2 ($(cat err.txt))"
done

# --help of each command mentions the view options
for cmd in analyze render build; do
	"$bin" $cmd --help | grep -q -- "--min-weight W" || fail "$cmd --help: no --min-weight"
done
echo "views: types, min-weight, ego, top, errors and determinism as expected"
