/* eventsview.c - the events view: every event of every issue the list holds,
 * grouped by month, upcoming first, then those without a date, then past
 * ones; Enter opens the issue at the event's item, w writes the events
 * shown as an iCalendar file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "buf.h"
#include "conf.h"
#include "events.h"
#include "ics.h"
#include "library.h"
#include "utf8.h"
#include "util.h"

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* A row: a month's heading (ev NULL) or an event. */
struct row {
	const struct event *ev;
	size_t		 issue;		/* index in v */
	char		 heading[40];
};

static struct {
	bool		 open;
	struct events_issue *v;
	size_t		 nv;
	struct row	*rows;
	size_t		 nrows;
	size_t		 sel, top;	/* rows; sel is never a heading */
} ev;

enum { UPCOMING, UNDATED, PAST };

static int
group(const struct event *e, time_t now)
{
	if (!e->dated)
		return UNDATED;
	return events_past(e, now) ? PAST : UPCOMING;
}

static time_t sort_now;

/* NOTE: upcoming soonest first, then undated, then past latest first. */
static int
row_cmp(const void *x, const void *y)
{
	const struct event *a = ((const struct row *)x)->ev;
	const struct event *b = ((const struct row *)y)->ev;
	int ga = group(a, sort_now), gb = group(b, sort_now);

	if (ga != gb)
		return ga - gb;
	return ga == PAST ? events_cmp(b, a) : events_cmp(a, b);
}

static void
free_rows(void)
{
	library_events_free(ev.v, ev.nv);
	free(ev.rows);
	memset(&ev, 0, sizeof ev);
}

static void
add_row(struct row **v, size_t *n, const struct row *r)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = *r;
}

/* Every event in order, with a heading before each month (and before the
 * undated ones). */
static void
build(time_t now)
{
	struct row *flat = NULL, r;
	size_t i, j, nflat = 0;
	int last_y = -1, last_m = -1, last_g = -1, g;

	for (i = 0; i < ev.nv; i++)
		for (j = 0; j < events_count(ev.v[i].events); j++) {
			memset(&r, 0, sizeof r);
			r.ev = events_get(ev.v[i].events, j);
			r.issue = i;
			add_row(&flat, &nflat, &r);
		}
	sort_now = now;
	if (nflat > 1)
		qsort(flat, nflat, sizeof *flat, row_cmp);
	for (i = 0; i < nflat; i++) {
		g = group(flat[i].ev, now);
		if (g != last_g || (g != UNDATED && (flat[i].ev->y1 != last_y ||
		    flat[i].ev->m1 != last_m))) {
			memset(&r, 0, sizeof r);
			if (g == UNDATED)
				snprintf(r.heading, sizeof r.heading,
				    "Date to be announced");
			else
				snprintf(r.heading, sizeof r.heading, "%s %d%s",
				    month_names[(flat[i].ev->m1 + 11) % 12],
				    flat[i].ev->y1, g == PAST ? " (past)" : "");
			add_row(&ev.rows, &ev.nrows, &r);
			last_g = g;
			last_y = flat[i].ev->y1;
			last_m = flat[i].ev->m1;
		}
		add_row(&ev.rows, &ev.nrows, &flat[i]);
	}
	free(flat);
}

void
events_view_open(struct app *a)
{
	char *cause = NULL;
	size_t i, n;

	free_rows();
	if (library_partial(a->lib))
		issues_load_all(a);
	if (library_events(a->lib, a->opts->conf != NULL ?
	    conf_event_words(a->opts->conf) : NULL, &ev.v, &ev.nv,
	    &cause) == -1) {
		app_message(a, true, "events: %s", cause);
		free(cause);
		return;
	}
	build(time(NULL));
	ev.open = true;
	ev.sel = ev.nrows > 1 ? 1 : 0;
	a->pane[PANE_LIST].ops = &events_pane;
	a->focus = PANE_LIST;
	a->d_all = true;
	for (i = n = 0; i < ev.nrows; i++)
		n += ev.rows[i].ev != NULL;
	if (n == 0)
		app_message(a, false, "no events in the issues shown");
	else
		app_message(a, false, "%zu event%s: Enter opens the issue, w "
		    "exports them as iCalendar", n, n == 1 ? "" : "s");
}

void
events_view_close(struct app *a)
{
	free_rows();
	a->pane[PANE_LIST].ops = &issues_pane;
	app_layout(a);
	a->d_all = true;
}

static void
draw_row(struct app *a, int y, const struct row *r, bool sel)
{
	const struct rect *rc = &a->pane[PANE_LIST].r;
	const struct events_issue *is = &ev.v[r->issue];
	enum role base = sel ? R_SELECTED : R_NORMAL;
	struct buf b = BUF_INIT;
	char date[64], when[64];
	int x = rc->x;

	if (r->ev == NULL) {
		draw_text(y, x, rc->w, r->heading, R_HEADING, true);
		return;
	}
	events_date_str(r->ev, date, sizeof date);
	events_time_str(r->ev, when, sizeof when);
	x += draw_text(y, x, 1, sel ? draw_glyph("\xe2\x80\xba", ">") : " ",
	    base, true);
	buf_printf(&b, "%-21s %-15s %s", r->ev->dated ? date : "",
	    when, r->ev->title != NULL ? r->ev->title : "");
	if (r->ev->place != NULL)
		buf_printf(&b, " %s %s", draw_glyph("\xc2\xb7", "-"),
		    r->ev->place);
	buf_printf(&b, "  (%s)", is->title);
	draw_text(y, x, rc->w - 1, b.data, base, true);
	buf_free(&b);
}

