/* md_test.c - Markdown through cmark, and its equivalence with the HTML
 * cmark makes of it. */
#include "config.h"

#include "harness.h"

#include "content.h"
#include "doc.h"
#include "layout.h"
#include "util.h"

#include "../render/testutil.h"

static struct doc *
parse(const char *s, enum content_kind kind)
{
	char *cause = NULL;
	struct doc *d;

	d = content_parse(s, strlen(s), kind, NULL, &cause);
	OK(d != NULL, "parse failed: %s", cause ? cause : "?");
	free(cause);
	return d;
}

static void
test_inline(void)
{
	char *s;
	struct doc *d;

	/* Smart punctuation in a UTF-8 locale. */
	s = render("\"Quoted\" -- it's...", CONTENT_MARKDOWN, 80, false);
	STR_EQ(s, "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x93 it"
	    "\xe2\x80\x99s\xe2\x80\xa6\n");
	free(s);

	/* Emphasis, code, hard breaks, inline HTML tags dropped but <br>. */
	s = render("*a* **b** `c  d` e\\\nf<span>g</span><br>h",
	    CONTENT_MARKDOWN, 80, false);
	STR_EQ(s, "a b c d e\nfg\nh\n");
	free(s);

	/* An HTML block inside Markdown goes through the HTML parser. */
	s = render("Before.\n\n<div><p>In <b>html</b>.</p></div>\n\nAfter.",
	    CONTENT_MARKDOWN, 80, false);
	STR_EQ(s, "Before.\n\nIn html.\n\nAfter.\n");
	free(s);

	/* Destinations are escaped as cmark's HTML writer does. */
	d = parse("[x](<http://a.example/\xc3\xbc b>) "
	    "![alt *em* `c`](/i.png \"title\")", CONTENT_MARKDOWN);
	INT_EQ(doc_nlinks(d), 2);
	STR_EQ(doc_link(d, 1)->url, "http://a.example/%C3%BC%20b");
	STR_EQ(doc_link(d, 2)->url, "/i.png");
	STR_EQ(doc_link(d, 2)->text, "[image: alt em c]");
	doc_free(d);

	/* Front matter is not shown; a malformed one is text. */
	s = render("---\ntitle: T\n---\n\nBody\n", CONTENT_MARKDOWN, 80,
	    false);
	STR_EQ(s, "Body\n");
	free(s);
}

static void
test_blocks(void)
{
	char *s;

	s = render("# Title\n\n> quoted\n> > nested\n\n    code\n\n---\n\n"
	    "1. one\n2. two\n", CONTENT_MARKDOWN, 20, false);
	STR_EQ(s, "Title\n\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90"
	    "\xe2\x95\x90\n\n"
	    "\xe2\x94\x82 quoted\n\xe2\x94\x82\n"
	    "\xe2\x94\x82 \xe2\x94\x82 nested\n\n"
	    "\xe2\x94\x83 code\n\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\n"
	    "1. one\n2. two\n");
	free(s);
	s = render("- a\n  - b\n    - c\n      - d\n", CONTENT_MARKDOWN, 40,
	    true);
	STR_EQ(s, "* a\n  - b\n    + c\n      * d\n");
	free(s);
}

/* Two layouts have the same cells, styles, roles and links. */
static bool
same_layout(const struct layout *a, const struct layout *b, int *where)
{
	const struct layout_line *la, *lb;
	const struct layout_cell *ca, *cb;
	int i, k;

	*where = -1;
	if (layout_nlines(a) != layout_nlines(b))
		return false;
	for (i = 0; i < layout_nlines(a); i++) {
		*where = i;
		la = layout_line(a, i);
		lb = layout_line(b, i);
		if (la->ncells != lb->ncells || la->width != lb->width)
			return false;
		for (k = 0; k < la->ncells; k++) {
			ca = &la->cells[k];
			cb = &lb->cells[k];
			if (ca->len != cb->len || ca->width != cb->width ||
			    ca->style != cb->style || ca->role != cb->role ||
			    ca->link != cb->link || memcmp(la->text + ca->off,
			    lb->text + cb->off, ca->len) != 0)
				return false;
		}
	}
	return true;
}

