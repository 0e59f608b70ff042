/* sync.h - the reader's background refresh (over refresh.h). */
#ifndef MN_TUI_SYNC_H
#define MN_TUI_SYNC_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "fetch.h"

struct store;
struct sync;

/* A refresher writing into store; limits may be NULL. */
struct sync *sync_new(struct store *, const struct fetch_limits *limits);
void	 sync_free(struct sync *);

/* Start refreshing the n sources (URLs, feed files, Markdown posts)
 * unless a refresh is already running.  Returns 0, or -1 with an
 * allocated *cause when there is nothing to refresh. */
int	 sync_start(struct sync *, const char *const *urls, size_t n,
	    char **cause);
bool	 sync_running(const struct sync *);
/* Descriptors and timeout for the caller's poll, as fetch_pollfds and
 * fetch_timeout. */
size_t	 sync_pollfds(struct sync *, struct pollfd *, size_t max);
int	 sync_timeout(struct sync *);
/* Move the transfers on; returns true when the refresh has just ended (the
 * cache then holds its results). */
bool	 sync_perform(struct sync *, const struct pollfd *, size_t n);
/* "2/3" while running. */
void	 sync_progress(const struct sync *, size_t *done, size_t *total);
/* After the end: a message for the status line and whether it is an
 * error ("3 new issues", or the first failure), owned by the sync. */
const char *sync_result(const struct sync *, bool *error);
/* The first failure of the last refresh ("SOURCE: reason"), or NULL;
 * owned by the sync. */
const char *sync_first_error(const struct sync *);
/* The number of issues the last refresh added. */
size_t	 sync_new_issues(const struct sync *);

#endif
