/* issues.c - the issue list: date, new and unread marks, title; newest
 * first, or search results best first. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "browser.h"
#include "library.h"
#include "utf8.h"
#include "util.h"

#define DATE_COLS	10
/* The feed column is at most this wide. */
#define FEED_COLS	16

static bool
is_new(const struct app *a, const struct library_entry *e)
{
	return e->first_seen != (time_t)-1 &&
	    e->first_seen > library_last_run(a->lib);
}

/* The width of the feed column: the widest name, within limits; 0 when
 * there is none (one feed, or one shown alone). */
static int
feed_cols(const struct app *a)
{
	size_t i, n = app_nfeeds(a), w, max = 0;
	int room = (a->pane[PANE_LIST].r.w - DATE_COLS - 5) / 3;

	if (n < 2 || a->feed_filter >= 0)
		return 0;
	for (i = 0; i < n; i++)
		if ((w = utf8_width(library_source_name(a->lib, i))) > max)
			max = w;
	if (max > FEED_COLS)
		max = FEED_COLS;
	return (int)max < room ? (int)max : room > 0 ? room : 0;
}

static void
draw_row(struct app *a, int y, const struct library_entry *e, bool sel,
    int fw)
{
	const struct rect *r = &a->pane[PANE_LIST].r;
	enum role base = R_NORMAL;
	char date[11];
	int x = r->x, w = r->w;

	if (sel)
		base = a->focus == PANE_LIST ? R_SELECTED : R_SELECTED_DIM;
	library_format_date(e->date, date);
	/* The selection shows without colour too. */
	x += draw_text(y, x, 1, sel ? draw_glyph("\xe2\x80\xba", ">") : " ",
	    base, true);
	x += draw_text(y, x, DATE_COLS, date, sel ? base : R_DATE, true);
	x += draw_text(y, x, 1, " ", base, true);
	x += draw_text(y, x, 1, is_new(a, e) ? "+" : " ", sel ? base : R_NEW,
	    true);
	x += draw_text(y, x, 1, e->read ? " " : draw_glyph("\xe2\x97\x8f",
	    "*"), sel ? base : R_UNREAD, true);
	x += draw_text(y, x, 1, " ", base, true);
	if (fw > 0) {
		x += draw_text(y, x, fw, e->source >= 0 ?
		    library_source_name(a->lib, (size_t)e->source) : "",
		    sel ? base : R_FEED, true);
		x += draw_text(y, x, 1, " ", base, true);
	}
	draw_text_attr(y, x, w - (x - r->x), e->title[0] != '\0' ?
	    e->title : "(untitled)", base,
	    e->read ? 0 : A_BOLD, true);
}

void
issues_scroll_to_sel(struct app *a)
{
	size_t h = a->pane[PANE_LIST].r.h > 0 ? (size_t)a->pane[PANE_LIST].r.h : 1;

	if (a->nshown == 0) {
		a->sel = a->top = 0;
		return;
	}
	if (a->sel >= a->nshown)
		a->sel = a->nshown - 1;
	if (a->sel < a->top)
		a->top = a->sel;
	else if (a->sel >= a->top + h)
		a->top = a->sel - h + 1;
	if (a->top + h > a->nshown)
		a->top = a->nshown > h ? a->nshown - h : 0;
}

static void
issues_draw(struct app *a, struct pane *p)
{
	const struct rect *r = &a->pane[PANE_LIST].r;
	const char *empty;
	size_t i;
	int y, fw = feed_cols(a);

	issues_scroll_to_sel(a);
	for (y = 0; y < r->h; y++) {
		i = a->top + (size_t)y;
		if (i < a->nshown) {
			draw_row(a, r->y + y, app_shown(a, i), i == a->sel,
			    fw);
			continue;
		}
		empty = "";
		if (y == 0 && a->nshown == 0) {
			if (a->search != NULL)
				empty = " No issue matches the search.";
			else if (a->opts->offline)
				empty = " The cache holds no issues.";
			else
				empty = " No issues yet.";
		}
		draw_text(r->y + y, r->x, r->w, empty, R_NORMAL, true);
	}
}

void
issues_search(struct app *a, const char *q, bool quiet)
{
	size_t *idx = NULL, n = 0, i, j;
	char *cause = NULL;

	if (library_search(a->lib, q, &idx, &n, &cause) == -1) {
		app_message(a, true, "search: %s", cause);
		free(cause);
		return;
	}
	/* Keep the matches of the shown feeds, best first. */
	for (i = 0, j = 0; i < n; i++)
		if (app_entry_shown(a, library_entry(a->lib, idx[i])))
			idx[j++] = idx[i];
	free(a->search);
	a->search = utf8_sanitize(q, strlen(q), UTF8_ONELINE);
	free(a->shown);
	a->shown = idx;
	a->nshown = j;
	a->sel = a->top = 0;
	a->d_all = true;
	if (quiet)
		return;
	if (j == 0)
		app_message(a, false, "no issue matches \"%s\"", a->search);
	else
		app_message(a, false, "%zu issue%s match%s \"%s\", best first",
		    j, j == 1 ? "" : "s", j == 1 ? "es" : "", a->search);
}

