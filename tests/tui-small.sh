#!/bin/sh
# Issue 15, small terminals: the reader is usable down to 20x5 (one pane,
# the chrome cut), and below that says the size it needs and the size it
# has; q there does what it does at any size: back from an open issue,
# quit from the list.
. "$srcdir/tests/tuilib.sh"

cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
tui_start 20 5 "$TMP/feed.atom"
settle "refreshed"
expect_eq "20x5: the list" "$SCREEN" \
" mesosnews · Mesos …
›2014-06-20 +● Meso…
 2014-05-23 +● Meso…
 2014-05-02 +● Meso…
refreshed: 5 new is…"
press "Intro" Enter
expect_eq "20x5: an issue, a line of its text" "$SCREEN" \
" mesosnews · Mesos …
 Mesos Community Up…
 [1 Intro]  2 Here …
 Spring turned into
Enter:open  Tab:sec…"
press "summer" j
on_screen "20x5: the text scrolls" " summer and the"

tm resize-window -t t -x 19 -y 5
settle "too small"
expect_eq "19x5: the size needed and the size there is" "$SCREEN" \
"terminal too small
needs 20x5
is 19x5
q: back"
press "q: quit" q
expect_eq "q went back from the issue, and did not quit" "$SCREEN" \
"terminal too small
needs 20x5
is 19x5
q: quit"
tm resize-window -t t -x 20 -y 5
settle "2014-06-20"
on_screen "20x5 again: the list" "›2014-06-20 +  Meso…"

# Three rows: all of it on one line.
tm resize-window -t t -x 40 -y 3
settle "too small:"
expect_eq "40x3: one line" "$SCREEN" \
"too small: needs 20x5, is 40x3; q: quit"
press "[exit 0]" q
done_testing
