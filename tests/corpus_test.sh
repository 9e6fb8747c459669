#!/bin/sh
# Feeds every file of the toml-test corpus to `remedy status`: each must end with exit status 3
# and a message naming the file, within a few seconds. Usage: corpus_test.sh REMEDY CORPUS_DIR
remedy=$1
corpus=$2
if [ ! -d "$corpus" ]; then
    echo "toml-test corpus not found at $corpus: skipped"
    exit 77
fi
checked=0
bad=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
find "$corpus" -type f -name '*.toml' | sort > "$tmp.list"
while IFS= read -r file; do
    checked=$((checked + 1))
    timeout 10 "$remedy" status -f "$file" --as-of 2026-10-18 >/dev/null 2>"$tmp"
    status=$?
    if [ "$status" -ne 3 ]; then
        echo "FAIL: $file: exit status $status (expected 3)"
        bad=$((bad + 1))
    elif ! grep -qF "$file" "$tmp"; then
        echo "FAIL: $file: no message naming the file"
        bad=$((bad + 1))
    fi
done < "$tmp.list"
rm -f "$tmp.list"
echo "$checked corpus files checked, $bad failed"
[ "$bad" -eq 0 ]
