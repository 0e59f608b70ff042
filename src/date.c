/* date.c - RFC 822 and RFC 3339 dates as found in feeds. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "feed.h"

/* NOTE: sorted by name for bsearch. */
static const struct zone {
	const char	*name;
	int		 minutes;
} zones[] = {
	{ "ACDT", 630 }, { "ACST", 570 }, { "ADT", -180 }, { "AEDT", 660 },
	{ "AEST", 600 }, { "AKDT", -480 }, { "AKST", -540 }, { "AST", -240 },
	{ "AWST", 480 }, { "BST", 60 }, { "CDT", -300 }, { "CEST", 120 },
	{ "CET", 60 }, { "CST", -360 }, { "EDT", -240 }, { "EEST", 180 },
	{ "EET", 120 }, { "EST", -300 }, { "GMT", 0 }, { "HST", -600 },
	{ "IST", 330 }, { "JST", 540 }, { "MDT", -360 }, { "MSK", 180 },
	{ "MST", -420 }, { "NZDT", 780 }, { "NZST", 720 }, { "PDT", -420 },
	{ "PST", -480 }, { "UT", 0 }, { "UTC", 0 }, { "WEST", 60 },
	{ "WET", 0 }, { "Z", 0 },
};

static const char *months[] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec",
};

static int
zonecmp(const void *key, const void *elem)
{
	return strcasecmp(key, ((const struct zone *)elem)->name);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long long
days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static time_t
make_time(int y, int mon, int d, int h, int mi, int s, int offset_min)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long long t;

	if (y < 1 || y > 9999 || mon < 1 || mon > 12 || d < 1 ||
	    d > mdays[mon - 1] || (mon == 2 && d == 29 && (y % 4 != 0 ||
	    (y % 100 == 0 && y % 400 != 0))) || h < 0 || h > 24 ||
	    mi < 0 || mi > 59 || s < 0 || s > 60)
		return (time_t)-1;
	t = days_from_civil(y, mon, d) * 86400LL + h * 3600 + mi * 60 + s;
	t -= offset_min * 60LL;
	return (time_t)t;
}

static int
num(const char **p, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (isdigit((unsigned char)**p) && n < max) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min)
		return -1;
	*out = v;
	return 0;
}

static void
skipws(const char **p)
{
	while (isspace((unsigned char)**p))
		(*p)++;
}

/* HH:MM[:SS], the hour with at least hmin digits; 0 or -1. */
static int
clock_time(const char **p, int hmin, int *h, int *mi, int *s)
{
	*s = 0;
	if (num(p, hmin, 2, h) == -1 || *(*p)++ != ':' ||
	    num(p, 2, 2, mi) == -1)
		return -1;
	if (**p == ':') {
		(*p)++;
		if (num(p, 2, 2, s) == -1)
			return -1;
	}
	return 0;
}

/* "+hhmm", "-hh:mm", "Z", or a zone name; 0 and *minutes set, or -1. */
static int
zone(const char **p, int *minutes)
{
	const struct zone *z;
	char name[8];
	int sign, h, m = 0, n;

	skipws(p);
	if (**p == '+' || **p == '-') {
		sign = **p == '-' ? -1 : 1;
		(*p)++;
		if (num(p, 2, 2, &h) == -1)
			return -1;
		if (**p == ':')
			(*p)++;
		if (isdigit((unsigned char)**p) && num(p, 2, 2, &m) == -1)
			return -1;
		*minutes = sign * (h * 60 + m);
		return 0;
	}
	for (n = 0; isalpha((unsigned char)(*p)[n]) && n < 7; n++)
		name[n] = (*p)[n];
	name[n] = '\0';
	if (n == 0) {
		*minutes = 0;	/* no zone: take it as UTC */
		return 0;
	}
	z = bsearch(name, zones, sizeof zones / sizeof zones[0],
	    sizeof zones[0], zonecmp);
	if (z == NULL)
		return -1;
	*p += n;
	*minutes = z->minutes;
	return 0;
}

/* The time made of the fields when only white space follows them. */
static time_t
at_end(const char *p, int y, int mo, int d, int h, int mi, int s, int off)
{
	skipws(&p);
	if (*p != '\0')
		return (time_t)-1;
	return make_time(y, mo, d, h, mi, s, off);
}

/* 2014-03-20, 2014-03-20T10:00:00Z, 2014-03-20 10:00:00.123+01:00 */
static time_t
parse_3339(const char *p)
{
	int y, mo, d, h = 0, mi = 0, s = 0, off = 0;

	if (num(&p, 4, 4, &y) == -1 || *p++ != '-' ||
	    num(&p, 2, 2, &mo) == -1 || *p++ != '-' ||
	    num(&p, 2, 2, &d) == -1)
		return (time_t)-1;
	if (*p == 'T' || *p == 't' || (*p == ' ' &&
	    isdigit((unsigned char)p[1]))) {
		p++;
		if (clock_time(&p, 2, &h, &mi, &s) == -1)
			return (time_t)-1;
		if (*p == '.' || *p == ',') {
			p++;
			while (isdigit((unsigned char)*p))
				p++;
		}
		if (zone(&p, &off) == -1)
			return (time_t)-1;
	}
	return at_end(p, y, mo, d, h, mi, s, off);
}

/* [Wdy,] DD Mon YYYY HH:MM[:SS] zone */
static time_t
parse_822(const char *p)
{
	int y, mo, d, h, mi, s = 0, off = 0, i;

	skipws(&p);
	if (isalpha((unsigned char)*p)) {
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
		skipws(&p);
	}
	if (num(&p, 1, 2, &d) == -1)
		return (time_t)-1;
	skipws(&p);
	if (*p == '-')
		p++;
	for (i = 0, mo = 0; i < 12; i++)
		if (strncasecmp(p, months[i], 3) == 0) {
			mo = i + 1;
			break;
		}
	if (mo == 0)
		return (time_t)-1;
	while (isalpha((unsigned char)*p))
		p++;
	skipws(&p);
	if (*p == '-')
		p++;
	if (num(&p, 2, 4, &y) == -1)
		return (time_t)-1;
	if (y < 100)	/* RFC 822 two-digit years (RFC 2822 4.3) */
		y += y < 50 ? 2000 : 1900;
	skipws(&p);
	if (*p == '\0')
		return make_time(y, mo, d, 0, 0, 0, 0);
	if (clock_time(&p, 1, &h, &mi, &s) == -1)
		return (time_t)-1;
	if (zone(&p, &off) == -1)
		return (time_t)-1;
	return at_end(p, y, mo, d, h, mi, s, off);
}

time_t
feed_parse_date(const char *s)
{
	if (s == NULL)
		return (time_t)-1;
	skipws(&s);
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    s[4] == '-')
		return parse_3339(s);
	return parse_822(s);
}
