#!/usr/bin/env bash
# Fail before the long work: `build --out DIR` and `-o FILE` of extract,
# analyze, render and merge check that the output folder exists and can be
# written before any input is read.  The inputs named here do not exist, so
# a message about the folder (not about the input) shows the order; nothing
# is created.
#
#   bash output_checks.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
failures=0

# check NAME PATTERN CMD...: CMD exits 1 with a message matching PATTERN
check() {
	local name=$1 pattern=$2 rc=0
	shift 2
	"$@" >/dev/null 2>"$name.err" || rc=$?
	if ((rc != 1)); then
		echo "FAIL $name: exit $rc, expected 1: $(head -2 "$name.err")"
		failures=$((failures + 1))
	elif ! grep -qE -- "$pattern" "$name.err"; then
		echo "FAIL $name: no message matching /$pattern/: $(head -2 "$name.err")"
		failures=$((failures + 1))
	else
		echo "ok   $name: $(head -1 "$name.err")"
	fi
}

check extract-deep '^actorgraph: deep/a/b: folder does not exist$' "$bin" extract -o deep/a/b/graph.json no-such-input
check analyze-deep '^actorgraph: deep/a/b: folder does not exist$' "$bin" analyze -o deep/a/b/graph.json no-such.json
check render-deep '^actorgraph: deep/a/b: folder does not exist$' "$bin" render -f svg -o deep/a/b/graph.svg no-such.json
check merge-deep '^actorgraph: deep/a/b: folder does not exist$' "$bin" merge -o deep/a/b/graph.json no-such.json
check build-deep '^actorgraph: deep/a/b: folder does not exist \(nor does deep/a, to make it in\)$' \
	"$bin" build no-such-input --out deep/a/b
[ ! -e deep ] && echo "ok   nothing created" || { echo "FAIL deep/ was created"; failures=$((failures + 1)); }

# a file where the folder should be; a folder where the file should be
echo text >plain
check under-a-file '^actorgraph: plain: not a folder$' "$bin" extract -o plain/graph.json no-such-input
check build-under-a-file '^actorgraph: plain: not a folder$' \
	"$bin" build no-such-input --out plain/out
check build-on-a-file '^actorgraph: plain: not a folder$' "$bin" build no-such-input --out plain
mkdir folder
check out-is-folder '^actorgraph: folder: is a folder \(-o names a file\)$' "$bin" analyze -o folder no-such.json

# a folder that cannot be written (as root, run as nobody: root writes anyway)
as_user() { "$@"; }
[ "$(id -u)" -eq 0 ] && as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
mkdir locked
chmod 555 locked
chmod 755 .
if ! as_user test -x "$bin" 2>/dev/null || as_user test -w locked; then
	echo "skip read-only folder: no unprivileged user here, or the folder is writable anyway"
else
	check extract-locked '^actorgraph: locked: folder is not writable \(Permission denied\)$' \
		as_user "$bin" extract -o locked/graph.json no-such-input
	check build-locked '^actorgraph: locked/new: folder does not exist|^actorgraph: locked: folder is not writable \(Permission denied\)$' \
		as_user "$bin" build no-such-input --out locked/new
fi

# the checks pass for what can be written: "-", a bare name, an existing folder
"$bin" extract -q -o - "$src/tests/golden/talks.txt" >stdout.json && [ -s stdout.json ] &&
	echo "ok   -o - writes to standard output" || { echo "FAIL -o -"; failures=$((failures + 1)); }
"$bin" extract -q -o bare.json "$src/tests/golden/talks.txt" && [ -s bare.json ] &&
	echo "ok   -o with no folder writes here" || { echo "FAIL -o bare.json"; failures=$((failures + 1)); }
"$bin" extract -q -o folder/in.json "$src/tests/golden/talks.txt" && [ -s folder/in.json ] &&
	echo "ok   -o folder/file" || { echo "FAIL -o folder/in.json"; failures=$((failures + 1)); }

if ((failures)); then
	echo "output_checks: $failures checks failed"
	exit 1
fi
echo "output_checks: output folders checked before any work"
