#!/bin/sh
# Another process writing the cache (a cron --refresh, a second reader)
# never freezes the reader: opening an issue and toggling its read flag
# answer at once; the flags are queued and written as soon as the other
# writer lets go, while the reader runs.
. "$srcdir/tests/tuilib.sh"

if [ -z "${PYTHON3:-}" ]; then
	PYTHON3=$(command -v python3) || {
		echo "python3 is not installed: skipping"
		exit 77
	}
fi
cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
CACHE=$XDG_CACHE_HOME/mesosnews/cache.db

# read_flags: the read flag of every issue, in id order, e.g. "00000".
read_flags() {
	db_query "$CACHE" "SELECT read FROM issues ORDER BY id" | tr -d '\n'
}

# wait_flags WANT: the flags become WANT within 5 s.
wait_flags() {
	local i=0
	while [ $i -lt 100 ]; do
		FLAGS=$(read_flags)
		[ "$FLAGS" = "$1" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

tui_start 100 30 "$TMP/feed.atom"
settle "refreshed: 5 new issues"
on_screen "all unread" "5 issues, 5 unread"
expect_eq "flags in the cache" "$(read_flags)" "00000"

# The other writer: holds the write lock until told to let go.
"$PYTHON3" - "$CACHE" "$TMP/locked" "$TMP/release" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.02)
db.execute("COMMIT")
PY
HOLDER=$!
i=0
while [ ! -e "$TMP/locked" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
check "the other writer holds the lock" test -e "$TMP/locked"

# Open the first issue (marks it read), back, mark the third read with u
# ... all within settle's 5 s, far below the 15 s a blocking write waits.
press "[1 Intro]" Enter
on_screen "opened: one fewer unread" "5 issues, 4 unread"
press "5 issues, 4 unread" q
press "5 issues, 3 unread" j j u
expect_eq "nothing written while the lock is held" "$(read_flags)" "00000"

: >"$TMP/release"
wait "$HOLDER"
expect_eq "the other writer committed" "$?" 0
# Written by the running reader (it tries every 500 ms), not at exit.
check "queued flags written once the cache is free" wait_flags "10100"
expect_eq "flags after the release" "$FLAGS" "10100"
on_screen "the reader still runs" "5 issues, 3 unread"
press "[exit 0]" q
expect_eq "flags after quitting" "$(read_flags)" "10100"

done_testing
