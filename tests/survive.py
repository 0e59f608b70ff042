#!/usr/bin/env python3
"""survive.py - check the text of issues as text mode prints it (issue 13):
no URL split across lines, no file: URL, an http(s) link for every entry,
no line wider than the width but for a URL or a code line.

usage: survive.py [-r] WIDTH SOURCE TEXT LINKS [TEXT LINKS ...]
TEXT is an issue printed with --width WIDTH, LINKS the same with --links;
SOURCE is the file (or directory) they came from, whose raw text gives
the bare URLs.  -r: the source states no http(s) home, so its relative
links must be shown as written and marked instead.  Prints one line per
finding; exits 1 if there is any."""
import html, os, re, sys, unicodedata

URL = re.compile(r"(?:https?|ftp|mailto|file):[^\s]+")
TRAIL = re.compile(r"(?:\[\d+\])?[.,;:!?)\]'\"»”’…]*$")


def cluster_width(line):
    """Display width by grapheme cluster: a mark, a skin tone, a variation
    selector and what a joiner joins add nothing; a flag is two."""
    w, i, n = 0, 0, len(line)
    while i < n:
        c = line[i]
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if 0x1F1E6 <= ord(c) <= 0x1F1FF:
            cw = 2
            if i + 1 < n and 0x1F1E6 <= ord(line[i + 1]) <= 0x1F1FF:
                i += 1
        i += 1
        while i < n:
            d = line[i]
            if unicodedata.combining(d) or unicodedata.category(d) in (
                    "Mn", "Me") or 0x1F3FB <= ord(d) <= 0x1F3FF or \
                    0xFE00 <= ord(d) <= 0xFE0F:
                i += 1
            elif d == "\u200d":
                i += 2
            else:
                break
        w += cw
    return w


def source_urls(path):
    """The URLs written in the source, unescaped as HTML and JSON."""
    files = [path]
    if os.path.isdir(path):
        files = [os.path.join(path, f) for f in sorted(os.listdir(path))]
    urls = set()
    for f in files:
        try:
            raw = open(f, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        raw = html.unescape(html.unescape(raw.replace("\\/", "/")))
        for u in re.findall(r"https?://[^\s\"'<>()\[\]]+", raw):
            urls.add(u)
            urls.add(TRAIL.sub("", u))
    return urls


def is_code(line):
    return re.match(r"^[\s│┃>*•◦▪\d.)-]*┃ ", line) is not None


def url_line(line):
    """A line that is one URL, with what may stand around it: indentation,
    bars, a bullet or number, "[n]", closing punctuation, a mark that it
    is relative."""
    m = re.match(r"^[\s│┃>*•◦▪\d.)\[\]-]*(\S+)(.*)$", line)
    if m is None or not URL.match(m.group(1)):
        return False
    return TRAIL.sub("", m.group(2).strip()) == ""


def check(width, src, text, links, relative, bad):
    name = os.path.basename(text)
    lines = open(text, encoding="utf-8").read().split("\n")
    refs = [l for l in open(links, encoding="utf-8").read().split("\n") if l]
    known = source_urls(src)
    for r in refs:
        m = re.match(r"^ *\[\d+\] (\S+)$", r)
        if m is None:
            bad.append(f"{name}: --links line not '[n] URL': {r!r}")
            continue
        known.add(m.group(1))
    for i, l in enumerate(lines):
        if "file:" in l:
            bad.append(f"{name}:{i + 1}: a file: URL: {l!r}")
        if cluster_width(l) > width and not is_code(l) and \
                not url_line(l):
            bad.append(f"{name}:{i + 1}: wider than {width}: {l!r}")
        # A URL that goes on at the start of the next line was split.
        m = re.search(r"(\S+)$", l)
        if m is None or i + 1 >= len(lines):
            continue
        t = m.group(1)
        u = URL.search(t)
        nxt = lines[i + 1].lstrip(" │┃>")
        if u is None or not nxt:
            continue
        head = t[u.start():]
        for k in known:
            if k.startswith(head) and k != head and \
                    nxt.startswith(k[len(head):len(head) + 8]) and \
                    TRAIL.sub("", head) not in known:
                bad.append(f"{name}:{i + 1}: URL split: {k}")
                break
    # The entry's link: the last line of the header, before the first
    # blank line after the title's rule.
    try:
        rule = next(i for i, l in enumerate(lines)
                    if l and set(l) <= set("═="))
        end = lines.index("", rule)
        link = lines[end - 1]
        # An entry without a link ends its header with the date, the
        # author or the rule.
        if (" " in link or "/" not in link) and "://" not in link and \
                not link.endswith("(relative: no base URL)"):
            return
        if relative and re.match(r"^[^:\s]+ \(relative: no base URL\)$",
                                 link):
            return
        if not re.match(r"^https?://\S+$", link):
            bad.append(f"{name}: the entry's link is not http(s): "
                       f"{link!r}")
    except (StopIteration, ValueError):
        pass    # no title, no header


def main():
    args = sys.argv[1:]
    relative = args[0] == "-r"
    if relative:
        args = args[1:]
    width = int(args[0])
    src = args[1]
    bad = []
    args = args[2:]
    for j in range(0, len(args), 2):
        check(width, src, args[j], args[j + 1], relative, bad)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


main()
