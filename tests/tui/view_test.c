/* view_test.c - the reader's compact lines (src/tui/view.c) must be the
 * lines of layout_new, cell for cell, with the same block and section
 * maps: on every render fixture at many widths, and on random
 * documents. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/harness.h"
#include "buf.h"
#include "content.h"
#include "doc.h"
#include "layout.h"
#include "tui/view.h"
#include "util.h"

/* Why view v differs from layout L, or NULL. */
static const char *
compare(const struct layout *L, struct view *v, const struct doc *d)
{
	static char why[160];
	const struct layout_line *a, *b;
	const struct layout_cell *ca, *cb;
	struct buf t = BUF_INIT;
	const char *s;
	size_t len;
	int i, k, fa, ea, fb, eb, rc;

	if (layout_nlines(L) != view_nlines(v))
		return "line count";
	if (layout_width(L) != view_width(v))
		return "width";
	for (i = 0; i < layout_nlines(L); i++) {
		a = layout_line(L, i);
		b = view_line(v, i);
		snprintf(why, sizeof why, "line %d: ", i);
		if (b == NULL || a->ncells != b->ncells ||
		    a->width != b->width || a->block != b->block) {
			strcat(why, "shape");
			return why;
		}
		buf_reset(&t);
		for (k = 0; k < a->ncells; k++) {
			ca = &a->cells[k];
			cb = &b->cells[k];
			buf_add(&t, a->text + ca->off, ca->len);
			if (ca->len != cb->len || ca->width != cb->width ||
			    ca->style != cb->style || ca->role != cb->role ||
			    ca->link != cb->link || memcmp(a->text + ca->off,
			    b->text + cb->off, ca->len) != 0) {
				snprintf(why, sizeof why, "line %d cell %d",
				    i, k);
				buf_free(&t);
				return why;
			}
		}
		s = view_text(v, i, &len);
		if (s == NULL || len != t.len || memcmp(s, t.data, len) != 0) {
			strcat(why, "text");
			buf_free(&t);
			return why;
		}
		if (layout_line_block(L, i) != view_line_block(v, i)) {
			strcat(why, "block");
			buf_free(&t);
			return why;
		}
	}
	buf_free(&t);
	if (view_line(v, -1) != NULL || view_line(v, i) != NULL)
		return "out of range lines";
	for (i = -1; i <= doc_nblocks(d) + 1; i++)
		if (layout_block_line(L, i) != view_block_line(v, i)) {
			snprintf(why, sizeof why, "block %d starts at line %d,"
			    " not %d", i, view_block_line(v, i),
			    layout_block_line(L, i));
			return why;
		}
	for (i = -1; i <= doc_nsections(d); i++) {
		fa = ea = fb = eb = -7;
		rc = layout_section_range(L, i, &fa, &ea);
		if (view_section_range(v, i, &fb, &eb) != rc || fa != fb ||
		    ea != eb) {
			snprintf(why, sizeof why, "section %d: [%d, %d) not "
			    "[%d, %d)", i, fb, eb, fa, ea);
			return why;
		}
	}
	return NULL;
}

/* Lay d out both ways at width w; count a difference once per name. */
static int
check(const char *name, const struct doc *d, int w, bool ascii)
{
	struct layout_opts o = { ascii, 0, false };
	struct layout *L = layout_new(d, w, &o);
	struct view *v = view_new(d, w, &o);
	const char *why = compare(L, v, d);
	static int shown;

	/* The first few are enough to go on. */
	if (why != NULL && shown++ < 10)
		fprintf(stderr, "%s at width %d: %s\n", name, w, why);
	layout_free(L);
	view_free(v);
	return why != NULL;
}

static char *
slurp(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	buf_str(&b);
	return buf_detach(&b);
}

