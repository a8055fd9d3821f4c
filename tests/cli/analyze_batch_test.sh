#!/usr/bin/env bash
# vigie analyze over a batch mixing good and bad records: every good record is analysed, every bad
# one is reported with file and line, and the summary counts both.
set -uo pipefail
vigie=$1
here=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() {  # check DESCRIPTION COMMAND...
  if ! "${@:2}"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

good_fr='{"id":"g-fr","lang":"fr","published":"2021-08-02","text":"Les talibans ont pris dimanche le contrôle du district de Khan Abad, dans la province de Kunduz, selon un responsable local. Les combats se poursuivent."}'
good_en='{"id":"g-en","lang":"en","url":"https://example.org/2022/03/14/story","text":"Russian forces shelled the outskirts of Kharkiv on Sunday, regional officials said. Residents fled to shelters."}'
{
  echo "$good_fr"
  echo '{"id":"broken", "text": "unterminated'
  echo '{"id":"no-text","lang":"fr"}'
  echo '{"id":"empty","lang":"fr","text":""}'
  printf '{"id":"bad-utf8","lang":"fr","text":"Kaboul \xff\xfe tomb\xc3e"}\n'
  echo '{"id":"de","text":"Die Taliban haben am Sonntag die Kontrolle über den Bezirk übernommen, sagten örtliche Behörden. Die Kämpfe dauern an."}'
  echo "$good_en"
} > "$work/batch.jsonl"

"$vigie" analyze "$work/batch.jsonl" > "$work/out.jsonl" 2> "$work/err.txt"
status=$?
cat "$work/err.txt"
check "exit status 1 when some record failed" test "$status" -eq 1
check "both good records analysed" test "$(grep -c '"article"' "$work/out.jsonl")" -eq 2
check "the English record after the bad ones is analysed" grep -q '"article":"g-en"' "$work/out.jsonl"
check "published inferred from the URL" grep -q '"published":"2022-03-14"' "$work/out.jsonl"
check "broken JSON reported with its line" grep -q 'batch.jsonl:2' "$work/err.txt"
check "record without text reported with its line" grep -q 'batch.jsonl:3' "$work/err.txt"
check "empty text reported with its line" grep -q 'batch.jsonl:4' "$work/err.txt"
check "invalid UTF-8 reported with its line" grep -q 'batch.jsonl:5' "$work/err.txt"
check "German reported as an unsupported language" grep -qi "unsupported language" "$work/err.txt"
check "summary counts read, analysed and skipped" \
  grep -q '7 articles read, 2 analysed, 5 skipped' "$work/err.txt"

# A plain-text dispatch with the seed header, from standard input.
printf ' date 2021-07 Les talibans affirment avoir pris le district de Panjwai. Kaboul dément.\n' |
  "$vigie" analyze - > "$work/seed.jsonl" 2> "$work/seed.err"
check "seed header dispatch from stdin exits 0" test $? -eq 0
check "seed header gives the month" grep -q '"published":"2021-07"' "$work/seed.jsonl"
check "seed dispatch detected as French" grep -q '"lang":"fr"' "$work/seed.jsonl"

# A binary file and a missing path do not stop the directory after them.
mkdir -p "$work/dir"
head -c 2048 /dev/urandom > "$work/dir/a_binary.txt"
printf '\x00\x01' >> "$work/dir/a_binary.txt"
printf 'date: 2022-03-14\ntitle: Test\n\nRussian forces shelled Kharkiv on Sunday, officials said.\n' > "$work/dir/b.txt"
"$vigie" analyze "$work/missing.jsonl" "$work/dir" > "$work/dir.jsonl" 2> "$work/dir.err"
status=$?
cat "$work/dir.err"
check "missing path and binary file make exit 1" test "$status" -eq 1
check "missing path reported" grep -q 'missing.jsonl' "$work/dir.err"
check "binary file reported" grep -q 'a_binary.txt' "$work/dir.err"
check "text file after them analysed" grep -q '"article":"b"' "$work/dir.jsonl"

# Over the size cap.
python3 -c 'import json; print(json.dumps({"id":"big","lang":"en","text":"Fighting. " * 20000}))' \
  > "$work/big.jsonl"
"$vigie" analyze --max-bytes 100000 "$work/big.jsonl" > /dev/null 2> "$work/big.err"
check "article over --max-bytes is refused" grep -qi 'too large\|over the' "$work/big.err"

# --debug shows sentences, tokens with lemmas and numbers.
printf 'date: 2021-08-02\n\nLes insurgés ont conquis plus de treize districts. Ils auraient pris 1 000 fusils.\n' |
  "$vigie" analyze --debug - > "$work/debug.txt" 2>&1
cat "$work/debug.txt"
check "debug shows two sentences" grep -q '^\[1\]' "$work/debug.txt"
check "debug shows a lemma" grep -q 'conquis/conquérir' "$work/debug.txt"
check "debug shows the number 1000" grep -q '= 1000' "$work/debug.txt"
check "debug shows 'plus de treize' as at least 13" grep -q '= 13 (at_least)' "$work/debug.txt"

[ "$fail" -eq 0 ] && echo "cli: all checks passed"
exit "$fail"
