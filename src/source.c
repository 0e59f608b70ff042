/* source.c - where the issues of a run come from. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source.h"
#include "store.h"
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

/*
 * Remote sources come from the cache (issue 4).
 */

static struct store *cache;

struct cached {
	const struct feed_limits *lim;
	feed_issue_fn	 fn;
	void		*arg;
	char		*cause;
	bool		 no_content;	/* fn returned FEED_NO_CONTENT */
};

void
source_use_cache(struct store *store)
{
	cache = store;
}

bool
source_is_remote(const char *source)
{
	return uri_is_remote(source);
}

bool
source_is_cached(const char *source)
{
	struct store_feed f;
	char *cause = NULL;
	bool yes;

	if (cache == NULL || store_feed_get(cache, source, &f, &cause) != 1) {
		free(cause);
		return false;
	}
	yes = f.last_fetch != (time_t)-1;
	store_feed_clear(&f);
	return yes;
}

static int
cached_issue(const struct store_issue *si, void *arg)
{
	struct cached *c = arg;
	struct store_issue *full;
	int rc;

	/* A listing carries no content: fetch it one issue at a time. */
	if (c->no_content || (c->lim != NULL && c->lim->skip_content))
		rc = c->fn(&si->issue, c->arg);
	else {
		if ((full = store_get(cache, si->id, &c->cause)) == NULL)
			return -1;
		rc = c->fn(&full->issue, c->arg);
		store_issue_free(full);
	}
	if (rc == FEED_NO_CONTENT) {
		c->no_content = true;
		rc = 0;
	}
	return rc;
}

static int
load_cached(const char *source, const struct feed_limits *lim,
    feed_issue_fn fn, void *arg, struct feed_meta *meta, char **cause)
{
	struct cached c = { lim, fn, arg, NULL, false };
	struct store_feed f;
	int found;

	if (cache == NULL) {
		*cause = xstrdup("remote feeds need the cache");
		return -1;
	}
	if ((found = store_feed_get(cache, source, &f, cause)) == -1)
		return -1;
	if (found == 0 || f.last_fetch == (time_t)-1) {
		*cause = xstrdup("not in the cache yet (mesosnews --refresh "
		    "fetches it)");
		store_feed_clear(&f);
		return -1;
	}
	if (meta != NULL) {
		memset(meta, 0, sizeof *meta);
		meta->title = f.title;
		f.title = NULL;
	}
	if (store_list(cache, &f.id, 1, cached_issue, &c, cause) == -1 ||
	    c.cause != NULL) {
		if (c.cause != NULL)
			*cause = c.cause;
		store_feed_clear(&f);
		return -1;
	}
	store_feed_clear(&f);
	return 0;
}

int
source_load(const char *source, const struct feed_limits *lim,
    feed_issue_fn fn, void *arg, struct feed_meta *meta, char **warning,
    char **cause)
{
	if (uri_is_remote(source)) {
		if (warning != NULL)
			*warning = NULL;
		return load_cached(source, lim, fn, arg, meta, cause);
	}
	return feed_load_local(source, lim, fn, arg, meta, warning, cause);
}

struct wanted {
	const char	*id;
	struct issue	*found;
	int64_t		 store_id;
};

static int
want_local(const struct issue *is, void *arg)
{
	struct wanted *w = arg;

	if (strcmp(is->id, w->id) != 0)
		return 0;
	w->found = feed_issue_dup(is);
	return -1;	/* found: stop reading */
}

static int
want_cached(const struct store_issue *si, void *arg)
{
	struct wanted *w = arg;

	if (strcmp(si->issue.id, w->id) != 0)
		return 0;
	w->store_id = si->id;
	return -1;
}

struct issue *
source_get_issue(const char *source, const char *id,
    const struct feed_limits *lim, char **cause)
{
	struct wanted w = { id, NULL, -1 };
	struct store_issue *si;
	struct store_feed f;
	struct issue *is;
	char *why = NULL;
	int found;

	if (!uri_is_remote(source)) {
		if (feed_load_local(source, lim, want_local, &w, NULL, NULL,
		    &why) == -1 && w.found == NULL) {
			*cause = why;
			return NULL;
		}
		free(why);
		if (w.found == NULL)
			*cause = xstrdup("no such issue");
		return w.found;
	}
	if (cache == NULL) {
		*cause = xstrdup("remote feeds need the cache");
		return NULL;
	}
	if ((found = store_feed_get(cache, source, &f, cause)) != 1) {
		if (found == 0)
			*cause = xstrdup("not in the cache yet");
		store_feed_clear(&f);
		return NULL;
	}
	if (store_list(cache, &f.id, 1, want_cached, &w, cause) == -1) {
		store_feed_clear(&f);
		return NULL;
	}
	store_feed_clear(&f);
	if (w.store_id == -1) {
		*cause = xstrdup("no such issue");
		return NULL;
	}
	if ((si = store_get(cache, w.store_id, cause)) == NULL)
		return NULL;
	is = feed_issue_dup(&si->issue);
	store_issue_free(si);
	return is;
}
