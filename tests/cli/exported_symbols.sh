#!/usr/bin/env bash
# The shared library exports its public API and nothing else: every defined
# dynamic symbol of libactorgraph.so is an ag_ function of the public headers
# (include/actorgraph/*.h), never an internal ag__ one, a dates.c ag_date_*
# helper, or a symbol of a library linked in; and every public function is
# exported.  BIN is build/actorgraph; the library sits beside it.
set -euo pipefail
bin=$1 src=$2 scratch=$3
lib=$(dirname "$bin")/libactorgraph.so
command -v nm >/dev/null || { echo "exported_symbols: nm not installed, skipped"; exit 77; }
[ -e "$lib" ] || { echo "exported_symbols: $lib not built"; exit 1; }
rm -rf "$scratch"; mkdir -p "$scratch"

# defined dynamic symbols, without the linker's own (_init, _fini, __bss_start, ...)
nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' |
  grep -vxE '_init|_fini|_edata|_end|__bss_start' | sort -u >"$scratch/exported"
[ -s "$scratch/exported" ] || { echo "exported_symbols: $lib exports nothing"; exit 1; }

# the functions the public headers declare (AG_EXTERN <type> name(...)
grep -h '^AG_EXTERN' "$src"/include/actorgraph/*.h |
  grep -oE '\bag_[a-z0-9_]+[[:space:]]*\(' | sed 's/[[:space:]]*($//' | sort -u >"$scratch/declared"

status=0
bad=$(grep -vE '^ag_[a-z0-9]' "$scratch/exported" || true)
if [ -n "$bad" ]; then
  echo "exported_symbols: exported but not ag_-prefixed (or internal ag__):"
  echo "$bad" | sed 's/^/  /'
  status=1
fi
internal=$(grep -E '^ag_date_' "$scratch/exported" || true)
if [ -n "$internal" ]; then
  echo "exported_symbols: dates.c internals exported:"
  echo "$internal" | sed 's/^/  /'
  status=1
fi
undeclared=$(comm -23 "$scratch/exported" "$scratch/declared" | grep -E '^ag_[a-z0-9]' || true)
if [ -n "$undeclared" ]; then
  echo "exported_symbols: exported but declared in no public header:"
  echo "$undeclared" | sed 's/^/  /'
  status=1
fi
missing=$(comm -13 "$scratch/exported" "$scratch/declared")
if [ -n "$missing" ]; then
  echo "exported_symbols: declared in a public header but not exported (AG_EXTERN? defined?):"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
[ "$status" -eq 0 ] && echo "exported_symbols: $(wc -l <"$scratch/exported") symbols, all public ag_ API"
exit "$status"
