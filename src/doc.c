/* doc.c - the document model: blocks, inline runs, containers, tables
 * and sections (the links table is in doclink.c). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "docint.h"
#include "utf8.h"
#include "util.h"

/* Creating and freeing. */

static void	 finish_leaf(struct doc *);

struct doc *
doc_new(const char *base_url)
{
	struct doc *d;

	d = xcalloc(1, sizeof *d);
	if (base_url != NULL && *base_url != '\0')
		d->base = xstrdup(base_url);
	d->leaf = -1;
	d->table = -1;
	d->cell = -1;
	d->space = true;
	buf_str(&d->text);
	return d;
}

void
doc_set_each(struct doc *d, doc_blocks_fn fn, void *arg)
{
	d->each = fn;
	d->each_arg = arg;
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	free(d->base);
	buf_free(&d->text);
	buf_free(&d->scratch);
	free(d->runs);
	free(d->blocks);
	free(d->frames);
	free(d->conts);
	free(d->lists);
	free(d->tables);
	free(d->cells);
	for (i = 0; i < d->nlinks; i++) {
		free((char *)d->links[i].pub.url);
		free((char *)d->links[i].pub.text);
	}
	free(d->links);
	free(d->hash);
	for (i = 0; i < d->hrefcap; i++)
		free(d->hrefs[i].href);
	free(d->hrefs);
	for (i = 0; i < (size_t)d->nsections; i++)
		free(d->sections[i].name);
	free(d->sections);
	for (i = 0; i < d->nheads; i++)
		free(d->heads[i].name);
	free(d->heads);
	for (i = 0; i < d->nmeta; i++)
		free(d->meta[i]);
	free(d->meta);
	free(d->open);
	free(d);
}

/* Blocks. */

static int
common_list(const struct doc *d, const struct doc_block *a,
    const struct doc_block *b)
{
	const int *fa, *fb;
	const struct doc_container *ca, *cb;
	int i, list = -1;

	if (a->depth == 0 || b->depth == 0)
		return -1;	/* and d->frames may be NULL */
	fa = d->frames + a->frames;
	fb = d->frames + b->frames;
	for (i = 0; i < a->depth && i < b->depth; i++) {
		ca = &d->conts[fa[i]];
		cb = &d->conts[fb[i]];
		if (ca->type == DOC_ITEM && cb->type == DOC_ITEM &&
		    ca->list == cb->list)
			list = ca->list;
		if (fa[i] != fb[i])
			break;
	}
	return list;
}

static void	 release(struct doc *);

/* Start a block of the given type in the current containers. */
static struct doc_block *
new_block(struct doc *d, enum doc_block_type type)
{
	struct doc_block *b;
	int i, idx;

	finish_leaf(d);
	/* Outside every container, link and table, nothing can change the
	 * blocks before this one any more.  (A table's cells come before
	 * its block.) */
	if (d->each != NULL && d->nopen == 0 && d->linkdepth == 0 &&
	    d->table == -1 && type != DOC_TABLE)
		release(d);
	GROW(d->blocks, d->nblocks, d->capblock);
	idx = (int)d->nblocks++;
	b = &d->blocks[idx];
	memset(b, 0, sizeof *b);
	b->type = type;
	b->first_run = (int)d->nruns;
	b->table = -1;
	b->depth = d->ncstack;
	b->frames = (int)d->nframes_all;
	for (i = 0; i < d->ncstack; i++) {
		GROW(d->frames, d->nframes_all, d->capframes);
		d->frames[d->nframes_all++] = d->cstack[i];
	}
	for (i = d->ncstack - 1; i >= 0; i--) {
		if (d->conts[d->cstack[i]].first_block != -1)
			break;
		d->conts[d->cstack[i]].first_block = idx;
	}
	return b;
}

