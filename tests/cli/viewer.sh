#!/usr/bin/env bash
# scripts/viewer.html, through scripts/make-viewer, in headless Chromium with
# no network: every node of the graph is drawn (one circle with a data-id per
# node, as many lines as links) for the committed example graph, a fresh
# extraction (no metrics), a networkx graph (integer ids, "edges") and a graph
# of hostile labels, which must stay text: no script of theirs runs, no
# element of theirs appears.  Skipped (77) when chromium is not installed.
set -euo pipefail
bin=$1 src=$2 scratch=$3
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium not installed: skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"

# The DOM of a page after its scripts ran (the layout runs synchronously on load).
dom() { # page.html out.html
  local profile
  profile=$(mktemp -d "$scratch/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --no-first-run --user-data-dir="$profile" \
    --host-resolver-rules="MAP * ~NOTFOUND" --dump-dom "file://$1" > "$2" 2>> "$scratch/chromium.log"
  rm -rf "$profile"
}

# count of distinct node ids and of links in a node-link graph
counts() {
  /usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
links = d.get("links", d.get("edges", []))
print(len({str(n["id"]) for n in d["nodes"]}), len(links))' "$1"
}

check() { # graph.json name [expected status text]
  local graph=$1 name=$2 want=${3:-} nodes links circles lines
  "$src/scripts/make-viewer" "$graph" "$scratch/$name.html"
  dom "$scratch/$name.html" "$scratch/$name.dom.html"
  read -r nodes links < <(counts "$graph")
  circles=$(grep -o '<circle [^>]*data-id="' "$scratch/$name.dom.html" | wc -l)
  lines=$(grep -o '<line ' "$scratch/$name.dom.html" | wc -l)
  grep -q '<body data-state="ready"' "$scratch/$name.dom.html" || {
    echo "viewer: $name: page not ready: $(grep -o '<span id="status">[^<]*' "$scratch/$name.dom.html")"; exit 1; }
  [ "$circles" -eq "$nodes" ] || { echo "viewer: $name: $circles circles for $nodes nodes"; exit 1; }
  [ "$lines" -eq "$links" ] || { echo "viewer: $name: $lines lines for $links links"; exit 1; }
  grep -q "data-nodes=\"$nodes\" data-links=\"$links\"" "$scratch/$name.dom.html" || {
    echo "viewer: $name: svg counts wrong"; exit 1; }
  if [ -n "$want" ] && ! grep -q "$want" "$scratch/$name.dom.html"; then
    echo "viewer: $name: no \"$want\" in the page"; exit 1
  fi
  echo "viewer: $name: $circles nodes, $lines links drawn"
}

check "$src/graphs/peace-talks/graph.json" peace-talks "size = PageRank"
"$bin" extract -q -o "$scratch/extracted.json" "$src/graphs/peace-talks/texts"
check "$scratch/extracted.json" extracted "size = strength"

# networkx's own output: integer ids, "edges" (networkx 3.6), a d3-style object end
/usr/bin/python3 - "$scratch/karate.json" <<'EOF'
import json, sys
nodes = [{"id": i, "club": "x"} for i in range(12)]
edges = [{"source": i, "target": (i * 5 + 1) % 12} for i in range(12) if i != (i * 5 + 1) % 12]
edges.append({"source": {"id": 3}, "target": 7})
json.dump({"directed": False, "multigraph": False, "graph": {}, "nodes": nodes, "edges": edges},
          open(sys.argv[1], "w"))
EOF
check "$scratch/karate.json" networkx "size = strength"

# hostile labels: text, never markup or script
/usr/bin/python3 - "$scratch/hostile.json" <<'EOF'
import json, sys
evil = [
    '"><script>document.body.setAttribute("data-pwned", "1")</script>',
    '</script><script>document.body.setAttribute("data-pwned", "2")</script>',
    '<img src=x onerror="document.body.setAttribute(\'data-pwned\', \'3\')">',
    '<svg onload="document.body.setAttribute(\'data-pwned\', \'4\')"></svg>',
    "<!-- x", "]]> & &amp; \u2028 \u2029 \\u003c",
]
nodes = [{"id": f"person:{e}", "label": e, "type": "person", "aliases": [e], "role": e,
          "community": i, "metrics": {"pagerank": 0.1 + i / 100}} for i, e in enumerate(evil)]
links = [{"source": nodes[i]["id"], "target": nodes[(i + 1) % len(nodes)]["id"], "weight": 1 + i,
          "relations": {e: 1}, "example": e} for i, e in enumerate(evil)]
json.dump({"directed": False, "multigraph": False, "graph": {"generator": evil[0]},
           "nodes": nodes, "links": links}, open(sys.argv[1], "w"))
EOF
check "$scratch/hostile.json" hostile
d=$scratch/hostile.dom.html
grep -q '<body[^>]*data-pwned' "$d" && { echo "viewer: a label ran as script"; exit 1; }
[ "$(grep -o '<script' "$d" | wc -l)" -eq 2 ] || { echo "viewer: a label became a script element"; exit 1; }
grep -Eq '<(img|svg onload)' "$d" && { echo "viewer: a label became an element"; exit 1; }
grep -q '&lt;img src=x onerror=' "$d" || { echo "viewer: the hostile label is not shown as text"; exit 1; }

# the bare page, with no graph, waits for one
dom "$src/scripts/viewer.html" "$scratch/empty.dom.html"
grep -q '<body data-state="empty"' "$scratch/empty.dom.html" || { echo "viewer: the bare page is not empty"; exit 1; }
echo "viewer: ok"
