#!/usr/bin/env bash
# One node per real meeting across documents: the same round reported by its
# city and by its country is one node whose weights grow with the reports; a
# later round in the same city is another node; file order does not matter.
set -euo pipefail
bin=$1 src=$2 scratch=$3
mkdir -p "$scratch"
fx=$src/tests/fixtures/meetings
"$bin" extract -q -o "$scratch/abc.json" "$fx/a.txt" "$fx/b.txt" "$fx/c.txt"
"$bin" extract -q -o "$scratch/cba.json" "$fx/c.txt" "$fx/b.txt" "$fx/a.txt"
cmp "$scratch/abc.json" "$scratch/cba.json"
/usr/bin/python3 - "$scratch/abc.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
meetings = sorted((n for n in g["nodes"] if n["type"] == "meeting"), key=lambda n: n["start"] or "")
assert len(meetings) == 2, [m["id"] for m in meetings]
march, june = meetings
assert (march["place"], march["start"], march["end"]) == ("Vienna", "2026-03-10", "2026-03-11"), march
assert june["start"] == "2026-06-16", june
assert march["first_seen"] == "2026-03-10" and march["last_seen"] == "2026-03-11", march
party = [l for l in g["links"] if march["id"] in (l["source"], l["target"]) and "state:armenia" in (l["source"], l["target"])]
assert party and party[0]["relations"].get("party") == 2, party  # two reports of one round
print("meetings_merge: 2 meetings from 3 reports, order-independent")
PY
