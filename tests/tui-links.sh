#!/bin/sh
# Opening links from the reader: a recording "browser" set through
# $BROWSER receives each URL as exactly one argument, hostile URLs run
# nothing, and schemes other than http, https and mailto are refused.
. "$srcdir/tests/tuilib.sh"

LOG="$TMP/argv.log"
cat >"$TMP/rec.sh" <<SH
#!/bin/sh
{ printf 'argc=%d\n' \$#; for a; do printf '[%s]\n' "\$a"; done; } >>'$LOG'
SH
chmod +x "$TMP/rec.sh"
# A "terminal browser" by name: it gets the screen until it exits.
mkdir -p "$TMP/bin"
cat >"$TMP/bin/lynx" <<SH
#!/bin/sh
printf 'lynx %s\n' "\$*" >>'$LOG'
printf 'pretending to browse, press a key\n'
read -r line
SH
chmod +x "$TMP/bin/lynx"
rm -f /tmp/pwned

cat >"$TMP/links.atom" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Hostile links (test fixture)</title>
<id>urn:mesosnews:test:hostile-feed</id>
<updated>2014-06-20T09:00:00Z</updated>
<entry xml:base="http://x/">
<title>Links that try to escape</title>
<link href="http://x/issue"/>
<id>urn:mesosnews:test:hostile</id>
<updated>2014-06-20T09:00:00Z</updated>
<content type="html"><![CDATA[
<p>One <a href="http://x/$(touch /tmp/pwned)">dollar</a>,
two <a href="http://x/`touch y`">backticks</a>,
three <a href="http://x/;id">semicolon</a>,
four <a href="http://x/'a'">quotes</a>,
five <a href="-oProxyCommand=x">option</a>,
six <a href="javascript:alert(1)">script</a>,
seven <a href="file:///etc/passwd">file</a>,
eight <a href="mailto:dev@mesos.example.org">mail</a>,
nine <a href="data:text/html,hi">data</a>,
ten <a href="https://example.org/a b?c=&quot;d&quot;">plain</a>.</p>
]]></content>
</entry>
</feed>
XML

# wait_log N: wait (at most 5 s) for N records in the log.
wait_log() {
	local i=0
	while [ $i -lt 100 ]; do
		[ "$(grep -c '^argc=\|^lynx' "$LOG" 2>/dev/null)" -ge "$1" ] &&
		    return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "the browser did not record $1 runs"
}

export BROWSER="$TMP/rec.sh"
tui_start 160 30 "$TMP/links.atom"
settle "refreshed: 1 new issue"
press "Links that try to escape" Enter
# javascript: and data: links never get a number: their text is plain.
on_screen "no number for javascript: or data:" \
    "nine data, ten plain[8]."
press "link 1_" 1
press "opened http://x/\$(touch%20/tmp/pwned) in $TMP/rec.sh" Enter
wait_log 1
press "opened http://x/\`touch%20y\` in" 2 Enter
wait_log 2
press "opened http://x/;id in" 3 Enter
wait_log 3
press "opened http://x/'a' in" 4 Enter
wait_log 4
press "opened http://x/-oProxyCommand=x in" 5 Enter
wait_log 5
press "refusing to open file:///etc/passwd: only http, https and mailto" \
    6 Enter
press "opened mailto:dev@mesos.example.org in" 7 Enter
wait_log 6
press "opened https://example.org/a%20b?c=\"d\" in" 8 Enter
wait_log 7
press "no link 9: this issue has 8" 9 Enter
# The link pane: select with j, open with o.
press "Links (8)" l
press "›2 • backticks" j
press "opened http://x/\`touch%20y\` in" o
wait_log 8

cat >"$TMP/want.log" <<'LOG'
argc=1
[http://x/$(touch%20/tmp/pwned)]
argc=1
[http://x/`touch%20y`]
argc=1
[http://x/;id]
argc=1
[http://x/'a']
argc=1
[http://x/-oProxyCommand=x]
argc=1
[mailto:dev@mesos.example.org]
argc=1
[https://example.org/a%20b?c="d"]
argc=1
[http://x/`touch%20y`]
LOG
golden "argv received by the browser" "$LOG" "$TMP/want.log"
check "no command ran from a URL" test ! -e /tmp/pwned
check "no file y" test ! -e "$TMP/cwd/y"
press "[exit 0]" q q q

# A terminal browser gets the screen and gives it back.
: >"$LOG"
export BROWSER="$TMP/bin/lynx"
tui_start 100 30 "$TMP/links.atom"
settle "refreshed: no new issues"
press "Links that try to escape" Enter
press "pretending to browse" 3 Enter
wait_log 1
press "opened http://x/;id in $TMP/bin/lynx" Enter
expect_eq "terminal browser argv" "$(cat "$LOG")" "lynx http://x/;id"
press "[exit 0]" q q

# The reader resolves a Markdown post's relative links from --base-url as
# text mode does (both front-ends take the same library options).
tui_start 100 20 --base-url http://mesos.apache.org \
    "$(cd "$srcdir" && pwd)/tests/textmode/2014-03-20-relative.md"
settle "Relative links"
press "See the docs[1]" Enter
press "Links (2)" l
on_screen "--base-url in the reader" \
    "http://mesos.apache.org/documentation/latest/"
on_screen "--base-url in the reader, relative to the permalink" \
    "http://mesos.apache.org/blog/next/"
press "[exit 0]" q q q

# And a feed line's own base-url, which the import of its posts uses.
mkdir -p "$XDG_CONFIG_HOME/mesosnews"
printf 'feed %s base-url=https://feed.example.org\n' \
    "$(cd "$srcdir" && pwd)/tests/textmode/2014-03-20-relative.md" \
    >"$XDG_CONFIG_HOME/mesosnews/config"
tui_start 100 20 --cache "$TMP/perfeed.db"
settle "Relative links"
press "See the docs[1]" Enter
press "Links (2)" l
on_screen "a feed's base-url in the reader" \
    "https://feed.example.org/documentation/latest/"
press "[exit 0]" q q q
rm -f "$XDG_CONFIG_HOME/mesosnews/config"

done_testing
