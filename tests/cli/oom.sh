#!/usr/bin/env bash
# Memory exhaustion is an error, never a crash: under `ulimit -v` limits from
# ample down to too small for the input, every command either succeeds or
# exits 1 saying "out of memory", and a failed run leaves no output (no file,
# no temporary file, no build folder).  No threshold is assumed: each command
# runs under every limit of a descending list, and the smallest ones must
# fail.  Sanitizer builds reserve terabytes of address space and cannot run
# under ulimit -v: skipped there.
#
#   bash oom.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
failures=0

if [[ "$(ldd "$bin" 2>/dev/null)" == *libasan* || "$(ldd "$bin" 2>/dev/null)" == *libtsan* ]]; then
	echo "oom: $bin is built with a sanitizer, which cannot run under ulimit -v: skipped"
	exit 77
fi
command -v python3 >/dev/null || { echo "oom: python3 missing (scripts/gen-corpus), skipped"; exit 77; }
(ulimit -v 400000 && "$bin" --help >/dev/null 2>&1) || { echo "oom: ulimit -v does not work here: skipped"; exit 77; }

"$src/scripts/gen-corpus" 2 5 corpus 2>/dev/null
"$bin" extract -q -o graph.json corpus || { echo "oom: extract failed without a limit"; exit 1; }
"$bin" analyze -q -o analysed.json graph.json || { echo "oom: analyze failed without a limit"; exit 1; }

# limits in KB (ulimit -v) above the floor where the program and its shared
# libraries load at all (found here, so no machine's figure is built in):
# from enough for most commands down to a few MB for the work
floor=40000
while ((floor < 400000)) && ! (ulimit -v "$floor" && "$bin" --help >/dev/null 2>&1); do
	floor=$((floor + 5000))
done
limits=()
for above in 340000 100000 60000 40000 25000 12000 5000; do
	limits+=($((floor + above)))
done
echo "     the program loads under ulimit -v $floor; limits: ${limits[*]}"
commands=(
	"extract -q -o out/x.json corpus"
	"extract -q -j 1 -o out/x.json corpus"
	"analyze -q -o out/a.json graph.json"
	"render -q -f svg -o out/r.svg analysed.json"
	"render -q -f dot -o out/r.dot analysed.json"
	"render -q -f cyjs -o out/r.cyjs analysed.json"
	"render -q -f graphml -o out/r.graphml analysed.json"
	"build -q corpus --out out/b"
	"merge -q -o out/m.json graph.json"
)

for cmd in "${commands[@]}"; do
	ok=0 oom=0
	for v in "${limits[@]}"; do
		rm -rf out
		mkdir out
		# shellcheck disable=SC2086
		(ulimit -v "$v" && exec "$bin" $cmd) >/dev/null 2>err.txt
		rc=$?
		last=$(grep -v '^$' err.txt | tail -1)
		if ((rc == 127)) && grep -q 'error while loading shared libraries' err.txt; then
			continue # below what the libraries need to load: not ours to handle
		elif ((rc >= 128)); then
			echo "FAIL $cmd: killed by signal $((rc - 128)) under ulimit -v $v"
			failures=$((failures + 1))
		elif ((rc == 0)); then
			ok=$((ok + 1))
			[ -n "$(ls -A out)" ] || { echo "FAIL $cmd: succeeded under ulimit -v $v and wrote nothing"; failures=$((failures + 1)); }
		elif ((rc != 1)) || [[ "$last" != "actorgraph: "*"out of memory"* ]]; then
			echo "FAIL $cmd: under ulimit -v $v: exit $rc: $last"
			failures=$((failures + 1))
		elif [ -n "$(ls -A out)" ]; then
			echo "FAIL $cmd: out of memory under ulimit -v $v but left: $(ls -A out | tr '\n' ' ')"
			failures=$((failures + 1))
		else
			oom=$((oom + 1))
		fi
	done
	if ((oom == 0)); then
		echo "FAIL $cmd: never ran out of memory, even under ulimit -v ${limits[-1]}"
		failures=$((failures + 1))
	else
		echo "ok   $cmd: $ok limits enough, $oom out of memory (exit 1, nothing left)"
	fi
done

if ((failures)); then
	echo "oom: $failures checks failed"
	exit 1
fi
echo "oom: every command succeeds or says out of memory, and leaves nothing behind"
