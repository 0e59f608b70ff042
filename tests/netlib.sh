# netlib.sh - sourced by the net and store tests: a scratch directory, the
# loopback HTTP server (tests/httpd.py) and checks on the cache database.
# Nothing here talks to anything but 127.0.0.1.

set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
MESOSNEWS=${MESOSNEWS:-$top_builddir/mesosnews}
NET_FIXTURES=$srcdir/tests/net
# Proxies from the environment would route loopback requests elsewhere.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
unset no_proxy NO_PROXY
# No user configuration or cache may leak into a test.
unset XDG_CONFIG_HOME XDG_CACHE_HOME

if [ -z "${PYTHON3:-}" ]; then
	PYTHON3=$(command -v python3 || true)
fi
if [ -z "$PYTHON3" ]; then
	echo "SKIP: python3 not found" >&2
	exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mn-net.XXXXXX") || exit 99
HOME=$TMP/home
export HOME
mkdir -p "$HOME"
HTTPD_PID=

net_cleanup()
{
	if [ -n "$HTTPD_PID" ]; then
		kill "$HTTPD_PID" 2>/dev/null
		wait "$HTTPD_PID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap net_cleanup EXIT
trap 'exit 99' INT TERM HUP

fail()
{
	echo "FAIL: $*" >&2
	exit 1
}

# expect_eq WHAT GOT WANT
expect_eq()
{
	if [ "$2" != "$3" ]; then
		printf 'FAIL: %s\n  got:  %s\n  want: %s\n' "$1" "$2" "$3" >&2
		exit 1
	fi
}

# Start the server on a copy of the fixtures in $WWW; sets HTTPD_PORT,
# HTTPD_LOG and BASE (http://127.0.0.1:PORT).  Extra arguments go to it.
net_setup()
{
	WWW=$TMP/www
	HTTPD_LOG=$TMP/requests.log
	mkdir -p "$WWW"
	cp "$NET_FIXTURES"/* "$WWW"/
	: >"$HTTPD_LOG"
	"$PYTHON3" "$srcdir/tests/httpd.py" --root "$WWW" \
	    --port-file "$TMP/port" --log "$HTTPD_LOG" "$@" >/dev/null &
	HTTPD_PID=$!
	i=0
	while [ ! -s "$TMP/port" ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && { echo "httpd did not start" >&2; exit 99; }
		sleep 0.05
	done
	HTTPD_PORT=$(cat "$TMP/port")
	BASE=http://127.0.0.1:$HTTPD_PORT
}

# A loopback port nobody listens on.
closed_port()
{
	"$PYTHON3" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# db_query DB SQL: one query through python's sqlite3, rows as a|b lines.
db_query()
{
	"$PYTHON3" - "$1" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
PY
}

# db_dump DB: everything a user would miss, in a stable order.
db_dump()
{
	db_query "$1" "SELECT f.url, i.guid, i.title, i.read, i.first_seen,
	    i.published, length(i.content) FROM issues i JOIN feeds f
	    ON f.id = i.feed ORDER BY f.url, i.guid"
	db_query "$1" "SELECT url, title, etag, last_modified, last_fetch
	    FROM feeds ORDER BY url"
}

db_check()
{
	expect_eq "integrity_check of $1" \
	    "$(db_query "$1" 'PRAGMA integrity_check')" ok
}
