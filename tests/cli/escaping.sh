#!/usr/bin/env bash
# Escaping everywhere: names that are markup, spreadsheet formulas, Graphviz
# escapes and control bytes come out of `render -f FORMAT` as inert text in
# JSON, DOT, SVG and CSV (one check per format).
#
#   bash escaping.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
command -v python3 >/dev/null || { echo "escaping: python3 is needed, skipped"; exit 77; }
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
failures=0

fail() {
	echo "FAIL $*"
	failures=$((failures + 1))
}

# Every hostile string sits in a label, and others in roles, aliases, ids,
# document ids and evidence examples.
cat >hostile.json <<'EOF'
{"directed": false, "multigraph": false,
 "graph": {"documents": [{"id": "d\"1<x>", "path": "a,b.txt", "date": "2026-01-02"}]},
 "nodes": [
  {"id": "person:script", "type": "person", "label": "\"><script>alert(1)</script>",
   "role": "=HYPERLINK(\"x\")", "affiliation": "state:n", "aliases": ["<B>bold</B>", "@SUM(A1)"]},
  {"id": "state:n", "type": "state", "label": "\\N", "aliases": ["\\G \\E \\T \\H \\L"]},
  {"id": "organization:hyper", "type": "organization", "label": "=HYPERLINK(\"x\")"},
  {"id": "person:ctl", "type": "person", "label": "bell\u0007 esc\u001b[31m nul-ish\u0001 end", "role": "-2+3"},
  {"id": "<b>id\"&'</b>", "type": "organization", "label": "<B>&#1;&lt;</B>"}
 ],
 "links": [
  {"source": "person:script", "target": "state:n", "weight": 2, "relations": {"affiliation": 1, "co_mention": 1},
   "example": "</text><script>alert(2)</script>&amp;"},
  {"source": "organization:hyper", "target": "person:ctl", "weight": 1, "relations": {"co_mention": 1},
   "evidence": [{"doc": "d\"1<x>", "start": 0, "end": 5}], "example": "+1 \"q\" \\N"},
  {"source": "<b>id\"&'</b>", "target": "state:n", "weight": 1}
 ]}
EOF

render() { "$bin" render -q -f "$1" -o "out.$1" hostile.json 2>"$1.err" || fail "render -f $1: $(cat "$1.err")"; }

# --- JSON: the strings come back exactly; no raw control byte in the text ----
render json
python3 - out.json hostile.json <<'EOF' || fail "json"
import json, sys
raw = open(sys.argv[1], "rb").read()
assert not any(b < 0x20 and b not in b"\n" for b in raw), "raw control byte in the JSON"
out, inp = json.loads(raw), json.load(open(sys.argv[2]))
nodes = {n["id"]: n for n in out["nodes"]}
for n in inp["nodes"]:
    for k in ("label", "role", "aliases"):
        if k in n:
            assert nodes[n["id"]][k] == n[k], (n["id"], k, nodes[n["id"]][k])
examples = sorted(l.get("example", "") for l in out["links"])
assert examples == sorted(l.get("example", "") for l in inp["links"]), examples
assert out["graph"]["documents"][0]["id"] == 'd"1<x>'
EOF
echo "json: strings round-trip, no raw control bytes"

