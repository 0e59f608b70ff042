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
	size_t i, n = issues_nfeeds(a), w, max = 0;
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

	if (a->list.nshown == 0) {
		a->list.sel = a->list.top = 0;
		return;
	}
	if (a->list.sel >= a->list.nshown)
		a->list.sel = a->list.nshown - 1;
	draw_follow(a->list.sel, &a->list.top, h);
	if (a->list.top + h > a->list.nshown)
		a->list.top = a->list.nshown > h ? a->list.nshown - h : 0;
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
		i = a->list.top + (size_t)y;
		if (i < a->list.nshown) {
			draw_row(a, r->y + y, issues_shown(a, i), i == a->list.sel,
			    fw);
			continue;
		}
		empty = "";
		if (y == 0 && a->list.nshown == 0) {
			if (a->list.search != NULL)
				empty = " No issue matches the search.";
			else if (a->list.unread_only)
				empty = " No unread issues.";
			else if (a->opts->lib.offline)
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
		if (issues_entry_shown(a, library_entry(a->lib, idx[i])))
			idx[j++] = idx[i];
	free(a->list.search);
	a->list.search = utf8_sanitize(q, strlen(q), UTF8_ONELINE);
	free(a->list.shown);
	a->list.shown = idx;
	a->list.nshown = j;
	a->list.sel = a->list.top = 0;
	a->d_all = true;
	if (quiet)
		return;
	if (j == 0)
		app_message(a, false, "no issue matches \"%s\"", a->list.search);
	else
		app_message(a, false, "%zu issue%s match%s \"%s\", best first",
		    j, j == 1 ? "" : "s", j == 1 ? "es" : "", a->list.search);
}

static void
search_done(struct app *a, const char *q)
{
	if (q == NULL)
		return;
	if (q[0] == '\0') {
		free(a->list.search);
		a->list.search = NULL;
		issues_reload(a);
		return;
	}
	issues_search(a, q, false);
}

static void
toggle_read(struct app *a)
{
	struct library_entry *e;

	if ((e = issues_shown(a, a->list.sel)) == NULL)
		return;
	if (app_mark_read(a, a->list.shown[a->list.sel], !e->read) == -1)
		return;
	if (e->read && a->list.unread > 0)
		a->list.unread--;
	else if (!e->read)
		a->list.unread++;
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
}

static void count(struct app *);
static void show_entries(struct app *, int64_t);

