/* doc_test.c - the document model: links table, sections, sanitising,
 * white space, nesting limits. */
#include "config.h"

#include <strings.h>

#include "harness.h"

#include "content.h"
#include "doc.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

#include "../render/testutil.h"

static struct doc *
parse(const char *s, enum content_kind kind, const char *base)
{
	char *cause = NULL;
	struct doc *d;

	d = content_parse(s, strlen(s), kind, base, &cause);
	OK(d != NULL, "parse failed: %s", cause ? cause : "?");
	free(cause);
	return d;
}

/* The text of block i's runs, with "[n]" for link numbers and "|" for
 * breaks. */
static char *
block_text(const struct doc *d, int i)
{
	const struct doc_block *b = doc_block(d, i);
	const struct doc_run *r;
	struct buf out = BUF_INIT;
	int k;

	for (k = b->first_run; k < b->first_run + b->nruns; k++) {
		r = &doc_runs(d)[k];
		if (r->kind == DOC_RUN_LINKNUM)
			buf_printf(&out, "[%u]", r->link);
		else if (r->kind == DOC_RUN_BREAK)
			buf_addc(&out, '|');
		else
			buf_add(&out, doc_text(d) + r->off, r->len);
	}
	buf_str(&out);
	return buf_detach(&out);
}

static void
test_links(void)
{
	struct doc *d;
	char *s;

	d = parse("Intro [a](http://x.example/) and [b](http://y.example/) "
	    "then [c](http://x.example/) and [mail](mailto:a@b.example).\n\n"
	    "### Later:\n\n[d](http://z.example/) [e](http://y.example/)\n",
	    CONTENT_MARKDOWN, NULL);
	INT_EQ(doc_nlinks(d), 4);
	STR_EQ(doc_link(d, 1)->url, "http://x.example/");
	STR_EQ(doc_link(d, 1)->text, "a");
	STR_EQ(doc_link(d, 2)->url, "http://y.example/");
	STR_EQ(doc_link(d, 2)->text, "b");
	STR_EQ(doc_link(d, 3)->url, "mailto:a@b.example");
	STR_EQ(doc_link(d, 4)->url, "http://z.example/");
	INT_EQ(doc_link(d, 1)->section, 0);
	INT_EQ(doc_link(d, 4)->section, 1);
	OK(doc_link(d, 0) == NULL, "link 0");
	OK(doc_link(d, 5) == NULL, "link 5");
	s = block_text(d, 0);
	STR_EQ(s, "Intro a[1] and b[2] then c[1] and mail[3].");
	free(s);
	doc_free(d);

	/* Relative links resolve against the base; scripts are not links;
	 * empty text shows the URL; a trailing space goes after "[n]". */
	d = parse("<p><a href=\"../next/\">next</a> <a href=\"#top\">top</a> "
	    "<a href=\"javascript:alert(1)\">js</a> <a href=\"/e\"></a> "
	    "<a href=\"x\">spaced </a>word</p>", CONTENT_HTML,
	    "https://mesos.apache.org/blog/post/");
	INT_EQ(doc_nlinks(d), 4);
	STR_EQ(doc_link(d, 1)->url, "https://mesos.apache.org/blog/next/");
	STR_EQ(doc_link(d, 2)->url,
	    "https://mesos.apache.org/blog/post/#top");
	STR_EQ(doc_link(d, 3)->url, "https://mesos.apache.org/e");
	STR_EQ(doc_link(d, 3)->text, "https://mesos.apache.org/e");
	STR_EQ(doc_link(d, 4)->text, "spaced");
	s = block_text(d, 0);
	STR_EQ(s, "next[1] top[2] js https://mesos.apache.org/e[3] "
	    "spaced[4] word");
	free(s);
	doc_free(d);

	/* Images: "[image: alt]" numbered by their source; inside a link
	 * they are its text. */
	d = parse("<p><img src=\"/a.png\" alt=\"Logo\"> <img src=\"b.svg\">"
	    " <a href=\"/home\"><img src=\"/c.png\" alt=\"C\"></a></p>",
	    CONTENT_HTML, "http://h.example/d/");
	INT_EQ(doc_nlinks(d), 3);
	STR_EQ(doc_link(d, 1)->url, "http://h.example/a.png");
	STR_EQ(doc_link(d, 2)->url, "http://h.example/d/b.svg");
	STR_EQ(doc_link(d, 3)->url, "http://h.example/home");
	STR_EQ(doc_link(d, 3)->text, "[image: C]");
	s = block_text(d, 0);
	STR_EQ(s, "[image: Logo][1] [image][2] [image: C][3]");
	free(s);
	doc_free(d);

	/* Many links: numbers stay in order of first appearance. */
	{
		struct buf b = BUF_INIT;
		int i;
		bool ok = true;

		for (i = 0; i < 5000; i++)
			buf_printf(&b, "[l](http://h.example/%d) ", i % 3000);
		buf_str(&b);
		d = parse(b.data, CONTENT_MARKDOWN, NULL);
		INT_EQ(doc_nlinks(d), 3000);
		for (i = 1; i <= 3000; i++) {
			s = xasprintf("http://h.example/%d", i - 1);
			ok = ok && strcmp(doc_link(d, i)->url, s) == 0;
			free(s);
		}
		OK(ok, "link numbering");
		doc_free(d);
		buf_free(&b);
	}
}

