#!/bin/sh
# The reader's first run with an empty cache and no network: the bundled
# sample feed, said in one line, imported under its own key so that read
# state sticks; --offline the same; and r bringing the configured feed in
# once it can be read.
. "$srcdir/tests/tuilib.sh"

if [ -z "${PYTHON3:-}" ]; then
	PYTHON3=$(command -v python3) || {
		echo "python3 is not installed: skipping"
		exit 77
	}
fi
# A sample of our own, so that this test does not depend on data/.
export MESOSNEWS_DATADIR="$TMP/data"
mkdir -p "$MESOSNEWS_DATADIR" "$XDG_CONFIG_HOME/mesosnews"
cp "$srcdir/tests/tui/feed.atom" "$MESOSNEWS_DATADIR/sample.atom"
CONF=$XDG_CONFIG_HOME/mesosnews/config
CACHE=$XDG_CACHE_HOME/mesosnews/cache.db
# A loopback port nobody listens on.
PORT=$("$PYTHON3" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
FEED=http://127.0.0.1:$PORT/feed.atom
printf 'feed %s\n' "$FEED" >"$CONF"

# shot_port NAME: shot, with the port number (it changes) as PORT.
shot_port() {
	SCREEN=$(printf '%s\n' "$SCREEN" | sed "s/127\.0\.0\.1:$PORT/127.0.0.1:PORT/g")
	shot "$1"
}

# The first run: the refresh cannot connect, the sample comes instead.
tui_start 160 30
settle "showing the bundled sample feed"
on_screen "one line says why" "showing the bundled sample feed (r tries\
 again): nothing cached yet and $FEED: cannot connect: Connection refused"
shot_port firstrun
# Read state sticks: open the second issue, then leave.
press "[1 Intro]" j Enter
press "q:quit" q
# r tries again, and the sample stays.
press "still showing the bundled sample feed" r
on_screen "the failure is told" "still showing the bundled sample feed:\
 refresh failed: $FEED: cannot connect: Connection refused"
press "[exit 0]" q
SAMPLE_URL=file://$(cd "$MESOSNEWS_DATADIR" && pwd -P)/sample.atom
expect_eq "the sample is cached under its own key" \
    "$(db_query "$CACHE" "SELECT f.url, count(i.id) FROM feeds f LEFT JOIN issues i
    ON i.feed = f.id GROUP BY f.id ORDER BY f.url")" \
    "$SAMPLE_URL|5
$FEED|0"
expect_eq "the issue opened is read" "$(db_query "$CACHE" "SELECT i.title FROM issues i
    WHERE i.read = 1")" "Mesos Community Update #4"

# Offline: the sample at once, told so, with what was read.
tui_start 100 30 --offline
settle "showing the bundled sample feed"
on_screen "offline: one line" \
    "nothing cached yet (--offline): showing the bundled sample feed"
shot firstrun-offline
press "[exit 0]" q

# The configured feed becomes readable: r brings it in and the sample goes.
LATER=$TMP/later.atom
printf 'feed file://%s\n' "$LATER" >"$CONF"
tui_start 160 30
settle "showing the bundled sample feed (r tries again): nothing cached yet\
 and file://$LATER"
cat >"$LATER" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Later (test fixture)</title>
<id>urn:mesosnews:test:later</id>
<updated>2014-07-01T09:00:00Z</updated>
<entry><title>The feed came back</title><id>urn:mesosnews:test:later:1</id>
<updated>2014-07-01T09:00:00Z</updated>
<content type="html">&lt;p&gt;Fetched on the second try.&lt;/p&gt;</content>
</entry>
</feed>
XML
press "refreshed: 1 new issue" r
shot firstrun-back
press "[exit 0]" q

done_testing
