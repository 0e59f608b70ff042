/* sync.c - the reader's background refresh: a refresh (refresh.h) driven
 * from the event loop's poll, and the one-line report it leaves. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "refresh.h"
#include "store.h"
#include "sync.h"
#include "utf8.h"
#include "util.h"

struct sync {
	struct store	*store;
	const struct fetch_limits *limits;
	struct refresh	*r;
	size_t		 total;
	size_t		 added;
	size_t		 nerrors;
	char		*first_error;
	char		*result;
	bool		 result_error;
};

struct sync *
sync_new(struct store *store, const struct fetch_limits *limits)
{
	struct sync *s = xcalloc(1, sizeof *s);

	s->store = store;
	s->limits = limits;
	return s;
}

void
sync_free(struct sync *s)
{
	if (s == NULL)
		return;
	if (s->r != NULL)
		refresh_free(s->r);
	free(s->first_error);
	free(s->result);
	free(s);
}

static void
on_feed(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	struct sync *s = arg;

	s->added += new_issues;
	if (error != NULL) {
		if (s->first_error == NULL)
			s->first_error = utf8_sanitize(error, strlen(error),
			    UTF8_ONELINE);
		s->nerrors++;
	}
}

int
sync_start(struct sync *s, const char *const *urls, size_t n, char **cause)
{
	size_t i;

	if (s->r != NULL)
		return 0;
	if (n == 0) {
		*cause = xstrdup("no feeds to refresh");
		return -1;
	}
	free(s->first_error);
	s->first_error = NULL;
	s->added = s->nerrors = 0;
	s->total = n;
	s->r = refresh_new(s->store, s->limits, on_feed, s);
	for (i = 0; i < n; i++)
		refresh_add(s->r, urls[i]);
	return 0;
}

bool
sync_running(const struct sync *s)
{
	return s->r != NULL;
}

size_t
sync_pollfds(struct sync *s, struct pollfd *fds, size_t max)
{
	return s->r != NULL ? refresh_pollfds(s->r, fds, max) : 0;
}

int
sync_timeout(struct sync *s)
{
	return s->r != NULL ? refresh_timeout(s->r) : -1;
}

static void
finish(struct sync *s)
{
	free(s->result);
	s->result_error = s->nerrors > 0;
	if (s->nerrors > 1)
		s->result = xasprintf("refresh failed (%zu feeds): %s",
		    s->nerrors, s->first_error);
	else if (s->nerrors == 1)
		s->result = xasprintf("refresh failed: %s", s->first_error);
	else if (s->added == 0)
		s->result = xstrdup("refreshed: no new issues");
	else
		s->result = xasprintf("refreshed: %zu new issue%s", s->added,
		    s->added == 1 ? "" : "s");
	refresh_free(s->r);
	s->r = NULL;
}

bool
sync_perform(struct sync *s, const struct pollfd *fds, size_t n)
{
	if (s->r == NULL)
		return false;
	if (refresh_perform(s->r, fds, n))
		return false;
	finish(s);
	return true;
}

void
sync_progress(const struct sync *s, size_t *done, size_t *total)
{
	*done = s->r != NULL ? refresh_stats(s->r)->feeds : s->total;
	*total = s->total;
}

const char *
sync_result(const struct sync *s, bool *error)
{
	*error = s->result_error;
	return s->result;
}

size_t
sync_new_issues(const struct sync *s)
{
	return s->added;
}

const char *
sync_first_error(const struct sync *s)
{
	return s->first_error;
}
