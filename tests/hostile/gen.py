#!/usr/bin/env python3
"""gen.py OUTDIR MARKER PORT: write the hostile-input documents of
tests/hostile.sh into OUTDIR.

MARKER is the path of a secret file that external entities and XInclude
try to pull in; PORT is the loopback port of tests/hostile/httpd.py, which
records every request it gets.  Nothing here is a real newsletter: the
text is written for the tests.  Large documents are generated, not kept in
the tree.
"""

import json
import os
import sys

OUT, MARKER, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])
URL = "http://127.0.0.1:%d" % PORT
ATOM = "http://www.w3.org/2005/Atom"
DATE = "2014-05-01T12:00:00Z"

# What a feed may try to send to a terminal: CSI (colour, clear screen,
# device status report, window resize, title report), OSC 52 (clipboard),
# OSC 8 (hyperlink), OSC 0 (window title), DCS, and the same as C1 code
# points (U+009B CSI, U+009D OSC, U+0090 DCS, U+0085 NEL).
ESC = ("\x1b[31m\x1b[2J\x1b[6n\x1b[8;1;1t\x1b[21t"
       "\x1b]52;c;SEVMTE8=\x07\x1b]8;;http://evil.example/\x1b\\"
       "\x1b]0;pwned\x07\x1bP+q\x1b\\")
C1 = "\u009b6n\u009d0;pwned\u009c\u0090x\u009c\u0085"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as fp:
        fp.write(data)


def rss(items, head="", decl='<?xml version="1.0" encoding="utf-8"?>\n'):
    return (decl + head + '<rss version="2.0"><channel><title>Hostile'
            '</title>\n' + "".join(items) + "</channel></rss>\n")


def item(n, title=None, body="<p>body</p>"):
    return ("<item><title>%s</title><link>http://example.org/%d</link>"
            "<guid>urn:hostile:%d</guid>"
            "<pubDate>Thu, 01 May 2014 12:00:00 GMT</pubDate>"
            "<description><![CDATA[%s]]></description></item>\n"
            % (title or "Item %d" % n, n, n, body))


def atom(entries, head="", extra=""):
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + head +
            '<feed xmlns="%s"%s><title>Hostile</title>\n' % (ATOM, extra) +
            "<id>urn:hostile:feed</id><updated>%s</updated>\n" % DATE +
            "".join(entries) + "</feed>\n")


def entry(n, title=None, content="<p>body</p>", ctype="html", attrs="",
          link=None, author="Ann Writer"):
    if ctype == "xhtml":
        c = ('<content type="xhtml"><div xmlns="http://www.w3.org/1999/'
             'xhtml">%s</div></content>' % content)
    else:
        c = '<content type="%s"><![CDATA[%s]]></content>' % (ctype, content)
    return ('<entry%s><id>urn:hostile:%d</id><title>%s</title>'
            '<link href="%s"/><author><name>%s</name></author>'
            '<updated>%s</updated>%s</entry>\n'
            % (attrs, n, title or "Entry %d" % n,
               link or "http://example.org/%d" % n, author, DATE, c))


