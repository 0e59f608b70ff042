/* events.c - events from the list items of an issue's events sections:
 * a small tokenizer for English prose and a parser for the ways
 * newsletters write dates, times, zones and places (their text forms
 * and the --events listing are in events_text.c). */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "doc.h"
#include "events.h"
#include "utf8.h"
#include "util.h"

const char *const events_default_words[] = {
	"events", "event", "meetups", "meetup", "conferences", "conference",
	"calls for papers", "call for papers", "cfp", "cfps", "talks",
	"webinars", "workshops", "hackathons", "calendar", NULL
};

struct event_list {
	struct event	*ev;
	size_t		 n, cap;
};

/* Tokens. */

enum tok_kind {
	T_NUM,
	T_WORD,
	T_SYM,
};

struct tok {
	uint8_t		 kind;
	bool		 space;		/* white space before it */
	bool		 cap;		/* words: starts with A-Z */
	bool		 upper;		/* words: no lowercase letter */
	bool		 ord;		/* numbers: "st", "nd", "rd", "th" */
	bool		 used;		/* part of a date or time */
	int		 sym;		/* the ASCII byte; dashes '-' */
	int		 num;
	int		 ndig;
	size_t		 off, end;	/* bytes of the text */
	char		 w[16];		/* words: lowercase, "" when longer */
};

struct toks {
	const char	*s;
	struct tok	*t;
	size_t		 n, cap;
};

static bool
is_space_at(const unsigned char *p, size_t *len)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
		*len = 1;
		return true;
	}
	/* No-break, thin and narrow no-break spaces. */
	if ((p[0] == 0xc2 && p[1] == 0xa0) || (p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0x89 || p[2] == 0xaf))) {
		*len = p[0] == 0xc2 ? 2 : 3;
		return true;
	}
	return false;
}

/* A symbol at p: dashes become '-', the right single quote '\''. */
static int
sym_at(const unsigned char *p, size_t *len)
{
	if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) {
		*len = 3;
		return '-';
	}
	if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x99) {
		*len = 3;
		return '\'';
	}
	if (*p < 0x80 && ispunct(*p)) {
		*len = 1;
		return *p;
	}
	return 0;
}

static struct tok *
tok_add(struct toks *ts, enum tok_kind kind, size_t off, bool space)
{
	struct tok *t;

	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 64;
		ts->t = xreallocarray(ts->t, ts->cap, sizeof *ts->t);
	}
	t = &ts->t[ts->n++];
	memset(t, 0, sizeof *t);
	t->kind = (uint8_t)kind;
	t->off = off;
	t->space = space;
	return t;
}

/* Split s into numbers (runs of digits), words (runs of letters, any
 * non-ASCII byte counted as a letter) and single symbols; "28th" is one
 * number with its ordinal suffix. */
static void
tokenize(const char *s, struct toks *ts)
{
	const unsigned char *p = (const unsigned char *)s;
	struct tok *t, *prev;
	size_t i = 0, len, j;
	bool space = true;
	int c;

	ts->s = s;
	ts->n = 0;
	while (p[i] != '\0') {
		if (is_space_at(p + i, &len)) {
			space = true;
			i += len;
			continue;
		}
		if ((c = sym_at(p + i, &len)) != 0) {
			t = tok_add(ts, T_SYM, i, space);
			t->sym = c;
			i += len;
		} else if (isdigit(p[i])) {
			t = tok_add(ts, T_NUM, i, space);
			for (; isdigit(p[i]); i++, t->ndig++)
				if (t->num < 100000)
					t->num = t->num * 10 + (p[i] - '0');
		} else {
			t = tok_add(ts, T_WORD, i, space);
			t->cap = p[i] >= 'A' && p[i] <= 'Z';
			t->upper = true;
			for (j = 0; p[i] != '\0' && !isdigit(p[i]) &&
			    !is_space_at(p + i, &len) && sym_at(p + i, &len) ==
			    0; i++, j++) {
				if (p[i] >= 'a' && p[i] <= 'z')
					t->upper = false;
				if (j < sizeof t->w - 1)
					t->w[j] = (char)tolower(p[i]);
			}
			if (j >= sizeof t->w)
				t->w[0] = '\0';
		}
		t->end = i;
		space = false;
		/* An ordinal suffix joins its number. */
		if (t->kind == T_WORD && !t->space && ts->n >= 2) {
			prev = &ts->t[ts->n - 2];
			if (prev->kind == T_NUM && (strcmp(t->w, "st") == 0 ||
			    strcmp(t->w, "nd") == 0 ||
			    strcmp(t->w, "rd") == 0 ||
			    strcmp(t->w, "th") == 0)) {
				prev->ord = true;
				prev->end = t->end;
				ts->n--;
			}
		}
	}
}

/* The parser: p->t[0..n), functions take an index and, on a match, set
 * *next past what they read. */

struct parse {
	struct tok	*t;
	size_t		 n;
};

static bool
sym(const struct parse *p, size_t i, int c)
{
	return i < p->n && p->t[i].kind == T_SYM && p->t[i].sym == c;
}

static bool
word(const struct parse *p, size_t i, const char *w)
{
	return i < p->n && p->t[i].kind == T_WORD && strcmp(p->t[i].w, w) == 0;
}

/* Glued to the token before it: no white space between. */
static bool
glued(const struct parse *p, size_t i)
{
	return i < p->n && !p->t[i].space;
}

static bool
num(const struct parse *p, size_t i)
{
	return i < p->n && p->t[i].kind == T_NUM;
}

