#!/usr/bin/env bash
# The installed library is usable by another program:
#   - `cmake --install` of the build (BIN's folder) into SCRATCH/prefix puts in
#     place the shared (SONAME libactorgraph.so.0) and static libraries, the
#     public headers, the command, actorgraph.pc, the CMake package and the
#     manual pages;
#   - scripts/example.c builds against the installed library with
#     `pkg-config --cflags --libs actorgraph`, also linking libactorgraph.a
#     with `pkg-config --static`, and gives the same five most central actors
#     of graphs/peace-talks/texts as the command, and a well-formed SVG;
#   - a small CMake project builds it with find_package(actorgraph), against
#     both actorgraph::actorgraph and actorgraph::actorgraph_static;
#   - the manual pages render without warnings and name every command and
#     option of the CLI and every public function (skipped without man).
set -euo pipefail
bin=$1 src=$2 scratch=$3
build=$(cd "$(dirname "$bin")" && pwd)
cache=$build/CMakeCache.txt
prefix=$scratch/prefix
rm -rf "$scratch"; mkdir -p "$scratch"

fail() { echo "install: $*"; exit 1; }
cached() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -n1; }
command -v pkg-config >/dev/null || { echo "install: pkg-config not installed, skipped"; exit 77; }
[ -f "$cache" ] || fail "no CMakeCache.txt beside $bin"

cmake=$(cached CMAKE_COMMAND); [ -x "$cmake" ] || cmake=cmake
cc=$(cached CMAKE_C_COMPILER); command -v "$cc" >/dev/null 2>&1 || cc=${CC:-cc}
version=$(cached CMAKE_PROJECT_VERSION)
libdir=$(cached CMAKE_INSTALL_LIBDIR); libdir=${libdir:-lib}
# A sanitized build's library needs the sanitizer runtime in the program too.
san=()
[ "$(cached AG_SANITIZE)" = ON ] && san=(-fsanitize=address,undefined)
cflags=(-std=c11 -Wall -Wextra -Wpedantic -Werror "${san[@]}")

# ---- install
"$cmake" --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1 ||
  { cat "$scratch/install.log"; fail "cmake --install failed"; }
lib=$prefix/$libdir
for f in "$lib/libactorgraph.so.$version" "$lib/libactorgraph.so.0" "$lib/libactorgraph.so" \
         "$lib/libactorgraph.a" "$prefix/include/actorgraph.h" "$prefix/bin/actorgraph" \
         "$lib/pkgconfig/actorgraph.pc" "$lib/cmake/actorgraph/actorgraph-config.cmake" \
         "$lib/cmake/actorgraph/actorgraph-config-version.cmake" \
         "$lib/cmake/actorgraph/actorgraph-targets.cmake" \
         "$prefix/share/man/man1/actorgraph.1" "$prefix/share/man/man3/actorgraph.3"; do
  [ -e "$f" ] || fail "${f#"$prefix/"} not installed"