static void
scroll_to_sel(struct app *a)
{
	size_t h = a->pane[PANE_LIST].r.h > 0 ?
	    (size_t)a->pane[PANE_LIST].r.h : 1;

	draw_follow(ev.sel, &ev.top, h);
	/* Keep the month's heading in sight above its first event. */
	if (ev.top > 0 && ev.top == ev.sel && ev.rows[ev.top - 1].ev == NULL)
		ev.top--;
}

static void
events_draw(struct app *a, struct pane *p)
{
	size_t i;
	int y;

	scroll_to_sel(a);
	for (y = 0; y < p->r.h; y++) {
		i = ev.top + (size_t)y;
		if (i < ev.nrows)
			draw_row(a, p->r.y + y, &ev.rows[i], i == ev.sel);
		else
			draw_text(p->r.y + y, p->r.x, p->r.w, y == 0 ?
			    " No events in the issues shown." : "", R_NORMAL,
			    true);
	}
}

/* Move the selection by dir rows, over the headings. */
static void
move_sel(int dir, size_t steps)
{
	size_t s = ev.sel;

	while (steps-- > 0) {
		do {
			if (dir > 0 && s + 1 < ev.nrows)
				s++;
			else if (dir < 0 && s > 0)
				s--;
			else
				break;
		} while (ev.rows[s].ev == NULL);
		if (ev.rows[s].ev != NULL)
			ev.sel = s;
	}
}

/* Open the event's issue, scrolled to its item. */
static void
open_event(struct app *a)
{
	const struct row *r;
	const char *id;
	size_t i, k;
	int block;

	if (ev.sel >= ev.nrows || (r = &ev.rows[ev.sel])->ev == NULL)
		return;
	id = ev.v[r->issue].id;
	block = r->ev->block;
	for (k = 0; k < library_count(a->lib); k++)
		if (strcmp(library_entry(a->lib, k)->id, id) == 0)
			break;
	events_view_close(a);
	/* The issue may be in a feed not shown alone: show them all. */
	if (a->feed_filter >= 0 || a->list.search != NULL) {
		free(a->list.search);
		a->list.search = NULL;
		issues_set_feed(a, -1);
	}
	for (i = 0; i < a->list.nshown; i++)
		if (a->list.shown[i] == k)
			break;
	if (i == a->list.nshown)
		return;
	article_open(a, i);
	if (a->art.doc != NULL)
		article_show_block(a, block);
}

static void
export_done(struct app *a, const char *path)
{
	char *cause = NULL, *clean;
	FILE *fp;
	int rc;

	if (path == NULL || path[0] == '\0')
		return;
	clean = utf8_sanitize(path, strlen(path), UTF8_ONELINE);
	if ((fp = fopen(path, "w")) == NULL) {
		app_message(a, true, "cannot export to %s: %s", clean,
		    strerror(errno));
		free(clean);
		return;
	}
	rc = ics_write(fp, ev.v, ev.nv, time(NULL), &cause);
	if (fclose(fp) != 0 && rc == 0) {
		rc = -1;
		cause = xstrdup("write error");
	}
	if (rc == -1) {
		app_message(a, true, "cannot export to %s: %s", clean, cause);
		free(cause);
	} else
		app_message(a, false, "exported the events to %s", clean);
	free(clean);
}

static bool
events_key(struct app *a, struct pane *p, enum action act, int key)
{
	size_t h = p->r.h > 1 ? (size_t)p->r.h - 1 : 1;

	switch (act) {
	case ACT_DOWN:
		move_sel(1, 1);
		break;
	case ACT_UP:
		move_sel(-1, 1);
		break;
	case ACT_PAGE_DOWN:
		move_sel(1, h);
		break;
	case ACT_PAGE_UP:
		move_sel(-1, h);
		break;
	case ACT_TOP:
		ev.sel = 0;
		move_sel(1, 1);
		if (ev.sel > 0 && ev.rows[0].ev != NULL)
			ev.sel = 0;
		break;
	case ACT_BOTTOM:
		move_sel(1, ev.nrows);
		break;
	case ACT_OPEN:
		open_event(a);
		return true;
	case ACT_EXPORT:
		prompt_start(a, "export the events to (.ics): ", export_done);
		return true;
	case ACT_EVENTS:
	case ACT_CANCEL:
	case ACT_QUIT:
		events_view_close(a);
		return true;
	default:
		return false;
	}
	p->dirty = true;
	return true;
}

const struct pane_ops events_pane = {
	"events", CTX_ISSUES, events_draw, events_key, NULL, NULL,
};

bool
events_view_shown(const struct app *a)
{
	return a->pane[PANE_LIST].ops == &events_pane;
}
