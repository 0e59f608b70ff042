/* conf.h - the configuration file: feeds, network limits, cache path.
 *
 * The file is read line by line.  Blank lines and lines whose first
 * non-blank character is '#' are ignored; every other line is a keyword
 * and its value, separated by blanks:
 *
 * feed URL [NAME]       a feed to refresh (http, https, file URL or a
 *                       path); NAME is the rest of the line
 * timeout-connect SECS  give up connecting after SECS (default 10)
 * timeout-stall SECS    give up when a transfer moves fewer than 64
 *                       bytes a second for SECS (default 30)
 * timeout-total SECS    give up on a transfer after SECS (default 300)
 * max-size SIZE         largest response accepted: bytes with an
 *                       optional K, M or G suffix (powers of 1024;
 *                       default 64M)
 * cache PATH            the cache database
 *
 * A leading "~/" in a path stands for $HOME.  Any other line is an error
 * naming the file and the line.  See mesosnews.conf(5).  (The module is
 * "conf" because "config.h" is autoconf's.)
 */
#ifndef MN_CONF_H
#define MN_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "fetch.h"

#define CONF_DEFAULT_FEED "https://mesos.apache.org/blog/feed.xml"

struct conf;

/* A configuration holding the defaults and no feeds.  The caller frees it
 * with conf_free. */
struct conf *conf_new(void);
/* Read path into cfg.  A missing file is not an error when must_exist is
 * false.  Returns 0, or -1 with an allocated *cause ("FILE:LINE: reason"
 * or "FILE: reason"); cfg is then unchanged. */
int	 conf_load(struct conf *cfg, const char *path, bool must_exist,
	    char **cause);
void	 conf_free(struct conf *);

/* $XDG_CONFIG_HOME/mesosnews/config (or ~/.config/...); the caller frees
 * it.  NULL when neither variable is set. */
char	*conf_default_path(void);
/* $XDG_CACHE_HOME/mesosnews/cache.db (or ~/.cache/...); the caller frees
 * it.  NULL when neither variable is set. */
char	*conf_default_cache(void);

/* The number of configured feeds, and the URL and name (NULL when none)
 * of feed i.  The strings belong to cfg. */
size_t	 conf_nfeeds(const struct conf *);
const char *conf_feed_url(const struct conf *, size_t i);
const char *conf_feed_name(const struct conf *, size_t i);
/* Add a feed as a "feed" line would; duplicates are ignored. */
void	 conf_add_feed(struct conf *, const char *url, const char *name);
/* The cache path from the file, or NULL; owned by cfg. */
const char *conf_cache(const struct conf *);
/* The network limits (timeouts and size cap). */
const struct fetch_limits *conf_limits(const struct conf *);

/* Parse a size such as "64M" or "1048576".  Returns 0 and sets *out, or
 * -1 when s is not a size. */
int	 conf_parse_size(const char *s, size_t *out);

#endif
