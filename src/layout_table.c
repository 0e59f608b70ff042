/* layout_table.c - tables fitted to the width: column widths from the
 * cells' natural and minimum widths, or one cell after another when even
 * the longest words do not fit. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "layout.h"
#include "layout_int.h"
#include "utf8.h"
#include "util.h"

/* Natural (unwrapped) and minimum (longest word) widths of a cell. */
static void
measure(const struct doc *d, const struct doc_cell *c, int *nat, int *min)
{
	const struct doc_run *r;
	const char *s;
	size_t i, n;
	int j, line = 0, word = 0, cw, prevw = 0;
	bool url = false;
	char num[16];

	*nat = *min = 0;
	for (j = c->first_run; j < c->first_run + c->nruns; j++) {
		r = &doc_runs(d)[j];
		if (r->kind == DOC_RUN_BREAK) {
			if (line > *nat)
				*nat = line;
			line = word = 0;
			continue;
		}
		if (r->kind == DOC_RUN_LINKNUM) {
			cw = linknum(num, r->link);
			line += cw;
			word += cw;
			if (word > *min)
				*min = word;
			continue;
		}
		s = doc_text(d) + r->off;
		for (i = 0; i < r->len; i += n) {
			if (s[i] == ' ') {
				n = 1;
				line++;
				word = 0;
				url = false;
				prevw = 1;
				continue;
			}
			/* By clusters, as the cells are; between wide ones
			 * (CJK) a line may break, near enough to UAX #14
			 * for a lower bound. */
			if ((unsigned char)s[i] < 0x80 && (i + 1 == r->len ||
			    (unsigned char)s[i + 1] < 0x80)) {
				n = 1;
				cw = 1;
			} else
				n = utf8_cluster(s + i, r->len - i, &cw);
			line += cw;
			/* Where a word starts, or may break, a URL may
			 * start: then it is measured whole, as the lines will
			 * lay it out (fuzz finding). */
			if (word == 0 || ((cw == 2 || prevw == 2) && !url)) {
				url = looks_like_url(s + i, r->len - i < 32 ?
				    r->len - i : 32);
				word = 0;
			}
			word += cw;
			if (word > *min)
				*min = word;
			prevw = cw;
		}
	}
	if (line > *nat)
		*nat = line;
}

/* Lay out a cell's text in tmp at width w. */
static void
cell_lines(struct layout *tmp, const struct doc *d, const struct doc_cell *c,
    int w)
{
	static const struct prefix none;
	struct wrap wr;

	tmp->nlines = 0;
	tmp->ncells = 0;
	buf_reset(&tmp->text);
	line_begin(tmp);
	wrap_init(&wr, tmp, w, &none, &none);
	lay_runs(tmp, &wr, d, c->first_run, c->nruns,
	    c->header ? STYLE_BOLD : 0, LAYOUT_NORMAL);
	wrap_end(&wr);
}

static void
copy_line(struct layout *L, const struct layout *tmp, int i)
{
	const struct line *l = &tmp->lines[i];
	const struct layout_cell *c;
	int k;

	for (k = 0; k < l->ncells; k++) {
		c = &tmp->cells[l->cell + (size_t)k];
		add_cell(L, tmp->text.data + l->text + c->off, c->len,
		    c->width, c->style, c->role, c->link);
	}
}

static void
pad(struct layout *L, int n)
{
	while (n-- > 0)
		add_cell(L, " ", 1, 1, 0, LAYOUT_INDENT, 0);
}

static void
table_rule(struct layout *L, const struct prefix *p, const int *cw, int ncols)
{
	int i, k;

	add_prefix(L, p);
	for (i = 0; i < ncols; i++) {
		if (i > 0) {
			add_cell(L, L->g->rule, strlen(L->g->rule), 1, 0,
			    LAYOUT_TABLE, 0);
			add_cell(L, L->g->cross, strlen(L->g->cross), 1, 0,
			    LAYOUT_TABLE, 0);
			add_cell(L, L->g->rule, strlen(L->g->rule), 1, 0,
			    LAYOUT_TABLE, 0);
		}
		for (k = 0; k < cw[i]; k++)
			add_cell(L, L->g->rule, strlen(L->g->rule), 1, 0,
			    LAYOUT_TABLE, 0);
	}
	line_end(L);
}

