#!/bin/sh
# Issue 15, feeds: c (mutt's change-folder) lists the feeds with their
# unread and total issues and the last fetch or error; Enter shows one
# feed's issues (the first row, all of them), q goes back unchanged.
. "$srcdir/tests/tuilib.sh"

cp "$srcdir/tests/tui/feed.atom" "$srcdir/tests/tui/second.atom" "$TMP/"
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
# Port 1 on the loopback refuses at once: a feed whose fetch fails.
cat >"$XDG_CONFIG_HOME/mesosnews/config" <<CONF
feed $TMP/feed.atom   Digest
feed $TMP/second.atom
feed http://127.0.0.1:1/feed.xml Closed port
CONF
# The date of a fetch is today's.
feeds_screen() {
	printf '%s\n' "$SCREEN" | sed 's/fetched [0-9-]*/fetched DATE/'
}

tui_start 100 9
settle "refresh failed"
press "unread/total" c
expect_eq "the feed list" "$(feeds_screen)" \
" mesosnews · all 3 feeds · 8 issues, 8 unread
  Feed                             unread/total  last fetch or error
›*All feeds                             8/8
  Digest                                5/5      fetched DATE
  Framework Notes: a second fixtu…      3/3      fetched DATE
  Closed port                           0/0      error: http://127.0.0.1:1/feed.xml: cannot connect…


Enter:open  /:search  r:refresh  ?:help  q:back"
press "(feed 2 of 3)" j j Enter
expect_eq "Enter: that feed's issues alone" \
    "$(printf '%s\n' "$SCREEN" | sed -n 1,4p)" \
" mesosnews · Framework Notes: a second fixtu… (feed 2 of 3) · 3 issues, 3 unread
›2014-06-01 +● Notes on scheduler back-…│
 2014-04-20 +● Notes on task labels     │
 2014-03-01 +● Notes on health checks   │"
# Reading an issue there counts in the feed list.
press "Notes on scheduler" Enter
press "unread/total" c
on_screen "the feed shown is marked, its read issue counted" \
    "›*Framework Notes: a second fixtu…      2/3"
on_screen "and in all of them" "  All feeds                             7/8"
press "(feed 2 of 3)" q
on_screen "q: back to the list as it was" \
    " 2014-04-20 +● Notes on task labels"
press "all 3 feeds" c g Enter
on_screen "the first row: every feed" "Digest   Mesos Community"
press "[exit 0]" q
done_testing
