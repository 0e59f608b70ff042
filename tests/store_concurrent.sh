#!/bin/sh
# Two mesosnews refreshing one cache at once: into a cache that does not
# exist yet, with different feeds and with the same feed; and a reader
# listing from the cache while a refresh writes.  Nobody fails with "database
# is locked", nothing is stored twice, and the cache stays sound.
. "$srcdir/tests/netlib.sh"
net_setup

"$PYTHON3" - "$WWW" <<'PY'
import sys
para = ("<p>Notes from the user list on frameworks and isolation, with "
        "<a href=\"https://mesos.apache.org/\">links</a>.</p>\n") * 4
for name in ("a", "b"):
    with open("%s/%s.atom" % (sys.argv[1], name), "w") as fp:
        fp.write('<?xml version="1.0" encoding="utf-8"?>\n'
                 '<feed xmlns="http://www.w3.org/2005/Atom">\n'
                 '<title>Feed %s</title>\n' % name)
        for i in range(1500, 0, -1):
            fp.write('<entry><id>tag:%s.test,2014:%d</id>'
                     '<title>%s issue %d</title>'
                     '<updated>2014-02-01T00:00:00Z</updated>'
                     '<content type="html">%s</content></entry>\n'
                     % (name, i, name, i, para.replace("&", "&amp;")
                        .replace("<", "&lt;")))
        fp.write('</feed>\n')
PY

# together NAME1 NAME2 DB ARGS1 -- ARGS2: run two refreshes at once.
together() {
	local a=$1 b=$2 db=$3
	shift 3
	"$MESOSNEWS" --refresh --cache "$db" "$1" >"$TMP/$a.out" \
	    2>"$TMP/$a.err" &
	pa=$!
	"$MESOSNEWS" --refresh --cache "$db" "$2" >"$TMP/$b.out" \
	    2>"$TMP/$b.err" &
	pb=$!
	wait $pa
	rca=$?
	wait $pb
	rcb=$?
}

for round in 1 2 3; do
	# A new cache, two feeds: both create the schema at once.
	DB=$TMP/new$round.db
	together a$round b$round "$DB" "$BASE/f/a.atom" "$BASE/f/b.atom"
	expect_eq "new cache $round: statuses" "$rca $rcb" "0 0"
	expect_eq "new cache $round: a" "$(cat "$TMP/a$round.out" \
	    "$TMP/a$round.err")" "1 feed refreshed, 1500 new issues, 0 errors"
	expect_eq "new cache $round: b" "$(cat "$TMP/b$round.out" \
	    "$TMP/b$round.err")" "1 feed refreshed, 1500 new issues, 0 errors"
	expect_eq "new cache $round: issues" "$(db_query "$DB" "SELECT
	    count(*), count(DISTINCT feed) FROM issues")" "3000|2"
	db_check "new cache $round" "$DB"

	# The same feed twice: one stores it, the other finds it there.
	DB=$TMP/same$round.db
	together s$round t$round "$DB" "$BASE/f/a.atom" "$BASE/f/a.atom"
	expect_eq "same feed $round: statuses" "$rca $rcb" "0 0"
	expect_eq "same feed $round: new issues" "$(cat "$TMP/s$round.out" \
	    "$TMP/t$round.out" | sort)" \
"1 feed refreshed, 0 new issues, 0 errors
1 feed refreshed, 1500 new issues, 0 errors"
	check "same feed $round: no errors" test ! -s "$TMP/s$round.err" -a \
	    ! -s "$TMP/t$round.err"
	expect_eq "same feed $round: stored once" "$(db_query "$DB" "SELECT
	    count(*), count(DISTINCT guid) FROM issues")" "1500|1500"
	db_check "same feed $round" "$DB"
done

# A reader during a write: the list comes from the committed cache.
DB=$TMP/read.db
run seed --refresh --cache "$DB" "$BASE/f/b.atom"
"$MESOSNEWS" --refresh --cache "$DB" "$BASE/f/a.atom" >/dev/null 2>&1 &
pw=$!
ok=0
for i in 1 2 3 4 5; do
	"$MESOSNEWS" --list --offline --cache "$DB" "$BASE/f/b.atom" \
	    >"$TMP/reader.out" 2>"$TMP/reader.err" &&
	    [ "$(wc -l <"$TMP/reader.out")" -eq 1500 ] && ok=$((ok + 1))
done
wait $pw
expect_eq "reader during a write: status" "$?" 0
expect_eq "reader during a write: every listing whole" "$ok" 5
check "reader during a write: no errors" test ! -s "$TMP/reader.err"
db_check "reader" "$DB"

done_testing
