#!/bin/sh
# Events: the text listing of the bundled sample and of a post in the
# style of Community Update #1 (golden files), and the iCalendar export
# read back by a real calendar parser (python3-icalendar), every field of
# every VEVENT checked.
. "$srcdir/tests/lib.sh"
D="$srcdir/tests/events"
TOOL="$top_builddir/tests/events/events_tool"
S="$top_srcdir/data/sample.atom"
U1="$D/2014-03-20-community-update-1.md"
CAL="$D/2014-12-01-calendar.md"

run() {
	local name=$1; shift
	$UNDER "$TOOL" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null
	rc=$?
}

run sample -a -n 2014-01-01 "$S"
expect_eq "sample: status" "$rc" 0
golden "sample, all events" "$TMP/sample.out" "$D/sample.expected"
check "sample: quiet" test ! -s "$TMP/sample.err"
# Without -a, what ended before today goes.
run upcoming -n 2014-07-01 "$S"
golden "sample, upcoming on 2014-07-01" "$TMP/upcoming.out" \
    "$D/sample-upcoming.expected"
run u1 -a -n 2014-01-01 "$U1"
golden "community update #1" "$TMP/u1.out" "$D/community-update-1.expected"
run cal -a -n 2014-01-01 "$CAL"
golden "calendar fixture" "$TMP/cal.out" "$D/calendar.expected"

# iCalendar: two runs with different DTSTAMPs, for the UIDs.
run ics1 -i -s 1417392000 "$CAL" "$U1"
expect_eq "ics: status" "$rc" 0
run ics2 -i -s 1500000000 "$CAL" "$U1"

PY=/usr/bin/python3
if ! "$PY" -c 'import icalendar' 2>/dev/null; then
	echo "SKIP: $PY has no icalendar (Debian python3-icalendar)" >&2
	done_testing
	exit 77
fi
if "$PY" - "$TMP/ics1.out" "$TMP/ics2.out" >"$TMP/py.out" 2>&1 <<'PY'
import datetime, re, sys
import icalendar

