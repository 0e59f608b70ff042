#!/bin/sh
# The events view: E shows every event of every issue, by month, upcoming
# first (the sample's are all past: undated first, then newest month
# first); Enter opens the issue at the event's item; w writes what is
# shown as iCalendar, the same events text mode's --events --ics writes.
. "$srcdir/tests/tuilib.sh"

S=$(cd "$top_srcdir" && pwd)/data/sample.atom
tui_start 110 14 "$S"
settle "refreshed: 8 new issues"
press "events: Enter opens the issue" E
shot events
press "Strata + Hadoop World" j j
press "Upcoming events" Enter
on_screen "Enter: the issue of the event" "Mesos Community Update #8"
on_screen "Enter: at its item" "Strata + Hadoop World"
press "events: Enter opens the issue" E
press "export the events to" w
tm send-keys -t t -l "$TMP/events.ics"
press "exported the events to" Enter
"$MESOSNEWS" --events --ics "$S" >"$TMP/want.ics"
expect_eq "export: every dated event" \
    "$(grep -c '^BEGIN:VEVENT' "$TMP/events.ics")" \
    "$(grep -c '^BEGIN:VEVENT' "$TMP/want.ics")"
grep -v '^DTSTAMP:' "$TMP/events.ics" >"$TMP/got.nostamp"
grep -v '^DTSTAMP:' "$TMP/want.ics" >"$TMP/want.nostamp"
golden "export: what --events --ics writes" "$TMP/got.nostamp" \
    "$TMP/want.nostamp"
press "Mesos Community Update #8" q
on_screen "q: back to the list" "8 issues"
done_testing
