/* feed_test.c - the feed parser against the fixtures in tests/feeds/: every
 * format, every field rule of issue 2, and hostile inputs.  Inputs too big
 * to commit are generated in a temporary directory and removed. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "feed.h"
#include "harness.h"
#include "library.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

#define T0	((time_t)1395309600)	/* 2014-03-20T10:00:00Z */
#define FFFD	"\xef\xbf\xbd"
#define MESOS_FEED "https://mesos.apache.org/blog/feed.xml"

/* The issues of one parse, deep-copied as they arrive. */
struct result {
	int		 rc;
	char		*cause;
	char		*warning;
	enum feed_format format;
	char		*meta_title;
	char		*meta_link;
	struct issue	**v;
	size_t		 n;
	size_t		 cap;
	int		 stop_after;	/* the callback stops after this */
	int		 calls;
};

static char	 fixtures[PATH_MAX];	/* absolute; the current dir */
static char	*tmpdir;

static time_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

static char *
xstr(const char *s)
{
	char *p;

	if (s == NULL)
		return NULL;
	if ((p = strdup(s)) == NULL)
		abort();
	return p;
}

static int
streq(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static int
issue_eq(const struct issue *a, const struct issue *b)
{
	return streq(a->id, b->id) && streq(a->title, b->title) &&
	    streq(a->link, b->link) && streq(a->author, b->author) &&
	    a->published == b->published && a->updated == b->updated &&
	    streq(a->date_raw, b->date_raw) &&
	    streq(a->content, b->content) && a->kind == b->kind &&
	    streq(a->summary, b->summary) &&
	    a->summary_kind == b->summary_kind && streq(a->tags, b->tags) &&
	    streq(a->base, b->base);
}

static int
collect(const struct issue *is, void *arg)
{
	struct result *r = arg;
	struct issue *copy;

	r->calls++;
	copy = feed_issue_dup(is);
	OK(copy != NULL && issue_eq(copy, is), "feed_issue_dup copies %s",
	    is->id ? is->id : "(null id)");
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = realloc(r->v, r->cap * sizeof *r->v);
		if (r->v == NULL)
			abort();
	}
	r->v[r->n++] = copy;
	if (r->stop_after > 0 && r->calls >= r->stop_after)
		return -1;
	return 0;
}

static void
result_free(struct result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		feed_issue_free(r->v[i]);
	free(r->v);
	free(r->cause);
	free(r->warning);
	free(r->meta_title);
	free(r->meta_link);
	memset(r, 0, sizeof *r);
}

static void
load(const char *source, const struct feed_limits *limits, struct result *r)
{
	struct feed_meta meta;

	memset(r, 0, sizeof *r);
	memset(&meta, 0, sizeof meta);
	r->rc = feed_load_local(source, limits, collect, r, &meta,
	    &r->warning, &r->cause);
	r->format = meta.format;
	r->meta_title = xstr(meta.title);
	r->meta_link = xstr(meta.link);
	feed_meta_clear(&meta);
}

/* Parse data with the streaming API, pushing chunk bytes at a time (0 for
 * all at once). */
static void
parse_mem(const char *url, const char *charset, const void *data, size_t len,
    size_t chunk, const struct feed_limits *limits, struct result *r)
{
	struct feed_parser *p;
	const struct feed_meta *meta;
	const char *w;
	size_t off = 0, n;

	r->rc = 0;
	p = feed_parser_new(url, charset, limits, collect, r);
	OK(p != NULL, "feed_parser_new");
	if (p == NULL) {
		r->rc = -1;
		return;
	}
	if (chunk == 0)
		chunk = len;
	while (off < len) {
		n = len - off < chunk ? len - off : chunk;
		if (feed_parser_push(p, (const char *)data + off, n,
		    &r->cause) != 0) {
			r->rc = -1;
			break;
		}
		off += n;
	}
	if (r->rc == 0 && feed_parser_finish(p, &r->cause) != 0)
		r->rc = -1;
	meta = feed_parser_meta(p);
	if (meta != NULL) {
		r->format = meta->format;
		r->meta_title = xstr(meta->title);
		r->meta_link = xstr(meta->link);
	}
	w = feed_parser_warning(p);
	r->warning = xstr(w);
	feed_parser_free(p);
}

static char *
slurp(const char *path, size_t *len)
{
	char *s = harness_slurp(path, len);

	if (s == NULL) {
		OK(0, "open %s: %s", path, strerror(errno));
		return calloc(1, 1);
	}
	return s;
}

static void
parse_file(const char *url, const char *charset, const char *path,
    size_t chunk, struct result *r)
{
	char *data;
	size_t len;

	memset(r, 0, sizeof *r);
	data = slurp(path, &len);
	parse_mem(url, charset, data, len, chunk, NULL, r);
	free(data);
}

static const struct issue *
by_title(const struct result *r, const char *title)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (streq(r->v[i]->title, title))
			return r->v[i];
	OK(0, "no issue titled \"%s\"", title);
	return NULL;
}

static const struct issue *
nth(const struct result *r, size_t i)
{
	static struct issue empty;

	if (i < r->n)
		return r->v[i];
	OK(0, "no issue %zu (have %zu)", i, r->n);
	return &empty;
}

/* A file:// URL for name in the fixtures directory. */
static char *
fixture_url(const char *name)
{
	return xasprintf("file://%s/%s", fixtures, name);
}

/*
 * Checks every issue must pass whatever the input: an id, single-line
 * sanitised text without terminal controls or bidi overrides, and never
 * the contents of /etc/passwd.
 */
static void
field_clean(const char *what, const char *s, int oneline, const char *src)
{
	const unsigned char *p;
	size_t len;

	if (s == NULL)
		return;
	len = strlen(s);
	OK(utf8_is_clean(s, len), "%s: %s is not clean", src, what);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == 0x1b || *p == 0x7f || (*p < 0x20 && *p != '\n' &&
		    *p != '\t')) {
			OK(0, "%s: %s has control 0x%02x", src, what, *p);
			return;
		}
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			OK(0, "%s: %s has C1 U+%04X", src, what, p[1]);
			return;
		}
		if (p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae) || (p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9))) {
			OK(0, "%s: %s has a bidi control", src, what);
			return;
		}
	}
	if (oneline) {
		OK(strchr(s, '\n') == NULL && strchr(s, '\t') == NULL &&
		    (len == 0 || (s[0] != ' ' && s[len - 1] != ' ')),
		    "%s: %s is not one trimmed line: \"%s\"", src, what, s);
	}
	OK(strstr(s, "root:") == NULL, "%s: %s shows /etc/passwd", src, what);
}

static void
no_passwd(const char *what, const char *s, const char *src)
{
	if (s != NULL)
		OK(strstr(s, "root:") == NULL && strstr(s, "PWNED") == NULL,
		    "%s: %s shows a local file", src, what);
}

static void
invariants(const struct result *r, const char *src)
{
	const struct issue *is;
	size_t i;

	no_passwd("cause", r->cause, src);
	no_passwd("warning", r->warning, src);
	if (r->warning != NULL)
		OK(strchr(r->warning, '\n') == NULL && r->warning[0] != '\0',
		    "%s: the warning is one line", src);
	if (r->cause != NULL)
		OK(strchr(r->cause, '\n') == NULL && r->cause[0] != '\0',
		    "%s: the cause is one line", src);
	field_clean("feed title", r->meta_title, 1, src);
	field_clean("feed link", r->meta_link, 1, src);
	for (i = 0; i < r->n; i++) {
		is = r->v[i];
		OK(is->id != NULL && is->id[0] != '\0', "%s: issue %zu has "
		    "no id", src, i);
		field_clean("id", is->id, 1, src);
		field_clean("title", is->title, 1, src);
		field_clean("link", is->link, 1, src);
		field_clean("author", is->author, 1, src);
		field_clean("date_raw", is->date_raw, 1, src);
		field_clean("tags", is->tags, 1, src);
		field_clean("base", is->base, 1, src);
		no_passwd("content", is->content, src);
		no_passwd("summary", is->summary, src);
		OK((is->content == NULL) == (is->kind == CONTENT_NONE),
		    "%s: issue %zu content and kind agree", src, i);
		OK((is->summary == NULL) == (is->summary_kind == CONTENT_NONE),
		    "%s: issue %zu summary and kind agree", src, i);
		OK(is->published == (time_t)-1 || is->published > 0,
		    "%s: issue %zu published", src, i);
		OK(is->updated == (time_t)-1 || is->updated > 0,
		    "%s: issue %zu updated", src, i);
	}
}

/* The content or, failing that, the summary of an issue. */
static const char *
body_of(const struct issue *is, enum content_kind *kind)
{
	if (is->content != NULL) {
		*kind = is->kind;
		return is->content;
	}
	*kind = is->summary_kind;
	return is->summary;
}

static void
contains(const char *what, const char *s, const char *needle, int line)
{
	OK(s != NULL && strstr(s, needle) != NULL, "line %d: %s \"%s\" "
	    "lacks \"%s\"", line, what, s ? s : "(null)", needle);
}
#define CONTAINS(what, s, n) contains(what, s, n, __LINE__)

/* published as given, and updated either unknown or the same (or the
 * other way round): the spec does not say whether one fills the other. */
#define ONE_DATE(is, field, other, want) do {				\
	INT_EQ((is)->field, (want));					\
	OK((is)->other == (time_t)-1 || (is)->other == (want),		\
	    "%s: " #other " is %lld", (is)->title, (long long)(is)->other); \
} while (0)

/* ------------------------------------------------------------------ */

