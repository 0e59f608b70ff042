/* refresh.h - bring feeds into the cache: conditional fetch, parse, store.
 *
 * Every feed is fetched in parallel (fetch.h); a finished body is parsed
 * (in a thread of the refresh's own) and stored in one transaction per
 * feed, a bounded amount of storing per refresh_perform so that an
 * interactive loop stays responsive.  When
 * another process holds the cache's write lock the feed waits its turn
 * (up to 30 s) instead of blocking the loop.  A failed feed leaves its
 * issues and its ETag/Last-Modified as they were and only records the
 * error.  Local Markdown posts and directories are imported directly;
 * feed files and file URLs go through the fetcher like URLs.
 */
#ifndef MN_REFRESH_H
#define MN_REFRESH_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "fetch.h"
#include "store.h"

/* The bytes of issues one refresh_perform stores at most (beyond the
 * issue it is at). */
#define REFRESH_STEP_BYTES	(1u << 20)

struct refresh_stats {
	size_t		 feeds;		/* feeds finished */
	size_t		 refreshed;	/* stored, or unchanged */
	size_t		 unchanged;	/* of which 304 */
	size_t		 new_issues;	/* not in the cache before */
	size_t		 errors;	/* feeds that failed */
};

/* Called as each feed finishes.  error ("SOURCE: reason") is NULL on
 * success; warning is a repair the parser made, or NULL; new_issues is
 * the number of issues added.  The strings are valid during the call. */
typedef void (*refresh_feed_fn)(const char *source, const char *error,
	    const char *warning, size_t new_issues, void *arg);

struct refresh;

/* A refresh writing into store (which must outlive it); limits may be NULL
 * for the defaults; fn, if not NULL, hears about each feed.  NULL with an
 * allocated *cause when the system has no pipe to spare. */
struct refresh *refresh_new(struct store *, const struct fetch_limits *,
	    refresh_feed_fn fn, void *arg, char **cause);
/* Abandon unfinished feeds (their transaction is rolled back). */
void	 refresh_free(struct refresh *);

/* The cache's key for a source: remote and file URLs as they are, a plain
 * path as the file URL of its real path.  The caller frees it. */
char	*refresh_feed_url(const char *source);

/* Queue a source (URL, feed file, Markdown post or directory); a source
 * already queued is ignored.  Its outcome arrives through fn.  base_url
 * (may be NULL) is where its Markdown posts are published, as
 * feed_limits' base_url. */
void	 refresh_add(struct refresh *, const char *source,
	    const char *base_url);
/* True while any queued feed has not finished. */
bool	 refresh_busy(struct refresh *);

/* For the caller's poll loop: descriptors (as fetch_pollfds; while a
 * feed is parsed, the first one is a pipe that wakes the loop when there
 * is something to store) and the longest wait in milliseconds (-1: none;
 * 0 when storing work is ready). */
size_t	 refresh_pollfds(struct refresh *, struct pollfd *, size_t max);
int	 refresh_timeout(struct refresh *);
/* Act on poll results (descriptors not the refresh's are ignored), then
 * parse and store a bounded amount.  Returns refresh_busy. */
bool	 refresh_perform(struct refresh *, const struct pollfd *,
	    size_t n);
const struct refresh_stats *refresh_stats(struct refresh *);

/* Refresh n sources to the end, blocking (base_urls, if not NULL, holds
 * each source's base URL, as refresh_add's); *stats, if not NULL, receives
 * the totals.  Returns 0 when every feed was refreshed, -1 otherwise (the
 * failures went to fn). */
int	 refresh_run_all(struct store *, const char *const *sources,
	    size_t n, const struct fetch_limits *,
	    const char *const *base_urls, refresh_feed_fn fn, void *arg,
	    struct refresh_stats *stats);

#endif
