/* events.h - the events of an issue: each list item of a section whose
 * heading names events ("Upcoming events", "Meetups", "Calls for
 * papers"...), with the date, time, zone and place its prose states. */
#ifndef MN_EVENTS_H
#define MN_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

struct doc;

/* One event.  Strings are sanitised UTF-8 on one line, owned by the
 * list.  Without a date that can be trusted, dated is false and the date
 * and time fields are 0 and -1: such an event is "date to be announced",
 * never a guess. */
struct event {
	char		*title;		/* first link text or leading phrase */
	char		*text;		/* the item's whole text */
	char		*place;		/* NULL when none is stated */
	char		*url;		/* the first link, or NULL */
	char		**links;	/* every link of the item, in order */
	size_t		 nlinks;
	bool		 dated;
	bool		 all_day;	/* dated with no time of day */
	int		 y1, m1, d1;	/* first day */
	int		 y2, m2, d2;	/* last day, inclusive */
	int		 start_min;	/* minutes after midnight, -1 none */
	int		 end_min;	/* -1 none; <= start_min: next day */
	const char	*tzid;		/* IANA zone, or NULL for floating */
	const char	*zone;		/* as written ("PT"), or NULL */
	int		 section;	/* where in the doc: section index */
	int		 item;		/* and item index within the doc */
	int		 block;		/* the item's first block, for
					   layout_block_line */
};

struct event_list;

/* The words a section heading is matched against when none are given
 * (NULL-terminated; whole words, case-insensitive). */
extern const char *const events_default_words[];

/* The events of d: one per top-level list item of every section whose
 * name holds one of heading_words (NULL for events_default_words).
 * issue_date picks the year of dates written without one: the first
 * that puts the date on or after the issue's day (UTC); (time_t)-1 when
 * unknown, which leaves such dates undated.  Never NULL; free it with
 * events_free. */
struct event_list *events_from_doc(const struct doc *d, time_t issue_date,
		    const char *const *heading_words);
size_t		 events_count(const struct event_list *);
/* Event i, or NULL when out of range. */
const struct event *events_get(const struct event_list *, size_t i);
void		 events_free(struct event_list *);

/* Read the date, time and zone in text (one item's prose) into out's
 * dated, all_day, y/m/d, start_min, end_min, tzid and zone fields,
 * leaving the others alone.  Returns 1 when a date was found, 0 when
 * not (out is then undated). */
int		 events_parse_date(const char *text, time_t issue_date,
		    struct event *out);

/* The place text states ("at Airbnb", "in Denver", an address), or
 * NULL; the caller frees it. */
char		*events_find_place(const char *text);

/* The events of one issue, for the writers below and ics_write. */
struct events_issue {
	const struct event_list *events;
	const char	*id;		/* the issue's id (guid): UIDs */
	const char	*title;
	const char	*link;		/* URL of events without a link */
};

/* "2014-03-28", "2014-04-07/09", "2014-08-31/09-01",
 * "2014-12-30/2015-01-02" (ISO 8601 intervals), or "date to be
 * announced", into buf. */
void		 events_date_str(const struct event *, char *buf,
		    size_t size);
/* "18:00-20:00 PT", "19:00", or "" when all-day or undated. */
void		 events_time_str(const struct event *, char *buf,
		    size_t size);

/* Order: dated before undated; dated by first day, then start time
 * (all-day first), then title. */
int		 events_cmp(const struct event *, const struct event *);
/* Whether the event's last day is before the day of now (UTC). */
bool		 events_past(const struct event *, time_t now);

/* Write the events of n issues, one a line: date, time, title, place,
 * and "(issue title)", columns separated by two spaces, date and time
 * padded to align.  Upcoming events (last day today or later) come
 * first in date order, then those with no date; past ones, most recent
 * first, only when all is set.  An event repeated in a later issue
 * (same date, time and title) is listed once.  Returns -1 with *cause
 * when writing fails. */
int		 events_write(FILE *, const struct events_issue *, size_t n,
		    time_t now, bool all, char **cause);

#endif
