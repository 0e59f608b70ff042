/* layout_test.c - layout invariants over every fixture at every width,
 * reflow, the line and block maps, link spans, cells. */
#include "config.h"

#include <dirent.h>

#include "harness.h"

#include "content.h"
#include "doc.h"
#include "layout.h"
#include "utf8.h"
#include "util.h"

#include "../render/testutil.h"

static bool
prefix_role(int role)
{
	return role == LAYOUT_INDENT || role == LAYOUT_QUOTE ||
	    role == LAYOUT_MARKER || role == LAYOUT_CODE_GUTTER;
}

/*
 * A line wider than the layout may only be a URL (never broken): its
 * text, after the prefix, one word that starts like one, after any
 * opening brackets or quotes.
 */
static bool
url_line(const struct layout_line *l, int first)
{
	const char *s, *e;
	size_t n;

	if (first == -1)
		return false;
	s = l->text + l->cells[first].off;
	e = l->text + l->cells[l->ncells - 1].off +
	    l->cells[l->ncells - 1].len;
	n = (size_t)(e - s);
	if (memchr(s, ' ', n) != NULL)
		return false;
	while (n > 0 && strchr("(<[\"'", *s) != NULL) {
		s++;
		n--;
	}
	/* As the layout's looks_like_url: the scheme in its first 32 bytes
	 * (a long one like "quotetext-align://" too, a short one like
	 * "ba://x" too: fuzz findings). */
	return (n >= 4 && memmem(s, n < 32 ? n : 32, "://", 3) != NULL) ||
	    (n >= 4 && strncasecmp(s, "www.", 4) == 0) ||
	    (n >= 7 && strncasecmp(s, "mailto:", 7) == 0) ||
	    (n >= 3 && memchr(s, '@', n < 32 ? n : 32) != NULL);
}

/* Everything that must hold for any layout: returns a description of the
 * first problem, or NULL.  code_ok: code lines may be wider (a layout
 * with code_nowrap). */
static const char *
check_layout_opts(const struct layout *L, int width, bool ascii,
    bool code_ok)
{
	static char why[160];
	const struct layout_line *l;
	const struct layout_cell *c;
	int i, k, sum, first, cw;
	size_t off;
	uint32_t cp, lastcp = 0;
	unsigned int state;

	for (i = 0; i < layout_nlines(L); i++) {
		l = layout_line(L, i);
		sum = 0;
		off = 0;
		first = -1;
		for (k = 0; k < l->ncells; k++) {
			c = &l->cells[k];
			sum += c->width;
			if (c->width > 2 || c->len == 0)
				return "cell width above 2 or without bytes";
			if (c->off != off)
				return "cell bytes not consecutive";
			off += c->len;
			if (!utf8_is_clean(l->text + c->off, c->len) ||
			    memchr(l->text + c->off, '\t', c->len) != NULL ||
			    memchr(l->text + c->off, '\n', c->len) != NULL)
				return "control character in a cell";
			utf8_decode(l->text + c->off, c->len, &cp);
			/* A cell is one grapheme cluster, as wide as it
			 * (or a stand-in of width 1 for one too wide). */
			if (utf8_cluster(l->text + c->off, c->len, &cw) !=
			    c->len && c->len < 250)
				return "cell holds more than one cluster";
			if (cw != c->width && cp != 0xa0 && cp != '?' &&
			    !(c->width == 1 && cw == 2))
				return "cell width is not the cluster's";
			/* Nothing on a line continues the cluster that ends
			 * the line before it. */
			if (k == first && lastcp != 0 &&
			    utf8_joins(lastcp, cp, &state)) {
				snprintf(why, sizeof why, "line %d starts "
				    "inside a grapheme cluster", i);
				return why;
			}
			if (ascii && prefix_role(c->role) && cp >= 0x80)
				return "non-ASCII prefix in ASCII mode";
			if (first == -1 && !prefix_role(c->role))
				first = k;
		}
		if (sum != l->width) {
			snprintf(why, sizeof why,
			    "line %d: width %d, cells %d", i, l->width, sum);
			return why;
		}
		if (l->width > width && !url_line(l, first) &&
		    !(code_ok && first != -1 &&
		    l->cells[first].role == LAYOUT_CODE)) {
			snprintf(why, sizeof why, "line %d is %d wide", i,
			    l->width);
			return why;
		}
		/* "[n]" never starts a line (from width 10 on). */
		if (width >= 10 && first != -1 &&
		    l->cells[first].role == LAYOUT_LINKNUM) {
			snprintf(why, sizeof why, "line %d starts with [n]",
			    i);
			return why;
		}
		/* Blank lines before a block belong to it. */
		if (l->block < 0 || (first != -1 &&
		    layout_block_line(L, l->block) > i))
			return "text before its block's first line";
		/* The last code point of the line's last text cell. */
		if (first != -1 && l->ncells > first) {
			c = &l->cells[l->ncells - 1];
			for (off = c->off; off < c->off + c->len;)
				off += utf8_decode(l->text + off, c->off +
				    c->len - off, &lastcp);
			state = 0;
		} else
			lastcp = 0;
	}
	return NULL;
}

