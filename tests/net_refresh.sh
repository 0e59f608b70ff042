#!/bin/sh
# mesosnews --refresh against the loopback server: the first fetch, the
# conditional second one (asserted on the request headers the server saw),
# the archive, charsets, and every failure with its exact message, exit
# status, and the cached issues and feed state left as they were.
. "$srcdir/tests/netlib.sh"
net_setup
DB=$TMP/cache/test.db
cp "$WWW/updates-1.atom" "$WWW/feed.atom"
FEED=$BASE/f/feed.atom
VERSION=$("$MESOSNEWS" --version | sed 's/^mesosnews //')

# The nth request (1-based) the server recorded, header lines only.
request() {
	awk -v n="$1" 'BEGIN { RS = ""; FS = "\n" } NR == n { print }' \
	    "$HTTPD_LOG"
}
nrequests() {
	awk 'BEGIN { RS = "" } END { print NR }' "$HTTPD_LOG"
}
header() {
	request "$1" | sed -n "s/^$2: //p"
}

# First fetch: everything is new, nothing conditional.
run first --refresh --cache "$DB" "$FEED"
expect_eq "first: status" "$rc" 0
expect_eq "first: summary" "$(cat "$TMP/first.out")" \
    "1 feed refreshed, 3 new issues, 0 errors"
check "first: quiet" test ! -s "$TMP/first.err"
expect_eq "first: request" "$(request 1 | head -1)" \
    "GET /f/feed.atom HTTP/1.1"
expect_eq "first: user agent" "$(header 1 User-Agent)" "mesosnews/$VERSION"
case "$(header 1 Accept-Encoding)" in
*gzip*) pass ;;
*) fail "first: does not offer gzip" ;;
esac
expect_eq "first: not conditional" \
    "$(request 1 | grep -c -e '^If-None-Match' -e '^If-Modified-Since')" 0
