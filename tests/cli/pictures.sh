#!/usr/bin/env bash
# The pictures: one visual encoding in every view, titles and legends that say
# what is drawn, the default cut of large graphs.  SVGs are compared by
# structure (node ids, fills, texts), never by coordinates.
#   - the same community has the same fill in the overview, a --top cut and an
#     --ego cut, and the fill is the one analyze stored in graph.communities;
#   - titles: "The 10 most central of 46 nodes (PageRank)", "Within 1 link of
#     Steve Witkoff"; the ego outlined; the legend names the communities by
#     their hubs ("Russia +15") and lists only the relations and shapes drawn;
#   - a networkx graph: its name is the title, plain links are "link", not
#     "co-mention", and its "other" sample is an octagon like its nodes;
#   - render caps svg/png/pdf at 150 nodes and says so; --all draws them all;
#     on a terminal the layout's progress is shown;
#   - meetings that read the same carry their place or date in the SVG.
set -euo pipefail
bin=$1 src=$2 scratch=$3
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "pictures: no $PY, skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"
cd "$scratch"
fail() { echo "pictures: $*"; exit 1; }
graph=$src/graphs/peace-talks/graph.json

"$bin" render -q -f svg -o all.svg "$graph"
"$bin" render -q -f svg --top 10 -o top.svg "$graph"
"$bin" render -q -f svg --ego person:steve-witkoff -o ego.svg "$graph"
"$bin" render -q -f svg --types person,state --min-weight 2 -o typed.svg "$graph"

"$PY" - "$graph" all.svg top.svg ego.svg typed.svg <<'EOF' || exit 1
import json, re, sys
import xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
graph, views = sys.argv[1], sys.argv[2:]
data = json.load(open(graph, encoding="utf-8"))
problems = []

def parse(path):
    """{node id: (fill, border count)}, texts of the title, texts of the legend."""
    root = ET.parse(path).getroot()
    grads = {g.get("id"): g.find(NS + "stop").get("style", "") for g in root.iter(NS + "linearGradient")}
    nodes, title, legend = {}, [], []
    for g in root.iter(NS + "g"):
        cls = (g.get("class") or "").split()
        t = g.find(NS + "title")
        if "graph" in cls:
            title = [x.text for x in g.findall(NS + "text")]
        if "node" not in cls or t is None:
            continue
        shapes = [e for e in g.iter() if e.tag in (NS + "path", NS + "polygon", NS + "ellipse")]
        texts = [x.text for x in g.iter(NS + "text")]
        if t.text.startswith("legend_"):
            legend += [x for x in texts if x]
            continue
        filled = [e for e in shapes if e.get("fill") not in (None, "none")]
        fill = filled[0].get("fill") if filled else None
        if fill and fill.startswith("url(#"):
            m = re.search(r"stop-color:([^;]+)", grads.get(fill[5:-1], ""))
            fill = (m.group(1) if m else fill) + "/half"
        nodes[t.text] = ((fill or "").upper(), len(shapes), (filled[0].get("stroke") or "").upper() if filled else "")
    return nodes, title, legend

parsed = {v: parse(v) for v in views}
all_nodes = parsed["all.svg"][0]
stored = {c["id"]: c for c in data["graph"]["communities"]}
comm = {n["id"]: n.get("community") for n in data["nodes"]}
labels = {n["id"]: n["label"] for n in data["nodes"]}
if len(all_nodes) != len(data["nodes"]):
    problems.append(f"overview: {len(all_nodes)} nodes of {len(data['nodes'])}")
# the fill is the stored one, and the same in every view
for node, (fill, _, _) in all_nodes.items():
    c = stored.get(comm.get(node))
    if c and fill != c["color"].upper():
        problems.append(f"overview: {node} filled {fill}, its community's stored colour is {c['color']}")
for v in views[1:]:
    nodes = parsed[v][0]
    if not nodes:
        problems.append(f"{v}: no nodes")
    for node, (fill, _, _) in nodes.items():
        if fill != all_nodes[node][0]:
            problems.append(f"{v}: {node} filled {fill}, {all_nodes[node][0]} in the overview")

def has(view, where, text):
    items = parsed[view][1 if where == "title" else 2]
    if not any(text in (x or "") for x in items):
        problems.append(f"{view}: no {text!r} in the {where}: {items}")

def hasnt(view, where, text):
    items = parsed[view][1 if where == "title" else 2]
    if any(text in (x or "") for x in items):
        problems.append(f"{view}: {text!r} in the {where}: {items}")

n = len(data["nodes"])
has("top.svg", "title", f"The 10 most central of {n} nodes (PageRank)")
has("top.svg", "title", "10 nodes, ")
has("ego.svg", "title", "Within 1 link of Steve Witkoff")
has("typed.svg", "title", "Persons and states")
has("typed.svg", "title", "Links of weight \u2265 2")
hasnt("all.svg", "title", "most central")
for v in views:
    has(v, "title", f"actorgraph: {len(data['graph']['documents'])} documents, ")
# the ego: outlined in magenta, named in the legend
if parsed["ego.svg"][0]["person:steve-witkoff"][2] != "#E7298A":
    problems.append(f"ego.svg: the ego is not outlined: {parsed['ego.svg'][0]['person:steve-witkoff']}")
if any(s == "#E7298A" for _, _, s in all_nodes.values()):
    problems.append("all.svg: a node outlined as an ego")
has("ego.svg", "legend", "centre: Steve Witkoff")
# communities named by their hub and other members, in every view
for c in data["graph"]["communities"]:
    name = f"{labels[c['hub']]} +{c['size'] - 1}" if c["size"] > 1 else None
    if name:
        has("all.svg", "legend", name)