static const char *
check_layout(const struct layout *L, int width, bool ascii)
{
	return check_layout_opts(L, width, ascii, false);
}

/* Every fixture at every width from 1 to 200, in both glyph sets. */
static void
test_sweep(void)
{
	const char *srcdir = getenv("srcdir");
	struct layout_opts o = { false, 0, false };
	struct layout *L;
	struct doc *d;
	struct dirent *de;
	const char *why, *ext;
	char *dir, *s;
	size_t len;
	DIR *dp;
	int w, nfix = 0, bad;

	dir = xasprintf("%s/tests/render/fixtures", srcdir ? srcdir : ".");
	dp = opendir(dir);
	OK(dp != NULL, "cannot open %s", dir);
	free(dir);
	if (dp == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		ext = strrchr(de->d_name, '.');
		if (ext == NULL || (strcmp(ext, ".md") != 0 &&
		    strcmp(ext, ".html") != 0))
			continue;
		s = fixture(de->d_name, &len);
		d = content_parse(s, len, strcmp(ext, ".md") == 0 ?
		    CONTENT_MARKDOWN : CONTENT_HTML, "http://h.example/",
		    NULL);
		OK(d != NULL, "%s", de->d_name);
		bad = 0;
		for (w = 1; w <= 200 && d != NULL; w++) {
			o.ascii = w % 2 == 0;
			L = layout_new(d, w, &o);
			why = check_layout(L, w, o.ascii);
			if (why != NULL && bad++ == 0)
				OK(0, "%s at width %d: %s", de->d_name, w,
				    why);
			OK(layout_width(L) == w, "width");
			layout_free(L);
		}
		OK(bad == 0, "%s: %d widths wrong", de->d_name, bad);
		nfix++;
		doc_free(d);
		free(s);
	}
	closedir(dp);
	OK(nfix >= 10, "only %d fixtures", nfix);
}

/* Laying out again is just another call, and gives the same lines. */
static void
test_reflow(void)
{
	struct layout *a, *b, *c;
	struct doc *d;
	char *src, *s, *ta, *tc;
	size_t len;
	int i, line, blk;
	bool ok = true;

	src = fixture("newsletter.md", &len);
	d = content_parse(src, len, CONTENT_MARKDOWN, NULL, NULL);
	a = layout_new(d, 80, NULL);
	b = layout_new(d, 37, NULL);
	c = layout_new(d, 80, NULL);
	ta = layout_text(a);
	tc = layout_text(c);
	STR_EQ(ta, tc);
	OK(layout_nlines(b) > layout_nlines(a), "narrower is longer");
	/* Reading position: a line maps to its block, the block to a line
	 * in the other layout that shows the same block. */
	for (i = 0; i < layout_nlines(a); i++) {
		blk = layout_line_block(a, i);
		line = layout_block_line(b, blk);
		ok = ok && line >= 0 && layout_line_block(b, line) == blk &&
		    layout_line_block(a, layout_block_line(a, blk)) == blk;
	}
	OK(ok, "block maps");
	INT_EQ(layout_line_block(a, -1), -1);
	INT_EQ(layout_line_block(a, layout_nlines(a)), -1);
	OK(layout_line(a, layout_nlines(a)) == NULL, "line out of range");
	/* Sections start at their headings. */
	INT_EQ(layout_section_line(a, 0), 0);
	s = line_text(a, layout_section_line(a, 1));
	STR_EQ(s, "Here are some recent highlights:");
	free(s);
	s = line_text(b, layout_section_line(b, 2));
	STR_EQ(s, "Upcoming events:");
	free(s);
	/* The prose after the last list closes the issue: a section of
	 * its own. */
	s = line_text(a, layout_section_line(a, 3));
	STR_EQ(s, "That\u2019s all for this round. Have news for the next "
	    "update? Send it to");
	free(s);
	INT_EQ(layout_section_line(a, 4), -1);
	{
		int first, end;

		INT_EQ(layout_section_range(a, 1, &first, &end), 0);
		INT_EQ(first, layout_section_line(a, 1));
		/* Up to the blank line before the next heading. */
		INT_EQ(end, layout_section_line(a, 2) - 1);
	}
	free(ta);
	free(tc);
	layout_free(a);
	layout_free(b);
	layout_free(c);
	doc_free(d);
	free(src);
}

