#!/usr/bin/env python3
"""Generate benchmark inputs shaped like the Mesos community update.

Deterministic: the same --seed and sizes give the same bytes.  Standard
library only.  Outputs (any combination; with none, the feed goes to stdout):

  --feed FILE        Atom feed of --entries issues (default 10,000, ~50 MB)
  --html FILE        one big issue as a bare HTML page (~--html-size bytes)
  --html-feed FILE   the same issue wrapped as a single-entry Atom feed
  --markdown FILE    one big issue as a Markdown post with YAML front matter

The text is our own, assembled from word lists below; names, projects and
URLs look like the real newsletter's but no sentence is copied from it.
"""

import argparse
import datetime
import html
import random
import sys

FEED_URL = "https://mesos.apache.org/blog/feed.xml"
SITE = "https://mesos.apache.org"

PEOPLE = [
    ("Ana Ruiz", "anaruiz"), ("Ben Hollis", "bhollis"),
    ("Chandra Iyer", "chandra_i"), ("Dmitri Volkov", "dvolkov"),
    ("Elena Marchetti", "emarchetti"), ("Farid Haddad", "fhaddad"),
    ("Grace O\u2019Neill", "graceon"), ("Hiro Tanaka", "hirotanaka"),
    ("Ingrid Solberg", "isolberg"), ("Jonas M\u00fcller", "jmueller"),
    ("Kavya Rao", "kavyarao"), ("Liam Chen", "liamchen"),
    ("Mar\u00eda Jos\u00e9 Pe\u00f1a", "mjpena"), ("Noor Aziz", "nooraziz"),
    ("Olu Adebayo", "oadebayo"), ("Priya Natarajan", "pnatarajan"),
    ("Quentin Roy", "qroy"), ("Rosa Lindqvist", "rlindqvist"),
    ("Sam Whitaker", "swhitaker"), ("Tom\u00e1\u0161 Dvo\u0159\u00e1k", "tdvorak"),
    ("Uma Krishnan", "umak"), ("Victor Lef\u00e8vre", "vlefevre"),
    ("Wen Li", "wenli"), ("Yusuf \u00c7elik", "ycelik"),
    ("Zo\u00eb Hartmann", "zhartmann"), ("Abhi Parekh", "aparekh"),
    ("Mei Sato", "meisato"), ("Dan Okafor", "dokafor"),
]
COMPANIES = [
    "Mesosphere", "Twitter", "Airbnb", "eBay", "Netflix", "Apple",
    "PayPal", "Yelp", "Uber", "Verizon", "OpenTable", "Groupon",
    "HubSpot", "Conviva", "Atlassian", "Bloomberg", "Criteo", "Box",
]
PROJECTS = [
    "Marathon", "Chronos", "Aurora", "Spark", "Hadoop", "Kafka",
    "Cassandra", "Storm", "Jenkins", "Docker", "Singularity", "Kubernetes",
    "Elasticsearch", "HDFS", "Hydra", "Cook", "Myriad", "Mesos-DNS",
]
TOPICS = [
    "resource isolation", "fault tolerance", "oversubscription",
    "persistent volumes", "dynamic reservations", "the HTTP API",
    "container networking", "the replicated log", "framework rate limiting",
    "maintenance primitives", "GPU scheduling", "cgroups isolation",
    "the unified containerizer", "agent recovery", "quota",
    "multi-tenant clusters", "health checks", "task reconciliation",
]
CITIES = [
    ("San Francisco", "CA"), ("Seattle", "WA"), ("New York", "NY"),
    ("Austin", "TX"), ("Chicago", "IL"), ("Boston", "MA"),
    ("Berlin", "Germany"), ("London", "UK"), ("Paris", "France"),
    ("Prague", "Czech Republic"), ("Hamburg", "Germany"),
    ("Bangalore", "India"), ("Tokyo", "Japan"), ("S\u00e3o Paulo", "Brazil"),
    ("Z\u00fcrich", "Switzerland"), ("Denver", "CO"),
]
CONFERENCES = [
    "ApacheCon", "MesosCon", "Strata", "QCon", "Velocity", "OSCON",
    "Spark Summit", "DockerCon", "Hadoop Summit", "FOSDEM", "LinuxCon",
    "Open Networking Summit", "SREcon", "Devoxx",
]
VERBS = [
    "wrote about", "gave a talk on", "published a deep dive into",
    "shared slides on", "recorded a screencast about",
    "open-sourced a tool for", "posted benchmarks of",
    "described their migration to", "explained the design of",
    "proposed a new approach to",
]
ADJ = [
    "thorough", "hands-on", "lively", "short but dense", "well-illustrated",
    "candid", "practical", "step-by-step", "widely shared", "detailed",
]
NOUNS = [
    "write-up", "talk", "post", "walkthrough", "case study", "tutorial",
    "slide deck", "recording", "report", "retrospective",
]
FILLER = [
    "It is well worth the read",
    "The comments thread has plenty of follow-up questions",
    "The slides include a useful diagram of the allocator",
    "Several operators chimed in on the mailing list afterwards",
    "A recording is expected to go online later this month",
    "The code is on GitHub under the Apache license",
    "There are good notes on tuning for large clusters",
    "It covers both the happy path and the failure modes",
    "Expect a follow-up post with production numbers",
    "The demo runs on a laptop in a few minutes",
    "Questions from the audience focused on upgrades",
    "The write-up ends with a list of open problems",
]
INTRO = [
    "Another busy stretch for the Mesos community: releases, talks and a "
    "steady stream of patches kept the mailing lists humming.",
    "Welcome back to the community update, our regular round-up of what "
    "people are building, running and discussing around Apache Mesos.",
    "More companies are talking openly about running Mesos in production, "
    "and this issue collects a good share of those stories.",
    "The pace has not let up since the last update \u2014 there is a lot "
    "to cover, so let us get straight to it.",
    "This update gathers the talks, blog posts and releases that caught our "
    "eye over the past couple of weeks.",
    "From new frameworks to conference season, here is a short tour of "
    "what happened in the ecosystem recently.",
]
INTRO2 = [
    "If you missed the previous issue, it is in the archive on the blog.",
    "As always, thanks to everyone who sent in tips.",
    "Keep the suggestions coming: the best items in this issue came from "
    "readers.",
    "A special thank-you to the first-time contributors who landed patches "
    "this month.",
]
CLOSING = [
    "We put these updates together every couple of weeks and would love "
    "to hear what you think of them.",
    "Tell us what you would like to see more of in future issues.",
    "If you have news to share, a talk to announce or a post we should "
    "link, drop us a line.",
    "That is all for this issue; see you in the next one.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ZONES = ["-07:00", "-08:00", "-04:00", "-05:00", "+00:00", "+01:00",
         "+02:00", "+05:30", "+09:00"]


