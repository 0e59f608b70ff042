/* source.h - where the issues of a run come from. */
#ifndef MN_SOURCE_H
#define MN_SOURCE_H

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

#endif
