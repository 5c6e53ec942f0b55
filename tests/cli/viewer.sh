#!/usr/bin/env bash
# scripts/make-viewer and the page it writes, in headless Chromium driven over
# the DevTools protocol (tests/cli/lib/viewer_check.py, stdlib Python; no
# network: the browser resolves no host, and any request but file: fails the
# check).  For the committed example graph: every node drawn, colours as the
# SVG renderer's, unique meeting labels, labels that never overlap and show
# on zoom, wheel zoom, drag, search (highlight, centre, Enter opens the panel
# with the node's fields and its links' evidence sentences, sliced from the
# texts), type, relation, weight and date filters (counts against the graph).
# Also a fresh extraction (no metrics), a networkx graph (integer ids,
# "edges"), hostile names and texts (stay text), --top K, the load time of a
# 5,000-node page, the bare page, and make-viewer's errors.  Screenshots stay
# in the work dir ($scratch/*.png).  Skipped (77) when chromium is not
# installed.
set -euo pipefail
bin=$1 src=$2 scratch=$3
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium not installed: skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"
check=$src/tests/cli/lib/viewer_check.py
mv=$src/scripts/make-viewer
py=/usr/bin/python3
fail() { echo "viewer: $*"; exit 1; }

# make-viewer's own errors: usage 2, a file it cannot use 1, no page left behind
rc=0; "$mv" >/dev/null 2>&1 || rc=$?; [ "$rc" -eq 2 ] || fail "no arguments: exit $rc, not 2"
rc=0; "$mv" "$src/graphs/peace-talks/graph.json" "$scratch/x.html" --top 0 2>/dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "--top 0: exit $rc, not 2"
echo '{"no": "nodes"}' > "$scratch/bad.json"
rc=0; "$mv" "$scratch/bad.json" "$scratch/x.html" 2>"$scratch/err" || rc=$?
[ "$rc" -eq 1 ] && grep -q 'not a node-link graph' "$scratch/err" || fail "a non-graph: exit $rc, $(cat "$scratch/err")"
rc=0; "$mv" "$scratch/missing.json" "$scratch/x.html" 2>/dev/null || rc=$?; [ "$rc" -eq 1 ] || fail "a missing file: exit $rc"
[ ! -e "$scratch/x.html" ] || fail "a failed run left a page"
echo "viewer: make-viewer errors ok"

# the example graph: documents' paths are relative to the repository, found
# from the graph's folder upwards; the same graph as SVG for the colours
"$mv" "$src/graphs/peace-talks/graph.json" "$scratch/peace-talks.html"
"$bin" render -f svg -o "$scratch/peace-talks.svg" "$src/graphs/peace-talks/graph.json"
$py "$check" explore "$scratch/peace-talks.html" "$src/graphs/peace-talks/graph.json" \
  "$scratch/peace-talks.svg" "$src" "$scratch" || fail "peace-talks"

# an ego view: stored colours kept, the ego marked
"$bin" render -q -f json --ego person:steve-witkoff -o "$scratch/ego.json" "$src/graphs/peace-talks/graph.json"
"$mv" "$scratch/ego.json" "$scratch/ego.html"
$py "$check" basic "$scratch/ego.html" "$scratch/ego.json" "$scratch/ego.png" || fail "ego view"

# a fresh extraction (no metrics, absolute paths), a networkx graph
"$bin" extract -q -o "$scratch/extracted.json" "$src/graphs/peace-talks/texts"
"$mv" "$scratch/extracted.json" "$scratch/extracted.html"
$py "$check" basic "$scratch/extracted.html" "$scratch/extracted.json" "$scratch/extracted.png" || fail "extracted"
$py - "$scratch/karate.json" <<'EOF'
import json, sys
nodes = [{"id": i, "club": "x"} for i in range(12)]
edges = [{"source": i, "target": (i * 5 + 1) % 12} for i in range(12) if i != (i * 5 + 1) % 12]
edges.append({"source": {"id": 3}, "target": 7})
json.dump({"directed": False, "multigraph": False, "graph": {}, "nodes": nodes, "edges": edges},
          open(sys.argv[1], "w"))
EOF
"$mv" "$scratch/karate.json" "$scratch/networkx.html"
$py "$check" basic "$scratch/networkx.html" "$scratch/karate.json" "$scratch/networkx.png" || fail "networkx"

# hostile names, ids, documents and sentences: text, never markup or script
$py - "$scratch/hostile.json" "$scratch/hostile.txt" <<'EOF'
import json, sys
evil = [
    '"><script>document.body.setAttribute("data-pwned", "1")</script>',
    '</script><script>document.body.setAttribute("data-pwned", "2")</script>',
    '<img src=x onerror="document.body.setAttribute(\'data-pwned\', \'3\')">',
    '<svg onload="document.body.setAttribute(\'data-pwned\', \'4\')"></svg>',
    "<!-- x", "]]> & &amp; \u2028 \u2029 \\u003c",
]
text = ('</script><script>window.__pwned = 1</script> & <b>bold</b> <img src=x onerror="window.__pwned=2"> '
        '\u2028 <!-- --> end.\nSecond line.\n')
open(sys.argv[2], "w", encoding="utf-8").write(text)
span = len(text.split("\n")[0].encode("utf-8"))
nodes = [{"id": f"person:{e}", "label": e, "type": "person", "aliases": [e], "role": e,
          "community": 0 if i < 3 else 1, "metrics": {"pagerank": 0.1 + i / 100}} for i, e in enumerate(evil)]
nodes += [{"id": f"meeting:{m}", "label": "</script><b>talks</b>", "type": "meeting", "place": "</script>",
           "community": 1} for m in ("a", "b")]
doc = '<b>doc</b>"</script>'
links = [{"source": nodes[i]["id"], "target": nodes[(i + 1) % len(nodes)]["id"], "weight": 1 + i,
          "relations": {e: 1}, "example": e, "evidence": [{"doc": doc, "start": 0, "end": span}],
          "evidence_count": 1} for i, e in enumerate(evil)]
json.dump({"directed": False, "multigraph": False,
           "graph": {"generator": evil[0], "documents": [{"id": doc, "path": sys.argv[2], "date": "2026-01-01"}],
                     "communities": [{"id": 0, "size": 3, "color": "red;background:url(javascript:x)"},
                                     {"id": 1, "size": 5, "color": "#123456", "pattern": "half"}]},
           "nodes": nodes, "links": links}, open(sys.argv[1], "w"))
EOF
"$mv" "$scratch/hostile.json" "$scratch/hostile.html"
$py "$check" hostile "$scratch/hostile.html" "$scratch/hostile.txt" "$scratch/hostile.png" || fail "hostile"

# big graphs: --top K, and a whole 5,000-node page opening in under 5 s
$py "$src/scripts/gen-graph.py" --nodes 5000 --links 15000 --seed 3 "$scratch/big.json"
"$mv" "$scratch/big.json" "$scratch/top.html" --top 300
$py "$check" top "$scratch/top.html" "$scratch/big.json" 300 || fail "--top"
start=$EPOCHREALTIME
"$mv" "$scratch/big.json" "$scratch/big.html"
echo "viewer: make-viewer on 5000 nodes, 15000 links: $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s"
$py "$check" load "$scratch/big.html" 5000 "${VIEWER_LOAD_LIMIT_MS:-5000}" "$scratch/big.png" || fail "5000 nodes"

# the bare page, with no graph, waits for one; its Open button reads one
$py "$check" empty "$src/scripts/viewer.html" "$src/graphs/peace-talks/graph.json" "$scratch" || fail "bare page"
echo "viewer: ok"