# An inline run is a tuple: ("t", text), ("a", text, url), ("em", text),
# ("strong", text) or ("code", text).  A block is ("p", runs),
# ("h3", text), ("ul", [runs...]), ("ol", start, [runs...]),
# ("quote", runs), ("pre", text) or ("table", [[cell...]...]).

class Writer:
    """Deterministic text and structure generator."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def person(self):
        return self.pick(PEOPLE)

    def slug(self, text):
        out = []
        for ch in text.lower():
            if ch.isascii() and ch.isalnum():
                out.append(ch)
            elif out and out[-1] != "-":
                out.append("-")
        return "".join(out).strip("-")

    def version(self):
        return "%d.%d.%d" % (self.r.choice((0, 1)), self.r.randrange(15, 29),
                             self.r.randrange(0, 4))

    def url(self, kind, text=""):
        r = self.r
        if kind == "twitter":
            return "https://twitter.com/" + text
        if kind == "jira":
            return ("https://issues.apache.org/jira/browse/MESOS-%d"
                    % r.randrange(100, 9000))
        if kind == "github":
            return ("https://github.com/%s/%s" %
                    (self.slug(self.pick(COMPANIES)), self.slug(text)))
        if kind == "slides":
            return ("https://www.slideshare.net/%s/%s" %
                    (self.person()[1], self.slug(text)[:60]))
        if kind == "video":
            return ("https://www.youtube.com/watch?v=%s&t=%dm%ds" %
                    ("".join(r.choice("abcdefghijkXYZ0123456789_-")
                             for _ in range(11)),
                     r.randrange(1, 50), r.randrange(0, 60)))
        if kind == "release":
            return "%s/blog/mesos-%s-released/" % (
                SITE, text.replace(".", "-"))
        if kind == "meetup":
            return ("https://www.meetup.com/%s-Mesos-Users/events/%d/" %
                    (self.slug(text).title().replace("-", ""),
                     r.randrange(100000000, 300000000)))
        if kind == "conf":
            return "https://events.example.org/%s/%d/schedule" % (
                self.slug(text), r.randrange(2014, 2021))
        return "https://blog.%s.com/%d/%02d/%s/" % (
            self.slug(self.pick(COMPANIES)), r.randrange(2014, 2021),
            r.randrange(1, 13), self.slug(text)[:50])

    def title_phrase(self):
        r = self.r
        forms = [
            "Running %s on Mesos at scale" % self.pick(PROJECTS),
            "Lessons from a year of %s" % self.pick(TOPICS),
            "A closer look at %s" % self.pick(TOPICS),
            "How %s schedules %s jobs" % (self.pick(COMPANIES),
                                          self.pick(PROJECTS)),
            "%s and %s: a practical guide" % (self.pick(PROJECTS),
                                               self.pick(PROJECTS)),
            "Understanding %s in Mesos %s" % (self.pick(TOPICS),
                                              self.version()),
        ]
        return forms[r.randrange(len(forms))]

    def highlight(self):
        """One bullet of the highlights list, with two to four links."""
        r = self.r
        name, handle = self.person()
        company = self.pick(COMPANIES)
        phrase = self.title_phrase()
        form = r.randrange(6)
        if form == 0:
            runs = [("t", "%s engineer " % company),
                    ("a", name, self.url("twitter", handle)),
                    ("t", " %s %s in a %s %s. Read it here: " %
                     (self.pick(VERBS), self.pick(TOPICS), self.pick(ADJ),
                      self.pick(NOUNS))),
                    ("a", phrase, self.url("blog", phrase)),
                    ("t", ". %s." % self.pick(FILLER))]
        elif form == 1:
            v = self.version()
            runs = [("t", "On %s %d, " % (self.month(), r.randrange(1, 29))),
                    ("a", "Mesos %s was released" % v,
                     self.url("release", v)),
                    ("t", ", bringing improvements to %s and %s. See the " %
                     (self.pick(TOPICS), self.pick(TOPICS))),
                    ("a", "CHANGELOG",
                     "https://github.com/apache/mesos/blob/%s/CHANGELOG" % v),
                    ("t", " and the "),
                    ("a", "release notes",
                     "https://issues.apache.org/jira/secure/ReleaseNote.jspa"
                     "?projectId=12311242&version=%d" %
                     r.randrange(12320000, 12340000)),
                    ("t", " for the details.")]
        elif form == 2:
            conf = self.pick(CONFERENCES)
            runs = [("t", "Community member "),
                    ("a", name, self.url("twitter", handle)),
                    ("t", " %s %s at " % (self.pick(VERBS),
                                          self.pick(TOPICS))),
                    ("a", conf, self.url("conf", conf)),
                    ("t", ". The %d-slide deck is on SlideShare: " %
                     r.randrange(12, 90)),
                    ("a", phrase, self.url("slides", phrase)),
                    ("t", ", and the video starts at %d:%02d in the " %
                     (r.randrange(1, 59), r.randrange(0, 60))),
                    ("a", "conference recording", self.url("video")),
                    ("t", ".")]
        elif form == 3:
            proj = self.pick(PROJECTS)
            jira = self.url("jira")
            runs = [("t", "The %s framework now supports %s (" %
                     (proj, self.pick(TOPICS))),
                    ("a", jira.rsplit("/", 1)[1], jira),
                    ("t", "). "),
                    ("a", name, self.url("twitter", handle)),
                    ("t", " explains the change and its trade-offs in "),
                    ("a", phrase, self.url("blog", phrase)),
                    ("t", "; the source is on "),
                    ("a", "GitHub", self.url("github", proj)),
                    ("t", ".")]
        elif form == 4:
            runs = [("t", "We saw progress on %s: " % self.pick(TOPICS)),
                    ("a", "a design document",
                     "https://cwiki.apache.org/confluence/display/MESOS/"
                     + self.slug(phrase).replace("-", "+")),
                    ("t", " is up for review, and "),
                    ("a", "the first patches", self.url("jira")),
                    ("t", " have landed. %s, and reviews from operators "
                     "running %s are especially welcome." %
                     (self.pick(FILLER), self.pick(PROJECTS)))]
        else:
            runs = [("t", "At %s, " % company),
                    ("a", name, self.url("twitter", handle)),
                    ("t", " and the infrastructure team moved their %s "
                     "workloads onto Mesos, cutting provisioning time from "
                     "days to minutes. Their %s " %
                     (self.pick(PROJECTS), self.pick(ADJ))),
                    ("a", self.pick(NOUNS), self.url("blog", phrase)),
                    ("t", " covers the rollout \u201cwarts and all\u201d.")]
        return runs

    def event(self):
        r = self.r
        city, region = self.pick(CITIES)
        form = r.randrange(3)
        if form == 0:
            conf = self.pick(CONFERENCES)
            return [("a", conf, self.url("conf", conf)),
                    ("t", ", %s %d\u2013%d in %s. Look for talks on %s and "
                     % (self.month(), r.randrange(1, 20),
                        r.randrange(20, 29), city, self.pick(TOPICS))),
                    ("a", self.title_phrase(), self.url("conf", conf)),
                    ("t", ".")]
        if form == 1:
            return [("a", "%s Mesos User Group" % city,
                     self.url("meetup", city)),
                    ("t", ", %s, %s %d, %d\u2013%d pm in %s, %s: %s. "
                     "Food and drinks provided." %
                     (self.pick(WEEKDAYS), self.month(), r.randrange(1, 29),
                      r.randrange(5, 7), r.randrange(7, 10), city, region,
                      self.title_phrase()))]
        name, handle = self.person()
        return [("t", "Office hours with "),
                ("a", name, self.url("twitter", handle)),
                ("t", " on %s, %s %d: bring your questions about %s." %
                 (self.pick(WEEKDAYS), self.month(), r.randrange(1, 29),
                  self.pick(TOPICS)))]

    def month(self):
        return self.pick(["January", "February", "March", "April", "May",
                          "June", "July", "August", "September", "October",
                          "November", "December"])

    def closing(self, number):
        name, handle = self.person()
        return [
            ("p", [("t", self.pick(CLOSING) + " Write to us at "),
                   ("a", "community@mesos.apache.org",
                    "mailto:community@mesos.apache.org"),
                   ("t", " or on the "),
                   ("a", "user mailing list",
                    "https://mesos.apache.org/community/"),
                   ("t", ".")]),
            ("p", [("em", "Issue #%d was co-written by %s; follow them at "
                    % (number, name)),
                   ("a", "@" + handle, self.url("twitter", handle)),
                   ("em", ".")]),
        ]

    def issue(self, number):
        """The blocks of one ordinary community update."""
        r = self.r
        blocks = [("p", [("t", self.pick(INTRO) + " "),
                         ("t", self.pick(FILLER) + ".")])]
        if r.random() < 0.5:
            blocks.append(("p", [("t", self.pick(INTRO2))]))
        blocks.append(("h3", "Here are some recent highlights:"))
        blocks.append(("ul", [self.highlight()
                              for _ in range(r.randrange(3, 9))]))
        blocks.append(("h3", "Upcoming events:"))
        blocks.append(("ul", [self.event()
                              for _ in range(r.randrange(2, 5))]))
        blocks.extend(self.closing(number))
        return blocks

    def big_issue(self, number, size, markdown):
        """Blocks of one very large issue: many highlight sections, with
        the occasional nested list, quote, code block and (HTML only)
        table.  Stops once the rendered size reaches size bytes."""
        r = self.r
        render = md_blocks if markdown else html_blocks
        blocks = [("p", [("t", self.pick(INTRO) + " " +
                          self.pick(INTRO2))])]
        total = 0
        part = 0
        while total < size:
            part += 1
            chunk = [("h3", "Highlights, part %d:" % part)]
            chunk.append(("p", [("t", self.pick(FILLER) + ". The most "
                                 "discussed topic was "),
                                ("strong", self.pick(TOPICS)),
                                ("t", ".")]))
            items = [self.highlight() for _ in range(r.randrange(6, 10))]
            chunk.append(("ul", items))
            k = part % 5
            if k == 1:
                chunk.append(("ol", r.randrange(1, 4),
                              [self.event() for _ in range(3)]))
            elif k == 2:
                chunk.append(("quote", [("t", self.pick(FILLER) + ", said "),
                                        ("em", self.person()[0]),
                                        ("t", ". " + self.pick(INTRO))]))
            elif k == 3:
                chunk.append(("pre", "$ mesos-execute --master=%s:5050 "
                              "--name=%s \\\n    --command='sleep %d'\n"
                              "I0%d 12:00:0%d scheduler.cpp:%d] "
                              "Registered\n" %
                              (self.slug(self.pick(CITIES)[0]),
                               self.slug(self.pick(PROJECTS)),
                               r.randrange(1, 100), r.randrange(101, 999),
                               r.randrange(10), r.randrange(100, 900))))
            elif k == 4 and not markdown:
                chunk.append(("table", [["Release", "Date", "Notable"]] +
                              [[self.version(), "%s %d" %
                                (self.month(), r.randrange(1, 29)),
                                self.pick(TOPICS)] for _ in range(4)]))
            total += len(render(chunk).encode())
            blocks.extend(chunk)
        blocks.append(("h3", "Upcoming events:"))
        blocks.append(("ul", [self.event() for _ in range(4)]))
        blocks.extend(self.closing(number))
        return blocks


def esc(s):
    return html.escape(s, quote=True)


def html_runs(runs):
    out = []
    for run in runs:
        if run[0] == "t":
            out.append(esc(run[1]))
        elif run[0] == "a":
            out.append('<a href="%s">%s</a>' % (esc(run[2]), esc(run[1])))
        else:
            out.append("<%s>%s</%s>" % (run[0], esc(run[1]), run[0]))
    return "".join(out)


def html_blocks(blocks):
    """HTML in the shape kramdown (the blog's Markdown engine) writes."""
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            out.append("<p>%s</p>\n\n" % html_runs(b[1]))
        elif kind == "h3":
            slug = "".join(c if c.isalnum() else "-"
                           for c in b[1].lower()).strip("-")
            out.append('<h3 id="%s">%s</h3>\n\n' % (slug, esc(b[1])))
        elif kind in ("ul", "ol"):
            items = b[-1]
            if kind == "ol" and b[1] != 1:
                out.append('<ol start="%d">\n' % b[1])
            else:
                out.append("<%s>\n" % kind)
            for it in items:
                out.append("  <li>\n    <p>%s</p>\n  </li>\n" %
                           html_runs(it))
            out.append("</%s>\n\n" % kind)
        elif kind == "quote":
            out.append("<blockquote>\n  <p>%s</p>\n</blockquote>\n\n" %
                       html_runs(b[1]))
        elif kind == "pre":
            out.append("<pre><code>%s</code></pre>\n\n" % esc(b[1]))
        elif kind == "table":
            rows = b[1]
            out.append("<table>\n  <thead>\n    <tr>%s</tr>\n  </thead>\n"
                       "  <tbody>\n" %
                       "".join("<th>%s</th>" % esc(c) for c in rows[0]))
            for row in rows[1:]:
                out.append("    <tr>%s</tr>\n" %
                           "".join("<td>%s</td>" % esc(c) for c in row))
            out.append("  </tbody>\n</table>\n\n")
    return "".join(out)


def md_runs(runs):
    out = []
    for run in runs:
        if run[0] == "t":
            out.append(run[1])
        elif run[0] == "a":
            out.append("[%s](%s)" % (run[1], run[2]))
        elif run[0] == "em":
            out.append("_%s_" % run[1])
        elif run[0] == "strong":
            out.append("**%s**" % run[1])
        else:
            out.append("`%s`" % run[1])
    return "".join(out)


def md_blocks(blocks):
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            out.append(md_runs(b[1]) + "\n\n")
        elif kind == "h3":
            out.append("### %s\n\n" % b[1])
        elif kind == "ul":
            for it in b[1]:
                out.append("* %s\n\n" % md_runs(it))
        elif kind == "ol":
            for i, it in enumerate(b[2]):
                out.append("%d. %s\n\n" % (b[1] + i, md_runs(it)))
        elif kind == "quote":
            out.append("> %s\n\n" % md_runs(b[1]))
        elif kind == "pre":
            out.append("```\n%s```\n\n" % b[1])
    return "".join(out)


def issue_date(r, when, step):
    """Advance when by about step minutes; returns (new, rfc3339)."""
    when += datetime.timedelta(minutes=r.randrange(step // 2 + 1,
                                                   step * 3 // 2 + 2))
    zone = r.choice(ZONES)
    return when, when.strftime("%Y-%m-%dT%H:%M:%S") + zone


def atom_entry(number, title, link, author, published, updated,
               content, summary):
    return (
        "<entry>\n"
        '  <title type="html">%s</title>\n'
        '  <link href="%s" rel="alternate" type="text/html" title="%s"/>\n'
        "  <published>%s</published>\n"
        "  <updated>%s</updated>\n"
        "  <id>%s</id>\n"
        '  <content type="html" xml:base="%s">%s</content>\n'
        "  <author>\n    <name>%s</name>\n  </author>\n"
        '  <category term="Community"/>\n'
        '  <summary type="html">%s</summary>\n'
        "</entry>\n" % (esc(title), esc(link), esc(title), published,
                        updated, esc(link.rstrip("/")), esc(link),
                        esc(content), esc(author), esc(summary)))


def atom_head(updated):
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        '<generator uri="https://jekyllrb.com/" version="3.8.5">'
        "Jekyll</generator>\n"
        '<link href="%s" rel="self" type="application/atom+xml"/>\n'
        '<link href="%s/" rel="alternate" type="text/html"/>\n'
        "<updated>%s</updated>\n"
        "<id>%s</id>\n"
        '<title type="html">Apache Mesos</title>\n'
        "<subtitle>Apache Mesos blog</subtitle>\n" %
        (FEED_URL, SITE, updated, FEED_URL))


def write_feed(path, entries, seed):
    """Write the feed to path ('-' for stdout), one entry at a time."""
    out = sys.stdout if path == "-" else open(path, "w", encoding="utf-8")
    try:
        for chunk in feed_chunks(entries, seed):
            out.write(chunk)
    finally:
        if out is not sys.stdout:
            out.close()


def feed_text(entries, seed):
    """The whole feed as one string."""
    return "".join(feed_chunks(entries, seed))


def feed_chunks(entries, seed):
    """The Atom feed in pieces, newest entry first as the blog's template
    writes it.  Dates come from one generator, run oldest first; each
    entry's text from its own, so that no entry is held in memory."""
    r = random.Random(seed)
    # Whatever the count, the dates span 2012-2024 like a real archive.
    when = datetime.datetime(2012, 1, 9, 9, 0, 0)
    step = 13 * 365 * 24 * 60 // max(entries, 1)
    dates = []
    for _ in range(entries):
        when, published = issue_date(r, when, step)
        updated = published
        if r.random() < 0.2:
            _, updated = issue_date(r, when, 600)
        dates.append((published, updated))
    yield atom_head(dates[-1][1] if dates else "2012-01-09T09:00:00Z")
    for number in range(entries, 0, -1):
        w = Writer(seed * 1000003 + number)
        published, updated = dates[number - 1]
        title = "Mesos Community Update #%d" % number
        if w.r.random() < 0.3:
            title += ": " + w.title_phrase()
        link = "%s/blog/mesos-community-update-%d/" % (SITE, number)
        author = w.person()[0]
        blocks = w.issue(number)
        summary = blocks[0][1][0][1].strip()
        yield atom_entry(number, title, link, author, published, updated,
                         html_blocks(blocks), summary)
    yield "</feed>\n"


def big_issue(seed, size, markdown):
    w = Writer(seed)
    number = 500
    blocks = w.big_issue(number, size, markdown)
    name, handle = w.person()
    return number, name, handle, blocks


def write_html(path, feed_path, seed, size):
    number, name, _, blocks = big_issue(seed, size, False)
    title = "Mesos Community Update #%d: the long read" % number
    body = html_blocks(blocks)
    if path:
        with open(path, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n'
                    '<meta charset="utf-8">\n<title>%s</title>\n'
                    "</head>\n<body>\n<h1>%s</h1>\n%s</body>\n</html>\n" %
                    (esc(title), esc(title), body))
    if feed_path:
        link = "%s/blog/mesos-community-update-%d/" % (SITE, number)
        stamp = "2016-05-04T10:30:00-07:00"
        with open(feed_path, "w", encoding="utf-8") as f:
            f.write(atom_head(stamp))
            f.write(atom_entry(number, title, link, name, stamp, stamp,
                               body, "The long read."))
            f.write("</feed>\n")


def write_markdown(path, seed, size):
    number, name, handle, blocks = big_issue(seed, size, True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\nlayout: post\n"
                'title: "Mesos Community Update #%d: the long read"\n'
                "permalink: /blog/mesos-community-update-%d/\n"
                "published: true\npost_author:\n  display_name: %s\n"
                "  twitter: %s\ntags: Community\n---\n\n" %
                (number, number, name, handle))
        f.write(md_blocks(blocks))


def main():
    ap = argparse.ArgumentParser(
        description="Write benchmark inputs shaped like the Mesos "
        "community update.")
    ap.add_argument("-n", "--entries", type=int, default=10000,
                    help="entries in the --feed output (default 10000)")
    ap.add_argument("-s", "--seed", type=int, default=1,
                    help="random seed (default 1)")
    ap.add_argument("--feed", metavar="FILE",
                    help="write the N-entry Atom feed ('-' for stdout)")
    ap.add_argument("--html", metavar="FILE",
                    help="write one big issue as a bare HTML page")
    ap.add_argument("--html-feed", metavar="FILE",
                    help="write the big HTML issue as a one-entry Atom feed")
    ap.add_argument("--html-size", type=int, default=7000000,
                    metavar="BYTES", help="size of the big HTML issue "
                    "(default 7000000)")
    ap.add_argument("--markdown", metavar="FILE",
                    help="write one big issue as a Markdown post")
    ap.add_argument("--md-size", type=int, default=5000000, metavar="BYTES",
                    help="size of the Markdown post (default 5000000)")
    a = ap.parse_args()
    if not (a.feed or a.html or a.html_feed or a.markdown):
        a.feed = "-"
    if a.entries < 0:
        ap.error("--entries must be >= 0")
    if a.feed:
        write_feed(a.feed, a.entries, a.seed)
    if a.html or a.html_feed:
        write_html(a.html, a.html_feed, a.seed, a.html_size)
    if a.markdown:
        write_markdown(a.markdown, a.seed, a.md_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
