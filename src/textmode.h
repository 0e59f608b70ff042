/* textmode.h - the text-mode front-end: the issue list, one issue as
 * text, the refresh summary and the OPML commands, over the issue
 * library. */
#ifndef MN_TEXTMODE_H
#define MN_TEXTMODE_H

#include <stdbool.h>
#include <stddef.h>

#include "library.h"

struct conf;

/* Exit statuses, as documented in mesosnews(1). */
#define EXIT_OK		0
#define EXIT_SOURCE	1	/* a source could not be read or parsed */
#define EXIT_USAGE	2	/* bad options (and fatal errors) */

struct textmode_opts {
	/* Where the issues come from (cache_path NULL: none could be
	 * chosen); offline is --offline. */
	struct library_opts lib;
	bool		 list;		/* --list, else an issue as text */
	bool		 events;	/* --events: the events of every issue */
	bool		 ics;		/* --ics: them as iCalendar */
	bool		 all;		/* --all: past events too */
	const char	*issue;		/* --issue: number, "latest" or id */
	const char	*section;	/* --section */
	bool		 links;		/* --links */
	bool		 color;
	bool		 hyperlinks;
	bool		 ascii;
	int		 width;		/* of the text */
	size_t		 list_width;	/* of --list; 0: whole fields */
	bool		 tsv;		/* --tsv: --list tab-separated */
	bool		 unread;	/* --unread: only unread issues */
	bool		 feeds;		/* --feeds: one line per feed */
	bool		 refresh;	/* --refresh */
	const char *const *event_words;	/* headings of events, or NULL */
};

/* Print what opts ask for on stdout, errors on stderr; returns the exit
 * status. */
int	 textmode_run(const struct textmode_opts *);

/* Add the feeds of an OPML file to the configuration file at path
 * (rewritten atomically), or write the configured feeds as OPML.  Both
 * return the exit status. */
int	 textmode_import_opml(const char *opml, const char *path,
	    struct conf *);
int	 textmode_export_opml(const struct conf *);

#endif
