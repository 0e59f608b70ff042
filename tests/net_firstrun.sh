#!/bin/sh
# Where a run's issues come from: the bundled sample on a first run that
# cannot fetch (said in one line), the cache afterwards, local sources
# read directly without a trace, and imported by --refresh.
. "$srcdir/tests/netlib.sh"
net_setup
# A sample of our own, so that this test does not depend on data/.
MESOSNEWS_DATADIR=$TMP/data
export MESOSNEWS_DATADIR
mkdir -p "$MESOSNEWS_DATADIR"
cp "$WWW/updates-2.atom" "$MESOSNEWS_DATADIR/sample.atom"
"$MESOSNEWS" --list --width 80 "$MESOSNEWS_DATADIR/sample.atom" \
    >"$TMP/sample.want"
CACHE=$XDG_CACHE_HOME/mesosnews/cache.db
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
CONF=$XDG_CONFIG_HOME/mesosnews/config

# Local sources are read directly: no cache appears.
run local --list --width 80 "$WWW/updates-1.atom"
expect_eq "local: status" "$rc" 0
check "local: no cache created" test ! -e "$CACHE"

# First run, offline, nothing cached: the default feed is not fetched,
# the sample is shown, and the user is told in one line.
run offline --list --offline --width 80
expect_eq "offline first run: status" "$rc" 0
golden "offline first run: the sample" "$TMP/offline.out" "$TMP/sample.want"
expect_eq "offline first run: notice" "$(cat "$TMP/offline.err")" \
    "mesosnews: nothing cached yet (--offline): showing the bundled sample\
 feed"
expect_eq "offline first run: nothing requested" "$(wc -c <"$HTTPD_LOG")" 0

# First run, the configured feed unreachable.
PORT=$(closed_port)
printf 'feed http://127.0.0.1:%s/feed.atom\n' "$PORT" >"$CONF"
run first --list --width 80
expect_eq "first run: status" "$rc" 0
golden "first run: the sample" "$TMP/first.out" "$TMP/sample.want"
expect_eq "first run: one line" "$(cat "$TMP/first.err")" \
    "mesosnews: nothing cached yet and http://127.0.0.1:$PORT/feed.atom:\
 cannot connect: Connection refused; showing the bundled sample feed\
 (mesosnews --refresh tries again)"
expect_eq "first run: the sample is not imported" \
    "$(db_query "$CACHE" "SELECT count(*) FROM issues")" 0
expect_eq "first run: the error is kept" \
    "$(db_query "$CACHE" "SELECT last_error FROM feeds")" \
    "http://127.0.0.1:$PORT/feed.atom: cannot connect: Connection refused"

# Later, with the network: the feed is fetched, stored and listed.
printf '# the feed\nfeed %s/f/updates-1.atom\n' "$BASE" >"$CONF"
run online --list --width 80
expect_eq "online: status" "$rc" 0
check "online: quiet" test ! -s "$TMP/online.err"
"$MESOSNEWS" --list --width 80 "$WWW/updates-1.atom" >"$TMP/u1.want"
golden "online: the feed" "$TMP/online.out" "$TMP/u1.want"
expect_eq "online: cached" \
    "$(db_query "$CACHE" "SELECT count(*) FROM issues")" 3

# The server gone, the cache answers; --refresh says what failed.
httpd_stop
run cached --list --width 80
expect_eq "cached: status" "$rc" 0
check "cached: quiet" test ! -s "$TMP/cached.err"
golden "cached: the feed" "$TMP/cached.out" "$TMP/u1.want"
run refresh --refresh
expect_eq "refresh down: status" "$rc" 1
expect_eq "refresh down: summary" "$(cat "$TMP/refresh.out")" \
    "0 feeds refreshed, 0 new issues, 1 error"
expect_eq "refresh down: message" "$(cat "$TMP/refresh.err")" \
    "mesosnews: $BASE/f/updates-1.atom: cannot connect: Connection refused"
run refresh-list --refresh --list --width 80
expect_eq "refresh --list down: status" "$rc" 1
golden "refresh --list down: the cache" "$TMP/refresh-list.out" \
    "$TMP/u1.want"

# A SOURCE replaces the configured feeds for the run.
run other --list --width 80 "$WWW/updates-2.atom"
golden "source replaces config" "$TMP/other.out" "$TMP/sample.want"

# --refresh imports local files and directories; --list still reads the
# file itself (a draft preview shows the draft, not the cache).
cp "$WWW/updates-1.atom" "$TMP/draft.atom"
run import --refresh "$TMP/draft.atom" "$srcdir/tests/list/posts"
expect_eq "import: status" "$rc" 0
expect_eq "import: summary" "$(cat "$TMP/import.out")" \
    "2 feeds refreshed, 5 new issues, 0 errors"
expect_eq "import: feeds" "$(db_query "$CACHE" "SELECT url FROM feeds
    WHERE url LIKE 'file:%' ORDER BY url")" \
    "$(printf 'file://%s\nfile://%s/draft.atom\n' \
    "$(cd "$srcdir/tests/list/posts" && pwd -P)" "$(cd "$TMP" && pwd -P)" |
    LC_ALL=C sort)"
cp "$WWW/updates-2.atom" "$TMP/draft.atom"
run draft --list --width 80 "$TMP/draft.atom"
golden "draft read directly" "$TMP/draft.out" "$TMP/sample.want"

done_testing
