#!/bin/sh
# Text mode: mesosnews --text and its pipe default, on the bundled sample
# and a Markdown draft.  Local sources are read directly: no cache.
. "$srcdir/tests/lib.sh"
D="$srcdir/tests/textmode"
S="$top_srcdir/data/sample.atom"
CACHE=$XDG_CACHE_HOME/mesosnews/cache.db

run() {
	local name=$1; shift
	"$MESOSNEWS" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null
	rc=$?
}

# Standard output is a file here, so text mode is the default.
run latest --width 80 "$S"
expect_eq "latest: status" "$rc" 0
golden "latest issue at 80" "$TMP/latest.out" "$D/latest-80.expected"
check "latest: quiet" test ! -s "$TMP/latest.err"
run explicit --text --issue latest --width 80 "$S"
golden "--text --issue latest is the default" "$TMP/explicit.out" \
    "$D/latest-80.expected"

run first --issue 8 --width 60 "$S"
golden "issue 8 (the first) at 60" "$TMP/first.out" "$D/issue8-60.expected"
run byid --issue https://mesos.apache.org/blog/mesos-community-update-1/ \
    --width 60 "$S"
golden "issue by id" "$TMP/byid.out" "$D/issue8-60.expected"

run events --issue 2 --section EVENTS --width 80 "$S"
golden "--section, case-insensitive" "$TMP/events.out" \
    "$D/issue2-events.expected"
run links --issue 3 --links "$S"
golden "--links" "$TMP/links.out" "$D/issue3-links.expected"

run color --color=always --width 80 "$S"
golden "--color=always" "$TMP/color.out" "$D/latest-80-color.expected"
# Every styled line closes its styles, so a pager can show any line alone.
check "color: styles are on" grep -q "$(printf '\033')\\[" "$TMP/color.out"
# The last SGR of every styled line is a reset.
sed -n 's/.*\(\x1b\[[0-9;]*m\)[^\x1b]*$/\1/p' "$TMP/color.out" | sort -u \
    >"$TMP/color.last"
expect_eq "color: every styled line ends reset" "$(cat -v "$TMP/color.last")" \
    '^[[0m'
# OSC 8 hyperlinks: on with --color=always, around link text only,
# closed on every line; never for other schemes.
OSC8=$(printf '\033]8;;')
check "hyperlinks: on with --color=always" grep -q "$OSC8" "$TMP/color.out"
run nolinks --color=always --hyperlinks=never --width 80 "$S"
check "hyperlinks=never: none" sh -c "! grep -q '$OSC8' '$TMP/nolinks.out'"
run hyper --hyperlinks=always --width 80 "$D/2014-04-24-draft.md"
golden "--hyperlinks=always without colour" "$TMP/hyper.out" \
    "$D/draft-hyperlinks.expected"
run hyperauto --hyperlinks --color=never --width 80 "$S"
check "--hyperlinks alone means always" grep -q "$OSC8" "$TMP/hyperauto.out"
run hyperpipe --width 80 "$S"
check "auto, not a terminal: none" sh -c "! grep -q '$OSC8' '$TMP/hyperpipe.out'"
NO_COLOR=1 run nocolor --width 80 "$S"
golden "NO_COLOR and no tty: plain" "$TMP/nocolor.out" "$D/latest-80.expected"
run never --color=never --width 80 "$S"
golden "--color=never" "$TMP/never.out" "$D/latest-80.expected"

# "latest" reads a local source once, with the content of its first issue
# only: whatever the order of the issues, it prints what the index's
# number 1 is (the newest post of a directory comes last by name; these
# feeds are not newest first).
F="$srcdir/tests/feeds"
for src in posts atom10.atom rfc3339.atom titles.atom; do
	run "one-$src" --width 72 "$F/$src"
	run "num-$src" --issue 1 --width 72 "$F/$src"
	check "latest of $src: content printed" test -s "$TMP/one-$src.out"
	expect_eq "latest of $src is issue 1" "$(cat "$TMP/one-$src.out")" \
	    "$(cat "$TMP/num-$src.out")"
done
check "latest of posts: the newest post, last by name" \
    grep -q "Hostile" "$TMP/one-posts.out"

# A draft being written: previewing it leaves no trace.
run draft --width 72 "$D/2014-04-24-draft.md"
golden "markdown draft" "$TMP/draft.out" "$D/draft-72.expected"
check "draft: no cache created" test ! -e "$CACHE"

