# lib.sh - shared by the shell tests: a scratch directory, checks that
# count, golden comparisons, and the automake exit statuses.
set -u
# Sourced once, however many helpers source it.
[ -n "${MN_LIB_SH:-}" ] && return 0
MN_LIB_SH=1

: "${srcdir:=.}"
: "${MESOSNEWS:=./mesosnews}"
export LC_ALL=C.UTF-8 TZ=UTC
unset NO_COLOR BROWSER PAGER || true

T_PASS=0
T_FAIL=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/mesosnews-test.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_CACHE_HOME="$TMP/cache" \
	XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$HOME"

# make check-valgrind runs the program under a checker: wrap it.
UNDER=${MESOSNEWS_UNDER:-}
if [ -n "$UNDER" ]; then
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$UNDER" "$MESOSNEWS" \
	    >"$TMP/mesosnews-under"
	chmod +x "$TMP/mesosnews-under"
	MESOSNEWS=$TMP/mesosnews-under
fi

pass() { T_PASS=$((T_PASS + 1)); }
fail() { T_FAIL=$((T_FAIL + 1)); printf 'FAIL: %s\n' "$*" >&2; }

# check NAME COND-COMMAND...: run the command; pass when it succeeds.
check() {
	local name=$1; shift
	if "$@"; then pass; else fail "$name"; fi
}

# golden NAME GOT WANT: byte-for-byte comparison, with a diff on failure.
# UPDATE_GOLDEN=1 rewrites WANT instead (inspect the result before
# committing it).
golden() {
	local name=$1 got=$2 want=$3
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$got" "$want"
		pass
		return
	fi
	if cmp -s "$got" "$want"; then
		pass
	else
		fail "$name: output differs from $want"
		diff -u "$want" "$got" | head -40 >&2
	fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then
		pass
	else
		fail "$1: got '$2', want '$3'"
	fi
}

# no_escape NAME FILE: no ESC, no C1 control (as UTF-8), no DEL byte.
no_escape() {
	if LC_ALL=C grep -q -P '\x1b|\x7f|\xc2[\x80-\x9f]' "$2"; then
		fail "$1: control bytes reached the output"
	else
		pass
	fi
}

# db_query DB SQL: rows as a|b lines, through python's sqlite3.
db_query() {
	"${PYTHON3:-python3}" - "$1" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
for row in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
PY
}

done_testing() {
	printf '%d passed, %d failed\n' "$T_PASS" "$T_FAIL"
	[ "$T_FAIL" -eq 0 ] && [ "$T_PASS" -gt 0 ]
}
