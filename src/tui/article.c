/* article.c - the open issue: a header, section tabs, and a body that
 * scrolls one section at a time or the whole issue at once.
 *
 * The body is laid out once at the pane's width and kept compactly
 * (view.h); drawing expands only the lines on screen, so scrolling costs
 * the same whatever the size of the issue. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "library.h"
#include "buf.h"
#include "content.h"
#include "doc.h"
#include "layout.h"
#include "utf8.h"
#include "util.h"
#include "view.h"

#define MAX_TABS	64

/* Where the tabs were drawn, for mouse clicks. */
static struct {
	int		 x0, x1;	/* columns [x0, x1) */
	int		 section;
} tabs_at[MAX_TABS];
static int ntabs_at;

/* The most lines a title takes in the header: a third of the pane, and
 * at least this many. */
#define TITLE_LINES	3

struct geom {
	int		 hdr;		/* header lines */
	int		 title;		/* of which the title's */
	int		 tabs_y;	/* -1: no tab line */
	int		 body_y, body_h;
};

/* The lines the title may take in a pane of h rows. */
static int
title_max(int h)
{
	return h / 3 > TITLE_LINES ? h / 3 : TITLE_LINES;
}

/* The title's lines at width w: at most max. */
static int
title_lines(const char *t, int w, int max)
{
	char **lines;
	int i, n;

	n = view_wrap(t, w, max, &lines);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return n;
}

static void
geometry(const struct app *a, struct geom *g)
{
	const struct rect *r = &a->pane[PANE_ARTICLE].r;
	const char *t = a->art.issue != NULL && a->art.issue->title != NULL ?
	    a->art.issue->title : "(untitled)";

	/* The whole title, wrapped, when there is room for it. */
	g->title = r->h >= 12 ? title_lines(t, r->w - 1, title_max(r->h)) : 1;
	g->hdr = r->h >= 12 ? g->title + 2 : 1;
	if (r->h < 3)
		g->hdr = g->title = 0;
	g->tabs_y = r->y + g->hdr;
	g->body_y = g->tabs_y + 1;
	g->body_h = r->h - g->hdr - 1;
	if (g->body_h < 0)
		g->body_h = 0;
}

int
article_body_height(const struct app *a)
{
	struct geom g;

	geometry(a, &g);
	return g.body_h;
}

/* The lines [*first, *end) the body scrolls through. */
static void
range(const struct app *a, int *first, int *end)
{
	*first = 0;
	*end = view_nlines(a->art.view);
	if (!a->art.continuous && doc_nsections(a->art.doc) > 0)
		view_section_range(a->art.view, a->art.section, first, end);
}

static int
line_section(const struct app *a, int line)
{
	int b = view_line_block(a->art.view, line);
	const struct doc_block *blk;

	if (b < 0 || (blk = doc_block(a->art.doc, b)) == NULL)
		return 0;
	return blk->section >= 0 ? blk->section : 0;
}

int
article_section(const struct app *a)
{
	if (a->art.view == NULL)
		return 0;
	if (!a->art.continuous)
		return a->art.section;
	return line_section(a, a->art.atop);
}

static void
clamp(struct app *a)
{
	int first, end, h = article_body_height(a), max;

	range(a, &first, &end);
	max = end - h > first ? end - h : first;
	if (a->art.atop > max)
		a->art.atop = max;
	if (a->art.atop < first)
		a->art.atop = first;
}

/* Show section s (section view) or scroll to its start (whole view). */
static void
goto_section(struct app *a, int s)
{
	int first, end;

	if (s < 0 || s >= a->art.nsections)
		return;
	if (a->art.continuous) {
		if (view_section_range(a->art.view, s, &first, &end) == 0)
			a->art.atop = first;
	} else {
		a->art.sec_top[a->art.section] = a->art.atop;
		a->art.section = s;
		a->art.atop = a->art.sec_top[s];
	}
	clamp(a);
	a->pane[PANE_ARTICLE].dirty = a->pane[PANE_LINKS].dirty = true;
}

