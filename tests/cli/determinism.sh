#!/usr/bin/env bash
# Determinism on the example corpus: byte-identical JSON and DOT (and CSV)
# whatever the order of the inputs, whether a folder or its files are given,
# from run to run, and whatever the environment (time zone, locale).
#
#   bash determinism.sh BIN SRCDIR SCRATCHDIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch"
failures=0

# the corpus, with the golden texts added for a larger set (11 files)
mkdir texts
cp "$src"/graphs/peace-talks/texts/*.txt "$src"/tests/golden/*.txt texts/
mapfile -t forward < <(printf '%s\n' texts/*.txt | LC_ALL=C sort)
mapfile -t reverse < <(printf '%s\n' "${forward[@]}" | LC_ALL=C sort -r)
# a fixed shuffle: every third file first, then the rest backwards
mapfile -t shuffled < <(printf '%s\n' "${forward[@]}" | awk 'NR % 3 == 0' ; printf '%s\n' "${forward[@]}" | awk 'NR % 3 != 0' | LC_ALL=C sort -r)
((${#forward[@]} == 11 && ${#shuffled[@]} == 11)) || { echo "determinism: expected 11 texts"; exit 1; }

# shellcheck source=lib/same.sh
source "$src/tests/cli/lib/same.sh"

# extract: the folder, the files one by one in three orders, stdin-free
"$bin" extract -q -o folder.json texts
"$bin" extract -q -o forward.json "${forward[@]}"
"$bin" extract -q -o reverse.json "${reverse[@]}"
"$bin" extract -q -o shuffled.json "${shuffled[@]}"
"$bin" extract -q -o again.json texts
same folder.json forward.json "extract: folder = files listed one by one"
same forward.json reverse.json "extract: forward = reverse order"
same forward.json shuffled.json "extract: forward = shuffled order"
same folder.json again.json "extract: run = run"

# build (extract, analyze, render): every output but the SVG drawing compared
"$bin" build -q texts --out b-folder
"$bin" build -q "${reverse[@]}" --out b-reverse
TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 "$bin" build -q "${shuffled[@]}" --out b-env
for f in graph.json graph.dot nodes.csv edges.csv; do
	same "b-folder/$f" "b-reverse/$f" "build $f: folder = reverse order"
	same "b-folder/$f" "b-env/$f" "build $f: another order, time zone and locale"
done

# analyze and render again from the JSON: the same bytes as build wrote
"$bin" analyze -q -o analysed.json folder.json
same analysed.json b-folder/graph.json "analyze of extract = build"
"$bin" render -q -f dot -o rendered.dot analysed.json
same rendered.dot b-folder/graph.dot "render -f dot of analyze = build"

# merge: the shards in either order give the graph of the whole corpus
"$bin" extract -q --partial -o shard1.json "${forward[@]:0:5}"
"$bin" extract -q --partial -o shard2.json "${forward[@]:5}"
"$bin" merge -q -o merged12.json shard1.json shard2.json
"$bin" merge -q -o merged21.json shard2.json shard1.json
same merged12.json merged21.json "merge: shard order"
same merged12.json folder.json "merge of shards = one extract"

# merge is associative: three shards merged at once, (1+2)+3 and 1+(2+3)
"$bin" extract -q --partial -o s1.json "${forward[@]:0:4}"
"$bin" extract -q --partial -o s2.json "${forward[@]:4:4}"
"$bin" extract -q --partial -o s3.json "${forward[@]:8}"
"$bin" merge -q -o m123.json s3.json s1.json s2.json
"$bin" merge -q --partial -o m12.json s1.json s2.json
"$bin" merge -q -o m12-3.json m12.json s3.json
"$bin" merge -q --partial -o m23.json s2.json s3.json
"$bin" merge -q -o m1-23.json s1.json m23.json
same m123.json folder.json "merge of three shards = one extract"
same m12-3.json folder.json "merge (1+2)+3 = one extract"
same m1-23.json folder.json "merge 1+(2+3) = one extract"

# threads: the same bytes on 1, 2, 3 and 8 threads, also when the texts
# arrive as JSONL (gzipped) on standard input
for n in 1 2 3 8; do
	"$bin" extract -q --threads "$n" -o "threads$n.json" texts
	same "threads$n.json" folder.json "extract --threads $n = default"
done
python3 - "${forward[@]}" >corpus.jsonl <<'PY'
import json, os, sys
for p in sys.argv[1:]:
    print(json.dumps({"id": os.path.basename(p)[:-4], "text": open(p, encoding="utf-8", errors="replace").read()}))
PY
gzip -k corpus.jsonl
"$bin" extract -q -j 1 -o jsonl1.json corpus.jsonl.gz
"$bin" extract -q -j 4 -o jsonl4.json corpus.jsonl
"$bin" extract -q -j 1 -o stdin1.json - <corpus.jsonl
"$bin" extract -q -j 3 -o stdin3.json - <corpus.jsonl.gz
grep -v '"path"' jsonl1.json >jsonl1.nopath
grep -v '"path"' jsonl4.json >jsonl4.nopath
grep -v '"path"' stdin1.json >stdin1.nopath
same jsonl1.nopath jsonl4.nopath "JSONL: gzipped on 1 thread = plain on 4 (but for paths)"
same jsonl1.nopath stdin1.nopath "JSONL: file = standard input (but for paths)"
same stdin1.json stdin3.json "JSONL on standard input: plain on 1 thread = gzipped on 3"
[ "$(grep -c '"path": "-"' stdin1.json)" -eq 11 ] && echo "ok   standard input read as 11 JSONL records" ||
	{ echo "FAIL standard input JSONL: expected 11 documents"; failures=$((failures + 1)); }

if ((failures)); then
	echo "determinism: $failures checks failed"
	exit 1
fi
echo "determinism: byte-identical across order, runs, folder vs files, environment"