static void
test_spans(void)
{
	const struct layout_span *sp;
	const struct layout_line *l;
	struct layout *L;
	struct doc *d;
	char *s;
	size_t len;
	int i, n1 = 0;
	bool ok = true;

	s = fixture("newsletter.md", &len);
	d = content_parse(s, len, CONTENT_MARKDOWN, NULL, NULL);
	L = layout_new(d, 30, NULL);
	INT_EQ(layout_nspans(L), 16);	/* 15 links, one used twice */
	for (i = 0; i < layout_nspans(L); i++) {
		sp = layout_span(L, i);
		if (sp->link == 1)
			n1++;
		l = layout_line(L, sp->first_line);
		ok = ok && l->cells[sp->first_cell].link == sp->link &&
		    l->cells[sp->first_cell].role == LAYOUT_LINK;
		l = layout_line(L, sp->last_line);
		ok = ok && l->cells[sp->last_cell].role == LAYOUT_LINKNUM &&
		    l->text[l->cells[sp->last_cell].off] == ']';
		ok = ok && sp->last_line >= sp->first_line;
	}
	OK(ok, "spans run from link text to \"]\"");
	INT_EQ(n1, 2);
	INT_EQ(layout_link_span(L, 1), 0);
	INT_EQ(layout_link_span(L, 2), 2);
	INT_EQ(layout_link_span(L, 99), -1);
	OK(layout_span(L, -1) == NULL, "span -1");
	layout_free(L);
	doc_free(d);
	free(s);
}