void
article_relayout(struct app *a)
{
	struct layout_opts lo;
	struct view *old = a->art.view;
	int w = a->pane[PANE_ARTICLE].r.w - 2, i, b, first, end;

	if (a->art.doc == NULL || w < 1)
		return;
	if (a->opts->width > 0 && w > a->opts->width)
		w = a->opts->width;
	if (old != NULL && view_width(old) == w)
		return;
	memset(&lo, 0, sizeof lo);
	lo.ascii = a->ascii;
	/* Code lines whole: they scroll sideways (Left, Right). */
	lo.code_nowrap = true;
	a->art.view = view_new(a->art.doc, w, &lo);
	if (old != NULL) {
		/* Keep each position on the same paragraph. */
		b = view_line_block(old, a->art.atop);
		a->art.atop = b >= 0 ? view_block_line(a->art.view, b) : 0;
		for (i = 0; i < a->art.nsections; i++) {
			b = view_line_block(old, a->art.sec_top[i]);
			a->art.sec_top[i] = b >= 0 ? view_block_line(a->art.view, b) :
			    0;
		}
		if (a->art.find_line >= 0) {
			b = view_line_block(old, a->art.find_line);
			a->art.find_line = b >= 0 ? view_block_line(a->art.view, b) :
			    -1;
		}
		view_free(old);
	} else {
		for (i = 0; i < a->art.nsections; i++) {
			if (view_section_range(a->art.view, i, &first, &end) == 0)
				a->art.sec_top[i] = first;
		}
		range(a, &first, &end);
		a->art.atop = first;
	}
	clamp(a);
	a->pane[PANE_ARTICLE].dirty = true;
}

/* ASCII case-insensitive search of needle in s[0 .. len) from byte from;
 * -1 if none. */
static long
find_in(const char *s, size_t len, const char *needle, size_t from)
{
	size_t n = strlen(needle), i, j;

	if (n == 0 || len < n)
		return -1;
	for (i = from; i + n <= len; i++) {
		for (j = 0; j < n; j++)
			if (tolower((unsigned char)s[i + j]) !=
			    tolower((unsigned char)needle[j]))
				break;
		if (j == n)
			return (long)i;
	}
	return -1;
}

static bool
line_matches(const struct app *a, int li)
{
	size_t len;
	const char *s = view_text(a->art.view, li, &len);

	return s != NULL && find_in(s, len, a->art.find, 0) >= 0;
}

static attr_t
style_attr(unsigned style)
{
	attr_t at = 0;

	if (style & STYLE_BOLD)
		at |= A_BOLD;
	if (style & STYLE_ITALIC)
		at |= A_ITALIC;
	if (style & STYLE_UNDERLINE)
		at |= A_UNDERLINE;
	if (style & STYLE_REVERSE)
		at |= A_REVERSE;
	if (style & STYLE_DIM)
		at |= A_DIM;
	return at;
}

static enum role
cell_role(unsigned role)
{
	switch (role) {
	case LAYOUT_HEADING:
		return R_HEADING;
	case LAYOUT_LINK:
		return R_LINK;
	case LAYOUT_LINKNUM:
		return R_LINKNUM;
	case LAYOUT_CODE:
	case LAYOUT_CODE_GUTTER:
		return R_CODE;
	case LAYOUT_QUOTE:
		return R_QUOTE;
	case LAYOUT_MARKER:
		return R_MARKER;
	case LAYOUT_RULE:
		return R_RULE;
	case LAYOUT_TABLE:
		return R_TABLE;
	default:
		return R_NORMAL;
	}
}

