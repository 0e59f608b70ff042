#!/bin/sh
# Text that survives copying (issue 13) in the reader, at 20, 40 and 80
# columns: the list shows as much of a long title as fits, the article
# header wraps all of it, a URL wider than the screen is whole in the
# status line of the link pane, a code line is kept whole with a mark
# where it goes on and scrolls with Right, and no grapheme cluster (an
# emoji with a skin tone, a ZWJ sequence, a combining mark, CJK) is split
# where a line wraps.  Screens: tests/tui/copying-*-WIDTH.screen.
. "$srcdir/tests/tuilib.sh"
cp "$srcdir/tests/tui/copying.atom" "$TMP/copying.atom"
FEED=$TMP/copying.atom

# The reader draws a cluster as its first character and the zero-width
# ones after it (curses holds no more in a cell): 👋🏾 shows as 👋.
TITLE="Tide tables for the whole autumn, a longer mooring rope, and why the lighthouse keeper always waves back 👋"
URL1='https://tides.example.net/stations/harbour-north/predictions?from=2021-09-01&to=2021-12-31&units=metric'
URL2='https://ropes.example.com/catalogue/mooring/braided-nylon-16mm-per-metre'
URL3='https://ropes.example.com/catalogue/mooring/braided-polyester-16mm-per-metre?colour=harbour-blue'
CODE="\$ curl -s 'https://tides.example.net/api/v2/predictions?station=harbour-north&days=7' | jq -r '.[].height'"

# status_is NAME TEXT: the last rows of the screen, put back together,
# are " TEXT" (the status line takes as many rows as TEXT needs).
status_is() {
	local want=" $2" n got
	n=$(( ($(printf '%s' "$want" | wc -L) + W - 1) / W ))
	got=$(printf '%s\n' "$SCREEN" | tail -n "$n" | tr -d '\n')
	expect_eq "$1" "$got" "$want"
}

# no_split NAME: no row starts with what only continues a cluster (a
# skin tone, a joiner, what a joiner joins, a combining mark).
no_split() {
	if printf '%s\n' "$SCREEN" | cut -c2- |
	    grep -q '^\(🏾\|‍\|🔬\|́\)'; then
		fail "$1: a cluster is split"
		printf '%s\n' "$SCREEN" >&2
	else
		pass
	fi
}

# code_row: the row of the screen with the long code line.
code_row() { printf '%s\n' "$SCREEN" | grep '^ ┃ ' | head -n 1; }

for size in 20x50 40x30 80x24; do
	W=${size%x*}
	H=${size#*x}
	# Each width starts from an empty cache: both issues new, unread.
	rm -rf "$XDG_CACHE_HOME"
	tui_start "$W" "$H" "$FEED"
	settle "refreshed: 2 new"
	shot "copying-list-$W"
	# The list: the title cut where the row ends, with a mark.
	row=$(printf '%s\n' "$SCREEN" | sed -n 2p)
	expect_eq "list at $W: the row is full" \
	    "$(printf '%s' "$row" | wc -L)" "$W"
	check "list at $W: the title goes on" \
	    sh -c 'case $1 in *"Tide"*…) exit 0;; esac; exit 1' sh "$row"

	press "2021-09-14 · Ines" Enter
	shot "copying-article-$W"
	# The header: the rows above the date, put back together, are the
	# whole title.
	expect_eq "header at $W: the whole title" \
	    "$(printf '%s\n' "$SCREEN" | sed -n '2,/^ 2021-09-14/p' |
	    sed '$d' | sed 's/^ //' | tr '\n' ' ' | sed 's/ $//')" "$TITLE"
	no_split "article at $W"
	# The code line is whole (not wrapped) and marked where it goes on.
	check "code at $W: one row, marked" \
	    sh -c 'case $1 in " ┃ \$ curl -s "*›) exit 0;; esac; exit 1' sh \
	    "$(code_row)"
	expect_eq "code at $W: the row is full" \
	    "$(code_row | wc -L)" "$W"
	check "code at $W: never continued" sh -c \
	    "! printf '%s\n' \"\$1\" | grep -q '^ ┃ .*height'" sh "$SCREEN"

	# The link pane: the selected link's whole URL in the status line.
	press "Links (3)" l
	shot "copying-link1-$W"
	status_is "link 1 at $W: the whole URL" "[1] $URL1"
	press "" j
	shot "copying-link2-$W"
	status_is "link 2 at $W: the whole URL" "[2] $URL2"
	press "" j
	shot "copying-link3-$W"
	status_is "link 3 at $W: the whole URL" "[3] $URL3"
	press "Enter:open" q

	# Right: the code moves, its bar stays, both lines together.
	press " ┃ s 'https:" Right
	shot "copying-right-$W"
	check "right at $W: still more to the right" \
	    sh -c 'case $1 in *›) exit 0;; esac; exit 1' sh "$(code_row)"
	on_screen "right at $W: the short line moves too" " ┃ k"
	# To the end: the last of the line, and no mark.
	failed=$T_FAIL
	while ! code_row | grep -q "height'$"; do
		press "" Right
		[ "$T_FAIL" -gt "$failed" ] && break
	done
	shot "copying-end-$W"
	check "end at $W: the end of the code line" sh -c \
	    'case $1 in *"$2") exit 0;; esac; exit 1' sh "$(code_row)" \
	    "${CODE##* }"
	press " ┃ \$ curl -s" Left Left Left Left Left Left Left Left Left \
	    Left Left Left Left
	on_screen "left at $W: back to the start" " ┃ \$ echo ok"
	press "[exit 0]" q q
done

done_testing
