#!/bin/sh
# A cap at the largest amount a plan can hold (92233720368547758.07 with two minor digits) once
# made the chart's value axis overflow while adding steps, and `report` never finished. The page
# must come out whole. Usage: huge_amounts_test.sh REMEDY EXAMPLE_PLAN
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed 's/^cap = .*/cap = "92233720368547758.07"/' "$2" > "$dir/remedy.toml"
grep -q '^cap = "92233720368547758.07"' "$dir/remedy.toml"
"$1" report -f "$dir/remedy.toml" --as-of 2026-10-20 > "$dir/page.html"
tail -c 200 "$dir/page.html" | grep -q '</html>'
grep -q '92,233,720,368,547,758.07' "$dir/page.html"
echo "the page of a plan capped at the largest amount is whole"
