#!/bin/sh
# Loads the generated fish completion in a non-interactive fish and asks it what it offers for
# a line (`complete -C`), as fish does on Tab.
# usage: completion_fish_test.sh REMEDY PLAN       (exit 77 when fish is missing)
remedy=$1
plan=$2
command -v fish >/dev/null || {
    echo "fish is not installed"
    exit 77
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$remedy" completion fish >"$work/remedy.fish" || exit 1
mkdir "$work/bin" "$work/plans"
# The script runs `remedy __complete-ids` for the ids: the binary under test must be the one
# found on PATH.
ln -s "$remedy" "$work/bin/remedy"
cp "$plan" "$work/plans/other.toml"
cp "$plan" "$work/plans/remedy.toml"
cd "$work/plans" || exit 1
fail=0
# complete LINE EXPECTED...: every EXPECTED word must be offered, and nothing that is not a
# completion of the last word.
complete_line() {
    line=$1
    shift
    got=$(PATH="$work/bin:$PATH" fish --no-config -c \
        "source '$work/remedy.fish'; complete -C '$line'" | cut -f1)
    last=${line##* }
    for want in "$@"; do
        printf '%s\n' "$got" | grep -qxF -- "$want" || {
            echo "'$line' offers [$(echo $got)], not '$want'"
            fail=1
        }
    done
    printf '%s\n' "$got" | grep -v '^$' | while read -r word; do
        case $word in "$last"*) ;; *) echo "'$line' offers '$word'"; exit 1 ;; esac
    done || fail=1
    if [ $# = 0 ] && [ -n "$got" ]; then
        echo "'$line' offers [$(echo $got)], expected nothing"
        fail=1
    fi
}
complete_line "remedy " status check resolve completion
complete_line "remedy st" status
complete_line "remedy status --" --as-of --format --color --file
complete_line "remedy check --fail-on " at-risk terminate never
complete_line "remedy check --format " text json github junit
complete_line "remedy email " notice weekly ultimatum termination
complete_line "remedy completion " bash zsh fish
complete_line "remedy status -f " other.toml
complete_line "remedy resolve -f other.toml " NET-1 NET-2
complete_line "remedy waive -f other.toml NET-" NET-1 NET-2
complete_line "remedy reopen " NET-1 NET-2
cd / || exit 1
complete_line "remedy resolve -f /nonexistent.toml "
exit $fail
