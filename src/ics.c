/* ics.c - events as iCalendar: the only file that includes libical. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "events.h"
#include "ics.h"
#include "util.h"

/* FNV-1a: stable across runs and hosts, which is all a UID needs. */
static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	/* A separator, so that ("ab", "c") and ("a", "bc") differ. */
	h ^= 0xff;
	h *= 0x100000001b3ULL;
	return h;
}

void
ics_uid(const char *issue_id, const struct event *ev, char *buf,
    size_t size)
{
	char date[16];
	uint64_t h = 0xcbf29ce484222325ULL;

	snprintf(date, sizeof date, "%04d%02d%02d", ev->y1, ev->m1, ev->d1);
	h = fnv(h, issue_id != NULL ? issue_id : "");
	h = fnv(h, ev->title);
	h = fnv(h, date);
	snprintf(buf, size, "%016llx@mesosnews", (unsigned long long)h);
}

static struct icaltimetype
day(int y, int m, int d)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = y;
	t.month = m;
	t.day = d;
	return t;
}

static struct icaltimetype
at(int y, int m, int d, int min, bool utc)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = y;
	t.month = m;
	t.day = d;
	t.hour = min / 60;
	t.minute = min % 60;
	t.is_date = 0;
	return utc ? icaltime_set_timezone(&t,
	    icaltimezone_get_utc_timezone()) : t;
}

/* A DTSTART or DTEND property, with a TZID of the IANA name (libical's
 * own builtin TZIDs carry a "/freeassociation.sourceforge.net/"
 * prefix that calendars do not all map back). */
static icalproperty *
time_prop(bool start, struct icaltimetype t, const char *tzid)
{
	icalproperty *p;

	p = start ? icalproperty_new_dtstart(t) : icalproperty_new_dtend(t);
	if (tzid != NULL)
		icalproperty_add_parameter(p, icalparameter_new_tzid(tzid));
	return p;
}

/* The TZID of a timed event: its zone's, none for UTC (written as UTC)
 * and for floating times. */
static const char *
event_tzid(const struct event *ev)
{
	if (ev->start_min < 0 || ev->tzid == NULL ||
	    strcmp(ev->tzid, "UTC") == 0)
		return NULL;
	return ev->tzid;
}

static bool
event_utc(const struct event *ev)
{
	return ev->start_min >= 0 && ev->tzid != NULL &&
	    strcmp(ev->tzid, "UTC") == 0;
}

static icalcomponent *
vevent(const struct event *ev, const struct events_issue *is,
    struct icaltimetype stamp)
{
	icalcomponent *c;
	struct icaltimetype s, e;
	const char *url, *tzid = event_tzid(ev);
	bool utc = event_utc(ev);
	char uid[64];

	c = icalcomponent_new_vevent();
	ics_uid(is->id, ev, uid, sizeof uid);
	icalcomponent_add_property(c, icalproperty_new_uid(uid));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
	if (ev->start_min < 0) {
		s = day(ev->y1, ev->m1, ev->d1);
		e = day(ev->y2, ev->m2, ev->d2);
		icaltime_adjust(&e, 1, 0, 0, 0);
		icalcomponent_add_property(c, time_prop(true, s, NULL));
		icalcomponent_add_property(c, time_prop(false, e, NULL));
	} else {
		s = at(ev->y1, ev->m1, ev->d1, ev->start_min, utc);
		icalcomponent_add_property(c, time_prop(true, s, tzid));
		if (ev->end_min >= 0) {
			e = at(ev->y2, ev->m2, ev->d2, ev->end_min, utc);
			/* "10 pm - 1 am" ends the next day. */
			if (ev->end_min <= ev->start_min)
				icaltime_adjust(&e, 1, 0, 0, 0);
			icalcomponent_add_property(c, time_prop(false, e,
			    tzid));
		} else if (ev->y1 != ev->y2 || ev->m1 != ev->m2 ||
		    ev->d1 != ev->d2) {
			/* Days with a start time only: to the end of the
			 * last one. */
			e = at(ev->y2, ev->m2, ev->d2, 0, utc);
			icaltime_adjust(&e, 1, 0, 0, 0);
			icalcomponent_add_property(c, time_prop(false, e,
			    tzid));
		}
	}
	icalcomponent_add_property(c, icalproperty_new_summary(ev->title));
	icalcomponent_add_property(c,
	    icalproperty_new_description(ev->text));
	if (ev->place != NULL)
		icalcomponent_add_property(c,
		    icalproperty_new_location(ev->place));
	url = ev->url != NULL ? ev->url : is->link;
	/* A URL property is absolute: a post's bare permalink is not. */
	if (url != NULL && strcspn(url, ":/?#") < strlen(url) &&
	    url[strcspn(url, ":/?#")] == ':')
		icalcomponent_add_property(c, icalproperty_new_url(url));
	return c;
}