static void
test_cells(void)
{
	struct layout *L;
	struct doc *d;
	const struct layout_line *l;
	const char *s = "e\xcc\x81\xe4\xb8\xad\xf0\x9f\x9a\x80 x";
	char *t;
	int w;

	d = content_parse(s, strlen(s), CONTENT_TEXT, NULL, NULL);
	L = layout_new(d, 20, NULL);
	l = layout_line(L, 0);
	INT_EQ(l->ncells, 5);
	INT_EQ(l->cells[0].len, 3);	/* e + combining acute */
	INT_EQ(l->cells[0].width, 1);
	INT_EQ(l->cells[1].width, 2);	/* CJK */
	INT_EQ(l->cells[2].width, 2);	/* emoji */
	INT_EQ(l->cells[2].len, 4);
	INT_EQ(l->width, 7);
	layout_free(L);
	/* Too narrow for a wide character: it is replaced, not cut. */
	L = layout_new(d, 1, NULL);
	t = layout_text(L);
	STR_EQ(t, "e\xcc\x81\n?\n?\nx\n");
	free(t);
	layout_free(L);
	doc_free(d);

	/* Hanging indent, and wide text wrapped between characters. */
	t = render("- one two three four five six\n", CONTENT_MARKDOWN, 12,
	    false);
	STR_EQ(t, "\xe2\x80\xa2 one two\n  three four\n  five six\n");
	free(t);
	t = render("\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82\xe4\xb8\xad"
	    "\xe6\x96\x87", CONTENT_TEXT, 6, false);
	/* The full stop stays with the character before it. */
	STR_EQ(t, "\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82\n\xe4\xb8\xad"
	    "\xe6\x96\x87\n");
	free(t);
	t = render("\xe4\xb8\xad\xe6\x96\x87\xe6\x96\x87\xe3\x80\x82",
	    CONTENT_TEXT, 6, false);
	STR_EQ(t, "\xe4\xb8\xad\xe6\x96\x87\n\xe6\x96\x87\xe3\x80\x82\n");
	free(t);

	/* Emoji joined by ZWJ are one cluster, two columns wide, in one
	 * cell; UAX #14 lets a line break between two emoji. */
#define MAN "\xf0\x9f\x91\xa8"
#define WOMAN "\xf0\x9f\x91\xa9"
#define ZWJ "\xe2\x80\x8d"
	t = render(MAN ZWJ WOMAN " " MAN WOMAN, CONTENT_TEXT, 5, false);
	STR_EQ(t, MAN ZWJ WOMAN " " MAN "\n" WOMAN "\n");
	free(t);
	t = render(MAN ZWJ WOMAN MAN, CONTENT_TEXT, 4, false);
	STR_EQ(t, MAN ZWJ WOMAN MAN "\n");
	free(t);
	t = render(MAN ZWJ WOMAN MAN, CONTENT_TEXT, 3, false);
	STR_EQ(t, MAN ZWJ WOMAN "\n" MAN "\n");
	free(t);

	/* Wide characters in code at any width: no endless loop, nothing
	 * too wide (checked by the sweep too). */
#define CODE "    \xe4\xb8\xad\xe6\x96\x87" "a\xe4\xb8\xad\n"
	for (w = 1; w <= 8; w++) {
		d = content_parse(CODE, strlen(CODE), CONTENT_MARKDOWN, NULL,
		    NULL);
		L = layout_new(d, w, NULL);
		OK(check_layout(L, w, false) == NULL, "code at width %d", w);
		layout_free(L);
		doc_free(d);
	}
	t = render(CODE, CONTENT_MARKDOWN, 2, false);
	STR_EQ(t, "\xe4\xb8\xad\n\xe6\x96\x87\na\xe2\x86\xa9\n\xe4\xb8\xad\n");
	free(t);

	/* A long code line is cut with a mark and goes on. */
	t = render("    abcdefghij\n", CONTENT_MARKDOWN, 10, true);
	STR_EQ(t, ": abcdefg\\\n: hij\n");
	free(t);
	/* Long words break only when wider than the line, after "/"... */
	t = render("see a.example/bb/cc/dd.", CONTENT_TEXT, 14, false);
	STR_EQ(t, "see\na.example/bb/\ncc/dd.\n");
	free(t);
	/* ...but a URL is one word, never broken: it overflows. */
	t = render("see http://a.example/bb/cc.", CONTENT_TEXT, 17, false);
	STR_EQ(t, "see\nhttp://a.example/bb/cc.\n");
	free(t);
	t = render("see (www.a.example/bb/cc) x", CONTENT_TEXT, 8, false);
	STR_EQ(t, "see\n(www.a.example/bb/cc)\nx\n");
	free(t);
	t = render("see mailto:someone@a.example.", CONTENT_TEXT, 8, false);
	STR_EQ(t, "see\nmailto:someone@a.example.\n");
	free(t);
	t = render("<dev@mesos.apache.org>.", CONTENT_MARKDOWN, 10, false);
	STR_EQ(t, "dev@mesos.apache.org[1].\n");
	free(t);
	/* Too narrow for "x[1]": the number moves whole. */
	t = render("[x](http://h/)", CONTENT_MARKDOWN, 3, false);
	STR_EQ(t, "x\n[1]\n");
	free(t);
	t = render("a [link text](http://h/)", CONTENT_MARKDOWN, 9, false);
	STR_EQ(t, "a link\ntext[1]\n");
	free(t);

	/* A space hanging past the width, then a line break: the space goes,
	 * even with a zero-width mark joined to it (md fuzz finding) or
	 * underlined (html fuzz finding). */
#define ZWNJ "\xe2\x80\x8c"
	t = render("- os. " ZWNJ "\\\nx\n", CONTENT_MARKDOWN, 5, true);
	STR_EQ(t, "* os.\n  x\n");
	free(t);
	t = render("<p>aaaa <u>bbbb </u><b>" ZWNJ "</b><br>c</p>", CONTENT_HTML,
	    9, true);
	STR_EQ(t, "aaaa bbbb\nc\n");
	free(t);
	for (w = 4; w <= 10; w++) {
		d = content_parse("<p>aaaa <u>bbbb </u><br>c</p>", 29,
		    CONTENT_HTML, NULL, NULL);
		L = layout_new(d, w, NULL);
		OK(check_layout(L, w, false) == NULL, "hanging space at %d", w);
		layout_free(L);
		doc_free(d);
	}
}

