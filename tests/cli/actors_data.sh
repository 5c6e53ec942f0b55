#!/usr/bin/env bash
# The actor dictionary (src/data/actors.tsv) is well formed and agrees with
# itself (scripts/check-actors), the checker catches each kind of bad row, and
# a user's --gazetteer file in the same format adds an actor, dated.
set -euo pipefail
bin=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch"
"$src/scripts/check-actors"

bad() { # name, expected message, row
  printf '%s\n' "$3" >"$1.tsv"
  if out=$("$src/scripts/check-actors" "$1.tsv"); then
    echo "actors_data: $1: accepted"; exit 1
  fi
  grep -qF -- "$2" <<<"$out" || { echo "actors_data: $1: expected '$2' in: $out"; exit 1; }
}
bad target "unknown target 'atlantis'" $'actor\tatlantis\tAna Lind\tAna Lind|Lind\tpresident\t2020-01-01\t'
bad label "is not among its forms" $'actor\tsweden\tAna Lind\tLind\tpresident\t2020-01-01\t'
bad date "dates are" $'actor\tsweden\tAna Lind\tAna Lind\tpresident\t2020-13-01\t'
bad order "ends before it starts" $'actor\tsweden\tAna Lind\tAna Lind\tpresident\t2020-01-01\t2019-01-01'
bad office "is not lower case" $'actor\tsweden\tAna Lind\tAna Lind\tPresident\t2020-01-01\t'
bad overlap "both foreign-minister of sweden at once" \
  $'actor\tsweden\tAna Lind\tAna Lind\tforeign-minister\t2020-01-01\t2022-01-01\nactor\tsweden\tBo Lund\tBo Lund\tforeign-minister\t2021-06-01\t'
bad twice "is foreign-minister of sweden and of norway" \
  $'actor\tnorway\tAna Lind\tAna Lind\tforeign-minister\t2020-01-01\t2022-01-01\nactor\tsweden\tAna Lind\tAna Lind\tforeign-minister\t2021-06-01\t'
# a successor starting the day the term ends, or within a month given alone, is no overlap
printf 'actor\tsweden\tAna Lind\tAna Lind\tforeign-minister\t2020-01-01\t2022-03\nactor\tsweden\tBo Lund\tBo Lund\tforeign-minister\t2022-03-15\t\n' >ok.tsv
"$src/scripts/check-actors" ok.tsv >/dev/null

# a user's actor, through --gazetteer: dated (the side of the office held then)
printf 'actor\tsweden\tAnnika Strand\tAnnika Strand|Strand\tforeign-minister\t2020-01-01\t2022-12-31\n' >user.tsv
printf 'actor\tnorway\tAnnika Strand\tAnnika Strand|Strand\tenvoy\t2023-01-01\t\n' >>user.tsv
printf 'date 2021-05-04 Talks\nStrand met the delegations on Tuesday.\n' >a.txt
printf 'date 2024-05-04 Talks\nStrand met the delegations on Tuesday.\n' >b.txt
"$bin" extract -q --gazetteer user.tsv -o a.json a.txt
"$bin" extract -q --gazetteer user.tsv -o b.json b.txt
grep -q '"affiliation": "state:sweden"' a.json || { echo "actors_data: 2021: not Sweden"; exit 1; }
grep -q '"affiliation": "state:norway"' b.json || { echo "actors_data: 2024: not Norway"; exit 1; }
# a user line naming an unknown target is refused with file and line
printf 'actor\tatlantis\tAna Lind\tAna Lind\tpresident\t2020-01-01\t\n' >bad-user.tsv
if "$bin" extract -q --gazetteer bad-user.tsv -o x.json a.txt 2>err.txt; then
  echo "actors_data: unknown target accepted"; exit 1
fi
grep -q "bad-user.tsv:1: no state or organization 'atlantis'" err.txt || { cat err.txt; exit 1; }
echo "actors_data: ok"