# --- DOT: Graphviz reads every label back as the text it was ------------------
render dot
if dot -Tcanon out.dot >canon.dot 2>dot.err; then
	# labels as Graphviz parses them (escString still to apply: "\\N" is a literal \N)
	gvpr 'N[name != "legend" && name != "legend_frame" && index(name, "legend_") != 0]{print(name, "|", $.label)}' out.dot >labels.txt
	grep -qxF 'person:script|"><script>alert(1)</script>' labels.txt || fail "dot: script label: $(cat labels.txt)"
	grep -qxF 'state:n|\\N' labels.txt || fail "dot: \\N is not escaped: $(grep state:n labels.txt)"
	grep -qxF 'organization:hyper|=HYPERLINK("x")' labels.txt || fail "dot: formula label"
	# '&' is written "&amp;" in names and labels (Graphviz decodes entities)
	grep -qxF '<b>id"&amp;'"'"'</b>|<B>&amp;#1;&amp;lt;</B>' labels.txt || fail "dot: markup id or label: $(head -1 labels.txt)"
	# markup in names never becomes an HTML-like label (only the legend is one)
	[ "$(grep -c 'label=<' out.dot)" -eq "$(grep -c '^[[:space:]]*legend[^_]*label=<' out.dot)" ] ||
		fail "dot: an HTML-like label that is not the legend: $(grep 'label=<' out.dot | grep -v legend | head -2)"
	# control bytes do not reach the file
	LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f]' out.dot && fail "dot: raw control byte"
	# what Graphviz itself draws from our DOT: \N stays \N, not the node's name
	dot -Tsvg out.dot >from-dot.svg 2>/dev/null || fail "dot -Tsvg failed on our DOT"
	grep -q '>\\N</text>' from-dot.svg || fail "dot: \\N drawn as something else"
	grep -q '>state:n</text>' from-dot.svg && fail "dot: \\N expanded to the node name"
	echo "dot: parsed by Graphviz, labels intact, \\N literal"
else
	fail "dot: Graphviz cannot parse it: $(cat dot.err)"
fi

# --- SVG: well-formed, no live markup, \N literal, no control bytes ------------
render svg
if command -v xmllint >/dev/null; then
	xmllint --noout out.svg 2>svg.err || fail "svg: not well-formed XML: $(head -3 svg.err)"
fi
grep -qi '<script' out.svg && fail "svg: a <script> element"
grep -qi '<b>' out.svg && fail "svg: a <b> element"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' out.svg || fail "svg: the script label is not shown escaped"
grep -q '>\\N</text>' out.svg || fail "svg: \\N not drawn literally"
grep -q '>state:n</text>' out.svg && fail "svg: \\N expanded to the node name"
grep -q '>=HYPERLINK(&quot;x&quot;)</text>' out.svg || fail "svg: formula label"
# entities in names are text: "&#1;" must not become a control character
grep -q '>&lt;B&gt;&amp;#1;&amp;lt;&lt;/B&gt;</text>' out.svg || fail "svg: entities in a label were decoded"
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f]' out.svg && fail "svg: raw control byte"
echo "svg: well-formed, markup escaped, \\N literal"

# --- CSV: RFC 4180 round trip, formulas defused --------------------------------
render csv-nodes
render csv-links
python3 - out.csv-nodes out.csv-links <<'EOF' || fail "csv"
import csv, sys
nodes = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
links = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(nodes) == 5 and len(links) == 3, (len(nodes), len(links))
want = {
    "person:script": '"><script>alert(1)</script>',
    "state:n": "\\N",
    "organization:hyper": "'=HYPERLINK(\"x\")",   # a formula gets a leading '
    "person:ctl": "bell\x07 esc\x1b[31m nul-ish\x01 end",
    "<b>id\"&'</b>": "<B>&#1;&lt;</B>",
}
for i, label in want.items():
    assert nodes[i]["label"] == label, (i, nodes[i]["label"])
assert nodes["person:script"]["role"] == "'=HYPERLINK(\"x\")", nodes["person:script"]["role"]
assert nodes["person:ctl"]["role"] == "'-2+3", nodes["person:ctl"]["role"]
# no cell of either table starts a formula
for table in (nodes.values(), links):
    for row in table:
        for k, v in row.items():
            assert not v or v[0] not in "=+-@\t\r" or v.lstrip("+-").replace(".", "", 1).replace("e", "", 1).replace("-", "").isdigit(), (k, v)
assert any(l["first_evidence_doc"] == 'd"1<x>' for l in links)
EOF
echo "csv: parses back exactly, formulas start with '"

if ((failures)); then
	echo "escaping: $failures checks failed"
	exit 1
fi
echo "escaping: hostile names are inert in JSON, DOT, SVG and CSV"
