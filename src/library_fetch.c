/* library_fetch.c - the issue library's fetching: what a first run
 * lacks, the bundled sample in its place, and the background refresh
 * an interactive loop drives. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "library_int.h"
#include "refresh.h"
#include "store.h"
#include "utf8.h"
#include "util.h"

struct fetch_report {
	struct library	*lib;
	library_report_fn fn;
	void		*arg;
	bool		 keep;		/* keep errors for the notice */
	size_t		 errors;
};

static void
fetch_report(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	struct fetch_report *fr = arg;
	struct library *lib = fr->lib;

	(void)new_issues;
	if (error != NULL)
		fr->errors++;
	if (error != NULL && fr->keep) {
		lib->kept = xreallocarray(lib->kept, lib->nkept + 1,
		    sizeof *lib->kept);
		lib->kept[lib->nkept++] = xstrdup(error);
	} else if ((error != NULL || warning != NULL) && fr->fn != NULL)
		fr->fn(source, error, warning, fr->arg);
}

size_t
library_fetch(struct library *lib, bool all, library_report_fn fn,
    void *arg, struct refresh_stats *stats)
{
	struct fetch_report fr = { lib, fn, arg, false, 0 };
	struct refresh_stats st;
	const char **v, **bases;
	char *cause = NULL;
	size_t i, n = 0;

	if (stats != NULL)
		memset(stats, 0, sizeof *stats);
	if (!all && (lib->opts.offline || !lib_needs_cache(lib)))
		return 0;
	if (lib_open_store(lib, &cause) == -1) {
		if (fn != NULL)
			fn(NULL, cause, NULL, arg);
		free(cause);
		return 1;
	}
	v = xcalloc(lib->nsrc + 1, sizeof *v);
	bases = xcalloc(lib->nsrc + 1, sizeof *bases);
	for (i = 0; i < lib->nsrc; i++) {
		/* Never fetched, never stored: said when the list is read. */
		if (lib->src[i].bad != NULL)
			continue;
		if (all || (lib->src[i].cached && !lib->src[i].fetched)) {
			bases[n] = lib_base_url(lib, &lib->src[i]);
			v[n++] = lib->src[i].src;
		}
	}
	/* Configured feeds that fail on a first run are said once. */
	fr.keep = !all && lib->opts.configured;
	memset(&st, 0, sizeof st);
	if (n > 0)
		refresh_run_all(lib->store, v, n, lib->opts.limits, bases,
		    fetch_report, &fr, &st);
	free(v);
	free(bases);
	lib_resolve_feeds(lib);
	if (stats != NULL)
		*stats = st;
	return fr.errors;
}

static void
free_kept(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->nkept; i++)
		free(lib->kept[i]);
	free(lib->kept);
	lib->kept = NULL;
	lib->nkept = 0;
}

/* Put the bundled sample in place of the sources, which wait in saved. */
static void
stand_in_sample(struct library *lib)
{
	if (!lib->sample) {
		lib->saved = lib->src;
		lib->nsaved = lib->nsrc;
		lib->src = xcalloc(2, sizeof *lib->src);
		lib->sample = true;
	} else
		lib_source_clear(&lib->src[0]);
	lib->nsrc = 1;
	lib_source_init(&lib->src[0], library_sample_path(), NULL,
	    lib->opts.cache_local);
}