/* Remove trailing spaces and breaks of the open leaf; drop empty runs. */
static void
trim_leaf(struct doc *d, size_t first)
{
	struct doc_run *r;
	bool atend;

	while (d->nruns > first) {
		r = &d->runs[d->nruns - 1];
		if (r->kind == DOC_RUN_BREAK) {
			d->nruns--;
			continue;
		}
		if (r->kind == DOC_RUN_LINKNUM)
			break;
		atend = r->off + r->len == d->text.len;
		while (r->len > 0 && d->text.data[r->off + r->len - 1] == ' ')
			r->len--;
		if (atend)
			buf_truncate(&d->text, r->off + r->len);
		if (r->len > 0)
			break;
		d->nruns--;
	}
}

/* An empty paragraph or heading takes no room: forget it. */
static void
drop_last_block(struct doc *d)
{
	struct doc_block *b = &d->blocks[d->nblocks - 1];
	int i, idx = (int)d->nblocks - 1;

	for (i = 0; i < d->ncstack; i++)
		if (d->conts[d->cstack[i]].first_block == idx)
			d->conts[d->cstack[i]].first_block = -1;
	d->nframes_all = (size_t)b->frames;
	d->nblocks--;
}

static void
finish_leaf(struct doc *d)
{
	struct doc_block *b;

	if (d->leaf == -1)
		return;
	b = &d->blocks[d->leaf];
	trim_leaf(d, (size_t)b->first_run);
	b->nruns = (int)d->nruns - b->first_run;
	if (b->nruns == 0 && (size_t)d->leaf == d->nblocks - 1)
		drop_last_block(d);
	d->leaf = -1;
	d->space = true;
}

/* Inside a cell, a block boundary is a line break. */
static void
cell_break(struct doc *d)
{
	const struct doc_cell *c = &d->cells[d->cell];
	struct doc_run *r;

	trim_leaf(d, (size_t)c->first_run);
	if (d->nruns == (size_t)c->first_run)
		return;
	r = &d->runs[d->nruns - 1];
	if (r->kind == DOC_RUN_BREAK)
		return;
	GROW(d->runs, d->nruns, d->caprun);
	r = &d->runs[d->nruns++];
	memset(r, 0, sizeof *r);
	r->off = (uint32_t)d->text.len;
	r->kind = DOC_RUN_BREAK;
	d->space = true;
}

void
doc_leaf_begin(struct doc *d, enum doc_block_type type, int level)
{
	struct doc_block *b;

	if (d->cell != -1) {
		cell_break(d);
		return;
	}
	b = new_block(d, type);
	b->level = level;
	d->leaf = (int)d->nblocks - 1;
	d->space = true;
}

void
doc_para_begin(struct doc *d)
{
	doc_leaf_begin(d, DOC_PARA, 0);
}

void
doc_heading_begin(struct doc *d, int level)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	doc_leaf_begin(d, DOC_HEADING, level);
}

void
doc_block_end(struct doc *d)
{
	if (d->cell != -1)
		cell_break(d);
	else
		finish_leaf(d);
}

/* Inline text. */

/* Append bytes to a run of the current style, merging with the last run
 * when it is of the same kind. */
void
doc_add_run(struct doc *d, enum doc_run_kind kind, const char *s, size_t len)
{
	struct doc_run *r;
	size_t first;

	if (d->leaf == -1 && d->cell == -1)
		doc_leaf_begin(d, DOC_PARA, 0);
	first = d->cell != -1 ? (size_t)d->cells[d->cell].first_run :
	    (size_t)d->blocks[d->leaf].first_run;
	if (d->nruns > first) {
		r = &d->runs[d->nruns - 1];
		if (r->kind == kind && r->style == d->style &&
		    r->link == d->link && r->off + r->len == d->text.len &&
		    kind != DOC_RUN_BREAK && kind != DOC_RUN_LINKNUM) {
			buf_add(&d->text, s, len);
			r->len += (uint32_t)len;
			return;
		}
	}
	GROW(d->runs, d->nruns, d->caprun);
	r = &d->runs[d->nruns++];
	r->off = (uint32_t)d->text.len;
	r->len = (uint32_t)len;
	r->link = d->link;
	r->kind = (uint8_t)kind;
	r->style = d->style;
	buf_add(&d->text, s, len);
}

/* Sanitise s, collapse its white space, and add it in the current
 * style. */
