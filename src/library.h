/* library.h - the issues of a run, for both front-ends.
 *
 * Text mode and the reader ask this module, and only this module, where
 * issues come from.  A run has sources (the configured feeds, or those
 * named on the command line); each is read either through the cache (a
 * remote feed always; every source in the reader) or directly from its
 * file (a local feed or Markdown draft in text mode: nothing is written).
 * The library opens the cache, fetches what a first run lacks, falls back
 * on the bundled sample, lists every issue in one order (newest first,
 * undated last, ties in the order they were read), hands out one issue
 * with its content, keeps read state, counts, searches, and refreshes in
 * the background through descriptors the caller's poll loop waits on.
 */
#ifndef MN_LIBRARY_H
#define MN_LIBRARY_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "feed.h"
#include "place.h"

struct fetch_limits;
struct library;

struct library_opts {
	const char *const *sources;	/* URLs, file URLs or paths */
	const char *const *names;	/* each source's configured name, or
					   NULL; the array may be NULL */
	size_t		 nsources;
	/* The sources are the configured feeds: a first run that can
	 * fetch none of them shows the bundled sample instead, and their
	 * fetch errors are then said once, in that notice. */
	bool		 configured;
	bool		 offline;	/* never touch the network */
	/* Local sources go through the cache too, so that their read state
	 * lasts (the reader); else they are read directly. */
	bool		 cache_local;
	const char	*cache_path;	/* the cache database */
	const struct fetch_limits *limits; /* NULL for the defaults */
	size_t		 max_doc;	/* bytes of one document, 0: default */
	const char	*base_url;	/* where Markdown posts are published,
					   or NULL */
	/* Each source's own base_url, used instead of it, or NULL; the
	 * array may be NULL. */
	const char *const *base_urls;
};

/* One issue of the list.  The strings are sanitised single lines, ""
 * when the feed gave none. */
struct library_entry {
	int64_t		 key;		/* the store's id, or the position
					   in its direct source */
	char		*title;
	char		*author;
	char		*id;		/* the feed's id for it */
	char		*date_raw;	/* as written when unparseable, or
					   NULL */
	time_t		 date;		/* published, else updated, or -1 */
	time_t		 first_seen;	/* when the cache first saw it, or
					   -1 for a direct source */
	bool		 read;
	int		 source;	/* index in the run's sources, or -1 */
};

/* Called for each feed a fetch finishes with an error or a warning;
 * error is "SOURCE: reason".  The strings are valid during the call. */
typedef void (*library_report_fn)(const char *source, const char *error,
	    const char *warning, void *arg);

/* A library over opts' sources (copied).  Nothing is opened yet. */
struct library *library_new(const struct library_opts *);
/* Write read flags still queued, close the cache, free everything. */
void	 library_free(struct library *);

/* The bundled sample feed: installed in PKGDATADIR; $MESOSNEWS_DATADIR
 * overrides. */
const char *library_sample_path(void);

/* What opening the cache had to say (it was damaged and moved aside, a
 * new one started), or NULL; valid until library_free. */
const char *library_notice(const struct library *);

/* Open the cache if a source goes through it.  Returns 0, or -1 with an
 * allocated *cause. */
int	 library_open(struct library *, char **cause);

/* Fetch, blocking: every source when all is set (--refresh), else the
 * cached sources the cache has never fetched (unless offline).  Failures
 * go to fn as they happen, or, for configured sources, are kept for the
 * first-run notice of library_settle.  *stats, if not NULL, receives the
 * totals.  Returns the number of feeds that failed. */
struct refresh_stats;
size_t	 library_fetch(struct library *, bool all, library_report_fn fn,
	    void *arg, struct refresh_stats *stats);
/* After library_fetch: keep the sources there is something to read for.
 * Configured sources of which none could be had give way to the bundled
 * sample, and *notice receives the one line that says so (allocated;
 * else NULL).  Returns 0, or -1 with an allocated *cause when a source
 * named on the command line cannot be read; kept errors of configured
 * sources that are not replaced go to fn. */
int	 library_settle(struct library *, library_report_fn fn, void *arg,
	    char **notice, char **cause);

/* Read the list again: the first limit issues (0: all).  A list cut
 * short says so through library_partial.  A repair the parser of a
 * direct source made goes to fn as a warning.  A configured source that
 * cannot be read ("SOURCE: reason") goes to fn as an error: the others
 * are listed all the same, and 1 is returned (without fn, *cause
 * receives the first such error).  Sources named on the command line are
 * all or nothing: one that cannot be read leaves the list empty and -1
 * with that error in *cause.  Returns 0 when everything was read, or -1
 * with an allocated *cause (the cache failed, or as above). */
int	 library_load(struct library *, size_t limit, library_report_fn fn,
	    void *arg, char **cause);
bool	 library_partial(const struct library *);
size_t	 library_count(const struct library *);
/* Entry i (0-based, in list order), or NULL when out of range. */
struct library_entry *library_entry(struct library *, size_t i);
/* The index of the entry with this key, or (size_t)-1. */
size_t	 library_find_key(struct library *, int64_t key);
/* The entry "latest", a number as --list prints it (1-based) or an id
 * names; (size_t)-1 when none does. */
size_t	 library_find(struct library *, const char *which);

/* Entry i with its content and summary (raw markup), or NULL with an
 * allocated *cause.  The caller frees it with feed_issue_free. */
struct issue *library_get(struct library *, size_t i, char **cause);
/* The newest issue with its content, read in one pass for a single
 * direct source (the list need not be loaded), else through the list.
 * NULL with an allocated *cause ("no issues to show" when empty);
 * warnings go to fn as for library_load. */
struct issue *library_latest(struct library *, library_report_fn fn,
	    void *arg, char **cause);