/* NOTE: index + 1 is the month; "sept" and "sep" both. */
static const char *const months[][3] = {
	{ "january", "jan", NULL }, { "february", "feb", NULL },
	{ "march", "mar", NULL }, { "april", "apr", NULL },
	{ "may", NULL, NULL }, { "june", "jun", NULL },
	{ "july", "jul", NULL }, { "august", "aug", NULL },
	{ "september", "sep", "sept" }, { "october", "oct", NULL },
	{ "november", "nov", NULL }, { "december", "dec", NULL },
};

static const char *const weekdays[] = {
	"monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed",
	"thursday", "thu", "thur", "thurs", "friday", "fri", "saturday",
	"sat", "sunday", "sun",
};

/* A month name (capitalised: "may" and "march" are also words), with
 * the full stop of an abbreviation: 1 to 12, or 0. */
static int
month_at(const struct parse *p, size_t i, size_t *next)
{
	size_t m, k;

	if (i >= p->n || p->t[i].kind != T_WORD || !p->t[i].cap)
		return 0;
	for (m = 0; m < nitems(months); m++)
		for (k = 0; k < 3 && months[m][k] != NULL; k++)
			if (strcmp(p->t[i].w, months[m][k]) == 0) {
				*next = i + 1;
				if (k > 0 && sym(p, i + 1, '.') &&
				    glued(p, i + 1))
					*next = i + 2;
				return (int)m + 1;
			}
	return 0;
}

/* A weekday name and the comma or full stop after it. */
static bool
weekday_at(const struct parse *p, size_t i, size_t *next)
{
	size_t k;

	if (i >= p->n || p->t[i].kind != T_WORD || !p->t[i].cap)
		return false;
	for (k = 0; k < nitems(weekdays); k++)
		if (strcmp(p->t[i].w, weekdays[k]) == 0)
			break;
	if (k == nitems(weekdays))
		return false;
	i++;
	if (sym(p, i, '.') && glued(p, i))
		i++;
	if (sym(p, i, ','))
		i++;
	*next = i;
	return true;
}

static bool
meridiem_at(const struct parse *p, size_t i, size_t *next, int *mer)
{
	if (word(p, i, "am") || word(p, i, "pm")) {
		*mer = p->t[i].w[0] == 'a' ? 1 : 2;
		*next = i + 1;
		if (sym(p, i + 1, '.') && glued(p, i + 1))
			(*next)++;
		return true;
	}
	/* "p.m." */
	if ((word(p, i, "a") || word(p, i, "p")) && sym(p, i + 1, '.') &&
	    glued(p, i + 1) && word(p, i + 2, "m") && glued(p, i + 2)) {
		*mer = p->t[i].w[0] == 'a' ? 1 : 2;
		*next = i + 3;
		if (sym(p, i + 3, '.') && glued(p, i + 3))
			(*next)++;
		return true;
	}
	return false;
}

/* A number that is part of a version ("0.18.0") or a time ("6:30"). */
static bool
in_number(const struct parse *p, size_t i)
{
	if (i >= 2 && glued(p, i) && (sym(p, i - 1, '.') ||
	    sym(p, i - 1, ':')) && num(p, i - 2) && glued(p, i - 1))
		return true;
	if ((sym(p, i + 1, '.') || sym(p, i + 1, ':') || sym(p, i + 1, '/')) &&
	    glued(p, i + 1) && num(p, i + 2) && glued(p, i + 2))
		return true;
	return false;
}

/* A day of the month: 1 to 31, not a time of day ("8 pm", "19h"). */
static bool
day_at(const struct parse *p, size_t i, int *d)
{
	size_t k;
	int mer;

	if (!num(p, i) || p->t[i].ndig > 2 || p->t[i].num < 1 ||
	    p->t[i].num > 31 || in_number(p, i))
		return false;
	if (meridiem_at(p, i + 1, &k, &mer) || (word(p, i + 1, "h") &&
	    glued(p, i + 1)))
		return false;
	*d = p->t[i].num;
	return true;
}

/* A year after a date: ", 2014" or " 2014". */
static bool
year_at(const struct parse *p, size_t i, size_t *next, int *y)
{
	if (sym(p, i, ','))
		i++;
	if (!num(p, i) || p->t[i].ndig != 4 || p->t[i].num < 1970 ||
	    p->t[i].num > 2199 || in_number(p, i))
		return false;
	*y = p->t[i].num;
	*next = i + 1;
	return true;
}

/* Range words between two dates or times.  '&' and "and" join two days
 * that follow each other, which the caller checks. */
static bool
conn_at(const struct parse *p, size_t i, size_t *next, bool *and)
{
	*and = false;
	if (sym(p, i, '-') || word(p, i, "to") || word(p, i, "through") ||
	    word(p, i, "thru") || word(p, i, "until") || word(p, i, "till")) {
		*next = i + 1;
		/* "--", "-–" */
		while (sym(p, *next, '-'))
			(*next)++;
		return true;
	}
	if (sym(p, i, '&') || word(p, i, "and")) {
		*and = true;
		*next = i + 1;
		return true;
	}
	return false;
}

struct pdate {
	int		 y, m, d;	/* y 0: not written */
};

/* One date: [weekday[,]] month day[,] [year], or [weekday[,]] day [of]
 * month [year]. */