static void
add_inline(struct doc *d, enum doc_run_kind kind, const char *s, size_t len)
{
	struct doc_run *r;
	size_t start, first;

	if (d->leaf == -1 && d->cell == -1) {
		if (util_blank(s, len))
			return;
		doc_leaf_begin(d, DOC_PARA, 0);
	}
	/* Sanitise straight into the text: white space runs become one
	 * space, none at the start of a block or line; soft hyphens go. */
	start = d->text.len;
	utf8_sanitize_flow(&d->text, s, len, &d->space);
	if (d->text.len == start)
		return;
	first = d->cell != -1 ? (size_t)d->cells[d->cell].first_run :
	    (size_t)d->blocks[d->leaf].first_run;
	if (d->nruns > first) {
		r = &d->runs[d->nruns - 1];
		if (r->kind == kind && r->style == d->style &&
		    r->link == d->link && r->off + r->len == start) {
			r->len += (uint32_t)(d->text.len - start);
			return;
		}
	}
	GROW(d->runs, d->nruns, d->caprun);
	r = &d->runs[d->nruns++];
	r->off = (uint32_t)start;
	r->len = (uint32_t)(d->text.len - start);
	r->link = d->link;
	r->kind = (uint8_t)kind;
	r->style = d->style;
}

void
doc_add_text(struct doc *d, const char *s, size_t len)
{
	add_inline(d, DOC_RUN_TEXT, s, len);
}

void
doc_add_code(struct doc *d, const char *s, size_t len)
{
	add_inline(d, DOC_RUN_CODE, s, len);
}

void
doc_add_break(struct doc *d)
{
	if (d->leaf == -1 && d->cell == -1)
		doc_leaf_begin(d, DOC_PARA, 0);
	if (d->cell == -1)
		trim_leaf(d, (size_t)d->blocks[d->leaf].first_run);
	doc_add_run(d, DOC_RUN_BREAK, "", 0);
	d->space = true;
}

static void
restyle(struct doc *d)
{
	int i;

	d->style = 0;
	for (i = 0; i < d->nstyles; i++)
		d->style |= d->styles[i];
}

void
doc_style_push(struct doc *d, int bits)
{
	if (d->nstyles == STYLE_STACK) {
		d->style_over++;
		return;
	}
	d->styles[d->nstyles++] = (uint8_t)bits;
	d->style |= (uint8_t)bits;
}

void
doc_style_pop(struct doc *d)
{
	if (d->style_over > 0) {
		d->style_over--;
		return;
	}
	if (d->nstyles > 0)
		d->nstyles--;
	restyle(d);
}

/* Blocks without inline content. */

void
doc_add_code_block(struct doc *d, const char *s, size_t len)
{
	struct doc_block *b;
	struct doc_run *r;
	size_t start, i, end;

	if (d->cell != -1) {
		cell_break(d);
		start = 0;
		for (i = 0; i <= len; i++) {
			if (i < len && s[i] != '\n')
				continue;
			if (i > start)
				doc_add_code(d, s + start, i - start);
			if (i < len)
				cell_break(d);
			start = i + 1;
		}
		cell_break(d);
		return;
	}
	b = new_block(d, DOC_CODE);
	start = d->text.len;
	utf8_sanitize_into(&d->text, s, len, UTF8_KEEP_NL);
	end = d->text.len;
	while (end > start && d->text.data[end - 1] == '\n')
		end--;
	buf_truncate(&d->text, end);
	GROW(d->runs, d->nruns, d->caprun);
	r = &d->runs[d->nruns++];
	r->off = (uint32_t)start;
	r->len = (uint32_t)(end - start);
	r->link = 0;
	r->kind = DOC_RUN_CODE;
	r->style = 0;
	b->nruns = 1;
}

void
doc_add_rule(struct doc *d)
{
	if (d->cell != -1) {
		cell_break(d);
		return;
	}
	new_block(d, DOC_RULE);
}

/* Containers. */

static struct open *
push_open(struct doc *d, enum open_type type)
{
	struct open *o;

	GROW(d->open, d->nopen, d->capopen);
	o = &d->open[d->nopen++];
	memset(o, 0, sizeof *o);
	o->type = (uint8_t)type;
	o->idx = -1;
	return o;
}

