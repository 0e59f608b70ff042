#!/bin/sh
# Where I was (issue #15): the reader comes back to the last issue open
# (in its view, at its place) or selected, and to each issue's place,
# kept in the cache; drafts (Markdown named on the command line) keep
# their places in memory only and leave the cache as it was, byte for
# byte in its dump.
. "$srcdir/tests/tuilib.sh"
. "$srcdir/tests/unreadlib.sh"
# Each start comes back to where the last one was (see forget_places).
TUI_PLACES=keep
make_feed "$TMP/news.atom" News 5 3
CACHE=$XDG_CACHE_HOME/mesosnews/cache.db

# Wide: read into News 3, back to the list (the issue stays on screen),
# quit.
tui_start 100 20 "$TMP/news.atom"
settle "refreshed: 5 new issues"
press "Intro of News 3." j j Enter
press "Line 10 of News 3" Space
press "q:quit" q
press "[exit 0]" q
# Back at the same paragraph of the same issue, in sections.
tui_start 100 20 "$TMP/news.atom"
settle "refreshed: no new issues"
row 4 "›2024-01-03    News 3                   │ https://example.org/3"
row 5 " 2024-01-02  ● News 2                   │ [1 Intro]  2 Part A   3 Part B"
row 6 " 2024-01-01  ● News 1                   │ Line 7 of News 3."
# The whole view, in News 2; News 3 keeps its own place meanwhile.
press "the whole issue" v
press "Text B of News 2." J
press "Line 7 of News 3." K
press "Text B of News 2." J
press "[exit 0]" q q
expect_eq "the cache's places" "$(db_query "$CACHE" "SELECT i.title,
    p.block, p.whole, p.open FROM places p JOIN issues i ON i.id = p.issue
    ORDER BY p.seq")" "News 3|7|1|0
News 2|0|1|1"
tui_start 100 20 "$TMP/news.atom"
settle "refreshed: no new issues"
row 5 "›2024-01-02    News 2                   │ [1 Intro]  2 Part A   3 Part B"
on_screen "News 2 whole again" "Text B of News 2."
press "[exit 0]" q q

# Narrow: back to the list, News 1 selected, quit: News 1 is selected
# next time, and nothing is open.
tui_start 80 24 "$TMP/news.atom"
settle "Text B of News 2."
press "q:quit" q
press "›2024-01-01  ● News 1" j
press "[exit 0]" q
tui_start 80 24 "$TMP/news.atom"
settle "refreshed: no new issues"
row 2 " 2024-01-05  ● News 5"
row 6 "›2024-01-01  ● News 1"
press "[exit 0]" q

# Drafts: read, scrolled, marked, "refreshed", searched; their places
# last for the run only, and the cache is as it was.
mkdir "$TMP/drafts"
{
	printf -- '---\ntitle: "Long draft"\n---\n\nStart of the long draft.\n'
	i=1
	while [ $i -le 40 ]; do
		printf '\nDraft line %d.\n' "$i"
		i=$((i + 1))
	done
} >"$TMP/drafts/2024-02-01-long.md"
printf -- '---\ntitle: "Short draft"\n---\n\nThe short one.\n' \
    >"$TMP/drafts/2024-02-02-short.md"
sqlite3_dump() {
	db_query "$1" "SELECT 'table ' || name FROM sqlite_master
	    WHERE type = 'table' ORDER BY name"
	for t in feeds issues places; do
		db_query "$1" "SELECT * FROM $t ORDER BY 1"
	done
	db_query "$1" "PRAGMA user_version"
}
sqlite3_dump "$CACHE" >"$TMP/before.dump"
ls -l --time-style=+%s.%N "$CACHE" >"$TMP/before.ls"
tui_start 80 24 "$TMP/drafts"
settle "Short draft"
press "Start of the long draft." j Enter
press "Draft line 12." Space
press "q:quit" q
press "The short one." k Enter
press "q:quit" q
press "Draft line 12." j Enter
press "q:quit" q
press "2 issues, 1 unread" u
press "2 issues, 0 unread" u
press "search needs the cache" / x Enter
press "[exit 0]" r q
sqlite3_dump "$CACHE" >"$TMP/after.dump"
golden "drafts: the cache unchanged" "$TMP/after.dump" "$TMP/before.dump"
ls -l --time-style=+%s.%N "$CACHE" >"$TMP/after.ls"
golden "drafts: the cache file untouched" "$TMP/after.ls" "$TMP/before.ls"
# The next run starts them afresh: unread, at the top.
tui_start 80 24 "$TMP/drafts"
settle "Short draft"
row 3 " 2024-02-01  ● Long draft"
press "Start of the long draft." j Enter
off_screen "a draft's place is not kept" "Draft line 12."
press "[exit 0]" q q

done_testing