static void
draw_line(struct app *a, int y, int x, int w, int li)
{
	const struct layout_line *l = view_line(a->art.view, li);
	const struct layout_cell *c;
	unsigned char hl[1024];
	wchar_t wc[CCHARW_MAX + 1];
	enum role r;
	attr_t at;
	uint32_t cp;
	size_t k, n, off, len, flen;
	long m;
	const struct doc_block *b;
	int i, col = 0, nwc, sel = a->links.open ? a->links.sel + 1 : 0, skip, lead;
	bool more;

	draw_fill(y, x, 1, R_NORMAL);
	x++;
	w -= 1;
	if (l == NULL) {
		draw_fill(y, x, w, R_NORMAL);
		return;
	}
	/* Mark the cells of find matches. */
	memset(hl, 0, sizeof hl);
	if (a->art.find != NULL && l->ncells <= (int)sizeof hl) {
		const char *ls = view_text(a->art.view, li, &len);

		flen = strlen(a->art.find);
		for (m = find_in(ls, len, a->art.find, 0); m >= 0;
		    m = find_in(ls, len, a->art.find, (size_t)m + 1)) {
			for (i = 0, off = 0; i < l->ncells; i++) {
				if (off >= (size_t)m && off < (size_t)m + flen)
					hl[i] = 1;
				off += l->cells[i].len;
			}
		}
	}
	/* A line wider than the pane (a long URL) shows from the horizontal
	 * offset on, with a mark where more is; so does every line of a
	 * code block, which keeps its columns in line.  The bars and the
	 * indentation before the text stay. */
	b = doc_block(a->art.doc, l->block);
	skip = l->width > w || (b != NULL && b->type == DOC_CODE) ?
	    a->art.hscroll : 0;
	for (lead = 0; skip > 0 && lead < l->ncells &&
	    (l->cells[lead].role == LAYOUT_INDENT ||
	    l->cells[lead].role == LAYOUT_QUOTE ||
	    l->cells[lead].role == LAYOUT_CODE_GUTTER); lead++)
		;
	more = l->width - skip > w;
	if (more)
		w--;
	move(y, x);
	for (i = 0; i < l->ncells && col < w; i++) {
		c = &l->cells[i];
		if (skip > 0 && i >= lead) {
			skip -= c->width;
			if (skip < 0)	/* a wide cell cut by the offset */
				col += draw_text(y, x + col, -skip, " ",
				    R_NORMAL, true);
			continue;
		}
		if (c->width == 0 || col + c->width > w)
			continue;
		nwc = 0;
		for (k = 0; k < c->len && nwc < CCHARW_MAX; k += n) {
			n = utf8_decode(l->text + c->off + k, c->len - k, &cp);
			if (utf8_is_unsafe(cp))
				cp = UTF8_REPLACEMENT;
			wc[nwc++] = (wchar_t)cp;
		}
		if (nwc == 0)
			wc[nwc++] = L' ';
		r = hl[i] ? R_MATCH : cell_role(c->role);
		at = draw_attr(r) | style_attr(c->style);
		if (sel > 0 && c->link == (uint32_t)sel)
			at |= A_REVERSE;
		draw_cluster(wc, nwc, c->width, at, draw_pair(r));
		col += c->width;
	}
	draw_fill(y, x + col, w - col, R_NORMAL);
	if (more)
		draw_text(y, x + w, 1, draw_glyph("\xe2\x80\xba", ">"),
		    R_MARKER, true);
}

/* The columns tab i takes, with the space after it. */
static int
tab_width(const struct app *a, int i)
{
	const char *name = doc_section_name(a->art.doc, i);

	return (int)utf8_width(name != NULL ? name : "") + 4 + (i < 9);
}

static void
draw_tabs(struct app *a, int y)
{
	const struct rect *r = &a->pane[PANE_ARTICLE].r;
	char label[64];
	int i, x = r->x, s0 = 0, cur = article_section(a), w, used;
	const char *name;

	ntabs_at = 0;
	/* Start as early as lets the current tab be seen, counting back from
	 * it: an issue may have thousands of sections. */
	if (cur >= a->art.nsections)
		cur = a->art.nsections - 1;
	s0 = cur > 0 ? cur : 0;
	w = 1 + tab_width(a, s0);
	while (s0 > 0 && w + tab_width(a, s0 - 1) <= r->w)
		w += tab_width(a, --s0);
	cur = article_section(a);
	if (s0 > 0)
		x += draw_text(y, x, 1, draw_glyph("\xe2\x80\xb9", "<"),
		    R_NORMAL, true);
	else
		x += draw_text(y, x, 1, " ", R_NORMAL, true);
	for (i = s0; i < a->art.nsections && x < r->x + r->w; i++) {
		name = doc_section_name(a->art.doc, i);
		/* Brackets show the current tab without colour too. */
		if (i < 9)
			snprintf(label, sizeof label, "%c%d ",
			    i == cur ? '[' : ' ', i + 1);
		else
			snprintf(label, sizeof label, "%c",
			    i == cur ? '[' : ' ');
		used = x;
		{
			struct buf t = BUF_INIT;

			buf_printf(&t, "%s%s%c", label, name ? name : "",
			    i == cur ? ']' : ' ');
			x += draw_text(y, x, r->x + r->w - x, buf_str(&t),
			    i == cur ? R_TAB_ACTIVE : R_TAB, false);
			buf_free(&t);
		}
		if (ntabs_at < MAX_TABS) {
			tabs_at[ntabs_at].x0 = used;
			tabs_at[ntabs_at].x1 = x;
			tabs_at[ntabs_at++].section = i;
		}
		if (x < r->x + r->w)
			x += draw_text(y, x, 1, " ", R_NORMAL, true);
	}
	if (x < r->x + r->w)
		draw_fill(y, x, r->x + r->w - x, R_NORMAL);
}

