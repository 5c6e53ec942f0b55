#!/usr/bin/env bash
# The synthetic corpus of scripts/gen-corpus against its ground truth: a 1 MB
# corpus (seed 7) is extracted and the planted actors must come back -
# persons, states and organizations with recall >= 0.95, the affiliation of
# recovered persons right for >= 0.95 of them; meetings found (same city, start
# within a day) are reported and must reach 0.9.  The generator must be
# deterministic: the same seed writes the same bytes, another seed does not.
# Skipped (77) when python3 is not installed.
#
#   bash gen_corpus.sh BIN SRCDIR SCRATCHDIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3 || true)
[ -n "$py" ] && [ -x "$py" ] || { echo "python3 not installed: skipped"; exit 77; }
rm -rf "$scratch" && mkdir -p "$scratch"
gen=$src/scripts/gen-corpus
size=${GEN_CORPUS_MB:-1}

# usage errors are reported, with status 2
for bad in "" "x 1 $scratch/bad" "1 y $scratch/bad" "0 1 $scratch/bad" "-3 1 $scratch/bad"; do
	# shellcheck disable=SC2086
	if "$py" "$gen" $bad 2>"$scratch/err"; then
		echo "gen_corpus: FAIL: gen-corpus accepted bad arguments '$bad'"; exit 1
	fi
	grep -q '^gen-corpus: ' "$scratch/err" || { echo "gen_corpus: FAIL: no message for '$bad'"; exit 1; }
done
"$py" "$gen" --help | grep -q 'truth.json' || { echo "gen_corpus: FAIL: --help"; exit 1; }

"$py" "$gen" "$size" 7 "$scratch/a" 2>"$scratch/gen-a.log"
cat "$scratch/gen-a.log"
"$py" "$gen" "$size" 7 "$scratch/b" 2>/dev/null
"$py" "$gen" "$size" 8 "$scratch/c" 2>/dev/null
if diff -r "$scratch/a" "$scratch/b" >/dev/null; then
	echo "ok   determinism: seed 7 twice gives byte-identical files"
else
	echo "gen_corpus: FAIL: seed 7 twice gives different files"; diff -rq "$scratch/a" "$scratch/b" | head; exit 1
fi
if diff -r "$scratch/a" "$scratch/c" >/dev/null; then
	echo "gen_corpus: FAIL: seeds 7 and 8 give the same corpus"; exit 1
fi
# the layout: nested .txt (some gzipped) and JSONL (some gzipped)
for pat in '*.txt' '*.txt.gz' '*.jsonl' '*.jsonl.gz'; do
	[ -n "$(find "$scratch/a" -name "$pat" -print -quit)" ] || { echo "gen_corpus: FAIL: no $pat file"; exit 1; }
done

"$bin" extract -q -o "$scratch/graph.json" "$scratch/a"

"$py" - "$scratch/a/truth.json" "$scratch/graph.json" <<'PY'
import datetime
import json
import sys

truth = json.load(open(sys.argv[1], encoding="utf-8"))
g = json.load(open(sys.argv[2], encoding="utf-8"))
nodes = {n["id"]: n for n in g["nodes"]}
docs = {d["id"] for d in g["graph"]["documents"]}
failed = []


def check(name, value, minimum, detail=""):
    ok = value >= minimum
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {value:.3f} (>= {minimum}){detail}")
    if not ok:
        failed.append(name)


# every document of the truth was read, truth.json was not
want_docs = set()
for kind in ("persons", "states", "organizations", "meetings"):
    for x in truth[kind]:
        want_docs.update(x["docs"])
missing_docs = want_docs - docs
check("documents read", 1 - len(missing_docs) / max(1, len(want_docs)), 1.0,
      f"  ({len(docs)} read, truth has {truth['documents']})")
if "truth" in docs:
    failed.append("truth.json read as a document")

persons = truth["persons"]
found = [p for p in persons if p["id"] in nodes and nodes[p["id"]]["type"] == "person"]
check("person recall", len(found) / len(persons), 0.95, f"  ({len(found)} of {len(persons)})")
right = [p for p in found if nodes[p["id"]].get("affiliation") == p["affiliation"]]
check("affiliation right", len(right) / max(1, len(found)), 0.95, f"  ({len(right)} of {len(found)})")
planted = {p["id"] for p in persons}
extra = [n for n in g["nodes"] if n["type"] == "person" and n["id"] not in planted]
print(f"info persons not planted (false positives): {len(extra)}"
      + (f", e.g. {', '.join(n['id'] for n in extra[:5])}" if extra else ""))
for kind, label in (("states", "state recall"), ("organizations", "organization recall")):
    want = truth[kind]
    got = [x for x in want if x["id"] in nodes]
    check(label, len(got) / len(want), 0.95, f"  ({len(got)} of {len(want)})")
    if kind == "states" and len(want) < 190:
        failed.append(f"only {len(want)} states planted")

# meetings: a meeting node in the same city starting within a day
by_place = {}
for n in g["nodes"]:
    if n["type"] == "meeting" and n.get("place"):
        by_place.setdefault(n["place"], []).append(n)
links = {}
for l in g["links"]:
    links.setdefault(l["source"], {})[l["target"]] = l["relations"]
    links.setdefault(l["target"], {})[l["source"]] = l["relations"]


def day(s):
    return datetime.date.fromisoformat(s[:10]).toordinal() if s and len(s) >= 10 else None


meet_found = parties_ok = mediator_ok = mediated = 0
for m in truth["meetings"]:
    start = day(m["start"])
    cands = [n for n in by_place.get(m["place"], []) if n.get("start") and abs(day(n["start"]) - start) <= 1]
    if not cands:
        continue
    meet_found += 1
    rel = {}
    for n in cands:
        for other, r in links.get(n["id"], {}).items():
            for k in r:
                rel.setdefault(k, set()).add(other)
    if all(s in rel.get("party", set()) | rel.get("host", set()) for s in m["parties"]):
        parties_ok += 1
    if m["mediators"]:
        mediated += 1
        if all(x in rel.get("mediator", set()) for x in m["mediators"]):
            mediator_ok += 1
nm = len(truth["meetings"])
check("meetings found", meet_found / nm, 0.9, f"  ({meet_found} of {nm})")
print(f"info meetings with both parties linked: {parties_ok / max(1, meet_found):.3f} ({parties_ok} of {meet_found} found)")
print(f"info mediated meetings with the mediator linked: {mediator_ok / max(1, mediated):.3f}")
# not asserted yet: reports of one round that stay apart (a dated and an
# undated node, drifting dates) show as more meeting nodes than rounds
meeting_nodes = sum(1 for n in g["nodes"] if n["type"] == "meeting")
print(f"info meeting nodes per planted meeting: {meeting_nodes / nm:.2f} ({meeting_nodes} for {nm})")
if failed:
    sys.exit("gen_corpus: FAIL: " + ", ".join(failed))
print("gen_corpus: ok")
PY