# Text that survives copying (issue 13), at 20, 40 and 80 columns: URLs
# whole, code verbatim, the whole title, no grapheme cluster split.
I="$srcdir/tests/render/fixtures/integrity.md"
DOCKER='$ docker run --rm -it --net=host -e MESOS_MASTER=zk://127.0.0.1:2181/mesos -v /var/run/docker.sock:/var/run/docker.sock mesos/mesos-mini:1.8.1'
GITWEB='https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;f=CHANGELOG;hb=1.8.1'
for w in 20 40 80; do
	run "integrity-$w" --width "$w" "$I"
	expect_eq "integrity at $w: status" "$rc" 0
	golden "integrity at $w" "$TMP/integrity-$w.out" \
	    "$D/integrity-$w.expected"
	check "integrity at $w: the docker line verbatim" \
	    grep -qxF "┃ $DOCKER" "$TMP/integrity-$w.out"
	check "integrity at $w: no continuation marks" \
	    sh -c "! grep -q '↩' '$TMP/integrity-$w.out'"
	check "integrity at $w: the gitweb URL whole in References" \
	    grep -qxF "[1] $GITWEB" "$TMP/integrity-$w.out"
	check "integrity at $w: the bare URL whole" grep -qxF \
	    'https://issues.apache.org/jira/secure/ReleaseNote.jspa?projectId=12311242&version=12345678' \
	    "$TMP/integrity-$w.out"
	# The title, wrapped but never cut: its lines (up to the rule) put
	# back together are all of it.
	expect_eq "integrity at $w: the whole title" \
	    "$(sed '/^[═=]*$/q' "$TMP/integrity-$w.out" | sed '$d' |
	    tr '\n' ' ' | sed 's/ $//')" \
	    'Mesos 1.8.1 is out: what changed since 1.8.0, how to upgrade a cluster without downtime, and thanks to all 👍🏽'
	# A skin tone never starts a line (nor anything else but whole
	# clusters: the layout unit test checks every one).
	check "integrity at $w: 👍🏽 never split" \
	    sh -c "! grep -q '^🏽' '$TMP/integrity-$w.out'"
	run "integrity-links-$w" --links --width "$w" "$I"
	expect_eq "integrity --links at $w: one [n] URL a line" \
	    "$(grep -cvE '^\[[0-9]+\] [^ ]+$' "$TMP/integrity-links-$w.out")" 0
	expect_eq "integrity --links at $w: both links" \
	    "$(wc -l < "$TMP/integrity-links-$w.out")" 2
done
run integrity-osc8 --hyperlinks=always --width 20 "$I"
check "integrity: References are OSC 8 links" grep -qF \
    "$(printf '[1] \033]8;;%s\033\\%s\033]8;;\033\\' "$GITWEB" "$GITWEB")" \
    "$TMP/integrity-osc8.out"

# The reader's fixture (tests/tui-copying.sh) in text mode: there the
# clusters are written whole (👋🏾 with its skin tone), each code line and
# URL on one line, and the list fits the width (tests/survive.sh checks
# that no other line is wider).
C="$srcdir/tests/tui/copying.atom"
for w in 20 40 80; do
	run "copying-$w" --issue 1 --width "$w" "$C"
	golden "copying at $w" "$TMP/copying-$w.out" "$D/copying-$w.expected"
	check "copying at $w: the code line verbatim" grep -qxF \
	    "┃ \$ curl -s 'https://tides.example.net/api/v2/predictions?station=harbour-north&days=7' | jq -r '.[].height'" \
	    "$TMP/copying-$w.out"
	check "copying at $w: no line starts inside a cluster" sh -c \
	    "! grep -q '^\\(🏾\\|‍\\|🔬\\|́\\)' '$TMP/copying-$w.out'"
done
for w in 40 80; do
	run "copying-list-$w" --list --width "$w" "$C"
	golden "copying --list at $w" "$TMP/copying-list-$w.out" \
	    "$D/copying-list-$w.expected"
done