static void
draw_header(struct app *a, const struct geom *g)
{
	const struct rect *r = &a->pane[PANE_ARTICLE].r;
	const struct issue *is = a->art.issue;
	struct buf b = BUF_INIT;
	char date[11];
	time_t t;

	const char *title = is->title != NULL ? is->title : "(untitled)";
	char **lines;
	int i, n;

	if (g->hdr == 0)
		return;
	/* The whole title, wrapped as the body is; the last line takes the
	 * rest, drawn cut with an ellipsis, when even a third of the pane
	 * is not room enough. */
	n = view_wrap(title, r->w - 1, g->title, &lines);
	for (i = 0; i < n; i++) {
		draw_text(r->y + i, r->x, 1, " ", R_NORMAL, true);
		draw_text(r->y + i, r->x + 1, r->w - 1, lines[i], R_HEADER,
		    true);
		free(lines[i]);
	}
	free(lines);
	if (g->hdr < 3)
		return;
	t = is->published != (time_t)-1 ? is->published : is->updated;
	library_format_date(t, date);
	buf_adds(&b, " ");
	buf_adds(&b, date[0] != '\0' ? date :
	    (is->date_raw != NULL ? is->date_raw : "undated"));
	if (is->author != NULL && is->author[0] != '\0')
		buf_printf(&b, "%s%s", draw_glyph(" \xc2\xb7 ", " - "),
		    is->author);
	draw_text(r->y + g->title, r->x, r->w, buf_str(&b), R_META, true);
	buf_reset(&b);
	buf_printf(&b, " %s", is->link != NULL ? is->link : "");
	draw_text(r->y + g->title + 1, r->x, r->w, buf_str(&b), R_META,
	    true);
	buf_free(&b);
}

#define HSCROLL_STEP	8	/* columns Left and Right move */

/* Move the view of wide lines sideways by dx columns, no further than
 * the widest line on screen needs. */
static void
hscroll(struct app *a, int dx)
{
	const struct layout_line *l;
	int first, end, y, widest = 0, w = a->pane[PANE_ARTICLE].r.w - 2;
	int h = article_body_height(a);

	range(a, &first, &end);
	for (y = 0; y < h && a->art.atop + y < end; y++)
		if ((l = view_line(a->art.view, a->art.atop + y)) != NULL &&
		    l->width > widest)
			widest = l->width;
	a->art.hscroll += dx;
	if (a->art.hscroll > widest - w + 1)
		a->art.hscroll = widest - w + 1;
	if (a->art.hscroll < 0)
		a->art.hscroll = 0;
	a->pane[PANE_ARTICLE].dirty = true;
}

static void
article_draw(struct app *a, struct pane *p)
{
	const struct rect *r = &a->pane[PANE_ARTICLE].r;
	struct geom g;
	char key[32], *s;
	int y, first, end;

	if (r->h <= 0 || r->w <= 0)
		return;
	if (a->art.doc == NULL || a->art.view == NULL) {
		keys_first(ACT_OPEN, CTX_ISSUES, a->ascii, key, sizeof key);
		s = xasprintf("   %s opens the selected issue.", key);
		for (y = 0; y < r->h; y++)
			draw_text(r->y + y, r->x, r->w, y == r->h / 2 ? s : "",
			    R_NORMAL, true);
		free(s);
		return;
	}
	geometry(a, &g);
	draw_header(a, &g);
	draw_tabs(a, g.tabs_y);
	range(a, &first, &end);
	for (y = 0; y < g.body_h; y++) {
		if (a->art.atop + y < end)
			draw_line(a, g.body_y + y, r->x, r->w, a->art.atop + y);
		else
			draw_fill(g.body_y + y, r->x, r->w, R_NORMAL);
	}
}

