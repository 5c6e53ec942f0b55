#!/usr/bin/env bash
# The source tree keeps its layers: scripts/check-layers passes on src/, and
# fails (naming the files) on copies of src/ given an upward call, a circle
# between two files of one layer, and a stage that includes the driver's
# pipeline.h.
set -euo pipefail
src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
check=$src/scripts/check-layers

out=$("$check" "$src/src")
grep -q "no upward or sideways dependency, no circle" <<<"$out" || { echo "layers: $out"; exit 1; }

fails() { # name, expected text; the copy is in $scratch/$1
  local name=$1 want=$2 got rc=0
  got=$("$check" "$scratch/$name") || rc=$?
  if ((rc != 1)) || ! grep -qF -- "$want" <<<"$got"; then
    echo "layers: $name: expected exit 1 and '$want', got $rc:"; echo "$got"; exit 1
  fi
}

# an upward call: util uses the graph layer
cp -r "$src/src" "$scratch/upward"
printf '\nint ag__layers_probe(void);\nint ag__layers_probe(void)\n{\n\treturn ag_graph_new(0);\n}\n' >>"$scratch/upward/util/buf.c"
fails upward "util/buf.c -> graph/graph.c: layer util may not use graph"

# a circle inside one layer: names.c calls a function of meetings.c, which includes names.h
cp -r "$src/src" "$scratch/circle"
printf '\nint ag__layers_probe(void);\nint ag__layers_probe(void)\n{\n\treturn ag__find_meetings(0);\n}\n' >>"$scratch/circle/extract/names.c"
sed -i 's|#include "extract/meetings.h"|#include "extract/meetings.h"\n#include "extract/names.h"|' "$scratch/circle/extract/meetings.c"
fails circle "circle of 2 units"

# a stage that includes the driver's view of the pipeline
cp -r "$src/src" "$scratch/pipeline"
sed -i 's|#include "extract/names.h"|#include "extract/names.h"\n#include "extract/pipeline.h"|' "$scratch/pipeline/extract/names.c"
fails pipeline "extract/names.c: includes extract/pipeline.h"
echo "layers: ok"