/*
 * Random documents from a fixed seed: pieces of every construct, hostile
 * bytes, wide and combining characters, put together at random and laid
 * out at random widths.  The invariants of check_layout must hold.
 */
static void
test_random(void)
{
	static const char *const md[] = {
		"word ", "longerword ", "\xe4\xb8\xad\xe6\x96\x87",
		"\xf0\x9f\x9a\x80", "e\xcc\x81\xcc\x82", "\n\n", "\n- ",
		"\n  - ", "\n1. ", "\n> ", "\n> > ", "\n\n    code\tx\n",
		"\n```\nfenced \xe4\xb8\xad\n```\n", "[link](http://h/x) ",
		"![img](i.png) ", "<http://a.example/very/long/url/path/x> ",
		"**bold** ", "*it* ", "`code` ", "\n### Head\n", "\n---\n",
		"\x1b[31m", "\xc2\x9b", "\xe2\x80\xae", "\xff", "\\\n", "(",
		")", "\xe3\x80\x82", "\xe3\x80\x8c", "x\xc2\xa0y ",
		"<table><tr><td>a</td><td>\xe4\xb8\xad b c</td></tr></table>",
		"<ul><li>h", "</li></ul>", "<blockquote>", "</blockquote>",
		"<pre>p\tq</pre>", "<dl><dt>t<dd>d</dl>",
	};
	struct buf b = BUF_INIT;
	struct layout *L;
	struct doc *d;
	const char *why;
	unsigned int seed = 12345;
	int i, k, n, w, bad = 0;

	for (i = 0; i < 300; i++) {
		buf_reset(&b);
		n = (int)(rand_r(&seed) % 80);
		for (k = 0; k < n; k++)
			buf_adds(&b, md[rand_r(&seed) % nitems(md)]);
		buf_str(&b);
		d = content_parse(b.data, b.len, i % 3 == 0 ? CONTENT_HTML :
		    CONTENT_MARKDOWN, "http://h.example/", NULL);
		w = 1 + (int)(rand_r(&seed) % 90);
		L = layout_new(d, w, NULL);
		why = check_layout(L, w, false);
		if (why != NULL && bad++ == 0)
			OK(0, "random %d at width %d: %s\n%s", i, w, why,
			    b.data);
		layout_free(L);
		doc_free(d);
	}
	OK(bad == 0, "%d random documents wrong", bad);
	buf_free(&b);
}

static void
collect(const struct layout_line *l, void *arg)
{
	struct buf *b = arg;
	int k;

	for (k = 0; k < l->ncells; k++)
		buf_add(b, l->text + l->cells[k].off, l->cells[k].len);
	buf_printf(b, "|%d|%d\n", l->width, l->block);
}

/* layout_each hands out the lines layout_new makes. */
static void
test_each(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct layout_opts o = { false, 0, false };
	struct layout *L;
	struct doc *d;
	char *s;
	size_t len;
	int w, i;
	bool same = true;

	s = fixture("tables.html", &len);
	d = content_parse(s, len, CONTENT_HTML, NULL, NULL);
	for (w = 15; w <= 120; w += 15) {
		buf_reset(&a);
		buf_reset(&b);
		L = layout_new(d, w, &o);
		for (i = 0; i < layout_nlines(L); i++)
			collect(layout_line(L, i), &a);
		layout_free(L);
		layout_each(d, w, &o, collect, &b);
		same = same && a.len == b.len && a.len > 0 &&
		    memcmp(a.data, b.data, a.len) == 0;
	}
	OK(same, "layout_each differs from layout_new");
	buf_free(&a);
	buf_free(&b);
	doc_free(d);
	free(s);
}

