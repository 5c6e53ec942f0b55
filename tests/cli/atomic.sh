#!/usr/bin/env bash
# No lost or half-written files: an output that cannot be written fails with
# a message and leaves the previous file as it was (and no temporary file
# behind); inputs are never modified.
#
#   bash atomic.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
chmod 755 "$scratch"
cd "$scratch" || exit 1
failures=0

fail() {
	echo "FAIL $*"
	failures=$((failures + 1))
}

# run NAME STATUS PATTERN CMD...: CMD exits with STATUS (never a signal), stderr matches PATTERN
run() {
	local name=$1 want=$2 pattern=$3 rc=0
	shift 3
	"$@" >"$name.out" 2>"$name.err" || rc=$?
	if ((rc >= 128)); then
		fail "$name: killed by signal $((rc - 128))"
	elif ((rc != want)); then
		fail "$name: exit status $rc, expected $want: $(head -3 "$name.err")"
	elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$name.err"; then
		fail "$name: no message matching /$pattern/: $(head -3 "$name.err")"
	else
		echo "ok   $name: $rc ${pattern:+($(head -1 "$name.err"))}"
		return 0
	fi
	return 1
}

# intact NAME FILE CONTENT: FILE still holds exactly CONTENT, and no temporary file is left beside it
intact() {
	local name=$1 file=$2 content=$3 dir
	dir=$(dirname "$file")
	if [ "$(cat "$file" 2>/dev/null)" != "$content" ]; then
		fail "$name: $file was changed"
	elif ls -A "$dir" | grep -q '\.tmp'; then
		fail "$name: temporary file left in $dir: $(ls -A "$dir" | grep '\.tmp')"
	else
		echo "ok   $name: $file intact, no temporary file"
	fi
}

# inputs, with checksums taken before anything runs
mkdir inputs
cp -r "$src/graphs/peace-talks/texts" inputs/texts
printf 'state\tatlantis\tAtlantis\tAtlantis|Atlantean Republic\n' >inputs/extra.tsv
"$bin" extract -q -o inputs/graph.json inputs/texts || exit 1
cp inputs/graph.json inputs/graph-copy.json
chmod -R a+rX inputs
sums=$(find inputs -type f -print0 | sort -z | xargs -0 sha256sum)

# --- a file-size limit (ulimit -f) smaller than the output: EFBIG, not SIGXFSZ ---
echo previous >limited.json
run ulimit-f-extract 1 '^actorgraph: limited\.json: File too large$' \
	bash -c 'ulimit -f 16 && exec "$0" extract -q -o limited.json inputs/texts' "$bin"
intact ulimit-f-extract limited.json previous
mkdir limited-build
for f in graph.json graph.dot graph.svg nodes.csv edges.csv; do echo "previous $f" >"limited-build/$f"; done
run ulimit-f-build 1 '^actorgraph: limited-build/graph\.json: File too large$' \
	bash -c 'ulimit -f 16 && exec "$0" build -q inputs/texts --out limited-build' "$bin"
for f in graph.json graph.dot graph.svg nodes.csv edges.csv; do intact "ulimit-f-build $f" "limited-build/$f" "previous $f"; done
run ulimit-f-stdout 1 '^actorgraph: stdout: File too large$' \
	bash -c 'ulimit -f 16 && exec "$0" render -f json inputs/graph.json >stdout-limited.json' "$bin"
run stdout-full 1 '^actorgraph: stdout: No space left on device$' \
	bash -c 'exec "$0" render -f dot inputs/graph.json >/dev/full' "$bin"

# --- the output path is a folder: the rename fails, the folder stays as it was ---
mkdir -p is-a-folder/inside
echo previous >is-a-folder/inside/keep.txt
run output-is-folder 1 '^actorgraph: is-a-folder: is a folder \(-o names a file\)$' "$bin" render -f csv-nodes -o is-a-folder inputs/graph.json
intact output-is-folder is-a-folder/inside/keep.txt previous
[ -z "$(ls -A is-a-folder | grep -v '^inside$')" ] || fail "output-is-folder: left $(ls -A is-a-folder)"
run build-out-is-file 1 '^actorgraph: limited\.json: not a folder$' "$bin" build -q inputs/texts --out limited.json
intact build-out-is-file limited.json previous