/* Pop the innermost open pair if it is of this type. */
static struct open *
pop_open(struct doc *d, enum open_type type)
{
	if (d->nopen == 0 || d->open[d->nopen - 1].type != type)
		return NULL;
	return &d->open[--d->nopen];
}

static bool
push_container(struct doc *d, enum doc_container_type type, int list)
{
	struct doc_container *c;

	if (d->ncstack == DOC_MAX_DEPTH || d->cell != -1)
		return false;
	finish_leaf(d);
	GROW(d->conts, d->nconts, d->capcont);
	c = &d->conts[d->nconts];
	memset(c, 0, sizeof *c);
	c->type = type;
	c->list = list;
	c->first_block = -1;
	d->cstack[d->ncstack++] = (int)d->nconts++;
	return true;
}

static void
pop_container(struct doc *d)
{
	finish_leaf(d);
	d->ncstack--;
}

void
doc_quote_begin(struct doc *d)
{
	struct open *o = push_open(d, OPEN_QUOTE);

	if (d->cell != -1)
		cell_break(d);
	o->real = push_container(d, DOC_QUOTE, -1);
}

void
doc_quote_end(struct doc *d)
{
	struct open *o = pop_open(d, OPEN_QUOTE);

	if (d->cell != -1)
		cell_break(d);
	if (o != NULL && o->real)
		pop_container(d);
}

void
doc_list_begin(struct doc *d, bool ordered, int start, char type,
    bool tight)
{
	struct open *o = push_open(d, OPEN_LIST);
	struct doc_list *l;

	o->numtype = type;
	o->next = start;
	if (d->cell != -1) {
		cell_break(d);
		return;
	}
	finish_leaf(d);
	if (d->ncstack == DOC_MAX_DEPTH)
		return;
	GROW(d->lists, d->nlists, d->caplist);
	l = &d->lists[d->nlists];
	l->ordered = ordered;
	l->tight = tight;
	l->level = ++d->listlevel;
	l->marker_width = ordered ? 0 : 1;
	o->idx = (int)d->nlists++;
	o->real = true;
}

void
doc_list_widen(struct doc *d, int width)
{
	struct open *o;
	size_t i;

	for (i = d->nopen; i > 0; i--) {
		o = &d->open[i - 1];
		if (o->type != OPEN_LIST)
			continue;
		if (o->real && d->lists[o->idx].marker_width < width)
			d->lists[o->idx].marker_width = width;
		return;
	}
}

void
doc_list_loosen(struct doc *d)
{
	size_t i;

	for (i = d->nopen; i > 0; i--) {
		if (d->open[i - 1].type != OPEN_LIST)
			continue;
		if (d->open[i - 1].real)
			d->lists[d->open[i - 1].idx].tight = false;
		return;
	}
}

void
doc_list_end(struct doc *d)
{
	struct open *o = pop_open(d, OPEN_LIST);

	if (d->cell != -1)
		cell_break(d);
	finish_leaf(d);
	if (o != NULL && o->real)
		d->listlevel--;
}

