# tuilib.sh - drive mesosnews in a detached tmux session of a fixed size:
# start it, send keys, wait for the screen to settle, capture it.
. "$srcdir/tests/lib.sh"

if [ -z "${TMUX_BIN:-}" ] || [ ! -x "$TMUX_BIN" ]; then
	TMUX_BIN=$(command -v tmux) || {
		echo "tmux is not installed: skipping"
		exit 77
	}
fi
# A private server: its own socket directory and name, no config file.
export TMUX_TMPDIR="$TMP"
unset TMUX TMUX_PANE || true
SOCK="mn-test-$$"
tm() { "$TMUX_BIN" -u -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT

if infocmp tmux-256color >/dev/null 2>&1; then
	TUI_TERM=tmux-256color
else
	TUI_TERM=screen-256color
fi
mkdir -p "$TMP/cwd"

# shq WORD: WORD quoted for sh.
shq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# forget_places: the default cache's places (where the reader was) go, so
# that the next start begins at the top of the list with nothing open, as
# the tests were written before the reader came back to its place.
# TUI_PLACES=keep keeps them (tests/tui-place.sh).
forget_places() {
	local db=$XDG_CACHE_HOME/mesosnews/cache.db
	[ "${TUI_PLACES:-}" = keep ] || [ ! -s "$db" ] && return 0
	"${PYTHON3:-python3}" - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
if db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'places'"
              ).fetchone()[0]:
    db.execute("DELETE FROM places")
PY
}

# tui_start COLS ROWS [ARG...]: a new session running mesosnews ARGS in
# $TMP/cwd; when it exits the pane shows "[exit STATUS]".  The cache's
# places are forgotten first (forget_places).
tui_start() {
	local w=$1 h=$2 a i=0
	shift 2
	forget_places
	# The last session's server must be gone before a new one starts on
	# the same socket: a client that reaches a dying server fails with
	# "server exited unexpectedly".
	tm kill-server >/dev/null 2>&1
	while tm list-sessions >/dev/null 2>&1 && [ $i -lt 100 ]; do
		sleep 0.02
		i=$((i + 1))
	done
	{
		echo "cd $(shq "$TMP/cwd") || exit 1"
		echo "export TERM=$TUI_TERM"
		printf '%s' "$(shq "$MESOSNEWS")"
		for a in "$@"; do
			printf ' %s' "$(shq "$a")"
		done
		printf '\necho "[exit $?]"\nexec sleep 300\n'
	} >"$TMP/run.sh"
	if ! tm new-session -d -x "$w" -y "$h" -s t "sh $(shq "$TMP/run.sh")"
	then
		sleep 0.2
		tm new-session -d -x "$w" -y "$h" -s t \
		    "sh $(shq "$TMP/run.sh")" || exit 99
	fi
	SCREEN=
}

# capture: the pane as text, without trailing spaces.
capture() { tm capture-pane -p -t t "$@" | sed 's/ *$//'; }

# settle [WANT]: wait (at most 5 s) until the pane differs from $SCREEN,
# shows WANT if given, and two captures 50 ms apart agree; leaves the
# result in $SCREEN.
settle() {
	local want=${1:-} i=0 prev= cur=
	while [ $i -lt 100 ]; do
		cur=$(capture)
		if { [ -n "$want" ] && printf '%s' "$cur" | grep -qF -- "$want"; } ||
		    { [ -z "$want" ] && [ "$cur" != "$SCREEN" ]; }; then
			[ "$cur" = "$prev" ] && break
			prev=$cur
		fi
		sleep 0.05
		i=$((i + 1))
	done
	if [ $i -ge 100 ]; then
		fail "screen did not settle${want:+ on '$want'}"
		printf '%s\n' "$cur" >&2
	fi
	SCREEN=$cur
}

# press WANT KEY...: send keys (tmux key names), then settle on WANT.
press() {
	local want=$1
	shift
	tm send-keys -t t "$@"
	settle "$want"
}

# shot NAME: compare the settled screen with tests/tui/NAME.screen.
shot() {
	printf '%s\n' "$SCREEN" >"$TMP/$1.screen"
	golden "screen $1" "$TMP/$1.screen" "$srcdir/tests/tui/$1.screen"
}

# on_screen NAME TEXT: the settled screen shows TEXT.
on_screen() {
	if printf '%s' "$SCREEN" | grep -qF -- "$2"; then
		pass
	else
		fail "$1: '$2' not on screen"
		printf '%s\n' "$SCREEN" >&2
	fi
}

# row_of TEXT: the first screen row (from 1) of the settled screen that
# shows TEXT.
row_of() {
	printf '%s\n' "$SCREEN" | grep -nF -- "$1" | head -n 1 | cut -d: -f1
}

# col_of ROW TEXT: the display column (from 1) where TEXT starts on ROW.
col_of() {
	local line pre
	line=$(printf '%s\n' "$SCREEN" | sed -n "${1}p")
	case $line in
	*"$2"*) ;;
	*) fail "'$2' is not on row $1"; echo 1; return ;;
	esac
	pre=${line%%"$2"*}
	echo $(($(printf '%s' "$pre" | wc -L) + 1))
}

# mouse WANT BUTTON X Y: a mouse event at column X, row Y (from 1) as the
# terminal sends it in the SGR encoding (xterm mode 1006) that ncurses asks
# for when the terminal description has it: button 0 is a click (press,
# then release), 64 and 65 the wheel up and down.  Then settle on WANT.
mouse() {
	local want=$1 b=$2 x=$3 y=$4
	tm send-keys -t t -l "$(printf '\033[<%d;%d;%dM' "$b" "$x" "$y")"
	[ "$b" -lt 64 ] &&
	    tm send-keys -t t -l "$(printf '\033[<%d;%d;%dm' "$b" "$x" "$y")"
	settle "$want"
}

# mouse_x10 WANT BUTTON X Y: the same in the X10 encoding (ESC [ M and three
# bytes offset by 32), what tmux sends when only mode 1000 is on.
mouse_x10() {
	local want=$1 b=$2 x=$3 y=$4
	tm send-keys -t t -H 1b 5b 4d "$(printf %x $((32 + b)))" \
	    "$(printf %x $((32 + x)))" "$(printf %x $((32 + y)))"
	[ "$b" -lt 64 ] && tm send-keys -t t -H 1b 5b 4d 23 \
	    "$(printf %x $((32 + x)))" "$(printf %x $((32 + y)))"
	settle "$want"
}