static void
test_atom10(void)
{
	struct result r;
	const struct issue *is;
	enum content_kind k;
	const char *body;

	load("atom10.atom", NULL, &r);
	invariants(&r, "atom10");
	INT_EQ(r.rc, 0);
	STR_EQ(r.cause, NULL);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_ATOM10);
	STR_EQ(r.meta_title, "Mesos Community Updates");
	STR_EQ(r.meta_link, "https://updates.example.org/");
	INT_EQ(r.n, 6);

	is = nth(&r, 0);
	STR_EQ(is->id, "tag:updates.example.org,2014:update-5");
	STR_EQ(is->title, "Mesos 0.19.0 & the registrar");
	STR_EQ(is->link, "https://updates.example.org/update-5/");
	STR_EQ(is->author, "Matt Trifiro");
	INT_EQ(is->published, utc(2014, 6, 12, 16, 45, 0));
	INT_EQ(is->updated, utc(2014, 6, 13, 8, 0, 0));
	STR_EQ(is->date_raw, NULL);
	STR_EQ(is->content,
	    "<p>Mesos 0.19.0 keeps its slaves across master failovers.</p>");
	INT_EQ(is->kind, CONTENT_HTML);
	STR_EQ(is->summary, "The registrar is in, and MesosCon has a date.");
	INT_EQ(is->summary_kind, CONTENT_TEXT);

	/* type="html" title reduced to text; link without rel. */
	is = nth(&r, 1);
	STR_EQ(is->id, "tag:updates.example.org,2014:update-4");
	STR_EQ(is->title, "Storm & Jenkins on Mesos <3");
	STR_EQ(is->link, "https://updates.example.org/update-4/");
	STR_EQ(is->author, "Abhishek Parolkar");
	ONE_DATE(is, updated, published, utc(2014, 5, 8, 18, 0, 0));
	INT_EQ(is->kind, CONTENT_XHTML);
	CONTAINS("xhtml content", is->content,
	    "Two frameworks, <em>one</em> cluster.");
	OK(is->content == NULL || strstr(is->content, "&lt;") == NULL,
	    "xhtml content is markup, not escaped text");

	/* type="xhtml" title reduced to text, white space folded. */
	is = nth(&r, 2);
	STR_EQ(is->title, "Aurora enters the ASF incubator & more");
	STR_EQ(is->link, "https://updates.example.org/update-3/");
	STR_EQ(is->author, "Dave Lester");
	ONE_DATE(is, published, updated, utc(2014, 4, 17, 15, 15, 0));
	STR_EQ(is->content, "Plain text: <not a tag>.");
	INT_EQ(is->kind, CONTENT_TEXT);
	STR_EQ(is->summary, NULL);

	/* A summary and no content. */
	is = nth(&r, 3);
	STR_EQ(is->title, "Summary only");
	STR_EQ(is->author, NULL);
	body = body_of(is, &k);
	STR_EQ(body, "<p>Only a summary here.</p>");
	INT_EQ(k, CONTENT_HTML);

	/* An HTML title as Jekyll writes it: entities, named and numeric,
	 * escaped once more for XML. */
	is = nth(&r, 4);
	STR_EQ(is->title, "Mesos\xe2\x80\x99s \xe2\x80\x9c" "data center"
	    "\xe2\x80\x9d & you");
	STR_EQ(is->content, NULL);
	INT_EQ(is->kind, CONTENT_NONE);

	/* <source> describes another feed: none of it is the entry's, and
	 * a contributor is not the author. */
	is = nth(&r, 5);
	STR_EQ(is->id, "tag:updates.example.org,2014:welcome");
	STR_EQ(is->title, "Welcome");
	STR_EQ(is->link, "https://updates.example.org/welcome/");
	STR_EQ(is->author, "Matt Trifiro");
	ONE_DATE(is, published, updated, utc(2014, 3, 1, 12, 0, 0));
	result_free(&r);

	/* skip_content drops content and summary and nothing else. */
	{
		struct feed_limits lim = { 0, 0, 0, true, false, NULL };
		struct result s;
		size_t i;

		load("atom10.atom", NULL, &r);
		load("atom10.atom", &lim, &s);
		INT_EQ(s.rc, 0);
		INT_EQ(s.n, r.n);
		for (i = 0; i < s.n && i < r.n; i++) {
			STR_EQ(s.v[i]->content, NULL);
			STR_EQ(s.v[i]->summary, NULL);
			STR_EQ(s.v[i]->id, r.v[i]->id);
			STR_EQ(s.v[i]->title, r.v[i]->title);
			STR_EQ(s.v[i]->link, r.v[i]->link);
			STR_EQ(s.v[i]->author, r.v[i]->author);
			INT_EQ(s.v[i]->published, r.v[i]->published);
		}
		result_free(&s);
		result_free(&r);
	}
}

static void
test_atom03(void)
{
	struct result r;
	const struct issue *is;

	load("atom03.atom", NULL, &r);
	invariants(&r, "atom03");
	INT_EQ(r.rc, 0);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_ATOM03);
	STR_EQ(r.meta_title, "Mesos Notes (Atom 0.3)");
	STR_EQ(r.meta_link, "http://notes.example.org/");
	INT_EQ(r.n, 2);

	is = nth(&r, 0);
	STR_EQ(is->id, "tag:notes.example.org,2014:18");
	STR_EQ(is->title, "Mesos 0.18.0 is out");
	STR_EQ(is->link, "http://notes.example.org/2014/04/0-18-0");
	STR_EQ(is->author, "Benjamin Hindman");
	INT_EQ(is->published, utc(2014, 4, 10, 17, 0, 0));	/* issued */
	INT_EQ(is->updated, utc(2014, 4, 11, 9, 0, 0));	/* modified */
	STR_EQ(is->content, "<p>The containerizer API is here.</p>");
	INT_EQ(is->kind, CONTENT_HTML);
	STR_EQ(is->summary, "Containerizers arrive.");
	INT_EQ(is->summary_kind, CONTENT_TEXT);

	is = nth(&r, 1);
	STR_EQ(is->id, "tag:notes.example.org,2014:chronos");
	STR_EQ(is->title, "Chronos dependencies");
	STR_EQ(is->author, "Florian Leibert");
	INT_EQ(is->published, utc(2014, 4, 2, 8, 0, 0));
	INT_EQ(is->updated, utc(2014, 4, 2, 8, 0, 0));
	INT_EQ(is->kind, CONTENT_XHTML);
	CONTAINS("xhtml content", is->content,
	    "Jobs can wait for <b>parents</b>.");
	result_free(&r);
}

static void
test_rss20(void)
{
	struct result r;
	const struct issue *is;
	enum content_kind k;

	load("rss20.rss", NULL, &r);
	invariants(&r, "rss20");
	INT_EQ(r.rc, 0);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_RSS20);
	/* Not the <image> or <textInput> title and link. */
	STR_EQ(r.meta_title, "Mesosphere Community");
	STR_EQ(r.meta_link, "http://mesosphere.example.com/community/");
	INT_EQ(r.n, 3);

	is = nth(&r, 0);
	STR_EQ(is->id,
	    "http://mesosphere.example.com/community/2014/08/07/update-7/");
	STR_EQ(is->title, "Mesos Community Update #7");
	STR_EQ(is->link,
	    "http://mesosphere.example.com/community/2014/08/07/update-7/");
	STR_EQ(is->author, "Dave Lester");		/* dc:creator */
	ONE_DATE(is, published, updated, utc(2014, 8, 7, 16, 0, 0));
	/* content:encoded is the content, description the summary. */
	STR_EQ(is->content, "<p>Two weeks until <a href=\""
	    "http://events.example.org/mesoscon\">MesosCon</a>.</p>"
	    "<ul><li>Docker</li></ul>");
	INT_EQ(is->kind, CONTENT_HTML);
	STR_EQ(is->summary, "<p>Two weeks until MesosCon.</p>");
	INT_EQ(is->summary_kind, CONTENT_HTML);

	/* guid isPermaLink="false" is the id, not the link; media:title
	 * is not the title; white space around a link goes. */
	is = nth(&r, 1);
	STR_EQ(is->id, "mesosphere-community-6");
	STR_EQ(is->title, "Mesos Community Update #6");
	STR_EQ(is->link,
	    "http://mesosphere.example.com/community/2014/07/10/update-6/");
	CONTAINS("RSS author", is->author, "Dave Lester");
	ONE_DATE(is, published, updated, utc(2014, 7, 10, 16, 20, 0));
	STR_EQ(body_of(is, &k), "<p>Kubernetes met Mesos.</p>");
	INT_EQ(k, CONTENT_HTML);

	/* A permalink guid and no link. */
	is = nth(&r, 2);
	STR_EQ(is->id,
	    "http://mesosphere.example.com/community/2014/06/12/update-5/");
	OK(is->link == NULL || strcmp(is->link, is->id) == 0,
	    "link is absent or the permalink guid: %s", is->link);
	STR_EQ(is->author, "Matt Trifiro");
	ONE_DATE(is, published, updated, utc(2014, 6, 12, 16, 45, 0));
	STR_EQ(body_of(is, &k), "The first MesosCon has a date.");
	result_free(&r);
}

static void
test_rss091(void)
{
	struct result r;
	const struct issue *is;
	enum content_kind k;

	/* The DOCTYPE names a DTD on the network: it must not be fetched,
	 * and its absence is no error. */
	load("rss091.rss", NULL, &r);
	invariants(&r, "rss091");
	INT_EQ(r.rc, 0);
	STR_EQ(r.cause, NULL);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_RSS09);
	STR_EQ(r.meta_title, "Mesos Headlines");
	STR_EQ(r.meta_link, "http://headlines.example.net/");
	INT_EQ(r.n, 2);
	is = nth(&r, 0);
	STR_EQ(is->title, "Mesos 0.17.0 released");
	STR_EQ(is->link, "http://headlines.example.net/mesos-0-17-0");
	STR_EQ(is->id, "http://headlines.example.net/mesos-0-17-0");
	INT_EQ(is->published, -1);
	INT_EQ(is->updated, -1);
	STR_EQ(is->date_raw, NULL);
	STR_EQ(is->author, NULL);
	STR_EQ(body_of(is, &k), "Replicated log auto-recovery.");
	is = nth(&r, 1);
	STR_EQ(is->id, "http://headlines.example.net/installfest");
	result_free(&r);
}

static void
test_rss10(void)
{
	struct result r;
	const struct issue *is;
	enum content_kind k;

	load("rss10.rdf", NULL, &r);
	invariants(&r, "rss10");
	INT_EQ(r.rc, 0);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_RSS10);
	STR_EQ(r.meta_title, "Mesos in RDF");
	STR_EQ(r.meta_link, "http://rdf.example.org/");
	INT_EQ(r.n, 2);		/* not <image> nor <textinput> */

	is = nth(&r, 0);
	STR_EQ(is->id, "http://rdf.example.org/2014/marathon-0-5");
	STR_EQ(is->title, "Marathon 0.5.0 constraints");
	STR_EQ(is->link, "http://rdf.example.org/2014/marathon-0-5");
	STR_EQ(is->author, "Tobi Knaup");		/* dc:creator */
	ONE_DATE(is, published, updated, utc(2014, 6, 5, 12, 0, 0));
	STR_EQ(is->content, "<p>Marathon can now spread tasks <em>one per "
	    "rack</em>.</p>");			/* content:encoded */
	INT_EQ(is->kind, CONTENT_HTML);
	STR_EQ(is->summary, "One task per rack.");

	is = nth(&r, 1);
	STR_EQ(is->title, "MesosCon in Chicago");
	STR_EQ(is->author, "Dave Lester");
	ONE_DATE(is, published, updated, utc(2014, 6, 10, 0, 0, 0));
	STR_EQ(body_of(is, &k), "August 21-22.");
	result_free(&r);
}

