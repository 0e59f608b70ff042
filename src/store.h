/* store.h - the only SQLite code: the cache of feeds and issues, read
 * state and the full-text index.
 *
 * The database keeps every issue it has seen, keyed by (feed, id); a
 * refresh upserts issues inside one transaction, keeping the read flag and
 * the first-seen time.  Dates are time_t, (time_t)-1 when unknown.
 */
#ifndef MN_STORE_H
#define MN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "feed.h"
#include "place.h"

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA	5

struct store;

/* A feed's state.  Strings are NULL when unknown. */
struct store_feed {
	int64_t		 id;
	char		*url;
	char		*title;
	char		*etag;
	char		*last_modified;
	time_t		 last_fetch;	/* last success, or -1 */
	char		*last_error;	/* of the last attempt */
};

/* An issue as the store holds it. */
struct store_issue {
	int64_t		 id;		/* the store's own */
	int64_t		 feed;		/* the id of its feed */
	struct issue	 issue;
	bool		 read;
	time_t		 first_seen;
};

/* Called for each issue of a listing, newest first; the issue's strings
 * are valid only during the call, and content and summary are NULL.
 * Return 0 to go on or -1 to stop (the listing then returns 0). */
typedef int (*store_issue_fn)(const struct store_issue *, void *arg);
/* Called for each feed of store_feed_list; valid only during the call. */
typedef int (*store_feed_fn)(const struct store_feed *, void *arg);

/* Open (creating it and its directories if needed) the cache at path,
 * bringing its schema up to date.  A file that is not a cache of ours (not
 * SQLite's, another program's application_id, or tables of its own) is
 * refused before anything is written to it.  A damaged cache is moved
 * aside to PATH.broken-YYYYMMDD-HHMMSS and a new one started: see
 * store_notice.  Returns NULL with an allocated *cause ("PATH: reason")
 * on failure.  Close it with store_close. */
struct store *store_open(const char *path, char **cause);
/* What the caller must tell the user about the open (that the cache was
 * damaged and moved aside, and where), or NULL; valid until store_close. */
const char *store_notice(const struct store *);
/* Close the cache; an open transaction is rolled back, then read flags
 * still queued by store_mark_read_nowait are written (waiting for the
 * lock up to the busy timeout). */
void	 store_close(struct store *);

/* Transactions: begin takes the write lock (waiting for another process
 * that holds it, up to the busy timeout).  Read flags changed while a
 * transaction is open survive its rollback.  Each returns 0 or -1 with an
 * allocated *cause; rollback cannot fail. */
int	 store_begin(struct store *, char **cause);
/* The same without waiting: 1 when another process holds the lock. */
int	 store_try_begin(struct store *, char **cause);
int	 store_commit(struct store *, char **cause);
void	 store_rollback(struct store *);
bool	 store_in_transaction(struct store *);

/* The id of the feed with this URL, adding it if it is new; -1 with an
 * allocated *cause on failure. */
int64_t	 store_feed_add(struct store *, const char *url, char **cause);
/* Fill *out with the state of the feed with this URL.  Returns 1 when
 * found, 0 when unknown (*out is then zeroed, last_fetch -1), -1 with an
 * allocated *cause on failure.  Free the strings with store_feed_clear. */
int	 store_feed_get(struct store *, const char *url,
	    struct store_feed *out, char **cause);
/* Write title, etag, last_modified, last_fetch and last_error of the feed
 * whose id is f->id (url is ignored).  Returns 0 or -1 with *cause. */
int	 store_feed_set(struct store *, const struct store_feed *f,
	    char **cause);
/* Record only the error of the last attempt (NULL to clear it). */
int	 store_feed_set_error(struct store *, int64_t feed,
	    const char *error, char **cause);
/* Every feed, in the order they were added. */
int	 store_feed_list(struct store *, store_feed_fn, void *arg,
	    char **cause);
void	 store_feed_clear(struct store_feed *);

/* Insert the issue into feed, or update the one with the same id in that
 * feed, keeping its read flag and first-seen time.  *is_new, if not NULL,
 * tells which happened.  Returns 0 or -1 with an allocated *cause. */
int	 store_upsert(struct store *, int64_t feed, const struct issue *,
	    bool *is_new, char **cause);

