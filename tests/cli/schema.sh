#!/usr/bin/env bash
# Our node-link JSON matches schema/actorgraph.schema.json: the committed
# example graph, a fresh extraction and a fresh build (with metrics and
# communities).  Also what a schema cannot say: unique node ids, links
# between existing nodes (source < target, no repeats), evidence_count at
# least the evidence listed, and that the schema rejects broken graphs.
# Skipped (77) when python3-jsonschema is not installed.
set -euo pipefail
bin=$1 src=$2 scratch=$3
/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema not installed: skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"
"$bin" extract -q -o "$scratch/extracted.json" "$src/graphs/peace-talks/texts"
"$bin" extract -q -o "$scratch/golden.json" "$src/tests/golden"
"$bin" build -q "$src/graphs/peace-talks/texts" --out "$scratch/built"

/usr/bin/python3 - "$src/schema/actorgraph.schema.json" "$src/graphs/peace-talks/graph.json" \
  "$scratch/extracted.json" "$scratch/golden.json" "$scratch/built/graph.json" <<'EOF'
import copy
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0


def problems(doc):
    out = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
           for e in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))]
    ids = [n.get("id") for n in doc.get("nodes", [])]
    if len(set(map(str, ids))) != len(ids):
        out.append("node ids repeat")
    if [str(i) for i in ids] != sorted(str(i) for i in ids):
        out.append("nodes are not sorted by id")
    known, pairs = set(ids), set()
    for k, l in enumerate(doc.get("links", [])):
        s, t = l.get("source"), l.get("target")
        if s not in known or t not in known:
            out.append(f"links/{k}: {s!r} -- {t!r} is not between nodes")
        if str(s) >= str(t):
            out.append(f"links/{k}: source {s!r} not before target {t!r}")
        if (s, t) in pairs:
            out.append(f"links/{k}: repeated pair")
        pairs.add((s, t))
        if l.get("evidence_count", 0) < len(l.get("evidence", [])):
            out.append(f"links/{k}: evidence_count below the evidence listed")
        docs = {d["id"] for d in doc["graph"].get("documents", [])}
        for e in l.get("evidence", []):
            if e.get("doc") not in docs:
                out.append(f"links/{k}: evidence document {e.get('doc')!r} not in graph.documents")
                break
            if e["end"] < e["start"]:
                out.append(f"links/{k}: evidence end before start")
                break
    return out


for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))
    found = problems(doc)
    for p in found[:20]:
        print(f"schema: {path}: {p}")
    print(f"schema: {path}: {len(doc['nodes'])} nodes, {len(doc['links'])} links, {len(found)} problems")
    failed += bool(found)

# The schema is not vacuous: each of these breakages must be caught.
base = json.load(open(sys.argv[2], encoding="utf-8"))
person = next(i for i, n in enumerate(base["nodes"]) if n["type"] == "person")
breakages = {
    "no links array": lambda d: d.pop("links"),
    "directed graph": lambda d: d.__setitem__("directed", True),
    "unknown top-level key": lambda d: d.__setitem__("edges", []),
    "node without label": lambda d: d["nodes"][0].pop("label"),
    "person without affiliation": lambda d: d["nodes"][person].pop("affiliation"),
    "bad date": lambda d: d["nodes"][0].__setitem__("first_seen", "17 May 2025"),
    "first_seen alone": lambda d: d["nodes"][0].pop("last_seen"),
    "metric as string": lambda d: d["nodes"][0]["metrics"].__setitem__("pagerank", "0.2"),
    "zero weight": lambda d: d["links"][0].__setitem__("weight", 0),
    "relation count 0": lambda d: d["links"][0]["relations"].__setitem__("co_mention", 0),
    "evidence without count": lambda d: d["links"][0].pop("evidence_count"),
    "negative offset": lambda d: d["links"][0]["evidence"][0].__setitem__("start", -1),
    "document without date key": lambda d: d["graph"]["documents"][0].pop("date"),
    "bad generator": lambda d: d["graph"].__setitem__("generator", "networkx"),
}
for what, breakit in breakages.items():
    d = copy.deepcopy(base)
    breakit(d)
    if validator.is_valid(d):
        print(f"schema: the schema accepts a graph with {what}")
        failed += 1
print(f"schema: {len(breakages)} broken graphs checked")
sys.exit(1 if failed else 0)
EOF