static bool
point_at(const struct parse *p, size_t i, size_t *next, struct pdate *pd,
    bool *dayfirst)
{
	size_t j, k;

	memset(pd, 0, sizeof *pd);
	if (weekday_at(p, i, &j)) {
		i = j;
		if (word(p, i, "the"))
			i++;	/* "Thursday the 27th of March" */
	}
	if ((pd->m = month_at(p, i, &j)) != 0) {
		if (!day_at(p, j, &pd->d))
			return false;
		*dayfirst = false;
		k = j + 1;
	} else if (day_at(p, i, &pd->d)) {
		j = i + 1;
		if (word(p, j, "of"))
			j++;
		if ((pd->m = month_at(p, j, &k)) == 0)
			return false;
		*dayfirst = true;
	} else
		return false;
	if (!year_at(p, k, next, &pd->y))
		*next = k;
	return true;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

static long
ymd(int y, int m, int d)
{
	return (long)y * 10000 + m * 100 + d;
}

/* How many days before its issue a date without a year may be. */
#define GRACE_DAYS	7

/* Whether b is the day after a ("June 3rd & 4th", "March 31 and April
 * 1"); the year is not known yet, so any month's last days will do. */
static bool
next_day(const struct pdate *a, const struct pdate *b)
{
	if (b->m == a->m)
		return b->d == a->d + 1;
	return b->m == a->m % 12 + 1 && b->d == 1 && a->d >= 28;
}

struct drange {
	struct pdate	 a, b;
	size_t		 first, end;	/* tokens */
};

/* "2014-03-28", "3/28/2014" (US order unless the first number cannot
 * be a month), "Thursday 3/27" (a weekday vouches for a date without a
 * year; "24/7" alone is no date). */
static bool
numeric_at(const struct parse *p, size_t i, struct drange *r)
{
	size_t j = i;
	bool wd = weekday_at(p, i, &j);
	int a, b, c;

	i = j;
	if (!num(p, i))
		return false;
	/* "2014-04-07", "2014/04/07" */
	if (p->t[i].ndig == 4 && (sym(p, i + 1, '-') || sym(p, i + 1, '/')) &&
	    glued(p, i + 1) && num(p, i + 2) && glued(p, i + 2) &&
	    sym(p, i + 3, p->t[i + 1].sym) && glued(p, i + 3) &&
	    num(p, i + 4) && glued(p, i + 4) && p->t[i + 2].ndig <= 2 &&
	    p->t[i + 4].ndig <= 2) {
		r->a.y = p->t[i].num;
		r->a.m = p->t[i + 2].num;
		r->a.d = p->t[i + 4].num;
		r->end = i + 5;
		return true;
	}
	if (p->t[i].ndig > 2 || !sym(p, i + 1, '/') || !glued(p, i + 1) ||
	    !num(p, i + 2) || !glued(p, i + 2) || p->t[i + 2].ndig > 2)
		return false;
	a = p->t[i].num;
	b = p->t[i + 2].num;
	if (sym(p, i + 3, '/') && glued(p, i + 3) && num(p, i + 4) &&
	    glued(p, i + 4) && (p->t[i + 4].ndig == 4 ||
	    p->t[i + 4].ndig == 2)) {
		c = p->t[i + 4].num;
		r->a.y = c < 100 ? 2000 + c : c;
		r->end = i + 5;
	} else if (wd || (a >= 1 && a <= 12 && b > 12 && !(sym(p, i + 3,
	    '/') && glued(p, i + 3)) && !(i > 0 && glued(p, i) &&
	    !sym(p, i - 1, '(')))) {
		/* "3/26" can only be March 26; "4/5" could be either, and
		 * "24/7" is no date at all. */
		r->a.y = 0;
		r->end = i + 3;
	} else
		return false;
	if (a > 12 && b <= 12) {
		r->a.d = a;
		r->a.m = b;
	} else {
		r->a.m = a;
		r->a.d = b;
	}
	return true;
}

/* A date or a range of dates starting at token i. */
static bool
range_at(const struct parse *p, size_t i, struct drange *r)
{
	struct pdate a, b;
	size_t j, k, l;
	bool df, df2, and, between;
	int d, y;

	/* "between April 7 and 9" is a range, "April 7 and 9" two days. */
	between = i > 0 && word(p, i - 1, "between");
	memset(r, 0, sizeof *r);
	r->first = i;
	if (numeric_at(p, i, r)) {
		r->b = r->a;
		return true;
	}
	if (point_at(p, i, &j, &a, &df)) {
		r->a = r->b = a;
		r->end = j;
		if (!conn_at(p, j, &k, &and))
			return true;
		if (point_at(p, k, &l, &b, &df2)) {
			/* "Aug 31 - Sep 1", "30 June - 2 July" */
			if (and && !between && !next_day(&a, &b))
				return true;
			r->b = b;
			r->end = l;
			return true;
		}
		/* "April 7-9", "June 3rd & 4th" ("3 - 4 June" comes
		 * below). */
		if (!df && a.y == 0 && day_at(p, k, &d) &&
		    !(sym(p, k + 1, '/') && glued(p, k + 1))) {
			if (and && !between && d != a.d + 1)
				return true;
			r->b = a;
			r->b.d = d;
			r->end = k + 1;
			if (year_at(p, k + 1, &l, &y)) {
				r->a.y = r->b.y = y;
				r->end = l;
			}
		}
		return true;
	}
	/* "26-27 October", "3rd & 4th of June" */
	if (day_at(p, i, &d) && conn_at(p, i + 1, &k, &and) &&
	    point_at(p, k, &l, &b, &df) && df) {
		if (and && !between && b.d != d + 1)
			return false;
		r->a = b;
		r->a.d = d;
		r->b = b;
		r->end = l;
		return true;
	}
	return false;
}

/* Years for the dates written without one, then whether the range is
 * a real one. */
static bool
resolve(struct drange *r, time_t issue_date)
{
	struct tm tm;
	long issue;
	int y;

	if (r->a.y == 0 && r->b.y != 0)
		r->a.y = r->b.m < r->a.m ? r->b.y - 1 : r->b.y;
	else if (r->a.y != 0 && r->b.y == 0)
		r->b.y = r->b.m < r->a.m ? r->a.y + 1 : r->a.y;
	else if (r->a.y == 0) {
		if (issue_date == (time_t)-1 || gmtime_r(&issue_date, &tm) ==
		    NULL)
			return false;
		/* The first year that puts the last day on or after the
		 * issue's day: a December issue's "January 16th" is next
		 * January.  An issue is written over some days, so a date in
		 * the week before it is this year's (an event that just
		 * happened), not one a year away. */
		issue_date -= GRACE_DAYS * 86400;
		if (gmtime_r(&issue_date, &tm) == NULL)
			return false;
		issue = ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		y = tm.tm_year + 1900;
		r->a.y = y;
		r->b.y = r->b.m < r->a.m ? y + 1 : y;
		if (ymd(r->b.y, r->b.m, r->b.d) < issue) {
			r->a.y++;
			r->b.y++;
		}
	}
	if (r->a.m < 1 || r->a.m > 12 || r->b.m < 1 || r->b.m > 12 ||
	    r->a.d < 1 || r->a.d > mdays(r->a.y, r->a.m) || r->b.d < 1 ||
	    r->b.d > mdays(r->b.y, r->b.m))
		return false;
	/* A range runs forward, and for less than a season. */
	if (ymd(r->b.y, r->b.m, r->b.d) < ymd(r->a.y, r->a.m, r->a.d) ||
	    (r->b.y - r->a.y) * 12 + r->b.m - r->a.m > 3)
		return false;
	return true;
}

/* Times. */

struct ptime {
	int		 min;		/* minutes after midnight */
	int		 hour;		/* as written */
	int		 mer;		/* 0 none, 1 am, 2 pm */
	bool		 dotted;	/* "19.00": strong only with a zone */
	bool		 strong;	/* surely a time: "6 pm", "19:00" */
	bool		 hm;		/* written with minutes */
};

static int
apply_meridiem(int hour, int min, int mer)
{
	return ((hour % 12) + (mer == 2 ? 12 : 0)) * 60 + min;
}

static bool
tpoint_at(const struct parse *p, size_t i, size_t *next, struct ptime *t)
{
	size_t k;
	int mer, m = 0;
	bool dotted = false;

	memset(t, 0, sizeof *t);
	if (word(p, i, "noon") || word(p, i, "midday") ||
	    word(p, i, "midnight")) {
		t->min = p->t[i].w[1] == 'i' && p->t[i].w[3] == 'n' ? 0 : 720;
		t->hour = t->min / 60;
		t->strong = t->hm = true;
		*next = i + 1;
		return true;
	}
	if (!num(p, i) || p->t[i].ndig > 2 || p->t[i].num > 24)
		return false;
	/* Not the end of "0.18" or of "3/27". */
	if (i >= 2 && glued(p, i) && (sym(p, i - 1, '.') ||
	    sym(p, i - 1, '/')) && num(p, i - 2))
		return false;
	t->hour = p->t[i].num;
	k = i + 1;
	if ((sym(p, k, ':') || sym(p, k, '.')) && glued(p, k) &&
	    num(p, k + 1) && glued(p, k + 1) && p->t[k + 1].ndig == 2 &&
	    p->t[k + 1].num < 60) {
		dotted = t->dotted = sym(p, k, '.');
		m = p->t[k + 1].num;
		t->hm = true;
		t->strong = !dotted;
		k += 2;
		/* "0.18.0" */
		if ((sym(p, k, '.') || sym(p, k, ':')) && glued(p, k) &&
		    num(p, k + 1))
			return false;
	} else if (word(p, k, "h") && glued(p, k)) {
		k++;
		if (num(p, k) && glued(p, k) && p->t[k].ndig == 2 &&
		    p->t[k].num < 60) {
			m = p->t[k].num;
			k++;
		}
		t->hm = t->strong = true;
	}
	if (meridiem_at(p, k, next, &mer)) {
		if (t->hour < 1 || t->hour > 12)
			return false;
		t->mer = mer;
		t->min = apply_meridiem(t->hour, m, mer);
		t->strong = true;
		return true;
	}
	if (t->hour > 23 || (t->hour == 24 && m > 0))
		return false;
	t->min = t->hour * 60 + m;
	*next = k;
	if (dotted)
		t->strong = false;
	return true;
}

/* NOTE: sorted by name for bsearch; abbreviations are matched as
 * written (upper case), the names capitalised. */
static const struct zone {
	const char	*name;
	const char	*tzid;
} zones[] = {
	{ "AEDT", "Australia/Sydney" },
	{ "AEST", "Australia/Sydney" },
	{ "BST", "Europe/London" },
	{ "CDT", "America/Chicago" },
	{ "CEST", "Europe/Berlin" },
	{ "CET", "Europe/Berlin" },
	{ "CST", "America/Chicago" },
	{ "CT", "America/Chicago" },
	{ "Central", "America/Chicago" },
	{ "EDT", "America/New_York" },
	{ "EEST", "Europe/Helsinki" },
	{ "EET", "Europe/Helsinki" },
	{ "EST", "America/New_York" },
	{ "ET", "America/New_York" },
	{ "Eastern", "America/New_York" },
	{ "GMT", "UTC" },
	{ "HKT", "Asia/Hong_Kong" },
	{ "HST", "Pacific/Honolulu" },
	{ "IST", "Asia/Kolkata" },
	{ "JST", "Asia/Tokyo" },
	{ "KST", "Asia/Seoul" },
	{ "MDT", "America/Denver" },
	{ "MSK", "Europe/Moscow" },
	{ "MST", "America/Denver" },
	{ "MT", "America/Denver" },
	{ "Mountain", "America/Denver" },
	{ "NZDT", "Pacific/Auckland" },
	{ "NZST", "Pacific/Auckland" },
	{ "PDT", "America/Los_Angeles" },
	{ "PST", "America/Los_Angeles" },
	{ "PT", "America/Los_Angeles" },
	{ "Pacific", "America/Los_Angeles" },
	{ "SGT", "Asia/Singapore" },
	{ "UTC", "UTC" },
	{ "WEST", "Europe/Lisbon" },
	{ "WET", "Europe/Lisbon" },
};

static const struct zone european[] = {
	{ "CET", "Europe/Berlin" },
	{ "EET", "Europe/Helsinki" },
};

static int
zone_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct zone *)elem)->name);
}

