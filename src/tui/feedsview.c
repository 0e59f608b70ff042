/* feedsview.c - the feed list: each source with its unread and total
 * issues and how its last fetch went; Enter shows that feed's issues (the
 * first row, all of them), q goes back to the list as it was. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "buf.h"
#include "library.h"
#include "utf8.h"
#include "util.h"

/* The widest a feed's name is in its column. */
#define NAME_COLS	32

/* Row 0 is every feed; row i + 1 the source i. */
static struct {
	size_t		 sel, top;
} fv;

static size_t
nrows(const struct app *a)
{
	return library_nsources(a->lib) + 1;
}

static size_t
name_cols(const struct app *a)
{
	size_t i, w, max = utf8_width("All feeds");

	for (i = 0; i < library_nsources(a->lib); i++)
		if ((w = utf8_width(library_source_name(a->lib, i))) > max)
			max = w;
	return max < NAME_COLS ? max : NAME_COLS;
}

/* One row: the name, "unread/total", then the last error, else when the
 * feed was last fetched. */
static void
draw_row(struct app *a, int y, size_t row, size_t namew)
{
	const struct rect *r = &a->pane[PANE_LIST].r;
	struct library_source_info si;
	enum role base = row == fv.sel ? R_SELECTED : R_NORMAL;
	struct buf b = BUF_INIT;
	size_t total, unread;
	char counts[48], when[32];
	int x = r->x;
	bool shown = (int)row - 1 == a->feed_filter;

	x += draw_text(y, x, 1, row == fv.sel ? draw_glyph("\xe2\x80\xba",
	    ">") : " ", base, true);
	x += draw_text(y, x, 1, shown ? "*" : " ", base, true);
	if (row == 0) {
		library_counts(a->lib, -1, &total, &unread);
		utf8_fit(&b, "All feeds", namew, a->ascii);
		snprintf(counts, sizeof counts, "%6zu/%-6zu", unread, total);
		buf_printf(&b, " %s", counts);
	} else {
		library_source_info(a->lib, row - 1, &si);
		utf8_fit(&b, si.name, namew, a->ascii);
		snprintf(counts, sizeof counts, "%6zu/%-6zu", si.unread,
		    si.total);
		buf_printf(&b, " %s ", counts);
		if (si.error != NULL)
			buf_printf(&b, "error: %s", si.error);
		else if (si.last_fetch != -1) {
			library_format_date(si.last_fetch, when);
			buf_printf(&b, "fetched %s", when);
		} else if (!si.cached)
			buf_adds(&b, "read directly");
		else
			buf_adds(&b, "never fetched");
	}
	draw_text(y, x, r->w - (x - r->x), buf_str(&b), base, true);
	buf_free(&b);
}

static void
feeds_draw(struct app *a, struct pane *p)
{
	struct buf b = BUF_INIT;
	size_t i, n = nrows(a), namew = name_cols(a);
	size_t h = p->r.h > 1 ? (size_t)p->r.h - 1 : 1;
	int y;

	if (fv.sel >= n)
		fv.sel = n - 1;
	draw_follow(fv.sel, &fv.top, h);
	buf_adds(&b, "  ");
	utf8_fit(&b, "Feed", namew, a->ascii);
	buf_adds(&b, " unread/total  last fetch or error");
	draw_text(p->r.y, p->r.x, p->r.w, buf_str(&b), R_HEADING, true);
	buf_free(&b);
	for (y = 1; y < p->r.h; y++) {
		i = fv.top + (size_t)y - 1;
		if (i < n)
			draw_row(a, p->r.y + y, i, namew);
		else
			draw_text(p->r.y + y, p->r.x, p->r.w, "", R_NORMAL,
			    true);
	}
}

void
feeds_view_open(struct app *a)
{
	if (a->focus != PANE_LIST) {
		a->focus = PANE_LIST;
		if (!a->wide)
			article_close(a);
	}
	if (library_partial(a->lib))
		issues_load_all(a);
	fv.sel = (size_t)(a->feed_filter + 1);
	fv.top = 0;
	a->pane[PANE_LIST].ops = &feeds_pane;
	app_layout(a);
	a->d_all = true;
}

void
feeds_view_close(struct app *a)
{
	a->pane[PANE_LIST].ops = &issues_pane;
	app_layout(a);
	a->d_all = true;
}

bool
feeds_view_shown(const struct app *a)
{
	return a->pane[PANE_LIST].ops == &feeds_pane;
}

static bool
feeds_key(struct app *a, struct pane *p, enum action act, int key)
{
	size_t n = nrows(a), h = p->r.h > 2 ? (size_t)p->r.h - 2 : 1;

	(void)key;
	switch (act) {
	case ACT_DOWN:
		if (fv.sel + 1 < n)
			fv.sel++;
		break;
	case ACT_UP:
		if (fv.sel > 0)
			fv.sel--;
		break;
	case ACT_PAGE_DOWN:
		fv.sel = fv.sel + h < n ? fv.sel + h : n - 1;
		break;
	case ACT_PAGE_UP:
		fv.sel = fv.sel > h ? fv.sel - h : 0;
		break;
	case ACT_TOP:
		fv.sel = 0;
		break;
	case ACT_BOTTOM:
		fv.sel = n - 1;
		break;
	case ACT_OPEN:
		feeds_view_close(a);
		issues_set_feed(a, (int)fv.sel - 1);
		return true;
	case ACT_FEEDS:
	case ACT_CANCEL:
	case ACT_QUIT:
		feeds_view_close(a);
		return true;
	case ACT_HELP:
	case ACT_MESSAGES:
	case ACT_REFRESH:
	case ACT_REDRAW:
	case ACT_EVENTS:
		return false;
	default:
		/* The list's other keys mean nothing here. */
		return true;
	}
	p->dirty = true;
	return true;
}

const struct pane_ops feeds_pane = {
	"feeds", CTX_ISSUES, feeds_draw, feeds_key, NULL, NULL,
};
