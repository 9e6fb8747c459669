#!/bin/sh
# The hook of .pre-commit-hooks.yaml through the pre-commit framework itself (`pre-commit
# try-repo`), offline: a throw-away copy of the hook definition committed in its own git
# repository, the remedy under test first on PATH, and a repository of plans. The framework
# passes the changed remedy.toml files to `remedy check PLAN...` in one run: a commit of valid
# plans (even at-risk ones) passes, one with an invalid plan fails and names it, and a file
# not named remedy.toml is not checked.
# usage: pre_commit_test.sh REMEDY SOURCE_DIR PLANS_DIR; exit 77 (skipped) without pre-commit.
set -u
remedy=$1 source=$2 plans=$3
framework=$(command -v pre-commit) || { echo "pre-commit is not installed: skipped"; exit 77; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
# No network, no user configuration: the framework's cache and git's settings are the test's.
export HOME="$work/home" PRE_COMMIT_HOME="$work/cache" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
mkdir -p "$HOME" "$work/bin" "$work/hooks" "$work/plans/a" "$work/plans/b" "$work/plans/c"
ln -s "$remedy" "$work/bin/remedy"
export PATH="$work/bin:$PATH"

cp "$source/.pre-commit-hooks.yaml" "$work/hooks/"
(cd "$work/hooks" && git init -q && git add .pre-commit-hooks.yaml && git commit -qm hooks) ||
    exit 1

cd "$work/plans" && git init -q || exit 1
cp "$plans/portfolio/acme/remedy.toml" a/remedy.toml     # overdue issues: still a valid plan
cp "$plans/portfolio/berlin/remedy.toml" b/remedy.toml
cp "$plans/portfolio/broken/remedy.toml" c/remedy.toml   # invalid
cp "$plans/portfolio/broken/remedy.toml" c/draft.toml    # invalid, but not a plan's name
git add . || exit 1

failed=0
fail() { echo "FAIL: $*"; failed=1; }

out=$("$framework" try-repo "$work/hooks" remedy-check --verbose --files a/remedy.toml \
      b/remedy.toml c/draft.toml 2>&1)
status=$?
echo "$out"
[ $status -eq 0 ] || fail "valid plans: pre-commit exited $status"
echo "$out" | grep -q "a/remedy.toml: valid plan, verdict " || fail "a/remedy.toml not checked"
echo "$out" | grep -q "b/remedy.toml: valid plan, verdict " || fail "b/remedy.toml not checked"
echo "$out" | grep -q "draft.toml" && fail "c/draft.toml was checked"

out=$("$framework" try-repo "$work/hooks" remedy-check --verbose --files a/remedy.toml \
      c/remedy.toml 2>&1)
status=$?
echo "$out"
[ $status -eq 1 ] || fail "an invalid plan: pre-commit exited $status, not 1"
echo "$out" | grep -q "c/remedy.toml:10:8: error: timebox.days must be between 1 and 60" ||
    fail "the invalid plan's error is not shown"
echo "$out" | grep -q "a/remedy.toml: valid plan" || fail "the valid plan beside it was not checked"
exit $failed
