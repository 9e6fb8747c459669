#!/bin/sh
# The commented example in remedy.toml(5) is a plan remedy accepts, and judged on 2026-11-10
# it says what its comments say: 1,300.00 owed and a strike that ends it.
# usage: example_is_valid.sh REMEDY PAGE
set -e
remedy=$1
page=$2
plan=$(mktemp --suffix=.toml)
trap 'rm -f "$plan"' EXIT
# The block of EXAMPLE alone (IMPORT EXAMPLES has blocks of its own: import_examples.py).
sed -n '/^\.SH EXAMPLE$/,/^\.SH /p' "$page" | sed -n '/^\.EX/,/^\.EE/p' | sed '1d;$d' |
    sed 's/\\-/-/g' >"$plan"
"$remedy" penalties -f "$plan" --as-of 2026-11-10 | grep -q '^Owed   1,300.00 USD$'
"$remedy" verdict -f "$plan" --as-of 2026-11-10 | grep -q 'Verdict terminate as of 2026-11-10'
