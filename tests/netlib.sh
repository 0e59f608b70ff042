# netlib.sh - sourced by the net and store tests, on top of lib.sh: the
# loopback HTTP server (tests/httpd.py), a runner, and checks on the cache
# database through python's sqlite3.  Nothing here talks to anything but
# 127.0.0.1.
. "$srcdir/tests/lib.sh"

: "${top_builddir:=.}"
NET_FIXTURES=$srcdir/tests/net
# Proxies from the environment would send loopback requests elsewhere.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
unset no_proxy NO_PROXY

if [ -z "${PYTHON3:-}" ]; then
	PYTHON3=$(command -v python3 || true)
fi
if [ -z "$PYTHON3" ]; then
	echo "SKIP: python3 not found" >&2
	exit 77
fi

HTTPD_PID=
net_cleanup() {
	if [ -n "$HTTPD_PID" ]; then
		kill "$HTTPD_PID" 2>/dev/null
		wait "$HTTPD_PID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap net_cleanup EXIT
trap 'exit 99' INT TERM HUP

# httpd_start [ARGS...]: start the server on $WWW; sets HTTPD_PORT, BASE.
httpd_start() {
	rm -f "$TMP/port"
	"$PYTHON3" "$srcdir/tests/httpd.py" --root "$WWW" \
	    --port-file "$TMP/port" --log "$HTTPD_LOG" "$@" >/dev/null &
	HTTPD_PID=$!
	local i=0
	while [ ! -s "$TMP/port" ]; do
		i=$((i + 1))
		if [ $i -gt 200 ]; then
			echo "httpd did not start" >&2
			exit 99
		fi
		sleep 0.05
	done
	HTTPD_PORT=$(cat "$TMP/port")
	BASE=http://127.0.0.1:$HTTPD_PORT
}

httpd_stop() {
	kill "$HTTPD_PID" 2>/dev/null
	wait "$HTTPD_PID" 2>/dev/null
	HTTPD_PID=
}

# net_setup [ARGS...]: copy the fixtures to $WWW and start the server.
net_setup() {
	WWW=$TMP/www
	HTTPD_LOG=$TMP/requests.log
	mkdir -p "$WWW"
	cp "$NET_FIXTURES"/* "$WWW"/
	: >"$HTTPD_LOG"
	httpd_start "$@"
}

# run NAME ARGS...: mesosnews with stdout in $TMP/NAME.out, stderr in
# $TMP/NAME.err, the exit status in $rc.
run() {
	local name=$1
	shift
	"$MESOSNEWS" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null
	rc=$?
}

# A loopback port nobody listens on.
closed_port() {
	"$PYTHON3" -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# db_dump DB URL: the issues and the state of feed URL that a failure must
# not touch (everything but the error it records).
db_dump() {
	db_query "$1" "SELECT f.url, i.guid, i.title, i.link, i.author,
	    i.read, i.first_seen, i.published, i.updated, i.hash,
	    length(i.content) FROM issues i JOIN feeds f ON f.id = i.feed
	    ORDER BY f.url, i.guid"
	db_query "$1" "SELECT url, title, etag, last_modified, last_fetch
	    FROM feeds WHERE url = '$2'"
}

# db_check NAME DB: PRAGMA integrity_check and the FTS index's own check.
db_check() {
	expect_eq "$1: integrity_check" \
	    "$(db_query "$2" 'PRAGMA integrity_check')" ok
	expect_eq "$1: fts integrity" "$(db_query "$2" "INSERT INTO
	    issues_fts(issues_fts) VALUES ('integrity-check')" 2>&1)" ""
}