/* The source of entry i as given (not its name), or NULL; and that of
 * the issue library_latest returned last. */
const char *library_entry_source(const struct library *, size_t i);
const char *library_latest_source(const struct library *);

/* Set the read flag of entry i: in the cache at once, or, while another
 * process writes it, queued and written by library_flush_marks (or
 * library_free at the latest).  Direct sources keep it in memory.
 * Returns 0, or -1 with an allocated *cause. */
int	 library_mark_read(struct library *, size_t i, bool read,
	    char **cause);
/* Mark every issue of source (-1: of every source) read. */
int	 library_mark_all_read(struct library *, int source, char **cause);
/* True while read flags wait for the cache. */
bool	 library_marks_queued(const struct library *);
/* Try to write the queued flags; 0, or -1 with an allocated *cause. */
int	 library_flush_marks(struct library *, char **cause);

/* Where the reader was in an issue (place.h).  Issues of the cache keep
 * it there, from one run to the next; issues read directly (drafts) only
 * in memory, for the run. */
/* Keep the place of entry i, as the last one.  Best effort: a cache busy
 * with another writer takes it later (library_free at the latest). */
void	 library_place_set(struct library *, size_t i,
	    const struct place *);
/* The place of entry i; false when none is kept. */
bool	 library_place_get(struct library *, size_t i,
	    struct place *);
/* The place the cache kept last (from this run or an earlier one) and its
 * issue's key; false when it keeps none. */
bool	 library_place_last(struct library *, int64_t *key,
	    struct place *);

/* Issues of source (-1: all) in the list: total and unread. */
void	 library_counts(const struct library *, int source, size_t *total,
	    size_t *unread);

/* Full-text search over every cached issue of the run: query as
 * store_search takes it.  *idx receives list indices, best match first
 * (the caller frees it), *n their number.  0, or -1 with *cause. */
int	 library_search(struct library *, const char *query, size_t **idx,
	    size_t *n, char **cause);
/* The word of query to find in an issue it found (allocated), or NULL:
 * the first one not left out (store_query_word). */
char	*library_search_word(const char *query);

/* The events of every issue of the list (library_load first), one
 * struct events_issue (events.h) per issue that has any, in list order.
 * words are the headings that name events sections (NULL: the
 * default).  Free the result with library_events_free.  Returns 0, or -1
 * with an allocated *cause. */
struct events_issue;
int	 library_events(struct library *, const char *const *words,
	    struct events_issue **v, size_t *n, char **cause);
void	 library_events_free(struct events_issue *, size_t n);

/* What a feed list shows of source i: names and strings belong to the
 * library; counts are of the list as loaded. */
struct library_source_info {
	const char	*name;
	const char	*url;		/* the source as given */
	bool		 cached;	/* read through the cache */
	time_t		 last_fetch;	/* last success, or -1 */
	const char	*error;		/* of the last attempt, or NULL */
	size_t		 total, unread;
};
void	 library_source_info(const struct library *, size_t i,
	    struct library_source_info *);
/* Keep only the unread issues in the list. */
void	 library_keep_unread(struct library *);

/* The sources shown: their number, and each one's name (configured,
 * else its feed's title, else the source itself; sanitised). */
size_t	 library_nsources(const struct library *);
const char *library_source_name(const struct library *, size_t i);
/* The title of a run of one feed, "(bundled sample)" added for the
 * sample, or NULL. */
const char *library_title(const struct library *);
/* Whether the bundled sample stands in for the sources. */
bool	 library_showing_sample(const struct library *);
/* The newest successful fetch of a source before this run: issues the
 * cache first saw after it are new. */
time_t	 library_last_run(const struct library *);

/*
 * The background refresh, for an interactive loop.
 */
/* Start refreshing every cached source unless a refresh is running (or
 * the run is offline: -1 with *cause).  Returns 0, 1 when no source is
 * cached (drafts are read as they are: the caller reads the list again),
 * or -1 with an allocated *cause. */
int	 library_refresh_start(struct library *, char **cause);
bool	 library_refreshing(const struct library *);
/* Descriptors and the longest wait (-1: none) for the caller's poll. */
size_t	 library_pollfds(struct library *, struct pollfd *, size_t max);
int	 library_timeout(struct library *);
/* Act on poll results and store a bounded amount.  Returns true when
 * the refresh has just ended: the sample has then given way if a source
 * came in, and the caller reloads the list. */
bool	 library_perform(struct library *, const struct pollfd *, size_t n);
/* Feeds finished and queued while refreshing. */
void	 library_progress(const struct library *, size_t *done,
	    size_t *total);
/* After the end: a message for the status line ("3 new issues", or the
 * first failure) and whether it is an error; owned by the library. */
const char *library_refresh_result(const struct library *, bool *error);

/* After a refresh has ended and the list has been read again: the list
 * indices of the issues it added (at most max of them, in list order)
 * go to idx; returns their number. */
size_t	 library_refresh_new(struct library *, size_t *idx, size_t max);

/* For a reader on its first run: when nothing of the sources is cached,
 * show the bundled sample instead.  why is the failure that made it
 * necessary, or NULL (offline).  Returns 0 when the sample is shown, or
 * -1 with an allocated *cause. */
int	 library_show_sample(struct library *, char **cause);
/* Whether any source of the run has ever been fetched. */
bool	 library_sources_fetched(struct library *);
/* The first failure of the last refresh, or NULL. */
const char *library_first_error(const struct library *);

/* The date an issue sorts by, and the order of two such dates: negative
 * when x comes first (is newer); unknown dates (-1) come last. */
time_t	 library_issue_date(const struct issue *);
int	 library_date_cmp(time_t x, time_t y);
/* The date as YYYY-MM-DD in local time, or "" when unknown. */
void	 library_format_date(time_t, char out[11]);

#endif