/* A zone named after a time: "PT", "(CET)", "Pacific time". */
static const struct zone *
zone_at(const struct parse *p, const char *s, size_t i, size_t *next)
{
	const struct zone *z;
	char name[16];
	size_t len;
	bool paren = false;

	if (sym(p, i, '(')) {
		paren = true;
		i++;
	}
	if (i >= p->n || p->t[i].kind != T_WORD || !p->t[i].cap)
		return NULL;
	len = p->t[i].end - p->t[i].off;
	if (len >= sizeof name)
		return NULL;
	memcpy(name, s + p->t[i].off, len);
	name[len] = '\0';
	if ((z = bsearch(name, zones, nitems(zones), sizeof *zones,
	    zone_cmp)) == NULL)
		return NULL;
	/* "Central European Time" is not Chicago's. */
	if (word(p, i + 1, "european")) {
		if (strcmp(name, "Central") == 0)
			z = &european[0];
		else if (strcmp(name, "Eastern") == 0)
			z = &european[1];
		else
			return NULL;
		i++;
	}
	/* "UTC+2" names an offset we do not map: no zone rather than the
	 * wrong one. */
	if ((sym(p, i + 1, '+') || sym(p, i + 1, '-')) && glued(p, i + 1) &&
	    num(p, i + 2))
		return NULL;
	i++;
	if (word(p, i, "time"))
		i++;
	if (paren && sym(p, i, ')'))
		i++;
	*next = i;
	return z;
}

