#!/bin/sh
# The reader's unread workflow (issue #15): n and p to the next and
# previous unread issue, Space at the end of an issue on to the next
# unread one, U and show-unread-only for a list of unread issues, A for
# the feed shown and C for every feed; and the whole-issue view kept from
# issue to issue, with article-view for the default.
. "$srcdir/tests/tuilib.sh"
. "$srcdir/tests/unreadlib.sh"
make_feed "$TMP/news.atom" News 5
make_feed "$TMP/other.atom" Other 3
CONF=$XDG_CONFIG_HOME/mesosnews/config
mkdir -p "${CONF%/*}"
: >"$CONF"

tui_start 80 24 "$TMP/news.atom"
settle "refreshed: 5 new issues"
# News 4 read by hand; n skips it, p comes back.
press "4 unread" j u
press "›2024-01-03 +● News 3" k n
row 3 " 2024-01-04 +  News 4"
press "›2024-01-05 +● News 5" p
# Both go round the list.
press "on from the bottom" p
row 6 "›2024-01-01 +● News 1"
press "on from the top" n
row 2 "›2024-01-05 +● News 5"
# Space reads on: through the sections, then to the next unread issue,
# skipping News 4.
press "Intro of News 5." Enter
press "Text A of News 5." Space
press "Text B of News 5." Space
press "Intro of News 3." Space
row 2 " News 3"
row 1 " mesosnews · News · 5 issues, 2 unread"
# In the whole-issue view, Space at its end goes on too.
press "the whole issue" v
press "Intro of News 2." Space
on_screen "v holds on the next unread issue" "Text B of News 2."
# ... and on J and K, to the next issue whatever it is.
press "Text B of News 1." J
press "Text B of News 2." K
press "no other unread issue" n
row 2 " News 2"
press "Enter:open" C-l
press "no other unread issue" Space
# Back to sections for the list's next test.
press "one section at a time" v
press "q:quit" q

# Only the unread: News 2 made unread again, then U.
press "1 unread" u
press "only unread issues" U
row 2 "›2024-01-02 +● News 2"
row 3 ""
press "all issues, read or not" U
row 6 " 2024-01-01 +  News 1"
# The one being read stays listed while it is read, and when the list
# is made again, as the selection.
press "only unread issues" U
press "Intro of News 2." Enter
press "q:quit" q
row 2 "›2024-01-02 +  News 2"
press "only unread issues" U U
row 2 "›2024-01-02 +  News 2"
row 3 ""
press "[exit 0]" q

# show-unread-only yes: the list starts with the unread ones.
make_feed "$TMP/news.atom" News 6
printf 'show-unread-only yes\n' >"$CONF"
tui_start 80 24 "$TMP/news.atom"
settle "refreshed: 1 new issue"
row 2 "›2024-01-06 +● News 6"
row 3 ""
press "Intro of News 6." Enter
press "[exit 0]" q q
tui_start 80 24 "$TMP/news.atom"
settle "refreshed: no new issues"
row 2 " No unread issues."
press "all issues, read or not" U
row 7 " 2024-01-01    News 1"
press "[exit 0]" q

# article-view whole: issues open whole.
printf 'article-view whole\nrefresh-on-start no\n' >"$CONF"
tui_start 80 24 "$TMP/news.atom"
settle "News 6"
press "Text B of News 6." Enter
press "one section at a time" v
off_screen "v back to sections" "Text B of News 6."
press "[exit 0]" q q

# Two feeds: A marks the feed shown, C every feed; it lasts.
: >"$CONF"
tui_start 80 24 "$TMP/news.atom" "$TMP/other.atom"
settle "refreshed: 3 new issues"
row 1 " mesosnews · all 2 feeds · 9 issues, 3 unread"
press "(feed 1 of 2) · 6 issues, 0 unread" f
press "6 issues, 1 unread" u
press "all issues of News marked read" A
row 1 " mesosnews · News (feed 1 of 2) · 6 issues, 0 unread"
press "(feed 2 of 2) · 3 issues, 3 unread" f
press "all 2 feeds · 9 issues, 3 unread" f
press "all issues of every feed marked read" f C
row 1 " mesosnews · News (feed 1 of 2) · 6 issues, 0 unread"
press "all 2 feeds · 9 issues, 0 unread" F
press "[exit 0]" q
tui_start 80 24 "$TMP/news.atom" "$TMP/other.atom"
settle "refreshed: no new issues"
row 1 " mesosnews · all 2 feeds · 9 issues, 0 unread"
press "[exit 0]" q

done_testing
