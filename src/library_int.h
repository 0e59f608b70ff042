/* library_int.h - what library.c and library_fetch.c share (internal). */
#ifndef MN_LIBRARY_INT_H
#define MN_LIBRARY_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "library.h"

/* An entry of a direct source is keyed by its source and its position
 * in it, as negative numbers, apart from the store's ids. */
#define DIRECT_KEY(src, pos)	(-(((int64_t)(src) << 32) | (pos)) - 1)
#define DIRECT_POS(key)		((-(key) - 1) & 0xffffffff)

struct lib_source {
	char		*src;		/* as given */
	char		*url;		/* the cache's key for it */
	bool		 cached;	/* read through the cache */
	int64_t		 feed;		/* the cache's id, or -1 */
	bool		 fetched;	/* the cache has fetched it */
	char		*conf_name;	/* configured name, or NULL */
	char		*base_url;	/* its Markdown posts', or NULL */
	char		*title;		/* the feed's own, or NULL */
	char		*name;		/* what to call it */
	char		*bad;		/* why it cannot be a source, or NULL:
					   it is then never fetched, cached
					   or read */
	time_t		 last_fetch;	/* the cache's last success, or -1 */
	char		*last_error;	/* the cache's last failure, or NULL */
};

struct refresh;

struct library {
	struct library_opts opts;	/* without sources and names */
	char		*cache_path;
	char		*base_url;
	struct store	*store;

	struct lib_source *src;		/* the sources shown */
	size_t		 nsrc;
	/* While the bundled sample stands in for the sources, they wait
	 * here. */
	bool		 sample;
	struct lib_source *saved;
	size_t		 nsaved;
	char		*title;
	time_t		 last_run;

	/* The list. */
	struct library_entry *v;
	size_t		 n, cap;
	size_t		*order;		/* sorting scratch */
	size_t		*by_key;	/* indices sorted by key, or NULL */
	bool		 partial;
	struct buf	 scratch;
	bool		 marks_queued;
	int		 latest;	/* source of library_latest's */

	/* Fetch errors of configured sources kept for the notice. */
	char		**kept;
	size_t		 nkept;

	/* Where the reader was (library_place.c). */
	struct lib_place *places;
	size_t		 nplaces, place_last;

	/* The background refresh. */
	struct refresh	*r;
	size_t		 r_total, r_added, r_errors;
	time_t		 r_started;	/* issues first seen since are new */
	char		*first_error;
	char		*first_warning;	/* "SOURCE: repair", or NULL */
	char		*result;
	bool		 result_error;
};

void	 lib_source_init(struct lib_source *, const char *src,
	    const char *name, bool cache_local);
void	 lib_source_clear(struct lib_source *);
void	 lib_sources_free(struct lib_source *, size_t);
bool	 lib_needs_cache(const struct library *);
/* Open the cache even when no source goes through it (--refresh of
 * local files imports them); 0, or -1 with an allocated *cause. */
int	 lib_open_store(struct library *, char **cause);
void	 lib_resolve_feeds(struct library *);
void	 lib_name_sources(struct library *);
/* The base URL of a source's Markdown posts (s may be NULL), or NULL. */
const char *lib_base_url(const struct library *, const struct lib_source *);
void	 lib_refresh_free(struct library *);
/* Write the places the cache has not taken yet, waiting up to wait_ms
 * (-1: the busy timeout) for another process writing; and free them. */
void	 lib_places_flush(struct library *, int wait_ms);
void	 lib_places_free(struct library *);

#endif
