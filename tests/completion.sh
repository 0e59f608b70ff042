#!/bin/sh
# The bash completion: options from --help, issue numbers from --list,
# --color's words.  Needs bash and bash-completion (skipped without).
. "$srcdir/tests/lib.sh"
BC=/usr/share/bash-completion/bash_completion
if ! command -v bash >/dev/null 2>&1 || [ ! -r "$BC" ]; then
	echo "bash-completion is not installed"
	exit 77
fi
mkdir -p "$TMP/bin"
ln -s "$MESOSNEWS" "$TMP/bin/mesosnews"
export PATH="$TMP/bin:$PATH"

# complete WORDS...: what bash offers for the last word.
complete_words() {
	bash -c '
	. "$1"; . "$2"; shift 2
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
	_mesosnews mesosnews "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}"
	printf "%s\n" "${COMPREPLY[@]}"' sh "$BC" \
	    "$srcdir/data/mesosnews" "$@" 2>/dev/null
}

expect_eq "issue numbers of the bundled sample" \
    "$(complete_words mesosnews --issue '' | tr '\n' ' ')" \
    "latest 1 2 3 4 5 6 7 8 "
expect_eq "issue numbers of a named source" \
    "$(complete_words mesosnews "$srcdir/tests/list/mixed.rss" --issue '' |
    tr '\n' ' ')" "latest 1 2 "
expect_eq "--color" "$(complete_words mesosnews --color '' | tr '\n' ' ')" \
    "auto always never "
got=$(complete_words mesosnews --ex)
expect_eq "--ex completes to --export-opml" "$got" "--export-opml"
got=$(complete_words mesosnews --sec)
expect_eq "--sec completes to --section=" "$got" "--section="
done_testing