static void
test_xml_base(void)
{
	struct result r;
	char *url;

	load("xmlbase.atom", NULL, &r);
	invariants(&r, "xmlbase");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 7);
	STR_EQ(r.meta_link, "https://example.org/blog/index.html");
	STR_EQ(nth(&r, 0)->link, "https://example.org/blog/2014/03/post.html");
	STR_EQ(nth(&r, 0)->base, "https://example.org/blog/2014/03/");
	STR_EQ(nth(&r, 1)->link, "https://example.org/up.html");
	STR_EQ(nth(&r, 1)->base, "https://example.org/other/");
	STR_EQ(nth(&r, 2)->link, "http://mirror.example.net/m/x?y=1#z");
	STR_EQ(nth(&r, 3)->link, "https://example.org/blog/sub/a.html");
	STR_EQ(nth(&r, 4)->link,
	    "https://example.org/blog/mesos-community-update-5/");
	STR_EQ(nth(&r, 5)->link, "https://elsewhere.example.com/x");
	/* A base set on an earlier sibling does not leak. */
	STR_EQ(nth(&r, 6)->link, "https://example.org/blog/y.html");
	result_free(&r);

	/* No xml:base: links resolve against the page the document gives
	 * as its own (its alternate link, itself resolved against the
	 * fetch URL). */
	parse_file(MESOS_FEED, NULL, "relative.atom", 0, &r);
	invariants(&r, "relative.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(r.meta_link, "https://mesos.apache.org/blog/");
	STR_EQ(nth(&r, 0)->link,
	    "https://mesos.apache.org/blog/mesos-community-update-1/");
	STR_EQ(nth(&r, 0)->base, "https://mesos.apache.org/blog/");
	STR_EQ(nth(&r, 1)->link,
	    "https://mesos.apache.org/blog/mesos-community-update-2/");
	result_free(&r);

	/* A local file that states no http(s) home: nothing can resolve
	 * its relative links, which stay as written (never file://), and
	 * its content has no base. */
	load("relative.atom", NULL, &r);
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_link, "/blog/");
	STR_EQ(nth(&r, 0)->link, "/blog/mesos-community-update-1/");
	STR_EQ(nth(&r, 1)->link, "mesos-community-update-2/");
	STR_EQ(nth(&r, 0)->base, NULL);
	result_free(&r);

	/* A file:// URL as the source is the same as the path. */
	url = fixture_url("relative.atom");
	load(url, NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->link, "/blog/mesos-community-update-1/");
	free(url);
	result_free(&r);

	/* A saved feed that names its URL (rel="self"): that, before its
	 * alternate link; an xml:base before both. */
	load("self-link.atom", NULL, &r);
	invariants(&r, "self-link.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(r.meta_link, "http://alt.example.org/blog/");
	STR_EQ(nth(&r, 0)->link,
	    "http://self.example.org/blog/2014/05/01/update/");
	STR_EQ(nth(&r, 0)->base, "http://self.example.org/blog/feed.xml");
	STR_EQ(nth(&r, 1)->link, "http://base.example.org/docs/page.html");
	STR_EQ(nth(&r, 1)->base, "http://base.example.org/docs/");
	result_free(&r);

	/* RSS: atom:link rel="self" in the channel. */
	load("self-link.rss", NULL, &r);
	invariants(&r, "self-link.rss");
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_link, "https://mesos.apache.org/blog/");
	STR_EQ(nth(&r, 0)->link,
	    "https://mesos.apache.org/blog/mesos-0-20-0-released/");
	STR_EQ(nth(&r, 0)->base, "https://mesos.apache.org/blog/feed.xml");
	result_free(&r);
}

/* The Mesos Jekyll template writes author names unescaped. */
static void
test_bare_ampersand(void)
{
	static const size_t chunks[] = { 0, 1, 2, 3, 7, 64, 4096 };
	struct result r, whole;
	const struct issue *is;
	size_t c, i;

	parse_file(MESOS_FEED, NULL, "mesos-jekyll.atom", 0, &whole);
	invariants(&whole, "mesos-jekyll");
	INT_EQ(whole.rc, 0);
	STR_EQ(whole.cause, NULL);
	OK(whole.warning != NULL, "a warning for the bare ampersands");
	INT_EQ(whole.format, FEED_ATOM10);
	STR_EQ(whole.meta_title, "Apache Mesos");
	STR_EQ(whole.meta_link, "https://mesos.apache.org/blog/");
	INT_EQ(whole.n, 3);

	is = nth(&whole, 0);
	STR_EQ(is->id,
	    "https://mesos.apache.org/blog/mesos-community-update-3");
	STR_EQ(is->title,
	    "Mesos Community Update #3 \xe2\x80\x94 Aurora & Spark");
	STR_EQ(is->link,
	    "https://mesos.apache.org/blog/mesos-community-update-3/");
	STR_EQ(is->author, "Ann & Bob");
	ONE_DATE(is, updated, published, utc(2014, 4, 17, 15, 15, 0));
	/* Escaped markup is untouched by the repair. */
	STR_EQ(is->content, "<p>Aurora &amp; Spark &lt;3 Mesos.</p>");
	INT_EQ(is->kind, CONTENT_HTML);

	is = nth(&whole, 1);
	STR_EQ(is->author, "R&D Team");
	STR_EQ(is->link,
	    "https://mesos.apache.org/blog/mesos-community-update-2/");
	STR_EQ(is->content, "<p>Docker &amp; Marathon.</p>");

	is = nth(&whole, 2);
	STR_EQ(is->title, "Mesos Community Update #1");
	STR_EQ(is->author, "Matt Trifiro");
	STR_EQ(is->link,
	    "https://mesos.apache.org/blog/mesos-community-update-1/");
	ONE_DATE(is, updated, published, utc(2014, 3, 20, 16, 0, 0));

	/* Streaming: any chunking gives the same issues and one warning. */
	for (c = 1; c < sizeof chunks / sizeof chunks[0]; c++) {
		parse_file(MESOS_FEED, NULL, "mesos-jekyll.atom", chunks[c],
		    &r);
		INT_EQ(r.rc, 0);
		OK(r.n == whole.n, "chunk %zu: %zu issues", chunks[c], r.n);
		for (i = 0; i < r.n && i < whole.n; i++)
			OK(issue_eq(r.v[i], whole.v[i]), "chunk %zu: "
			    "issue %zu differs (author \"%s\")", chunks[c], i,
			    r.v[i]->author ? r.v[i]->author : "(null)");
		STR_EQ(r.warning, whole.warning);
		result_free(&r);
	}
	result_free(&whole);

	/* The same through feed_load_local. */
	load("mesos-jekyll.atom", NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 3);
	OK(r.warning != NULL, "feed_load_local: one warning");
	STR_EQ(nth(&r, 0)->author, "Ann & Bob");
	result_free(&r);
}

/* Namespaces decide, not prefixes; title types; character sets. */
static void
test_more_formats(void)
{
	struct result r, whole;
	const struct issue *is;
	char *data, *url;
	size_t len, i;
	struct buf b = BUF_INIT;

	load("prefixed.atom", NULL, &r);
	invariants(&r, "prefixed.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.format, FEED_ATOM10);
	STR_EQ(r.meta_title, "Prefixed Atom");
	STR_EQ(r.meta_link, "https://prefixed.example.org/");
	INT_EQ(r.n, 1);
	is = nth(&r, 0);
	STR_EQ(is->id, "urn:prefixed:1");
	STR_EQ(is->title, "A prefixed entry");
	STR_EQ(is->link, "https://prefixed.example.org/1");
	STR_EQ(is->author, "Ann Prefix");
	ONE_DATE(is, published, updated, T0);
	STR_EQ(is->content, "<p>Prefixed.</p>");
	INT_EQ(is->kind, CONTENT_HTML);
	result_free(&r);

	load("prefixes.rss", NULL, &r);
	invariants(&r, "prefixes.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	is = nth(&r, 0);
	STR_EQ(is->author, "Dee Creator");
	ONE_DATE(is, published, updated, T0);
	STR_EQ(is->content, "<p>Encoded.</p>");
	INT_EQ(is->kind, CONTENT_HTML);
	result_free(&r);

	/* Atom title types: text is literal, html and xhtml become text. */
	load("titles.atom", NULL, &r);
	invariants(&r, "titles.atom");
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_title, "Title kinds");
	INT_EQ(r.n, 5);
	STR_EQ(nth(&r, 0)->title, "Use <b> for bold &amp; more");
	STR_EQ(nth(&r, 1)->title, "x <y> z");
	STR_EQ(nth(&r, 2)->title, "a < b > c");
	STR_EQ(nth(&r, 3)->title, "Prefixed bold title");
	STR_EQ(nth(&r, 4)->title, "Mesos 0.20 & Docker");
	result_free(&r);

	load("cp1252.rss", NULL, &r);
	invariants(&r, "cp1252.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "It\xe2\x80\x99s \xe2\x80\x9cMesos"
	    "\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5");
	result_free(&r);

	/* The entities of the RSS 0.91 DTD, which is never loaded. */
	load("rss092-entities.rss", NULL, &r);
	invariants(&r, "rss092-entities.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.format, FEED_RSS09);
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 & Mesos");
	STR_EQ(nth(&r, 1)->title, "Second");
	result_free(&r);

	/* A byte order mark, whole and byte by byte. */
	data = slurp("atom03.atom", &len);
	buf_add(&b, "\xef\xbb\xbf", 3);
	buf_add(&b, data, len);
	free(data);
	url = fixture_url("atom03.atom");
	parse_file(url, NULL, "atom03.atom", 0, &whole);
	for (i = 0; i < 2; i++) {
		memset(&r, 0, sizeof r);
		parse_mem(url, NULL, b.data, b.len, i, NULL, &r);
		INT_EQ(r.rc, 0);
		INT_EQ(r.format, FEED_ATOM03);
		OK(r.n == whole.n && r.n == 2 &&
		    issue_eq(r.v[0], whole.v[0]) &&
		    issue_eq(r.v[1], whole.v[1]), "BOM, chunk %zu", i);
		result_free(&r);
	}
	result_free(&whole);
	free(url);
	buf_free(&b);
}

/* Ampersands: escaped ones in attributes, bare ones, and the places
 * where a bare one is fine (CDATA, comments, processing instructions). */
static void
test_ampersands(void)
{
	struct result r;
	const struct issue *is;

	load("amp-href.atom", NULL, &r);
	invariants(&r, "amp-href.atom");
	INT_EQ(r.rc, 0);
	STR_EQ(r.warning, NULL);
	STR_EQ(r.meta_link, "https://amp.example.org/?feed=1&lang=en");
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->link,
	    "https://amp.example.org/search?q=mesos&page=2&sort=date&x=<y>");
	STR_EQ(nth(&r, 0)->author, "Q & A");
	STR_EQ(nth(&r, 1)->link, "https://amp.example.org/a&b/c?d=1&e=2");
	result_free(&r);

	load("cdata-amp.rss", NULL, &r);
	invariants(&r, "cdata-amp.rss");
	INT_EQ(r.rc, 0);
	STR_EQ(r.warning, NULL);	/* well-formed: nothing repaired */
	INT_EQ(r.n, 1);
	is = nth(&r, 0);
	STR_EQ(is->title, "Q&A with the Aurora team");
	STR_EQ(is->link, "http://cdata.example.org/qa?x=1&y=2");
	STR_EQ(is->content, "<p>Q&A: <a href=\"http://x.example.org/?a=1&amp;"
	    "b=2\">link</a> & more</p>");
	result_free(&r);

	load("bare-amp-attr.atom", NULL, &r);
	invariants(&r, "bare-amp-attr.atom");
	INT_EQ(r.rc, 0);
	OK(r.warning != NULL, "bare ampersands: a warning");
	STR_EQ(r.meta_title, "Bare & in attributes and text");
	INT_EQ(r.n, 2);
	is = nth(&r, 0);
	STR_EQ(is->title, "Spark & Mesos &copy 2014 & & & AT&T");
	STR_EQ(is->link, "https://amp.example.org/search?q=mesos&page=2");
	STR_EQ(is->author, "Ann & Bob");
	STR_EQ(nth(&r, 1)->title, "Second");
	result_free(&r);

	/* A less-than sign that starts no tag is repaired too. */
	load("bare-lt.rss", NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "a < b");
	STR_EQ(r.warning, "repaired 1 bare less-than sign");
	result_free(&r);
	/* Other well-formedness errors are read past (test_recovery), but
	 * an entry they hit is not whole: here the only one, so an error. */
	load("mismatch.atom", NULL, &r);
	INT_EQ(r.rc, -1);
	INT_EQ(r.n, 0);
	STR_EQ(r.cause, "line 6: Opening and ending tag mismatch: title "
	    "line 6 and titel");
	result_free(&r);
}

/* Streaming must not depend on where the chunks end. */
static void
test_chunking(void)
{
	static const char *const files[] = {
		"atom10.atom", "atom03.atom", "rss20.rss", "rss10.rdf",
		"xmlbase.atom", "c1-bidi.atom", "invalid-utf8.atom",
		"esc-raw.atom", "latin1.rss", "rss091.rss", "cp1252.rss",
		"mesos-jekyll.atom", "bare-amp-attr.atom", "amp-href.atom",
		"cdata-amp.rss", "prefixed.atom", "titles.atom",
	};
	static const size_t chunks[] = { 1, 2, 3, 5, 13, 1000 };
	struct result whole, r;
	size_t f, c, i;
	char *url;

	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		url = fixture_url(files[f]);
		parse_file(url, NULL, files[f], 0, &whole);
		invariants(&whole, files[f]);
		for (c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
			parse_file(url, NULL, files[f], chunks[c], &r);
			OK(r.rc == whole.rc && r.n == whole.n, "%s in chunks "
			    "of %zu: rc %d, %zu issues (whole: %d, %zu)",
			    files[f], chunks[c], r.rc, r.n, whole.rc, whole.n);
			for (i = 0; i < r.n && i < whole.n; i++)
				OK(issue_eq(r.v[i], whole.v[i]), "%s in "
				    "chunks of %zu: issue %zu differs (\"%s\" "
				    "vs \"%s\")", files[f], chunks[c], i,
				    r.v[i]->title ? r.v[i]->title : "",
				    whole.v[i]->title ? whole.v[i]->title :
				    "");
			STR_EQ(r.meta_title, whole.meta_title);
			result_free(&r);
		}
		result_free(&whole);
		free(url);
	}
}

