#!/usr/bin/env bash
# The command line explains itself: "did you mean" for commands, options and
# formats; usage errors name the subcommand's own --help; -f from -o's
# extension and in any case; type names singular or plural everywhere; what
# an empty input set or an empty date window holds; the summary line every
# command ends with (not with -q); progress on a terminal (through script(1)).
#
#   bash explain.sh BIN SRCDIR SCRATCHDIR
set -uo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
cd "$scratch" || exit 1
failures=0
summary='^actorgraph: [a-z]+: [0-9]+ documents?( \([^)]*\))?, [0-9]+ nodes?, [0-9]+ links?.* in [0-9.]+ s, peak memory [0-9.]+ MB$'

# check NAME STATUS PATTERN CMD...: CMD exits with STATUS and a line of its
# stderr matches the extended regular expression PATTERN ("" = no line but
# the summary).
check() {
	local name=$1 want=$2 pattern=$3 rc=0
	shift 3
	"$@" >"$name.out" 2>"$name.stderr" || rc=$?
	sed -e '/^-\{20,\}$/,/^-\{20,\}$/d' -e '/^$/d' "$name.stderr" >"$name.err"
	if ((rc >= 128)); then
		echo "FAIL $name: killed by signal $((rc - 128))"
	elif ((rc != want)); then
		echo "FAIL $name: exit status $rc, expected $want"
	elif [ -z "$pattern" ] && grep -vqE "$summary" "$name.err"; then
		echo "FAIL $name: unexpected message"
	elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$name.err"; then
		echo "FAIL $name: no message matching /$pattern/"
	else
		echo "ok   $name: $rc ${pattern:+($(grep -E -- "$pattern" "$name.err" | head -1 | head -c 150))}"
		return 0
	fi
	sed 's/^/     | /' "$name.err" | head -6
	failures=$((failures + 1))
	return 1
}

# expect NAME CONDITION-COMMAND...
expect() {
	local name=$1
	shift
	if "$@" >/dev/null 2>&1; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		failures=$((failures + 1))
	fi
}

printf 'Published February 17, 2026\n\nUkrainian Foreign Minister Andrii Sybiha met US envoy Steve Witkoff in Vienna on Tuesday.\n' >dated.txt
"$bin" extract -q -o dated.json dated.txt || exit 1

# --- did you mean ------------------------------------------------------------
check cmd-typo 2 "^actorgraph: 'extrct' is not a command \(did you mean 'extract'\?\)$" "$bin" extrct
check cmd-unknown 2 "^actorgraph: 'frobnicate' is not a command \(extract, analyze, render, build, merge, timeline\)$" \
	"$bin" frobnicate
check opt-typo 2 "^actorgraph: extract: unknown option '--thread' \(did you mean '--threads'\?\)$" \
	"$bin" extract --thread 2 dated.txt
check opt-prefix 2 "unknown option '--min' \(did you mean '--min-weight'\?\)" "$bin" analyze --min 2 dated.json
check opt-far 2 "^actorgraph: render: unknown option '--frobnicate'$" "$bin" render --frobnicate dated.json
check format-typo 2 "^actorgraph: render: unknown format 'grapml' \(did you mean 'graphml'\?\)$" \
	"$bin" render -f grapml dated.json
# --- usage errors name the subcommand's --help ---------------------------------
check own-help 2 "^\(see 'actorgraph extract --help'\)$" "$bin" extract --bogus dated.txt
check own-help-render 2 "^\(see 'actorgraph render --help'\)$" "$bin" render dated.json
check top-help 2 "^\(see 'actorgraph --help'\)$" "$bin" extrct
check help-command 0 '' "$bin" help timeline
expect help-command-text grep -q '^usage: actorgraph timeline' help-command.out

# --- -f from -o, any case -------------------------------------------------------
check format-upper 0 '' "$bin" render -f SVG -o upper.svg dated.json
expect format-upper-svg grep -q '<svg' upper.svg
check format-from-out 0 '' "$bin" render -o out.GraphML dated.json
expect format-from-out-graphml grep -q '<graphml' out.GraphML
check format-from-csv-name 0 '' "$bin" render -o my-edges.csv dated.json
check format-from-csv-nodes 0 '' "$bin" render -o nodes.csv dated.json
expect format-csv-kinds bash -c 'head -1 nodes.csv | grep -q "^id,label" && head -1 my-edges.csv | grep -q "^source,target"'
check format-csv-ambiguous 2 "^actorgraph: render: -o table\.csv: a \.csv file may hold the nodes or the links: give -f csv-nodes or -f csv-links$" \
	"$bin" render -o table.csv dated.json
check format-none 2 '^actorgraph: render: give -f FORMAT' "$bin" render dated.json
check format-bad-ext 2 "^actorgraph: render: -o out\.gif: no known extension" "$bin" render -o out.gif dated.json

# --- the same type names everywhere ---------------------------------------------
check types-plural 0 '' "$bin" analyze -q --types persons,States -o types.json dated.json
expect types-plural-kept grep -q '"type": "person"' types.json
check project-singular 0 '' "$bin" extract -q --project person -o project.json dated.txt
check project-plural 0 '' "$bin" extract -q --project persons -o project2.json dated.txt
expect project-same cmp project.json project2.json
check project-bad 2 "^actorgraph: --project: 'meetings' is not person, state or organization" \
	"$bin" extract --project meetings dated.txt

