# unreadlib.sh - feeds for the tests of the reader's daily workflow
# (tui-unread.sh, tui-place.sh): small issues with sections, so that
# what a key did shows in a few exact lines.

# make_feed FILE NAME N [FIRST]: an Atom feed titled NAME with N issues
# "NAME N" ... "NAME 1" (newest first, 2024-01-N), each an intro and two
# sections, "Part A" and "Part B"; the intro of issue FIRST (if given)
# is long enough to scroll.
make_feed() {
	local file=$1 name=$2 n=$3 long=${4:-0} i j
	{
		printf '<?xml version="1.0" encoding="utf-8"?>\n'
		printf '<feed xmlns="http://www.w3.org/2005/Atom">\n'
		printf '<title>%s</title><id>urn:%s</id>\n' "$name" "$name"
		printf '<updated>2024-01-%02dT00:00:00Z</updated>\n' "$n"
		i=$n
		while [ "$i" -ge 1 ]; do
			printf '<entry><title>%s %d</title>' "$name" "$i"
			printf '<id>urn:%s:%d</id>' "$name" "$i"
			printf '<link href="https://example.org/%d"/>' "$i"
			printf '<updated>2024-01-%02dT00:00:00Z</updated>' "$i"
			printf '<content type="html"><![CDATA['
			printf '<p>Intro of %s %d.</p>' "$name" "$i"
			if [ "$i" = "$long" ]; then
				j=1
				while [ $j -le 60 ]; do
					printf '<p>Line %d of %s %d.</p>' \
					    "$j" "$name" "$i"
					j=$((j + 1))
				done
			fi
			printf '<h2>Part A</h2><p>Text A of %s %d.</p>' \
			    "$name" "$i"
			printf '<h2>Part B</h2><p>Text B of %s %d.</p>' \
			    "$name" "$i"
			printf ']]></content></entry>\n'
			i=$((i - 1))
		done
		printf '</feed>\n'
	} >"$file"
}

# row N WANT: line N (from 1) of the settled screen is exactly WANT.
row() {
	local got
	got=$(printf '%s\n' "$SCREEN" | sed -n "${1}p")
	if [ "$got" = "$2" ]; then
		pass
	else
		fail "row $1: got '$got', want '$2'"
		printf '%s\n' "$SCREEN" >&2
	fi
}

# off_screen NAME TEXT: the settled screen does not show TEXT.
off_screen() {
	if printf '%s' "$SCREEN" | grep -qF -- "$2"; then
		fail "$1: '$2' on screen"
		printf '%s\n' "$SCREEN" >&2
	else
		pass
	fi
}