static void
mark_all(struct app *a)
{
	char *cause = NULL;

	if (library_mark_all_read(a->lib, a->feed_filter, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		return;
	}
	a->list.unread = 0;
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
	if (a->feed_filter >= 0)
		app_message(a, false, "all issues of %s marked read",
		    library_source_name(a->lib, (size_t)a->feed_filter));
	else
		app_message(a, false, "all issues marked read");
}

/* Every feed's issues read, whichever the list shows (newsboat's C). */
static void
mark_everything(struct app *a)
{
	char *cause = NULL;

	if (library_mark_all_read(a->lib, -1, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		return;
	}
	count(a);
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
	app_message(a, false, "all issues of every feed marked read");
}

size_t
issues_next_unread(const struct app *a, int dir, bool *wrapped)
{
	const struct library_entry *e;
	size_t n = a->list.nshown, k, i;

	*wrapped = false;
	for (k = 1; k < n; k++) {
		i = (a->list.sel + n + (size_t)dir * k) % n;
		if ((e = issues_shown(a, i)) != NULL && !e->read) {
			*wrapped = dir > 0 ? i < a->list.sel : i > a->list.sel;
			return i;
		}
	}
	return (size_t)-1;
}

static void
select_unread(struct app *a, int dir)
{
	size_t i;
	bool wrapped;

	if ((i = issues_next_unread(a, dir, &wrapped)) == (size_t)-1) {
		app_message(a, false, "no other unread issue");
		return;
	}
	if (wrapped)
		app_message(a, false, dir > 0 ? "on from the top" :
		    "on from the bottom");
	a->list.sel = i;
}

bool
issues_select_key(struct app *a, int64_t key)
{
	const struct library_entry *e;
	size_t i;

	for (i = 0; i < a->list.nshown; i++)
		if (issues_shown(a, i)->key == key) {
			a->list.sel = i;
			issues_scroll_to_sel(a);
			return true;
		}
	if ((i = library_find_key(a->lib, key)) == (size_t)-1 ||
	    (e = library_entry(a->lib, i)) == NULL ||
	    (a->feed_filter >= 0 && e->source != a->feed_filter))
		return false;
	show_entries(a, key);
	issues_scroll_to_sel(a);
	a->d_all = true;
	return true;
}

void
issues_set_unread_only(struct app *a, bool on)
{
	a->list.unread_only = on;
	issues_set_feed(a, a->feed_filter);
}

/* Show the next (dir 1) or previous (-1) feed alone, then all again. */
static void
cycle_feed(struct app *a, int dir)
{
	int n = (int)issues_nfeeds(a), f = a->feed_filter + dir;

	if (n < 2) {
		app_message(a, false, "there is only one feed");
		return;
	}
	if (f >= n)
		f = -1;
	else if (f < -1)
		f = n - 1;
	issues_set_feed(a, f);
}

static void
open_issue_link(struct app *a)
{
	char *link;

	if (a->list.nshown == 0 ||
	    (link = app_issue_link(a, a->list.shown[a->list.sel])) == NULL)
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
		if (a->list.sel + 1 < a->list.nshown)
			a->list.sel++;
		break;
	case ACT_UP:
		if (a->list.sel > 0)
			a->list.sel--;
		break;
	case ACT_PAGE_DOWN:
		a->list.sel += h;
		a->list.top += h;
		if (a->list.sel >= a->list.nshown)
			a->list.sel = a->list.nshown ? a->list.nshown - 1 : 0;
		break;
	case ACT_PAGE_UP:
		a->list.sel = a->list.sel > h ? a->list.sel - h : 0;
		a->list.top = a->list.top > h ? a->list.top - h : 0;
		break;
	case ACT_TOP:
		a->list.sel = 0;
		break;
	case ACT_BOTTOM:
		a->list.sel = a->list.nshown ? a->list.nshown - 1 : 0;
		break;
	case ACT_OPEN:
		if (a->list.nshown > 0)
			article_open(a, a->list.sel);
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
	case ACT_MARK_EVERYTHING_READ:
		mark_everything(a);
		return true;
	case ACT_NEXT_UNREAD:
	case ACT_PREV_UNREAD:
		select_unread(a, act == ACT_NEXT_UNREAD ? 1 : -1);
		break;
	case ACT_UNREAD_ONLY:
		issues_set_unread_only(a, !a->list.unread_only);
		app_message(a, false, a->list.unread_only ?
		    "only unread issues" : "all issues, read or not");
		return true;
	case ACT_NEXT_FEED:
	case ACT_PREV_FEED:
		cycle_feed(a, act == ACT_NEXT_FEED ? 1 : -1);
		return true;
	case ACT_PIPE:
		if (a->list.nshown > 0)
			pager_pipe(a, a->list.shown[a->list.sel]);
		return true;
	case ACT_CANCEL:
	case ACT_QUIT:
		if (a->list.search != NULL) {
			free(a->list.search);
			a->list.search = NULL;
			issues_reload(a);
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
		a->list.top = a->list.top > 3 ? a->list.top - 3 : 0;
		if (a->list.sel >= a->list.top + h)
			a->list.sel = a->list.top + h - 1;
	} else if (m & BUTTON5_PRESSED) {
		if (a->list.top + h < a->list.nshown)
			a->list.top = a->list.top + 3 + h <= a->list.nshown ? a->list.top + 3 :
			    a->list.nshown - h;
		if (a->list.sel < a->list.top)
			a->list.sel = a->list.top;
	} else {
		i = a->list.top + (size_t)(y - a->pane[PANE_LIST].r.y);
		if (i >= a->list.nshown)
			return;
		if (i == a->list.sel && a->art.issue_id != issues_shown(a, i)->key) {
			article_open(a, i);
			return;
		}
		if (i == a->list.sel && a->wide)
			a->focus = PANE_ARTICLE;
		else {
			a->list.sel = i;
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

/* The list's content: what the library holds, through the feed filter. */

size_t
issues_nfeeds(const struct app *a)
{
	return library_nsources(a->lib);
}

bool
issues_entry_shown(const struct app *a, const struct library_entry *e)
{
	if (a->list.unread_only && e->read)
		return false;
	return a->feed_filter < 0 || e->source == a->feed_filter;
}

struct library_entry *
issues_shown(const struct app *a, size_t i)
{
	return i < a->list.nshown ? library_entry(a->lib, a->list.shown[i]) : NULL;
}

/* Counts for the title bar, once all of the list is read. */
static void
count(struct app *a)
{
	library_counts(a->lib, a->feed_filter, &a->list.total, &a->list.unread);
	a->pane[PANE_TITLE].dirty = true;
}

/* The key of the selected issue, or 0. */
static int64_t
selected_key(const struct app *a)
{
	const struct library_entry *e = issues_shown(a, a->list.sel);

	return e != NULL ? e->key : 0;
}

/* Show the entries of the feed shown, newest first; the selection stays on
 * the issue with key sel (0: none) if it is still there, read or not: a
 * list of unread issues does not lose the one being read. */
static void
show_entries(struct app *a, int64_t sel)
{
	const struct library_entry *e;
	size_t i, n = library_count(a->lib);

	free(a->list.shown);
	a->list.shown = xcalloc(n + 1, sizeof *a->list.shown);
	a->list.nshown = 0;
	for (i = 0; (e = library_entry(a->lib, i)) != NULL; i++)
		if (issues_entry_shown(a, e) ||
		    (sel != 0 && e->key == sel && (a->feed_filter < 0 ||
		    e->source == a->feed_filter))) {
			if (sel != 0 && e->key == sel)
				a->list.sel = a->list.nshown;
			a->list.shown[a->list.nshown++] = i;
		}
}

void
issues_set_feed(struct app *a, int filter)
{
	int64_t sel;
	char *q = a->list.search;

	if (library_partial(a->lib))
		issues_load_all(a);
	sel = selected_key(a);
	a->feed_filter = filter;
	a->list.sel = a->list.top = 0;
	if (q != NULL) {
		a->list.search = NULL;
		issues_search(a, q, true);
		free(q);
	} else
		show_entries(a, sel);
	count(a);
	issues_scroll_to_sel(a);
	a->d_all = true;
}

/* Read the list (the first limit issues, 0 for all), keeping the
 * selection on the same issue. */
void
issues_load(struct app *a, size_t limit)
{
	int64_t sel = selected_key(a);
	char *cause = NULL;

	free(a->list.shown);
	a->list.shown = NULL;
	a->list.nshown = 0;
	if (library_load(a->lib, limit, NULL, NULL, &cause) != 0) {
		app_message(a, true, "%s", cause);
		free(cause);
	}
	show_entries(a, sel);
	if (!library_partial(a->lib))
		count(a);
	a->pane[PANE_LIST].dirty = a->pane[PANE_TITLE].dirty = true;
}

void
issues_load_all(struct app *a)
{
	issues_load(a, 0);
}

void
issues_reload(struct app *a)
{
	char *q = a->list.search;

	a->list.search = NULL;
	issues_load(a, 0);
	if (q != NULL) {
		/* Run the search again on the new list. */
		issues_search(a, q, true);
		free(q);
	}
	issues_scroll_to_sel(a);
	a->d_all = true;
}
