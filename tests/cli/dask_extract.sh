#!/usr/bin/env bash
# The distributed engine: scripts/dask-extract on a LocalCluster of 2 worker
# processes (shards extracted on the workers, merged there as a tree) gives
# the bytes of one `actorgraph extract` over everything: with the workers
# reading the paths (shared storage) exactly, with the files sent as bytes
# all but the documents' paths; for several shard counts and fan-ins.
#
#   bash dask_extract.sh BIN SRCDIR SCRATCHDIR
set -euo pipefail
bin=$1 src=$2 scratch=$3
py=/usr/bin/python3
$py -c 'import distributed' 2>/dev/null || { echo "dask_extract: python3-distributed not installed: skipped"; exit 77; }
rm -rf "$scratch"
mkdir -p "$scratch/texts/a" "$scratch/texts/b" "$scratch/texts/c"
cd "$scratch"
# shellcheck source=lib/same.sh
source "$src/tests/cli/lib/same.sh"
failures=0

cp "$src"/graphs/peace-talks/texts/*.txt texts/a/
cp "$src"/tests/golden/*.txt texts/b/
if [ -x "$src/scripts/gen-corpus" ]; then "$src/scripts/gen-corpus" 1 5 texts/c >/dev/null 2>&1; fi
"$bin" extract -q --threads 1 -o whole.json texts
grep -v '"path"' whole.json >whole.nopath

for run in "3 2" "7 4" "40 3"; do
	set -- $run
	ACTORGRAPH=$bin $py "$src/scripts/dask-extract" --workers 2 -n "$1" --fan-in "$2" -o "dask-$1.json" texts 2>dask.err ||
		{ echo "dask-extract failed: $(cat dask.err)"; exit 1; }
	same "dask-$1.json" whole.json "dask, 2 workers, $1 shards, merged $2 at a time = one extract"
done
grep -q 'in 40 shards on 2 worker threads' dask.err ||
	{ echo "dask-extract: no cluster summary: $(cat dask.err)"; failures=$((failures + 1)); }
ACTORGRAPH=$bin $py "$src/scripts/dask-extract" --workers 2 -n 5 --send-bytes -o bytes.json texts 2>/dev/null
grep -v '"path"' bytes.json >bytes.nopath
same bytes.nopath whole.nopath "dask, files sent as bytes = one extract (but for paths)"

# a failing shard fails the run (exit 1) with the command's message, and
# writes nothing
rc=0
ACTORGRAPH=false $py "$src/scripts/dask-extract" --workers 2 -o never.json texts/a 2>bad.err || rc=$?
if [ "$rc" != 1 ] || [ -e never.json ] || ! grep -q 'dask-extract: .*extract failed' bad.err; then
	echo "dask-extract on a bad input: exit $rc, $(cat bad.err)"
	failures=$((failures + 1))
fi
((failures == 0)) || exit 1
echo "dask_extract: all the same"