int
library_settle(struct library *lib, library_report_fn fn, void *arg,
    char **notice, char **cause)
{
	size_t i, j, nmissing = 0, errors = 0;
	const char *missing = NULL;
	int rc = 0;

	*notice = NULL;
	*cause = NULL;
	/* Keep the sources there is something to read for. */
	for (i = j = 0; i < lib->nsrc; i++) {
		if (lib->src[i].cached && !lib->src[i].fetched) {
			if (nmissing++ == 0)
				missing = lib->src[i].src;
			continue;
		}
		if (i != j) {
			lib->src[j] = lib->src[i];
			memset(&lib->src[i], 0, sizeof lib->src[i]);
		}
		j++;
	}
	if (nmissing == 0 || (lib->opts.configured && j > 0)) {
		for (i = j; i < lib->nsrc; i++)
			lib_source_clear(&lib->src[i]);
		lib->nsrc = j;
		for (i = 0; i < lib->nkept; i++, errors++)
			if (fn != NULL)
				fn(NULL, lib->kept[i], NULL, arg);
		free_kept(lib);
		lib_name_sources(lib);
		return (int)errors;
	}
	if (!lib->opts.configured) {
		/* Named on the command line: its fetch error is out. */
		if (lib->opts.offline)
			*cause = xasprintf("%s: not in the cache, and "
			    "--offline forbids fetching it", missing);
		rc = -1;
		goto out;
	}
	/* A first run that cannot fetch: the bundled sample, said once. */
	if (lib->opts.offline || lib->nkept == 0)
		*notice = xasprintf("nothing cached yet%s: showing the "
		    "bundled sample feed", lib->opts.offline ? " (--offline)" :
		    "");
	else
		*notice = xasprintf("nothing cached yet and %s; showing the "
		    "bundled sample feed (mesosnews --refresh tries again)",
		    lib->kept[0]);
	/* Text mode reads it directly: nothing of it goes to the cache. */
	stand_in_sample(lib);
	lib->src[0].cached = false;
	lib_name_sources(lib);
out:
	free_kept(lib);
	return rc;
}

/*
 * The reader's first run with nothing cached and no network shows the
 * bundled sample, until a refresh brings a source in.  It is imported
 * into the cache under its own key, so that read state sticks.
 */

static void
sample_failed(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	char **first = arg;

	(void)source;
	(void)warning;
	(void)new_issues;
	if (error != NULL && *first == NULL)
		*first = xstrdup(error);
}

int
library_show_sample(struct library *lib, char **cause)
{
	const char *path = library_sample_path();
	char *err = NULL;

	if (lib_open_store(lib, cause) == -1)
		return -1;
	if (refresh_run_all(lib->store, &path, 1, lib->opts.limits, NULL,
	    sample_failed, &err, NULL) == -1) {
		*cause = xasprintf("the bundled sample feed cannot be read: "
		    "%s", err != NULL ? err : "unknown error");
		free(err);
		return -1;
	}
	stand_in_sample(lib);
	lib_resolve_feeds(lib);
	return 0;
}

/* The sources come back from behind the sample. */
static void
hide_sample(struct library *lib)
{
	lib_sources_free(lib->src, lib->nsrc);
	lib->src = lib->saved;
	lib->nsrc = lib->nsaved;
	lib->saved = NULL;
	lib->nsaved = 0;
	lib->sample = false;
	lib_resolve_feeds(lib);
}

/* The background refresh. */

static void
on_feed(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	struct library *lib = arg;

	lib->r_added += new_issues;
	if (warning != NULL && error == NULL && lib->first_warning == NULL)
		lib->first_warning = xasprintf("%s: %s", source, warning);
	if (error != NULL) {
		if (lib->first_error == NULL)
			lib->first_error = utf8_sanitize(error, strlen(error),
			    UTF8_ONELINE);
		lib->r_errors++;
	}
}

void
lib_refresh_free(struct library *lib)
{
	if (lib->r != NULL)
		refresh_free(lib->r);
	lib->r = NULL;
	free(lib->first_error);
	free(lib->first_warning);
	free(lib->result);
	lib->first_error = lib->first_warning = lib->result = NULL;
	free_kept(lib);
}