/* What an href makes, the slow way: NULL for no link. */
static char *
ref_url(const char *base, const char *href)
{
	struct buf b = BUF_INIT;
	char *abs, *clean, *p;

	href += strspn(href, " \t\n\r");
	if (*href == '\0' || strncasecmp(href, "javascript:", 11) == 0 ||
	    strncasecmp(href, "vbscript:", 9) == 0 ||
	    strncasecmp(href, "data:", 5) == 0)
		return NULL;
	abs = uri_resolve(base, href);
	clean = utf8_sanitize(abs, strlen(abs), UTF8_ONELINE);
	free(abs);
	/* What the base made of it is refused the same way. */
	if (*clean == '\0' || strncasecmp(clean, "javascript:", 11) == 0 ||
	    strncasecmp(clean, "vbscript:", 9) == 0 ||
	    strncasecmp(clean, "data:", 5) == 0) {
		free(clean);
		return NULL;
	}
	for (p = clean; *p != '\0'; p++) {
		if (*p == ' ')
			buf_adds(&b, "%20");
		else
			buf_addc(&b, *p);
	}
	free(clean);
	buf_str(&b);
	return buf_detach(&b);
}

/* Every href, twice, makes the link (and number) the slow way makes:
 * the hrefs taken as their own URL and the ones remembered included. */