static void
roman(struct buf *b, int n, bool upper)
{
	static const struct {
		int		 v;
		const char	*s;
	} tab[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t i;
	const char *p;

	for (i = 0; i < nitems(tab); i++) {
		while (n >= tab[i].v) {
			for (p = tab[i].s; *p != '\0'; p++)
				buf_addc(b, upper ? *p - 'a' + 'A' : *p);
			n -= tab[i].v;
		}
	}
}

static void
alpha(struct buf *b, int n, bool upper)
{
	char tmp[16];
	int i = 0;

	while (n > 0 && i < (int)sizeof tmp) {
		n--;
		tmp[i++] = (char)((upper ? 'A' : 'a') + n % 26);
		n /= 26;
	}
	while (i > 0)
		buf_addc(b, tmp[--i]);
}

static void
item_marker(char *out, size_t size, int n, char type)
{
	struct buf b = BUF_INIT;
	char digits[12];
	int k = 0;

	if (n >= 0 && size >= 13 && type != 'i' && type != 'I' &&
	    type != 'a' && type != 'A') {
		/* The usual "12.", without a buffer. */
		do {
			digits[k++] = (char)('0' + n % 10);
			n /= 10;
		} while (n > 0);
		while (k > 0)
			*out++ = digits[--k];
		*out++ = '.';
		*out = '\0';
		return;
	}
	if ((type == 'i' || type == 'I') && n > 0 && n < 4000)
		roman(&b, n, type == 'I');
	else if ((type == 'a' || type == 'A') && n > 0)
		alpha(&b, n, type == 'A');
	else
		buf_printf(&b, "%d", n);
	buf_addc(&b, '.');
	snprintf(out, size, "%s", buf_str(&b));
	buf_free(&b);
}

/* Open an item; returns the index of its list's open pair and sets *cp
 * to the item's container, if it got one. */
static size_t
item_open(struct doc *d, struct doc_container **cp)
{
	struct open *o;
	size_t i, list = SIZE_MAX;

	*cp = NULL;
	/* The list this item belongs to is the innermost open one. */
	for (i = d->nopen; i > 0; i--) {
		if (d->open[i - 1].type == OPEN_LIST) {
			list = i - 1;
			break;
		}
		if (d->open[i - 1].type == OPEN_ITEM)
			break;
	}
	if (d->cell != -1)
		cell_break(d);
	if (list == SIZE_MAX) {
		/* A stray item: give it a list of its own. */
		doc_list_begin(d, false, 1, '1', true);
		list = d->nopen - 1;
		d->open[list].autolist = true;
	}
	o = push_open(d, OPEN_ITEM);
	if (d->cell != -1) {
		doc_add_text(d, "- ", 2);
		return list;
	}
	if (d->open[list].real &&
	    push_container(d, DOC_ITEM, d->open[list].idx)) {
		o->real = true;
		*cp = &d->conts[d->nconts - 1];
	}
	return list;
}

void
doc_item_begin(struct doc *d, int value)
{
	struct doc_container *c;
	struct doc_list *l;
	struct open *list;
	size_t i;
	int w;

	/* Not &d->open[item_open(...)]: item_open may move d->open. */
	i = item_open(d, &c);
	list = &d->open[i];
	if (c == NULL)
		return;
	l = &d->lists[c->list];
	if (!l->ordered)
		return;
	if (value >= 0)
		list->next = value;
	item_marker(c->marker, sizeof c->marker, list->next, list->numtype);
	if (list->next < 2147483647)
		list->next++;
	w = (int)strlen(c->marker);
	if (w > l->marker_width)
		l->marker_width = w;
}

void
doc_item_begin_marker(struct doc *d, const char *marker)
{
	struct doc_container *c;
	struct doc_list *l;
	size_t n;
	int w;

	item_open(d, &c);
	if (c == NULL)
		return;
	l = &d->lists[c->list];
	buf_reset(&d->scratch);
	utf8_sanitize_into(&d->scratch, marker, strlen(marker), UTF8_ONELINE);
	n = d->scratch.len < sizeof c->marker ? d->scratch.len :
	    sizeof c->marker - 1;
	memcpy(c->marker, d->scratch.data, n);
	c->marker[n] = '\0';
	w = (int)utf8_nwidth(c->marker, n);
	if (w > l->marker_width)
		l->marker_width = w;
}

void
doc_item_end(struct doc *d)
{
	struct open *o;
	struct doc_container *c;

	if ((o = pop_open(d, OPEN_ITEM)) == NULL)
		return;
	if (d->cell != -1)
		cell_break(d);
	if (o->real) {
		c = &d->conts[d->cstack[d->ncstack - 1]];
		if (c->first_block == -1) {
			/* An empty item still shows its marker. */
			new_block(d, DOC_PARA);
		}
		pop_container(d);
	}
	/* An item closing a list opened for it closes that list too. */
	if (d->nopen > 0 && d->open[d->nopen - 1].autolist)
		doc_list_end(d);
}

void
doc_indent_begin(struct doc *d)
{
	struct open *o = push_open(d, OPEN_INDENT);

	if (d->cell != -1)
		cell_break(d);
	o->real = push_container(d, DOC_INDENT, -1);
}

void
doc_indent_end(struct doc *d)
{
	struct open *o = pop_open(d, OPEN_INDENT);

	if (d->cell != -1)
		cell_break(d);
	if (o != NULL && o->real)
		pop_container(d);
}

/* Tables.  A table nested in a cell is flattened into the cell's text. */

bool
doc_in_cell(const struct doc *d)
{
	return d->cell != -1;
}

void
doc_table_begin(struct doc *d)
{
	struct doc_table *t;

	if (d->table != -1) {
		d->table_over++;
		if (d->cell != -1)
			cell_break(d);
		return;
	}
	finish_leaf(d);
	GROW(d->tables, d->ntables, d->captable);
	t = &d->tables[d->ntables];
	memset(t, 0, sizeof *t);
	t->first_cell = (int)d->ncells;
	d->table = (int)d->ntables++;
	d->row = -1;
	d->col = 0;
}

void
doc_row_begin(struct doc *d, bool header)
{
	if (d->table == -1)
		return;
	if (d->table_over > 0) {
		if (d->cell != -1)
			cell_break(d);
		return;
	}
	if (d->cell != -1)
		doc_cell_end(d);
	d->row++;
	d->col = 0;
	d->row_header = header;
}

void
doc_row_end(struct doc *d)
{
	if (d->table == -1 || d->table_over > 0)
		return;
	if (d->cell != -1)
		doc_cell_end(d);
}

void
doc_cell_begin(struct doc *d, bool header, int colspan, enum doc_align al)
{
	struct doc_cell *c;

	if (d->table == -1)
		return;
	if (d->table_over > 0) {
		if (d->cell != -1 && d->nruns > (size_t)d->cells[d->cell].
		    first_run)
			doc_add_text(d, " ", 1);
		return;
	}
	if (d->cell != -1)
		doc_cell_end(d);
	finish_leaf(d);
	if (d->row == -1) {
		d->row = 0;
		d->row_header = false;
	}
	if (colspan < 1)
		colspan = 1;
	if (colspan > 64)
		colspan = 64;
	GROW(d->cells, d->ncells, d->capcell);
	c = &d->cells[d->ncells];
	c->row = d->row;
	c->col = d->col;
	c->colspan = colspan;
	c->align = (uint8_t)al;
	c->header = header || d->row_header;
	c->first_run = (int)d->nruns;
	c->nruns = 0;
	d->cell = (int)d->ncells++;
	d->col += colspan;
	d->space = true;
}

void
doc_cell_end(struct doc *d)
{
	struct doc_cell *c;

	if (d->table == -1 || d->cell == -1 || d->table_over > 0)
		return;
	c = &d->cells[d->cell];
	trim_leaf(d, (size_t)c->first_run);
	c->nruns = (int)d->nruns - c->first_run;
	d->cell = -1;
	d->space = true;
}

void
doc_table_end(struct doc *d)
{
	struct doc_table *t;
	struct doc_block *b;
	struct doc_cell *c;
	int i, row, ncols = 0, nheader = 0;
	bool allhead;

	if (d->table == -1)
		return;
	if (d->table_over > 0) {
		d->table_over--;
		if (d->cell != -1)
			cell_break(d);
		return;
	}
	if (d->cell != -1)
		doc_cell_end(d);
	t = &d->tables[d->table];
	t->ncells = (int)d->ncells - t->first_cell;
	t->nrows = d->row + 1;
	d->table = -1;
	if (t->ncells == 0) {
		d->ntables--;
		return;
	}
	for (i = 0; i < t->ncells; i++) {
		c = &d->cells[t->first_cell + i];
		if (c->col + c->colspan > ncols)
			ncols = c->col + c->colspan;
	}
	t->ncols = ncols;
	/* Leading rows made only of header cells are the table's head. */
	for (row = 0, i = 0; row < t->nrows; row++) {
		allhead = true;
		for (; i < t->ncells && d->cells[t->first_cell + i].row == row;
		    i++)
			if (!d->cells[t->first_cell + i].header)
				allhead = false;
		if (!allhead)
			break;
		nheader++;
	}
	if (nheader == t->nrows)
		nheader = 0;
	t->nheader = nheader;
	b = new_block(d, DOC_TABLE);
	b->table = (int)(t - d->tables);
}

/* Finishing: sections. */

static char *
section_name(struct doc *d, const struct doc_block *b)
{
	char *s;
	size_t n;

	s = doc_runs_text(d, (size_t)b->first_run,
	    (size_t)(b->first_run + b->nruns));
	n = strlen(s);
	if (n > 0 && s[n - 1] == ':')
		s[--n] = '\0';
	else if (n >= 3 && strcmp(s + n - 3, "\xef\xbc\x9a") == 0)
		s[n -= 3] = '\0';
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

/* Whether block i (> 0) follows the one before after a blank line, once
 * the lists around them know if they are tight: not when their innermost
 * common list is. */
static void
spacing(struct doc *d, size_t i)
{
	struct doc_block *b = &d->blocks[i];
	const struct doc_container *c;
	int list;

	if (i == 0)
		return;
	list = common_list(d, &d->blocks[i - 1], b);
	b->space_before = list == -1 || !d->lists[list].tight;
	/* A definition follows its term directly. */
	if (b->depth > 0) {
		c = doc_frame(d, b, b->depth - 1);
		if (c->type == DOC_INDENT && c->first_block == (int)i)
			b->space_before = false;
	}
}

/* Hand the blocks not yet handed out to the caller of doc_set_each,
 * then let their text and runs go. */
static void
release(struct doc *d)
{
	struct doc_block *b;
	size_t i, first = d->released, end = d->nblocks;

	if (end == first)
		return;
	for (i = first; i < end; i++) {
		spacing(d, i);
		b = &d->blocks[i];
		if (b->type == DOC_HEADING && b->depth == 0) {
			/* It may name a section. */
			GROW(d->heads, d->nheads, d->capheads);
			d->heads[d->nheads].block = (int)i;
			d->heads[d->nheads++].name = section_name(d, b);
		}
	}
	d->each(d, (int)first, (int)end, d->each_arg);
	d->released = end;
	d->nruns = 0;
	d->ncells = 0;
	buf_reset(&d->text);
	buf_str(&d->text);
}

/* Whether block b is inside a list item. */
static bool
in_item(const struct doc *d, const struct doc_block *b)
{
	int i;

	for (i = 0; i < b->depth; i++)
		if (doc_frame(d, b, i)->type == DOC_ITEM)
			return true;
	return false;
}

/*
 * A last section made of a heading and a list (highlights, upcoming
 * events) ends with its list: the prose after it ("We hope to publish
 * these updates...", "X co-wrote this update") closes the whole issue,
 * not the list, so it gets a section of its own, "Closing".  Prose
 * between a list and the next heading stays where it is: it speaks of
 * that list ("see all the talks here").
 */
static void
closing_section(struct doc *d, size_t *capsec)
{
	struct section *last;
	size_t i, start, end;

	if (d->nsections == 0)
		return;
	last = &d->sections[d->nsections - 1];
	start = (size_t)last->block;
	if (d->blocks[start].type != DOC_HEADING ||
	    start + 1 >= d->nblocks || !in_item(d, &d->blocks[start + 1]))
		return;
	for (end = d->nblocks; end > start + 1; end--)
		if (in_item(d, &d->blocks[end - 1]))
			break;
	if (end == d->nblocks)
		return;
	GROW(d->sections, d->nsections, *capsec);
	d->sections[d->nsections].name = xstrdup("Closing");
	d->sections[d->nsections].block = (int)end;
	for (i = end; i < d->nblocks; i++)
		d->blocks[i].section = (int)d->nsections;
	d->nsections++;
}

void
doc_finish(struct doc *d)
{
	struct doc_block *b;
	size_t i, head, capsec = 0;
	int level = 0, sec = -1;

	if (d->finished)
		return;
	if (d->cell != -1)
		doc_cell_end(d);
	while (d->table != -1) {
		d->table_over = 0;
		doc_table_end(d);
	}
	finish_leaf(d);
	d->finished = true;
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->type == DOC_HEADING && b->depth == 0 &&
		    (level == 0 || b->level < level))
			level = b->level;
	}
	d->section_level = level;
	if (d->each != NULL)
		release(d);
	for (i = d->released; i < d->nblocks; i++)
		spacing(d, i);
	for (i = 0, head = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if ((b->type == DOC_HEADING && b->depth == 0 &&
		    b->level == level) || sec == -1) {
			GROW(d->sections, d->nsections, capsec);
			sec = (int)d->nsections++;
			if (b->type != DOC_HEADING || b->level != level ||
			    b->depth != 0)
				d->sections[sec].name = xstrdup("Intro");
			else if (i >= d->released)
				d->sections[sec].name = section_name(d, b);
			else {
				/* Named when it was handed out. */
				while (d->heads[head].block != (int)i)
					head++;
				d->sections[sec].name = d->heads[head].name;
				d->heads[head].name = NULL;
			}
			d->sections[sec].block = (int)i;
		}
		b->section = sec;
	}
	closing_section(d, &capsec);
	for (i = 0; i < d->nlinks; i++) {
		if (d->links[i].pub.text == NULL)
			d->links[i].pub.text = xstrdup("");
		if (d->links[i].first_block < (int)d->nblocks)
			d->links[i].pub.section =
			    d->blocks[d->links[i].first_block].section;
		else
			d->links[i].pub.section = (int)d->nsections - 1;
	}
}

