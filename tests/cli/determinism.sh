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

same() {
	if cmp -s "$1" "$2"; then
		echo "ok   $3"
	else
		echo "FAIL $3: $1 and $2 differ"
		diff "$1" "$2" | head -10 || true
		failures=$((failures + 1))
	fi
}

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
"$bin" extract -q -o shard1.json "${forward[@]:0:5}"
"$bin" extract -q -o shard2.json "${forward[@]:5}"
"$bin" merge -q -o merged12.json shard1.json shard2.json
"$bin" merge -q -o merged21.json shard2.json shard1.json
same merged12.json merged21.json "merge: shard order"
same merged12.json folder.json "merge of shards = one extract"

if ((failures)); then
	echo "determinism: $failures checks failed"
	exit 1
fi
echo "determinism: byte-identical across order, runs, folder vs files, environment"
