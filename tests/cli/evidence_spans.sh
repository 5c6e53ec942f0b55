#!/usr/bin/env bash
# Evidence that proves the link: over every rule fixture (tests/fixtures/rules,
# their "#!" lines taken out), each evidence span of each meeting link (party,
# mediator, host, participant) must name both ends: the actor by its label, an
# alias or (a person) the last word of one, and the meeting by its place, its
# country's names, or a word of talks.  At most 5 % of the spans of a relation
# may miss (a state named only through its leader, say); every miss is listed.
# The same spans must stand in the byte-exact text: a span starts and ends on a
# UTF-8 boundary inside the document.
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch/texts"
for f in "$src"/tests/fixtures/rules/*.txt; do
	grep -v '^#!' "$f" >"$scratch/texts/$(basename "$f")"
done
"$bin" extract -q -o "$scratch/rules.json" "$scratch/texts"
/usr/bin/python3 - "$scratch/rules.json" <<'PY'
import collections, json, re, sys, unicodedata

MEETING_WORDS = ("talk", "meet", "met", "summit", "negotiat", "round", "conference", "forum", "session",
                 "delegation", "visit", "signing", "signed", "consultation", "dialogue", "discussion",
                 "attend", "participant")
ROLES = ("party", "mediator", "host", "participant")


def plain(s):
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("\u2019", "'")


g = json.load(open(sys.argv[1], encoding="utf-8"))
nodes = {n["id"]: n for n in g["nodes"]}
paths = {d["id"]: d["path"] for d in g["graph"]["documents"]}
texts = {}


def forms(node):
    out = {plain(node["label"])} | {plain(a) for a in node.get("aliases", [])}
    if node["type"] == "person":
        out |= {f.split()[-1] for f in list(out) if f.split()}
    return {f for f in out if len(f) > 1}


def names(span, node):
    if node["type"] == "meeting":
        if any(w in span for w in MEETING_WORDS):
            return True
        places = {plain(node.get("place"))} if node.get("place") else set()
        if node.get("country") in nodes:
            places |= forms(nodes[node["country"]])
        node_forms = places
    else:
        node_forms = forms(node)
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", span) for f in node_forms if f)


held, total, misses = collections.Counter(), collections.Counter(), []
for link in g["links"]:
    rels = [r for r in ROLES if link.get("relations", {}).get(r)]
    if not rels:
        continue
    a, b = nodes[link["source"]], nodes[link["target"]]
    for ev in link["evidence"]:
        doc = ev["doc"]
        if doc not in texts:
            texts[doc] = open(paths[doc], "rb").read()
        raw = texts[doc]
        assert 0 <= ev["start"] < ev["end"] <= len(raw), (link, ev)
        piece = raw[ev["start"]:ev["end"]]
        piece.decode("utf-8")  # raises when a span cuts a character
        span = plain(piece.decode("utf-8"))
        ok = names(span, a) and names(span, b)
        for r in rels:
            total[r] += 1
            held[r] += ok
        if not ok:
            misses.append(f"{doc}: {a['label']} -- {b['label']} ({', '.join(rels)}): \"{span[:120]}\"")
for m in misses:
    print("  miss:", m)
bad = [r for r in ROLES if total[r] and held[r] < 0.95 * total[r]]
for r in ROLES:
    print(f"evidence_spans: {r:12s} {held[r]}/{total[r]} spans name both ends")
assert total["party"] >= 40 and total["participant"] >= 40 and total["mediator"] >= 10, total
assert not bad, f"below 95 %: {bad}"
PY
