#!/bin/sh
# The configuration file from the command line: a bad line is an error
# naming the file, the line and the values accepted, with exit status 2,
# whether the file is the default one or given with --config; "width" is
# the readable maximum of text mode unless --width is given.
. "$srcdir/tests/lib.sh"
FEED="$srcdir/tests/tui/feed.atom"
mkdir -p "$TMP/config/mesosnews"

# run NAME STATUS CMD...: CMD exits with STATUS; its stderr is in
# $TMP/err.
run() {
	local name=$1 want=$2 rc=0
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
	expect_eq "$name: exit status" "$rc" "$want"
}

printf '# colours\n\n\n\n\n\ncolor headng red\n' >"$TMP/bad.conf"
run "--config, bad role" 2 "$MESOSNEWS" --config "$TMP/bad.conf" --list \
    "$FEED"
printf '%s\n' "mesosnews: $TMP/bad.conf:7: unknown colour role 'headng' (heading, link, linknum, quote, code, marker, rule, table, article-title, meta, match, unread, new, date, feed, selected, selected-unfocused, title, status, error, tab, tab-active, host, border, normal)" \
    >"$TMP/want"
golden "bad role message" "$TMP/err" "$TMP/want"
check "nothing on stdout" test ! -s "$TMP/out"

# The default file, read even when a source is named.
printf 'feed %s\nbind x jump\n' "$FEED" >"$TMP/config/mesosnews/config"
run "default file, bad action" 2 "$MESOSNEWS" --text "$FEED"
printf '%s\n' "mesosnews: $TMP/config/mesosnews/config:2: unknown action 'jump' (down, up, page-down, page-up, top, bottom, open, find-next, find-prev, next-issue, prev-issue, next-section, prev-section, digit, whole, links, open-link, search, refresh, toggle-read, mark-all-read, next-unread, prev-unread, unread-only, mark-everything-read, next-feed, prev-feed, pipe, save, yank, events, scroll-left, scroll-right, list-wider, list-narrower, export, feeds, messages, help, cancel, redraw, quit)" \
    >"$TMP/want"
golden "bad action message" "$TMP/err" "$TMP/want"

printf 'refresh-on-start maybe\n' >"$TMP/config/mesosnews/config"
run "bad boolean" 2 "$MESOSNEWS" --list "$FEED"
printf '%s\n' "mesosnews: $TMP/config/mesosnews/config:1: refresh-on-start needs yes or no, not 'maybe'" \
    >"$TMP/want"
golden "bad boolean message" "$TMP/err" "$TMP/want"

printf 'colour link blue bright\n' >"$TMP/config/mesosnews/config"
run "bad attribute" 2 "$MESOSNEWS" --export-opml
printf '%s\n' "mesosnews: $TMP/config/mesosnews/config:1: unknown colour or attribute 'bright' (default, black, red, green, yellow, blue, magenta, cyan, white, brightblack to brightwhite, 0 to 255; bold, underline, reverse, dim, italic)" \
    >"$TMP/want"
golden "bad attribute message" "$TMP/err" "$TMP/want"

# Control bytes in a bad line (ESC, BEL, a C1 CSI, DEL) do not come back
# raw in the message: they are dropped, as from a feed.
for line in 'color \033]0;pwned\007\033[2Jheading red' \
    'bind \302\233x jump' 'refresh-on-start \033[31mmaybe\177' \
    'colour link blue \302\2332J'; do
	printf "$line\n" >"$TMP/config/mesosnews/config"
	run "control bytes: $line" 2 "$MESOSNEWS" --list "$FEED"
	check "control bytes: $line: a message" test -s "$TMP/err"
	no_escape "control bytes: $line" "$TMP/err"
	check "control bytes: $line: no BEL" sh -c \
	    "! LC_ALL=C grep -q -P '\\x07' '$TMP/err'"
done
printf 'refresh-on-start \033[31mmaybe\n' >"$TMP/config/mesosnews/config"
run "control bytes: message" 2 "$MESOSNEWS" --list "$FEED"
printf '%s\n' "mesosnews: $TMP/config/mesosnews/config:1: refresh-on-start needs yes or no, not '[31mmaybe'" \
    >"$TMP/want"
golden "control bytes: the rest of the message" "$TMP/err" "$TMP/want"

# Every setting at once is accepted.
cat >"$TMP/config/mesosnews/config" <<EOF
feed $FEED  Digest
browser w3m %s
browser-terminal yes
pager less -R
color heading brightblue default bold underline
color selected 231 31
bind J down list
unbind K
width 50
refresh-on-start no
timeout-connect 5
timeout-stall 10
timeout-total 60
max-size 8M
cache $TMP/cache.db
EOF
run "every setting" 0 "$MESOSNEWS" --list
check "the configured feed is listed" grep -q "Mesos Community Update #5" \
    "$TMP/out"

# width: the widest text mode lays out when the terminal (here $COLUMNS)
# is wider; --width wins; 0 lifts the limit.
run "width 50" 0 env COLUMNS=200 "$MESOSNEWS" --text "$FEED"
expect_eq "width 50: the widest line" "$(wc -L <"$TMP/out")" 50
run "width 50, COLUMNS=40" 0 env COLUMNS=40 "$MESOSNEWS" --text "$FEED"
# (A URL is never broken: a line holding one may be wider.)
expect_eq "a narrower terminal wins" "$(grep -v '://' "$TMP/out" | wc -L)" 40
run "--width 70" 0 env COLUMNS=200 "$MESOSNEWS" --width 70 --text "$FEED"
expect_eq "--width wins" "$(wc -L <"$TMP/out")" 70
printf 'width 0\n' >"$TMP/config/mesosnews/config"
run "width 0" 0 env COLUMNS=200 "$MESOSNEWS" --text "$FEED"
check "width 0: wider than 100" test "$(wc -L <"$TMP/out")" -gt 100
rm "$TMP/config/mesosnews/config"
run "no width" 0 env COLUMNS=200 "$MESOSNEWS" --text "$FEED"
expect_eq "by default 100" "$(wc -L <"$TMP/out")" 100

done_testing