static void
link_forms(const char *base)
{
	static const char *const hrefs[] = {
		"http://x.example/a/b", "http://x.example/a/./b",
		"http://x.example/a/c/../b", " http://x.example/a/b",
		"HTTP://x.example/a/b", "http://x.example/.well-known/x",
		"http://x.example/a/..", "http://x.example/..", "http:.",
		"http://x.example/a/b?q=./..#../f", "mailto:ann@x.example",
		"mailto:./x", "b", "./b", "../b", "/b", "?q", "#f", "//y.example",
		"http://x.example/a b", "http://x.example/\xc3\xa9",
		"http://x.example/\x1b[31m", "x+y.z-1:rest", "1x:no",
		"java\tscript:x", "javascript:x", "http://x.example/a/b",
		"", "   ", "http://x.example/a/b\n", "javascript\x01:alert(1)",
		"javascript:alert(1)", "JavaScript:alert(1)", "data:x",
		"http\x01://h.example/./x", "http://h.example/./x",
		"http://h.example/x", "b", "http://x.example/a%20b",
	};
	char *urls[2 * nitems(hrefs)], *u;
	int want[2 * nitems(hrefs)], nurls = 0, nwant = 0, n, k;
	struct doc *d = doc_new(base);
	size_t i;
	bool same = true;

	for (i = 0; i < 2 * nitems(hrefs); i++) {
		doc_link_begin(d, hrefs[i % nitems(hrefs)]);
		doc_add_text(d, "t ", 2);
		doc_link_end(d);
		if ((u = ref_url(base, hrefs[i % nitems(hrefs)])) == NULL)
			continue;
		for (n = 0; n < nurls && strcmp(urls[n], u) != 0; n++)
			;
		if (n == nurls)
			urls[nurls++] = u;
		else
			free(u);
		want[nwant++] = n + 1;
	}
	doc_finish(d);
	INT_EQ(doc_nlinks(d), nurls);
	for (n = 1; n <= nurls && n <= doc_nlinks(d); n++)
		STR_EQ(doc_link(d, n)->url, urls[n - 1]);
	/* The runs carry the numbers, repeated hrefs included. */
	for (i = 0, k = 0; i < (size_t)doc_block(d, 0)->nruns; i++) {
		if (doc_runs(d)[i].kind != DOC_RUN_LINKNUM)
			continue;
		same = same && k < nwant && doc_runs(d)[i].link ==
		    (uint32_t)want[k];
		k++;
	}
	OK(same && k == nwant, "link numbers (base %s)", base ? base : "-");
	for (n = 0; n < nurls; n++)
		free(urls[n]);
	doc_free(d);
}

static void
test_link_forms(void)
{
	struct doc *d;

	link_forms("https://base.example/dir/page");
	link_forms(NULL);
	/* A few by name. */
	d = doc_new("https://base.example/dir/page");
	doc_link_begin(d, "http://x.example/a/./b");
	doc_link_end(d);
	doc_link_begin(d, "javascript:x");
	doc_link_end(d);
	doc_link_begin(d, "../b");
	doc_link_end(d);
	doc_finish(d);
	INT_EQ(doc_nlinks(d), 2);
	STR_EQ(doc_link(d, 1)->url, "http://x.example/a/b");
	STR_EQ(doc_link(d, 2)->url, "https://base.example/b");
	doc_free(d);
}

