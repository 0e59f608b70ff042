#!/bin/sh
# The architecture as the source states it (issue #12): each external
# library is included by its own files only, the front-ends reach the
# cache only through the issue library, and no source file grows past
# 1,500 lines.  A new include or call in the wrong place fails here.
. "$srcdir/tests/lib.sh"

S=$srcdir/src

# includers HEADER-REGEX: the source files including a matching system
# header, as paths under src/, one line.
includers() {
	(cd "$S" && grep -l -E "^#include <($1)" *.c *.h tui/*.c tui/*.h \
	    2>/dev/null | sort | tr '\n' ' ' | sed 's/ $//')
}

expect_eq "libxml2" "$(includers 'libxml/')" \
    "feed_opml.c feed_parser.c feed_xml.c feed_xml.h html.c repair.c"
expect_eq "libcurl" "$(includers 'curl/')" "fetch.c"
expect_eq "cmark-gfm" "$(includers 'cmark')" "md.c"
expect_eq "SQLite" "$(includers 'sqlite3')" \
    "store.c store_int.h store_open.c store_place.c"
expect_eq "libical" "$(includers 'libical/|ical\.h')" "ics.c"
expect_eq "json-c" "$(includers 'json')" "jsonfeed.c"
expect_eq "ncurses" "$(includers 'n?cursesw?\.h|ncursesw/')" "tui/app.h"
U='unistr|unilbrk|uniwidth|unigbrk|uniconv|unicase|uninorm|unictype'
expect_eq "libunistring" "$(includers "($U)\.h")" "layout.c utf8.c"

# store_* is called by the library, the refresh it drives, and the store.
calls=$(cd "$S" && grep -l -E '\bstore_[a-z_]+\(' *.c tui/*.c | sort |
    tr '\n' ' ' | sed 's/ $//')
expect_eq "store_ callers" "$calls" \
    "library.c library_place.c refresh.c store.c store_open.c store_place.c"
# store_int.h is the store's own.
expect_eq "store_int.h users" "$(cd "$S" && grep -l 'store_int\.h' \
    *.c tui/*.c | sort | tr '\n' ' ' | sed 's/ $//')" \
    "store.c store_open.c store_place.c"

# No room of 1,500 lines or more.
big=$(cd "$S" && wc -l *.c *.h tui/*.c tui/*.h | awk '$2 != "total" &&
    $1 > 1500 { print $2 " " $1 }')
expect_eq "files over 1,500 lines" "$big" ""

done_testing