struct trange {
	int		 start, end;	/* minutes, end -1 none */
	const struct zone *zone;
	size_t		 first, last;	/* tokens */
};

/* A time or a range of times at token i: "6-8 pm", "7:30pm", "19h00 -
 * 21h00 CET", "noon to 2pm PT". */
static bool
times_at(const struct parse *p, const char *s, size_t i, struct trange *r)
{
	struct ptime a, b;
	size_t j, k, l, z;
	bool and;
	int alt;

	if (word(p, i, "from") || word(p, i, "at"))
		return false;	/* the caller steps past them */
	if (!tpoint_at(p, i, &j, &a))
		return false;
	r->first = i;
	r->end = -1;
	if (conn_at(p, j, &k, &and) && !and && tpoint_at(p, k, &l, &b) &&
	    (b.strong || (b.dotted && a.dotted && zone_at(p, s, l, &z) !=
	    NULL))) {
		/* "19.00-21.00 CET" */
		if (a.dotted && b.dotted && !b.strong)
			a.strong = b.strong = true;
		if (a.mer == 0 && b.mer != 0 && !a.hm && a.hour >= 1 &&
		    a.hour <= 12) {
			/* "6-8 pm" is 18:00 to 20:00, "11-1 pm" 11:00 to
			 * 13:00. */
			a.min = apply_meridiem(a.hour, a.min % 60, b.mer);
			alt = apply_meridiem(a.hour, a.min % 60, 3 - b.mer);
			if (a.min > b.min && alt < b.min)
				a.min = alt;
			a.strong = true;
		} else if (a.mer == 0 && b.mer != 0 && a.hm && a.hour <= 12) {
			a.min = apply_meridiem(a.hour, a.min % 60, b.mer);
			a.strong = true;
		}
		if (!a.strong && !a.hm)
			return false;
		r->start = a.min;
		r->end = b.min;
		j = l;
	} else {
		if (!a.strong && zone_at(p, s, j, &z) == NULL)
			return false;
		r->start = a.min;
	}
	r->zone = zone_at(p, s, j, &z);
	r->last = r->zone != NULL ? z : j;
	return true;
}

static void
undate(struct event *ev)
{
	ev->dated = false;
	ev->all_day = false;
	ev->y1 = ev->m1 = ev->d1 = ev->y2 = ev->m2 = ev->d2 = 0;
	ev->start_min = ev->end_min = -1;
	ev->tzid = NULL;
	ev->zone = NULL;
}

static void
mark(struct parse *p, size_t first, size_t end)
{
	for (; first < end && first < p->n; first++)
		p->t[first].used = true;
}

/* The date, time and zone of a tokenized text. */
static bool
parse_when(struct parse *p, const char *s, time_t issue_date,
    struct event *ev)
{
	struct drange r;
	struct trange tr;
	size_t i;
	bool found = false;

	undate(ev);
	for (i = 0; i < p->n && !found; i++)
		if (!p->t[i].used && range_at(p, i, &r) &&
		    resolve(&r, issue_date))
			found = true;
	if (!found)
		return false;
	mark(p, r.first, r.end);
	ev->dated = true;
	ev->y1 = r.a.y;
	ev->m1 = r.a.m;
	ev->d1 = r.a.d;
	ev->y2 = r.b.y;
	ev->m2 = r.b.m;
	ev->d2 = r.b.d;
	for (i = 0; i < p->n; i++) {
		if (p->t[i].used || !times_at(p, s, i, &tr))
			continue;
		mark(p, tr.first, tr.last);
		ev->start_min = tr.start;
		ev->end_min = tr.end;
		if (tr.zone != NULL) {
			ev->tzid = tr.zone->tzid;
			ev->zone = tr.zone->name;
		}
		break;
	}
	ev->all_day = ev->start_min == -1;
	return true;
}