/* Find the next (dir 1) or previous (-1) line matching a->art.find, from the
 * line after (or before) start, wrapping around, and say which match of
 * how many (lines that match) it is.  quiet: no match is no find, unsaid
 * (a search's word may be in the title only). */
static void
find_step(struct app *a, int start, int dir, bool quiet)
{
	int n = view_nlines(a->art.view), i, li, s, nth = 0, count = 0;

	for (i = 1; i <= n; i++) {
		li = ((start + dir * i) % n + n) % n;
		if (line_matches(a, li))
			break;
	}
	if (n == 0 || i > n) {
		if (!quiet)
			app_message(a, true, "not found: %s", a->art.find);
		else {
			free(a->art.find);
			a->art.find = NULL;
		}
		a->art.find_line = -1;
		a->pane[PANE_ARTICLE].dirty = true;
		return;
	}
	for (i = 0; i < n; i++)
		if (line_matches(a, i)) {
			count++;
			if (i == li)
				nth = count;
		}
	app_message(a, false, "match %d of %d%s", nth, count,
	    (dir > 0 && li <= start) || (dir < 0 && li >= start) ?
	    ": find wrapped around" : "");
	a->art.find_line = li;
	s = line_section(a, li);
	if (!a->art.continuous && s != a->art.section) {
		a->art.sec_top[a->art.section] = a->art.atop;
		a->art.section = s;
	}
	/* Put the match a few lines below the top. */
	a->art.atop = li > 2 ? li - 2 : 0;
	clamp(a);
	a->pane[PANE_ARTICLE].dirty = a->pane[PANE_LINKS].dirty = true;
}

void
article_show_block(struct app *a, int block)
{
	int li, s;

	if (a->art.view == NULL || (li = view_block_line(a->art.view, block)) < 0)
		return;
	s = line_section(a, li);
	if (!a->art.continuous && s != a->art.section) {
		a->art.sec_top[a->art.section] = a->art.atop;
		a->art.section = s;
	}
	a->art.atop = li;
	clamp(a);
	a->pane[PANE_ARTICLE].dirty = a->pane[PANE_LINKS].dirty = true;
}

void
article_find(struct app *a, const char *text)
{
	if (text == NULL || a->art.view == NULL)
		return;
	free(a->art.find);
	a->art.find = NULL;
	a->art.find_line = -1;
	a->pane[PANE_ARTICLE].dirty = true;
	if (text[0] == '\0')
		return;
	a->art.find = utf8_sanitize(text, strlen(text), UTF8_ONELINE);
	find_step(a, a->art.atop - 1, 1, false);
}

static void
find_done(struct app *a, const char *text)
{
	article_find(a, text);
}

static void
other_issue(struct app *a, int dir)
{
	if (dir > 0 && a->list.sel + 1 < a->list.nshown)
		article_open(a, a->list.sel + 1);
	else if (dir < 0 && a->list.sel > 0)
		article_open(a, a->list.sel - 1);
	else
		app_message(a, false, dir > 0 ? "this is the last issue" :
		    "this is the first issue");
}

void
article_other_unread(struct app *a, int dir)
{
	size_t i;
	bool wrapped;

	if ((i = issues_next_unread(a, dir, &wrapped)) == (size_t)-1) {
		app_message(a, false, "no other unread issue");
		return;
	}
	article_open(a, i);
	if (wrapped)
		app_message(a, false, dir > 0 ? "on from the top of the list" :
		    "on from the bottom of the list");
}

static void
toggle_read(struct app *a)
{
	size_t i = library_find_key(a->lib, a->art.issue_id);
	bool read;

	if (i == (size_t)-1)
		return;
	read = !library_entry(a->lib, i)->read;
	if (app_mark_read(a, i, read) == -1)
		return;
	if (read && a->list.unread > 0)
		a->list.unread--;
	else if (!read)
		a->list.unread++;
	app_message(a, false, read ? "marked read" : "marked unread");
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
}

