#!/bin/sh
# Terminals the reader cannot draw on are refused with one line that
# points at text mode, and nothing else is written to them.
. "$srcdir/tests/tuilib.sh"

cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
SAVED_TERM=$TUI_TERM
TUI_TERM=dumb
tui_start 100 10 "$TMP/feed.atom"
settle "[exit"
expect_eq "TERM=dumb: one line, then the exit status" "$SCREEN" \
"mesosnews: the terminal (TERM=dumb) cannot move the cursor, which the reader needs; text mode works:
 mesosnews --text | less
[exit 1]"
check "TERM=dumb: nothing written to the cache" \
    test ! -e "$XDG_CACHE_HOME/mesosnews/cache.db"
TUI_TERM=$SAVED_TERM
done_testing