/* List the issues of the given feeds (all feeds when nfeeds is 0), newest
 * first by published date, else updated date; issues without a date come
 * last; ties keep the order in which they were stored.  Memory use does
 * not depend on the number of issues.  Returns 0 or -1 with *cause. */
int	 store_list(struct store *, const int64_t *feeds, size_t nfeeds,
	    store_issue_fn, void *arg, char **cause);
/* Where a listing in pieces has got to.  Zeroed, it starts from the
 * newest issue. */
struct store_cursor {
	bool		 started;
	int64_t		 sortkey;	/* of the last issue listed */
	int64_t		 id;
};

/* List at most limit issues (0: no limit) of the given feeds that come
 * after *cursor in store_list's order, moving *cursor past each one handed
 * to fn (a callback that stops the listing has seen its issue).  Issues
 * added meanwhile appear in the next pieces if they sort after the cursor.
 * Returns how many issues fn saw (0 at the end), or -1 with *cause. */
ssize_t	 store_list_page(struct store *, const int64_t *feeds,
	    size_t nfeeds, struct store_cursor *, size_t limit,
	    store_issue_fn, void *arg, char **cause);
/* One issue with its content and summary, or NULL with an allocated
 * *cause (also when there is no such issue).  The caller frees it with
 * store_issue_free. */
struct store_issue *store_get(struct store *, int64_t id, char **cause);
void	 store_issue_free(struct store_issue *);

/* Issues in the given feeds (all when nfeeds is 0): total and unread. */
int	 store_count(struct store *, const int64_t *feeds, size_t nfeeds,
	    size_t *total, size_t *unread, char **cause);

/* Set or clear the read flag of an issue, waiting for another process
 * that is writing (up to the busy timeout, 15 s); 0 or -1 with *cause. */
int	 store_mark_read(struct store *, int64_t id, bool read,
	    char **cause);
/* The same for an interactive caller: waits at most 50 ms for another
 * process that is writing.  If that one still holds the cache, the change
 * is queued (replacing one queued for the same issue) and made by a later
 * store_flush_marks, store_mark_read_nowait or store_mark_read, or at the
 * latest by store_close.  Returns 0 when the flag was written, 1 when it
 * was queued, -1 with an allocated *cause. */
int	 store_mark_read_nowait(struct store *, int64_t id, bool read,
	    char **cause);
/* Write the queued read flags, waiting as store_mark_read_nowait does.
 * Returns how many are still queued (0: none), or -1 with *cause. */
ssize_t	 store_flush_marks(struct store *, char **cause);
/* Mark every issue of a feed (every issue when feed is 0) read. */
int	 store_mark_all_read(struct store *, int64_t feed, char **cause);

/* Full-text search over titles and text.  query is what the user typed:
 * words (all must match, each as a prefix), "a phrase" in double quotes
 * (a prefix with '*' after it), any of them after title: or text: (that
 * field only) or '-' (issues without it).  *ids receives the matching issue ids, best match
 * first (the caller frees it), *n their number.  Returns 0 or -1 with an
 * allocated *cause. */
int	 store_search(struct store *, const char *query, int64_t **ids,
	    size_t *n, char **cause);
/* The first word of the first term of a search that is not left out
 * (allocated), for finding it in an issue; NULL when there is none. */
char	*store_query_word(const char *query);

/*
 * Where the reader was (store_place.c, place.h).  A place is per issue;
 * the places of an issue go with it.
 */
/* Keep the place of an issue, as the last place, waiting up to wait_ms
 * for another process that is writing (-1: the busy timeout).  Returns 0,
 * 1 when the cache stayed busy (nothing written), or -1 with an
 * allocated *cause. */
int	 store_place_set(struct store *, int64_t issue,
	    const struct place *, int wait_ms, char **cause);
/* The place of an issue: 1 and *p, 0 when none is kept, or -1 with an
 * allocated *cause. */
int	 store_place_get(struct store *, int64_t issue, struct place *,
	    char **cause);
/* The place kept last, and its issue: 1, 0 when none is, or -1 with
 * *cause. */
int	 store_place_last(struct store *, int64_t *issue,
	    struct place *, char **cause);

#endif
