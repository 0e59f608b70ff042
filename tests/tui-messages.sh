#!/bin/sh
# Issue 15, messages: the status line keeps its last 20 messages, and ~
# (tmux's show-messages) shows them whole, newest first, so that a notice
# cut on a narrow screen can be read.
. "$srcdir/tests/tuilib.sh"

tui_start 40 12 --offline
settle "showing…"
expect_eq "the first-run notice is cut on the status line" \
    "$(printf '%s\n' "$SCREEN" | tail -n 1)" \
    "nothing cached yet (--offline): showing…"
press "Messages" "~"
expect_eq "~ shows it whole" "$(printf '%s\n' "$SCREEN" | sed -n 5,8p)" \
" 2┌─ Messages ───────────────────────┐#5
 2│ nothing cached yet (--offline):  │#4
 2│ showing the bundled sample feed  │#3
 2└─ q ? Esc close ──────────────────┘#2"
press "Enter:open" q
on_screen "q closes it" " 2014-06-12 +● Mesos Community Update #5"

# 21 more messages (the list's widths, 44 to 59 columns, then 59 again):
# the first-run notice and the first width are gone, the newest is first.
tui_start 100 30 --offline
settle "sample"
set -f
press "Messages" $(i=0; while [ $i -lt 21 ]; do echo ">"; i=$((i + 1)); done) "~"
set +f
expect_eq "20 messages kept" \
    "$(printf '%s\n' "$SCREEN" | grep -c 'the list is')" 20
expect_eq "the newest first" "$(printf '%s\n' "$SCREEN" | sed -n 6p)" \
" 2014-05-08 │ the list is 59 columns wide                                              │"
expect_eq "the oldest kept last" "$(printf '%s\n' "$SCREEN" | sed -n 25p)" \
"            │ the list is 48 columns wide                                              │"
check "the notice is gone" \
    sh -c '! printf "%s" "$1" | grep -q "nothing cached"' sh "$SCREEN"
done_testing