# Issue 17: one field at the 16 MiB cap (a 15 MiB title, a 15 MiB
# unbroken description) is laid out up to LAYOUT_MAX_BLOCK, with a
# marker, in well under 128 MB.
"${PYTHON3:-python3}" "$srcdir/tests/bigfield.py" "$TMP"
for big in bigtitle bigdesc; do
	# Under valgrind (check-valgrind) or AddressSanitizer the peak is
	# theirs as much as ours: the bound holds for a plain build.
	if [ -x /usr/bin/time ] && [ -z "${MESOSNEWS_UNDER:-}" ] &&
	    ! { ldd "$MESOSNEWS"; nm "$MESOSNEWS"; } 2>/dev/null |
	    grep -q 'libasan\|__asan_init'; then
		/usr/bin/time -f %M -o "$TMP/$big.rss-kb" "$MESOSNEWS" --text \
		    --width 80 "$TMP/$big.rss" >"$TMP/$big.out" 2>"$TMP/$big.err"
		rc=$?
		kb=$(tail -n 1 "$TMP/$big.rss-kb")
		check "$big: peak RSS $kb KB under 128 MB" \
		    test "$kb" -lt 131072
	else
		run "$big" --text --width 80 "$TMP/$big.rss"
	fi
	expect_eq "$big: status" "$rc" 0
	# A title is cut to 4 KiB when read, a description laid out up
	# to LAYOUT_MAX_BLOCK: each with its marker.
	case $big in
	bigtitle) mark='xxx…' ;;
	*) mark='x […]' ;;
	esac
	check "$big: the marker says the rest is left out" \
	    grep -qF "$mark" "$TMP/$big.out"
	check "$big: about LAYOUT_MAX_BLOCK of it" \
	    test "$(wc -c < "$TMP/$big.out")" -lt 1200000
	rm -f "$TMP/$big.rss" "$TMP/$big.out"
done

# Errors: one line, status 1.
run noissue --issue 42 "$S"
expect_eq "no such issue: status" "$rc" 1
expect_eq "no such issue: message" "$(cat "$TMP/noissue.err")" \
    "mesosnews: no issue '42' (there are 8: see mesosnews --list)"
run nosection --section nothing-like-this "$S"
expect_eq "no such section: status" "$rc" 1
check "no such section: names the sections" \
    grep -q "Here are some recent highlights" "$TMP/nosection.err"
run badcolor --color=sometimes "$S"
expect_eq "bad --color: status" "$rc" 2
expect_eq "bad --color: message" "$(cat "$TMP/badcolor.err")" \
    "mesosnews: --color: expected auto, always or never"

