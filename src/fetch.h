/* fetch.h - the only network code: parallel, non-blocking transfers.
 *
 * A struct fetch runs any number of transfers at once without blocking.
 * The caller's event loop asks for the descriptors to poll and the longest
 * time it may sleep (fetch_pollfds, fetch_timeout), polls them together
 * with its own (the keyboard), and hands the result back to
 * fetch_perform, which moves every transfer on and reports those that
 * finished.  http, https and file URLs and plain paths all go through it.
 */
#ifndef MN_FETCH_H
#define MN_FETCH_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#define FETCH_MAX_REDIRECTS	5
/* A transfer stalls when it moves fewer than this many bytes a second. */
#define FETCH_STALL_BYTES	64
/* Connections open at once, in all and to one host. */
#define FETCH_MAX_CONNECTIONS	16
#define FETCH_MAX_HOST_CONNECTIONS 6

struct fetch_limits {
	long		 connect_timeout;	/* s; default 10 */
	long		 stall_timeout;		/* s; default 30 */
	long		 total_timeout;		/* s; default 300 */
	size_t		 max_size;		/* bytes; 64 MiB */
};

#define FETCH_LIMITS_DEFAULT { 10, 30, 300, (size_t)64 << 20 }

enum fetch_status {
	FETCH_OK,		/* the body was delivered in full */
	FETCH_NOT_MODIFIED,	/* 304: what the cache has is current */
	FETCH_ERROR,
};

/* What is known about a transfer.  During the body callback status is
 * FETCH_OK and the response's headers are known; in the done callback
 * everything is final.  All strings belong to the fetch and are valid
 * only during the callback. */
struct fetch_info {
	enum fetch_status status;
	const char	*url;		/* as given to fetch_add */
	const char	*effective_url;	/* after redirects */
	long		 http_code;	/* 0 for file URLs */
	const char	*etag;		/* of the response, or NULL */
	const char	*last_modified;	/* of the response, or NULL */
	const char	*charset;	/* from Content-Type, or NULL */
	const char	*error;		/* "URL: reason" */
	size_t		 size;		/* body bytes so far */
};

/* Receives the body in pieces as it arrives (decompressed), only for a
 * successful response.  Return 0 to go on, or -1 with an allocated *cause
 * to stop the transfer; it then fails with "URL: cause". */
typedef int (*fetch_body_fn)(const struct fetch_info *, const void *,
	    size_t, void *arg, char **cause);
/* Called once when a transfer has finished, whatever the outcome. */
typedef void (*fetch_done_fn)(const struct fetch_info *, void *arg);

struct fetch_request {
	const char	*url;		/* URL or local path */
	const char	*etag;		/* for If-None-Match */
	const char	*last_modified;	/* for If-Modified-Since */
	const struct fetch_limits *limits; /* NULL: those of the fetch */
};

struct fetch;

/* A set of transfers sharing connections; limits may be NULL for the
 * defaults.  Fatal if libcurl cannot start.  Free with fetch_free, which
 * abandons unfinished transfers without calling their callbacks. */
struct fetch *fetch_new(const struct fetch_limits *limits);
void	 fetch_free(struct fetch *);

/* Start a transfer; body and done are called from fetch_perform (body may
 * be NULL to discard it).  A plain path becomes a file URL.  Returns 0, or
 * -1 with an allocated *cause ("URL: reason") for a URL that cannot be
 * fetched (unsupported scheme, missing file, directory); no callback is
 * called then. */
int	 fetch_add(struct fetch *, const struct fetch_request *,
	    fetch_body_fn body, fetch_done_fn done, void *arg, char **cause);
/* The number of transfers that have not finished. */
size_t	 fetch_running(struct fetch *);

/* Write the descriptors to poll into fds (at most max of them, with
 * events set and revents cleared) and return how many there are, which may
 * exceed max: call again with a larger array then. */
size_t	 fetch_pollfds(struct fetch *, struct pollfd *fds, size_t max);
/* Milliseconds the caller may wait before calling fetch_perform even if
 * no descriptor is ready; -1 when there is nothing to wait for. */
int	 fetch_timeout(struct fetch *);
/* Act on the poll results in fds (descriptors that are not the fetch's
 * are ignored; fds may be NULL with n 0 after a timeout), run the
 * transfers' timers and call the callbacks of finished transfers.
 * Returns the number of transfers still running. */
size_t	 fetch_perform(struct fetch *, const struct pollfd *fds,
	    size_t n);
/* Block for up to timeout_ms (-1: until something happens) on the fetch's
 * own descriptors, then fetch_perform.  Returns fetch_running. */
size_t	 fetch_wait(struct fetch *, int timeout_ms);

/* The URL fetch_add would use for source: plain paths become file URLs.
 * The caller frees it. */
char	*fetch_url(const char *source);

#endif
