/* ics.h - events as RFC 5545 iCalendar, written with libical. */
#ifndef MN_ICS_H
#define MN_ICS_H

#include <stdio.h>
#include <time.h>

#include "events.h"

/* Write one VCALENDAR (VERSION 2.0, PRODID -//mesosnews//mesosnews
 * VERSION//EN) with a VEVENT for every dated event of the n issues, and
 * a VTIMEZONE for every zone they name.  UIDs hash the issue's id, the
 * title and the first day, so an event keeps its UID across runs;
 * dtstamp is the DTSTAMP of all of them (the time of the export).
 * All-day events are VALUE=DATE with the exclusive end; timed ones are
 * in their zone (UTC as UTC) or floating when none was named, and end
 * at their end time, at the end of their last day when they span days
 * without one, or have no DTEND (an instant) otherwise.  Undated events
 * are left out: a calendar entry needs a date.  Returns -1 with *cause
 * on failure. */
int	 ics_write(FILE *, const struct events_issue *issues, size_t n,
	    time_t dtstamp, char **cause);

/* The UID ics_write gives an event of the issue with the given id:
 * "<16 hex digits>@mesosnews".  buf holds at least 32 bytes. */
void	 ics_uid(const char *issue_id, const struct event *, char *buf,
	    size_t size);

#endif