D = datetime.date
T = datetime.datetime
LA, TOKYO, LONDON = "America/Los_Angeles", "Asia/Tokyo", "Europe/London"
ISSUE40 = "https://mesos.apache.org/blog/mesos-community-update-40/"
# (uid, start, end or None, tzid or None (floating) or "UTC", summary,
#  description, location or None, url or None), in the order written.
WANT = [
    ("670a22fd877433d4@mesosnews", T(2014, 12, 18, 18, 30),
     T(2014, 12, 18, 21, 0), "UTC", "Datacenter summit",
     "Datacenter summit 2014-12-18, 18:30-21:00 UTC, live stream.", None,
     "https://summit.example/live"),
    ("328684c8afb8b383@mesosnews", D(2014, 12, 29), D(2015, 1, 3), None,
     "Hack week", "Hack week Dec 29 - Jan 2 at the Mesosphere office.",
     None, ISSUE40),
    ("b116a277aaed4639@mesosnews", T(2014, 12, 12, 22, 0),
     T(2014, 12, 13, 1, 0), None, "Late release party",
     "Late release party, Friday, December 12, 10pm-1am, at Airbnb.",
     "Airbnb", ISSUE40),
    ("bea8b757cf0d4539@mesosnews", T(2015, 1, 14, 10, 0),
     T(2015, 1, 17, 0, 0), None, "Mesos Barcelona",
     "Mesos Barcelona kickoff 10am, Jan 14th\u201316th, in Barcelona.",
     "Barcelona", "http://www.meetup.com/Mesos-Barcelona/"),
    ("9faf5fbbc53c485b@mesosnews", T(2015, 1, 10, 13, 0),
     T(2015, 1, 10, 17, 0), TOKYO, "Tokyo meetup",
     "Tokyo meetup Sat, Jan 10, 13:00-17:00 JST.", None, ISSUE40),
    ("c1692fc64e4bbcdb@mesosnews", T(2014, 12, 9, 10, 0),
     T(2014, 12, 9, 11, 0), LA, "Office hours",
     "Office hours Tuesday 12/9, 10-11 am PST.", None, ISSUE40),
    ("02b93c5efd6f5bb0@mesosnews", T(2014, 3, 28, 18, 0),
     T(2014, 3, 28, 20, 0), None, "BBQ at Mesosphere HQ",
     "BBQ at Mesosphere HQ, 6-8 pm, March 28th. Bring your questions and "
     "meet the people who build Mesos. 145A Hampshire St, San Francisco "
     "(near Potrero @ 15th). Say hello to our team.",
     "Mesosphere HQ, 145A Hampshire St, San Francisco",
     "http://mesosphere.io/team/"),
    ("d49a9a6d7e3e2da4@mesosnews", D(2014, 4, 7), D(2014, 4, 10), None,
     "ApacheCon", "ApacheCon, April 7-9 in Denver. Two Mesos talks: "
     "Elastic operations and Distributed systems on Mesos.", "Denver",
     "http://apacheconnorthamerica2014.sched.org/"),
    # A start time only, on one day: an instant, no DTEND.  The post's
    # permalink is relative: no URL.
    ("717dd818902361fb@mesosnews", T(2014, 4, 24, 19, 30), None, LA,
     "Bay Area Mesos User Group", "Bay Area Mesos User Group, Thursday, "
     "April 24, 7:30pm PDT at Twitter HQ, 1355 Market Street, San "
     "Francisco: Aurora in production.",
     "Twitter HQ, 1355 Market Street, San Francisco", None),
    ("0e565816780208f9@mesosnews", T(2014, 4, 30, 19, 0),
     T(2014, 5, 2, 0, 0), LONDON, "Mesos London",
     "Mesos London, 30 April - 1 May, 19h00 BST, at Skills Matter.",
     "Skills Matter", "http://www.meetup.com/Mesos-London/"),
]
OFFSET = {  # the UTC offsets the zones have on those days, in hours
    ("9faf5fbbc53c485b@mesosnews", TOKYO): 9,
    ("c1692fc64e4bbcdb@mesosnews", LA): -8,
    ("717dd818902361fb@mesosnews", LA): -7,
    ("0e565816780208f9@mesosnews", LONDON): 1,
}
bad = []

def check(what, got, want):
    if got != want:
        bad.append("%s: got %r, want %r" % (what, got, want))

def when(prop, want, tzid, what):
    v = prop.dt
    check(what + " VALUE", type(v).__name__, type(want).__name__)
    check(what + " TZID", prop.params.get("TZID"),
          tzid if tzid not in (None, "UTC") else None)
    if isinstance(want, T):
        if tzid is None:
            check(what + " floating", v.tzinfo, None)
            check(what, v, want)
        else:
            check(what + " has a zone", v.tzinfo is not None, True)
            if v.tzinfo is not None:
                check(what, v.replace(tzinfo=None), want)
                check(what + " offset", v.utcoffset(),
                      datetime.timedelta(hours=OFFSET.get((uid, tzid), 0)))
    else:
        check(what, v, want)

raw = open(sys.argv[1], "rb").read()
check("CRLF line ends", b"\n" in raw.replace(b"\r\n", b""), False)
cal = icalendar.Calendar.from_ical(raw)
check("VERSION", str(cal.get("VERSION")), "2.0")
check("PRODID", re.match(r"-//mesosnews//mesosnews [0-9.]+//EN$",
      str(cal.get("PRODID"))) is not None, True)
zones = sorted(str(z["TZID"]) for z in cal.walk("VTIMEZONE"))
check("VTIMEZONEs", zones, sorted([LA, TOKYO, LONDON]))
for z in cal.walk("VTIMEZONE"):
    check("VTIMEZONE %s has rules" % z["TZID"],
          len(z.walk("STANDARD")) > 0, True)