static void
search_done(struct app *a, const char *q)
{
	if (q == NULL)
		return;
	if (q[0] == '\0') {
		free(a->search);
		a->search = NULL;
		app_reload(a);
		return;
	}
	issues_search(a, q, false);
}

static void
toggle_read(struct app *a)
{
	struct library_entry *e;

	if ((e = app_shown(a, a->sel)) == NULL)
		return;
	if (app_mark_read(a, a->shown[a->sel], !e->read) == -1)
		return;
	if (e->read && a->unread > 0)
		a->unread--;
	else if (!e->read)
		a->unread++;
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
}

static void
mark_all(struct app *a)
{
	char *cause = NULL;

	if (library_mark_all_read(a->lib, a->feed_filter, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		return;
	}
	a->unread = 0;
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
	if (a->feed_filter >= 0)
		app_message(a, false, "all issues of %s marked read",
		    library_source_name(a->lib, (size_t)a->feed_filter));
	else
		app_message(a, false, "all issues marked read");
}

/* Show the next (dir 1) or previous (-1) feed alone, then all again. */
static void
cycle_feed(struct app *a, int dir)
{
	int n = (int)app_nfeeds(a), f = a->feed_filter + dir;

	if (n < 2) {
		app_message(a, false, "there is only one feed");
		return;
	}
	if (f >= n)
		f = -1;
	else if (f < -1)
		f = n - 1;
	app_set_feed(a, f);
}

static void
open_issue_link(struct app *a)
{
	char *link;

	if (a->nshown == 0 ||
	    (link = app_issue_link(a, a->shown[a->sel])) == NULL)
		return;
	app_browse(a, link);
	free(link);
}

static bool
issues_key(struct app *a, struct pane *p, enum action act, int key)
{
	size_t h = a->pane[PANE_LIST].r.h > 1 ? (size_t)a->pane[PANE_LIST].r.h - 1 : 1;

	switch (act) {
	case ACT_DOWN:
		if (a->sel + 1 < a->nshown)
			a->sel++;
		break;
	case ACT_UP:
		if (a->sel > 0)
			a->sel--;
		break;
	case ACT_PAGE_DOWN:
		a->sel += h;
		a->top += h;
		if (a->sel >= a->nshown)
			a->sel = a->nshown ? a->nshown - 1 : 0;
		break;
	case ACT_PAGE_UP:
		a->sel = a->sel > h ? a->sel - h : 0;
		a->top = a->top > h ? a->top - h : 0;
		break;
	case ACT_TOP:
		a->sel = 0;
		break;
	case ACT_BOTTOM:
		a->sel = a->nshown ? a->nshown - 1 : 0;
		break;
	case ACT_OPEN:
		if (a->nshown > 0)
			app_open_issue(a, a->sel);
		return true;
	case ACT_OPEN_LINK:
		open_issue_link(a);
		return true;
	case ACT_SEARCH:
		prompt_start(a, "search: ", search_done);
		return true;
	case ACT_TOGGLE_READ:
		toggle_read(a);
		return true;
	case ACT_MARK_ALL_READ:
		mark_all(a);
		return true;
	case ACT_NEXT_FEED:
	case ACT_PREV_FEED:
		cycle_feed(a, act == ACT_NEXT_FEED ? 1 : -1);
		return true;
	case ACT_PIPE:
		if (a->nshown > 0)
			pager_pipe(a, a->shown[a->sel]);
		return true;
	case ACT_CANCEL:
	case ACT_QUIT:
		if (a->search != NULL) {
			free(a->search);
			a->search = NULL;
			app_reload(a);
			a->d_all = true;
			return true;
		}
		if (act == ACT_QUIT)
			a->quit = true;
		return true;
	default:
		return false;
	}
	a->pane[PANE_LIST].dirty = true;
	issues_scroll_to_sel(a);
	return true;
}

/* The wheel scrolls the list (the selection stays on screen); a click
 * selects an issue, and a click on the selected one opens it. */
static void
issues_mouse(struct app *a, struct pane *p, int y, int x, mmask_t m)
{
	size_t i, h = a->pane[PANE_LIST].r.h > 0 ? (size_t)a->pane[PANE_LIST].r.h : 1;

	(void)x;
	if (m & BUTTON4_PRESSED) {
		a->top = a->top > 3 ? a->top - 3 : 0;
		if (a->sel >= a->top + h)
			a->sel = a->top + h - 1;
	} else if (m & BUTTON5_PRESSED) {
		if (a->top + h < a->nshown)
			a->top = a->top + 3 + h <= a->nshown ? a->top + 3 :
			    a->nshown - h;
		if (a->sel < a->top)
			a->sel = a->top;
	} else {
		i = a->top + (size_t)(y - a->pane[PANE_LIST].r.y);
		if (i >= a->nshown)
			return;
		if (i == a->sel && a->issue_id != app_shown(a, i)->key) {
			app_open_issue(a, i);
			return;
		}
		if (i == a->sel && a->wide)
			a->focus = PANE_ARTICLE;
		else {
			a->sel = i;
			a->focus = PANE_LIST;
		}
		a->d_all = true;
	}
	issues_scroll_to_sel(a);
	a->pane[PANE_LIST].dirty = true;
}

const struct pane_ops issues_pane = {
	"list", CTX_ISSUES, issues_draw, issues_key, issues_mouse, NULL,
};
