#!/usr/bin/zsh -f
# Installs the generated zsh completion as compinit finds it (a file _remedy on fpath), starts an
# interactive zsh on a pseudo-terminal, types lines ending in Tab, and reads what zsh completed
# or listed. The first line is the first Tab of the session: the one that loads the file.
# usage: completion_zsh_test.zsh REMEDY PLAN
remedy=$1
plan=$2
zmodload zsh/zpty || exit 77
work=$(mktemp -d)
trap 'rm -rf $work' EXIT
mkdir $work/functions $work/bin $work/plans
$remedy completion zsh >$work/functions/_remedy || exit 1
ln -s $remedy $work/bin/remedy
cp $plan $work/plans/other.toml
cd $work/plans || exit 1

# A machine without pseudo-terminals (some containers) cannot run this test: skipped, saying so.
if ! zpty shell env PATH=$work/bin:$PATH TERM=dumb HOME=$work zsh -f -i 2>/dev/null; then
  print -u2 "no pseudo-terminal available: cli.completion_zsh skipped"
  exit 77
fi
# ^X prints the line as completion left it, between markers, and clears it.
zpty -w shell "PS1='> '; fpath=($work/functions \$fpath); autoload -Uz compinit; compinit -u -D
unsetopt beep; zstyle ':completion:*' list-prompt ''
show-line() { zle -I; print -r -- \"LINE<\$BUFFER>END\"; BUFFER=''; }
zle -N show-line; bindkey '^X' show-line; print READY"
zpty -r shell setup '*READY*' && zpty -r shell setup '*READY*' || exit 1

fail=0
# complete LINE EXPECTED...: after Tab, every EXPECTED word is on the completed line or in the
# list zsh shows.
complete_line() {
    local line=$1 out
    shift
    zpty -n -w shell "$line"$'\t\C-x'
    zpty -r -m shell out '*END*' || { print -r -- "'$line': no answer"; fail=1; return; }
    local words=(${=${out//[^[:print:]]/ }})
    for want in $@; do
        if (( ! ${words[(Ie)$want]} )) && [[ $out != *"LINE<$want"* && $out != *" $want "* ]]; then
            print -r -- "'$line' gives ${(q+)out}, not '$want'"
            fail=1
        fi
    done
}
complete_line "remedy stat" "status"
complete_line "remedy " status check resolve completion
complete_line "remedy check --fail-on " at-risk terminate never
complete_line "remedy completion " bash zsh fish
complete_line "remedy status -f oth" other.toml
complete_line "remedy resolve -f other.toml NET-" NET-1 NET-2
zpty -d shell
exit $fail
