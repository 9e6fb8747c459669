#!/bin/sh
# Both formatters must read the page without a warning: mandoc is strict about structure,
# groff about the requests a terminal reader will actually meet.
# The one check that reads the real clock is mandoc's "date in the future": a page dated after
# the day it is read was dated by mistake. It holds on any later day (CI runs the suite with the
# clock years ahead); only a clock set back before the page's .TH date fails it, as it should.
# usage: lint.sh PAGE
page=$1
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }
out=$(mandoc -T lint -W warning "$page" 2>&1; groff -man -ww -z "$page" 2>&1)
if [ -n "$out" ]; then
    printf '%s\n' "$out"
    exit 1
fi
