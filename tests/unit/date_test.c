/* date_test.c - feed_parse_date: RFC 822/1123 and RFC 3339 dates. */
#include "config.h"

#include <time.h>

#include "feed.h"
#include "harness.h"

/* 2014-03-20T10:00:00Z, the day of the first community update. */
#define T0	((time_t)1395309600)

/* The oracle: glibc's timegm on a broken-down UTC time. */
static time_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { 0 };

	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

static void
date_is(const char *s, time_t want, int line)
{
	time_t got;

	got = feed_parse_date(s);
	if (got != want)
		OK(0, "line %d: \"%s\": got %lld want %lld", line,
		    s ? s : "(null)", (long long)got, (long long)want);
	else
		OK(1, "ok");
}
#define DATE(s, want) date_is(s, want, __LINE__)
#define BAD(s) date_is(s, (time_t)-1, __LINE__)

static void
test_rfc822(void)
{
	INT_EQ(utc(2014, 3, 20, 10, 0, 0), T0);

	/* The full form, with and without weekday and seconds. */
	DATE("Thu, 20 Mar 2014 10:00:00 +0000", T0);
	DATE("20 Mar 2014 10:00:00 +0000", T0);
	DATE("Thu, 20 Mar 2014 10:00 +0000", T0);
	DATE("20 Mar 2014 10:00 +0000", T0);
	DATE("Thu,20 Mar 2014 10:00:00 +0000", T0);
	DATE("  Thu, 20 Mar 2014 10:00:00 +0000  ", T0);
	DATE("Thu, 20 Mar 2014 10:00:05 +0000", T0 + 5);
	DATE("Thu, 20 Mar 2014 10:00:59 +0000", T0 + 59);
	/* Numeric zones. */
	DATE("Thu, 20 Mar 2014 11:00:00 +0100", T0);
	DATE("Thu, 20 Mar 2014 02:30:00 -0730", T0);
	DATE("Thu, 20 Mar 2014 15:30:00 +0530", T0);
	DATE("Thu, 20 Mar 2014 10:00:00 -0000", T0);
	DATE("Fri, 21 Mar 2014 00:00:00 +1400", T0);
	/* Obsolete zone names (RFC 822 5.1). */
	DATE("Thu, 20 Mar 2014 10:00:00 GMT", T0);
	DATE("Thu, 20 Mar 2014 10:00:00 UT", T0);
	DATE("Thu, 20 Mar 2014 10:00:00 UTC", T0);
	DATE("Thu, 20 Mar 2014 10:00:00 Z", T0);
	DATE("Thu, 20 Mar 2014 05:00:00 EST", T0);
	DATE("Thu, 20 Mar 2014 06:00:00 EDT", T0);
	DATE("Thu, 20 Mar 2014 04:00:00 CST", T0);
	DATE("Thu, 20 Mar 2014 05:00:00 CDT", T0);
	DATE("Thu, 20 Mar 2014 03:00:00 MST", T0);
	DATE("Thu, 20 Mar 2014 04:00:00 MDT", T0);
	DATE("Thu, 20 Mar 2014 02:00:00 PST", T0);
	DATE("Thu, 20 Mar 2014 03:00:00 PDT", T0);
	DATE("Thu, 20 Mar 2014 10:00:00 gmt", T0);
	DATE("Thu, 20 Mar 2014 03:00:00 pdt", T0);
	/* Case, single-digit days, full month names. */
	DATE("thu, 20 mar 2014 10:00:00 GMT", T0);
	DATE("THU, 20 MAR 2014 10:00:00 GMT", T0);
	DATE("Tue, 1 Apr 2014 00:00:00 GMT", utc(2014, 4, 1, 0, 0, 0));
	DATE("Tue, 01 Apr 2014 00:00:00 GMT", utc(2014, 4, 1, 0, 0, 0));
	DATE("Thursday, 20 March 2014 10:00:00 GMT", T0);
	DATE("Thu, 20 Mar 2014 9:00:00 -0100", T0);
	/* Two-digit years (RFC 2822 4.3). */
	DATE("Thu, 20 Mar 14 10:00:00 GMT", T0);
	DATE("Fri, 01 Jan 99 00:00:00 GMT", utc(1999, 1, 1, 0, 0, 0));
	DATE("Sat, 01 Jan 00 00:00:00 GMT", utc(2000, 1, 1, 0, 0, 0));
	DATE("Wed, 31 Dec 49 23:59:59 GMT", utc(2049, 12, 31, 23, 59, 59));
	DATE("Sun, 01 Jan 50 00:00:00 GMT", utc(1950, 1, 1, 0, 0, 0));
	/* A date without a time is midnight; without a zone, UTC. */
	DATE("20 Mar 2014", utc(2014, 3, 20, 0, 0, 0));
	DATE("Thu, 20 Mar 2014 10:00:00", T0);
	/* Every month. */
	DATE("15 Jan 2014 00:00 GMT", utc(2014, 1, 15, 0, 0, 0));
	DATE("15 Feb 2014 00:00 GMT", utc(2014, 2, 15, 0, 0, 0));
	DATE("15 May 2014 00:00 GMT", utc(2014, 5, 15, 0, 0, 0));
	DATE("15 Jun 2014 00:00 GMT", utc(2014, 6, 15, 0, 0, 0));
	DATE("15 Jul 2014 00:00 GMT", utc(2014, 7, 15, 0, 0, 0));
	DATE("15 Aug 2014 00:00 GMT", utc(2014, 8, 15, 0, 0, 0));
	DATE("15 Sep 2014 00:00 GMT", utc(2014, 9, 15, 0, 0, 0));
	DATE("15 Oct 2014 00:00 GMT", utc(2014, 10, 15, 0, 0, 0));
	DATE("15 Nov 2014 00:00 GMT", utc(2014, 11, 15, 0, 0, 0));
	DATE("15 Dec 2014 00:00 GMT", utc(2014, 12, 15, 0, 0, 0));
	/* Leap days, and the zone carrying the time over a year end. */
	DATE("Tue, 29 Feb 2000 12:00:00 GMT", utc(2000, 2, 29, 12, 0, 0));
	DATE("Wed, 31 Dec 2014 23:30:00 -0100", utc(2015, 1, 1, 0, 30, 0));
	/* Past 2038. */
	DATE("Sun, 01 Jan 2040 00:00:00 GMT", utc(2040, 1, 1, 0, 0, 0));
}

