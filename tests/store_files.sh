#!/bin/sh
# --cache FILE on files that are not a cache of ours, and on a damaged
# one: another program's SQLite database is refused with one line and
# left byte for byte as it was (no -wal or -shm made beside it); a damaged
# cache is moved aside with a dated name, the user is told, and a new
# cache is started that works.
. "$srcdir/tests/netlib.sh"
. "$srcdir/tests/tuilib.sh"

FEED=$srcdir/tests/feeds/atom10.atom
sum() { sha256sum "$1" | cut -d' ' -f1; }

# Another program's database, in rollback mode and in WAL mode.
for mode in delete wal; do
	DB=$TMP/other-$mode.db
	"$PYTHON3" - "$DB" "$mode" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = " + sys.argv[2])
db.execute("CREATE TABLE bookmarks (url TEXT, title TEXT)")
db.execute("INSERT INTO bookmarks VALUES ('https://example.org/', 'x')")
db.close()
PY
	before=$(sum "$DB")
	run other-$mode --refresh --cache "$DB" "$FEED"
	expect_eq "$mode: refused" "$rc" 1
	expect_eq "$mode: the reason, on one line" "$(cat "$TMP/other-$mode.err")" \
	    "mesosnews: $DB: another program's database (it has a table \"bookmarks\"), not a mesosnews cache: left as it is (use another --cache)"
	expect_eq "$mode: unchanged" "$(sum "$DB")" "$before"
	check "$mode: no -wal made" test ! -e "$DB-wal"
	check "$mode: no -shm made" test ! -e "$DB-shm"
	expect_eq "$mode: none of our tables" "$(db_query "$DB" \
	    "SELECT group_concat(name) FROM sqlite_master")" "bookmarks"
done

# A damaged cache of ours: moved aside, and a new one started.
DB=$TMP/cache.db
run seed --refresh --cache "$DB" "$FEED"
expect_eq "seed" "$rc" 0
expect_eq "marked as ours" "$(db_query "$DB" "PRAGMA application_id")" \
    1296988019
"$PYTHON3" - "$DB" <<'PY'
import sys
with open(sys.argv[1], "r+b") as fp:
    fp.seek(32768 + 8)	# page 2: the root of the feeds table
    fp.write(b"\xde\xad\xbe\xef" * 8)
PY
before=$(sum "$DB")
run again --refresh --cache "$DB" "$FEED"
expect_eq "a new cache" "$rc" 0
set -- "$DB".broken-*
check "moved aside with a dated name" sh -c \
    "echo '$1' | grep -q -E '\.db\.broken-[0-9]{8}-[0-9]{6}\$'"
expect_eq "moved whole" "$(sum "$1")" "$before"
expect_eq "text mode says so, on one line" "$(cat "$TMP/again.err")" \
"mesosnews: $DB was damaged: moved to $1, and a new cache started (the read state it held is lost)"
expect_eq "the new cache has the feed" \
    "$(db_query "$DB" "SELECT count(*) FROM feeds")" 1
expect_eq "and is healthy" "$(db_query "$DB" "PRAGMA integrity_check")" ok

# The reader says so too, and still after its first refresh has ended.
damage() {
	"$PYTHON3" - "$1" <<'PY'
import sys
with open(sys.argv[1], "r+b") as fp:
    fp.seek(32768 + 8)
    fp.write(b"\xde\xad\xbe\xef" * 8)
PY
}
rm -f "$DB".broken-*
damage "$DB"
tui_start 250 12 --cache "$DB" "$(cd "$srcdir" && pwd)/tests/feeds/atom10.atom"
settle "refreshed"
on_screen "the reader's notice" "cache.db was damaged: moved to $DB.broken-"
on_screen "with the refresh's outcome" \
    "(the read state it held is lost); refreshed: 6 new issues"
press "[exit 0]" q
done_testing