/* A line with everything a view can see of it. */
static void
collect_all(const struct layout_line *l, void *arg)
{
	struct buf *b = arg;
	const struct layout_cell *c;
	int k;

	for (k = 0; k < l->ncells; k++) {
		c = &l->cells[k];
		buf_add(b, l->text + c->off, c->len);
		buf_printf(b, "<%u,%u,%u,%u>", c->width, c->style, c->role,
		    c->link);
	}
	buf_printf(b, "|%d|%d\n", l->width, l->block);
}

struct streamed {
	struct layout	*L;
	struct buf	*b;
	int		 next;		/* block expected first */
	bool		 order;
};

static void
stream_blocks(const struct doc *d, int first, int end, void *arg)
{
	struct streamed *s = arg;

	if (first != s->next || end <= first)
		s->order = false;
	s->next = end;
	layout_stream(s->L, d, first, end, collect_all, s->b);
}

/* NULL if a document handed out as it is parsed lays out at width w as
 * it does whole, and ends with the same links and sections. */
static const char *
stream_differs(const char *src, size_t len, enum content_kind kind, int w)
{
	struct layout_opts o = { w % 2 == 1, 0, false };
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct streamed s = { NULL, &b, 0, true };
	struct doc *whole, *d;
	const char *why = NULL;
	int i;

	whole = content_parse(src, len, kind, "http://h.example/d/", NULL);
	layout_each(whole, w, &o, collect_all, &a);
	s.L = layout_stream_new(w, &o);
	d = content_parse_each(src, len, kind, "http://h.example/d/",
	    stream_blocks, &s, NULL);
	layout_free(s.L);
	if (!s.order || s.next != doc_nblocks(d))
		why = "blocks not handed out once each, in order";
	else if (a.len != b.len || (a.len > 0 && memcmp(a.data, b.data,
	    a.len) != 0))
		why = "lines differ";
	else if (doc_nblocks(d) != doc_nblocks(whole) ||
	    doc_nlinks(d) != doc_nlinks(whole) ||
	    doc_nsections(d) != doc_nsections(whole) ||
	    doc_section_level(d) != doc_section_level(whole))
		why = "counts differ";
	/* The same links, but a streamed document keeps no link text. */
	for (i = 1; why == NULL && i <= doc_nlinks(d); i++)
		if (strcmp(doc_link(d, i)->url, doc_link(whole, i)->url) != 0 ||
		    *doc_link(d, i)->text != '\0' ||
		    doc_link(d, i)->section != doc_link(whole, i)->section)
			why = "links differ";
	for (i = 0; why == NULL && i < doc_nsections(d); i++)
		if (strcmp(doc_section_name(d, i), doc_section_name(whole,
		    i)) != 0 || doc_section_block(d, i) !=
		    doc_section_block(whole, i))
			why = "sections differ";
	for (i = 0; why == NULL && i < doc_nblocks(d); i++)
		if (doc_block(d, i)->section != doc_block(whole, i)->section)
			why = "block sections differ";
	doc_free(d);
	doc_free(whole);
	buf_free(&a);
	buf_free(&b);
	return why;
}

/* content_parse_each with layout_stream makes what content_parse with
 * layout_each makes: every fixture, and random documents with links
 * across blocks, lists made loose late, tables, nesting. */
