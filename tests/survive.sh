#!/bin/sh
# Text that survives copying (issue 13) over the bundled sample and the
# test fixtures at width 80: every issue of each, as text mode prints it,
# has no URL split across lines, no file: URL, an http(s) link (or none),
# and no line wider than 80 but for a URL or a code line
# (tests/survive.py says which).  Markdown posts are read with a base
# URL, as a configured site would be (without one they stay as written,
# marked: tests/textmode.sh).
. "$srcdir/tests/lib.sh"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "no python3: skipping"; exit 77; }
CHECK="$srcdir/tests/survive.py"
BASE=https://harbour.example.net

# The checker finds what it looks for: a split URL, a file: URL, a line
# too wide, a link that is not http(s).
printf 'T\n═\n2020-01-01\nfile:///srv/log/\n\nsee https://example.org/a/very/\nlong/path\n%s\n' \
    "$(printf 'w%.0s' $(seq 81))" >"$TMP/bad.txt"
printf '[1] https://example.org/a/very/long/path\n' >"$TMP/bad.links"
"$PY" "$CHECK" 80 "$TMP/bad.links" "$TMP/bad.txt" "$TMP/bad.links" \
    >"$TMP/bad.out"
expect_eq "the checker fails a bad text" "$?" 1
expect_eq "the checker says why" "$(sed 's/^[^:]*: *//' "$TMP/bad.out" |
    cut -c1-24)" "4: a file: URL: 'file://
6: URL split: https://ex
8: wider than 80: 'wwwww
the entry's link is not "

for src in "$top_srcdir/data/sample.atom" "$srcdir"/tests/tui/*.atom \
    "$srcdir"/tests/list/*.atom "$srcdir"/tests/list/*.rss \
    "$srcdir/tests/list/posts" "$srcdir/tests/feeds/posts" \
    "$srcdir"/tests/feeds/*.atom "$srcdir"/tests/feeds/*.rss \
    "$srcdir"/tests/feeds/*.rdf "$srcdir"/tests/json/*.json \
    "$srcdir"/tests/textmode/*.md "$srcdir"/tests/events/*.md \
    "$srcdir"/tests/render/fixtures/*.md; do
	name=$(basename "$src")
	n=$("$MESOSNEWS" --list --tsv "$src" 2>/dev/null | wc -l)
	set --
	i=1
	while [ "$i" -le "$n" ]; do
		out=$TMP/$name.$i
		"$MESOSNEWS" --base-url "$BASE" --issue "$i" --width 80 \
		    "$src" >"$out.txt" 2>/dev/null
		"$MESOSNEWS" --base-url "$BASE" --issue "$i" --links \
		    "$src" >"$out.links" 2>/dev/null
		set -- "$@" "$out.txt" "$out.links"
		i=$((i + 1))
	done
	[ "$n" -gt 0 ] || continue
	# A feed file with relative links and no http(s) home of its own:
	# they stay as written, marked.
	rel=
	[ "$name" = relative.atom ] && rel=-r
	if "$PY" "$CHECK" $rel 80 "$src" "$@" >"$TMP/$name.found"; then
		pass
	else
		fail "$name: text that does not survive copying"
		cat "$TMP/$name.found" >&2
	fi
	rm -f "$TMP/$name".*
done
# The sample and the fixtures above: at least this many sources read.
check "sources were checked" test "$T_PASS" -gt 40

done_testing
