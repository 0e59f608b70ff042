#!/bin/sh
# mesosnews --list: the index of feeds and Markdown posts, and its errors.
. "$srcdir/tests/lib.sh"
D="$srcdir/tests/list"

# run NAME ARGS...: stdout to $TMP/NAME.out, stderr to $TMP/NAME.err,
# status to $rc.
run() {
	local name=$1; shift
	"$MESOSNEWS" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" </dev/null
	rc=$?
}

run mixed --list --width 80 "$D/mixed.atom"
expect_eq "mixed status" "$rc" 0
golden "mixed atom" "$TMP/mixed.out" "$D/mixed.atom.expected"
expect_eq "bare ampersand warning" "$(cat "$TMP/mixed.err")" \
    "mesosnews: $D/mixed.atom: warning: repaired 1 bare ampersand"

run rss --list --width 80 "$D/mixed.rss"
golden "mixed rss" "$TMP/rss.out" "$D/mixed.rss.expected"
check "rss: no warning" test ! -s "$TMP/rss.err"

run hostile --list --width 80 "$D/hostile.rss"
expect_eq "hostile status" "$rc" 0
golden "hostile" "$TMP/hostile.out" "$D/hostile.rss.expected"
no_escape "hostile stdout" "$TMP/hostile.out"
no_escape "hostile stderr" "$TMP/hostile.err"

run posts --list --width 80 "$D/posts"
golden "posts" "$TMP/posts.out" "$D/posts.expected"
run posts40 --list --width 40 "$D/posts"
golden "posts at 40" "$TMP/posts40.out" "$D/posts40.expected"
run post --list --width 80 "file://$(cd "$D" && pwd)/posts/2014-04-11-community-update-2.md"
expect_eq "one post by file URL" "$(cat "$TMP/post.out")" \
    "1  2014-04-11  Mesos Community Update #2  Dave Lester"

# Errors: one line naming the source, status 1, nothing on stdout.
err_case() {
	local name=$1 want=$2; shift 2
	run "$name" --list "$@"
	expect_eq "$name status" "$rc" 1
	expect_eq "$name message" "$(cat "$TMP/$name.err")" "$want"
	check "$name: nothing printed" test ! -s "$TMP/$name.out"
}

err_case missing "mesosnews: $TMP/nope.xml: No such file or directory" \
    "$TMP/nope.xml"
printf '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>x' \
    >"$TMP/trunc.xml"
err_case truncated "mesosnews: $TMP/trunc.xml: line 2: document is truncated (it ends inside an element)" \
    "$TMP/trunc.xml"
printf 'Subject: not a feed\n\nhello\n' >"$TMP/mail.txt"
err_case notxml "mesosnews: $TMP/mail.txt: line 1: not an XML document" \
    "$TMP/mail.txt"
printf '<html><body><p>hi</p></body></html>\n' >"$TMP/page.html"
err_case root "mesosnews: $TMP/page.html: line 1: unknown root element <html>: not an RSS or Atom feed" \
    "$TMP/page.html"
# Nothing half-way: a good source followed by a bad one prints nothing.
err_case halfway "mesosnews: $TMP/trunc.xml: line 2: document is truncated (it ends inside an element)" \
    "$D/mixed.rss" "$TMP/trunc.xml"

cat >"$TMP/laughs.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<rss version="2.0"><channel><item><title>&c;</title></item></channel></rss>
XML
err_case laughs "mesosnews: $TMP/laughs.xml: line 3: the document declares XML entities, which are refused" \
    "$TMP/laughs.xml"
cat >"$TMP/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>
XML
err_case xxe "mesosnews: $TMP/xxe.xml: line 2: the document declares XML entities, which are refused" \
    "$TMP/xxe.xml"
check "xxe: no passwd contents" sh -c "! grep -q 'root:' '$TMP/xxe.out' '$TMP/xxe.err'"

# An external DTD is never fetched; the feed loads.
cat >"$TMP/dtd.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://127.0.0.1:9/rss-0.91.dtd">
<rss version="0.91"><channel><item><title>Caf&eacute; &amp; more</title>
<link>http://example.org/</link></item></channel></rss>
XML
run dtd --list "$TMP/dtd.xml"
expect_eq "external dtd" "$(cat "$TMP/dtd.out")" "1              Café & more"

"${PYTHON3:-python3}" -c '
import sys
n = 100000
sys.stdout.write("<rss version=\"2.0\"><channel><item>" + "<x>" * n +
    "</x>" * n + "</item></channel></rss>\n")' >"$TMP/deep.xml"
