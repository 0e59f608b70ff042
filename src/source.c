/* source.c - where the issues of a run come from. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source.h"
#include "uri.h"
#include "util.h"

const char *
source_sample_path(void)
{
	static char *path;
	const char *dir;

	if (path != NULL)
		return path;
	if ((dir = getenv("MESOSNEWS_DATADIR")) != NULL && dir[0] != '\0')
		path = xasprintf("%s/sample.atom", dir);
	else if (access(PKGDATADIR "/sample.atom", R_OK) == 0)
		path = xstrdup(PKGDATADIR "/sample.atom");
	else
		path = xstrdup(SRCDATADIR "/sample.atom");
	return path;
}

int
source_load(const char *source, const struct feed_limits *lim,
    feed_issue_fn fn, void *arg, struct feed_meta *meta, char **warning,
    char **cause)
{
	if (uri_is_remote(source)) {
		*cause = xstrdup("remote feeds need the cache (not built yet)");
		return -1;
	}
	return feed_load_local(source, lim, fn, arg, meta, warning, cause);
}