# --- empty input sets and date windows --------------------------------------------
mkdir -p empty nontexts
printf 'not text' >nontexts/a.png
printf 'x' >nontexts/b.csv
check empty-folder 0 'warning: no documents in 1 input \(an empty folder or input\?\)$' "$bin" extract -o e.json empty
expect empty-folder-graph grep -q '"nodes": \[\]' e.json
check nontext-folder 0 'warning: no documents in 1 input: 2 skipped' "$bin" extract nontexts
check build-nothing 1 '^actorgraph: build: no documents in 1 input \(an empty folder or input\?\)$' \
	"$bin" build empty --out built-empty
check build-nothing-quiet 1 '^actorgraph: build: no documents in 1 input: 2 skipped' \
	"$bin" build -q nontexts --out built-empty
check window-empty-extract 0 'warning: no documents: none of the 1 read is dated in the window --since 2030-01-01 \(undated ones are kept\)$' \
	"$bin" extract --since 2030-01-01 dated.txt
check window-month-extract 0 '' "$bin" extract -q --since 2026-02 --until 2026 -o month.json dated.txt
expect window-month-kept grep -q '"id": "dated"' month.json
check window-empty-view 0 'warning: no document is dated in the window --since 2030: 0 of 1 dated documents \(0 undated\); 0 of [0-9]+ links and 0 of [0-9]+ nodes kept$' \
	"$bin" analyze --since 2030 -o view.json dated.json
check window-view-said 0 '^actorgraph: kept 0 of [0-9]+ nodes and 0 of [0-9]+ links \(--since 2030: -[0-9]+ links, -[0-9]+ nodes\)$' \
	"$bin" render -f json --since 2030 dated.json
check window-bad 2 "^actorgraph: --since 2026-03 is after --until 2026-01: the window is empty$" \
	"$bin" analyze --since 2026-03 --until 2026-01 dated.json
check window-not-date 2 "^actorgraph: --until: 'soon' is not a date \(YYYY-MM-DD, YYYY-MM or YYYY\)$" \
	"$bin" render -f json --until soon dated.json
check timeline-empty 0 'warning: no dated document in the window: the timeline is empty' \
	"$bin" timeline --since 2030 dated.json

# --- one summary line, in MB, not with -q ---------------------------------------------
for cmd in "extract dated.txt" "analyze dated.json" "render -f dot dated.json" "merge dated.json dated.json" \
	"timeline dated.json" "build dated.txt --out built"; do
	name=summary-${cmd%% *}
	# shellcheck disable=SC2086
	check "$name" 0 "$summary" "$bin" $cmd
	expect "$name-once" bash -c "[ \$(grep -cE '$summary' $name.err) -eq 1 ]"
	# shellcheck disable=SC2086
	check "$name-quiet" 0 '' "$bin" $cmd -q
	expect "$name-quiet-silent" bash -c "! grep -q . $name-quiet.stderr"
done
expect summary-extract-counts grep -qE '^actorgraph: extract: 1 document \([0-9.]+ MB read, [0-9.]+ MB/s\), [0-9]+ nodes, [0-9]+ links in ' summary-extract.err
expect summary-build-dir grep -qE '^actorgraph: build: 1 document \([0-9.]+ MB read, [0-9.]+ MB/s\), [0-9]+ nodes, [0-9]+ links -> built \(8 files\) in ' summary-build.err
expect summary-no-mib bash -c "! grep -q MiB summary-*.err"
check failure-no-summary 1 '^actorgraph: no-such\.txt: No such file or directory$' "$bin" extract no-such.txt
expect failure-no-summary-line bash -c "! grep -qE '$summary' failure-no-summary.err"

# --- progress on a terminal -------------------------------------------------------------
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
	"$src/scripts/gen-corpus" 1 3 gen >/dev/null 2>&1 || mkdir -p gen
	cp dated.txt gen/
	script -qec "'$bin' build gen --out tty-built >/dev/null" /dev/null >tty.log 2>&1
	tr '\r' '\n' <tty.log | sed 's/\x1b\[K//g' >tty.txt
	for m in '^actorgraph: extract: [0-9]+ documents, [0-9.]+ MB, [0-9.]+ MB/s' '^actorgraph: analysis: pagerank' \
		'^actorgraph: analysis: (betweenness|closeness)' '^actorgraph: build: writing graph\.json' \
		'^actorgraph: build: writing nodes\.csv' '^actorgraph: build: writing graph\.svg' "$summary"; do
		expect "tty-progress /$m/" grep -qE "$m" tty.txt
	done
	script -qec "'$bin' extract -o tty.json gen" /dev/null >tty-extract.log 2>&1
	expect tty-progress-write grep -q 'actorgraph: writing tty\.json' tty-extract.log
	script -qec "'$bin' build -q gen --out tty-quiet >/dev/null" /dev/null >tty-quiet.log 2>&1
	expect tty-quiet-silent bash -c '! grep -q actorgraph tty-quiet.log'
	# without a terminal: the summary only, no progress line
	"$bin" build gen --out notty >/dev/null 2>notty.err
	expect notty-no-progress bash -c "! grep -qE 'analysis:|writing' notty.err"
else
	echo "skip progress: script(1) cannot make a terminal here"
fi

if ((failures)); then
	echo "explain: $failures checks failed"
	exit 1
fi
echo "explain: every check passed"