static void
test_sections(void)
{
	struct doc *d;

	d = parse("Intro text.\n\n### Here are some recent highlights:\n\n"
	    "* one\n\n### Upcoming events:\n\n#### Detail\n\ntext\n",
	    CONTENT_MARKDOWN, NULL);
	INT_EQ(doc_section_level(d), 3);
	INT_EQ(doc_nsections(d), 3);
	STR_EQ(doc_section_name(d, 0), "Intro");
	STR_EQ(doc_section_name(d, 1), "Here are some recent highlights");
	STR_EQ(doc_section_name(d, 2), "Upcoming events");
	OK(doc_section_name(d, 3) == NULL, "section 3");
	INT_EQ(doc_section_block(d, 0), 0);
	INT_EQ(doc_section_block(d, 1), 1);
	INT_EQ(doc_section_block(d, 2), 3);
	INT_EQ(doc_block(d, 5)->section, 2);
	doc_free(d);

	/* An empty intro is left out; the top level is the smallest. */
	d = parse("<h2>A</h2><p>x</p><h1>B:</h1><h2>C</h2>", CONTENT_HTML,
	    NULL);
	INT_EQ(doc_section_level(d), 1);
	INT_EQ(doc_nsections(d), 2);
	STR_EQ(doc_section_name(d, 0), "Intro");
	STR_EQ(doc_section_name(d, 1), "B");
	doc_free(d);
	d = parse("<h3>Only</h3><p>x</p>", CONTENT_HTML, NULL);
	INT_EQ(doc_nsections(d), 1);
	STR_EQ(doc_section_name(d, 0), "Only");
	doc_free(d);

	/* A last section of a heading and a list ends with its list: the
	 * prose after it closes the issue.  Prose after an earlier list
	 * stays in that list's section. */
	d = parse("Intro.\n\n### Highlights:\n\n* one\n\nSee more.\n\n"
	    "### Upcoming events:\n\n* BBQ, March 28th\n  > quoted\n\n"
	    "* ApacheCon\n\n  more of it\n\nWe hope to publish.\n\n"
	    "_Co-written by A._\n", CONTENT_MARKDOWN, NULL);
	INT_EQ(doc_nsections(d), 4);
	STR_EQ(doc_section_name(d, 1), "Highlights");
	INT_EQ(doc_section_block(d, 1), 1);
	INT_EQ(doc_section_block(d, 2), 4);
	INT_EQ(doc_block(d, 3)->section, 1);
	STR_EQ(doc_section_name(d, 2), "Upcoming events");
	STR_EQ(doc_section_name(d, 3), "Closing");
	INT_EQ(doc_section_block(d, 3), 9);
	INT_EQ(doc_block(d, 8)->section, 2);
	INT_EQ(doc_block(d, 9)->section, 3);
	INT_EQ(doc_block(d, 10)->section, 3);
	INT_EQ(doc_nblocks(d), 11);
	doc_free(d);
	/* Not when the section does not open with its list. */
	d = parse("### Events\n\nSome:\n\n* one\n\nBye.\n",
	    CONTENT_MARKDOWN, NULL);
	INT_EQ(doc_nsections(d), 1);
	doc_free(d);
	d = parse("<h3>Events</h3><ul><li>one</li></ul><p>Bye.</p>",
	    CONTENT_HTML, NULL);
	INT_EQ(doc_nsections(d), 2);
	STR_EQ(doc_section_name(d, 1), "Closing");
	doc_free(d);

	d = parse("no headings at all", CONTENT_TEXT, NULL);
	INT_EQ(doc_nsections(d), 1);
	INT_EQ(doc_section_level(d), 0);
	doc_free(d);
	d = parse("", CONTENT_HTML, NULL);
	INT_EQ(doc_nsections(d), 0);
	INT_EQ(doc_nblocks(d), 0);
	doc_free(d);
}

static void
test_text(void)
{
	struct doc *d;
	char *s;
	int i;
	bool clean = true;
	const struct doc_run *r;

	/* Every control character goes; the rest of the text stays. */
	d = parse("<p>a\x1b[31mb\xc2\x9b" "2Jc\x07\x7f d\xe2\x80\xaes\xff</p>"
	    "<pre>x\x1b]0;t\x07y</pre>", CONTENT_HTML, NULL);
	s = block_text(d, 0);
	STR_EQ(s, "a[31mb2Jc ds\xc3\xbf");
	free(s);
	for (i = 0; i < (int)doc_block(d, doc_nblocks(d) - 1)->first_run + 1;
	    i++) {
		r = &doc_runs(d)[i];
		clean = clean && utf8_is_clean(doc_text(d) + r->off, r->len);
	}
	OK(clean, "runs are clean");
	doc_free(d);

	/* White space collapses outside pre, and is trimmed. */
	d = parse("<p>  a \n\t b  <b> c </b> d</p>", CONTENT_HTML, NULL);
	s = block_text(d, 0);
	STR_EQ(s, "a b c d");
	free(s);
	doc_free(d);

	/* Plain text: paragraphs at blank lines. */
	d = parse("para one\nline two\n\n\npara two\n", CONTENT_TEXT, NULL);
	INT_EQ(doc_nblocks(d), 2);
	s = block_text(d, 0);
	STR_EQ(s, "para one line two");
	free(s);
	doc_free(d);

	/* Front matter is metadata, not text. */
	d = parse("---\ntitle: \"A \x1b[1mtitle\"\ndate: 2014-03-20\n"
	    "post_author:\n  display_name: Someone\n---\n\nBody.\n",
	    CONTENT_MARKDOWN, NULL);
	STR_EQ(doc_meta(d, "title"), "A [1mtitle");
	STR_EQ(doc_meta(d, "date"), "2014-03-20");
	STR_EQ(doc_meta(d, "author"), "Someone");
	OK(doc_meta(d, "nothing") == NULL, "no meta");
	INT_EQ(doc_nblocks(d), 1);
	s = block_text(d, 0);
	STR_EQ(s, "Body.");
	free(s);
	doc_free(d);
}