static void
digit(struct app *a, int d)
{
	if (a->art.pending > 0 && a->art.pending < 10)
		a->art.pending = a->art.pending * 10 + d;
	else {
		a->art.pending = d > 0 ? d : -1;
		if (d > 0 && d <= a->art.nsections && a->focus == PANE_ARTICLE)
			goto_section(a, d - 1);
	}
	if (a->links.open && a->art.pending > 0 &&
	    a->art.pending <= doc_nlinks(a->art.doc)) {
		a->links.sel = a->art.pending - 1;
		a->pane[PANE_LINKS].dirty = a->pane[PANE_ARTICLE].dirty = true;
	}
	a->pane[PANE_STATUS].dirty = true;
}

bool
article_key(struct app *a, enum action act, int key)
{
	int h = article_body_height(a), first, end, step;

	if (a->art.view == NULL)
		return false;
	step = h > 1 ? h - 1 : 1;
	range(a, &first, &end);
	switch (act) {
	case ACT_SCROLL_LEFT:
	case ACT_SCROLL_RIGHT:
		hscroll(a, act == ACT_SCROLL_RIGHT ? HSCROLL_STEP : -HSCROLL_STEP);
		return true;
	case ACT_DOWN:
		a->art.atop++;
		break;
	case ACT_UP:
		a->art.atop--;
		break;
	case ACT_PAGE_DOWN:
		/* At the end of a section, space goes on to the next. */
		if (!a->art.continuous && a->art.atop + h >= end &&
		    a->art.section + 1 < a->art.nsections) {
			goto_section(a, a->art.section + 1);
			return true;
		}
		/* At the end of the issue, on to the next unread one, as in
		 * mutt's and newsboat's pagers. */
		if (a->art.atop + h >= end &&
		    (a->art.continuous || a->art.section + 1 >= a->art.nsections)) {
			article_other_unread(a, 1);
			return true;
		}
		a->art.atop += step;
		break;
	case ACT_PAGE_UP:
		a->art.atop -= step;
		break;
	case ACT_TOP:
		a->art.atop = first;
		break;
	case ACT_BOTTOM:
		a->art.atop = end;
		break;
	case ACT_OPEN:
		if (a->art.pending <= 0)
			return false;
		links_open(a, a->art.pending);
		a->art.pending = -1;
		a->pane[PANE_STATUS].dirty = true;
		return true;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		if (a->art.find == NULL)
			return false;
		find_step(a, a->art.find_line >= 0 ? a->art.find_line : a->art.atop,
		    act == ACT_FIND_NEXT ? 1 : -1, false);
		return true;
	case ACT_NEXT_ISSUE:
		other_issue(a, 1);
		return true;
	case ACT_PREV_ISSUE:
		other_issue(a, -1);
		return true;
	case ACT_NEXT_UNREAD:
	case ACT_PREV_UNREAD:
		article_other_unread(a, act == ACT_NEXT_UNREAD ? 1 : -1);
		return true;
	case ACT_NEXT_SECTION:
	case ACT_PREV_SECTION:
		goto_section(a, article_section(a) +
		    (act == ACT_NEXT_SECTION ? 1 : -1));
		return true;
	case ACT_DIGIT:
		digit(a, key - '0');
		return true;
	case ACT_CONTINUOUS:
		if (a->art.continuous)
			a->art.section = line_section(a, a->art.atop);
		a->art.continuous = !a->art.continuous;
		app_message(a, false, a->art.continuous ? "the whole issue" :
		    "one section at a time");
		clamp(a);
		a->pane[PANE_ARTICLE].dirty = true;
		return true;
	case ACT_LINKS:
		links_show(a, !a->links.open);
		return true;
	case ACT_OPEN_LINK:
		if (a->links.open)
			links_open(a, a->links.sel + 1);
		else if (a->art.issue->link != NULL)
			app_browse(a, a->art.issue->link);
		return true;
	case ACT_SEARCH:
		prompt_start(a, "find: ", find_done);
		return true;
	case ACT_TOGGLE_READ:
		toggle_read(a);
		return true;
	case ACT_PIPE:
		pager_pipe(a, library_find_key(a->lib, a->art.issue_id));
		return true;
	case ACT_CANCEL:
		/* With nothing to cancel, the reader's Esc: back. */
		if (a->art.pending > 0) {
			a->art.pending = -1;
			a->pane[PANE_STATUS].dirty = true;
		} else if (a->art.find != NULL) {
			free(a->art.find);
			a->art.find = NULL;
			a->art.find_line = -1;
			a->pane[PANE_ARTICLE].dirty = true;
		} else
			return false;
		return true;
	default:
		return false;
	}
	clamp(a);
	a->pane[PANE_ARTICLE].dirty = true;
	return true;
}