has("top.svg", "legend", f"Russia +{stored[comm['state:russia']]['size'] - 1}")
hasnt("top.svg", "legend", "Emmanuel Macron +")  # not drawn in the top 10
# only the shapes and relations drawn
hasnt("top.svg", "legend", "meeting")
hasnt("top.svg", "legend", "organization")
hasnt("top.svg", "legend", "mediator")
has("all.svg", "legend", "mediator")
hasnt("typed.svg", "legend", "party to meeting")
if problems:
    print("pictures: " + "\npictures: ".join(problems))
    sys.exit(1)
print(f"pictures: {len(views)} views, fills as stored and the same in each; titles and legends say what is drawn")
EOF

# meetings that read the same ("Istanbul meeting" twice) carry a date in the SVG
"$PY" - all.svg <<'EOF' || exit 1
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
shown = {}
for g in ET.parse(sys.argv[1]).getroot().iter(NS + "g"):
    t = g.find(NS + "title")
    if "node" in (g.get("class") or "") and t is not None and t.text.startswith("meeting:"):
        shown[t.text] = " ".join(x.text for x in g.iter(NS + "text"))
dupes = [s for s in shown.values() if list(shown.values()).count(s) > 1]
if dupes or not any("(" in s for s in shown.values()):
    print(f"pictures: meeting labels repeat: {sorted(shown.values())}")
    sys.exit(1)
print(f"pictures: {len(shown)} meetings, every label different")
EOF

# a networkx graph: its name as the title, plain links, octagons
"$PY" - karate.json <<'EOF'
import json, sys
edges = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 3), (0, 5)]
json.dump({"directed": False, "multigraph": False, "graph": {"name": "Zachary's Karate Club"},
           "nodes": [{"id": i, "club": "x"} for i in range(6)],
           "links": [{"source": a, "target": b, "weight": 1 + (a + b) % 3} for a, b in edges]}, open(sys.argv[1], "w"))
EOF
"$bin" analyze -q -o karate.a.json karate.json
"$bin" render -q -f svg -o karate.svg karate.a.json
grep -q '>Zachary&#39;s Karate Club</text>\|>Zachary'"'"'s Karate Club</text>' karate.svg || fail "karate: the graph's name is not the title"
grep -q '>link</text>' karate.svg || fail "karate: plain links are not named 'link'"
! grep -q 'co&#45;mention\|co-mention' karate.svg || fail "karate: plain links called co-mention"
"$PY" - karate.svg <<'EOF' || exit 1
import sys, xml.etree.ElementTree as ET
NS = "{http://www.w3.org/2000/svg}"
corners = {}
for g in ET.parse(sys.argv[1]).getroot().iter(NS + "g"):
    t, p = g.find(NS + "title"), g.find(".//" + NS + "polygon")
    if "node" in (g.get("class") or "") and t is not None and p is not None:
        corners[t.text] = len(p.get("points").split()) - 1
if corners.get("legend_other") != 8 or corners.get("0") != 8:
    print(f"pictures: karate: the 'other' sample has {corners.get('legend_other')} corners, the nodes {corners.get('0')}")
    sys.exit(1)
print("pictures: a networkx graph: its name, plain links, octagons in the drawing and the legend")
EOF

# a large graph: render caps the drawn formats at 150 nodes and says so; --all draws them all
"$PY" "$src/scripts/gen-graph.py" --nodes 400 --links 900 --seed 5 big.json
"$bin" analyze -q -o big.a.json big.json
"$bin" render -f svg -o big.svg big.a.json 2>big.err
grep -q "big.svg draws the 150 most central of 400 nodes (the most central of each type first); --all draws every node" big.err ||
  fail "render does not say it draws a cut: $(cat big.err)"
n=$(grep -A1 'class="node"' big.svg | grep -c '<title>\(person\|state\|organization\):' || true)
[ "$n" -eq 150 ] || fail "render draws $n nodes of a 400-node graph, not 150"
grep -q 'The 150 most central of 400 nodes by PageRank, the top 25 of each type first' big.svg || fail "the cut is not in the title"
for t in person state organization; do
  n=$(grep -A1 'class="node"' big.svg | grep -c "<title>$t:" || true)  # not grep -q: pipefail
  [ "$n" -gt 0 ] || fail "the cut draws no $t"
done
"$bin" render -q -f dot -o big.dot big.a.json
[ "$(grep -c '^	"' big.dot)" -ge 400 ] || fail "the DOT file is cut"
"$bin" render -f svg --all -o all-big.svg big.a.json 2>all.err
n=$(grep -A1 'class="node"' all-big.svg | grep -c '<title>\(person\|state\|organization\):' || true)
[ "$n" -eq 400 ] || fail "--all draws $n of 400 nodes"
! grep -q "most central" all.err || fail "--all still says it cuts: $(cat all.err)"
"$bin" render -q -f png -o big.png big.a.json 2>q.err
[ ! -s q.err ] || fail "-q still talks: $(cat q.err)"
# on a terminal, the layout's progress
if command -v script >/dev/null; then
  script -qec "'$bin' render -f svg -o tty.svg '$scratch/big.a.json'" /dev/null >tty.out 2>&1 || true
  grep -q "laying out 150 nodes and [0-9]* links (neato)" tty.out || fail "no progress on a terminal: $(cat tty.out)"
fi
echo "pictures: a 400-node graph drawn as its 150 most central (every type), said so; --all draws all 400"