int
events_parse_date(const char *text, time_t issue_date, struct event *out)
{
	struct toks ts = { 0 };
	struct parse p;
	bool dated;

	tokenize(text, &ts);
	p.t = ts.t;
	p.n = ts.n;
	dated = parse_when(&p, text, issue_date, out);
	free(ts.t);
	return dated ? 1 : 0;
}

/* Places. */

static const char *const street_words[] = {
	"alley", "ave", "avenue", "blvd", "boulevard", "court", "ct", "dr",
	"drive", "lane", "ln", "parkway", "pkwy", "pl", "place", "plaza",
	"rd", "road", "sq", "square", "st", "street", "way",
};

/* Capitalised words that are not the name of a place. */
static const char *const not_places[] = {
	"chinese", "english", "french", "german", "italian", "japanese",
	"portuguese", "russian", "spanish", "the", "this", "our", "your",
	"q1", "q2", "q3", "q4",
};

static bool
in_list(const char *w, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return true;
	return false;
}

/* "St." "Mt." "Ft.": an abbreviation whose full stop ends no
 * sentence. */
static bool
abbrev_at(const struct parse *p, size_t i)
{
	return (word(p, i, "st") || word(p, i, "mt") || word(p, i, "ft")) &&
	    p->t[i].cap && sym(p, i + 1, '.') && glued(p, i + 1);
}

/* A word that can be part of a name: capitalised, not a month or a
 * weekday. */
static bool
name_word(const struct parse *p, size_t i)
{
	size_t k;

	if (i >= p->n || p->t[i].kind != T_WORD || !p->t[i].cap ||
	    p->t[i].used)
		return false;
	if (month_at(p, i, &k) != 0 || weekday_at(p, i, &k))
		return false;
	return true;
}

/* Capitalised words from i ("Mesosphere HQ", "University of Chicago",
 * "Bay Area"): returns the index past them, i when none. */
static size_t
name_run(const struct parse *p, size_t i)
{
	size_t j = i;

	for (;;) {
		if (abbrev_at(p, j) && name_word(p, j + 2))
			j += 2;		/* "St. Louis" */
		else if (name_word(p, j) || (j > i && (word(p, j, "of") ||
		    sym(p, j, '&') || word(p, j, "de")) &&
		    name_word(p, j + 1)))
			j++;
		else
			break;
	}
	return j;
}

/* What may follow a place's name: the end, punctuation, or a word that
 * starts another phrase ("at Airbnb in San Francisco"). */
static bool
name_ends(const struct parse *p, size_t j)
{
	static const char *const after[] = {
		"in", "on", "near", "from", "for", "with", "and", "at", "to",
		"during", "starting", "this", "next",
	};

	if (j >= p->n || p->t[j].kind == T_SYM || p->t[j].kind == T_NUM)
		return true;
	return in_list(p->t[j].w, after, nitems(after)) || p->t[j].used;
}

static void
add_span(struct buf *b, const char *s, const struct parse *p, size_t i,
    size_t j)
{
	if (b->len > 0)
		buf_adds(b, ", ");
	buf_add(b, s + p->t[i].off, p->t[j - 1].end - p->t[i].off);
}

/* "145A Hampshire St, San Francisco": a number, names, a street word,
 * and the city after a comma. */
static bool
address_at(const struct parse *p, size_t i, size_t *end)
{
	size_t j = i + 1, k;

	if (!num(p, i) || p->t[i].used || p->t[i].ndig > 5)
		return false;
	/* "145A" */
	if (j < p->n && p->t[j].kind == T_WORD && !p->t[j].space &&
	    p->t[j].end - p->t[j].off == 1 && p->t[j].upper)
		j++;
	k = name_run(p, j);
	if (k == j || k - j > 4 || !in_list(p->t[k - 1].w, street_words,
	    nitems(street_words)))
		return false;
	if (sym(p, k, '.') && glued(p, k))
		k++;
	*end = k;
	if (sym(p, k, ',') && (j = name_run(p, k + 1)) > k + 1 &&
	    name_ends(p, j)) {
		*end = j;
		/* ", CA" */
		if (sym(p, j, ',') && j + 1 < p->n && p->t[j + 1].upper &&
		    p->t[j + 1].end - p->t[j + 1].off == 2)
			*end = j + 2;
	}
	return true;
}

