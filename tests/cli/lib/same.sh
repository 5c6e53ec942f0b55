# Sourced by the script tests: `same A B WHAT` says ok when files A and B are
# byte-identical, else FAIL with the first lines of their diff, and counts the
# failure in $failures.
same() {
	if cmp -s "$1" "$2"; then
		echo "ok   $3"
	else
		echo "FAIL $3: $1 and $2 differ"
		diff "$1" "$2" | head -10 || true
		failures=$((failures + 1))
	fi
}
