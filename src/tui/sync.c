/* sync.c - refresh the shown feeds into the cache without blocking.
 *
 * Each feed is one fetch transfer; its body is pushed into a streaming
 * feed parser as it arrives, and when the transfer ends the parsed issues
 * are written to the cache in one transaction.  Everything runs from the
 * event loop's poll, so the keyboard stays live.  (A stand-in for the
 * refresh module of issue 4 until it lands.)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed.h"
#include "fetch.h"
#include "store.h"
#include "sync.h"
#include "utf8.h"
#include "util.h"

struct job {
	struct sync	*s;
	char		*url;
	int64_t		 feed;
	struct feed_parser *parser;
	struct issue	**issues;
	size_t		 nissues;
	char		*error;
	bool		 done;
};

struct sync {
	struct store	*store;
	struct fetch	*fetch;
	struct job	*jobs;
	size_t		 njobs;
	size_t		 ndone;
	bool		 running;
	bool		 just_ended;
	size_t		 added;
	char		*result;
	bool		 result_error;
};

struct sync *
sync_new(struct store *store, const struct fetch_limits *limits)
{
	struct sync *s = xcalloc(1, sizeof *s);

	s->store = store;
	s->fetch = fetch_new(limits);
	return s;
}

static void
job_clear(struct job *j)
{
	size_t i;

	free(j->url);
	if (j->parser != NULL)
		feed_parser_free(j->parser);
	for (i = 0; i < j->nissues; i++)
		feed_issue_free(j->issues[i]);
	free(j->issues);
	free(j->error);
	memset(j, 0, sizeof *j);
}

static void
jobs_clear(struct sync *s)
{
	size_t i;

	for (i = 0; i < s->njobs; i++)
		job_clear(&s->jobs[i]);
	free(s->jobs);
	s->jobs = NULL;
	s->njobs = s->ndone = 0;
}

void
sync_free(struct sync *s)
{
	if (s == NULL)
		return;
	fetch_free(s->fetch);
	jobs_clear(s);
	free(s->result);
	free(s);
}

static int
collect(const struct issue *is, void *arg)
{
	struct job *j = arg;

	j->issues = xreallocarray(j->issues, j->nissues + 1,
	    sizeof *j->issues);
	j->issues[j->nissues++] = feed_issue_dup(is);
	return 0;
}

static void
job_fail(struct job *j, const char *cause)
{
	if (j->error == NULL)
		j->error = xstrdup(cause);
}

/* Write what the job parsed; one transaction per feed. */
static void
job_store(struct job *j, const struct fetch_info *info, const char *title)
{
	struct store *st = j->s->store;
	struct store_feed f;
	char *cause = NULL;
	bool is_new;
	size_t i;

	if (store_begin(st, &cause) == -1)
		goto fail;
	for (i = 0; i < j->nissues; i++) {
		if (store_upsert(st, j->feed, j->issues[i], &is_new,
		    &cause) == -1) {
			store_rollback(st);
			goto fail;
		}
		if (is_new)
			j->s->added++;
	}
	memset(&f, 0, sizeof f);
	f.id = j->feed;
	f.title = (char *)title;
	f.etag = info != NULL ? (char *)info->etag : NULL;
	f.last_modified = info != NULL ? (char *)info->last_modified : NULL;
	f.last_fetch = time(NULL);
	if (store_feed_set(st, &f, &cause) == -1) {
		store_rollback(st);
		goto fail;
	}
	if (store_commit(st, &cause) == -1)
		goto fail;
	return;
fail:
	job_fail(j, cause);
	free(cause);
}

static int
on_body(const struct fetch_info *info, const void *data, size_t len,
    void *arg, char **cause)
{
	struct job *j = arg;

	if (j->parser == NULL)
		j->parser = feed_parser_new(info->effective_url, info->charset,
		    NULL, collect, j);
	return feed_parser_push(j->parser, data, len, cause);
}

static void
on_done(const struct fetch_info *info, void *arg)
{
	struct job *j = arg;
	struct store_feed old;
	const struct feed_meta *meta;
	char *cause = NULL;

	j->done = true;
	j->s->ndone++;
	if (info->status == FETCH_ERROR) {
		job_fail(j, info->error);
		goto error;
	}
	if (info->status == FETCH_NOT_MODIFIED) {
		if (store_feed_get(j->s->store, j->url, &old, &cause) == 1) {
			old.last_fetch = time(NULL);
			old.last_error = NULL;
			if (store_feed_set(j->s->store, &old, &cause) == -1)
				job_fail(j, cause);
			store_feed_clear(&old);
		} else if (cause != NULL)
			job_fail(j, cause);
		free(cause);
		return;
	}
	if (j->parser == NULL)
		j->parser = feed_parser_new(info->effective_url, info->charset,
		    NULL, collect, j);
	if (feed_parser_finish(j->parser, &cause) == -1) {
		job_fail(j, cause);
		free(cause);
		goto error;
	}
	meta = feed_parser_meta(j->parser);
	job_store(j, info, meta != NULL ? meta->title : NULL);
	if (j->error == NULL)
		return;
error:
	cause = NULL;
	if (store_feed_set_error(j->s->store, j->feed, j->error, &cause) == -1)
		free(cause);
}

