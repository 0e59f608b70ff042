#!/bin/sh
# Issue 15/17: a read mark the reader shows is in the cache, even when
# it was made while a background import held a transaction open and the
# reader is killed (kill -9) the moment the screen shows it.
. "$srcdir/tests/tuilib.sh"

"${PYTHON3:-python3}" - "$TMP" <<'PY'
import sys

def feed(path, n, title, first):
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n'
                '<feed xmlns="http://www.w3.org/2005/Atom">'
                f'<title>{title}</title><id>urn:{title}</id>'
                '<updated>2020-01-01T00:00:00Z</updated>\n')
        for i in range(n):
            date = first if i == 0 else "2015-01-01T00:00:00Z"
            f.write(f'<entry><title>{title} {i}</title>'
                    f'<id>urn:{title}:{i}</id>'
                    f'<link href="http://example.org/{title}/{i}"/>'
                    f'<updated>{date}</updated><content type="html">'
                    f'&lt;p&gt;Entry {i} of {title}.&lt;/p&gt;</content>'
                    '</entry>\n')
        f.write('</feed>\n')

d = sys.argv[1]
feed(f"{d}/small.atom", 3, "Small", "2030-01-01T00:00:00Z")
# Long enough to import that the mark is made while it runs.
feed(f"{d}/big.atom", 100000, "Big", "2014-01-01T00:00:00Z")
PY
"$MESOSNEWS" --refresh --cache "$TMP/seed.db" "$TMP/small.atom" \
    >"$TMP/seed.out" 2>&1
expect_eq "seed" "$?" 0

for round in 1 2 3; do
	DB=$TMP/c$round.db
	cp "$TMP/seed.db" "$DB"
	tui_start 100 12 --cache "$DB" "$TMP/small.atom" "$TMP/big.atom"
	settle "refreshing 1/2"
	press "Entry 0 of Small." Enter
	pid=$(pgrep -P "$(tm display-message -p -t t '#{pane_pid}')" \
	    -x mesosnews)
	kill -9 "$pid"
	settle "[exit 137]"
	expect_eq "round $round: the mark is in the cache" "$(db_query "$DB" \
	    "SELECT read FROM issues WHERE guid = 'urn:Small:0'")" 1
	# Else the mark was not made during the import, and proves nothing.
	check "round $round: the import was cut short" test "$(db_query "$DB" \
	    "SELECT count(*) FROM issues WHERE guid LIKE 'urn:Big:%'")" -lt 100000
	expect_eq "round $round: the cache is whole" \
	    "$(db_query "$DB" "PRAGMA integrity_check")" ok
done

done_testing
