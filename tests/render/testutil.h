/* testutil.h - helpers shared by the renderer's unit tests. */
#ifndef MN_RENDER_TESTUTIL_H
#define MN_RENDER_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "content.h"
#include "doc.h"
#include "layout.h"
#include "util.h"

/* The contents of a fixture under $srcdir/tests/render/fixtures, or NULL
 * if it cannot be read. */
static inline char *
fixture(const char *name, size_t *len)
{
	const char *srcdir = getenv("srcdir");
	struct buf b = BUF_INIT;
	char chunk[8192], *path;
	size_t n;
	FILE *f;

	path = xasprintf("%s/tests/render/fixtures/%s",
	    srcdir != NULL ? srcdir : ".", name);
	f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_str(&b);
	if (len != NULL)
		*len = b.len;
	return buf_detach(&b);
}

/* Line i of a layout as plain text. */
static inline char *
line_text(const struct layout *L, int i)
{
	const struct layout_line *l = layout_line(L, i);
	struct buf b = BUF_INIT;
	int k;

	for (k = 0; k < l->ncells; k++)
		buf_add(&b, l->text + l->cells[k].off, l->cells[k].len);
	buf_str(&b);
	return buf_detach(&b);
}

/* A whole layout as plain text, lines ended by newlines. */
static inline char *
layout_text(const struct layout *L)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	for (i = 0; i < layout_nlines(L); i++) {
		s = line_text(L, i);
		buf_adds(&b, s);
		buf_addc(&b, '\n');
		free(s);
	}
	buf_str(&b);
	return buf_detach(&b);
}

/* Parse s and lay it out at width as plain text. */
static inline char *
render(const char *s, enum content_kind kind, int width, bool ascii)
{
	struct layout_opts o = { ascii, 0, false };
	struct layout *L;
	struct doc *d;
	char *cause = NULL, *out;

	d = content_parse(s, strlen(s), kind, NULL, &cause);
	if (d == NULL) {
		free(cause);
		return xstrdup("(parse error)");
	}
	L = layout_new(d, width, &o);
	out = layout_text(L);
	layout_free(L);
	doc_free(d);
	return out;
}

#endif