check "first: cache directory created" test -f "$DB"
ETAG=$("$PYTHON3" -c 'import hashlib, sys
data = open(sys.argv[1], "rb").read()
print("\"%s\"" % hashlib.sha1(data).hexdigest()[:16])' \
    "$WWW/feed.atom")
LASTMOD=$("$PYTHON3" -c 'import email.utils, os, sys
mtime = int(os.stat(sys.argv[1]).st_mtime)
print(email.utils.formatdate(mtime, usegmt=True))' \
    "$WWW/feed.atom")
expect_eq "first: state" "$(db_query "$DB" "SELECT etag, last_modified,
    last_error, title, last_fetch > 1600000000 FROM feeds")" \
    "$ETAG|$LASTMOD||Apache Mesos test blog|1"
# Links resolve against the feed's URL.
expect_eq "first: links" "$(db_query "$DB" "SELECT link FROM issues
    ORDER BY published DESC LIMIT 1")" \
    "$BASE/blog/mesos-community-update-3/"

# Second fetch: conditional, 304, nothing new.
run second --refresh --cache "$DB" "$FEED"
expect_eq "second: status" "$rc" 0
expect_eq "second: summary" "$(cat "$TMP/second.out")" \
    "1 feed refreshed, 0 new issues, 0 errors"
expect_eq "second: If-None-Match" "$(header 2 If-None-Match)" "$ETAG"
expect_eq "second: If-Modified-Since" "$(header 2 If-Modified-Since)" \
    "$LASTMOD"
expect_eq "second: two requests" "$(nrequests)" 2

# The list comes from the cache without a request.
run list --list --width 80 --cache "$DB" "$FEED"
expect_eq "list: status" "$rc" 0
cat >"$TMP/list.want" <<'EOF'
1  2014-04-15  Mesos Community Update #3  Dana Okafor
2  2014-04-01  Mesos Community Update #2  Lee Varga
3  2014-03-20  Mesos Community Update #1  Matt Trifiro
EOF
golden "list from cache" "$TMP/list.out" "$TMP/list.want"
expect_eq "list: no request" "$(nrequests)" 2
run offline --list --offline --width 80 --cache "$DB" "$FEED"
golden "offline list" "$TMP/offline.out" "$TMP/list.want"

# A new issue; #3 corrected; #1 leaves the feed but stays in the archive;
# the read flag set on #2 and every first-seen time survive.
db_query "$DB" "UPDATE issues SET read = 1 WHERE title LIKE '%#2'"
SEEN=$(db_query "$DB" "SELECT guid, first_seen FROM issues ORDER BY guid")
sleep 1
cp "$WWW/updates-2.atom" "$WWW/feed.atom"
run update --refresh --cache "$DB" "$FEED"
expect_eq "update: summary" "$(cat "$TMP/update.out")" \
    "1 feed refreshed, 1 new issue, 0 errors"
expect_eq "update: conditional but stale" "$(header 3 If-None-Match)" \
    "$ETAG"
run list2 --list --width 80 --cache "$DB" "$FEED"
cat >"$TMP/list2.want" <<'EOF'
1  2014-05-02  Mesos Community Update #4              Dana Okafor
2  2014-04-15  Mesos Community Update #3 (corrected)  Dana Okafor
3  2014-04-01  Mesos Community Update #2              Lee Varga
4  2014-03-20  Mesos Community Update #1              Matt Trifiro
EOF
golden "archive kept" "$TMP/list2.out" "$TMP/list2.want"
expect_eq "read flag kept" "$(db_query "$DB" "SELECT title FROM issues
    WHERE read = 1")" "Mesos Community Update #2"
expect_eq "first seen kept" "$(db_query "$DB" "SELECT guid, first_seen
    FROM issues WHERE guid NOT LIKE '%update-4' ORDER BY guid")" "$SEEN"

# Each failure: one line naming the feed, status 1, the summary, and the
# cache as it was but for the recorded error.
printf 'timeout-stall 1\n' >"$TMP/stall.conf"
printf 'timeout-total 1\n' >"$TMP/total.conf"
printf 'max-size 1K\n' >"$TMP/size.conf"
fails() {
	local name=$1 reason=$2
	shift 2
	db_dump "$DB" "$FEED" >"$TMP/$name.before"
	run "$name" --refresh --cache "$DB" "$@" "$FEED"
	expect_eq "$name: status" "$rc" 1
	expect_eq "$name: message" "$(cat "$TMP/$name.err")" \
	    "mesosnews: $FEED: $reason"
	expect_eq "$name: summary" "$(cat "$TMP/$name.out")" \
	    "0 feeds refreshed, 0 new issues, 1 error"
	db_dump "$DB" "$FEED" >"$TMP/$name.after"
	golden "$name: cache untouched" "$TMP/$name.after" "$TMP/$name.before"
	db_check "$name" "$DB"
	expect_eq "$name: error recorded" "$(db_query "$DB" "SELECT
	    last_error FROM feeds WHERE url = '$FEED'")" "$FEED: $reason"
}
misbehave() {
	printf '%s\n' "$1" >"$WWW/feed.atom.query"
}
misbehave status=404
fails http404 "HTTP 404 Not Found"
misbehave status=500
fails http500 "HTTP 500 Internal Server Error"
misbehave "truncate=900&noetag&nolm"
fails truncated "truncated: the connection closed before the end of the\
 response"
misbehave "badgzip&noetag&nolm"
fails badgzip "cannot decompress the response (bad Content-Encoding data)"
misbehave redirect=/loop
fails loop "too many redirects (more than 5)"
misbehave redirect=/redirect/5/f/updates-1.atom
fails redirects "too many redirects (more than 5)"
misbehave redirect=file:///etc/passwd
fails redirect-file "redirected to a URL that is not http or https"
misbehave "drip=300&noetag&nolm"
fails drip "transfer stalled: under 64 bytes/s for 1 s" \
    --config "$TMP/stall.conf"
misbehave "delay=2500"
fails slow "timed out after 1 s" --config "$TMP/total.conf"
misbehave "noetag&nolm"
fails oversize "response larger than the 1 KiB limit" --config "$TMP/size.conf"
misbehave "chunked&gzip&noetag&nolm"
fails oversize-chunked "response larger than the 1 KiB limit" \
    --config "$TMP/size.conf"
misbehave "ctype=text/html&noetag&nolm"
cp "$WWW/notafeed.html" "$WWW/feed.atom"
fails notafeed "line 2: unknown root element <html>: not an RSS or Atom feed"
printf '<?xml version="1.0"?>\n%s\n<entry><title>x' \
    '<feed xmlns="http://www.w3.org/2005/Atom">' \
    >"$WWW/feed.atom"
fails cutfeed "line 3: document is truncated (it ends inside an element)"
misbehave ""
httpd_stop
fails refused "cannot connect: Connection refused"
httpd_start --port "$HTTPD_PORT"

# DNS failure names its own feed and touches nobody else's.
db_dump "$DB" "$FEED" >"$TMP/dns.before"
run dns --refresh --cache "$DB" http://nonexistent.invalid/feed.xml
expect_eq "dns: status" "$rc" 1
expect_eq "dns: message" "$(cat "$TMP/dns.err")" \
    "mesosnews: http://nonexistent.invalid/feed.xml: cannot resolve host\
 name nonexistent.invalid"
db_dump "$DB" "$FEED" >"$TMP/dns.after"
golden "dns: cache untouched" "$TMP/dns.after" "$TMP/dns.before"

# A server that never completes the handshake: its listen queue is full
# and never accepted, so the connection attempt times out.
"$PYTHON3" -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)
port = s.getsockname()[1]
fill = []
for i in range(4):
    c = socket.socket(); c.setblocking(False)
    try:
        c.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    fill.append(c)
open(sys.argv[1] + ".tmp", "w").write("%d\n" % port)
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(30)' "$TMP/blackhole.port" &
BH_PID=$!
while [ ! -s "$TMP/blackhole.port" ]; do sleep 0.05; done
BH=http://127.0.0.1:$(cat "$TMP/blackhole.port")/feed.xml
printf 'timeout-connect 1\n' >"$TMP/connect.conf"
db_dump "$DB" "$FEED" >"$TMP/connect.before"
run connect --refresh --config "$TMP/connect.conf" --cache "$DB" "$BH"
kill $BH_PID
wait $BH_PID 2>/dev/null
expect_eq "connect timeout: status" "$rc" 1
expect_eq "connect timeout: message" "$(cat "$TMP/connect.err")" \
    "mesosnews: $BH: connection timed out after 1 s"
db_dump "$DB" "$FEED" >"$TMP/connect.after"
golden "connect timeout: cache untouched" "$TMP/connect.after" \
    "$TMP/connect.before"

# A remote source never fetched, and the network forbidden.
run never --list --offline --cache "$DB" "$BASE/f/updates-2.atom"
expect_eq "offline uncached: status" "$rc" 1
expect_eq "offline uncached: message" "$(cat "$TMP/never.err")" \
    "mesosnews: $BASE/f/updates-2.atom: not in the cache, and --offline\
 forbids fetching it"
run both --refresh --offline --cache "$DB" "$FEED"
expect_eq "refresh+offline: status" "$rc" 2
expect_eq "refresh+offline: message" "$(cat "$TMP/both.err")" \
    "mesosnews: --refresh and --offline exclude each other"

# Listing an uncached remote source fetches it into the cache first.
N=$(nrequests)
run fetchlist --list --width 80 --cache "$DB" "$BASE/f/updates-1.atom?gzip"
expect_eq "fetch for list: status" "$rc" 0
golden "fetch for list" "$TMP/fetchlist.out" "$TMP/list.want"
expect_eq "fetch for list: one request" "$(nrequests)" $((N + 1))
expect_eq "gzip was used" "$(db_query "$DB" "SELECT count(*) FROM issues i
    JOIN feeds f ON f.id = i.feed WHERE f.url LIKE '%?gzip'")" 3

# The charset a server declares is used.
run latin1 --list --width 80 --cache "$DB" \
    "$BASE/f/digest-latin1.rss?ctype=text/xml;%20charset=ISO-8859-1"
expect_eq "charset: status" "$rc" 0
expect_eq "charset: title" "$(head -1 "$TMP/latin1.out")" \
    "1  2014-05-09  Café meetup in Zürich"

# Redirects are followed; the feed is kept under the URL asked for.
run redirected --refresh --cache "$DB" "$BASE/redirect/3/f/updates-2.atom"
expect_eq "redirect: summary" "$(cat "$TMP/redirected.out")" \
    "1 feed refreshed, 3 new issues, 0 errors"
expect_eq "redirect: links against the final URL" "$(db_query "$DB" "SELECT
    i.link FROM issues i JOIN feeds f ON f.id = i.feed WHERE f.url LIKE
    '%/redirect/3/%' AND i.title LIKE '%#4'")" \
    "$BASE/blog/mesos-community-update-4/"

# Proxies come from the environment: the loopback server plays one, so
# the name of the feed's host is never looked up.
N=$(nrequests)
(
	http_proxy=$BASE
	export http_proxy
	run proxied --refresh --cache "$TMP/proxy.db" \
	    http://mesos.test/f/updates-1.atom
)
expect_eq "proxy: summary" "$(cat "$TMP/proxied.out")" \
    "1 feed refreshed, 3 new issues, 0 errors"
expect_eq "proxy: request line" "$(request $((N + 1)) | head -1)" \
    "GET http://mesos.test/f/updates-1.atom HTTP/1.1"

# Several feeds at once, one failing: the others are stored.
cp "$WWW/updates-1.atom" "$WWW/feed.atom"
run several --refresh --cache "$TMP/several.db" "$BASE/f/updates-1.atom" \
    "$BASE/f/missing.atom" "$BASE/f/digest-latin1.rss"
expect_eq "several: status" "$rc" 1
expect_eq "several: summary" "$(cat "$TMP/several.out")" \
    "2 feeds refreshed, 5 new issues, 1 error"
# Served without its charset, the Latin-1 feed is repaired, and says so.
expect_eq "several: messages" "$(sort "$TMP/several.err")" \
"mesosnews: $BASE/f/digest-latin1.rss: warning: replaced 2 invalid UTF-8 bytes
mesosnews: $BASE/f/missing.atom: HTTP 404 Not Found"

# Feeds from the configuration file; --refresh --list puts the summary
# on stderr and the index on stdout.
cat >"$TMP/feeds.conf" <<EOF
# two feeds
feed $BASE/f/updates-2.atom  Updates
feed $BASE/f/digest-latin1.rss?ctype=text/xml;charset=iso-8859-1
cache $TMP/conf.db
EOF
run conf --refresh --list --width 80 --config "$TMP/feeds.conf"
expect_eq "config: status" "$rc" 0
expect_eq "config: summary" "$(cat "$TMP/conf.err")" \
    "2 feeds refreshed, 5 new issues, 0 errors"
expect_eq "config: index" "$(cut -c1-40 "$TMP/conf.out")" \
"1  2014-05-09  Café meetup in Zürich
2  2014-05-02  Mesos Community Update #4
3  2014-05-01  Mesos at a glance
4  2014-04-15  Mesos Community Update #3
5  2014-04-01  Mesos Community Update #2"
check "config: cache from the file" test -f "$TMP/conf.db"
printf 'feed %s\ncolur blue\n' "$FEED" >"$TMP/bad.conf"
run badconf --list --config "$TMP/bad.conf"
expect_eq "bad config: status" "$rc" 2
expect_eq "bad config: message" "$(cat "$TMP/badconf.err")" \
    "mesosnews: $TMP/bad.conf:2: unknown setting 'colur' (feed, browser, browser-terminal, pager, color, bind, unbind, width, refresh-on-start, show-unread-only, article-view, notify-program, bell, timeout-connect, timeout-stall, timeout-total, max-size, cache)"
run noconf --list --config "$TMP/none.conf"
expect_eq "missing config: message" "$(cat "$TMP/noconf.err")" \
    "mesosnews: $TMP/none.conf: No such file or directory"

# A cache that is not a database is reported, not clobbered.
printf 'not a database, just text; long enough to look like a header.%.0s' \
    1 2 3 >"$TMP/text.db"
cp "$TMP/text.db" "$TMP/text.db.orig"
run notdb --refresh --cache "$TMP/text.db" "$FEED"
expect_eq "not a db: status" "$rc" 1
expect_eq "not a db: message" "$(cat "$TMP/notdb.err")" \
    "mesosnews: $TMP/text.db: not a SQLite database, so not a mesosnews cache: left as it is (use another --cache)"
check "not a db: untouched" cmp -s "$TMP/text.db" "$TMP/text.db.orig"

# A feed of some megabytes, more than is kept in memory while it downloads
# (it goes through a temporary file), plain and gzipped, and the same file
# read directly: all store the same.
"$PYTHON3" - "$WWW/big.atom" <<'PY'
import sys
with open(sys.argv[1], "w") as fp:
    fp.write('<?xml version="1.0" encoding="utf-8"?>\n'
             '<feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title>\n')
    for i in range(2000, 0, -1):
        fp.write('<entry><id>tag:big.test,2016:%d</id><title>Big %d</title>'
                 '<updated>2016-01-01T00:00:00Z</updated>'
                 '<content type="html">&lt;p&gt;word%dx %s&lt;/p&gt;'
                 '</content></entry>\n'
                 % (i, i, i, "agents and frameworks " * 60))
    fp.write('</feed>\n')
PY
for how in plain gzip file; do
	case $how in
	plain) src=$BASE/f/big.atom ;;
	gzip) src="$BASE/f/big.atom?gzip" ;;
	file) src=$WWW/big.atom ;;
	esac
	run big-$how --refresh --cache "$TMP/big-$how.db" "$src"
	expect_eq "big $how: summary" "$(cat "$TMP/big-$how.out" \
	    "$TMP/big-$how.err")" "1 feed refreshed, 2000 new issues, 0 errors"
	expect_eq "big $how: stored" "$(db_query "$TMP/big-$how.db" "SELECT
	    count(*), sum(length(content)), min(title), max(title) FROM
	    issues")" "2000|2672893|Big 1|Big 999"
	expect_eq "big $how: indexed" "$(db_query "$TMP/big-$how.db" "SELECT
	    count(*) FROM issues_fts WHERE issues_fts MATCH 'word1234x'")" 1
	db_check "big $how" "$TMP/big-$how.db"
done

done_testing
