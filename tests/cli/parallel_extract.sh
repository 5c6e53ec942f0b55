#!/usr/bin/env bash
# The cluster recipe on one machine: scripts/parallel-extract (shards extracted
# by separate processes, then `actorgraph merge`) gives the bytes of one
# `actorgraph extract` over everything, for any number of shards; and so does
# extract on several threads.  Runs on the example corpus with the golden
# texts, and on a generated corpus when scripts/gen-corpus can run.
#
#   bash parallel_extract.sh BIN SRCDIR SCRATCHDIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch"
failures=0

# shellcheck source=lib/same.sh
source "$src/tests/cli/lib/same.sh"

mkdir -p texts/a texts/b
cp "$src"/graphs/peace-talks/texts/*.txt texts/a/
cp "$src"/tests/golden/*.txt texts/b/
"$bin" extract -q --threads 1 -o whole.json texts
for n in 1 2 5 11; do
	ACTORGRAPH=$bin "$src/scripts/parallel-extract" -j 3 -n "$n" -o "shards$n.json" texts 2>/dev/null
	same "shards$n.json" whole.json "example corpus: $n shards merged = one extract"
done

# an empty shard (a cluster partition with no records) merges as nothing;
# JSONL records on standard input are a shard like any other
printf '' | "$bin" extract -q --partial -o empty.json -
"$bin" extract -q --partial -o whole-partial.json texts
"$bin" merge -q -o with-empty.json empty.json whole-partial.json empty.json
same with-empty.json whole.json "empty shards merged = nothing added"
python3 - texts/a/*.txt >a.jsonl <<'PY'
import json, os, sys
for p in sys.argv[1:]:
    print(json.dumps({"id": os.path.basename(p)[:-4], "text": open(p, encoding="utf-8").read()}))
PY
"$bin" extract -q --partial -o part-a.json - <a.jsonl
"$bin" extract -q --partial -o part-b.json texts/b
"$bin" merge -q -o stdin-shards.json part-b.json part-a.json
grep -v '"path"' stdin-shards.json >stdin-shards.nopath
grep -v '"path"' whole.json >whole.nopath
same stdin-shards.nopath whole.nopath "a JSONL shard on standard input + a folder shard = one extract (but for paths)"

# a generated corpus: hundreds of documents, thousands of names, JSONL and gzip
if command -v python3 >/dev/null && [ -x "$src/scripts/gen-corpus" ]; then
	"$src/scripts/gen-corpus" 3 7 gen >/dev/null 2>&1
	"$bin" extract -q --threads 1 -o gen1.json gen
	"$bin" extract -q --threads 2 -o gen2.json gen
	"$bin" extract -q --threads 7 -o gen7.json gen
	same gen2.json gen1.json "generated corpus: 2 threads = 1 thread"
	same gen7.json gen1.json "generated corpus: 7 threads = 1 thread"
	ACTORGRAPH=$bin "$src/scripts/parallel-extract" -j 2 -n 6 -k kept -o gen-shards.json gen 2>/dev/null
	same gen-shards.json gen1.json "generated corpus: 6 shards merged = one extract"
	# merge is associative and commutative: a tree of partial merges, in another order
	"$bin" merge -q --partial -o m-a.json kept/shard-00005.json kept/shard-00000.json kept/shard-00003.json
	"$bin" merge -q --partial -o m-b.json kept/shard-00004.json kept/shard-00001.json
	"$bin" merge -q --partial -o m-b2.json m-b.json kept/shard-00002.json
	"$bin" merge -q -o m-ab.json m-b2.json m-a.json
	same m-ab.json gen1.json "generated corpus: (6+1+4)+((5+2)+3) merged = one extract"
	grep -q '"partial": true' m-a.json && ! grep -q '"partial"' m-ab.json &&
		echo "ok   partial merges say partial, the final merge does not" ||
		{ echo "FAIL partial flag"; failures=$((failures + 1)); }
	if "$bin" merge -q --partial -o bad.json gen1.json m-a.json 2>err.txt; then
		echo "FAIL merge --partial of a finished graph succeeded"; failures=$((failures + 1))
	else
		echo "ok   merge --partial of a finished graph: $(cat err.txt)"
	fi
	docs=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["graph"]["documents"]))' gen1.json)
	((docs > 100)) || { echo "FAIL generated corpus: only $docs documents"; failures=$((failures + 1)); }
else
	echo "skip generated corpus (python3 or scripts/gen-corpus missing)"
fi

# errors: no output named, an input that is not there
if ACTORGRAPH=$bin "$src/scripts/parallel-extract" texts 2>err.txt; then
	echo "FAIL parallel-extract without -o succeeded"; failures=$((failures + 1))
elif grep -q "no output" err.txt; then
	echo "ok   parallel-extract without -o: $(cat err.txt)"
else
	echo "FAIL parallel-extract without -o: $(cat err.txt)"; failures=$((failures + 1))
fi
if ACTORGRAPH=$bin "$src/scripts/parallel-extract" -o x.json nothere 2>err.txt || [ -e x.json ]; then
	echo "FAIL parallel-extract of a missing input"; failures=$((failures + 1))
else
	echo "ok   missing input: $(cat err.txt)"
fi

if ((failures)); then
	echo "parallel_extract: $failures checks failed"
	exit 1
fi
echo "parallel_extract: shards and threads give the bytes of one extract"