static void
test_fixtures(void)
{
	const char *srcdir = getenv("srcdir"), *ext;
	struct dirent *de;
	struct doc *d;
	char *dir, *path, *s;
	size_t len;
	DIR *dp;
	int w, bad, nfix = 0;

	dir = xasprintf("%s/tests/render/fixtures", srcdir ? srcdir : ".");
	dp = opendir(dir);
	OK(dp != NULL, "cannot open %s", dir);
	if (dp == NULL) {
		free(dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		ext = strrchr(de->d_name, '.');
		if (ext == NULL || (strcmp(ext, ".md") != 0 &&
		    strcmp(ext, ".html") != 0))
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		s = slurp(path, &len);
		free(path);
		OK(s != NULL, "%s: cannot read", de->d_name);
		if (s == NULL)
			continue;
		d = content_parse(s, len, strcmp(ext, ".md") == 0 ?
		    CONTENT_MARKDOWN : CONTENT_HTML, "http://h.example/",
		    NULL);
		OK(d != NULL, "%s", de->d_name);
		bad = 0;
		for (w = 1; w <= 120 && d != NULL; w += w < 30 ? 1 : 7)
			bad += check(de->d_name, d, w, w % 2 == 0);
		OK(bad == 0, "%s: %d widths differ", de->d_name, bad);
		doc_free(d);
		free(s);
		nfix++;
	}
	closedir(dp);
	free(dir);
	OK(nfix >= 8, "only %d fixtures", nfix);
}

/* Pieces put together at random, as in layout_test, and a character with
 * more combining marks than one packed byte can count. */
static void
test_random(void)
{
	static const char *const md[] = {
		"word ", "longerword ", "\xe4\xb8\xad\xe6\x96\x87",
		"\xf0\x9f\x9a\x80", "e\xcc\x81\xcc\x82", "\n\n", "\n- ",
		"\n  - ", "\n1. ", "\n> ", "\n> > ", "\n\n    code\tx\n",
		"\n```\nfenced \xe4\xb8\xad\n```\n", "[link](http://h/x) ",
		"**bold** ", "*it* ", "`code` ", "\n### Head\n", "\n---\n",
		"\n## Part\n", "\n\n\n", "<http://a.example/long/path/x> ",
		"<table><tr><td>a</td><td>\xe4\xb8\xad b c</td></tr></table>",
		"<ul><li>h", "</li></ul>", "<blockquote>", "</blockquote>",
		"<pre>p\tq</pre>", "<dl><dt>t<dd>d</dl>", "\xe3\x80\x82",
	};
	struct buf b = BUF_INIT;
	struct doc *d;
	unsigned int seed = 4242;
	int i, k, n, bad = 0;
	char name[32];

	for (i = 0; i < 200; i++) {
		buf_reset(&b);
		n = (int)(rand_r(&seed) % 60);
		for (k = 0; k < n; k++)
			buf_adds(&b, md[rand_r(&seed) % nitems(md)]);
		if (i == 7) {
			/* One character of 1 + 40 * 2 bytes. */
			buf_adds(&b, "\n\nx a");
			for (k = 0; k < 40; k++)
				buf_adds(&b, "\xcc\x81");
			buf_adds(&b, " b\n");
		}
		buf_str(&b);
		d = content_parse(b.data, b.len, i % 3 == 0 ? CONTENT_HTML :
		    CONTENT_MARKDOWN, "http://h.example/", NULL);
		snprintf(name, sizeof name, "random %d", i);
		bad += check(name, d, 1 + (int)(rand_r(&seed) % 90), i % 2);
		doc_free(d);
	}
	OK(bad == 0, "%d random documents differ", bad);
	buf_free(&b);
}

/* The empty document. */
static void
test_empty(void)
{
	struct doc *d = content_parse("", 0, CONTENT_TEXT, NULL, NULL);

	OK(check("empty", d, 40, false) == 0, "empty document");
	doc_free(d);
}

int
main(void)
{
	HARNESS_INIT();
	test_fixtures();
	test_random();
	test_empty();
	DONE();
}