err_case deep "mesosnews: $TMP/deep.xml: line 1: elements nested deeper than 256" \
    "$TMP/deep.xml"

# A 100 MB document stops at the 64 MiB cap.
"${PYTHON3:-python3}" -c '
import sys
item = "<item><title>t</title><description>" + "x" * 1000 + \
    "</description></item>\n"
sys.stdout.write("<rss version=\"2.0\"><channel>\n")
for _ in range(100 * 1024 * 1024 // len(item) + 1):
    sys.stdout.write(item)
sys.stdout.write("</channel></rss>\n")' >"$TMP/huge.xml"
err_case huge "mesosnews: $TMP/huge.xml: document is larger than 64 MiB" \
    "$TMP/huge.xml"
# The cap is the config's max-size, for local files too.
printf 'max-size 128M\n' >"$TMP/big.conf"
run hugeok --config "$TMP/big.conf" --list "$TMP/huge.xml"
expect_eq "max-size from the config: status" "$rc" 0
expect_eq "max-size from the config: every item" \
    "$(wc -l <"$TMP/hugeok.out")" "$(grep -c "<item>" "$TMP/huge.xml")"
rm -f "$TMP/huge.xml"

printf -- '---\ntitle: ok\nthis is not yaml\n---\nbody\n' \
    >"$TMP/2014-01-01-bad.md"
err_case badpost "mesosnews: $TMP/2014-01-01-bad.md: line 3: expected 'key: value'" \
    "$TMP/2014-01-01-bad.md"

run badwidth --list --width 0
expect_eq "bad width status" "$rc" 2

# Whole fields: into a pipe nothing is cut, and -w fits (titles first,
# then authors down to 24 columns); --tsv is tab-separated, with the feed
# when there are several.
LONG_T="Mesos Community Update #9: the 0.21.0 release, MesosCon Europe, and a long list of things"
LONG_A="Dave Lester, Matt Trifiro, Benjamin Hindman and Tobias Knaup"
cat >"$TMP/long.atom" <<ATOM
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Long</title>
<id>urn:mn:long</id><updated>2014-11-06T10:00:00Z</updated>
<entry><id>urn:mn:long:1</id><title>$LONG_T</title>
<author><name>$LONG_A</name></author>
<updated>2014-11-06T10:00:00Z</updated><content>x</content></entry>
</feed>
ATOM
"$MESOSNEWS" --list "$TMP/long.atom" >"$TMP/long.out" 2>&1
expect_eq "pipe: whole fields" "$(cat "$TMP/long.out")" \
    "1  2014-11-06  $LONG_T  $LONG_A"
"$MESOSNEWS" --list -w 1000 "$TMP/long.atom" >"$TMP/long1000.out" 2>&1
expect_eq "-w 1000: whole fields" "$(cat "$TMP/long1000.out")" \
    "1  2014-11-06  $LONG_T  $LONG_A"
"$MESOSNEWS" --list -w 160 "$TMP/long.atom" >"$TMP/long160.out" 2>&1
expect_eq "-w 160: the author cut to what is left" \
    "$(cat "$TMP/long160.out")" \
    "1  2014-11-06  $LONG_T  Dave Lester, Matt Trifiro, Benjamin Hindman and Tobia…"
"$MESOSNEWS" --list -w 80 "$TMP/long.atom" >"$TMP/long80.out" 2>&1
expect_eq "-w 80: title cut, author at 24" "$(cat "$TMP/long80.out")" \
    "1  2014-11-06  Mesos Community Update #9: the 0.21.0 …  Dave Lester, Matt Trifi…"
cp "$TMP/long.atom" "$TMP/long2.atom"
"$MESOSNEWS" --list --tsv "$TMP/long.atom" "$TMP/long2.atom" \
    >"$TMP/tsv.out" 2>&1
printf '1\t2014-11-06\t%s\t%s\tLong\n2\t2014-11-06\t%s\t%s\tLong\n' \
    "$LONG_T" "$LONG_A" "$LONG_T" "$LONG_A" >"$TMP/tsv.want"
golden "--tsv, two feeds" "$TMP/tsv.out" "$TMP/tsv.want"
"$MESOSNEWS" --tsv "$TMP/long.atom" >/dev/null 2>"$TMP/tsv-alone.err"
expect_eq "--tsv alone" "$(cat "$TMP/tsv-alone.err")" \
    "mesosnews: --tsv goes with --list or --feeds"

done_testing
