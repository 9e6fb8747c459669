#!/bin/bash
# Loads the generated bash completion in a non-interactive bash and asks it what it offers.
# usage: completion_bash_test.sh REMEDY PLAN
remedy=$1
plan=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source <("$remedy" completion bash) || exit 1
cp "$plan" "$work/remedy.toml"
mkdir "$work/elsewhere"
cp "$plan" "$work/elsewhere/other.toml"
cd "$work/elsewhere" || exit 1
fail=0
# complete LINE EXPECTED...: every EXPECTED word must be offered, and nothing that is not a
# completion of the last word.
complete_line() {
    local line=$1
    shift
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_WORDS[0]=$remedy
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _remedy
    local got=" ${COMPREPLY[*]} " want
    for want in "$@"; do
        if [[ $got != *" $want "* ]]; then
            echo "'$line' offers [${COMPREPLY[*]}], not '$want'"
            fail=1
        fi
    done
    if [[ $# == 0 && ${#COMPREPLY[@]} != 0 ]]; then
        echo "'$line' offers [${COMPREPLY[*]}], expected nothing"
        fail=1
    fi
}
complete_line "remedy " status check resolve completion --version
complete_line "remedy st" status start
complete_line "remedy status --" --as-of --format --color --file
complete_line "remedy check --fail-on " at-risk terminate never
complete_line "remedy check --format " text json github junit
complete_line "remedy status --format " text json
complete_line "remedy email " notice weekly ultimatum termination
complete_line "remedy completion " bash zsh fish
complete_line "remedy status -f " other.toml
complete_line "remedy status --as-of "
# Ids of the plan named by -f, and of the plan found from the working directory.
complete_line "remedy resolve -f other.toml " NET-1 NET-2
complete_line "remedy waive -f other.toml NET-" NET-1 NET-2
cd "$work" || exit 1
complete_line "remedy reopen " NET-1 NET-2
cd / || exit 1
complete_line "remedy resolve -f /nonexistent.toml "
exit $fail
