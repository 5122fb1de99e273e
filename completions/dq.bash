# bash completion for dq: subcommands, options, formats and units, statements after
# `dq help` and at the start of `-c`, subjects (read from the default database by dq
# itself) after a statement inside `-c "…"`, files after --db, -f and import.
_dq_subjects() {
    if [[ -z ${_dq_subject_cache+x} ]]; then
        _dq_subject_cache=$(command dq --no-init --format tsv --no-header -c subjects 2>/dev/null | cut -f1-3 | sed 's/\t/\n/g; s/、/\n/g' | grep -v -e ' ' -e '"' -e '“' -e '^$')
    fi
    printf '%s\n' "$_dq_subject_cache"
}

_dq() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local subcommands="query init import check report help"
    local statements="summary compare breakdown trend execution top projects indicators codes units years subjects find source check explain sql use"
    local options="--db --memory -c -f --keep-going --no-init --format --unit --no-header --bom --help --version"
    COMPREPLY=()
    case $prev in
        --format)
            if [[ ${COMP_WORDS[1]} == report ]]; then COMPREPLY=($(compgen -W "html markdown" -- "$cur"))
            else COMPREPLY=($(compgen -W "table box csv tsv json jsonl markdown bar svg" -- "$cur")); fi
            return ;;
        --unit) COMPREPLY=($(compgen -W "元 万元 亿元" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
        --kind) COMPREPLY=($(compgen -W "决算 预算" -- "$cur")); return ;;
        --template) COMPREPLY=($(compgen -W "sichuan shanghai" -- "$cur")); return ;;
        --db|-f|-o|--source) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        help) COMPREPLY=($(compgen -W "$subcommands $statements" -- "$cur")); return ;;
        -c)
            # Inside the quoted query: a statement first, then subjects.
            local text=${cur#[\"\']}
            if [[ $text == *" "* ]]; then
                local head=${text% *} word=${text##* }
                local IFS=$'\n'
                COMPREPLY=($(compgen -P "${cur:0:1}$head " -W "$(_dq_subjects)" -- "$word"))
            else
                COMPREPLY=($(compgen -W "$statements" -- "$text"))
            fi
            return ;;
    esac
    if [[ ${COMP_WORDS[1]} == import && $cur != -* ]]; then
        COMPREPLY=($(compgen -f -- "$cur")); return
    fi
    if [[ $cur == -* ]]; then
        case ${COMP_WORDS[1]} in
            init) options="--db --empty --help" ;;
            import) options="--db --replace --strict --unit --year --template --help" ;;
            check) options="--db --memory --for --year --fail-on --format --unit --no-header --bom --help" ;;
            report) options="--db --memory --for --year --kind --format --unit --source -o --help" ;;
        esac
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "$subcommands $statements" -- "$cur"))
    fi
}
complete -F _dq dq
