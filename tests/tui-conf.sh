#!/bin/sh
# The configuration file in the reader: two feeds in one list with a feed
# column and one feed at a time, a rebound key (and the help overlay that
# shows it), colours per role (exact SGR codes) and NO_COLOR over them, the
# configured browser and pager (exact argv), the text width, and
# refresh-on-start.  Screens are compared with tests/tui/conf-*.screen.
. "$srcdir/tests/tuilib.sh"
cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
cp "$srcdir/tests/tui/second.atom" "$TMP/second.atom"
CONF="$TMP/config/mesosnews/config"
mkdir -p "$TMP/config/mesosnews"
ESC=$(printf '\033')

# starts NAME LINE PREFIX: LINE (with its escape codes) starts with PREFIX.
starts() {
	case $2 in
	"$3"*) pass ;;
	*) fail "$1: got '$2', want '$3...'" ;;
	esac
}

# wait_file FILE: wait (at most 5 s) until FILE exists and is not empty.
wait_file() {
	local i=0
	while [ $i -lt 100 ] && [ ! -s "$1" ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

# The configured name, cut by display width (16 columns, wide characters),
# and the feed's own title where no name is given.
cat >"$CONF" <<EOF
# two feeds, one of them named
feed $TMP/feed.atom   メソス コミュニティ便り Digest
feed $TMP/second.atom
EOF
tui_start 99 14
settle "refreshed: 8 new issues"
shot conf-feeds
press "(feed 1 of 2)" f
shot conf-feed1
press "(feed 2 of 2)" f
on_screen "the second feed alone" "Notes on task labels"
on_screen "its title names it, cut" \
    "Framework Notes: a second fixtu… (feed 2 of 2) · 3 issues, 3 unread"
press "all 2 feeds · 8 issues, 8 unread" f
press "(feed 2 of 2)" F
# A search keeps to the feed shown, and follows it.
press "search: notes" / n o t e s
press '3 issues match "notes", best first' Enter
press '(feed 1 of 2) · 5 issues, 5 unread · search "notes": 2' F
press 'all 2 feeds · 8 issues, 8 unread · search "notes": 5' F
press "all 2 feeds · 8 issues, 8 unread" Escape
# Marking all read marks the one feed shown.
press "(feed 2 of 2)" F
press "all issues of Framework Notes" A
press "all 2 feeds · 8 issues, 5 unread" f
press "[exit 0]" q

# refresh-on-start no: the cache is shown and not refreshed (the feed file
# is broken now, so a refresh would say so) until r.
printf 'refresh-on-start no\n' >>"$CONF"
printf 'this is not a feed\n' >"$TMP/second.atom"
tui_start 99 14
settle "q:quit"
on_screen "no refresh on start" "Enter:open  /:search  r:refresh  ?:help"
on_screen "the cache is shown" "all 2 feeds · 8 issues, 5 unread"
press "refresh failed: " r
press "[exit 0]" q
cp "$srcdir/tests/tui/second.atom" "$TMP/second.atom"

# A rebound key: x shows the help, which lists it; ? is unbound; ^N goes
# to the next issue in the article; q no longer leaves the link pane; O
# opens too, and comes first in the hints and messages.
cat >"$CONF" <<EOF
feed $TMP/feed.atom
bind x help
unbind ?
bind ^N next-issue
bind Z quit list
unbind q links
bind O open list
EOF
tui_start 100 36
settle "refreshed: no new issues"
press "Keys" x
shot conf-help
press "O:open  /:search  r:refresh  x:help  Z:quit" Escape
on_screen "messages name the keys in force" "O opens the selected issue."
press "2014-06-20 · Dave Lester" Enter
press "2014-05-23 · Dave Lester" C-n
press "Links (" l
# Were q or ? still bound there, the link pane would close or x would
# close the help.
tm send-keys -t t q "?"
press "Keys" x
press "Links (" Escape
on_screen "q and ? do nothing in the link pane" "Links ("
press "[exit 0]" l q Z

# Colours per role, exact SGR codes: the default title bar, then the
# configured one; a 256-colour number for the dates.
cat >"$CONF" <<EOF
feed $TMP/feed.atom
EOF
tui_start 100 10
settle "refreshed: no new issues"
SCREEN=$(capture -e)
starts "default title bar" "$(printf '%s\n' "$SCREEN" | head -n 1)" \
    "$ESC[1m$ESC[38;5;255m$ESC[48;5;24m mesosnews · Mesos"
press "[exit 0]" q
cat >>"$CONF" <<EOF
color title brightred blue bold underline
colour date 208
color selected default 0 reverse
EOF
tui_start 100 10
settle "refreshed: no new issues"
SCREEN=$(capture -e)
starts "configured title bar" "$(printf '%s\n' "$SCREEN" | head -n 1)" \
    "$ESC[1;4m$ESC[91m$ESC[44m mesosnews · Mesos"
starts "configured date" "$(printf '%s\n' "$SCREEN" | sed -n 3p)" \
    "$ESC[39m $ESC[38;5;208m2014-05-23$ESC[39m "
starts "configured selection" "$(printf '%s\n' "$SCREEN" | sed -n 2p)" \
    "$ESC[0;7m$ESC[39m$ESC[40m›2014-06-20 "
press "[exit 0]" q
# NO_COLOR wins over the configured colours: none at all, and the
# monochrome theme's reverse video.
export NO_COLOR=1
tui_start 100 10
settle "refreshed: no new issues"
SCREEN=$(capture -e)
check "NO_COLOR: no colour" sh -c \
    '! printf "%s" "$1" | grep -Eq "38;5|48;5|\[9[0-7]m|\[[34][0-7]m|;[34][0-7]m"' \
    sh "$SCREEN"
starts "NO_COLOR: the title bar in reverse video" \
    "$(printf '%s\n' "$SCREEN" | head -n 1)" "$ESC[7m mesosnews · Mesos"
press "[exit 0]" q
unset NO_COLOR

# The configured browser, not $BROWSER, gets the link as one argument,
# after its own; the configured pager, not $PAGER, gets the issue.
cat >"$TMP/browser.sh" <<SH
#!/bin/sh
for a; do printf '[%s]\n' "\$a"; done >'$TMP/browser.args'
SH
cat >"$TMP/pager.sh" <<SH
#!/bin/sh
for a; do printf '[%s]\n' "\$a"; done >'$TMP/pager.args'
cat >'$TMP/piped.txt'
SH
cat >"$TMP/wrong.sh" <<SH
#!/bin/sh
echo "\$0 \$*" >>'$TMP/wrong.log'
SH
chmod +x "$TMP/browser.sh" "$TMP/pager.sh" "$TMP/wrong.sh"
export BROWSER="$TMP/wrong.sh" PAGER="$TMP/wrong.sh"
cat >"$CONF" <<EOF
feed $TMP/feed.atom
browser $TMP/browser.sh --new-window  %s --class=news
browser-terminal yes
pager $TMP/pager.sh -R --prompt=issue
width 40
EOF
tui_start 100 30
settle "refreshed: no new issues"
press "opened http://mesos.example.org/blog/community-update-5/ in" o
wait_file "$TMP/browser.args"
printf '[--new-window]\n[http://mesos.example.org/blog/community-update-5/]\n[--class=news]\n' \
    >"$TMP/browser.want"
golden "browser argv" "$TMP/browser.args" "$TMP/browser.want"
press "2014-05-23" j "|"
wait_file "$TMP/piped.txt"
printf '[-R]\n[--prompt=issue]\n' >"$TMP/pager.want"
golden "pager argv" "$TMP/pager.args" "$TMP/pager.want"
sed 's/\x1b\[[0-9;]*m//g' "$TMP/piped.txt" >"$TMP/piped.plain"
check "the pager got the issue" grep -q "^Mesos Community Update #4" \
    "$TMP/piped.plain"
# The pager's text is 40 columns wide too (but for a URL, never broken).
expect_eq "the piped text is 40 wide at most" \
    "$(grep -v '://' "$TMP/piped.plain" | wc -L)" 40
check "\$BROWSER and \$PAGER were not used" test ! -e "$TMP/wrong.log"
# width 40: the article is laid out 40 columns wide in a wider pane.
press "[1 Intro]" Enter
shot conf-width
press "[exit 0]" q q

done_testing