/* The newsletter as Markdown and as the HTML cmark made of it. */
static void
test_equivalence(void)
{
	struct doc *dm, *dh;
	struct layout *lm, *lh;
	char *md, *html;
	size_t mlen, hlen;
	int w, i, where;
	bool links = true;

	md = fixture("newsletter.md", &mlen);
	html = fixture("newsletter.html", &hlen);
	OK(md != NULL && html != NULL, "fixtures missing (srcdir?)");
	if (md == NULL || html == NULL)
		return;
	dm = content_parse(md, mlen, CONTENT_MARKDOWN, "https://h.example/p/",
	    NULL);
	dh = content_parse(html, hlen, CONTENT_HTML, "https://h.example/p/",
	    NULL);
	INT_EQ(doc_nblocks(dm), doc_nblocks(dh));
	INT_EQ(doc_nlinks(dm), 15);
	INT_EQ(doc_nlinks(dh), 15);
	for (i = 1; i <= doc_nlinks(dm) && i <= doc_nlinks(dh); i++)
		links = links && strcmp(doc_link(dm, i)->url,
		    doc_link(dh, i)->url) == 0 && strcmp(doc_link(dm, i)->text,
		    doc_link(dh, i)->text) == 0 && doc_link(dm, i)->section ==
		    doc_link(dh, i)->section;
	OK(links, "same links table");
	/* Intro, highlights, events and the closing prose. */
	INT_EQ(doc_nsections(dm), 4);
	INT_EQ(doc_nsections(dh), 4);
	for (i = 0; i < doc_nsections(dm); i++)
		STR_EQ(doc_section_name(dm, i), doc_section_name(dh, i));
	for (w = 10; w <= 140; w += 13) {
		lm = layout_new(dm, w, NULL);
		lh = layout_new(dh, w, NULL);
		OK(same_layout(lm, lh, &where),
		    "layouts differ at width %d, line %d", w, where);
		layout_free(lm);
		layout_free(lh);
	}
	doc_free(dm);
	doc_free(dh);
	free(md);
	free(html);
}

/* The text of block i, runs joined. */
static char *
block_text(const struct doc *d, int i)
{
	const struct doc_block *b = doc_block(d, i);
	struct buf out = BUF_INIT;
	int k;

	for (k = b->first_run; k < b->first_run + b->nruns; k++)
		buf_add(&out, doc_text(d) + doc_runs(d)[k].off,
		    doc_runs(d)[k].len);
	buf_str(&out);
	return buf_detach(&out);
}

/* Large posts: cmark's memory comes from md.c's arena, where a string
 * outgrows its size classes, freed blocks are used again, and the tree
 * goes at once.  The text must come through whole, every time. */
static void
test_large(void)
{
	struct buf in = BUF_INIT, want = BUF_INIT, code = BUF_INIT;
	struct doc *d;
	char *s;
	int i, round, bad;

	/* One paragraph of 40,000 bytes, on many lines. */
	for (i = 0; i < 5000; i++) {
		buf_printf(&in, "w%04d%s", i, i % 10 == 9 ? "\n" : " ");
		buf_printf(&want, "%sw%04d", i ? " " : "", i);
	}
	buf_adds(&in, "\n");
	/* Then 3,000 short ones with emphasis and links, a code block. */
	for (i = 0; i < 3000; i++)
		buf_printf(&in, "P%d *e%d* [l](http://h.example/%d)\n\n", i, i,
		    i % 700);
	for (i = 0; i < 2000; i++)
		buf_printf(&code, "line %d\n", i);
	buf_adds(&in, "```\n");
	buf_add(&in, code.data, code.len);
	buf_adds(&in, "```\n");
	buf_str(&in);
	for (round = 0; round < 2; round++) {
		d = content_parse(in.data, in.len, CONTENT_MARKDOWN, NULL, NULL);
		OK(d != NULL, "parse");
		if (d == NULL)
			break;
		INT_EQ(doc_nblocks(d), 3002);
		INT_EQ(doc_nlinks(d), 700);
		s = block_text(d, 0);
		STR_EQ(s, buf_str(&want));
		free(s);
		bad = 0;
		for (i = 0; i < 3000; i++) {
			s = block_text(d, i + 1);
			buf_reset(&want);
			buf_printf(&want, "P%d e%d l", i, i);
			bad += strcmp(s, buf_str(&want)) != 0;
			free(s);
		}
		INT_EQ(bad, 0);
		s = block_text(d, 3001);
		code.len--;	/* the last newline is not kept */
		STR_EQ(s, buf_str(&code));
		code.len++;
		free(s);
		doc_free(d);
		buf_reset(&want);
		for (i = 0; i < 5000; i++)
			buf_printf(&want, "%sw%04d", i ? " " : "", i);
	}
	buf_free(&in);
	buf_free(&want);
	buf_free(&code);
}

int
main(void)
{
	HARNESS_INIT();
	test_inline();
	test_blocks();
	test_equivalence();
	test_large();
	DONE();
}
