#!/usr/bin/env bash
# Golden-file tests: every tests/golden/NAME.txt is extracted and compared with
# NAME.json, and rendered to DOT and compared with NAME.dot (and analysed and
# rendered, compared with NAME.analyzed.dot where there is one).  After an intended
# change, regenerate the expected files with scripts/regen-golden.
set -euo pipefail
bin=$1 src=$2 scratch=$3
mkdir -p "$scratch"
cd "$src/tests/golden"
fail=0 count=0
for txt in *.txt; do
  name=${txt%.txt}
  count=$((count + 1))
  "$bin" extract -q -o "$scratch/$name.json" "$txt"
  "$bin" render -f dot -o "$scratch/$name.dot" "$scratch/$name.json"
  exts="json dot"
  # NAME.analyzed.dot: the diagram of the analysed graph (community fills,
  # the legend's community names), when the case has one
  if [ -f "$name.analyzed.dot" ]; then
    "$bin" analyze -q -o "$scratch/$name.analyzed.json" "$scratch/$name.json"
    "$bin" render -q -f dot -o "$scratch/$name.analyzed.dot" "$scratch/$name.analyzed.json"
    exts="$exts analyzed.dot"
  fi
  for ext in $exts; do
    if ! diff -u "$name.$ext" "$scratch/$name.$ext" >"$scratch/$name.$ext.diff"; then
      echo "golden: $name.$ext differs:"; head -40 "$scratch/$name.$ext.diff"; fail=1
    fi
  done
done
[ "$count" -gt 0 ] || { echo "golden: no cases"; exit 1; }
echo "golden: $count cases checked"
exit $fail