/* Access. */

int
doc_nlinks(const struct doc *d)
{
	return (int)d->nlinks;
}

const struct doc_link *
doc_link(const struct doc *d, int n)
{
	if (n < 1 || (size_t)n > d->nlinks)
		return NULL;
	return &d->links[n - 1].pub;
}

int
doc_nsections(const struct doc *d)
{
	return (int)d->nsections;
}

const char *
doc_section_name(const struct doc *d, int i)
{
	if (i < 0 || (size_t)i >= d->nsections)
		return NULL;
	return d->sections[i].name;
}

int
doc_section_block(const struct doc *d, int i)
{
	if (i < 0 || (size_t)i >= d->nsections)
		return -1;
	return d->sections[i].block;
}

int
doc_section_level(const struct doc *d)
{
	return d->section_level;
}

void
doc_set_meta(struct doc *d, const char *key, const char *value)
{
	d->meta = xreallocarray(d->meta, d->nmeta + 2, sizeof *d->meta);
	d->meta[d->nmeta++] = xstrdup(key);
	d->meta[d->nmeta++] = utf8_sanitize(value, strlen(value),
	    UTF8_ONELINE);
}

const char *
doc_meta(const struct doc *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->nmeta; i += 2)
		if (strcmp(d->meta[i], key) == 0)
			return d->meta[i + 1];
	return NULL;
}

int
doc_nblocks(const struct doc *d)
{
	return (int)d->nblocks;
}

const struct doc_block *
doc_block(const struct doc *d, int i)
{
	if (i < 0 || (size_t)i >= d->nblocks)
		return NULL;
	return &d->blocks[i];
}

const struct doc_run *
doc_runs(const struct doc *d)
{
	return d->runs;
}

const char *
doc_text(const struct doc *d)
{
	return d->text.data;
}

int
doc_frame_index(const struct doc *d, const struct doc_block *b, int i)
{
	return d->frames[b->frames + i];
}

const struct doc_container *
doc_frame(const struct doc *d, const struct doc_block *b, int i)
{
	return &d->conts[d->frames[b->frames + i]];
}

const struct doc_list *
doc_list(const struct doc *d, int i)
{
	return &d->lists[i];
}

const struct doc_table *
doc_table(const struct doc *d, int i)
{
	return &d->tables[i];
}

const struct doc_cell *
doc_cell(const struct doc *d, int i)
{
	return &d->cells[i];
}

