/* jsonfeed.h - JSON Feed documents, for feed.c. */
#ifndef MN_JSONFEED_H
#define MN_JSONFEED_H

#include "feed.h"

/* Parse a whole JSON Feed document s[0..len) whose URL is url, handing
 * each item to fn as an issue and filling meta.  Returns 0, or -1 with an
 * allocated *cause naming the line. */
int	 jsonfeed_parse(const char *s, size_t len, const char *url,
	    const struct feed_limits *, feed_issue_fn fn, void *arg,
	    struct feed_meta *meta, char **cause);

#endif
