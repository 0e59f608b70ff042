/* view.c - the article's lines, kept compactly (see view.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "layout.h"
#include "util.h"
#include "view.h"

/* A character of at most this many bytes packs into one byte with its
 * width; a line with a longer one (a pile of combining marks) keeps two
 * bytes a cell. */
#define PACK_MAXLEN	63

#define VL_WIDE		0x01	/* two bytes a cell */
#define VL_BLANK	0x02	/* only indentation and quote bars */

struct vline {
	size_t		 text;		/* first byte in v->text */
	size_t		 cell;		/* first byte in v->cells */
	size_t		 run;		/* first run in v->runs */
	int		 ncells;
	int		 nruns;
	int		 width;
	int		 block;
	uint8_t		 flags;
};

/* Cells in a row that share style, role and link. */
struct vrun {
	uint32_t	 link;
	int		 n;
	uint8_t		 style;
	uint8_t		 role;
};

struct view {
	int		 width;
	const struct doc *doc;		/* only while it is built */
	struct vline	*lines;
	size_t		 nlines, caplines;
	struct buf	 text;
	struct buf	 cells;		/* packed length and width */
	struct vrun	*runs;
	size_t		 nruns, capruns;
	int		*block_line;
	int		 nblocks;
	int		*section_line;
	int		 nsections;

	/* The line view_line expanded last. */
	struct layout_line out;
	struct layout_cell *scratch;
	size_t		 capscratch;
};

static bool
blank_role(uint8_t role)
{
	return role == LAYOUT_INDENT || role == LAYOUT_QUOTE;
}

static void
add_run(struct view *v, const struct layout_cell *c)
{
	struct vrun *r;

	if (v->nruns == v->capruns) {
		v->capruns = v->capruns ? v->capruns * 2 : 256;
		v->runs = xreallocarray(v->runs, v->capruns, sizeof *v->runs);
	}
	r = &v->runs[v->nruns++];
	r->link = c->link;
	r->n = 0;
	r->style = c->style;
	r->role = c->role;
}

/* layout_each's callback: copy one line. */
static void
keep_line(const struct layout_line *l, void *arg)
{
	struct view *v = arg;
	const struct layout_cell *c;
	const struct doc_block *b;
	struct vline *vl;
	struct vrun *r = NULL;
	size_t i, start, off;
	bool wide = false, blank = true, inorder = true;

	if (v->nlines == v->caplines) {
		v->caplines = v->caplines ? v->caplines * 2 : 256;
		v->lines = xreallocarray(v->lines, v->caplines,
		    sizeof *v->lines);
	}
	vl = &v->lines[v->nlines];
	vl->text = v->text.len;
	vl->cell = v->cells.len;
	vl->run = v->nruns;
	vl->ncells = l->ncells;
	vl->width = l->width;
	vl->block = l->block;
	/* The text in one piece when the cells lie in order, as they
	 * usually do. */
	for (i = 0, off = 0; i < (size_t)l->ncells; i++) {
		c = &l->cells[i];
		if (c->len > PACK_MAXLEN)
			wide = true;
		if (c->off != off)
			inorder = false;
		off += c->len;
	}
	if (inorder)
		buf_add(&v->text, l->text, off);
	buf_grow(&v->cells, (size_t)l->ncells * (wide ? 2 : 1));
	for (i = 0; i < (size_t)l->ncells; i++) {
		c = &l->cells[i];
		if (!inorder)
			buf_add(&v->text, l->text + c->off, c->len);
		if (wide) {
			v->cells.data[v->cells.len++] = (char)c->len;
			v->cells.data[v->cells.len++] = (char)c->width;
		} else
			v->cells.data[v->cells.len++] =
			    (char)(c->len << 2 | (c->width & 3));
		if (r == NULL || r->link != c->link || r->style != c->style ||
		    r->role != c->role) {
			add_run(v, c);
			r = &v->runs[v->nruns - 1];
		}
		r->n++;
		if (!blank_role(c->role))
			blank = false;
	}
	vl->nruns = (int)(v->nruns - vl->run);
	vl->flags = (wide ? VL_WIDE : 0) | (blank ? VL_BLANK : 0);
	/* NOTE: as in layout.c, a block's first line comes after the blank
	 * line that separates it from the block before, if it has one. */
	if (l->block >= 0 && l->block < v->nblocks &&
	    v->block_line[l->block] == -1) {
		b = doc_block(v->doc, l->block);
		start = v->nlines;
		if (b != NULL && b->space_before && v->nlines > 0)
			start = v->nlines + 1;
		v->block_line[l->block] = (int)start;
	}
	v->nlines++;
}

/* Give back what growing by doubling left over. */
static void
shrink(struct view *v)
{
	if (v->nlines > 0)
		v->lines = xreallocarray(v->lines, v->nlines,
		    sizeof *v->lines);
	if (v->nruns > 0)
		v->runs = xreallocarray(v->runs, v->nruns, sizeof *v->runs);
	if (v->text.len > 0) {
		v->text.data = xreallocarray(v->text.data, v->text.len + 1, 1);
		v->text.cap = v->text.len + 1;
	}
	if (v->cells.len > 0) {
		v->cells.data = xreallocarray(v->cells.data, v->cells.len + 1,
		    1);
		v->cells.cap = v->cells.len + 1;
	}
}

