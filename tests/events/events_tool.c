/* events_tool.c - the events of local sources (feed files, Markdown
 * posts) as text lines or iCalendar, for the tests; main.c's --events
 * does the same through the same functions (events_write, ics_write).
 *
 * usage: events_tool [-ai] [-n yyyy-mm-dd] [-s stamp] source...
 *   -a  past events too   -i  iCalendar   -n  today   -s  DTSTAMP (time_t)
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "doc.h"
#include "events.h"
#include "feed.h"
#include "ics.h"
#include "util.h"

struct all {
	struct events_issue *is;
	size_t		 n;
};

static int
one(const struct issue *is, void *arg)
{
	struct all *a = arg;
	struct events_issue *e;
	struct doc *d;
	char *cause = NULL;

	d = content_parse(is->content != NULL ? is->content : "",
	    is->content != NULL ? strlen(is->content) : 0, is->kind,
	    is->base != NULL ? is->base : is->link, &cause);
	if (d == NULL) {
		fprintf(stderr, "events_tool: %s: %s\n", is->id, cause);
		free(cause);
		return 0;
	}
	a->is = xreallocarray(a->is, a->n + 1, sizeof *a->is);
	e = &a->is[a->n++];
	e->events = events_from_doc(d, is->published, NULL);
	e->id = xstrdup(is->id);
	e->title = is->title != NULL ? xstrdup(is->title) : NULL;
	e->link = is->link != NULL ? xstrdup(is->link) : NULL;
	doc_free(d);
	return 0;
}

int
main(int argc, char **argv)
{
	struct all a = { NULL, 0 };
	struct feed_meta meta;
	struct tm tm;
	time_t now = time(NULL), stamp = 0;
	bool all = false, ics = false;
	char *cause = NULL;
	size_t i;
	int c, rv = 0;

	while ((c = getopt(argc, argv, "ain:s:")) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'i':
			ics = true;
			break;
		case 'n':
			memset(&tm, 0, sizeof tm);
			if (sscanf(optarg, "%d-%d-%d", &tm.tm_year,
			    &tm.tm_mon, &tm.tm_mday) != 3)
				goto usage;
			tm.tm_year -= 1900;
			tm.tm_mon--;
			now = timegm(&tm);
			break;
		case 's':
			stamp = (time_t)strtoll(optarg, NULL, 10);
			break;
		default:
			goto usage;
		}
	}
	if (optind == argc)
		goto usage;
	for (; optind < argc; optind++) {
		memset(&meta, 0, sizeof meta);
		if (feed_load_local(argv[optind], NULL, one, &a, &meta, NULL,
		    &cause) == -1) {
			fprintf(stderr, "events_tool: %s: %s\n", argv[optind],
			    cause);
			free(cause);
			return 1;
		}
		feed_meta_clear(&meta);
	}
	if (ics)
		rv = ics_write(stdout, a.is, a.n, stamp, &cause);
	else
		rv = events_write(stdout, a.is, a.n, now, all, &cause);
	if (rv == -1) {
		fprintf(stderr, "events_tool: %s\n", cause);
		free(cause);
	}
	for (i = 0; i < a.n; i++) {
		events_free((struct event_list *)a.is[i].events);
		free((char *)a.is[i].id);
		free((char *)a.is[i].title);
		free((char *)a.is[i].link);
	}
	free(a.is);
	return rv == -1;
usage:
	fprintf(stderr, "usage: events_tool [-ai] [-n yyyy-mm-dd] "
	    "[-s stamp] source...\n");
	return 2;
}