# --- a read-only folder: root writes anyway, so run as nobody when root ---
as_user() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
fi
mkdir readonly
echo previous >readonly/graph.json
chmod 555 readonly
if ! as_user test -x "$bin" -a -r inputs/graph.json 2>/dev/null; then
	echo "skip read-only folder: no unprivileged user can run $bin here"
elif as_user test -w readonly; then
	echo "skip read-only folder: the folder is writable anyway"
else
	# checked before any work is done (cli_check_output)
	run readonly-folder 1 '^actorgraph: readonly: folder is not writable \(Permission denied\)$' \
		as_user "$bin" render -f json -o readonly/graph.json inputs/graph.json
	intact readonly-folder readonly/graph.json previous
	run readonly-build 1 '^actorgraph: readonly: folder is not writable \(Permission denied\)$' \
		as_user "$bin" build -q inputs/texts --out readonly
	intact readonly-build readonly/graph.json previous
fi
chmod 755 readonly

# --- a successful write replaces the file whole, with the usual mode ---
run replace 0 '' bash -c 'umask 022 && exec "$0" render -f json -o limited.json inputs/graph.json' "$bin"
cmp -s limited.json inputs/graph.json || fail "replace: limited.json is not the graph"
[ "$(stat -c %a limited.json)" = 644 ] || fail "replace: mode $(stat -c %a limited.json), expected 644"
[ -z "$(ls -A . | grep '\.tmp')" ] || fail "replace: temporary file left"

# --- devices, pipes and links are written through, never replaced ---
# (-o /dev/null run as root once put a plain file in place of /dev/null)
"$bin" render -q -f dot -o expected.dot inputs/graph.json
mkfifo pipe
(timeout 20 cat pipe >from-pipe.dot) &
reader=$!
run output-fifo 0 '' timeout 20 "$bin" render -q -f dot -o pipe inputs/graph.json
wait "$reader"
[ -p pipe ] || fail "output-fifo: the FIFO was replaced by $(stat -c %F pipe)"
cmp -s from-pipe.dot expected.dot || fail "output-fifo: what came through the FIFO is not the DOT"
if [ "$(id -u)" -eq 0 ] && mknod null-device c 1 3 2>/dev/null; then
	run output-device 0 '' "$bin" render -q -f dot -o null-device inputs/graph.json
	[ -c null-device ] || fail "output-device: the device was replaced by $(stat -c %F null-device)"
	rm -f null-device
else
	echo "skip output-device: cannot make a device node here"
fi
echo previous >link-target.json
ln -s link-target.json link.json
run output-symlink 0 '' "$bin" render -q -f json -o link.json inputs/graph.json
[ -L link.json ] || fail "output-symlink: the link was replaced by a file"
cmp -s link-target.json inputs/graph.json || fail "output-symlink: the file it points to was not written"
[ -z "$(ls -A . | grep '\.tmp')" ] || fail "devices and links: temporary file left"

# --- inputs are never modified, whatever runs on them ---
run extract 0 '' "$bin" extract -q --gazetteer inputs/extra.tsv -o out-extract.json inputs/texts
run analyze 0 '' "$bin" analyze -q -o out-analyze.json inputs/graph.json
run render 0 '' "$bin" render -q -f svg -o out.svg inputs/graph.json
run build 0 '' "$bin" build -q --gazetteer inputs/extra.tsv inputs/texts --out out-build
run merge 0 '' "$bin" merge -q -o out-merge.json inputs/graph.json inputs/graph-copy.json
run stdin 0 '' bash -c 'exec "$0" extract -q - <inputs/texts/01_istanbul-first-round.txt >out-stdin.json' "$bin"
if [ "$(find inputs -type f -print0 | sort -z | xargs -0 sha256sum)" != "$sums" ]; then
	fail "inputs were modified"
else
	echo "ok   inputs unchanged (sha256 of $(find inputs -type f | wc -l) files)"
fi
# in place (-o the input itself) reads first, then replaces it whole
cp inputs/graph.json inplace.json
run in-place 0 '' "$bin" analyze -q -o inplace.json inplace.json
cmp -s inplace.json out-analyze.json || fail "in-place: analysed in place differs from analysed to another file"

if ((failures)); then
	echo "atomic: $failures checks failed"
	exit 1
fi
echo "atomic: failed writes keep the previous files, inputs are untouched"