struct zone {
	const char	*tzid;
	int		 year;		/* of its first event */
};

/* The zones of the dated, timed events of the issues, each once. */
static struct zone *
used_zones(const struct events_issue *issues, size_t n, size_t *nzones)
{
	struct zone *zones = NULL;
	const struct event *ev;
	const char *tzid;
	size_t i, j, k;

	*nzones = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < events_count(issues[i].events); j++) {
			ev = events_get(issues[i].events, j);
			if (!ev->dated || (tzid = event_tzid(ev)) == NULL)
				continue;
			for (k = 0; k < *nzones; k++)
				if (strcmp(zones[k].tzid, tzid) == 0)
					break;
			if (k == *nzones) {
				zones = xreallocarray(zones, *nzones + 1,
				    sizeof *zones);
				zones[k].tzid = tzid;
				zones[k].year = ev->y1;
				(*nzones)++;
			}
			if (ev->y1 < zones[k].year)
				zones[k].year = ev->y1;
		}
	return zones;
}

/* The VTIMEZONE of a zone from libical's builtin data, its TZID the
 * IANA name, cut to the rules from a year before its first event (the
 * whole history since 1847 is 2,000 lines for London), or NULL. */
static icalcomponent *
vtimezone(const struct zone *z)
{
	icaltimezone *tz;
	icalcomponent *c;
	icalproperty *p;
	struct icaltimetype start;

	if ((tz = icaltimezone_get_builtin_timezone(z->tzid)) == NULL ||
	    (c = icaltimezone_get_component(tz)) == NULL)
		return NULL;
	c = icalcomponent_new_clone(c);
	if ((p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY)) !=
	    NULL)
		icalproperty_set_tzid(p, z->tzid);
	start = day(z->year - 1, 1, 1);
	start.is_date = 0;
	start = icaltime_set_timezone(&start,
	    icaltimezone_get_utc_timezone());
	icaltimezone_truncate_vtimezone(c, start, icaltime_null_time(), 0);
	return c;
}

int
ics_write(FILE *f, const struct events_issue *issues, size_t n,
    time_t dtstamp, char **cause)
{
	icalcomponent *cal, *tz;
	struct zone *zones;
	struct icaltimetype stamp;
	const struct event *ev;
	size_t i, j, nzones;
	char *s;
	int rv = -1;

	cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//mesosnews//mesosnews " VERSION "//EN"),
	    (void *)0);
	stamp = icaltime_from_timet_with_zone(dtstamp, 0,
	    icaltimezone_get_utc_timezone());
	/* Zones first, before the events that name them. */
	zones = used_zones(issues, n, &nzones);
	for (i = 0; i < nzones; i++) {
		if ((tz = vtimezone(&zones[i])) == NULL) {
			*cause = xasprintf("no time zone data for %s",
			    zones[i].tzid);
			goto error;
		}
		icalcomponent_add_component(cal, tz);
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < events_count(issues[i].events); j++) {
			ev = events_get(issues[i].events, j);
			if (ev->dated)
				icalcomponent_add_component(cal, vevent(ev,
				    &issues[i], stamp));
		}
	s = icalcomponent_as_ical_string_r(cal);
	if (s == NULL) {
		*cause = xasprintf("iCalendar: %s",
		    icalerror_strerror(icalerrno));
		goto error;
	}
	if (fputs(s, f) == EOF || fflush(f) == EOF) {
		*cause = xasprintf("writing iCalendar: %s", strerror(errno));
		free(s);
		goto error;
	}
	free(s);
	rv = 0;
error:
	free(zones);
	icalcomponent_free(cal);
	return rv;
}
