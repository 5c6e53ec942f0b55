#!/usr/bin/env bash
# The command line under valgrind: no invalid reads or writes, no use of
# uninitialised memory, no leak, on the example corpus (build: extract,
# analyze, every output), on the other subcommands, and on failing inputs
# (error paths free what they took).  Suppressions, in tests/valgrind.supp,
# cover only the libraries' own allocations.  Skipped (77) without valgrind
# or for a binary built with AddressSanitizer.
#
#   bash valgrind.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
command -v valgrind >/dev/null || { echo "valgrind: not installed, skipped"; exit 77; }
if [[ "$(ldd "$bin" 2>/dev/null)" == *libasan* ]]; then
	echo "valgrind: $bin is built with AddressSanitizer, skipped"
	exit 77
fi
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
failures=0 n=0

# vg NAME STATUS CMD ARGS...: run the actorgraph command under valgrind; it
# must exit with STATUS and valgrind must report no error.
vg() {
	local name=$1 want=$2 rc=0
	shift 2
	n=$((n + 1))
	valgrind -q --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite,possible \
		--suppressions="$src/tests/valgrind.supp" --num-callers=30 --log-file="$name.vg" \
		"$bin" "$@" >"$name.out" 2>"$name.err" || rc=$?
	# with --error-exitcode=1 a failing command and a valgrind error look alike:
	# the log tells them apart
	if [ -s "$name.vg" ]; then
		echo "FAIL $name: valgrind reports errors:"
		grep -E 'Invalid|uninitialised|lost in loss record|ERROR SUMMARY' "$name.vg" | head -10
		# the first record whole, with its stack: enough to write a fix or a suppression
		sed -n '/Invalid\|uninitialised\|lost in loss record/,/^==[0-9]*== $/p' "$name.vg" | head -40
		failures=$((failures + 1))
	elif ((rc != want)); then
		echo "FAIL $name: exit status $rc, expected $want: $(head -2 "$name.err")"
		failures=$((failures + 1))
	else
		echo "ok   $name: $rc"
	fi
}

texts=$src/graphs/peace-talks/texts
vg build 0 build -q "$texts" --out built
vg analyze-infomap 0 analyze -q --communities infomap --consensus 3 -o infomap.json built/graph.json
vg render-dot 0 render -q -f dot -o g.dot built/graph.json
vg merge 0 merge -q -o merged.json built/graph.json "$src/tests/golden/talks.json"

# hostile texts: repaired bytes, a binary file, a symbolic link loop, JSONL
# with a broken and an over-long record, a gazetteer file
mkdir -p hostile/sub
printf 'Kremlin spokesman Dmitry Peskov said \xff\xfe Russia and \0 Ukraine met.\n' >hostile/bad.txt
printf '\xef\xbb\xbfUkrainian envoy Rustem Umerov met US envoy Steve Witkoff in Geneva.\n' >hostile/bom.txt
head -c 5000 /dev/zero >hostile/zeros.txt
ln -s .. hostile/sub/up
ln -s self.txt hostile/self.txt
{
	printf '{"id": "a", "date": "2026-02-17", "text": "Russia and Ukraine met in Abu Dhabi."}\n{"id": "b", "text": tru\n'
	printf '{"id": "c", "text": "%s"}\n' "$(head -c 1200000 /dev/zero | tr '\0' x)"
} >hostile/records.jsonl
printf 'state\tatlantis\tAtlantis\tAtlantis|Atlantean Republic\norg\tcouncil\tThe Council\tThe Council\n' >extra.tsv
vg extract-hostile 0 extract -q --max-doc-mb 1 --gazetteer extra.tsv -o hostile.json hostile

# error paths: what was taken is given back
printf '{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "ghost"}]}' >dangling.json
vg dangling-link 1 render -f svg dangling.json
printf '{"nodes": [{"id": "a"}, {"id": "a"}]}' >duplicate.json
vg duplicate-id 1 analyze duplicate.json
python3 -c 'import sys; sys.stdout.write("{\"nodes\": " + "[" * 5000 + "]" * 5000 + "}")' >deep.json 2>/dev/null ||
	printf '{"nodes": [[[[[[]]]]]]}' >deep.json
vg deep-nesting 1 analyze deep.json
printf 'state\tx\n' >bad.tsv
vg bad-gazetteer 1 extract --gazetteer bad.tsv "$texts"
vg missing-input 1 extract "$texts" no-such-file.txt
printf 'x' | gzip | head -c 12 >cut.txt.gz
vg truncated-gzip 1 extract cut.txt.gz
vg usage 2 render -f gif built/graph.json

if ((failures)); then
	echo "valgrind: $failures of $n runs failed"
	exit 1
fi
echo "valgrind: $n runs clean"