struct view *
view_new(const struct doc *d, int width, const struct layout_opts *opts)
{
	struct view *v;
	int i, b;

	if (opts != NULL && opts->max_width > 0 && width > opts->max_width)
		width = opts->max_width;
	if (width < 1)
		width = 1;
	v = xcalloc(1, sizeof *v);
	v->width = width;
	v->doc = d;
	v->nblocks = doc_nblocks(d);
	v->block_line = xcalloc((size_t)v->nblocks + 1,
	    sizeof *v->block_line);
	for (i = 0; i < v->nblocks; i++)
		v->block_line[i] = -1;
	layout_each(d, width, opts, keep_line, v);
	v->doc = NULL;
	/* Blocks without lines (none today) start where the next one does. */
	v->block_line[v->nblocks] = (int)v->nlines;
	for (i = v->nblocks - 1; i >= 0; i--)
		if (v->block_line[i] == -1)
			v->block_line[i] = v->block_line[i + 1];
	v->nsections = doc_nsections(d);
	v->section_line = xcalloc((size_t)v->nsections + 1,
	    sizeof *v->section_line);
	for (i = 0; i < v->nsections; i++) {
		b = doc_section_block(d, i);
		v->section_line[i] = b >= 0 && b <= v->nblocks ?
		    v->block_line[b] : 0;
	}
	v->section_line[v->nsections] = (int)v->nlines;
	shrink(v);
	buf_str(&v->text);
	return v;
}

void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	free(v->lines);
	buf_free(&v->text);
	buf_free(&v->cells);
	free(v->runs);
	free(v->block_line);
	free(v->section_line);
	free(v->scratch);
	free(v);
}

int
view_width(const struct view *v)
{
	return v->width;
}

int
view_nlines(const struct view *v)
{
	return (int)v->nlines;
}

const struct layout_line *
view_line(struct view *v, int i)
{
	const struct vline *vl;
	const struct vrun *r;
	const unsigned char *p;
	struct layout_cell *c;
	uint32_t off = 0;
	int k, left;

	if (i < 0 || (size_t)i >= v->nlines)
		return NULL;
	vl = &v->lines[i];
	if ((size_t)vl->ncells > v->capscratch) {
		v->capscratch = (size_t)vl->ncells;
		v->scratch = xreallocarray(v->scratch, v->capscratch,
		    sizeof *v->scratch);
	}
	p = (const unsigned char *)v->cells.data + vl->cell;
	r = v->runs + vl->run;
	left = vl->nruns > 0 ? r->n : 0;
	for (k = 0; k < vl->ncells; k++) {
		while (left == 0) {
			r++;
			left = r->n;
		}
		left--;
		c = &v->scratch[k];
		if (vl->flags & VL_WIDE) {
			c->len = p[0];
			c->width = p[1];
			p += 2;
		} else {
			c->len = (uint8_t)(*p >> 2);
			c->width = *p & 3;
			p++;
		}
		c->off = off;
		off += c->len;
		c->link = r->link;
		c->style = r->style;
		c->role = r->role;
	}
	v->out.text = v->text.data + vl->text;
	v->out.cells = v->scratch;
	v->out.ncells = vl->ncells;
	v->out.width = vl->width;
	v->out.block = vl->block;
	return &v->out;
}

const char *
view_text(const struct view *v, int i, size_t *len)
{
	size_t end;

	if (i < 0 || (size_t)i >= v->nlines)
		return NULL;
	end = (size_t)i + 1 < v->nlines ? v->lines[i + 1].text : v->text.len;
	*len = end - v->lines[i].text;
	return v->text.data + v->lines[i].text;
}

int
view_line_block(const struct view *v, int line)
{
	if (line < 0 || (size_t)line >= v->nlines)
		return -1;
	return v->lines[line].block;
}

int
view_block_line(const struct view *v, int block)
{
	if (block < 0 || block > v->nblocks)
		return -1;
	return v->block_line[block];
}

int
view_section_range(const struct view *v, int i, int *first, int *end)
{
	int a, z;

	if (i < 0 || i >= v->nsections)
		return -1;
	a = v->section_line[i];
	z = v->section_line[i + 1];
	while (z > a && (v->lines[z - 1].flags & VL_BLANK))
		z--;
	*first = a;
	*end = z;
	return 0;
}

/*
 * One line of plain text (a title) wrapped at width columns as the layout
 * wraps a paragraph (UAX #14 breaks, whole grapheme clusters, URLs
 * whole): at most max lines, the last holding the rest when there is
 * more, for the caller to cut with a mark.  Returns the number of lines
 * and fills *lines with that many strings; the caller frees each and the
 * array.
 */
int
view_wrap(const char *s, int width, int max, char ***lines)
{
	struct doc *d = doc_new(NULL);
	struct layout *L;
	const struct layout_line *l;
	struct buf b = BUF_INIT;
	size_t len = strlen(s), cap;
	char **out;
	int i, j, k, n;

	/* Only as much as max lines can show: a title may be megabytes. */
	cap = (size_t)max * (size_t)(width > 0 ? width : 1) * 8 + 64;
	if (len > cap) {
		len = cap;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	doc_para_begin(d);
	doc_add_text(d, s, len);
	doc_block_end(d);
	doc_finish(d);
	L = layout_new(d, width > 0 ? width : 1, NULL);
	doc_free(d);
	n = layout_nlines(L);
	if (n > max)
		n = max;
	if (n < 1)
		n = 1;
	out = xcalloc((size_t)n, sizeof *out);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		for (j = i; j == i || (i == n - 1 && j < layout_nlines(L) &&
		    b.len < cap); j++) {
			if ((l = layout_line(L, j)) == NULL)
				break;
			if (j > i)
				buf_adds(&b, " ");
			for (k = 0; k < l->ncells; k++)
				buf_add(&b, l->text + l->cells[k].off,
				    l->cells[k].len);
		}
		out[i] = xstrdup(buf_str(&b));
	}
	buf_free(&b);
	layout_free(L);
	*lines = out;
	return n;
}