static void
test_stream(void)
{
	static const char *const fix[] = {
		"blocks.md", "headings.md", "hostile.html", "hostile.md",
		"links.md", "lists.html", "lists.md", "newsletter.html",
		"newsletter.md", "tables.html", "urls.md", "wrap.md",
	};
	static const char *const html[] = {
		"word ", "<p>para</p>", "<h2>Head:</h2>", "<h3>Sub</h3>",
		"<a href=\"/x\">", "</a>", "<a href=\"http://o.example/\">",
		"<ul><li>item", "</li>", "</ul>", "<li><p>loose</p>",
		"<ol start=3><li>n", "</ol>", "<blockquote>", "</blockquote>",
		"<table><tr><th>h</th><td>c <a href=t>l</a></td></tr>",
		"</table>", "<pre>code\n</pre>", "<hr>", "<br>",
		"<dl><dt>t</dt><dd>d</dd></dl>", "<div>", "</div>",
		"<img src=i.png alt=I>", "<p></p>", "\xe4\xb8\xad ",
	};
	static const char *const md[] = {
		"word ", "\n\n", "\n- item ", "\n\n- loose\n\n", "\n1. n ",
		"\n> q ", "\n### H:\n", "\n## H2\n", "[l](/x) ",
		"[o](http://o.example/) ", "\n\n    code\n\n", "\n---\n",
		"<div>\n", "</div>\n", "*e* ", "\n\n<p>html</p>\n\n",
	};
	struct buf b = BUF_INIT;
	const char *why;
	unsigned int seed = 777;
	char *src;
	size_t i, len;
	int k, n, w, bad = 0;

	for (i = 0; i < nitems(fix); i++) {
		src = fixture(fix[i], &len);
		OK(src != NULL, "%s", fix[i]);
		for (w = 10; src != NULL && w <= 130; w += 40) {
			why = stream_differs(src, len, strstr(fix[i], ".md") ?
			    CONTENT_MARKDOWN : CONTENT_HTML, w);
			OK(why == NULL, "%s at %d: %s", fix[i], w, why);
		}
		free(src);
	}
	for (k = 0; k < 400; k++) {
		buf_reset(&b);
		n = (int)(rand_r(&seed) % 60);
		for (i = 0; i < (size_t)n; i++)
			buf_adds(&b, k % 2 ? html[rand_r(&seed) %
			    nitems(html)] : md[rand_r(&seed) % nitems(md)]);
		buf_str(&b);
		w = 5 + (int)(rand_r(&seed) % 80);
		why = stream_differs(b.data, b.len, k % 2 ? CONTENT_HTML :
		    CONTENT_MARKDOWN, w);
		if (why != NULL && bad++ == 0)
			OK(0, "random %d at width %d: %s\n%s", k, w, why,
			    b.data);
	}
	OK(bad == 0, "%d random documents differ streamed", bad);
	buf_free(&b);
}

/* How many times needle occurs within single lines of L. */
static int
count_in_lines(const struct layout *L, const char *needle)
{
	const struct layout_line *l;
	const struct layout_cell *e;
	const char *p, *end;
	int i, n = 0;

	for (i = 0; i < layout_nlines(L); i++) {
		l = layout_line(L, i);
		if (l->ncells == 0)
			continue;
		e = &l->cells[l->ncells - 1];
		end = l->text + e->off + e->len;
		for (p = l->text; (p = memmem(p, (size_t)(end - p), needle,
		    strlen(needle))) != NULL; p++)
			n++;
	}
	return n;
}

/*
 * Issue 13: the integrity fixture (long URLs, a long docker command in a
 * code block, skin tones, a ZWJ family, flags, combining accents, CJK) at
 * every width from 9 to 80, with code wrapped and verbatim: no cluster
 * split, no line over the width but a URL or (verbatim) a code line, and
 * each cluster and URL found whole within one line as often as the text
 * has it.
 */