/* Markdown posts are local files read in one go. */
static void
job_local(struct job *j, const char *source)
{
	struct feed_meta meta;
	char *cause = NULL, *warning = NULL;

	memset(&meta, 0, sizeof meta);
	if (feed_load_local(source, NULL, collect, j, &meta, &warning,
	    &cause) == -1) {
		job_fail(j, cause);
		free(cause);
	} else
		job_store(j, NULL, meta.title);
	free(warning);
	feed_meta_clear(&meta);
	j->done = true;
	j->s->ndone++;
}

int
sync_start(struct sync *s, const char *const *urls, size_t n, char **cause)
{
	struct fetch_request req;
	struct store_feed old;
	struct job *j;
	char *err = NULL;
	size_t i;
	int started = 0;

	if (s->running)
		return 0;
	jobs_clear(s);
	free(s->result);
	s->result = NULL;
	s->added = 0;
	s->jobs = xcalloc(n, sizeof *s->jobs);
	s->njobs = n;
	for (i = 0; i < n; i++) {
		j = &s->jobs[i];
		j->s = s;
		j->url = fetch_url(urls[i]);
		if ((j->feed = store_feed_add(s->store, j->url, &err)) == -1) {
			job_fail(j, err);
			free(err);
			err = NULL;
			j->done = true;
			s->ndone++;
			continue;
		}
		if (feed_is_markdown_source(urls[i])) {
			job_local(j, urls[i]);
			started++;
			continue;
		}
		memset(&req, 0, sizeof req);
		memset(&old, 0, sizeof old);
		req.url = j->url;
		if (store_feed_get(s->store, j->url, &old, &err) == 1) {
			req.etag = old.etag;
			req.last_modified = old.last_modified;
		}
		free(err);
		err = NULL;
		if (fetch_add(s->fetch, &req, on_body, on_done, j, &err) == -1) {
			job_fail(j, err);
			free(err);
			err = NULL;
			j->done = true;
			s->ndone++;
		} else
			started++;
		store_feed_clear(&old);
	}
	if (started == 0 && n > 0) {
		*cause = xstrdup(s->jobs[0].error != NULL ? s->jobs[0].error :
		    "nothing to refresh");
		jobs_clear(s);
		return -1;
	}
	s->running = true;
	return 0;
}

bool
sync_running(const struct sync *s)
{
	return s->running;
}

size_t
sync_pollfds(struct sync *s, struct pollfd *fds, size_t max)
{
	if (!s->running)
		return 0;
	return fetch_pollfds(s->fetch, fds, max);
}

int
sync_timeout(struct sync *s)
{
	if (!s->running)
		return -1;
	/* Local jobs may already be done with nothing to poll for. */
	if (fetch_running(s->fetch) == 0)
		return 0;
	return fetch_timeout(s->fetch);
}

static void
finish(struct sync *s)
{
	const char *err = NULL;
	char *clean;
	size_t i, nerr = 0;

	for (i = 0; i < s->njobs; i++) {
		if (s->jobs[i].error != NULL) {
			if (err == NULL)
				err = s->jobs[i].error;
			nerr++;
		}
	}
	free(s->result);
	s->result_error = err != NULL;
	if (err != NULL) {
		clean = utf8_sanitize(err, strlen(err), UTF8_ONELINE);
		if (nerr > 1)
			s->result = xasprintf("refresh failed (%zu feeds): %s",
			    nerr, clean);
		else
			s->result = xasprintf("refresh failed: %s", clean);
		free(clean);
	} else if (s->added == 0)
		s->result = xstrdup("refreshed: no new issues");
	else
		s->result = xasprintf("refreshed: %zu new issue%s", s->added,
		    s->added == 1 ? "" : "s");
	s->running = false;
}

bool
sync_perform(struct sync *s, const struct pollfd *fds, size_t n)
{
	if (!s->running)
		return false;
	fetch_perform(s->fetch, fds, n);
	if (fetch_running(s->fetch) == 0 && s->ndone == s->njobs) {
		finish(s);
		return true;
	}
	return false;
}

void
sync_progress(const struct sync *s, size_t *done, size_t *total)
{
	*done = s->ndone;
	*total = s->njobs;
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
