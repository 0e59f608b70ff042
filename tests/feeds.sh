#!/bin/sh
# The feeds of a run: --feeds (name, URL, unread, total, last fetch, last
# error), --list --unread, and a bad "feed" line that costs only itself.
. "$srcdir/tests/netlib.sh"

net_setup
DB=$TMP/cache.db
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
cat >"$XDG_CONFIG_HOME/mesosnews/config" <<EOF
cache $DB
feed $BASE/f/updates-1.atom Updates
feed htp://example.org/feed.xml Typo
feed $BASE/f/updates-2.atom
EOF
run refresh --refresh
expect_eq "refresh: status" "$rc" 0
expect_eq "refresh: summary" "$(cat "$TMP/refresh.out")" \
    "2 feeds refreshed, 6 new issues, 0 errors"
expect_eq "the bad line is not in the cache" \
    "$(db_query "$DB" "SELECT count(*) FROM feeds WHERE url LIKE 'htp:%'")" 0

# Mark one issue read, as the reader would.
db_query "$DB" "UPDATE issues SET read = 1 WHERE guid =
    (SELECT min(guid) FROM issues)" >/dev/null
run list --list --offline
expect_eq "list: status, for the bad feed" "$rc" 1
expect_eq "list: the bad feed said" "$(cat "$TMP/list.err")" \
    "mesosnews: htp://example.org/feed.xml: unsupported URL scheme (only http, https and file)"
expect_eq "list: the others listed" "$(wc -l <"$TMP/list.out")" 6
run unread --list --unread --offline
expect_eq "--unread: one fewer" "$(wc -l <"$TMP/unread.out")" 5
check "--unread: numbered from 1" grep -q '^1  ' "$TMP/unread.out"

run feeds --feeds --tsv --offline
expect_eq "--feeds: status" "$rc" 1
cut -f1,2,3,4,6 "$TMP/feeds.out" >"$TMP/feeds.cut"
printf 'Updates\t%s\t%s\t%s\t\nTypo\thtp://example.org/feed.xml\t0\t0\tunsupported URL scheme (only http, https and file)\n%s\t%s\t%s\t%s\t\n' \
    "$BASE/f/updates-1.atom" \
    "$(db_query "$DB" "SELECT count(*) FROM issues i JOIN feeds f ON
        f.id = i.feed WHERE f.url LIKE '%updates-1%' AND read = 0")" \
    "$(db_query "$DB" "SELECT count(*) FROM issues i JOIN feeds f ON
        f.id = i.feed WHERE f.url LIKE '%updates-1%'")" \
    "$(db_query "$DB" "SELECT title FROM feeds WHERE url LIKE '%updates-2%'")" \
    "$BASE/f/updates-2.atom" \
    "$(db_query "$DB" "SELECT count(*) FROM issues i JOIN feeds f ON
        f.id = i.feed WHERE f.url LIKE '%updates-2%' AND read = 0")" \
    "$(db_query "$DB" "SELECT count(*) FROM issues i JOIN feeds f ON
        f.id = i.feed WHERE f.url LIKE '%updates-2%'")" >"$TMP/feeds.want"
golden "--feeds --tsv" "$TMP/feeds.cut" "$TMP/feeds.want"
check "--feeds: a last fetch" \
    grep -qE "	[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}	" "$TMP/feeds.out"
check "--feeds: unread adds up" test "$(cut -f3 "$TMP/feeds.out" |
    awk "{ s += \$1 } END { print s }")" -eq 5
run feeds2 --feeds --offline
check "--feeds: aligned, the typo's error" grep -q \
    "^Typo  *htp://example.org/feed.xml  *0 unread      0 total  never  *unsupported URL scheme" \
    "$TMP/feeds2.out"

# A feed cut short is read as far as it goes: a warning, exit 0, the
# whole entries stored, and its row says it was repaired.
head -c 2500 "$WWW/updates-1.atom" >"$WWW/broken.atom"
run broken --refresh --cache "$TMP/broken.db" "$BASE/f/broken.atom"
expect_eq "broken: status" "$rc" 0
check "broken: one warning" grep -q "^mesosnews: $BASE/f/broken.atom: warning: line [0-9]*: .*; read [0-9]* entr.*, the rest may be missing$" \
    "$TMP/broken.err"
expect_eq "broken: one line on stderr" "$(wc -l <"$TMP/broken.err")" 1
run brokenfeeds --feeds --tsv --offline --cache "$TMP/broken.db" \
    "$BASE/f/broken.atom"
check "broken: the row says repaired" grep -q "	repaired: line [0-9]*: " \
    "$TMP/brokenfeeds.out"
run brokenlist --list --offline --cache "$TMP/broken.db" "$BASE/f/broken.atom"
check "broken: its whole entries listed" test "$(wc -l <"$TMP/brokenlist.out")" -ge 1
done_testing
