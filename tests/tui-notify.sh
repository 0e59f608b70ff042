#!/bin/sh
# New issues said beyond the status line (issue #15): notify-program runs
# (no shell, detached) with the titles a refresh added, cleaned, as its
# arguments after its own words; "bell yes" beeps.  Against the loopback
# server, in a real terminal (tmux); the bell is seen in the pane's output.
. "$srcdir/tests/netlib.sh"
. "$srcdir/tests/tuilib.sh"
. "$srcdir/tests/unreadlib.sh"
trap 'tm kill-server >/dev/null 2>&1; net_cleanup' EXIT
net_setup
make_feed "$WWW/news.atom" News 2
CONF=$XDG_CONFIG_HOME/mesosnews/config
mkdir -p "${CONF%/*}"
OUT=$TMP/notified
cat >"$TMP/notify.sh" <<EOS
#!/bin/sh
for a; do printf '[%s]\n' "\$a"; done >>"$OUT.part"
echo -- >>"$OUT.part"
mv "$OUT.part" "$OUT"
EOS
chmod +x "$TMP/notify.sh"
printf 'feed %s/f/news.atom\nnotify-program %s  --from  mesosnews\n' \
    "$BASE" "$TMP/notify.sh" >"$CONF"

# wait_notified: until the program has run (at most 5 s), then its
# arguments so far.
wait_notified() {
	local i=0
	while [ ! -e "$OUT" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat "$OUT" 2>/dev/null
	rm -f "$OUT"
}

# The first refresh brings every issue in: each one is new.
tui_start 80 24
settle "refreshed: 2 new issues"
expect_eq "first refresh: the titles" "$(wait_notified)" "[--from]
[mesosnews]
[News 2]
[News 1]
--"
press "[exit 0]" q

# Two new ones, one with a title made to reach a terminal or a shell;
# the bell rings.
printf 'bell yes\nrefresh-on-start no\n' >>"$CONF"
tui_start 80 24
settle "News 2"
tm pipe-pane -t t -o "cat >>$(shq "$TMP/pane.raw")"
make_feed "$WWW/news.atom" News 4
sed 's|<title>News 4</title>|<title>$(touch pwned) \&#x1b;]0;x\&#x7; \&#x9b;31m\&#x202e;News\&#10;4 `id`</title>|' \
    "$WWW/news.atom" >"$WWW/news.tmp" && mv "$WWW/news.tmp" "$WWW/news.atom"
press "refreshed: 2 new issues" r
expect_eq "new issues: the titles, cleaned, as arguments" \
    "$(wait_notified)" "[--from]
[mesosnews]
[\$(touch pwned) ]0;x ›31mNews 4 \`id\`]
[News 3]
--"
check "no shell ran the title" test ! -e "$TMP/cwd/pwned"
i=0
while ! tr -cd '\007' <"$TMP/pane.raw" | grep -q . && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
expect_eq "bell: one BEL" "$(tr -cd '\007' <"$TMP/pane.raw" | wc -c)" 1

# A refresh that finds nothing new is not said: no program, no bell.
press "refreshed: no new issues" r
sleep 0.5
check "nothing new: no program" test ! -e "$OUT"
expect_eq "nothing new: no bell" \
    "$(tr -cd '\007' <"$TMP/pane.raw" | wc -c)" 1
press "[exit 0]" q

# A program that cannot run is said on the status line (U+009B, above,
# came in as windows-1252's '›', as the feed parser repairs C1 bytes).
printf 'feed %s/f/news.atom\nnotify-program %s/no/such/program\n' \
    "$BASE" "$TMP" >"$CONF"
make_feed "$WWW/news.atom" News 5
tui_start 80 24
settle "notify-program: cannot run $TMP/no/such/program: No such"

done_testing