/*
 * Too narrow for columns: each cell becomes a paragraph of its own,
 * "Header: text" when the table has a head, and rules separate the rows.
 */
static void
lay_table_linear(struct layout *L, const struct doc *d,
    const struct doc_table *t, const struct prefix *first,
    const struct prefix *cont, int avail)
{
	const struct doc_cell *c, *h, **head;
	struct wrap w;
	int i, k, row = -1;
	bool any = false;

	/* The header cell above each column. */
	head = xcalloc((size_t)t->ncols + 1, sizeof *head);
	for (i = 0; i < t->ncells; i++) {
		c = doc_cell(d, t->first_cell + i);
		if (c->row >= t->nheader)
			break;
		if (head[c->col] == NULL && c->nruns > 0)
			head[c->col] = c;
	}
	for (i = 0; i < t->ncells; i++) {
		c = doc_cell(d, t->first_cell + i);
		if (c->row < t->nheader)
			continue;
		if (c->row != row && any) {
			add_prefix(L, cont);
			for (k = 0; k < avail; k++)
				add_cell(L, L->g->rule, strlen(L->g->rule), 1,
				    0, LAYOUT_TABLE, 0);
			line_end(L);
		}
		row = c->row;
		h = head[c->col];
		if (c->nruns == 0 && h == NULL)
			continue;
		wrap_init(&w, L, avail, any ? cont : first, cont);
		wrap_open(&w);
		if (h != NULL) {
			lay_runs(L, &w, d, h->first_run, h->nruns, STYLE_BOLD,
			    LAYOUT_NORMAL);
			w.style = STYLE_BOLD;
			w.role = LAYOUT_NORMAL;
			w.link = 0;
			wrap_char(&w, ':', ":", 1, 1, false);
			w.style = 0;
			wrap_space(&w);
		}
		lay_runs(L, &w, d, c->first_run, c->nruns,
		    c->header ? STYLE_BOLD : 0, LAYOUT_NORMAL);
		wrap_end(&w);
		any = true;
	}
	free(head);
}

/* Columns of a cell, with the separators between them. */
static int
span_width(const int *cw, const struct doc_cell *c, int nc)
{
	int k, w = cw[c->col];

	for (k = 1; k < c->colspan && c->col + k < nc; k++)
		w += cw[c->col + k] + 3;
	return w;
}

/*
 * Column widths: natural widths if they fit, else each column its longest
 * word plus a share of the rest in proportion to how much more it would
 * like.  False when even the longest words do not fit.
 */
static bool
table_widths(const struct doc *d, const struct doc_table *t, int space,
    int *cw)
{
	const struct doc_cell *c;
	int *nat, *min, i, k, nc = t->ncols, cn, cm, wn, wm, extra, got;
	int sumnat = 0, summin = 0;

	nat = xcalloc((size_t)nc, sizeof *nat);
	min = xcalloc((size_t)nc, sizeof *min);
	for (i = 0; i < nc; i++)
		nat[i] = min[i] = 1;
	for (i = 0; i < t->ncells; i++) {
		c = doc_cell(d, t->first_cell + i);
		if (c->colspan != 1)
			continue;
		measure(d, c, &cn, &cm);
		if (cn > nat[c->col])
			nat[c->col] = cn;
		if (cm > min[c->col])
			min[c->col] = cm;
	}
	/* A cell spanning columns widens the last of them if they are too
	 * narrow for it together. */
	for (i = 0; i < t->ncells; i++) {
		c = doc_cell(d, t->first_cell + i);
		if (c->colspan == 1)
			continue;
		measure(d, c, &cn, &cm);
		wn = wm = 3 * (c->colspan - 1);
		for (k = 0; k < c->colspan; k++) {
			wn += nat[c->col + k];
			wm += min[c->col + k];
		}
		if (cn > wn)
			nat[c->col + c->colspan - 1] += cn - wn;
		if (cm > wm)
			min[c->col + c->colspan - 1] += cm - wm;
	}
	for (i = 0; i < nc; i++) {
		sumnat += nat[i];
		summin += min[i];
	}
	if (space >= sumnat) {
		for (i = 0; i < nc; i++)
			cw[i] = nat[i];
	} else if (space >= summin) {
		extra = space - summin;
		got = 0;
		for (i = 0; i < nc; i++) {
			cw[i] = min[i] + (int)((long long)extra *
			    (nat[i] - min[i]) / (sumnat - summin));
			got += cw[i];
		}
		for (i = 0; got < space && i < nc; i++)
			if (cw[i] < nat[i]) {
				cw[i]++;
				got++;
			}
	}
	free(nat);
	free(min);
	return space >= 1 && space >= summin;
}