evs = cal.walk("VEVENT")
check("VEVENTs", len(evs), len(WANT))
for ev, w in zip(evs, WANT):
    uid, start, end, tzid, summary, desc, loc, url = w
    check("UID", str(ev.get("UID")), uid)
    check(uid + " DTSTAMP", ev["DTSTAMP"].dt,
          T(2014, 12, 1, tzinfo=datetime.timezone.utc))
    when(ev["DTSTART"], start, tzid, uid + " DTSTART")
    if end is None:
        check(uid + " no DTEND", "DTEND" in ev, False)
    else:
        when(ev["DTEND"], end, tzid, uid + " DTEND")
    check(uid + " SUMMARY", str(ev.get("SUMMARY")), summary)
    check(uid + " DESCRIPTION", str(ev.get("DESCRIPTION")), desc)
    check(uid + " LOCATION", None if ev.get("LOCATION") is None else
          str(ev.get("LOCATION")), loc)
    check(uid + " URL", None if ev.get("URL") is None else
          str(ev.get("URL")), url)
# The same events keep their UIDs in another run.
cal2 = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
check("UIDs stable", [str(e["UID"]) for e in cal2.walk("VEVENT")],
      [w[0] for w in WANT])
check("DTSTAMP of run 2", cal2.walk("VEVENT")[0]["DTSTAMP"].dt,
      datetime.datetime.fromtimestamp(1500000000, datetime.timezone.utc))
for b in bad:
    print(b)
print("%d VEVENTs checked, %d problems" % (len(evs), len(bad)))
sys.exit(1 if bad else 0)
PY
then
	pass
else
	fail "iCalendar read back with python3-icalendar"
fi
cat "$TMP/py.out" >&2

# The program itself: --events over every issue of the sources.  Every
# event of the sample is past today (2014), so --all lists the undated
# ones, then the past ones newest first; without --all only the undated.
$UNDER "$MESOSNEWS" --events --all "$S" >"$TMP/prog-all.out" 2>"$TMP/prog.err"
expect_eq "--events --all: status" "$?" 0
golden "--events --all" "$TMP/prog-all.out" "$D/sample-all.expected"
$UNDER "$MESOSNEWS" --events "$S" >"$TMP/prog.out" 2>>"$TMP/prog.err"
golden "--events: the undated" "$TMP/prog.out" "$D/sample-undated.expected"
check "--events: quiet" test ! -s "$TMP/prog.err"
# --ics: what the tool writes, but for the time stamp.
$UNDER "$MESOSNEWS" --events --ics "$CAL" "$U1" >"$TMP/prog.ics"
expect_eq "--events --ics: status" "$?" 0
grep -v '^DTSTAMP:' "$TMP/prog.ics" >"$TMP/prog.nostamp"
grep -v '^DTSTAMP:' "$TMP/ics1.out" >"$TMP/tool.nostamp"
golden "--events --ics" "$TMP/prog.nostamp" "$TMP/tool.nostamp"
$UNDER "$MESOSNEWS" --ics "$CAL" >/dev/null 2>"$TMP/ics-alone.err"
expect_eq "--ics alone: usage error" "$?" 2
expect_eq "--ics alone: message" "$(cat "$TMP/ics-alone.err")" \
    "mesosnews: --ics goes with --events"
# The headings that name events sections come from the configuration.
cat >"$TMP/2014-03-20-happenings.md" <<'POST'
---
title: Happenings
---
Intro.

## Happenings

* Mesos meetup in Denver, April 7th 2014
POST
$UNDER "$MESOSNEWS" --events --all "$TMP/2014-03-20-happenings.md" \
    >"$TMP/happen-default.out" 2>&1
expect_eq "default headings: none" "$(cat "$TMP/happen-default.out")" ""
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
echo "event-headings happenings, goings-on" \
    >"$XDG_CONFIG_HOME/mesosnews/config"
$UNDER "$MESOSNEWS" --events --all "$TMP/2014-03-20-happenings.md" \
    >"$TMP/happen-conf.out" 2>&1
rm -f "$XDG_CONFIG_HOME/mesosnews/config"
check "event-headings: the item is an event" \
    grep -q '^2014-04-07 .*Mesos meetup.*Denver.*(Happenings)$' \
    "$TMP/happen-conf.out"

done_testing
