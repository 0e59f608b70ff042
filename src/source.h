/* source.h - where the issues of a run come from. */
#ifndef MN_SOURCE_H
#define MN_SOURCE_H

#include <stdbool.h>

#include "feed.h"

/* The bundled sample feed: installed in PKGDATADIR, or found in the
 * source tree when running uninstalled.  $MESOSNEWS_DATADIR overrides. */
const char *source_sample_path(void);

/* Read every issue of source (a feed file, file:// URL, Markdown post or
 * directory of posts) and pass each to fn.  *warning receives an
 * allocated warning or NULL.  Returns 0, or -1 with an allocated *cause
 * that does not repeat the source's name. */
int	 source_load(const char *source, const struct feed_limits *,
	    feed_issue_fn fn, void *arg, struct feed_meta *meta,
	    char **warning, char **cause);

/* Find the issue with this id in source and return a copy with its
 * content (the caller frees it with feed_issue_free), or NULL with an
 * allocated *cause.  Only that issue's content is ever held. */
struct issue *source_get_issue(const char *source, const char *id,
	    const struct feed_limits *, char **cause);

/*
 * The cache (issue 4).  Remote sources are read from it; local files and
 * directories are always read directly.
 */
struct store;

/* Read remote sources from store from now on (NULL: no cache). */
void	 source_use_cache(struct store *);
/* True if source is remote (it then goes through the cache). */
bool	 source_is_remote(const char *source);
/* True if the cache holds a successful fetch of the remote source. */
bool	 source_is_cached(const char *source);

#endif
