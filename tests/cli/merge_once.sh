#!/usr/bin/env bash
# Merges that cannot double-count: every document carries a content hash; a
# document seen in two inputs (same id, same hash) is merged once, with a
# warning; one id with two texts is an error naming both files; shards that
# share documents while each has others are refused; a shard that holds
# another's documents and more stands for it.  No failed merge writes output.
#
#   bash merge_once.sh BIN SRCDIR SCRATCHDIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch"
failures=0

# shellcheck source=lib/same.sh
source "$src/tests/cli/lib/same.sh"

fail() {
	echo "FAIL $*"
	failures=$((failures + 1))
}

# refused NAME PATTERN OUT CMD...: CMD exits 1, says PATTERN on stderr, writes no OUT
refused() {
	local name=$1 pattern=$2 out=$3 rc=0
	shift 3
	"$@" 2>"$name.err" || rc=$?
	if ((rc != 1)); then
		fail "$name: exit $rc, expected 1: $(cat "$name.err")"
	elif ! grep -qE -- "$pattern" "$name.err"; then
		fail "$name: no message matching /$pattern/: $(cat "$name.err")"
	elif [ -e "$out" ]; then
		fail "$name: wrote $out"
	else
		echo "ok   $name: $(cat "$name.err")"
	fi
}

texts=$src/graphs/peace-talks/texts
mkdir -p a b c
cp "$texts"/01_*.txt "$texts"/02_*.txt a/
cp "$texts"/03_*.txt "$texts"/04_*.txt b/
cp "$texts"/02_*.txt "$texts"/03_*.txt c/

# every document has a 16-hex-digit hash, the same for the same text
"$bin" extract -q -o one.json a
"$bin" extract -q -o one-again.json "$texts"/01_*.txt "$texts"/02_*.txt
python3 - one.json one-again.json <<'PY' || fail "document hashes"
import json, re, sys
a, b = (json.load(open(p))["graph"]["documents"] for p in sys.argv[1:])
assert len(a) == 2 and all(re.fullmatch("[0-9a-f]{16}", d["hash"]) for d in a), a
assert [d["hash"] for d in a] == [d["hash"] for d in b], (a, b)
assert a[0]["hash"] != a[1]["hash"]
PY

# the same graph twice: merged once, with a warning naming it
"$bin" merge -q -o single.json one.json
"$bin" merge -o twice.json one.json one.json 2>twice.err
same single.json twice.json "merge one.json one.json = merge one.json (no weight doubled)"
grep -q "warning: one.json: 2 documents already merged from one.json" twice.err &&
	echo "ok   warning: $(cat twice.err)" || fail "no warning for a document merged twice: $(cat twice.err)"
"$bin" merge -q -o twice-quiet.json one.json one.json 2>quiet.err
[ ! -s quiet.err ] && echo "ok   -q: no warning" || fail "-q: $(cat quiet.err)"

# partial shards: the same shard twice, and a shard that holds another's
# documents and more, give the graph of one extract over the documents
"$bin" extract -q --partial -o pa.json a
"$bin" extract -q --partial -o pb.json b
"$bin" extract -q --partial -o p1.json a/01_*.txt
"$bin" extract -q -o ab.json a b
"$bin" merge -q -o m1.json pa.json pb.json pa.json pb.json
same m1.json ab.json "shards merged twice = one extract"
"$bin" merge -q -o m2.json p1.json pa.json pb.json
"$bin" merge -q -o m3.json pb.json pa.json p1.json
same m2.json ab.json "a shard and one holding it and more, then another = one extract"
same m3.json ab.json "the same, in the other order"

# one id, two texts: an error naming both graph files, nothing written
mkdir -p other
cp "$texts"/05_*.txt other/02_istanbul-reactions.txt
"$bin" extract -q --partial -o pother.json other
refused conflict "document '02_istanbul-reactions' has two different texts: pa\.json \(a/02_istanbul-reactions\.txt, hash [0-9a-f]{16}\) and pother\.json \(other/02_istanbul-reactions\.txt, hash [0-9a-f]{16}\)" \
	conflict.json "$bin" merge -o conflict.json pa.json pother.json

# shards sharing a document while each has others: their counts cannot be
# separated, so the merge is refused
"$bin" extract -q --partial -o pc.json c
refused overlap "pc\.json: shares 1 document with pa\.json \('02_istanbul-reactions', the same text\) but each has documents the other lacks" \
	overlap.json "$bin" merge -o overlap.json pa.json pc.json

if ((failures)); then
	echo "merge_once: $failures checks failed"
	exit 1
fi
echo "merge_once: every document counted once"
