/* events_test.c - the event parser against lines in the styles of real
 * newsletters (Mesos community updates, meetup announcements): each
 * with the issue's date and exactly what must come out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "doc.h"
#include "events.h"
#include "harness.h"
#include "util.h"

/* "2014-03-28/2014-03-28 18:00-20:00 America/Los_Angeles", "... all-day
 * floating", or "undated". */
static void
describe(const struct event *ev, char *buf, size_t size)
{
	char t[32];

	if (!ev->dated) {
		snprintf(buf, size, "undated");
		return;
	}
	if (ev->start_min < 0)
		snprintf(t, sizeof t, "all-day");
	else if (ev->end_min < 0)
		snprintf(t, sizeof t, "%02d:%02d", ev->start_min / 60,
		    ev->start_min % 60);
	else
		snprintf(t, sizeof t, "%02d:%02d-%02d:%02d",
		    ev->start_min / 60, ev->start_min % 60, ev->end_min / 60,
		    ev->end_min % 60);
	snprintf(buf, size, "%04d-%02d-%02d/%04d-%02d-%02d %s %s", ev->y1,
	    ev->m1, ev->d1, ev->y2, ev->m2, ev->d2, t,
	    ev->tzid != NULL ? ev->tzid : "floating");
}

static time_t
day(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (sscanf(s, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return (time_t)-1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	tm.tm_hour = 12;
	return timegm(&tm);
}

static const struct {
	const char	*issue;		/* the issue's date */
	const char	*text;
	const char	*want;
} dates[] = {
	/* Community Update #1 */
	{ "2014-03-20", "BBQ at Mesosphere HQ, 6-8 pm, March 28th. Come "
	    "join us for a low-key BBQ. 145A Hampshire St, San Francisco "
	    "(near Potrero @ 15th).",
	    "2014-03-28/2014-03-28 18:00-20:00 floating" },
	{ "2014-03-20", "ApacheCon, April 7-9 in Denver. Come see two Mesos "
	    "presentations.",
	    "2014-04-07/2014-04-09 all-day floating" },
	/* ranges within and across months */
	{ "2014-06-01", "MesosCon, Aug 21 - Aug 22 in Chicago",
	    "2014-08-21/2014-08-22 all-day floating" },
	{ "2014-08-01", "Hackathon Aug 31 - Sep 1 at Twitter HQ",
	    "2014-08-31/2014-09-01 all-day floating" },
	{ "2014-03-20", "ApacheCon, April 7 through April 9",
	    "2014-04-07/2014-04-09 all-day floating" },
	{ "2014-08-01", "Sept. 9-11: Strange Loop in St. Louis",
	    "2014-09-09/2014-09-11 all-day floating" },
	{ "2014-09-01", "Kickoff 10am, Oct 3rd\xe2\x80\x93" "5th, Barcelona",
	    "2014-10-03/2014-10-05 10:00 floating" },
	{ "2014-05-01", "Mesos meetup in London, June 3rd & 4th",
	    "2014-06-03/2014-06-04 all-day floating" },
	{ "2014-05-01", "Two evenings, June 3rd and 4th, at Airbnb",
	    "2014-06-03/2014-06-04 all-day floating" },
	/* day first */
	{ "2015-05-10", "ContainerCamp, 30 June - 2 July, London",
	    "2015-06-30/2015-07-02 all-day floating" },
	{ "2015-09-01", "MesosCon Europe, 26-27 October in Dublin",
	    "2015-10-26/2015-10-27 all-day floating" },
	{ "2014-07-01", "London meetup 16th of July, 6.30pm BST",
	    "2014-07-16/2014-07-16 18:30 Europe/London" },
	{ "2014-05-01", "Paris Mesos meetup, 12 June 2014, 19h00 CEST",
	    "2014-06-12/2014-06-12 19:00 Europe/Berlin" },
	{ "2014-08-20", "Talk at IIT Bombay, 5 Sept, 3 pm IST",
	    "2014-09-05/2014-09-05 15:00 Asia/Kolkata" },
	/* weekdays */
	{ "2014-03-20", "Bay Area Mesos User Group, Thursday, March 27, 7pm "
	    "at Twitter",
	    "2014-03-27/2014-03-27 19:00 floating" },
	{ "2014-03-20", "Thursday, March 27",
	    "2014-03-27/2014-03-27 all-day floating" },
	{ "2014-10-20", "Tokyo meetup Sat, Nov 8, 13:00-17:00 JST",
	    "2014-11-08/2014-11-08 13:00-17:00 Asia/Tokyo" },
	{ "2014-05-20", "midnight release party, Friday, May 30",
	    "2014-05-30/2014-05-30 00:00 floating" },
	{ "2014-04-20", "Lunch talk at noon, Friday May 2, at Airbnb",
	    "2014-05-02/2014-05-02 12:00 floating" },
	/* years: explicit, or the first on or after the issue */
	{ "2014-12-05", "January 16th: Mesos meetup in Hamburg",
	    "2015-01-16/2015-01-16 all-day floating" },
	{ "2014-12-01", "Dec 30 - Jan 2 hack week",
	    "2014-12-30/2015-01-02 all-day floating" },
	{ "2014-12-01", "Strata, Feb 11-13, 2015, San Jose",
	    "2015-02-11/2015-02-13 all-day floating" },
	{ "2014-11-01", "The CFP for MesosCon closes May 1, 2015",
	    "2015-05-01/2015-05-01 all-day floating" },
	{ "2014-03-20", "Meetup Mar 18-20 in Austin",
	    "2014-03-18/2014-03-20 all-day floating" },
	/* a week before the issue is still this year's: just happened */
	{ "2014-03-20", "Meetup March 13 in Austin",
	    "2014-03-13/2014-03-13 all-day floating" },
	{ "2014-03-20", "Meetup March 12 in Austin",
	    "2015-03-12/2015-03-12 all-day floating" },
	{ "2014-01-03", "Hack week Dec 29 - Jan 2",
	    "2013-12-29/2014-01-02 all-day floating" },
	{ "2014-08-01", "Meetup August 5th, 2014 at 18h30",
	    "2014-08-05/2014-08-05 18:30 floating" },
	{ "2014-03-20", "Mesos at OSCON, July 20-24, 2014, Portland",
	    "2014-07-20/2014-07-24 all-day floating" },
	/* numeric dates */
	{ "2014-04-01", "Hands-on workshop on 4/15/2014, 9am-5pm PT",
	    "2014-04-15/2014-04-15 09:00-17:00 America/Los_Angeles" },
	{ "2014-04-10", "Office hours Tuesday 4/22, 10-11 am PDT",
	    "2014-04-22/2014-04-22 10:00-11:00 America/Los_Angeles" },
	{ "2014-06-01", "Docker meetup, 6/10/14, 6pm",
	    "2014-06-10/2014-06-10 18:00 floating" },
	{ "2014-11-01", "Workshop 12/5/2014 at the Computer History Museum",
	    "2014-12-05/2014-12-05 all-day floating" },
	{ "2014-11-01", "Berlin meetup 25/11/2014, 19:00 CET",
	    "2014-11-25/2014-11-25 19:00 Europe/Berlin" },
	{ "2014-09-01", "Datacenter summit 2014-09-18, 18:30-21:00 UTC",
	    "2014-09-18/2014-09-18 18:30-21:00 UTC" },
	/* times and zones */
	{ "2014-05-01", "Webinar: Mesos 0.19 deep dive, May 14 at 6.30 PM ET",
	    "2014-05-14/2014-05-14 18:30 America/New_York" },
	{ "2014-05-01", "Meetup May 6, 7:30pm-9:30pm (PST)",
	    "2014-05-06/2014-05-06 19:30-21:30 America/Los_Angeles" },
	{ "2014-05-20", "Mesos track, Wednesday 11-1 pm CT, June 4",
	    "2014-06-04/2014-06-04 11:00-13:00 America/Chicago" },
	{ "2014-05-20", "Meetup in Boulder, June 12, 6 p.m. MT",
	    "2014-06-12/2014-06-12 18:00 America/Denver" },
	{ "2014-05-20", "Call for papers deadline: Friday, June 6 11:59pm PDT",
	    "2014-06-06/2014-06-06 23:59 America/Los_Angeles" },
	{ "2014-06-20", "Meetup, 6:30 - 9 PM EDT, Thursday July 10",
	    "2014-07-10/2014-07-10 18:30-21:00 America/New_York" },
	{ "2014-03-20", "Talks from 6 to 8 pm on Tuesday, April 1",
	    "2014-04-01/2014-04-01 18:00-20:00 floating" },
	{ "2014-03-20", "Meetup April 3, 7pm Pacific time",
	    "2014-04-03/2014-04-03 19:00 America/Los_Angeles" },
	{ "2014-03-20", "Meetup April 3, 7pm UTC+2",
	    "2014-04-03/2014-04-03 19:00 floating" },
	{ "2014-03-01", "Two days, March 31 & April 1, in Austin",
	    "2014-03-31/2014-04-01 all-day floating" },
	{ "2014-03-01", "Conference between April 7 and 9 in Denver",
	    "2014-04-07/2014-04-09 all-day floating" },
	{ "2014-03-01", "Meetups on April 7 and 9 in Denver",
	    "2014-04-07/2014-04-07 all-day floating" },
	{ "2014-03-01", "Thursday the 27th of March, 7 PM",
	    "2014-03-27/2014-03-27 19:00 floating" },
	{ "2014-03-01", "Meetup 3/26 at Twitter, 6:30pm",
	    "2014-03-26/2014-03-26 18:30 floating" },
	{ "2014-03-01", "Meetup 2014/04/07, 19.00-21.00 CET",
	    "2014-04-07/2014-04-07 19:00-21:00 Europe/Berlin" },
	{ "2014-03-01", "Meetup April 8, 18:00 Central European Time",
	    "2014-04-08/2014-04-08 18:00 Europe/Berlin" },
	{ "2014-03-01", "Thu-Fri, June 5-6, 9am-5pm HST",
	    "2014-06-05/2014-06-06 09:00-17:00 Pacific/Honolulu" },
	/* no date that can be trusted */
	{ "2014-03-20", "Meetup 4/5 at Twitter", "undated" },
	{ "2014-03-20", "Mesos 1.14/16 notes", "undated" },
	{ "2014-03-20", "Meetup next Thursday at 7pm", "undated" },
	{ "2014-03-20", "Mesos day in mid-May or early June", "undated" },
	{ "2015-01-10", "Meetup on Feb 29", "undated" },
	{ "2014-03-20", "Mesos 0.19.0 is coming in Q3", "undated" },
	{ "2014-03-20", "More meetups soon", "undated" },
	{ "2014-03-20", "Next month: a Mesos meetup in Seattle", "undated" },
	{ "2014-03-20", "24/7 support for Mesos clusters", "undated" },
	{ "2014-03-20", "ApacheCon 2015 dates to be announced", "undated" },
	{ "2014-03-20", "Talk at 7pm, place TBD", "undated" },
	{ "2014-03-20", "May 2014: meetups in five cities", "undated" },
	{ "2014-03-20", "You may join us at Airbnb", "undated" },
	{ "2014-03-20", "Version 0.18.0 released on the 3rd", "undated" },
	{ "2014-03-20", "Hackathon Saturday 9 am to 5 pm", "undated" },
	{ "2014-03-20", "Gathering on the 3rd and 4th", "undated" },
	{ "2014-03-20", "Meetup April 9-7", "undated" },
	{ "2014-03-20", "Spring 2014, somewhere in Europe", "undated" },
	/* no issue date: no year to give a date without one */
	{ "", "Meetup March 28th", "undated" },
	{ "", "Meetup March 28th, 2014",
	    "2014-03-28/2014-03-28 all-day floating" },
};

static void
test_dates(void)
{
	struct event ev;
	char got[128];
	size_t i;
	int r;

	for (i = 0; i < nitems(dates); i++) {
		memset(&ev, 0, sizeof ev);
		r = events_parse_date(dates[i].text, day(dates[i].issue), &ev);
		describe(&ev, got, sizeof got);
		if (strcmp(got, dates[i].want) != 0)
			fprintf(stderr, "dates[%zu]: %s\n", i, dates[i].text);
		STR_EQ(got, dates[i].want);
		INT_EQ(r, strcmp(dates[i].want, "undated") != 0);
	}
	OK(nitems(dates) >= 40, "a table of %zu", nitems(dates));
}

static const struct {
	const char	*text;
	const char	*want;		/* NULL: none */
} places[] = {
	{ "ApacheCon, April 7-9 in Denver. Come see two Mesos talks.",
	    "Denver" },
	{ "BBQ at Mesosphere HQ, 6-8 pm, March 28th. Come join us. 145A "
	    "Hampshire St, San Francisco (near Potrero @ 15th).",
	    "Mesosphere HQ, 145A Hampshire St, San Francisco" },
	{ "Bay Area Mesos User Group, September 4 at Airbnb in San "
	    "Francisco", "Airbnb, San Francisco" },
	{ "MesosCon, August 21-22 in Chicago, IL.", "Chicago, IL" },
	{ "July 8, Hamburg: a short introduction at the Docker meetup (in "
	    "German).", "Hamburg" },
	{ "Workshop 12/5/2014 at the Computer History Museum",
	    "Computer History Museum" },
	{ "Meetup at 7pm, June 3", NULL },
	{ "Hadoop Summit, June 3-5, San Jose Convention Center",
	    "San Jose Convention Center" },
	{ "ApacheCon Europe November 17-21, Budapest, Hungary",
	    "Budapest, Hungary" },
	{ "LinuxCon Europe, Oct. 13-15, D\xc3\xbcsseldorf",
	    "D\xc3\xbcsseldorf" },
	{ "Mesos workshop, 8:30am\xe2\x80\x93" "12:30pm CET, 15 May, Amsterdam",
	    "Amsterdam" },
	{ "ApacheCon, April 7-9, Two talks are on the schedule.", NULL },
	{ "Meetup, May 6, The Big Room (2nd floor)", NULL },
	{ "A Mesos track at Strange Loop in St. Louis, dates to be "
	    "announced.", "Strange Loop, St. Louis" },
	{ "Talk in April at the meetup", NULL },
	{ "Office hours, 1355 Market Street, San Francisco, CA, June 3",
	    "1355 Market Street, San Francisco, CA" },
};

static void
test_places(void)
{
	char *got;
	size_t i;

	for (i = 0; i < nitems(places); i++) {
		got = events_find_place(places[i].text);
		STR_EQ(got, places[i].want);
		free(got);
	}
}

/* Events from a document: which sections, titles, links, the rest. */
static void
test_doc(void)
{
	static const char md[] =
	    "Intro, June 1.\n\n"
	    "### Here are some recent highlights:\n\n"
	    "* On February 27, [Mesos 0.17.0](http://m.example/17) was "
	    "released.\n\n"
	    "### Upcoming events:\n\n"
	    "* BBQ at Mesosphere HQ, 6-8 pm, March 28th. Meet "
	    "[our team](http://m.example/team).\n\n"
	    "* [ApacheCon](http://ac.example/), April 7-9 in Denver. Two "
	    "talks: [one](http://ac.example/1) and [two](http://ac.example/2)."
	    "\n\n"
	    "* **June 24-26**, Portland: two sessions at "
	    "[OSCON](http://oscon.example/).\n\n"
	    "* Join us at [MesosCon](http://mc.example/) in Chicago, more "
	    "soon.\n"
	    "  * nested: a second line\n\n"
	    "We hope to publish these updates often, May 5.\n";
	struct event_list *l;
	const struct event *ev;
	struct doc *d;
	char buf[64];
	const char *const words[] = { "highlights", NULL };

	d = content_parse(md, strlen(md), CONTENT_MARKDOWN, NULL, NULL);
	OK(d != NULL, "parse");
	if (d == NULL)
		return;
	l = events_from_doc(d, day("2014-03-20"), NULL);
	INT_EQ(events_count(l), 4);
	ev = events_get(l, 0);
	STR_EQ(ev->title, "BBQ at Mesosphere HQ");
	STR_EQ(ev->text, "BBQ at Mesosphere HQ, 6-8 pm, March 28th. Meet our "
	    "team.");
	STR_EQ(ev->place, "Mesosphere HQ");
	STR_EQ(ev->url, "http://m.example/team");
	INT_EQ(ev->nlinks, 1);
	INT_EQ(ev->section, 2);
	INT_EQ(ev->item, 0);
	INT_EQ(ev->block, 4);
	OK(doc_block(d, ev->block)->section == 2, "block in the section");
	events_date_str(ev, buf, sizeof buf);
	STR_EQ(buf, "2014-03-28");
	events_time_str(ev, buf, sizeof buf);
	STR_EQ(buf, "18:00-20:00");
	ev = events_get(l, 1);
	STR_EQ(ev->title, "ApacheCon");
	STR_EQ(ev->place, "Denver");
	INT_EQ(ev->nlinks, 3);
	STR_EQ(ev->links[2], "http://ac.example/2");
	events_date_str(ev, buf, sizeof buf);
	STR_EQ(buf, "2014-04-07/09");
	ev = events_get(l, 2);
	STR_EQ(ev->title, "OSCON");
	STR_EQ(ev->place, "Portland");
	ev = events_get(l, 3);
	STR_EQ(ev->title, "MesosCon");
	STR_EQ(ev->place, "Chicago");
	STR_EQ(ev->text, "Join us at MesosCon in Chicago, more soon. nested: "
	    "a second line");
	OK(!ev->dated, "undated");
	events_date_str(ev, buf, sizeof buf);
	STR_EQ(buf, "date to be announced");
	events_time_str(ev, buf, sizeof buf);
	STR_EQ(buf, "");
	INT_EQ(ev->item, 3);
	INT_EQ(ev->block, 7);
	OK(events_get(l, 4) == NULL, "out of range");
	events_free(l);

	/* Other heading words: the highlights only. */
	l = events_from_doc(d, day("2014-03-20"), words);
	INT_EQ(events_count(l), 1);
	STR_EQ(events_get(l, 0)->title, "Mesos 0.17.0");
	events_date_str(events_get(l, 0), buf, sizeof buf);
	STR_EQ(buf, "2015-02-27");
	events_free(l);
	doc_free(d);
}

static void
test_write(void)
{
	struct event a, b;
	char buf[64];

	memset(&a, 0, sizeof a);
	a.dated = true;
	a.y1 = 2014; a.m1 = 12; a.d1 = 30;
	a.y2 = 2015; a.m2 = 1; a.d2 = 2;
	a.start_min = 9 * 60;
	a.end_min = -1;
	a.zone = "CET";
	events_date_str(&a, buf, sizeof buf);
	STR_EQ(buf, "2014-12-30/2015-01-02");
	events_time_str(&a, buf, sizeof buf);
	STR_EQ(buf, "09:00 CET");
	a.y2 = 2014; a.m2 = 12; a.d2 = 31;
	events_date_str(&a, buf, sizeof buf);
	STR_EQ(buf, "2014-12-30/31");
	a.m1 = 11;
	events_date_str(&a, buf, sizeof buf);
	STR_EQ(buf, "2014-11-30/12-31");
	OK(events_past(&a, day("2015-01-01")), "past");
	OK(!events_past(&a, day("2014-12-31")), "last day is not past");
	b = a;
	b.title = a.title = "x";
	INT_EQ(events_cmp(&a, &b), 0);
	b.start_min = -1;
	OK(events_cmp(&b, &a) < 0, "all-day first");
	b.dated = false;
	OK(events_cmp(&a, &b) < 0, "undated last");
}

int
main(void)
{
	HARNESS_INIT();
	test_dates();
	test_places();
	test_doc();
	test_write();
	DONE();
}
