#!/bin/sh
# The terminal reader in a real terminal (tmux): list, article with
# section tabs, section switching, link pane, help, search, narrow
# layout, resize.  Screens are compared with tests/tui/*.screen.
. "$srcdir/tests/tuilib.sh"
FEED="$srcdir/tests/tui/feed.atom"
cp "$FEED" "$TMP/feed.atom"

# Wide: list and article side by side.
tui_start 100 30 "$TMP/feed.atom"
settle "refreshed: 5 new issues"
shot list
press "[1 Intro]" Enter
shot article
press "[2 Here are some recent highlights]" Tab
shot section2
press "[3 Upcoming events]" ]
on_screen "] goes to the next section" "OSCON 2014[7] in Portland"
press "[2 Here are some" [
press "[4 Recent talks and slides]" 4
on_screen "4 jumps to section 4" "Slides from the June meetups"
on_screen "a digit starts a link number" "link 4_"
press "v:whole" Escape
press "[2 Here are some" 2 Escape
press "Links (11)" l
shot links
press "› 3 • Batch jobs" j
press "›11   user list" G
press "v:whole" q
press "Keys" ?
shot help
press "page[5]" q
press "the whole issue" v
shot whole
press "one section at a time" v
press "find: oscon" / o s c o n
press "OSCON 2014[7] in" Enter
shot find
press "find wrapped around" n
press "v:whole" Escape
press "2014-05-23 · Dave Lester" J
press "2014-06-20 · Dave Lester" K
press "this is the first issue" K
# Back in the list: the article stays, the list has the focus.
press "q:quit" q
press 'search: release' / r e l e a s e
press '3 issues match "release", best first' Enter
shot search
press "Mesos Community Update #1" q
press "[exit 0]" q

# Narrow: one view at a time.  (The pager is for the | test below.)
printf '#!/bin/sh\ncat >"%s/piped.txt"\n' "$TMP" >"$TMP/pager.sh"
chmod +x "$TMP/pager.sh"
export PAGER="$TMP/pager.sh"
tui_start 60 20 "$TMP/feed.atom"
settle "refreshed: no new issues"
shot narrow-list
press "[1 Intro]" j Enter
shot narrow-article
press "2014-03-20" q

# Resize keeps the paragraph at the top of the article.
press "[1 Intro]" g Enter
press "the whole issue" v
press "[3 Upcoming events]" ] ]
press "• July 8: San Francisco" j j j
tm resize-window -t t -x 100 -y 30
settle "2014-03-20"
shot resize-wide
tm resize-window -t t -x 40 -y 10
settle "July 8: San"
shot resize-40x10
tm resize-window -t t -x 19 -y 10
settle "terminal too small"
shot too-small
tm resize-window -t t -x 60 -y 20
settle "v:whole"

# | pipes the issue, as text mode renders it, into $PAGER (never a shell).
press "2014-03-20" q
press "2014-03-20" "|"
# Styled for less -R: SGR sequences only, and the text under them.
sed 's/\x1b\[[0-9;]*m//g' "$TMP/piped.txt" >"$TMP/piped.plain"
check "the pager got the issue" grep -q "^Mesos Community Update #5" \
    "$TMP/piped.plain"
check "with its references" grep -q "^References" "$TMP/piped.plain"
no_escape "only styles reach the pager" "$TMP/piped.plain"

# A failed refresh says why and keeps the list.
printf 'this is not a feed\n' >"$TMP/feed.atom"
press "refresh failed: " r
on_screen "the list is kept" "Mesos Community Update #1"
press "[exit 0]" q

# Colours: a 256-colour theme, and none at all with NO_COLOR.
tui_start 100 10 "$TMP/feed.atom"
settle "refresh failed"
SCREEN=$(capture -e)
check "256 colours" sh -c 'printf "%s" "$1" | grep -q "38;5;"' sh "$SCREEN"
press "[exit 0]" q
export NO_COLOR=1
tui_start 100 10 "$TMP/feed.atom"
settle "refresh failed"
SCREEN=$(capture -e)
check "NO_COLOR: no colour" sh -c \
    '! printf "%s" "$1" | grep -Eq "38;5|48;5|\[[34][0-7]m|;[34][0-7]m"' \
    sh "$SCREEN"
check "NO_COLOR: reverse video instead" sh -c \
    'printf "%s" "$1" | grep -q "\[7m"' sh "$SCREEN"
unset NO_COLOR
press "[exit 0]" q

done_testing
