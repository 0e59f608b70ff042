/* md_test.c - Markdown through cmark, and its equivalence with the HTML
 * cmark makes of it. */
#include "config.h"

#include "harness.h"

#include "doc.h"
#include "layout.h"
#include "util.h"

#include "../render/testutil.h"

static struct doc *
parse(const char *s, enum content_kind kind)
{
	char *cause = NULL;
	struct doc *d;

	d = doc_parse(s, strlen(s), kind, NULL, &cause);
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
	dm = doc_parse(md, mlen, CONTENT_MARKDOWN, "https://h.example/p/",
	    NULL);
	dh = doc_parse(html, hlen, CONTENT_HTML, "https://h.example/p/",
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
	INT_EQ(doc_nsections(dm), 3);
	INT_EQ(doc_nsections(dh), 3);
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

int
main(void)
{
	HARNESS_INIT();
	test_inline();
	test_blocks();
	test_equivalence();
	DONE();
}