static char *
find_place(const struct parse *p, const char *s)
{
	struct buf b = BUF_INIT;
	size_t i, j, k, venue = 0, venue_end = 0, city = 0, city_end = 0;
	size_t addr = 0, addr_end = 0;
	bool hv = false, hc = false, ha = false;

	for (i = 0; i < p->n; i++) {
		if (!ha && address_at(p, i, &k)) {
			ha = true;
			addr = i;
			addr_end = k;
			i = k - 1;
			continue;
		}
		if (!word(p, i, "at") && !word(p, i, "in"))
			continue;
		j = i + 1;
		if (word(p, j, "the"))
			j++;
		k = name_run(p, j);
		if (k == j || !name_ends(p, k) || in_list(p->t[j].w,
		    not_places, nitems(not_places)))
			continue;
		if (p->t[i].w[0] == 'i' && !hc) {
			/* "in Denver, Colorado", "in Chicago, IL" */
			if (sym(p, k, ',') && name_word(p, k + 1) &&
			    name_run(p, k + 1) == k + 2 && (k + 2 >= p->n ||
			    p->t[k + 2].kind == T_SYM))
				k += 2;
			hc = true;
			city = j;
			city_end = k;
		} else if (p->t[i].w[0] == 'a' && !hv) {
			hv = true;
			venue = j;
			venue_end = k;
		}
	}
	/* A name after the date and a comma, alone up to the next
	 * punctuation: "June 24-26, Portland: ...", "June 3-5, San Jose
	 * Convention Center", "November 17-21, Budapest, Hungary". */
	for (i = 1; !hc && !ha && i + 1 < p->n; i++) {
		if (!p->t[i - 1].used || p->t[i].used || !sym(p, i, ','))
			continue;
		k = name_run(p, i + 1);
		if (k == i + 1 || in_list(p->t[i + 1].w, not_places,
		    nitems(not_places)) || (k < p->n && (p->t[k].kind !=
		    T_SYM || p->t[k].sym == '(' || p->t[k].sym == '-')))
			continue;
		if (sym(p, k, ',') && (j = name_run(p, k + 1)) > k + 1 &&
		    (j == p->n || (p->t[j].kind == T_SYM &&
		    p->t[j].sym != '(' && p->t[j].sym != '-')))
			k = j;	/* ", Hungary" */
		hc = true;
		city = i + 1;
		city_end = k;
	}
	if (hv)
		add_span(&b, s, p, venue, venue_end);
	if (ha)
		add_span(&b, s, p, addr, addr_end);
	else if (hc)
		add_span(&b, s, p, city, city_end);
	if (b.len == 0)
		return NULL;
	buf_str(&b);
	return buf_detach(&b);
}

char *
events_find_place(const char *text)
{
	struct toks ts = { 0 };
	struct parse p;
	struct event ev;
	char *place;

	tokenize(text, &ts);
	p.t = ts.t;
	p.n = ts.n;
	/* Any issue date: the date's tokens matter here, not its year. */
	parse_when(&p, text, 0, &ev);
	place = find_place(&p, text);
	free(ts.t);
	return place;
}

/* Titles. */

static const char *const trailing_words[] = {
	"at", "on", "in", "from", "for", "the", "and", "starting", "is",
};

/* The leading phrase: from the first word that is not part of the date
 * to the first comma, colon, " - ", parenthesis, sentence end, or date. */
static char *
leading_phrase(const struct parse *p, const char *s)
{
	size_t i, j;

	for (i = 0; i < p->n && (p->t[i].used || p->t[i].kind == T_SYM); i++)
		;
	for (j = i; j < p->n && !p->t[j].used; j++) {
		if (p->t[j].kind != T_SYM)
			continue;
		if (strchr(",;:()!?[]|", p->t[j].sym) != NULL)
			break;
		if (p->t[j].sym == '.' && j > 0 && abbrev_at(p, j - 1))
			continue;
		if ((p->t[j].sym == '.' || p->t[j].sym == '-') &&
		    (j + 1 >= p->n || p->t[j + 1].space))
			break;
	}
	while (j > i && (p->t[j - 1].kind == T_SYM || (p->t[j - 1].kind ==
	    T_WORD && in_list(p->t[j - 1].w, trailing_words,
	    nitems(trailing_words)))))
		j--;
	if (j == i)
		return NULL;
	return xstrndup(s + p->t[i].off, p->t[j - 1].end - p->t[i].off);
}

/* Building events from a doc. */

struct item {
	struct buf	 text;
	uint32_t	*links;
	size_t		 nlinks, cap;
	size_t		 link_off;	/* where the first link's text starts */
	struct buf	 link_text;	/* the first link's text */
	uint32_t	 first_link;
	int		 first_block;
};

static void
item_add_link(struct item *it, uint32_t n)
{
	size_t i;

	for (i = 0; i < it->nlinks; i++)
		if (it->links[i] == n)
			return;
	if (it->nlinks == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 8;
		it->links = xreallocarray(it->links, it->cap,
		    sizeof *it->links);
	}
	it->links[it->nlinks++] = n;
}

/* Append a block's text to the item's, a space between blocks. */
static void
item_add_block(struct item *it, const struct doc *d,
    const struct doc_block *b)
{
	const struct doc_run *runs = doc_runs(d), *r;
	const char *text = doc_text(d);
	int i;

	if (b->type != DOC_PARA && b->type != DOC_HEADING &&
	    b->type != DOC_CODE)
		return;
	if (it->text.len > 0 && it->text.data[it->text.len - 1] != ' ')
		buf_addc(&it->text, ' ');
	for (i = 0; i < b->nruns; i++) {
		r = &runs[b->first_run + i];
		if (r->kind == DOC_RUN_LINKNUM)
			continue;
		if (r->kind == DOC_RUN_BREAK) {
			if (it->text.len > 0 &&
			    it->text.data[it->text.len - 1] != ' ')
				buf_addc(&it->text, ' ');
			continue;
		}
		if (r->link != 0) {
			if (it->first_link == 0) {
				it->first_link = r->link;
				it->link_off = it->text.len;
			}
			if (r->link == it->first_link &&
			    it->nlinks <= 1)
				buf_add(&it->link_text, text + r->off, r->len);
			item_add_link(it, r->link);
		}
		buf_add(&it->text, text + r->off, r->len);
	}
}

/* Words before a link that make it the title: "Join us at [MesosCon]". */
static bool
lead_in(const char *s, size_t len)
{
	static const char *const verbs[] = {
		"join", "come", "see", "meet", "visit", "attend", "catch",
	};
	size_t i, n;

	while (len > 0 && s[0] == ' ') {
		s++;
		len--;
	}
	if (len == 0)
		return true;
	/* "The [Bay Area Mesos User Group] meets" */
	if ((len == 4 && strncasecmp(s, "the ", 4) == 0) || (len == 2 &&
	    strncasecmp(s, "a ", 2) == 0))
		return true;
	if (len > 24 || memchr(s, ',', len) != NULL)
		return false;
	for (i = 0; i < nitems(verbs); i++) {
		n = strlen(verbs[i]);
		if (len >= n && strncasecmp(s, verbs[i], n) == 0 &&
		    (len == n || s[n] == ' '))
			return true;
	}
	return false;
}