static void
test_missing_ids(void)
{
	struct result r, again, other;
	const struct issue *is;
	size_t i, j;

	load("noid.rss", NULL, &r);
	invariants(&r, "noid.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 6);
	/* No guid: the link. */
	STR_EQ(nth(&r, 0)->id, "http://noid.example.org/link-only");
	/* An empty guid counts as none. */
	STR_EQ(nth(&r, 4)->id, "http://noid.example.org/empty-guid");
	/* A relative link is resolved (against the channel's link) before
	 * it serves as the id. */
	is = nth(&r, 5);
	STR_EQ(is->link, "http://noid.example.org/relative-link");
	STR_EQ(is->id, is->link);
	/* Neither: a hash of title and date, distinct per item. */
	for (i = 0; i < r.n; i++)
		for (j = i + 1; j < r.n; j++)
			OK(!streq(r.v[i]->id, r.v[j]->id), "items %zu and %zu "
			    "share the id %s", i, j, r.v[i]->id);
	OK(nth(&r, 1)->id != NULL && strlen(nth(&r, 1)->id) >= 8,
	    "a hash id of some length: %s", nth(&r, 1)->id);
	/* ... and stable: the same on a second parse, and in another
	 * document with the same title and date. */
	load("noid.rss", NULL, &again);
	INT_EQ(again.n, r.n);
	for (i = 0; i < r.n && i < again.n; i++)
		STR_EQ(again.v[i]->id, r.v[i]->id);
	load("noid2.rss", NULL, &other);
	INT_EQ(other.rc, 0);
	INT_EQ(other.n, 1);
	STR_EQ(nth(&other, 0)->id, nth(&r, 1)->id);
	result_free(&other);
	result_free(&again);
	result_free(&r);

	load("noid.atom", NULL, &r);
	invariants(&r, "noid.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->id, "https://noid.example.org/posts/link-no-id/");
	OK(nth(&r, 1)->id != NULL && strlen(nth(&r, 1)->id) >= 8,
	    "hash id %s", nth(&r, 1)->id);
	OK(!streq(nth(&r, 0)->id, nth(&r, 1)->id), "distinct ids");
	result_free(&r);
}

static void
test_dates(void)
{
	struct result r;
	struct library_opts lo;
	struct library *lib;
	const struct library_entry *e;
	const char *src = "baddates.rss";
	char *cause = NULL;
	size_t i;

	load("baddates.rss", NULL, &r);
	invariants(&r, "baddates.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 4);			/* nothing dropped */
	STR_EQ(nth(&r, 0)->title, "Garbage date");
	INT_EQ(nth(&r, 0)->published, -1);
	INT_EQ(nth(&r, 0)->updated, -1);
	STR_EQ(nth(&r, 0)->date_raw, "Thursday at noon");
	INT_EQ(nth(&r, 1)->published, T0);
	STR_EQ(nth(&r, 1)->date_raw, NULL);
	INT_EQ(nth(&r, 2)->published, -1);
	STR_EQ(nth(&r, 2)->date_raw, "Sat, 29 Feb 2014 10:00:00 GMT");
	INT_EQ(nth(&r, 3)->published, -1);
	INT_EQ(nth(&r, 3)->updated, -1);
	STR_EQ(nth(&r, 3)->date_raw, NULL);

	/* In the issue list the undated sort last, in document order. */
	memset(&lo, 0, sizeof lo);
	lo.sources = &src;
	lo.nsources = 1;
	lib = library_new(&lo);
	INT_EQ(library_open(lib, &cause), 0);
	INT_EQ(library_load(lib, 0, NULL, NULL, &cause), 0);
	INT_EQ(library_count(lib), 4);
	e = library_entry(lib, 0);
	STR_EQ(e ? e->title : NULL, "Good date");
	e = library_entry(lib, 1);
	STR_EQ(e ? e->title : NULL, "Garbage date");
	e = library_entry(lib, 2);
	STR_EQ(e ? e->title : NULL, "Impossible date");
	e = library_entry(lib, 3);
	STR_EQ(e ? e->title : NULL, "No date");
	library_free(lib);
	result_free(&r);

	load("baddates.atom", NULL, &r);
	invariants(&r, "baddates.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	INT_EQ(nth(&r, 0)->published, -1);
	INT_EQ(nth(&r, 0)->updated, -1);
	STR_EQ(nth(&r, 0)->date_raw, "sometime in spring 2014");
	INT_EQ(nth(&r, 1)->published, T0);
	INT_EQ(nth(&r, 1)->updated, T0 + 86400);
	result_free(&r);

	/* RFC 822 with every zone name: one instant. */
	load("zones.rss", NULL, &r);
	invariants(&r, "zones.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 21);
	for (i = 0; i < r.n; i++) {
		OK(r.v[i]->published == T0, "zone %s: %lld", r.v[i]->title,
		    (long long)r.v[i]->published);
		STR_EQ(r.v[i]->date_raw, NULL);
	}
	result_free(&r);

	/* RFC 3339 with offsets and fractions. */
	load("rfc3339.atom", NULL, &r);
	invariants(&r, "rfc3339.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 9);
	for (i = 0; i + 1 < r.n; i++) {
		OK(r.v[i]->published == T0, "%s: published %lld",
		    r.v[i]->title, (long long)r.v[i]->published);
		OK(r.v[i]->updated == T0, "%s: updated %lld", r.v[i]->title,
		    (long long)r.v[i]->updated);
	}
	ONE_DATE(nth(&r, 8), updated, published, T0 - 36000);
	result_free(&r);
}

static void
test_markdown(void)
{
	struct result r;
	const struct issue *is;
	char *url;
	size_t i;

	OK(feed_is_markdown_source("posts"), "a directory");
	OK(feed_is_markdown_source("posts/"), "a directory/");
	OK(feed_is_markdown_source(
	    "posts/2014-03-20-mesos-community-update-1.md"), "*.md");
	OK(feed_is_markdown_source("update.markdown"), "*.markdown");
	OK(!feed_is_markdown_source("atom10.atom"), "*.atom");
	OK(!feed_is_markdown_source("rss20.rss"), "*.rss");

	load("posts", NULL, &r);
	invariants(&r, "posts");
	INT_EQ(r.rc, 0);
	STR_EQ(r.cause, NULL);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_MARKDOWN);
	INT_EQ(r.n, 4);			/* notes.txt is not a post */
	for (i = 0; i < r.n; i++) {
		INT_EQ(r.v[i]->kind, CONTENT_MARKDOWN);
		OK(r.v[i]->content != NULL &&
		    strstr(r.v[i]->content, "---") == NULL &&
		    strstr(r.v[i]->content, "permalink:") == NULL,
		    "%s: the body without its header", r.v[i]->title);
		/* The permalink is the link (resolved or not) and the id. */
		OK(r.v[i]->link != NULL &&
		    strncmp(r.v[i]->link, "/blog/", 6) == 0,
		    "%s: link %s", r.v[i]->title, r.v[i]->link);
		STR_EQ(r.v[i]->id, r.v[i]->link);
	}

	if ((is = by_title(&r, "Mesos Community Update #1")) != NULL) {
		/* No date key: the file name's date. */
		INT_EQ(is->published, utc(2014, 3, 20, 0, 0, 0));
		STR_EQ(is->author, "Matt Trifiro");	/* post_author */
		STR_EQ(is->tags, "Community");
		CONTAINS("link", is->link, "/blog/mesos-community-update-1/");
		CONTAINS("content", is->content,
		    "### Here are some recent highlights:");
		CONTAINS("content", is->content,
		    "(mailto:community@mesosphere.io)");
	}
	if ((is = by_title(&r, "Update #2: Docker meets Mesos")) != NULL) {
		/* A date key beats the file name. */
		INT_EQ(is->published, utc(2014, 4, 3, 17, 30, 0));
		STR_EQ(is->author, "Ann & Bob");
		STR_EQ(is->tags, "Community, Docker");
		CONTAINS("content", is->content,
		    "Deimos runs Docker containers on Mesos.");
	}
	if ((is = by_title(&r, "Mesos 0.18.0: containerizers")) != NULL) {
		INT_EQ(is->published, utc(2014, 4, 17, 0, 0, 0));
		STR_EQ(is->author, "Dave Lester");	/* beats author: */
		STR_EQ(is->tags, "Community, Release");
	}
	if ((is = by_title(&r, "Colours [31mred[0m evil csi")) != NULL) {
		STR_EQ(is->author, "Mallory]0;x");
		INT_EQ(is->published, utc(2014, 5, 1, 0, 0, 0));
	}
	result_free(&r);

	/* One post, by path and by file:// URL. */
	load("posts/2014-04-03-mesos-community-update-2.md", NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Update #2: Docker meets Mesos");
	STR_EQ(nth(&r, 0)->author, "Ann & Bob");
	result_free(&r);
	url = fixture_url("posts/2014-04-03-mesos-community-update-2.md");
	load(url, NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Update #2: Docker meets Mesos");
	result_free(&r);
	free(url);

	/* A malformed header: an error naming the line, not a crash. */
	load("posts-bad/2014-05-01-broken.md", NULL, &r);
	INT_EQ(r.rc, -1);
	CONTAINS("cause", r.cause, "line 4");
	result_free(&r);
	/* In a directory it also names the file, as an error or warning. */
	load("posts-bad", NULL, &r);
	{
		const char *msg = r.rc == -1 ? r.cause : r.warning;

		CONTAINS("message", msg, "2014-05-01-broken.md");
		CONTAINS("message", msg, "line 4");
	}
	result_free(&r);
}

static void
test_sample(void)
{
	struct result r;
	const struct issue *is;
	char want[128], path[PATH_MAX + 32];
	size_t i, j;

	snprintf(path, sizeof path, "%s/../../data/sample.atom", fixtures);
	load(path, NULL, &r);
	invariants(&r, "sample.atom");
	INT_EQ(r.rc, 0);
	STR_EQ(r.cause, NULL);
	STR_EQ(r.warning, NULL);
	INT_EQ(r.format, FEED_ATOM10);
	STR_EQ(r.meta_title, "Apache Mesos Blog");
	STR_EQ(r.meta_link, "https://mesos.apache.org/blog/");
	OK(r.n >= 7, "%zu issues in the sample", r.n);
	for (i = 0; i < r.n; i++) {
		is = r.v[i];
		snprintf(want, sizeof want, "Mesos Community Update #%zu",
		    r.n - i);
		STR_EQ(is->title, want);
		snprintf(want, sizeof want, "https://mesos.apache.org/blog/"
		    "mesos-community-update-%zu/", r.n - i);
		STR_EQ(is->link, want);
		STR_EQ(is->id, want);
		STR_EQ(is->base, want);
		OK(is->published >= utc(2014, 1, 1, 0, 0, 0) &&
		    is->published < utc(2015, 1, 1, 0, 0, 0),
		    "%s is from 2014", is->title);
		OK(i == 0 || is->published < r.v[i - 1]->published,
		    "newest first");
		INT_EQ(is->kind, CONTENT_HTML);
		CONTAINS("content", is->content,
		    "<h3 id=\"here-are-some-recent-highlights\">Here are some "
		    "recent highlights:</h3>\n<ul>\n  <li>\n    <p>");
		CONTAINS("content", is->content, "Upcoming events:</h3>");
		CONTAINS("content", is->content,
		    "<a href=\"mailto:community@mesosphere.io\">");
		CONTAINS("content", is->content, "<p><em>");
		OK(is->author != NULL && is->author[0] != '\0', "author");
		INT_EQ(is->summary_kind, CONTENT_HTML);
		for (j = 0; j < i; j++)
			OK(!streq(r.v[j]->id, is->id), "unique ids");
	}
	if ((is = by_title(&r, "Mesos Community Update #2")) != NULL)
		STR_EQ(is->author, "Matt Trifiro & Abhishek Parolkar");
	if ((is = by_title(&r, "Mesos Community Update #1")) != NULL) {
		INT_EQ(is->published, utc(2014, 3, 20, 16, 0, 0));
		STR_EQ(is->author, "Matt Trifiro");
	}
	result_free(&r);
}

/* ------------------------------------------------------------------ */
/* Hostile inputs. */

static void
test_entities(void)
{
	struct result r;

	/* A billion laughs: entities are never expanded, so the parse
	 * either stops with an error or goes on without the expansion;
	 * in both cases quickly and in little memory. */
	alarm(60);
	load("billion-laughs.rss", NULL, &r);
	invariants(&r, "billion-laughs.rss");
	if (r.rc == 0) {
		INT_EQ(r.n, 2);
		OK(nth(&r, 0)->title != NULL &&
		    strncmp(nth(&r, 0)->title, "Laughs:", 7) == 0 &&
		    strstr(nth(&r, 0)->title, "lollol") == NULL &&
		    strlen(nth(&r, 0)->title) < 32, "title %s",
		    nth(&r, 0)->title);
		OK(nth(&r, 0)->author == NULL ||
		    strstr(nth(&r, 0)->author, "lollol") == NULL, "author");
		STR_EQ(nth(&r, 1)->title, "After the laughs");
	} else
		CONTAINS("cause", r.cause, "line ");
	result_free(&r);

	load("billion-laughs.atom", NULL, &r);
	invariants(&r, "billion-laughs.atom");
	if (r.rc == 0) {
		INT_EQ(r.n, 2);
		OK(nth(&r, 0)->title != NULL &&
		    strstr(nth(&r, 0)->title, "lollol") == NULL,
		    "title %s", nth(&r, 0)->title);
		OK(nth(&r, 0)->content == NULL ||
		    strlen(nth(&r, 0)->content) < 4096,
		    "content not expanded");
		STR_EQ(nth(&r, 1)->title, "After the laughs");
	} else
		CONTAINS("cause", r.cause, "line ");
	result_free(&r);
	alarm(0);

	/* External entities are never loaded: the document loads without
	 * them, or is refused with an error naming the line. */
	load("xxe-passwd.rss", NULL, &r);
	invariants(&r, "xxe-passwd.rss");
	if (r.rc == 0) {
		INT_EQ(r.n, 2);
		OK(nth(&r, 0)->title != NULL &&
		    strncmp(nth(&r, 0)->title, "Secret:", 7) == 0, "title %s",
		    nth(&r, 0)->title);
		STR_EQ(nth(&r, 1)->title, "After the entity");
	} else
		CONTAINS("cause", r.cause, "line 3");
	result_free(&r);

	load("xxe-param.rss", NULL, &r);
	invariants(&r, "xxe-param.rss");
	if (r.rc == 0) {
		INT_EQ(r.n, 1);
		STR_EQ(nth(&r, 0)->title, "Parameter entity");
	} else
		CONTAINS("cause", r.cause, "line 3");
	result_free(&r);

	/* A DOCTYPE naming an external DTD and no entities: it is not
	 * loaded, and the feed is fine. */
	load("external-dtd.atom", NULL, &r);
	invariants(&r, "external-dtd.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "External DTD");
	result_free(&r);
}

static char *
write_tmp(const char *name, const void *data, size_t len)
{
	char *path;
	FILE *f;

	path = xasprintf("%s/%s", tmpdir, name);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0)
		OK(0, "write %s: %s", path, strerror(errno));
	return path;
}
#define WRITE_TMP(name, s) write_tmp(name, s, strlen(s))

/* Local files the document points at, with markers that must not show. */
static void
test_local_files(void)
{
	struct result r;
	char *secret, *dtd, *feed, *doc;
	size_t i;

	secret = WRITE_TMP("secret.txt", "root:x:0:0:PWNED-FILE\n");
	dtd = WRITE_TMP("evil.dtd", "<!ENTITY marker \"PWNED-DTD\">\n"
	    "<!ENTITY file SYSTEM \"secret.txt\">\n");

	doc = xasprintf("<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE rss SYSTEM \"evil.dtd\">\n"
	    "<rss version=\"2.0\"><channel><title>DTD</title>\n"
	    "<item><title>x &marker; &file; y</title>"
	    "<link>http://dtd.example.org/1</link></item>\n"
	    "<item><title>Two</title><link>http://dtd.example.org/2</link>"
	    "</item>\n</channel></rss>\n");
	feed = WRITE_TMP("dtd.rss", doc);
	load(feed, NULL, &r);
	invariants(&r, "dtd.rss");
	for (i = 0; i < r.n; i++)
		OK(strstr(r.v[i]->title, "PWNED") == NULL, "dtd entity");
	result_free(&r);
	free(feed);
	free(doc);

	doc = xasprintf("<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE feed [\n"
	    "<!ENTITY rel SYSTEM \"secret.txt\">\n"
	    "<!ENTITY abs SYSTEM \"file://%s\">\n"
	    "<!ENTITY %% pe SYSTEM \"evil.dtd\">\n%%pe;\n"
	    "]>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	    "<entry><id>urn:x:&rel;</id><title>&rel;|&abs;|&marker;</title>"
	    "<author><name>&abs;</name></author>"
	    "<link href=\"http://x.example.org/&rel;\"/>"
	    "<content type=\"html\">&rel;&abs;</content></entry>\n"
	    "</feed>\n", secret);
	feed = WRITE_TMP("xxe.atom", doc);
	load(feed, NULL, &r);
	invariants(&r, "xxe.atom");
	/* An external entity in an attribute is not well-formed: the parse
	 * may stop; what matters is that no marker shows. */
	if (r.rc == 0)
		INT_EQ(r.n, 1);
	result_free(&r);
	unlink(feed);
	free(feed);
	free(doc);

	unlink(secret);
	unlink(dtd);
	free(secret);
	free(dtd);
}

static void
test_controls(void)
{
	static const char esc_title[] = "\x1b[2J\x1b[H\x1b[31mRed\x1b[0m "
	    "alert\x07 \x1b]0;pwned\x07title\x1b]8;;http://evil.example/"
	    "\x1b\\link\x1b]8;;\x1b\\ done";
	struct result r;
	const struct issue *is;
	char *want;

	/* Raw ESC sequences (not even XML): stripped, the feed loads. */
	load("esc-raw.atom", NULL, &r);
	invariants(&r, "esc-raw.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 3);
	is = nth(&r, 0);
	STR_EQ(is->id, "urn:esc:[31m1");
	want = utf8_sanitize(esc_title, sizeof esc_title - 1, UTF8_ONELINE);
	STR_EQ(want, "[2J[H[31mRed[0m alert ]0;pwnedtitle]8;;"
	    "http://evil.example/\\link]8;;\\ done");
	STR_EQ(is->title, want);
	free(want);
	STR_EQ(is->link, "http://esc.example.org/[1m1");
	STR_EQ(is->author, "Mallory[8m hidden[28m");
	INT_EQ(is->published, T0);
	/* The C1 byte form is invalid UTF-8: U+FFFD, not CSI. */
	is = nth(&r, 1);
	STR_EQ(is->title, "C1 byte " FFFD "31mform" FFFD "0m and NEL" FFFD);
	STR_EQ(is->link, "http://esc.example.org/" FFFD "2");
	STR_EQ(is->author, FFFD "Eve");
	STR_EQ(nth(&r, 2)->title, "After the escapes");
	result_free(&r);

	/* C1 code points, DEL and bidi controls, raw and by reference.  By
	 * reference, 0x80-0x9f are windows-1252's printable characters, as
	 * the WHATWG has them: CSI (&#x9b;) is "\xe2\x80\xba", NEL "...". */
	load("c1-bidi.atom", NULL, &r);
	invariants(&r, "c1-bidi.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	is = nth(&r, 0);
	STR_EQ(is->id, "urn:c1:1\xe2\x80\xba");
	STR_EQ(is->title, "CSI 31mred0m \xe2\x80\xba" "1m DEL OSC 0;t end");
	STR_EQ(is->link, "http://c1.example.org/\xe2\x80\xba" "1");
	STR_EQ(is->author, "Trudy \xe2\x80\xa6Smith");
	is = nth(&r, 1);
	STR_EQ(is->id, "urn:bidi:2");
	STR_EQ(is->title, "evil txt.exe xyzabc");
	STR_EQ(is->link, "http://bidi.example.org/2");
	STR_EQ(is->author, "Bob Smith");
	result_free(&r);

	/* &#27; is not well-formed XML: dropped, or an error on its line. */
	load("esc-charref.atom", NULL, &r);
	invariants(&r, "esc-charref.atom");
	if (r.rc == 0) {
		INT_EQ(r.n, 1);
		STR_EQ(nth(&r, 0)->title, "[31mRed[0m");
	} else
		CONTAINS("cause", r.cause, "line 6");
	result_free(&r);

	/* Invalid UTF-8 becomes U+FFFD, byte by byte. */
	load("invalid-utf8.atom", NULL, &r);
	invariants(&r, "invalid-utf8.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(r.meta_title, "Invalid " FFFD " UTF-8");
	is = nth(&r, 0);
	STR_EQ(is->id, "urn:utf8:" FFFD FFFD FFFD);
	STR_EQ(is->title, "Caf" FFFD " Mesos");
	STR_EQ(is->link, "http://utf8.example.org/" FFFD FFFD);
	STR_EQ(is->author, FFFD "Lone " FFFD FFFD FFFD " truncated");
	INT_EQ(is->published, T0);
	OK(is->content != NULL && strstr(is->content, "Bad ") != NULL,
	    "content kept");
	STR_EQ(nth(&r, 1)->title, "Valid caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 "
	    "\xf0\x9f\x98\x80");
	result_free(&r);

	/* A NUL byte: dropped (or U+FFFD), or an error on its line. */
	load("nul.rss", NULL, &r);
	invariants(&r, "nul.rss");
	if (r.rc == 0) {
		INT_EQ(r.n, 2);
		OK(streq(nth(&r, 0)->title, "BeforeAfter") ||
		    streq(nth(&r, 0)->title, "Before" FFFD "After"),
		    "title %s", nth(&r, 0)->title);
		STR_EQ(nth(&r, 1)->title, "Second");
	} else
		CONTAINS("cause", r.cause, "line 5");
	result_free(&r);
}

static void
test_encodings(void)
{
	static const char ascii[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
	    "<rss version=\"2.0\"><channel><title>Sixteen</title><item>"
	    "<title>Caf\xc3\xa9 16</title>"
	    "<link>http://u16.example.org/1</link>"
	    "</item></channel></rss>";
	struct result r;
	struct buf b = BUF_INIT;
	size_t i;
	uint32_t cp;

	load("latin1.rss", NULL, &r);
	invariants(&r, "latin1.rss");
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_title, "Caf\xc3\xa9 Mesos");
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 \xc3\xa0 Z\xc3\xbcrich");
	STR_EQ(nth(&r, 0)->author, "Ren\xc3\xa9" "e");
	result_free(&r);

	/* The charset a server declared applies to an undeclared body. */
	parse_file("http://latin1.example.org/feed", "ISO-8859-1",
	    "undeclared-latin1.rss", 0, &r);
	invariants(&r, "undeclared-latin1.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 sans d\xc3\xa9" "claration");
	result_free(&r);
	/* Without it, the bytes are invalid UTF-8. */
	parse_file("http://latin1.example.org/feed", NULL,
	    "undeclared-latin1.rss", 0, &r);
	invariants(&r, "undeclared-latin1.rss (no charset)");
	INT_EQ(r.rc, 0);
	STR_EQ(nth(&r, 0)->title, "Caf" FFFD " sans d" FFFD "claration");
	result_free(&r);

	/* UTF-16 with a byte order mark. */
	buf_add(&b, "\xff\xfe", 2);
	for (i = 0; ascii[i] != '\0'; ) {
		i += utf8_decode(ascii + i, strlen(ascii + i), &cp);
		buf_addc(&b, (int)(cp & 0xff));
		buf_addc(&b, (int)(cp >> 8));
	}
	memset(&r, 0, sizeof r);
	parse_mem("http://u16.example.org/feed", NULL, b.data, b.len, 0, NULL,
	    &r);
	invariants(&r, "utf-16");
	INT_EQ(r.rc, 0);
	INT_EQ(r.format, FEED_RSS20);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 16");
	result_free(&r);
	buf_free(&b);
}

static void
test_errors(void)
{
	struct feed_limits lim;
	struct result r;
	char *path, *data;
	size_t len;

	/* Cut inside its second entry: the first is read, and said so. */
	load("truncated.atom", NULL, &r);
	invariants(&r, "truncated.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Complete entry");
	STR_EQ(r.warning, "line 10: document is truncated (it ends inside an "
	    "element); read 1 entry, the rest may be missing");
	result_free(&r);
	/* The same through the streaming API, when asked to recover; */
	memset(&lim, 0, sizeof lim);
	lim.recover = true;
	data = slurp("truncated.atom", &len);
	memset(&r, 0, sizeof r);
	parse_mem(MESOS_FEED, NULL, data, len, 5, &lim, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	CONTAINS("warning", r.warning, "line 10: document is truncated");
	result_free(&r);
	/* else the first error is the answer, as it was. */
	memset(&r, 0, sizeof r);
	parse_mem(MESOS_FEED, NULL, data, len, 5, NULL, &r);
	INT_EQ(r.rc, -1);
	STR_EQ(r.cause, "line 10: document is truncated (it ends inside an "
	    "element)");
	result_free(&r);
	free(data);
	/* Cut before any entry ended: nothing to show, an error. */
	memset(&r, 0, sizeof r);
	parse_mem(MESOS_FEED, NULL, "<feed xmlns=\"http://www.w3.org/2005/"
	    "Atom\">\n<entry><title>x", 50, 0, &lim, &r);
	INT_EQ(r.rc, -1);
	STR_EQ(r.cause, "line 2: document is truncated (it ends inside an "
	    "element)");
	INT_EQ(r.n, 0);
	result_free(&r);

	load("not-xml.txt", NULL, &r);
	invariants(&r, "not-xml.txt");
	INT_EQ(r.rc, -1);
	CONTAINS("cause", r.cause, "line 1");
	INT_EQ(r.n, 0);
	result_free(&r);

	load("unknown-root.xml", NULL, &r);
	invariants(&r, "unknown-root.xml");
	INT_EQ(r.rc, -1);
	CONTAINS("cause", r.cause, "opml");
	INT_EQ(r.n, 0);
	result_free(&r);

	load("empty.xml", NULL, &r);
	invariants(&r, "empty.xml");
	INT_EQ(r.rc, -1);
	OK(r.cause != NULL && r.cause[0] != '\0', "empty: a cause");
	INT_EQ(r.n, 0);
	result_free(&r);

	path = xasprintf("%s/no-such-feed.xml", tmpdir);
	load(path, NULL, &r);
	INT_EQ(r.rc, -1);
	CONTAINS("cause", r.cause, "No such file or directory");
	OK(r.cause == NULL || strstr(r.cause, "no-such-feed") == NULL,
	    "the cause does not repeat the source: %s", r.cause);
	result_free(&r);
	free(path);

	/* A JSON Feed is recognised by its first byte (issue 7); this one
	 * is empty.  tests/jsonfeed.sh covers the format. */
	path = WRITE_TMP("feed.json", "{\"version\": "
	    "\"https://jsonfeed.org/version/1\", \"items\": []}\n");
	load(path, NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 0);
	result_free(&r);
	unlink(path);
	free(path);

	/* A local JSON Feed: relative links stay as written, unless it
	 * names its own http(s) feed_url. */
	path = WRITE_TMP("rel.json", "{\"version\": "
	    "\"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": "
	    "\"1\", \"url\": \"/blog/one/\", \"content_html\": \"x\"}]}\n");
	load(path, NULL, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->link, "/blog/one/");
	STR_EQ(nth(&r, 0)->base, NULL);
	result_free(&r);
	unlink(path);
	free(path);
	path = WRITE_TMP("home.json", "{\"version\": "
	    "\"https://jsonfeed.org/version/1.1\", \"feed_url\": "
	    "\"https://mesos.apache.org/blog/feed.json\", \"items\": [{"
	    "\"id\": \"1\", \"url\": \"/blog/one/\", \"content_html\": "
	    "\"x\"}]}\n");
	load(path, NULL, &r);
	INT_EQ(r.rc, 0);
	STR_EQ(nth(&r, 0)->link, "https://mesos.apache.org/blog/one/");
	STR_EQ(nth(&r, 0)->base, "https://mesos.apache.org/blog/feed.json");
	result_free(&r);
	unlink(path);
	free(path);

	/* The callback stops the parse. */
	memset(&r, 0, sizeof r);
	r.stop_after = 1;
	data = slurp("rss20.rss", &len);
	parse_mem(MESOS_FEED, NULL, data, len, 0, NULL, &r);
	free(data);
	INT_EQ(r.rc, -1);
	STR_EQ(r.cause, "stopped");
	INT_EQ(r.calls, 1);
	result_free(&r);
}

static void
test_limits(void)
{
	struct feed_limits lim;
	struct result r;
	struct buf b = BUF_INIT;
	char *path;
	int i;

	/* Document size. */
	memset(&lim, 0, sizeof lim);
	lim.max_doc = 1024;
	load("atom10.atom", &lim, &r);
	INT_EQ(r.rc, -1);
	OK(r.cause != NULL, "max_doc: a cause");
	result_free(&r);
	lim.max_doc = 1 << 20;
	load("atom10.atom", &lim, &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 6);
	result_free(&r);

	/* Nesting depth. */
	memset(&lim, 0, sizeof lim);
	lim.max_depth = 3;
	load("atom10.atom", &lim, &r);
	INT_EQ(r.rc, -1);
	OK(r.cause != NULL, "max_depth: a cause");
	result_free(&r);

	/* Field size: a 100 kB title with a 10 kB cap is cut or refused. */
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"
	    "<title>Big</title><item><title>");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "Mesos ohm ");
	buf_adds(&b, "</title><link>http://big.example.org/</link></item>"
	    "</channel></rss>\n");
	path = write_tmp("bigfield.rss", b.data, b.len);
	memset(&lim, 0, sizeof lim);
	lim.max_field = 10000;
	load(path, &lim, &r);
	invariants(&r, "bigfield.rss");
	if (r.rc == 0) {
		INT_EQ(r.n, 1);
		OK(strlen(nth(&r, 0)->title) <= 10000, "title cut to %zu",
		    strlen(nth(&r, 0)->title));
	} else
		OK(r.cause != NULL, "max_field: a cause");
	result_free(&r);
	/* The default field cap is far above it; a one-line field is cut
	 * to FEED_MAX_ONELINE bytes, "…" included. */
	load(path, NULL, &r);
	INT_EQ(r.rc, 0);
	OK(r.n == 1 && strlen(nth(&r, 0)->title) == FEED_MAX_ONELINE &&
	    strcmp(nth(&r, 0)->title + FEED_MAX_ONELINE - 3, "…") == 0,
	    "default limits cut the title to FEED_MAX_ONELINE with \"…\"");
	result_free(&r);
	unlink(path);
	free(path);
	buf_free(&b);
}

/* A document whose entry has n attributes (quoted values holding '=' and
 * '>' that are not attributes), in UTF-8 or UTF-16 (be, le). */
static char *
attrs_doc(int n, int utf16, size_t *len)
{
	struct buf b = BUF_INIT;
	char *u8;
	size_t i, n8;
	int k;

	buf_adds(&b, "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3."
	    "org/2005/Atom\">\n<entry xml:base='http://x/?a=b>c'");
	for (k = 1; k < n; k++)
		buf_printf(&b, "\n a%d=\"%s\"", k, k % 2 ? "=>'" : "x");
	buf_adds(&b, "><title>Many</title><id>urn:attrs</id></entry></feed>\n");
	if (!utf16) {
		*len = b.len;
		return buf_detach(&b);
	}
	n8 = b.len;
	u8 = buf_detach(&b);
	buf_adds(&b, utf16 == 'b' ? "\xfe\xff" : "\xff\xfe");
	for (i = 0; i < n8; i++) {
		char u[2] = { 0, u8[i] };

		if (utf16 == 'l') {
			u[0] = u8[i];
			u[1] = 0;
		}
		buf_add(&b, u, 2);
	}
	free(u8);
	*len = b.len;
	return buf_detach(&b);
}

/* libxml2 checks every attribute against the ones before it: a tag with
 * many attributes is refused before it costs quadratic time. */
static void
test_attributes(void)
{
	static const size_t chunks[] = { 0, 1, 2, 3, 7, 4096 };
	static const int enc[] = { 0, 'b', 'l' };
	struct result r;
	size_t len, c, e;
	char *doc;

	for (e = 0; e < nitems(enc); e++) {
		for (c = 0; c < nitems(chunks); c++) {
			doc = attrs_doc(1000, enc[e], &len);
			memset(&r, 0, sizeof r);
			parse_mem("http://a/", NULL, doc, len, chunks[c], NULL,
			    &r);
			OK(r.rc == 0 && r.n == 1, "1000 attributes (%c, chunks "
			    "of %zu): rc %d, %s", enc[e] ? enc[e] : '8',
			    chunks[c], r.rc, r.cause ? r.cause : "");
			result_free(&r);
			free(doc);
			doc = attrs_doc(1001, enc[e], &len);
			parse_mem("http://a/", NULL, doc, len, chunks[c], NULL,
			    &r);
			INT_EQ(r.rc, -1);
			INT_EQ(r.n, 0);
			STR_EQ(r.cause, "line 3: an element has more than 1000 "
			    "attributes");
			result_free(&r);
			free(doc);
		}
	}
}

/* 100k-deep nesting: a clear error, no stack overflow. */
static void
test_deep(void)
{
	struct buf b = BUF_INIT;
	struct result r;
	char *path;
	int i;

	buf_adds(&b, "<?xml version=\"1.0\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
	    "<id>urn:deep</id><title>Deep</title>\n<content type=\"xhtml\">");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div>");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "</div>");
	buf_adds(&b, "</content></entry></feed>\n");
	path = write_tmp("deep.atom", b.data, b.len);
	alarm(60);
	load(path, NULL, &r);
	alarm(0);
	invariants(&r, "deep.atom");
	INT_EQ(r.rc, -1);
	CONTAINS("cause", r.cause, "line 3");
	result_free(&r);

	/* The same depth in RSS, through the streaming API. */
	buf_reset(&b);
	buf_adds(&b, "<rss version=\"2.0\"><channel><title>Deep</title>\n");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<item>");
	memset(&r, 0, sizeof r);
	parse_mem(MESOS_FEED, NULL, b.data, b.len, 65536, NULL, &r);
	INT_EQ(r.rc, -1);
	CONTAINS("cause", r.cause, "line 2");
	result_free(&r);

	unlink(path);
	free(path);
	buf_free(&b);
}

static int
count(const struct issue *is, void *arg)
{
	struct result *r = arg;

	(void)is;
	r->calls++;
	return 0;
}

/* A 100 MB document, over the default 64 MiB cap: refused (issues may
 * have streamed out before the cap was reached). */
static void
test_huge(void)
{
	static const char entry[] =
	    "<entry><id>urn:huge:%08d</id><title>Entry %d</title>"
	    "<link href=\"https://huge.example.org/%d\"/>"
	    "<updated>2014-03-20T10:00:00Z</updated>"
	    "<content type=\"html\">&lt;p&gt;%s&lt;/p&gt;</content>"
	    "</entry>\n";
	char pad[901], *path;
	struct result r;
	struct stat st;
	size_t total = 0;
	FILE *f;
	int i, n;

	memset(pad, 'x', sizeof pad - 1);
	pad[sizeof pad - 1] = '\0';
	path = xasprintf("%s/huge.atom", tmpdir);
	if ((f = fopen(path, "wb")) == NULL) {
		OK(0, "create %s", path);
		free(path);
		return;
	}
	total += (size_t)fprintf(f, "<?xml version=\"1.0\"?>\n<feed xmlns="
	    "\"http://www.w3.org/2005/Atom\"><title>Huge</title>\n");
	for (i = 0; total < 100u * 1000 * 1000; i++) {
		n = fprintf(f, entry, i, i, i, pad);
		if (n < 0)
			break;
		total += (size_t)n;
	}
	fprintf(f, "</feed>\n");
	OK(fclose(f) == 0, "write %s", path);
	OK(stat(path, &st) == 0 && st.st_size > 100 * 1000 * 1000,
	    "a 100 MB document");

	alarm(300);
	memset(&r, 0, sizeof r);
	{
		struct feed_meta meta;

		memset(&meta, 0, sizeof meta);
		r.rc = feed_load_local(path, NULL, count, &r, &meta,
		    &r.warning, &r.cause);
		feed_meta_clear(&meta);
	}
	alarm(0);
	INT_EQ(r.rc, -1);
	OK(r.cause != NULL && (strstr(r.cause, "64") != NULL ||
	    strstr(r.cause, "MiB") != NULL ||
	    strstr(r.cause, "large") != NULL ||
	    strstr(r.cause, "limit") != NULL ||
	    strstr(r.cause, "size") != NULL),
	    "a size error: %s", r.cause ? r.cause : "(null)");
	result_free(&r);
	unlink(path);
	free(path);

	/* The same cap on a stream (a download): a push fails once more
	 * than 64 MiB came in, and nothing is kept of what came before. */
	{
		struct feed_parser *p;
		struct buf b = BUF_INIT;
		char *cause = NULL;
		size_t pushed = 0;
		int rc = 0;

		memset(&r, 0, sizeof r);
		p = feed_parser_new("https://huge.example.org/feed", NULL,
		    NULL, count, &r);
		buf_printf(&b, "<?xml version=\"1.0\"?>\n<feed xmlns="
		    "\"http://www.w3.org/2005/Atom\"><title>Huge</title>\n");
		alarm(300);
		for (i = 0; rc == 0 && pushed < 100u * 1000 * 1000; i++) {
			buf_printf(&b, entry, i, i, i, pad);
			if (b.len < 65536)
				continue;
			rc = feed_parser_push(p, b.data, b.len, &cause);
			pushed += b.len;
			buf_reset(&b);
		}
		if (rc == 0)
			rc = feed_parser_finish(p, &cause);
		alarm(0);
		INT_EQ(rc, -1);
		OK(pushed <= (64u << 20) + 65536 + sizeof entry + sizeof pad,
		    "stopped after %zu bytes", pushed);
		OK(cause != NULL && strstr(cause, "64") != NULL,
		    "a size error: %s", cause ? cause : "(null)");
		/* Streaming: issues came out while the document came in. */
		OK(r.calls > 50000, "%d issues before the cap", r.calls);
		free(cause);
		feed_parser_free(p);
		buf_free(&b);
	}
}

static void
test_names(void)
{
	static const enum content_kind kinds[] = { CONTENT_NONE, CONTENT_TEXT,
	    CONTENT_HTML, CONTENT_XHTML, CONTENT_MARKDOWN };
	static const enum feed_format formats[] = { FEED_UNKNOWN, FEED_ATOM10,
	    FEED_ATOM03, FEED_RSS20, FEED_RSS09, FEED_RSS10, FEED_MARKDOWN };
	size_t i, j;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		OK(feed_kind_name(kinds[i]) != NULL, "kind %zu", i);
		if (feed_kind_name(kinds[i]) != NULL)
			INT_EQ(feed_kind_from_name(feed_kind_name(kinds[i])),
			    kinds[i]);
	}
	INT_EQ(feed_kind_from_name("no-such-kind"), CONTENT_NONE);
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		OK(feed_format_name(formats[i]) != NULL, "format %zu", i);
		for (j = 0; j < i; j++)
			OK(!streq(feed_format_name(formats[i]),
			    feed_format_name(formats[j])), "distinct names");
	}
}

/* ------------------------------------------------------------------ */

static void
cleanup_tmp(void)
{
	DIR *d;
	struct dirent *de;
	char *p;

	if (tmpdir == NULL || (d = opendir(tmpdir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", tmpdir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(tmpdir);
}

/* Markdown posts: the caller's base URL with each permalink. */
static void
test_post_base(void)
{
	struct feed_limits lim;
	const struct issue *is;
	struct result r;
	size_t i;

	/* Without one, links and content have no base: as written. */
	load("posts", NULL, &r);
	INT_EQ(r.rc, 0);
	for (i = 0; i < r.n; i++) {
		OK(r.v[i]->base == NULL, "%s: base %s", r.v[i]->title,
		    r.v[i]->base);
		OK(strncmp(r.v[i]->link, "file:", 5) != 0, "%s: link %s",
		    r.v[i]->title, r.v[i]->link);
	}
	is = by_title(&r, "Mesos Community Update #1");
	OK(is != NULL, "post #1");
	if (is != NULL)
		STR_EQ(is->link, "/blog/mesos-community-update-1/");
	result_free(&r);

	memset(&lim, 0, sizeof lim);
	lim.base_url = "https://mesos.apache.org/";
	load("posts", &lim, &r);
	INT_EQ(r.rc, 0);
	is = by_title(&r, "Mesos Community Update #1");
	OK(is != NULL, "post #1");
	if (is != NULL) {
		STR_EQ(is->link,
		    "https://mesos.apache.org/blog/mesos-community-update-1/");
		STR_EQ(is->base,
		    "https://mesos.apache.org/blog/mesos-community-update-1/");
		/* The id is the permalink as written, base URL or not. */
		STR_EQ(is->id, "/blog/mesos-community-update-1/");
	}
	for (i = 0; i < r.n; i++)
		OK(r.v[i]->base != NULL && strncmp(r.v[i]->base, "https://",
		    8) == 0, "%s: base %s", r.v[i]->title, r.v[i]->base);
	result_free(&r);
}

/* Formats and placements found in the wild. */
static void
test_placements(void)
{
	struct result r;
	enum content_kind k;

	load("rss-default-ns.rss", NULL, &r);
	invariants(&r, "rss-default-ns.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.format, FEED_RSS20);
	STR_EQ(r.meta_title, "RSS in a default namespace");
	STR_EQ(r.meta_link, "http://mesos.apache.org/blog/");
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Namespaced item");
	STR_EQ(nth(&r, 0)->link, "http://mesos.apache.org/blog/ns/");
	STR_EQ(nth(&r, 0)->id, "urn:ns:1");
	INT_EQ(nth(&r, 0)->published, utc(2014, 5, 1, 10, 0, 0));
	STR_EQ(body_of(nth(&r, 0), &k), "<p>Body</p>");
	result_free(&r);

	load("atom-foreign-ns.atom", NULL, &r);
	invariants(&r, "atom-foreign-ns.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.format, FEED_ATOM10);
	STR_EQ(r.meta_title, "Atom-like, another namespace");
	STR_EQ(r.meta_link, "http://example.com/");
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Foreign entry");
	STR_EQ(nth(&r, 0)->link, "http://example.com/1");
	STR_EQ(nth(&r, 0)->id, "urn:foreign:1");
	result_free(&r);

	load("cdf.xml", NULL, &r);
	invariants(&r, "cdf.xml");
	INT_EQ(r.rc, 0);
	INT_EQ(r.format, FEED_CDF);
	STR_EQ(feed_format_name(r.format), "CDF");
	STR_EQ(r.meta_title, "A CDF channel");
	STR_EQ(r.meta_link, "http://example.org/cdf/");
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->title, "First CDF item");
	STR_EQ(nth(&r, 0)->link, "http://example.org/cdf/1");
	INT_EQ(nth(&r, 0)->updated, utc(2014, 5, 2, 10, 0, 0));
	STR_EQ(body_of(nth(&r, 0), &k), "What it says");
	STR_EQ(nth(&r, 1)->title, "Second CDF item");
	STR_EQ(nth(&r, 1)->link, "http://example.org/cdf/2");
	STR_EQ(nth(&r, 1)->id, "http://example.org/cdf/2");
	result_free(&r);

	load("body.rss", NULL, &r);
	invariants(&r, "body.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 3);
	STR_EQ(body_of(nth(&r, 0), &k), "<p>Prefixed <b>bold</b></p>");
	INT_EQ(k, CONTENT_XHTML);
	STR_EQ(body_of(nth(&r, 1), &k), "<p>Full <em>text</em></p>");
	INT_EQ(k, CONTENT_XHTML);
	STR_EQ(nth(&r, 1)->summary, "Only the summary");
	STR_EQ(body_of(nth(&r, 2), &k), "<p>Escaped <i>full</i> item</p>");
	INT_EQ(k, CONTENT_HTML);
	result_free(&r);

	load("base64.atom", NULL, &r);
	invariants(&r, "base64.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->title, "Base64 title & more");
	STR_EQ(body_of(nth(&r, 0), &k), "<p>Base64 <em>content</em></p>");
	INT_EQ(k, CONTENT_HTML);
	STR_EQ(nth(&r, 1)->title, "Plain caf\xc3\xa9");
	result_free(&r);

	load("alt-titles.rss", NULL, &r);
	invariants(&r, "alt-titles.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 5);
	STR_EQ(nth(&r, 0)->title, "From dc:title");
	STR_EQ(nth(&r, 1)->title, "From media:title");
	STR_EQ(nth(&r, 2)->title, "From itunes:title");
	STR_EQ(nth(&r, 3)->title, "dc wins");
	STR_EQ(nth(&r, 4)->title, "Own title");
	result_free(&r);

	/* An <image> in an item: its link and title are the image's. */
	load("item-image.rss", NULL, &r);
	invariants(&r, "item-image.rss");
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_link, "http://example.org/");
	INT_EQ(r.n, 3);
	STR_EQ(nth(&r, 0)->title, "Link first");
	STR_EQ(nth(&r, 0)->link, "http://example.org/item/1");
	STR_EQ(nth(&r, 1)->title, "Image first");
	STR_EQ(nth(&r, 1)->link, "http://example.org/item/2");
	STR_EQ(nth(&r, 2)->title, "Only an image link");
	STR_EQ(nth(&r, 2)->link, NULL);
	result_free(&r);
}

/* No two entries of a feed share an id, and the ids are the same on
 * every read of the same document. */
static void
test_unique_ids(void)
{
	struct result a, b;
	size_t i, j;

	load("../list/dup-ids.atom", NULL, &a);
	load("../list/dup-ids.atom", NULL, &b);
	INT_EQ(a.rc, 0);
	INT_EQ(a.n, 7);
	INT_EQ(b.n, 7);
	for (i = 0; i < a.n; i++) {
		for (j = i + 1; j < a.n; j++)
			OK(strcmp(a.v[i]->id, a.v[j]->id) != 0,
			    "entries %zu and %zu share id %s", i, j,
			    a.v[i]->id);
		if (i < b.n)
			STR_EQ(a.v[i]->id, b.v[i]->id);
	}
	/* The first of each keeps its own. */
	STR_EQ(a.v[0]->id, "urn:dup:same");
	STR_EQ(a.v[2]->id, "http://mesos.apache.org/blog/three/");
	OK(strncmp(a.v[1]->id, "mesosnews:hash:", 15) == 0, "derived: %s",
	    a.v[1]->id);
	result_free(&a);
	result_free(&b);
}

/* Legacy encodings as the web has them (WHATWG Encoding): C1 references
 * and ISO-8859-1 or US-ASCII labels are windows-1252; a server's
 * ISO-8859-1 does not turn a UTF-8 document into mojibake. */
static void
test_legacy_encodings(void)
{
	struct result r;
	char *data;
	size_t len;

	load("c1-ref.rss", NULL, &r);
	invariants(&r, "c1-ref.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	/* 0x81 is a hole of windows-1252: U+0081, a control, dropped. */
	STR_EQ(nth(&r, 0)->title, "don\xe2\x80\x99t \xe2\x80\x9cquote"
	    "\xe2\x80\x9d \xe2\x82\xac" "5 \xe2\x80\xa6 hole");
	STR_EQ(r.warning, NULL);
	result_free(&r);

	load("latin1-label.rss", NULL, &r);
	invariants(&r, "latin1-label.rss");
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_title, "Caf\xc3\xa9 labelled Latin-1");
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "It\xe2\x80\x99s \xe2\x80\x9cMesos"
	    "\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5 na\xc3\xafve");
	STR_EQ(r.warning, NULL);
	result_free(&r);

	load("ascii-label.rss", NULL, &r);
	invariants(&r, "ascii-label.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 \xe2\x80\xa6");
	result_free(&r);

	/* The server says ISO-8859-1; the body, with no declaration, is
	 * UTF-8: read as UTF-8, and said so. */
	data = slurp("utf8-nodecl.rss", &len);
	memset(&r, 0, sizeof r);
	parse_mem("http://127.0.0.1:9/u.rss", "ISO-8859-1", data, len, 7, NULL,
	    &r);
	invariants(&r, "utf8-nodecl.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 \xe2\x80\x94 na\xc3\xafve");
	STR_EQ(r.warning, "the server says charset ISO-8859-1 but the "
	    "document is UTF-8: read as UTF-8");
	OK(strstr(nth(&r, 0)->title, FFFD) == NULL, "no U+FFFD");
	result_free(&r);
	free(data);

	/* When they agree, windows-1252, and no warning. */
	data = slurp("latin1-nodecl.rss", &len);
	memset(&r, 0, sizeof r);
	parse_mem("http://127.0.0.1:9/l.rss", "iso-8859-1", data, len, 7, NULL,
	    &r);
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 1);
	STR_EQ(nth(&r, 0)->title, "Caf\xc3\xa9 \xe2\x80\x93 na\xc3\xafve");
	STR_EQ(r.warning, NULL);
	result_free(&r);
	/* Without a charset it is UTF-8 with three bad bytes, as before. */
	memset(&r, 0, sizeof r);
	parse_mem("http://127.0.0.1:9/l.rss", NULL, data, len, 0, NULL, &r);
	INT_EQ(r.rc, 0);
	STR_EQ(nth(&r, 0)->title, "Caf" FFFD " " FFFD " na" FFFD "ve");
	STR_EQ(r.warning, "replaced 3 invalid UTF-8 bytes");
	result_free(&r);
	free(data);
}

/* A document that is not well-formed is read on in libxml2's recover
 * mode: the entries that came out whole are kept, with one warning. */
static void
test_recovery(void)
{
	struct result r;

	load("broken-entity.atom", NULL, &r);
	invariants(&r, "broken-entity.atom");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 3);
	STR_EQ(nth(&r, 0)->title, "Before");
	STR_EQ(nth(&r, 1)->title, "An entity");
	STR_EQ(nth(&r, 2)->title, "After");
	STR_EQ(r.warning, "line 10: Entity 'doesnotexist' not defined; read 3 "
	    "entries, the rest may be missing");
	result_free(&r);

	/* Character references to no XML character go (the filter). */
	load("broken-charref.rss", NULL, &r);
	invariants(&r, "broken-charref.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->title, "Nul surrogate huge empty&#; letters&#xZZ;");
	STR_EQ(nth(&r, 1)->title, "Fine \xe2\x98\xba");
	STR_EQ(r.warning, "repaired 2 bare ampersands; removed 3 control "
	    "characters");
	result_free(&r);

	/* A stray "<" loses its item; a NUL and junk after the root. */
	load("broken-stray.rss", NULL, &r);
	invariants(&r, "broken-stray.rss");
	INT_EQ(r.rc, 0);
	INT_EQ(r.n, 2);
	STR_EQ(nth(&r, 0)->title, "One");
	STR_EQ(nth(&r, 1)->title, "Three");
	STR_EQ(r.warning, "line 6: Specification mandates value for attribute "
	    "then; read 2 entries, the rest may be missing; removed 1 control "
	    "character");
	result_free(&r);

	/* Recovery never lets entities in: refused as before. */
	load("billion-laughs.rss", NULL, &r);
	INT_EQ(r.rc, -1);
	INT_EQ(r.n, 0);
	CONTAINS("cause", r.cause, "declares XML entities");
	result_free(&r);
	load("xxe-passwd.rss", NULL, &r);
	INT_EQ(r.rc, -1);
	INT_EQ(r.n, 0);
	no_passwd("cause", r.cause, "xxe-passwd.rss");
	result_free(&r);
}

/* HTML titles go through the reader's HTML parser: the bodies of script
 * and style are not title text. */
static void
test_html_titles(void)
{
	struct result r;

	load("title-script.atom", NULL, &r);
	invariants(&r, "title-script.atom");
	INT_EQ(r.rc, 0);
	STR_EQ(r.meta_title, "Mesos updates");
	INT_EQ(r.n, 3);
	STR_EQ(nth(&r, 0)->title, "Community update #5");
	STR_EQ(nth(&r, 1)->title, "Two paragraphs and\xc2\xa0\"quotes\"");
	STR_EQ(nth(&r, 2)->title, "Release 1.0 is out");
	result_free(&r);
}

int
main(void)
{
	const char *srcdir = getenv("srcdir");
	static char tmpl[PATH_MAX];	/* used by cleanup_tmp at exit */
	char dir[PATH_MAX];
	const char *t;

	HARNESS_INIT();
	snprintf(dir, sizeof dir, "%s/tests/feeds", srcdir ? srcdir : ".");
	if (chdir(dir) != 0 || getcwd(fixtures, sizeof fixtures) == NULL) {
		fprintf(stderr, "cannot enter %s: %s\n", dir, strerror(errno));
		return 99;
	}
	t = getenv("TMPDIR");
	snprintf(tmpl, sizeof tmpl, "%s/feed_test.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if ((tmpdir = mkdtemp(tmpl)) == NULL) {
		fprintf(stderr, "mkdtemp: %s\n", strerror(errno));
		return 99;
	}
	atexit(cleanup_tmp);

	test_names();
	test_atom10();
	test_atom03();
	test_rss20();
	test_rss091();
	test_rss10();
	test_xml_base();
	test_bare_ampersand();
	test_more_formats();
	test_ampersands();
	test_chunking();
	test_missing_ids();
	test_dates();
	test_markdown();
	test_sample();
	test_entities();
	test_local_files();
	test_controls();
	test_encodings();
	test_errors();
	test_limits();
	test_attributes();
	test_deep();
	test_huge();
	test_html_titles();
	test_recovery();
	test_legacy_encodings();
	test_unique_ids();
	test_placements();
	test_post_base();
	DONE();
}