static void
column_gap(struct layout *L)
{
	pad(L, 1);
	add_cell(L, L->g->vbar, strlen(L->g->vbar), 1, 0, LAYOUT_TABLE, 0);
	pad(L, 1);
}

/* Draw the cells [first, last) of a table, one row, each cell wrapped in
 * its columns and aligned. */
static void
table_row(struct layout *L, const struct doc *d, const struct doc_table *t,
    int first, int last, const int *cw, const struct prefix *p)
{
	const struct doc_cell *c;
	struct layout **cl;
	int n = last - first, i, x, w, lw, before, line, h = 1;

	/* The cells' own layouts are kept from row to row. */
	if ((size_t)n > L->npool) {
		L->pool = xreallocarray(L->pool, (size_t)n, sizeof *L->pool);
		for (i = (int)L->npool; i < n; i++)
			L->pool[i] = xcalloc(1, sizeof **L->pool);
		L->npool = (size_t)n;
	}
	cl = L->pool;
	for (i = 0; i < n; i++) {
		c = doc_cell(d, t->first_cell + first + i);
		w = span_width(cw, c, t->ncols);
		cl[i]->g = L->g;
		cl[i]->width = w;
		cell_lines(cl[i], d, c, w);
		if ((int)cl[i]->nlines > h)
			h = (int)cl[i]->nlines;
	}
	for (line = 0; line < h; line++) {
		add_prefix(L, p);
		x = 0;
		for (i = 0; i < n; i++) {
			c = doc_cell(d, t->first_cell + first + i);
			for (; x < c->col; x++) {
				if (x > 0)
					column_gap(L);
				pad(L, cw[x]);
			}
			if (x > 0)
				column_gap(L);
			w = span_width(cw, c, t->ncols);
			x = c->col + c->colspan;
			if (line >= (int)cl[i]->nlines) {
				pad(L, w);
				continue;
			}
			lw = cl[i]->lines[line].width;
			before = 0;
			if (c->align == DOC_ALIGN_RIGHT)
				before = w - lw;
			else if (c->align == DOC_ALIGN_CENTER)
				before = (w - lw) / 2;
			pad(L, before);
			copy_line(L, cl[i], line);
			pad(L, w - lw - before);
		}
		for (; x < t->ncols; x++) {
			if (x > 0)
				column_gap(L);
			pad(L, cw[x]);
		}
		line_end(L);
	}
}

void
lay_table(struct layout *L, const struct doc *d, const struct doc_block *b,
    const struct prefix *first, const struct prefix *cont)
{
	const struct doc_table *t = doc_table(d, b->table);
	const struct doc_cell *c;
	int *cw, avail, i, row, cn, cm, start, end;
	bool multi = false;

	avail = L->width - prefix_width(first);
	cw = xcalloc((size_t)t->ncols, sizeof *cw);
	if (!table_widths(d, t, avail - 3 * (t->ncols - 1), cw)) {
		/* Words would have to be cut: one cell after another. */
		free(cw);
		lay_table_linear(L, d, t, first, cont, avail);
		return;
	}
	/* Rows with more than one line get rules between them all. */
	for (i = 0; i < t->ncells && !multi; i++) {
		c = doc_cell(d, t->first_cell + i);
		if (c->row < t->nheader)
			continue;
		measure(d, c, &cn, &cm);
		if (cn > span_width(cw, c, t->ncols))
			multi = true;
	}
	start = 0;
	for (row = 0; row < t->nrows; row++) {
		for (end = start; end < t->ncells && doc_cell(d,
		    t->first_cell + end)->row == row; end++)
			;
		if (row > 0 && (row == t->nheader || (multi && row >
		    t->nheader)))
			table_rule(L, cont, cw, t->ncols);
		table_row(L, d, t, start, end, cw, row == 0 ? first : cont);
		start = end;
	}
	free(cw);
}