static char *
clean_line(const char *s)
{
	return utf8_sanitize(s, strlen(s), UTF8_ONELINE);
}

static void
item_event(struct event_list *l, const struct doc *d, struct item *it,
    time_t issue_date, int section, int index)
{
	struct toks ts = { 0 };
	struct parse p;
	struct event *ev;
	char *title = NULL;
	size_t i, n;

	buf_str(&it->text);
	buf_str(&it->link_text);
	if (it->text.len == 0)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->ev = xreallocarray(l->ev, l->cap, sizeof *l->ev);
	}
	ev = &l->ev[l->n++];
	memset(ev, 0, sizeof *ev);
	ev->text = clean_line(it->text.data);
	tokenize(ev->text, &ts);
	p.t = ts.t;
	p.n = ts.n;
	parse_when(&p, ev->text, issue_date, ev);
	ev->place = find_place(&p, ev->text);
	/* The first link names the event when the item starts with it
	 * ("[ApacheCon](...), April 7-9") or only a verb comes before it
	 * ("Join us at [MesosCon]"), or when the item starts with its
	 * date; else the leading phrase ("BBQ at Mesosphere HQ", whose
	 * link "our team" is further on). */
	if (it->first_link != 0 && it->link_text.len > 0 &&
	    (lead_in(it->text.data, it->link_off) ||
	    (p.n > 0 && p.t[0].used)))
		title = xstrdup(it->link_text.data);
	if (title == NULL)
		title = leading_phrase(&p, ev->text);
	if (title == NULL && it->link_text.len > 0)
		title = xstrdup(it->link_text.data);
	if (title == NULL)
		title = xstrndup(ev->text, 60);
	ev->title = clean_line(title);
	free(title);
	/* "two sessions at [OSCON], Portland": the title is no place. */
	if (ev->place != NULL && (n = strlen(ev->title)) > 0 &&
	    strncmp(ev->place, ev->title, n) == 0 && ev->place[n] == ',') {
		memmove(ev->place, ev->place + n + 2,
		    strlen(ev->place + n + 2) + 1);
	}
	free(ts.t);
	ev->links = xreallocarray(NULL, it->nlinks + 1, sizeof *ev->links);
	for (i = 0; i < it->nlinks; i++)
		ev->links[ev->nlinks++] = xstrdup(doc_link(d,
		    (int)it->links[i])->url);
	ev->url = ev->nlinks > 0 ? ev->links[0] : NULL;
	ev->section = section;
	ev->item = index;
	ev->block = it->first_block;
}

static void
item_reset(struct item *it)
{
	buf_reset(&it->text);
	buf_reset(&it->link_text);
	it->nlinks = 0;
	it->first_link = 0;
	it->link_off = 0;
}

/* Whether a section's name holds one of the words, as whole words. */
static bool
names_events(const char *name, const char *const *words)
{
	const char *p;
	size_t n;

	for (; *words != NULL; words++) {
		n = strlen(*words);
		for (p = name; (p = strcasestr(p, *words)) != NULL; p++)
			if ((p == name || !isalnum((unsigned char)p[-1])) &&
			    !isalnum((unsigned char)p[n]))
				return true;
	}
	return false;
}

/* The outermost list item block b is in, or -1. */
static int
outer_item(const struct doc *d, const struct doc_block *b)
{
	int i;

	for (i = 0; i < b->depth; i++)
		if (doc_frame(d, b, i)->type == DOC_ITEM)
			return doc_frame_index(d, b, i);
	return -1;
}

struct event_list *
events_from_doc(const struct doc *d, time_t issue_date,
    const char *const *words)
{
	struct event_list *l;
	struct item it;
	const struct doc_block *b;
	int s, i, end, cur = -1, item, index = 0;

	l = xcalloc(1, sizeof *l);
	memset(&it, 0, sizeof it);
	if (words == NULL)
		words = events_default_words;
	for (s = 0; s < doc_nsections(d); s++) {
		if (!names_events(doc_section_name(d, s), words))
			continue;
		i = doc_section_block(d, s);
		end = s + 1 < doc_nsections(d) ? doc_section_block(d, s + 1) :
		    doc_nblocks(d);
		for (; i < end; i++) {
			b = doc_block(d, i);
			item = outer_item(d, b);
			if (item != cur && cur != -1) {
				item_event(l, d, &it, issue_date, s, index++);
				item_reset(&it);
			}
			if (item != -1 && item != cur)
				it.first_block = i;
			cur = item;
			if (item != -1)
				item_add_block(&it, d, b);
		}
		if (cur != -1) {
			item_event(l, d, &it, issue_date, s, index++);
			item_reset(&it);
		}
		cur = -1;
	}
	buf_free(&it.text);
	buf_free(&it.link_text);
	free(it.links);
	return l;
}

size_t
events_count(const struct event_list *l)
{
	return l->n;
}

const struct event *
events_get(const struct event_list *l, size_t i)
{
	return i < l->n ? &l->ev[i] : NULL;
}

void
events_free(struct event_list *l)
{
	size_t i, j;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->ev[i].title);
		free(l->ev[i].text);
		free(l->ev[i].place);
		for (j = 0; j < l->ev[i].nlinks; j++)
			free(l->ev[i].links[j]);
		free(l->ev[i].links);
	}
	free(l->ev);
	free(l);
}
