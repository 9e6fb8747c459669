#!/bin/sh
# Both formatters must read the page without a warning: mandoc is strict about structure,
# groff about the requests a terminal reader will actually meet.
# usage: lint.sh PAGE
page=$1
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }
out=$(mandoc -T lint -W warning "$page" 2>&1; groff -man -ww -z "$page" 2>&1)
if [ -n "$out" ]; then
    printf '%s\n' "$out"
    exit 1
fi