static void
test_rfc3339(void)
{
	DATE("2014-03-20T10:00:00Z", T0);
	DATE("2014-03-20T10:00:00z", T0);
	DATE("2014-03-20t10:00:00Z", T0);
	DATE("2014-03-20T10:00:00+00:00", T0);
	DATE("2014-03-20T10:00:00-00:00", T0);
	DATE("2014-03-20T11:00:00+01:00", T0);
	DATE("2014-03-20T03:00:00-07:00", T0);
	DATE("2014-03-20T15:30:00+05:30", T0);
	DATE("2014-03-19T23:00:00-11:00", T0);
	DATE("2014-03-21T00:00:00+14:00", T0);
	/* Fractions of a second are dropped. */
	DATE("2014-03-20T10:00:00.5Z", T0);
	DATE("2014-03-20T10:00:00.123Z", T0);
	DATE("2014-03-20T10:00:00.999999999+00:00", T0);
	DATE("2014-03-20T11:00:00.250+01:00", T0);
	/* Seconds. */
	DATE("2014-03-20T10:00:42Z", T0 + 42);
	/* Date only: midnight UTC. */
	DATE("2014-03-20", utc(2014, 3, 20, 0, 0, 0));
	DATE("2014-12-31", utc(2014, 12, 31, 0, 0, 0));
	/* Forms feeds and Jekyll front matter use. */
	DATE("2014-03-20 10:00:00 +0000", T0);
	DATE("2014-03-20 03:00:00 -0700", T0);
	DATE("2014-03-20 10:00:00Z", T0);
	DATE("2014-03-20T11:00:00+0100", T0);
	DATE("2014-03-20T10:00Z", T0);
	DATE("2014-03-20T10:00:00", T0);
	DATE("  2014-03-20T10:00:00Z \n", T0);
	DATE("2000-02-29T00:00:00Z", utc(2000, 2, 29, 0, 0, 0));
	DATE("2040-01-01T00:00:00Z", utc(2040, 1, 1, 0, 0, 0));
}

static void
test_garbage(void)
{
	BAD(NULL);
	BAD("");
	BAD("   ");
	BAD("yesterday");
	BAD("Thursday at noon");
	BAD("sometime in spring 2014");
	BAD("1395309600");
	BAD("2014");
	BAD("2014-03");
	BAD("2014/03/20");
	BAD("20/03/2014");
	BAD("2014-3-20");
	BAD("2014-13-01");
	BAD("2014-00-10");
	BAD("2014-03-00");
	BAD("2014-03-32");
	BAD("2014-04-31");
	BAD("2014-02-30");
	BAD("2014-02-29");		/* 2014 is not a leap year */
	BAD("2100-02-29");		/* nor is 2100 */
	BAD("2014-03-20T25:00:00Z");
	BAD("2014-03-20T10:60:00Z");
	BAD("2014-03-20T10:00:61Z");
	BAD("2014-03-20T10Z");
	BAD("2014-03-20Tnoon");
	BAD("2014-03-20T10:00:00Zjunk");
	BAD("2014-03-20T10:00:00+1");
	BAD("2014-03-20T10:00:00+01:0x");
	BAD("2014-03-20 junk");
	BAD("Thu, 32 Mar 2014 10:00:00 GMT");
	BAD("Thu, 20 Foo 2014 10:00:00 GMT");
	BAD("Thu, 20 Mar 2014 25:00:00 GMT");
	BAD("Thu, 20 Mar 2014 10:61:00 GMT");
	BAD("Thu, 20 Mar 2014 10:00:00 +0000 trailing");
	BAD("Thu, 20 Mar 2014 10:00:00 +");
	BAD("Thu, 20 Mar 2014 10");
	BAD("Thu, Mar 2014 10:00:00 GMT");
	BAD("Thu, 20 2014 10:00:00 GMT");
	BAD("Thu, 29 Feb 2014 10:00:00 GMT");
	BAD("\x1b[31m2014-03-20");
	BAD("2014-03-20T10:00:00\xef\xbf\xbd");
}

int
main(void)
{
	HARNESS_INIT();
	test_rfc822();
	test_rfc3339();
	test_garbage();
	DONE();
}
