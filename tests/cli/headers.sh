#!/usr/bin/env bash
# Header self-containment: every public header (include/actorgraph.h and
# include/actorgraph/*.h) compiles on its own, first thing in a file, as
# strict C11 with every warning an error, and included twice (include
# guards); and as C++ when a C++ compiler is there (extern "C" blocks).
# Uses the compiler of the build (BIN's folder) when it can tell.
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch"; mkdir -p "$scratch"

cache=$(dirname "$bin")/CMakeCache.txt
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$cache" 2>/dev/null || true)
[ -n "$cc" ] && command -v "$cc" >/dev/null || cc=${CC:-cc}
command -v "$cc" >/dev/null || { echo "headers: no C compiler, skipped"; exit 77; }
cxx=${CXX:-c++}
command -v "$cxx" >/dev/null || cxx=

headers=("$src/include/actorgraph.h" "$src"/include/actorgraph/*.h)
status=0 n=0
for h in "${headers[@]}"; do
  rel=${h#"$src/include/"}
  name=$(echo "$rel" | tr '/.' '__')
  printf '#include <%s>\n#include <%s>\n' "$rel" "$rel" >"$scratch/$name.c"
  if ! "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -I"$src/include" \
       -c "$scratch/$name.c" -o "$scratch/$name.o" 2>"$scratch/$name.err"; then
    echo "headers: $rel does not compile alone as C11:"
    sed 's/^/  /' "$scratch/$name.err"
    status=1
  fi
  if [ -n "$cxx" ]; then
    cp "$scratch/$name.c" "$scratch/$name.cpp"
    if ! "$cxx" -std=c++11 -Wall -Wextra -Wpedantic -Werror -I"$src/include" \
         -c "$scratch/$name.cpp" -o "$scratch/$name.cpp.o" 2>"$scratch/$name.cpp.err"; then
      echo "headers: $rel does not compile alone as C++11:"
      sed 's/^/  /' "$scratch/$name.cpp.err"
      status=1
    fi
  fi
  n=$((n + 1))
done
# the umbrella header includes every public header
for h in "$src"/include/actorgraph/*.h; do
  grep -q "^#include \"actorgraph/$(basename "$h")\"" "$src/include/actorgraph.h" ||
    { echo "headers: actorgraph.h does not include actorgraph/$(basename "$h")"; status=1; }
done
[ "$status" -eq 0 ] && echo "headers: $n headers compile alone (C11${cxx:+ and C++11}, -Wall -Wextra -Wpedantic -Werror)"
exit "$status"