static void
test_structure(void)
{
	struct buf b = BUF_INIT;
	struct doc *d;
	const struct doc_block *bl;
	int i;

	/* Nesting is flattened at DOC_MAX_DEPTH. */
	for (i = 0; i < 100; i++)
		buf_adds(&b, "<blockquote>");
	buf_adds(&b, "deep");
	d = parse(buf_str(&b), CONTENT_HTML, NULL);
	bl = doc_block(d, 0);
	INT_EQ(doc_nblocks(d), 1);
	INT_EQ(bl->depth, DOC_MAX_DEPTH);
	doc_free(d);
	buf_free(&b);

	/* Lists: markers, widths, tightness, blank lines. */
	d = parse("7. a\n8. b\n9. c\n10. d\n\n- x\n\n- y\n", CONTENT_MARKDOWN,
	    NULL);
	INT_EQ(doc_nblocks(d), 6);
	STR_EQ(doc_frame(d, doc_block(d, 0), 0)->marker, "7.");
	STR_EQ(doc_frame(d, doc_block(d, 3), 0)->marker, "10.");
	INT_EQ(doc_list(d, doc_frame(d, doc_block(d, 0), 0)->list)->
	    marker_width, 3);
	OK(doc_list(d, doc_frame(d, doc_block(d, 0), 0)->list)->tight,
	    "tight");
	OK(!doc_list(d, doc_frame(d, doc_block(d, 4), 0)->list)->tight,
	    "loose");
	OK(!doc_block(d, 1)->space_before, "tight items");
	OK(doc_block(d, 4)->space_before, "after a list");
	OK(doc_block(d, 5)->space_before, "loose items");
	doc_free(d);

	d = parse("<ol type=\"i\" start=\"3\"><li>a<li>b<li value=\"9\">c</ol>"
	    "<ol type=\"A\" start=\"27\"><li>z</ol>", CONTENT_HTML, NULL);
	STR_EQ(doc_frame(d, doc_block(d, 0), 0)->marker, "iii.");
	STR_EQ(doc_frame(d, doc_block(d, 1), 0)->marker, "iv.");
	STR_EQ(doc_frame(d, doc_block(d, 2), 0)->marker, "ix.");
	STR_EQ(doc_frame(d, doc_block(d, 3), 0)->marker, "AA.");
	doc_free(d);

	/* Empty paragraphs vanish; an empty item keeps its marker. */
	d = parse("<p></p><p> </p><ul><li></li></ul><h2></h2>", CONTENT_HTML,
	    NULL);
	INT_EQ(doc_nblocks(d), 1);
	INT_EQ(doc_block(d, 0)->depth, 1);
	doc_free(d);

	/* Tables: rows, columns, spans, head. */
	d = parse("<table><thead><tr><th>a</th><th>b</th></tr></thead>"
	    "<tr><td colspan=2>wide</td></tr><tr><td>1<td>2<td>3</table>",
	    CONTENT_HTML, NULL);
	INT_EQ(doc_nblocks(d), 1);
	INT_EQ(doc_block(d, 0)->type, DOC_TABLE);
	INT_EQ(doc_table(d, 0)->nrows, 3);
	INT_EQ(doc_table(d, 0)->ncols, 3);
	INT_EQ(doc_table(d, 0)->nheader, 1);
	INT_EQ(doc_cell(d, 2)->colspan, 2);
	INT_EQ(doc_cell(d, 5)->col, 2);
	doc_free(d);
}

int
main(void)
{
	HARNESS_INIT();
	test_links();
	test_link_forms();
	test_sections();
	test_text();
	test_structure();
	DONE();
}