static void
test_integrity(void)
{
	static const char *const whole[] = {
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",	/* thumbs up, tone */
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
		    "\xf0\x9f\x91\xa7",				/* family */
		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa",		/* DE */
		"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5",		/* JP */
		"e\xcc\x81", "A\xcc\x8a", "N\xcc\x83",
		"https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;"
		    "f=docs/upgrades.md;hb=1.8.1",
		"https://issues.apache.org/jira/secure/ReleaseNote.jspa?"
		    "projectId=12311242&version=12345678",
		"https://mesos.apache.org/documentation/latest/upgrades/"
		    "#upgrading-from-1-8-x-to-1-9-x",
	};
	const char *docker = "docker run --rm -it --net=host -e MESOS_MASTER="
	    "zk://127.0.0.1:2181/mesos -v /var/run/docker.sock:/var/run/"
	    "docker.sock mesos/mesos-mini:1.8.1";
	struct layout_opts o = { false, 0, false };
	struct layout *L;
	struct doc *d;
	const char *why;
	char *src, *p, *body;
	size_t len, k;
	int w, nw, want[nitems(whole)], bad = 0, v;

	src = fixture("integrity.md", &len);
	OK(src != NULL, "integrity.md");
	if (src == NULL)
		return;
	d = content_parse(src, len, CONTENT_MARKDOWN, NULL, NULL);
	OK(d != NULL, "integrity.md parses");
	/* How often each occurs in the body (after the front matter). */
	body = strstr(src + 3, "\n---\n");
	OK(body != NULL, "integrity.md has front matter");
	for (k = 0; k < nitems(whole) && body != NULL; k++) {
		want[k] = 0;
		for (p = body; (p = strstr(p, whole[k])) != NULL; p++)
			want[k]++;
		OK(want[k] > 0, "fixture has %s", whole[k]);
	}
	for (v = 0; v < 2 && d != NULL; v++) {
		o.code_nowrap = v == 1;
		for (w = 9; w <= 80; w++) {
			L = layout_new(d, w, &o);
			why = check_layout_opts(L, w, false, o.code_nowrap);
			if (why != NULL && bad++ < 3)
				OK(0, "integrity at %d (nowrap %d): %s", w, v,
				    why);
			for (k = 0; k < nitems(whole); k++) {
				nw = count_in_lines(L, whole[k]);
				if (nw < want[k] && bad++ < 3)
					OK(0, "integrity at %d: %s whole %d "
					    "times of %d", w, whole[k], nw,
					    want[k]);
			}
			if (o.code_nowrap && count_in_lines(L, docker) != 1 &&
			    bad++ < 3)
				OK(0, "integrity at %d: docker line cut", w);
			/* Verbatim code is as wide as it is. */
			if (o.code_nowrap && layout_max_width(L) < 2 +
			    (int)strlen(docker) + 2 && bad++ < 3)
				OK(0, "integrity at %d: max width %d", w,
				    layout_max_width(L));
			layout_free(L);
		}
	}
	OK(bad == 0, "integrity: %d problems", bad);
	/* Wrapped code (the reader's default) keeps to the width. */
	o.code_nowrap = false;
	L = layout_new(d, 40, &o);
	OK(layout_max_width(L) > 40, "a URL overflows at 40");
	OK(count_in_lines(L, docker) == 0, "code wraps without nowrap");
	layout_free(L);
	doc_free(d);
	free(src);
}

/* Issue 17: a block's text beyond LAYOUT_MAX_BLOCK bytes is left out,
 * and a marker says so: a 16 MiB field costs a bounded layout. */
static void
test_max_block(void)
{
	static const char *const kinds[] = { "", "    " };
	struct buf b = BUF_INIT;
	struct layout *L;
	const struct layout_line *l;
	const struct layout_cell *e;
	struct doc *d;
	size_t bytes, k;
	int i, v;

	for (v = 0; v < 2; v++) {
		buf_reset(&b);
		buf_adds(&b, kinds[v]);
		for (k = 0; k < 3 * LAYOUT_MAX_BLOCK / 2; k++)
			buf_addc(&b, v == 0 && k % 7 == 6 ? ' ' : 'x');
		buf_adds(&b, v == 0 ? " END\n" : "END\n");
		d = content_parse(b.data, b.len, CONTENT_MARKDOWN, NULL, NULL);
		OK(d != NULL, "a big block parses");
		L = layout_new(d, 80, NULL);
		OK(check_layout(L, 80, false) == NULL, "big block %d", v);
		bytes = 0;
		for (i = 0; i < layout_nlines(L); i++) {
			l = layout_line(L, i);
			if (l->ncells == 0)
				continue;
			e = &l->cells[l->ncells - 1];
			bytes += e->off + e->len;
		}
		OK(bytes <= LAYOUT_MAX_BLOCK + 32 * (size_t)layout_nlines(L),
		    "block %d: %zu bytes laid out", v, bytes);
		l = layout_line(L, layout_nlines(L) - 1);
		e = &l->cells[l->ncells - 1];
		OK(l->ncells >= 3 && memcmp(l->text + l->cells[l->ncells -
		    3].off, "[\xe2\x80\xa6]", 5) == 0 &&
		    e->role == LAYOUT_MARKER, "block %d ends in the marker", v);
		OK(count_in_lines(L, "END") == 0, "block %d: the end left out",
		    v);
		layout_free(L);
		doc_free(d);
	}
	buf_free(&b);
}

int
main(void)
{
	HARNESS_INIT();
	test_sweep();
	test_reflow();
	test_spans();
	test_cells();
	test_each();
	test_stream();
	test_random();
	test_integrity();
	test_max_block();
	DONE();
}