static void
article_mouse(struct app *a, struct pane *p, int y, int x,
    mmask_t m)
{
	struct geom g;
	const struct layout_line *l;
	int i, col, link = 0;

	if (a->art.view == NULL)
		return;
	geometry(a, &g);
	if (m & BUTTON4_PRESSED) {
		a->art.atop -= 3;
	} else if (m & BUTTON5_PRESSED) {
		a->art.atop += 3;
	} else if (y == g.tabs_y) {
		for (i = 0; i < ntabs_at; i++)
			if (x >= tabs_at[i].x0 && x < tabs_at[i].x1)
				goto_section(a, tabs_at[i].section);
		return;
	} else if (y >= g.body_y && y < g.body_y + g.body_h) {
		/* A click on a link selects it in the link pane, a click on
		 * the selected one opens it. */
		l = view_line(a->art.view, a->art.atop + (y - g.body_y));
		col = a->pane[PANE_ARTICLE].r.x + 1;
		for (i = 0; l != NULL && i < l->ncells; i++) {
			if (x >= col && x < col + l->cells[i].width) {
				link = (int)l->cells[i].link;
				break;
			}
			col += l->cells[i].width;
		}
		if (link > 0 && a->links.open && a->links.sel == link - 1) {
			links_open(a, link);
			return;
		}
		if (link > 0) {
			if (!a->links.open)
				links_show(a, true);
			a->links.sel = link - 1;
			a->focus = PANE_ARTICLE;
			a->pane[PANE_LINKS].dirty = a->pane[PANE_ARTICLE].dirty = true;
		}
		return;
	}
	clamp(a);
	a->pane[PANE_ARTICLE].dirty = true;
}

/* Quitting the article is the loop's: back to the list, or out. */
static bool
pane_key(struct app *a, struct pane *p, enum action act, int key)
{
	return act != ACT_QUIT && article_key(a, act, key);
}

/* A click (not the wheel) gives the article the focus. */
static void
pane_mouse(struct app *a, struct pane *p, int y, int x, mmask_t m)
{
	if ((m & (BUTTON4_PRESSED | BUTTON5_PRESSED)) == 0 && a->art.doc != NULL)
		a->focus = PANE_ARTICLE;
	article_mouse(a, p, y, x, m);
	a->d_all = true;
}

static void
pane_relayout(struct app *a, struct pane *p)
{
	article_relayout(a);
}

const struct pane_ops article_pane = {
	"article", CTX_ARTICLE, article_draw, pane_key, pane_mouse,
	pane_relayout,
};

/* Opening and closing. */

/* Keep where the open issue is read: its first block on screen, its
 * view. */
static void
keep_place(struct app *a, bool open)
{
	struct place p;
	size_t i;

	if (a->art.view == NULL ||
	    (i = library_find_key(a->lib, a->art.issue_id)) == (size_t)-1)
		return;
	p.block = view_line_block(a->art.view, a->art.atop);
	if (p.block < 0)
		p.block = 0;
	p.whole = a->art.continuous;
	p.open = open;
	library_place_set(a->lib, i, &p);
}

static void close_issue(struct app *);

void
article_close(struct app *a)
{
	keep_place(a, false);
	close_issue(a);
}

