#!/bin/sh
# The mouse in a real terminal (tmux): the wheel scrolls the pane under
# the pointer, a click selects an issue, a tab or a link, and a click on
# the selected one opens it.  Mouse events are typed into the pane as the
# terminal would send them, in the encoding the terminal description
# makes ncurses ask for: SGR (xterm-256color) and X10 (tmux-256color).
. "$srcdir/tests/tuilib.sh"
cp "$srcdir/tests/tui/feed.atom" "$TMP/feed.atom"
LOG="$TMP/argv.log"
cat >"$TMP/rec.sh" <<SH
#!/bin/sh
{ printf 'argc=%d\n' \$#; for a; do printf '[%s]\n' "\$a"; done; } >>'$LOG'
SH
chmod +x "$TMP/rec.sh"
export BROWSER="$TMP/rec.sh"
# tmux may hand the bytes of one typed sequence to the program in pieces;
# on a busy machine the pieces can be further apart than the reader's
# 25 ms wait for the rest of an escape sequence.  No Escape key is typed
# here, so a long wait costs nothing.
export ESCDELAY=1000

TUI_TERM=xterm-256color
tui_start 100 30 "$TMP/feed.atom"
settle "refreshed: 5 new issues"
# A click selects; a click on the selected issue opens it.
mouse "›2014-05-23" 0 10 3
mouse "›2014-06-20" 0 20 2
on_screen "selecting does not open" "Enter opens the selected issue."
mouse "[1 Intro]" 0 20 2
shot article

# A click on a tab shows its section.
x=$(col_of 5 "3 Upcoming")
mouse "[3 Upcoming" 0 "$x" 5
on_screen "the section of the tab" "OSCON 2014[7] in Portland"

# The wheel scrolls the article under the pointer, whatever has the focus.
press "the whole issue" v
mouse "q:quit" 0 20 4
mouse "" 65 70 20
mouse "" 65 70 12
shot mouse-wheel
mouse "" 64 70 12
on_screen "the wheel goes back up" "• July 8: San Francisco Mesos meetup[6]"

# A link in the text: a click selects it in the link pane, a second click
# opens it.
x=$(col_of 5 "3 Upcoming")
mouse "[3 Upcoming" 0 "$x" 5
y=$(row_of "OSCON 2014[7]")
x=$(col_of "$y" "OSCON 2014[7]")
mouse "Links (11)" 0 "$((x + 2))" "$y"
shot mouse-links
y=$(row_of "OSCON 2014[7]")
mouse "opened http://conf.example.org/oscon-2014 in $BROWSER" 0 "$x" "$y"

# In the link pane: select, open, and the wheel.
y=$(row_of " 9   an introduction")
mouse "› 9   an introduction" 0 50 "$y"
mouse "opened https://slides.example.net/mesos-intro in" 0 50 "$y"
mouse "" 65 50 "$y"
shot mouse-links-wheel
mouse " 1   community page" 64 50 "$y"

cat >"$TMP/want.log" <<'LOG'
argc=1
[http://conf.example.org/oscon-2014]
argc=1
[https://slides.example.net/mesos-intro]
LOG
golden "the links the clicks opened" "$LOG" "$TMP/want.log"
press "[exit 0]" q q q

# X10, as tmux sends it to a program on tmux-256color, in a narrow window:
# the wheel scrolls the list, a click selects, a second click opens.
{
	printf '<?xml version="1.0" encoding="utf-8"?>\n'
	printf '<feed xmlns="http://www.w3.org/2005/Atom">\n'
	printf '<title>Wheel test (fixture)</title><id>urn:t:wheel</id>\n'
	printf '<updated>2014-06-30T09:00:00Z</updated>\n'
	i=1
	while [ $i -le 30 ]; do
		printf '<entry><title>Short note %02d</title>' $i
		printf '<id>urn:t:wheel:%d</id>' $i
		printf '<updated>2014-06-%02dT09:00:00Z</updated>' $i
		printf '<content type="html">&lt;p&gt;Note number %d.' $i
		printf '&lt;/p&gt;</content></entry>\n'
		i=$((i + 1))
	done
	printf '</feed>\n'
} >"$TMP/wheel.atom"
TUI_TERM=tmux-256color
if infocmp "$TUI_TERM" >/dev/null 2>&1; then
	tui_start 60 12 "$TMP/wheel.atom"
	settle "refreshed: 30 new issues"
	mouse_x10 "Short note 27" 65 10 5
	shot mouse-x10-list
	mouse_x10 "›2014-06-24" 0 10 5
	mouse_x10 "Note number 24." 0 10 5
	press "[exit 0]" q q
fi

done_testing