# Hostile text in every field never reaches the output as a control.
"${PYTHON3:-python3}" - "$TMP/hostile.rss" <<'PY'
import sys
esc = "\x1b[31m\x1b]52;c;aGk=\x07\x1b]8;;http://evil/\x07"
c1 = "\u009b2J\u0085"
bidi = "\u202e\u2066"
doc = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t{esc}</title>
<item><title>Title{esc}{c1}{bidi}</title>
<author>Author{esc}{c1}</author>
<link>http://example.org/{c1}x</link>
<description><![CDATA[<p>Body{esc}{c1}{bidi}</p>
<h3>Head{esc}{c1}:</h3><p><a href="http://example.org/{c1}">link{esc}</a></p>
<pre>code{esc}{c1}</pre>]]></description></item></channel></rss>
"""
open(sys.argv[1], "w", encoding="utf-8").write(doc)
PY
run hostile --color=always --width 60 "$TMP/hostile.rss"
expect_eq "hostile: status" "$rc" 0
sed -E -e 's/\x1b\[[0-9;]*m//g' \
    -e 's/\x1b\]8;;((https?|mailto):[!-~]*)?\x1b\\//g' \
    "$TMP/hostile.out" >"$TMP/hostile.plain"
no_escape "hostile: no control once our own SGR is removed" \
    "$TMP/hostile.plain"
check "hostile: text survives" grep -q "Title\[31m" "$TMP/hostile.plain"

# Smart punctuation follows the user's own locale: curly quotes and dashes
# in a UTF-8 one, straight ones where the terminal cannot show them.
printf -- '---\ntitle: Quotes\ndate: 2014-03-20\n---\nIt is "quoted" -- here.\n' \
    >"$TMP/2014-03-20-quotes.md"
run quotes-utf8 --width 60 "$TMP/2014-03-20-quotes.md"
check "UTF-8 locale: curly quotes" grep -qF 'It is “quoted” – here.' \
    "$TMP/quotes-utf8.out"
LC_ALL=C run quotes-c --width 60 "$TMP/2014-03-20-quotes.md"
check "C locale: straight quotes" grep -qF 'It is "quoted" -- here.' \
    "$TMP/quotes-c.out"

# Relative links of a Markdown post: as written (never file://) without a
# base; absolute with --base-url or the config's base-url, from the
# front matter's permalink.
run rel-none --links "$srcdir/tests/textmode/2014-03-20-relative.md"
expect_eq "no base: links as written" "$(cat "$TMP/rel-none.out")" \
"[1] /documentation/latest/
[2] ../next/"
run rel-base --links --base-url http://mesos.apache.org \
    "$srcdir/tests/textmode/2014-03-20-relative.md"
expect_eq "--base-url: absolute links" "$(cat "$TMP/rel-base.out")" \
"[1] http://mesos.apache.org/documentation/latest/
[2] http://mesos.apache.org/blog/next/"
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
echo "base-url https://mesos.apache.org" >"$XDG_CONFIG_HOME/mesosnews/config"
run rel-conf --links "$srcdir/tests/textmode/2014-03-20-relative.md"
rm -f "$XDG_CONFIG_HOME/mesosnews/config"
expect_eq "config base-url: absolute links" "$(cat "$TMP/rel-conf.out")" \
"[1] https://mesos.apache.org/documentation/latest/
[2] https://mesos.apache.org/blog/next/"
run rel-bad --links --base-url file:///tmp \
    "$srcdir/tests/textmode/2014-03-20-relative.md"
expect_eq "--base-url: http(s) only" "$rc" 2

# Nothing to resolve them against: as written and marked in the text (the
# post's link too), never a file: URL.
run rel-text --width 40 "$srcdir/tests/textmode/2014-03-20-relative.md"
expect_eq "no base: the text says they are relative" \
    "$(cat "$TMP/rel-text.out")" \
"Relative links
══════════════
2014-03-20
/blog/relative-links/ (relative: no base
URL)

See the docs[1] and the next post[2].

References
──────────

[1] /documentation/latest/ (relative: no
    base URL)
[2] ../next/ (relative: no base URL)"
check "no base: no file: URL" sh -c "! grep -q 'file:' '$TMP/rel-text.out'"

# A feed line's own base-url= wins over the global base-url for that
# feed; --base-url wins over both.
mkdir -p "$TMP/harbour" "$TMP/ferry"
cat >"$TMP/harbour/2021-05-02-moorings.md" <<'POST'
---
title: New moorings
permalink: /log/2021/05/new-moorings/
---
See [the chart](/charts/north-basin.pdf), [last week's note](../ferry-times/)
and [the index](index.html).
POST
cp "$TMP/harbour/2021-05-02-moorings.md" "$TMP/ferry/"
cat >"$TMP/feeds.conf" <<CONF
base-url https://global.example.org
feed $TMP/harbour base-url=https://harbour.example.net Harbour log
feed $TMP/ferry
CONF
run feed-base --config "$TMP/feeds.conf" --width 60 "$TMP/harbour"
expect_eq "feed base-url=: its posts resolve against it" \
    "$(cat "$TMP/feed-base.out")" \
"New moorings
════════════
2021-05-02
https://harbour.example.net/log/2021/05/new-moorings/

See the chart[1], last week’s note[2] and the index[3].

References
──────────

[1] https://harbour.example.net/charts/north-basin.pdf
[2] https://harbour.example.net/log/2021/05/ferry-times/
[3] https://harbour.example.net/log/2021/05/new-moorings/index.html"
run feed-global --config "$TMP/feeds.conf" --links "$TMP/ferry"
expect_eq "a feed without base-url=: the global one" \
    "$(cat "$TMP/feed-global.out")" \
"[1] https://global.example.org/charts/north-basin.pdf
[2] https://global.example.org/log/2021/05/ferry-times/
[3] https://global.example.org/log/2021/05/new-moorings/index.html"
run feed-cli --config "$TMP/feeds.conf" --base-url http://cli.example.com \
    --links "$TMP/harbour"
expect_eq "--base-url wins over a feed's base-url=" \
    "$(cat "$TMP/feed-cli.out")" \
"[1] http://cli.example.com/charts/north-basin.pdf
[2] http://cli.example.com/log/2021/05/ferry-times/
[3] http://cli.example.com/log/2021/05/new-moorings/index.html"
run feed-list --config "$TMP/feeds.conf" --feeds
check "the feed's name follows base-url=" grep -q "Harbour log" \
    "$TMP/feed-list.out"
printf 'feed %s base-url=file:///srv/site\n' "$TMP/harbour" \
    >"$TMP/badbase.conf"
run feed-bad --config "$TMP/badbase.conf" --links "$TMP/harbour"
expect_eq "feed base-url=: http(s) only" "$rc" 2
expect_eq "feed base-url=: the message" "$(cat "$TMP/feed-bad.err")" \
    "mesosnews: $TMP/badbase.conf:1: feed $TMP/harbour: base-url= needs an http or https URL"

done_testing
