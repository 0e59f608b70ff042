/* events_text.c - events as text: their date and time strings, their
 * order, and the one-a-line listing of --events. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "events.h"
#include "util.h"

static long
ymd(int y, int m, int d)
{
	return (long)y * 10000 + m * 100 + d;
}

void
events_date_str(const struct event *ev, char *buf, size_t size)
{
	if (!ev->dated)
		snprintf(buf, size, "date to be announced");
	else if (ev->y1 == ev->y2 && ev->m1 == ev->m2 && ev->d1 == ev->d2)
		snprintf(buf, size, "%04d-%02d-%02d", ev->y1, ev->m1, ev->d1);
	else if (ev->y1 == ev->y2 && ev->m1 == ev->m2)
		snprintf(buf, size, "%04d-%02d-%02d/%02d", ev->y1, ev->m1,
		    ev->d1, ev->d2);
	else if (ev->y1 == ev->y2)
		snprintf(buf, size, "%04d-%02d-%02d/%02d-%02d", ev->y1, ev->m1,
		    ev->d1, ev->m2, ev->d2);
	else
		snprintf(buf, size, "%04d-%02d-%02d/%04d-%02d-%02d", ev->y1,
		    ev->m1, ev->d1, ev->y2, ev->m2, ev->d2);
}

void
events_time_str(const struct event *ev, char *buf, size_t size)
{
	int n;

	if (!ev->dated || ev->start_min < 0) {
		snprintf(buf, size, "%s", "");
		return;
	}
	n = snprintf(buf, size, "%02d:%02d", ev->start_min / 60,
	    ev->start_min % 60);
	if (ev->end_min >= 0 && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "-%02d:%02d",
		    ev->end_min / 60, ev->end_min % 60);
	if (ev->zone != NULL && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " %s", ev->zone);
}

int
events_cmp(const struct event *a, const struct event *b)
{
	long da, db;

	if (a->dated != b->dated)
		return a->dated ? -1 : 1;
	if (a->dated) {
		da = ymd(a->y1, a->m1, a->d1);
		db = ymd(b->y1, b->m1, b->d1);
		if (da != db)
			return da < db ? -1 : 1;
		if (a->start_min != b->start_min)
			return a->start_min < b->start_min ? -1 : 1;
	}
	return strcmp(a->title, b->title);
}

bool
events_past(const struct event *ev, time_t now)
{
	struct tm tm;

	if (!ev->dated || gmtime_r(&now, &tm) == NULL)
		return false;
	return ymd(ev->y2, ev->m2, ev->d2) < ymd(tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
}

struct row {
	const struct event *ev;
	const struct events_issue *is;
	bool		 past;
};

static int
row_cmp(const void *va, const void *vb)
{
	const struct row *a = va, *b = vb;
	int c;

	if (a->past != b->past)
		return a->past ? 1 : -1;
	c = events_cmp(a->ev, b->ev);
	/* Past events: the most recent first. */
	if (a->past && a->ev->dated && b->ev->dated &&
	    events_cmp(a->ev, b->ev) != 0)
		c = -c;
	if (c != 0)
		return c;
	/* Stable: the order the issues were given in. */
	if (a->is != b->is)
		return a->is < b->is ? -1 : 1;
	return a->ev < b->ev ? -1 : a->ev > b->ev;
}

static bool
same_event(const struct event *a, const struct event *b)
{
	return a->dated && b->dated && events_cmp(a, b) == 0 &&
	    a->d2 == b->d2 && a->m2 == b->m2 && a->y2 == b->y2 &&
	    a->end_min == b->end_min;
}

int
events_write(FILE *f, const struct events_issue *issues, size_t n,
    time_t now, bool all, char **cause)
{
	struct row *rows = NULL;
	char date[40], tm[40];
	size_t i, j, nrows = 0, cap = 0, dw = 0, tw = 0;
	const struct event *ev;
	bool past;

	for (i = 0; i < n; i++)
		for (j = 0; j < events_count(issues[i].events); j++) {
			ev = events_get(issues[i].events, j);
			past = events_past(ev, now);
			if (past && !all)
				continue;
			if (nrows == cap) {
				cap = cap ? cap * 2 : 32;
				rows = xreallocarray(rows, cap, sizeof *rows);
			}
			rows[nrows].ev = ev;
			rows[nrows].is = &issues[i];
			rows[nrows++].past = past;
		}
	if (nrows > 0)
		qsort(rows, nrows, sizeof *rows, row_cmp);
	for (i = 0; i < nrows; i++) {
		events_date_str(rows[i].ev, date, sizeof date);
		events_time_str(rows[i].ev, tm, sizeof tm);
		if (strlen(date) > dw)
			dw = strlen(date);
		if (strlen(tm) > tw)
			tw = strlen(tm);
	}
	for (i = 0; i < nrows; i++) {
		ev = rows[i].ev;
		if (i > 0 && same_event(rows[i - 1].ev, ev))
			continue;
		events_date_str(ev, date, sizeof date);
		events_time_str(ev, tm, sizeof tm);
		fprintf(f, "%-*s  ", (int)dw, date);
		if (tw > 0)
			fprintf(f, "%-*s  ", (int)tw, tm);
		fputs(ev->title, f);
		if (ev->place != NULL)
			fprintf(f, "  %s", ev->place);
		if (rows[i].is->title != NULL)
			fprintf(f, "  (%s)", rows[i].is->title);
		fputc('\n', f);
	}
	free(rows);
	if (fflush(f) == EOF || ferror(f)) {
		*cause = xasprintf("writing events: %s", strerror(errno));
		return -1;
	}
	return 0;
}