done
for h in "$src"/include/actorgraph/*.h; do
  cmp -s "$h" "$prefix/include/actorgraph/$(basename "$h")" || fail "include/actorgraph/$(basename "$h") not installed as it is"
done
if command -v readelf >/dev/null; then
  soname=$(readelf -d "$lib/libactorgraph.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
  [ "$soname" = libactorgraph.so.0 ] || fail "SONAME is '$soname', not libactorgraph.so.0"
fi
[ "$("$prefix/bin/actorgraph" --version)" = "actorgraph $version" ] || fail "installed actorgraph --version is wrong"

# ---- the reference: the command's five most central actors, by PageRank then id
"$bin" build -q "$src/graphs/peace-talks/texts" --out "$scratch/cli"
expected=
if command -v python3 >/dev/null; then
  python3 - "$scratch/cli/graph.json" >"$scratch/expected.txt" <<'EOF'
import json, math, sys
sys.stdout.reconfigure(encoding="utf-8")
g = json.load(open(sys.argv[1], encoding="utf-8"))
def pr(n):
    v = (n.get("metrics") or {}).get("pagerank")
    return v if v is not None and not math.isnan(v) else float("-inf")
for n in sorted(g["nodes"], key=lambda n: (-pr(n), n["id"]))[:5]:
    print("%s\t%s" % (n["id"], n["label"]))
EOF
  expected=$scratch/expected.txt
fi

# The example's output: five lines "pagerank<TAB>id<TAB>label", pagerank
# falling, the same actors as the command; the SVG well-formed.
check_run() { # name out.txt out.svg
  local name=$1 out=$2 svg=$3
  [ "$(wc -l <"$out")" -eq 5 ] || { cat "$out"; fail "$name: $(wc -l <"$out") lines, expected 5"; }
  awk -F'\t' 'NF != 3 || $1 !~ /^[0-9]+\.[0-9]+$/ || $2 !~ /^[a-z]+:./ || $3 == "" { exit 1 }
              NR > 1 && $1 + 0 > prev + 0 { exit 1 } { prev = $1 }' "$out" ||
    { cat "$out"; fail "$name: output is not five lines of pagerank, id, label, most central first"; }
  if [ -n "$expected" ]; then
    cut -f2,3 "$out" | diff -u "$expected" - || fail "$name: not the command's five most central actors"
  fi
  [ -s "$svg" ] && grep -q '<svg' "$svg" || fail "$name: no SVG written"
  if command -v xmllint >/dev/null; then xmllint --noout "$svg" || fail "$name: SVG is not well-formed"; fi
}

# ---- pkg-config, shared library
export PKG_CONFIG_PATH=$lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
[ "$(pkg-config --modversion actorgraph)" = "$version" ] || fail "pkg-config: version is not $version"
# shellcheck disable=SC2046 # the flags are words
"$cc" "${cflags[@]}" "$src/scripts/example.c" -o "$scratch/example" $(pkg-config --cflags --libs actorgraph) ||
  fail "scripts/example.c does not build with pkg-config --cflags --libs actorgraph"
# (ldd into a file: `grep -q` closing a pipe early fails it under pipefail)
LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} ldd "$scratch/example" >"$scratch/ldd.txt"
grep -q "=> $lib/libactorgraph.so.0 " "$scratch/ldd.txt" ||
  fail "example is not linked with the installed libactorgraph.so.0"
LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
  "$scratch/example" "$src/graphs/peace-talks/texts" "$scratch/shared.svg" >"$scratch/shared.txt" ||
  fail "example failed"
check_run "example (pkg-config)" "$scratch/shared.txt" "$scratch/shared.svg"

# ---- pkg-config --static, static library.  Requires.private / Libs.private
# must be enough.  A dependency's own private libraries that are not installed
# (Debian's igraph.pc names -lglpk -larpack -lplfit, which libigraph-dev does
# not pull in) are left out: they are the dependency's business, and shared
# copies of the dependencies are linked anyway.
static_libs=()
for flag in $(pkg-config --static --libs actorgraph); do
  case $flag in
    -lactorgraph) static_libs+=(-l:libactorgraph.a) ;;
    -l*) name=${flag#-l}
         if [ "$("$cc" -print-file-name="lib$name.so")" = "lib$name.so" ] &&
            [ "$("$cc" -print-file-name="lib$name.a")" = "lib$name.a" ]; then
           echo "install: (static link: leaving out $flag, not installed)"
         else
           static_libs+=("$flag")
         fi ;;
    *) static_libs+=("$flag") ;;
  esac
done
all_static=" ${static_libs[*]} "
for dep in igraph gvc cgraph jansson utf8proc z m; do
  [[ $all_static == *" -l$dep "* ]] || fail "pkg-config --static --libs actorgraph lacks -l$dep"
done
# shellcheck disable=SC2046
"$cc" "${cflags[@]}" "$src/scripts/example.c" -o "$scratch/example-static" $(pkg-config --cflags actorgraph) \
  "${static_libs[@]}" || fail "scripts/example.c does not link with libactorgraph.a and pkg-config --static"
ldd "$scratch/example-static" >"$scratch/ldd-static.txt"
if grep -q libactorgraph "$scratch/ldd-static.txt"; then fail "example-static needs libactorgraph.so"; fi
"$scratch/example-static" "$src/graphs/peace-talks/texts" "$scratch/static.svg" >"$scratch/static.txt" ||
  fail "example-static failed"
check_run "example (static)" "$scratch/static.txt" "$scratch/static.svg"
cmp -s "$scratch/shared.txt" "$scratch/static.txt" || fail "static and shared examples disagree"

# ---- CMake: find_package(actorgraph)
mkdir -p "$scratch/consumer"
cat >"$scratch/consumer/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.18)
project(consumer LANGUAGES C)
find_package(actorgraph 0.1 REQUIRED)
add_executable(example_shared ${EXAMPLE})
target_link_libraries(example_shared PRIVATE actorgraph::actorgraph)
add_executable(example_static ${EXAMPLE})
target_link_libraries(example_static PRIVATE actorgraph::actorgraph_static)
set_target_properties(example_shared example_static PROPERTIES C_STANDARD 11 C_EXTENSIONS OFF)
target_compile_options(example_shared PRIVATE -Wall -Wextra -Wpedantic -Werror)
target_compile_options(example_static PRIVATE -Wall -Wextra -Wpedantic -Werror)
EOF
"$cmake" -S "$scratch/consumer" -B "$scratch/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="${san[*]}" -DEXAMPLE="$src/scripts/example.c" \
  >"$scratch/consumer.log" 2>&1 || { cat "$scratch/consumer.log"; fail "find_package(actorgraph) project does not configure"; }
grep -q "^actorgraph_DIR:PATH=$lib/cmake/actorgraph\$" "$scratch/consumer/build/CMakeCache.txt" ||
  fail "find_package(actorgraph) did not find the installed package"
"$cmake" --build "$scratch/consumer/build" >>"$scratch/consumer.log" 2>&1 ||
  { cat "$scratch/consumer.log"; fail "find_package(actorgraph) project does not build"; }
for kind in shared static; do
  "$scratch/consumer/build/example_$kind" "$src/graphs/peace-talks/texts" "$scratch/cmake-$kind.svg" \
    >"$scratch/cmake-$kind.txt" || fail "CMake example_$kind failed"
  check_run "CMake example_$kind" "$scratch/cmake-$kind.txt" "$scratch/cmake-$kind.svg"
done
ldd "$scratch/consumer/build/example_shared" >"$scratch/ldd-cmake.txt"
grep -q "=> $lib/libactorgraph.so.0 " "$scratch/ldd-cmake.txt" ||
  fail "CMake example_shared is not linked with the installed libactorgraph.so.0"
# the version file turns away a version this is not
mkdir -p "$scratch/consumer-v"
printf 'cmake_minimum_required(VERSION 3.18)\nproject(v LANGUAGES NONE)\nfind_package(actorgraph 99.0 REQUIRED)\n' \
  >"$scratch/consumer-v/CMakeLists.txt"
if "$cmake" -S "$scratch/consumer-v" -B "$scratch/consumer-v/build" -DCMAKE_PREFIX_PATH="$prefix" \
     >"$scratch/consumer-v.log" 2>&1; then
  fail "find_package(actorgraph 99.0) accepted version $version"
fi

# ---- manual pages
man1=$prefix/share/man/man1/actorgraph.1 man3=$prefix/share/man/man3/actorgraph.3
for m in "$man1" "$man3"; do
  grep -q "^\.TH ACTORGRAPH [13] .*\"actorgraph $version\"" "$m" || fail "$(basename "$m"): .TH does not give version $version"
done
# The CLI's commands and options (from its --help) are all in actorgraph(1),
# the public functions (from the headers) all in actorgraph(3).
roff1=$(sed 's/\\-/-/g' "$man1")
commands=$("$bin" --help | sed -n '/^commands:/,/^$/p' | awk 'NF && !/^commands:/ {print $1}')
[ -n "$commands" ] || fail "no commands in actorgraph --help"
for c in $commands; do
  grep -q "^\.B $c\$" <<<"$roff1" || fail "actorgraph(1) does not describe the command '$c'"
  for o in $("$bin" "$c" --help | grep -oE '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
    grep -qE -- "(^|[^a-z-])$o([^a-z-]|\$)" <<<"$roff1" || fail "actorgraph(1) does not mention '$c $o'"
  done
done
for f in $(grep -h '^AG_EXTERN' "$src"/include/actorgraph/*.h | grep -oE '\bag_[a-z0-9_]+[[:space:]]*\(' | tr -d '( '); do
  grep -qw "$f" "$man3" || fail "actorgraph(3) does not mention $f"
done
if command -v man >/dev/null; then
  for m in "$man1" "$man3"; do
    MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -l "$m" >"$scratch/$(basename "$m").txt" 2>"$scratch/man.err" ||
      { cat "$scratch/man.err"; fail "man -l $(basename "$m") failed"; }
    [ ! -s "$scratch/man.err" ] || { cat "$scratch/man.err"; fail "man -l $(basename "$m"): warnings"; }
    grep -q '^NAME' "$scratch/$(basename "$m").txt" || fail "man -l $(basename "$m"): no NAME section"
  done
  mans="man pages rendered"
else
  mans="man not installed: man pages not rendered"
fi
echo "install: installed, example built with pkg-config (shared and static) and CMake (shared and static), $mans"
