#!/bin/sh
# Any number of feeds: 150 feeds on the loopback server, refreshed at once
# in text mode and in the reader, every one of them, through a bounded
# number of connections.
. "$srcdir/tests/tuilib.sh"
. "$srcdir/tests/netlib.sh"
trap 'tm kill-server >/dev/null 2>&1; net_cleanup' EXIT

N=150
WWW=$TMP/www
HTTPD_LOG=$TMP/requests.log
mkdir -p "$WWW"
: >"$HTTPD_LOG"
i=1
while [ $i -le $N ]; do
	cat >"$WWW/feed$i.atom" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Feed $i</title><id>urn:mn:feed:$i</id>
<updated>2014-03-20T10:00:00Z</updated>
<entry><id>urn:mn:feed:$i:1</id><title>Update $i</title>
<updated>2014-03-20T10:00:00Z</updated>
<content type="html">&lt;p&gt;Update number $i.&lt;/p&gt;</content></entry>
</feed>
EOF
	i=$((i + 1))
done
# Each answer takes 20 ms: transfers overlap, and the limit shows.
httpd_start --latency 20 --max-conn "$TMP/maxconn"
i=1
URLS=
while [ $i -le $N ]; do
	URLS="$URLS $BASE/f/feed$i.atom"
	i=$((i + 1))
done

# Text mode.
# shellcheck disable=SC2086
run refresh --cache "$TMP/text.db" --refresh $URLS
expect_eq "text: exit status" "$rc" 0
expect_eq "text: summary" "$(cat "$TMP/refresh.out")" \
    "$N feeds refreshed, $N new issues, 0 errors"
expect_eq "text: no errors" "$(cat "$TMP/refresh.err")" ""
expect_eq "text: every feed in the cache" \
    "$(db_query "$TMP/text.db" 'SELECT count(*) FROM feeds
    WHERE last_fetch IS NOT NULL AND last_error IS NULL')" "$N"
# shellcheck disable=SC2086
run list --cache "$TMP/text.db" --offline --list --width 80 $URLS
expect_eq "text: every issue listed" "$(wc -l <"$TMP/list.out")" "$N"
MAX=$(cat "$TMP/maxconn")
check "at most 16 connections at once (saw $MAX)" [ "$MAX" -le 16 ]
check "connections overlap (saw $MAX)" [ "$MAX" -ge 2 ]

# The reader, on a new cache: its poll set takes every transfer.
# shellcheck disable=SC2086
tui_start 120 30 --cache "$TMP/tui.db" $URLS
settle "refreshed: $N new issues"
on_screen "reader: every feed" "all $N feeds · $N issues, $N unread"
expect_eq "reader: every feed in the cache" \
    "$(db_query "$TMP/tui.db" 'SELECT count(*) FROM feeds
    WHERE last_fetch IS NOT NULL AND last_error IS NULL')" "$N"
done_testing