def laughs(root):
    """Ten levels of ten: 10^10 copies of "lol" if ever expanded."""
    d = ['<!DOCTYPE %s [\n <!ENTITY lol0 "lol">\n' % root]
    for i in range(1, 10):
        d.append(' <!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1)) * 10))
    d.append("]>\n")
    return "".join(d)


def main():
    os.makedirs(OUT, exist_ok=True)

    # Entities: refused as soon as the DTD declares one.
    write("laughs.rss", rss([item(1, "&lol9;", "&lol9;")], laughs("rss")))
    write("laughs.atom", atom([entry(1, "&lol9;")], laughs("feed")))
    big = "x" * 65536
    write("quadratic.rss", rss([item(1, "Q", "")], '<!DOCTYPE rss [\n'
          ' <!ENTITY q "%s">\n]>\n' % big).replace(
          "<p>body</p>", "").replace("<title>Q</title>",
          "<title>" + "&q;" * 65536 + "</title>"))
    write("cycle.atom", atom([entry(1, "&a;")], '<!DOCTYPE feed [\n'
          ' <!ENTITY a "&b;">\n <!ENTITY b "&a;">\n'
          ' <!ENTITY self "&self;">\n]>\n'))
    write("xxe-file.rss", rss([item(1, "Secret: &x;")], '<!DOCTYPE rss [\n'
          ' <!ENTITY x SYSTEM "file://%s">\n]>\n' % MARKER))
    write("xxe-url.atom", atom([entry(1, "Remote: &x;")], '<!DOCTYPE feed [\n'
          ' <!ENTITY x SYSTEM "%s/xxe-entity">\n]>\n' % URL))
    write("xxe-param.rss", rss([item(1, "Param")], '<!DOCTYPE rss [\n'
          ' <!ENTITY %% p SYSTEM "%s/xxe-param">\n %%p;\n]>\n' % URL))

    # External DTDs: never loaded, the feed reads as if they were absent.
    write("dtd-url.rss", rss([item(1, "Caf&eacute; with a DTD")],
          '<!DOCTYPE rss SYSTEM "%s/evil.dtd">\n' % URL))
    write("dtd-file.atom", atom([entry(1, "Local DTD &amp; &nbsp;x")],
          '<!DOCTYPE feed SYSTEM "file://%s">\n' % MARKER))

    # XInclude: never processed; the elements are unknown and ignored.
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    write("xinclude.atom", atom([entry(
        1, 'Include <xi:include href="file://%s" parse="text"/>' % MARKER,
        '<p>Before</p><xi:include href="file://%s" parse="text"/>'
        '<xi:include href="%s/xinclude"/><p>After</p>' % (MARKER, URL),
        ctype="xhtml")], extra=" " + xi).replace(
        "</entry>", '<xi:include href="file://%s" parse="text"/>'
        '</entry>' % MARKER))

    # Nesting.
    n = 100000
    write("deep-xml.rss", rss([item(1, "Deep", "")]).replace(
        "<description>", "<x>" * n + "</x>" * n + "<description>"))
    write("deep-xhtml.atom", atom([entry(1, "Deep xhtml",
          "<div>" * n + "deep" + "</div>" * n, ctype="xhtml")]))
    write("deep-html.atom", atom([entry(1, "Deep HTML",
          "<p>top</p>" + "<blockquote><div><b>" * n + "deep"
          + "</b></div></blockquote>" * n + "<p>bottom</p>")]))
    write("lists.atom", atom([entry(1, "Unclosed lists",
          "<p>top</p>" + "<ul><li>item" * 20000 + "<p>bottom</p>")]))

    # Invalid UTF-8 of every kind, in the title and the content: lone
    # continuation bytes, overlong forms, surrogates, beyond U+10FFFF,
    # bytes that never start a sequence, and sequences cut short.
    bad = [b"\x80", b"\xbf", b"\xc0\xaf", b"\xc1\xbf", b"\xe0\x80\xaf",
           b"\xf0\x80\x80\xaf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
           b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xf8\x88\x80\x80\x80",
           b"\xfc\x84\x80\x80\x80\x80", b"\xfe", b"\xff", b"\xc2",
           b"\xe2\x82", b"\xf0\x9f\x98", b"\x9b"]
    t = b"|".join(bad)
    doc = (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">'
           b"<channel><title>Bad</title>\n<item><title>A" + t +
           b"Z</title><author>" + t + b"</author><guid>urn:bad:1</guid>"
           b"<pubDate>Thu, 01 May 2014 12:00:00 GMT</pubDate>"
           b"<description><![CDATA[<h2>H" + t + b"</h2><p>P" + t +
           b'</p><p><a href="http://example.org/' + t + b'">L' + t +
           b"</a></p>]]></description></item>\n</channel></rss>\n")
    write("badutf8.rss", doc)
    # The document ends inside a sequence (and inside elements).
    write("cut.atom", atom([entry(1, "Cut")]).encode()[:-40] + b"\xe2\x82")
    write("cut-after.rss", rss([item(1, "Ends after the root")]).encode()
          + b"\xf0\x9f")

    # Declared encodings that lie.
    write("lie-latin1.rss", rss([item(1, "Caf\u00e9 \u2014 na\u00efve")],
          decl='<?xml version="1.0" encoding="ISO-8859-1"?>\n'))
    write("lie-utf8.rss", rss([item(1, "Caf\u00e9 na\u00efve")]).encode(
        "latin-1"))
    write("lie-utf16.rss", rss([item(1, "Sixteen")],
          decl='<?xml version="1.0" encoding="UTF-16"?>\n'))
    write("lie-bogus.rss", rss([item(1, "Bogus")],
          decl='<?xml version="1.0" encoding="x-no-such-charset"?>\n'))

    # NUL bytes, in the markup and in the text.
    write("nul.rss", rss([item(1, "N\x00U\x00L", "<p>zero\x00byte</p>"),
                          item(2, "Second\x00")]).replace("<channel>",
                          "<channel\x00>"))

    # Size.
    write("title5m.atom", atom([entry(1, "T" + "itle " * (1 << 20))]))
    write("items100k.rss", rss([item(i) for i in range(1, 100001)]))
    attrs = "".join(' a%d="v"' % i for i in range(50000))
    write("attrs50k.atom", atom([entry(
        1, "Many attributes", '<p%s>para</p>' % attrs, ctype="xhtml",
        attrs=attrs).replace('<link href=', '<link%s href=' % attrs)]))

    # The same in UTF-16, which bypasses the byte filter.
    with open(os.path.join(OUT, "attrs50k.atom"), encoding="utf-8") as fp:
        write("attrs50k-16.atom", b"\xff\xfe" + fp.read().replace(
            'encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16-le"))
    # HTML content, which only html.c parses.
    for n in (20000, 200000):
        write("html-attrs%dk.atom" % (n // 1000), atom([entry(
            1, "HTML attributes", "<p%s>para</p>" % "".join(
                ' a%d="v"' % i for i in range(n)))]))

    # Terminal controls in every field: raw bytes (the XML layer drops
    # C0 controls, C1 code points pass it), XML character references,
    # HTML character references inside the content, and a Markdown post
    # that no XML layer filters at all.
    raw = ESC + C1 + BIDI
    ref = "".join("&#x%x;" % ord(c) for c in raw)

    def body(p):
        return ('<p>Para %s end</p><h3>Head %s ing</h3>'
                '<p>See <a href="http://example.org/%sa">link %s text</a>'
                ' and <a href="http://example.org/b">%s</a>.</p>'
                '<pre>pre %s\n</pre><ul><li>li %s</li></ul>'
                '<h3>Second %s head</h3><p>more</p>'
                % (p, p, p, p, p, p, p, p))

    def esc_html(s):
        return s.replace("&", "&amp;").replace("<", "&lt;")

    write("esc.rss", rss([
        "<item><title>Title %s end</title><author>Au %sthor</author>"
        "<link>http://example.org/%sx</link><guid>urn:esc:1</guid>"
        "<pubDate>Thu, 01 May 2014 12:00:00 GMT</pubDate>"
        "<description><![CDATA[%s%s]]></description></item>\n"
        % (raw, raw, raw, body(raw), body(ref))]).replace(
        "<title>Hostile", "<title>Feed " + raw))
    write("esc.atom", atom([
        entry(1, "Title %s end" % ref, esc_html(body(ref)), ctype="html",
              link="http://example.org/%sx" % ref,
              author="Au %sthor" % ref).replace(
              "<![CDATA[", "").replace("]]>", ""),
        entry(2, "Xhtml %s end" % ref, body(ref), ctype="xhtml"),
        entry(3, "Text %s end" % ref, "Para %s end" % ref, ctype="text")
        .replace("<![CDATA[", "").replace("]]>", "")]))
    write("esc-post.md", "---\ntitle: \"Post " + raw + " title\"\n"
          "author: \"Au " + raw + "thor\"\ndate: 2014-05-01\n"
          "permalink: \"http://example.org/" + raw + "post\"\n---\n\n"
          "Para " + raw + " end\n\n### Head " + raw + " ing\n\n"
          "See [link " + raw + " text](http://example.org/" + raw +
          "md).\n\n    code " + raw + "\n\n* li " + raw + "\n")

    # Markdown posts, which no XML layer guards: deep quotes, 20k nested
    # lists on one line, invalid UTF-8 and NUL bytes (the body ends at
    # the first NUL).
    write("2014-05-01-deep.md", "---\ntitle: Deep post\n---\n\n" +
          "> " * 100000 + "quoted\n\n" + "- " * 20000 + "listed\n")
    write("2014-05-02-bad.md", b"---\ntitle: \"Bad \xff\xc0\xaf\xed\xa0"
          b"\x80 post\"\nauthor: \"\x9b\xe2\x82 Au\"\n---\n\n"
          b"Para \xf5\x80\x80\x80 \xc2 end\n\n## Head \xfe\n\n"
          b"Cut\x00 here, never shown\n")

    # A front matter list of 100k tags.
    write("2014-05-03-tags.md", "---\ntitle: Tags\ntags:\n" + "".join(
        "  - tag%d\n" % i for i in range(100000)) + "---\n\nbody\n")

    # JSON Feed: deep nesting, controls as JSON escapes in every field,
    # lone surrogates and NUL escapes, invalid UTF-8, 100k items.
    v = '"version":"https://jsonfeed.org/version/1.1"'
    write("deep.json", '{%s,"items":[%s%s]}' % (v, "[" * 100000,
                                               "]" * 100000))
    write("deep-object.json", '{%s,"items":[{"id":"1","x":%s1%s}]}'
          % (v, '{"a":' * 100000, "}" * 100000))
    write("esc.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Feed " + raw, "items": [{
            "id": "urn:esc:json", "title": "Title " + raw + " end",
            "url": "http://example.org/" + raw + "x",
            "authors": [{"name": "Au " + raw + "thor"}],
            "date_published": DATE,
            "content_html": body(raw) + body(ref).replace(
                'href="http://example.org/b"',
                'href="http://example.org/c"')}]}))
    write("surrogates.json", '{%s,"items":[{"id":"1","title":"a\\ud800b'
          '\\udfffc\\ud83d\\ude00d\\u0000e","content_text":"x\\u0000y"}]}'
          % v)
    write("badutf8.json", b'{' + v.encode() + b',"items":[{"id":"1",'
          b'"title":"a' + t + b'z","content_text":"p' + t + b'q"}]}')
    write("items100k.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": str(i), "title": "Item %d" % i, "content_text": "body",
             "date_published": DATE} for i in range(1, 100001)]}))

    # 18 MB of JSON Feed: over the JSON cap, refused at once.
    write("items-over-cap.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": str(i), "title": "Item %d" % i,
             "content_text": "body", "date_published": DATE}
            for i in range(1, 170001)]}))

    # Bidi controls alone: the text reads in order once they are gone.
    write("bidi.atom", atom([entry(
        1, "\u202eevil\u202c txt.exe \u2066a\u2069",
        "<p>\u202eright\u202c to \u2067left\u2069</p>",
        author="\u2067Bob\u2069")]))

    # xml:base="javascript:": relative links resolve into that scheme.
    write("jsbase.atom", atom([entry(
        1, "Script base", '<p><a href="alert(1)">one</a> '
        '<a href="//x/y">two</a> <a href="http://example.org/ok">three</a>'
        '</p>', link="alert(document.cookie)",
        attrs=' xml:base="javascript:"')]))

    # Dot segments: references that go half a million segments down and
    # climb all the way back up (each "../" drops one segment).
    n = 500000
    down = "a/" * n + "../" * n
    write("dots.atom", atom([entry(
        1, "Dots", '<p><a href="%sy">up</a> <a href="%sz">here</a></p>'
        % (down, "./" * n + down), link=down + "x")],
        extra=' xml:base="http://h.example/"'))

    # Nested xml:base, each 40 kB more than its parent: 1.2 GB of bases
    # if every open element kept its own.
    levels = 240
    write("basebomb.atom", atom([entry(1, "Bases", link="y").replace(
        '<link href="y"/>', '<x xml:base="%s">' % ("a/" * 20000) * levels +
        '<x xml:base="deep/"><link href="y"/></x>' + "</x>" * levels)],
        extra=' xml:base="http://h.example/"'))

    # The gzip bomb's feed, and an ordinary feed for the TUI.
    write("plain.atom", atom([entry(1, "Plain")]))


main()