void
article_quit(struct app *a)
{
	const struct library_entry *e = issues_shown(a, a->list.sel);
	struct place sel = { -1, false, false };

	/* The issue on screen is where to come back to; else the one
	 * selected in the list, the open one's place kept all the same. */
	if (a->art.view != NULL && e != NULL && e->key == a->art.issue_id &&
	    (a->wide || a->focus != PANE_LIST))
		keep_place(a, true);
	else {
		keep_place(a, false);
		if (e != NULL)
			library_place_set(a->lib, a->list.shown[a->list.sel],
			    &sel);
	}
	close_issue(a);
}

void
article_restore(struct app *a)
{
	struct place p;
	int64_t key;

	if (!library_place_last(a->lib, &key, &p))
		return;
	if (library_find_key(a->lib, key) == (size_t)-1 &&
	    library_partial(a->lib))
		issues_load_all(a);
	if (!issues_select_key(a, key) || !p.open)
		return;
	a->art.continuous = p.whole;
	article_open(a, a->list.sel);
}

static void
close_issue(struct app *a)
{
	if (a->art.view != NULL)
		view_free(a->art.view);
	if (a->art.doc != NULL)
		doc_free(a->art.doc);
	if (a->art.issue != NULL)
		feed_issue_free(a->art.issue);
	free(a->art.sec_top);
	free(a->art.find);
	a->art.view = NULL;
	a->art.doc = NULL;
	a->art.issue = NULL;
	a->art.sec_top = NULL;
	a->art.find = NULL;
	a->art.find_line = -1;
	a->art.issue_id = 0;
	a->links.open = false;
	a->art.pending = -1;
	a->focus = PANE_LIST;
	app_layout(a);
	a->d_all = true;
}

void
article_open(struct app *a, size_t shown_index)
{
	struct library_entry *e;
	struct issue *is;
	const char *content, *base;
	enum content_kind kind;
	struct place place;
	char *cause = NULL, *word;
	struct doc *d;

	if ((e = issues_shown(a, shown_index)) == NULL)
		return;
	if ((is = library_get(a->lib, a->list.shown[shown_index], &cause)) ==
	    NULL) {
		app_message(a, true, "%s", cause);
		free(cause);
		return;
	}
	content = is->content;
	kind = is->kind;
	if (content == NULL || content[0] == '\0') {
		content = is->summary;
		kind = is->summary_kind;
	}
	if (content == NULL) {
		content = "";
		kind = CONTENT_TEXT;
	}
	base = is->base != NULL ? is->base : is->link;
	if ((d = content_parse(content, strlen(content), kind, base,
	    &cause)) == NULL) {
		app_message(a, true, "cannot show this issue: %s", cause);
		free(cause);
		feed_issue_free(is);
		return;
	}
	/* The document holds the text now: the source can go (10 MB for a
	 * big issue). */
	free(is->content);
	free(is->summary);
	is->content = is->summary = NULL;
	article_close(a);
	a->art.issue = is;
	a->art.issue_id = e->key;
	a->art.doc = d;
	a->art.nsections = doc_nsections(d) > 0 ? doc_nsections(d) : 1;
	a->art.sec_top = xcalloc((size_t)a->art.nsections, sizeof *a->art.sec_top);
	a->art.section = 0;
	/* a->art.continuous stays: "v" holds from issue to issue. */
	a->art.atop = 0;
	a->links.sel = a->links.top = 0;
	a->art.hscroll = 0;
	a->list.sel = shown_index;
	a->focus = PANE_ARTICLE;
	app_layout(a);
	article_relayout(a);
	/* Where it was left, this run or (for the cache's issues) before,
	 * in the view in force. */
	if (library_place_get(a->lib, a->list.shown[shown_index], &place) &&
	    place.block > 0)
		article_show_block(a, place.block);
	/* Opening an issue marks it read, in the cache at once (or as
	 * soon as another writer lets go). */
	if (!e->read && app_mark_read(a, a->list.shown[shown_index], true) == 0 &&
	    a->list.unread > 0)
		a->list.unread--;
	issues_scroll_to_sel(a);
	/* A search's result opens at the first place it has the search's
	 * word, highlighted; n and N go on from there. */
	if (a->list.search != NULL &&
	    (word = library_search_word(a->list.search)) != NULL) {
		a->art.find = utf8_sanitize(word, strlen(word), UTF8_ONELINE);
		free(word);
		find_step(a, -1, 1, true);
	}
	a->d_all = true;
}