int
library_refresh_start(struct library *lib, char **cause)
{
	struct lib_source *v = lib->sample ? lib->saved : lib->src;
	size_t i, n = lib->sample ? lib->nsaved : lib->nsrc, fetched = 0;
	char *msg;

	if (lib->r != NULL)
		return 0;
	if (lib->opts.offline) {
		*cause = xstrdup("offline: not refreshing");
		return -1;
	}
	if (n == 0) {
		*cause = xstrdup("no feeds to refresh");
		return -1;
	}
	/* Sources read directly (drafts) are not imported: they would
	 * leave their trace in the cache. */
	for (i = 0; i < n; i++)
		if (v[i].cached || v[i].bad != NULL)
			fetched++;
	if (fetched == 0)
		return 1;
	if (lib_open_store(lib, cause) == -1)
		return -1;
	free(lib->first_error);
	free(lib->first_warning);
	lib->first_error = lib->first_warning = NULL;
	lib->r_added = lib->r_errors = 0;
	lib->r_total = fetched;
	lib->r_started = time(NULL);
	/* A source that is none (a URL of a scheme we do not fetch) fails
	 * at once, and nothing of it reaches the cache. */
	for (i = 0; i < n; i++) {
		if (v[i].bad == NULL)
			continue;
		msg = xasprintf("%s: %s", v[i].src, v[i].bad);
		on_feed(v[i].src, msg, NULL, 0, lib);
		free(msg);
	}
	if ((lib->r = refresh_new(lib->store, lib->opts.limits, on_feed, lib,
	    cause)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (v[i].bad == NULL && v[i].cached)
			refresh_add(lib->r, v[i].src, lib_base_url(lib, &v[i]));
	return 0;
}

bool
library_refreshing(const struct library *lib)
{
	return lib->r != NULL;
}

size_t
library_pollfds(struct library *lib, struct pollfd *fds, size_t max)
{
	return lib->r != NULL ? refresh_pollfds(lib->r, fds, max) : 0;
}

int
library_timeout(struct library *lib)
{
	return lib->r != NULL ? refresh_timeout(lib->r) : -1;
}

static void
finish(struct library *lib)
{
	free(lib->result);
	lib->result_error = lib->r_errors > 0;
	if (lib->r_errors > 1)
		lib->result = xasprintf("refresh failed (%zu feeds): %s",
		    lib->r_errors, lib->first_error);
	else if (lib->r_errors == 1)
		lib->result = xasprintf("refresh failed: %s",
		    lib->first_error);
	else if (lib->first_warning != NULL)
		lib->result = xasprintf("refreshed: %zu new issue%s; %s",
		    lib->r_added, lib->r_added == 1 ? "" : "s",
		    lib->first_warning);
	else if (lib->r_added == 0)
		lib->result = xstrdup("refreshed: no new issues");
	else
		lib->result = xasprintf("refreshed: %zu new issue%s",
		    lib->r_added, lib->r_added == 1 ? "" : "s");
	refresh_free(lib->r);
	lib->r = NULL;
	/* The sample gives way once a source has come in, even empty. */
	if (lib->sample && library_sources_fetched(lib))
		hide_sample(lib);
	else
		lib_resolve_feeds(lib);
	lib_places_flush(lib, 50);
}

bool
library_perform(struct library *lib, const struct pollfd *fds, size_t n)
{
	if (lib->r == NULL)
		return false;
	if (refresh_perform(lib->r, fds, n))
		return false;
	finish(lib);
	return true;
}

void
library_progress(const struct library *lib, size_t *done, size_t *total)
{
	*done = lib->r != NULL ? refresh_stats(lib->r)->feeds : lib->r_total;
	*total = lib->r_total;
}

const char *
library_refresh_result(const struct library *lib, bool *error)
{
	*error = lib->result_error;
	return lib->result;
}

/* The store stamps an issue with the time it first sees it: those
 * stamped since the refresh started are its own (r_added bounds them, so
 * that one first seen in the same second before it is not counted). */
size_t
library_refresh_new(struct library *lib, size_t *idx, size_t max)
{
	size_t i, n = 0;

	if (max > lib->r_added)
		max = lib->r_added;
	for (i = 0; i < lib->n && n < max; i++)
		if (lib->v[i].first_seen != (time_t)-1 &&
		    lib->v[i].first_seen >= lib->r_started)
			idx[n++] = i;
	return n;
}

const char *
library_first_error(const struct library *lib)
{
	return lib->first_error;
}
