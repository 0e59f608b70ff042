/* refresh.c - fetch every feed in parallel, then parse and store each one
 * in its own transaction (see refresh.h).
 *
 * A body is spooled while it downloads (in memory, then in a temporary
 * file past SPOOL_MEM; a local file is its own spool, read again by the
 * parse) and parsed only once it is complete: the write
 * transaction is then held for the time the parse takes, never for the
 * time the network takes, so another mesosnews refreshing the same cache
 * waits seconds at most, and a truncated or failed download never reaches
 * the store at all.
 *
 * The parse runs in a thread of its own while this one stores the issues
 * it produces (parsing and storing each take about half of an import).
 * The thread reads only the spool and the parser; every store and fetch
 * call stays in the caller's thread.  Parsed issues wait in a queue of
 * bounded size, and a pipe wakes the caller's poll when there are some.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "feed.h"
#include "refresh.h"
#include "uri.h"
#include "util.h"

#define SPOOL_MEM	(256u << 10)	/* spool in memory up to this */
#define CHUNK		(64u << 10)	/* bytes per parser push */
#define QUEUE_BYTES	(4u << 20)	/* parsed ahead of the store */
#define LOCK_POLL_MS	50		/* retry another's write lock */
#define PARSE_POLL_MS	20		/* look at the parse thread */
#define LOCK_WAIT_MS	30000		/* then give up */

enum job_state {
	J_FETCHING,
	J_READY,		/* queued for import */
	J_IMPORTING,
	J_DONE,
};

struct job {
	struct refresh		*r;
	struct job		*next;		/* every job */
	struct job		*qnext;		/* the ready queue */
	char			*source;	/* as the user named it */
	char			*base_url;	/* of its Markdown posts, or
						   NULL */
	char			*url;		/* the cache's key */
	enum job_state		 state;
	bool			 markdown;

	/* The outcome of the fetch. */
	enum fetch_status	 status;
	char			*error;		/* "SOURCE: why" */
	char			*effective;
	char			*charset;
	char			*etag;
	char			*last_modified;

	/* The spooled body. */
	struct buf		 mem;
	FILE			*file;
	char			*vbuf;		/* file's buffer */
	bool			 direct;	/* the spool is path */
	char			*path;
	size_t			 spooled;
	char			*spool_error;

	/* The import. */
	long long		 wait_since;	/* ms; waiting for the lock */
	int64_t			 feed;
	size_t			 new_issues;
	char			*store_error;
};

/* An issue parsed and not yet stored; its strings follow it in the same
 * allocation. */
struct parsed {
	struct parsed		*next;
	size_t			 size;
	struct issue		 issue;
};

/* The parse of the importing feed.  The thread owns the parser and reads
 * the job's spool; the fields under lock are shared. */
struct parse {
	pthread_t		 thread;
	bool			 running;	/* not yet joined */
	struct job		*job;
	pthread_mutex_t		 lock;
	pthread_cond_t		 room;		/* queue drained or cancel */
	struct parsed		*head;		/* under lock */
	struct parsed		*tail;		/* under lock */
	size_t			 bytes;		/* under lock */
	bool			 done;		/* under lock */
	bool			 cancel;	/* under lock */
	bool			 waiting;	/* under lock: for the pipe */
	/* Written by the thread before done, read after it is joined. */
	char			*cause;		/* the parse failed */
	char			*title;
	char			*warning;
};

struct refresh {
	struct store		*store;
	struct fetch		*fetch;
	struct fetch_limits	 limits;
	refresh_feed_fn		 fn;
	void			*arg;
	struct job		*jobs;
	struct job		*ready;		/* queue head */
	struct job		*ready_tail;
	struct job		*importing;
	bool			 locked_out;	/* another holds the lock */
	size_t			 pending;
	struct refresh_stats	 stats;
	struct parse		 parse;
	int			 wake[2];	/* the parse has news */
	bool			 xml_ready;	/* libxml2 initialised */
};

struct refresh *
refresh_new(struct store *store, const struct fetch_limits *limits,
    refresh_feed_fn fn, void *arg, char **cause)
{
	static const struct fetch_limits defaults = FETCH_LIMITS_DEFAULT;
	struct refresh *r;
	int wake[2];

	if (pipe(wake) != 0) {
		*cause = xasprintf("cannot refresh: pipe: %s",
		    strerror(errno));
		return NULL;
	}
	r = xcalloc(1, sizeof *r);
	r->store = store;
	r->limits = limits != NULL ? *limits : defaults;
	r->fetch = fetch_new(&r->limits);
	r->fn = fn;
	r->arg = arg;
	r->wake[0] = wake[0];
	r->wake[1] = wake[1];
	fcntl(r->wake[0], F_SETFL, O_NONBLOCK);
	fcntl(r->wake[1], F_SETFL, O_NONBLOCK);
	fcntl(r->wake[0], F_SETFD, FD_CLOEXEC);
	fcntl(r->wake[1], F_SETFD, FD_CLOEXEC);
	pthread_mutex_init(&r->parse.lock, NULL);
	pthread_cond_init(&r->parse.room, NULL);
	return r;
}

static void
job_free(struct job *j)
{
	free(j->source);
	free(j->base_url);
	free(j->url);
	free(j->error);
	free(j->effective);
	free(j->charset);
	free(j->etag);
	free(j->last_modified);
	buf_free(&j->mem);
	if (j->file != NULL)
		fclose(j->file);
	free(j->vbuf);
	free(j->path);
	free(j->spool_error);
	free(j->store_error);
	free(j);
}

static void
wake(struct refresh *r)
{
	char c = 0;

	/* Full: the caller has a wake-up waiting already.  Any other
	 * failure only delays it: the loop's timeout bounds the wait while
	 * a parse runs (refresh_timeout). */
	(void)!write(r->wake[1], &c, 1);
}

static void
drain(struct refresh *r)
{
	char junk[64];

	while (read(r->wake[0], junk, sizeof junk) > 0)
		continue;
}

/* NOTE: a copy of struct issue's members, to notice when one is added:
 * parsed_new must copy every string. */
struct issue_mirror {
	char *id, *title, *link, *author;
	time_t published, updated;
	char *date_raw, *content;
	enum content_kind kind;
	char *summary;
	enum content_kind summary_kind;
	char *tags, *base;
};
_Static_assert(sizeof(struct issue_mirror) == sizeof(struct issue),
    "struct issue changed: update parsed_new");

static struct parsed *
parsed_new(const struct issue *is)
{
	const char *from[] = { is->id, is->title, is->link, is->author,
	    is->date_raw, is->content, is->summary, is->tags, is->base };
	struct parsed *p;
	size_t len[nitems(from)], size = sizeof *p, i;
	char **to[nitems(from)], *d;

	for (i = 0; i < nitems(from); i++) {
		len[i] = from[i] != NULL ? strlen(from[i]) + 1 : 0;
		size += len[i];
	}
	p = xmalloc(size);
	p->next = NULL;
	p->size = size;
	p->issue = *is;
	to[0] = &p->issue.id;
	to[1] = &p->issue.title;
	to[2] = &p->issue.link;
	to[3] = &p->issue.author;
	to[4] = &p->issue.date_raw;
	to[5] = &p->issue.content;
	to[6] = &p->issue.summary;
	to[7] = &p->issue.tags;
	to[8] = &p->issue.base;
	d = (char *)(p + 1);
	for (i = 0; i < nitems(from); i++) {
		*to[i] = from[i] != NULL ? memcpy(d, from[i], len[i]) : NULL;
		d += len[i];
	}
	return p;
}

/* The parser's callback, in the parse thread: queue a copy of the issue,
 * waiting while the queue is full. */
static int
parsed_issue(const struct issue *is, void *arg)
{
	struct refresh *r = arg;
	struct parse *pp = &r->parse;
	struct parsed *p = parsed_new(is);
	bool waiting;

	pthread_mutex_lock(&pp->lock);
	while (pp->head != NULL && pp->bytes >= QUEUE_BYTES && !pp->cancel)
		pthread_cond_wait(&pp->room, &pp->lock);
	if (pp->cancel) {
		pthread_mutex_unlock(&pp->lock);
		free(p);
		return -1;
	}
	if (pp->tail != NULL)
		pp->tail->next = p;
	else
		pp->head = p;
	pp->tail = p;
	pp->bytes += p->size;
	waiting = pp->waiting;
	pp->waiting = false;
	pthread_mutex_unlock(&pp->lock);
	if (waiting)
		wake(r);
	return 0;
}

static bool
cancelled(struct parse *pp)
{
	bool c;

	pthread_mutex_lock(&pp->lock);
	c = pp->cancel;
	pthread_mutex_unlock(&pp->lock);
	return c;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* The parse thread: the whole spooled body through the parser. */
static void *
parse_main(void *arg)
{
	struct refresh *r = arg;
	struct parse *pp = &r->parse;
	struct job *j = pp->job;
	struct feed_limits lim;
	struct feed_parser *p;
	char chunk[CHUNK], *cause = NULL;
	const char *data;
	size_t n, pos = 0;
	ssize_t got;
	int fd = -1;

	memset(&lim, 0, sizeof lim);
	lim.max_doc = r->limits.max_size;
	/* A broken feed keeps the entries that came out whole, with the
	 * parser's warning, as readers in wide use do. */
	lim.recover = true;
	/* Made here: libxml2 keeps its error handler per thread. */
	p = feed_parser_new(j->effective != NULL ? j->effective : j->url,
	    j->charset, &lim, parsed_issue, r);
	if (j->direct && (fd = open(j->path, O_RDONLY | O_CLOEXEC)) == -1) {
		cause = xstrdup(strerror(errno));
		goto out;
	}
	while (pos < j->spooled && !cancelled(pp)) {
		n = j->spooled - pos < CHUNK ? j->spooled - pos : CHUNK;
		if (fd != -1) {
			if ((got = read(fd, chunk, n)) <= 0) {
				cause = got == -1 ? xstrdup(strerror(errno)) :
				    xstrdup("the file changed while it was "
				    "read");
				goto out;
			}
			n = (size_t)got;
			data = chunk;
		} else if (j->file != NULL) {
			if (fread(chunk, 1, n, j->file) != n) {
				cause = xstrdup("cannot read a temporary "
				    "file");
				goto out;
			}
			data = chunk;
		} else
			data = j->mem.data + pos;
		pos += n;
		if (feed_parser_push(p, data, n, &cause) == -1)
			goto out;
	}
	if (pos == j->spooled && feed_parser_finish(p, &cause) == 0) {
		pp->title = dup_or_null(feed_parser_meta(p)->title);
		pp->warning = dup_or_null(feed_parser_warning(p));
	}

out:
	if (fd != -1)
		close(fd);
	pp->cause = cause;
	feed_parser_free(p);
	pthread_mutex_lock(&pp->lock);
	pp->done = true;
	pthread_mutex_unlock(&pp->lock);
	wake(r);	/* whether waited for or not: it is once */
	return NULL;
}

/* Start the parse of job j in its thread; -1 with *cause if it cannot. */
static int
parse_start(struct refresh *r, struct job *j, char **cause)
{
	struct parse *pp = &r->parse;
	sigset_t all, old;
	int rc;

	if (!r->xml_ready) {
		feed_init();
		r->xml_ready = true;
	}
	pp->job = j;
	pp->head = pp->tail = NULL;
	pp->bytes = 0;
	pp->done = pp->cancel = pp->waiting = false;
	pp->cause = pp->title = pp->warning = NULL;
	drain(r);
	/* Signals are for the caller's thread (its poll must see them). */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&pp->thread, NULL, parse_main, r);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		*cause = xasprintf("cannot start a thread: %s", strerror(rc));
		return -1;
	}
	pp->running = true;
	return 0;
}

/* Stop the parse thread (if it still runs) and drop what it queued. */
static void
parse_stop(struct refresh *r)
{
	struct parse *pp = &r->parse;
	struct parsed *p, *next;

	if (!pp->running)
		return;
	pthread_mutex_lock(&pp->lock);
	pp->cancel = true;
	pthread_cond_broadcast(&pp->room);
	pthread_mutex_unlock(&pp->lock);
	pthread_join(pp->thread, NULL);
	pp->running = false;
	for (p = pp->head; p != NULL; p = next) {
		next = p->next;
		free(p);
	}
	pp->head = pp->tail = NULL;
	pp->bytes = 0;
	free(pp->cause);
	free(pp->title);
	free(pp->warning);
	pp->cause = pp->title = pp->warning = NULL;
	pp->job = NULL;
	drain(r);
}

/* True when the parse has issues to store or has finished. */
static bool
parse_ready(struct refresh *r)
{
	struct parse *pp = &r->parse;
	bool ready;

	pthread_mutex_lock(&pp->lock);
	ready = pp->head != NULL || pp->done;
	pthread_mutex_unlock(&pp->lock);
	return ready;
}

void
refresh_free(struct refresh *r)
{
	struct job *j, *next;

	if (r == NULL)
		return;
	/* First the transfers, whose callbacks point at the jobs. */
	fetch_free(r->fetch);
	parse_stop(r);
	if (r->importing != NULL)
		store_rollback(r->store);
	for (j = r->jobs; j != NULL; j = next) {
		next = j->next;
		job_free(j);
	}
	pthread_mutex_destroy(&r->parse.lock);
	pthread_cond_destroy(&r->parse.room);
	close(r->wake[0]);
	close(r->wake[1]);
	free(r);
}

char *
refresh_feed_url(const char *source)
{
	char *real, *url;

	if (uri_is_absolute(source))
		return xstrdup(source);
	/* One file is one feed, however it is named. */
	if ((real = realpath(source, NULL)) == NULL)
		return uri_from_path(source);
	url = uri_from_path(real);
	free(real);
	return url;
}

static void
enqueue(struct job *j)
{
	struct refresh *r = j->r;

	j->state = J_READY;
	j->qnext = NULL;
	if (r->ready_tail != NULL)
		r->ready_tail->qnext = j;
	else
		r->ready = j;
	r->ready_tail = j;
}

static int
spool_body(const struct fetch_info *info, const void *data, size_t len,
    void *arg, char **cause)
{
	struct job *j = arg;

	/* A local file is its own spool: the parse reads it again rather
	 * than a copy of it, only counting the bytes libcurl saw. */
	if (j->spooled == 0 && info->http_code == 0 &&
	    strncasecmp(info->effective_url, "file:", 5) == 0 &&
	    (j->path = uri_to_path(info->effective_url)) != NULL)
		j->direct = true;
	if (j->direct) {
		j->spooled += len;
		return 0;
	}
	if (j->file == NULL && j->mem.len + len <= SPOOL_MEM) {
		buf_add(&j->mem, data, len);
		j->spooled += len;
		return 0;
	}
	if (j->file == NULL) {
		if ((j->file = tmpfile()) == NULL) {
			*cause = xasprintf("cannot create a temporary file: "
			    "%s", strerror(errno));
			return -1;
		}
		/* Written in large pieces: libcurl hands over 16 KiB. */
		j->vbuf = xmalloc(SPOOL_MEM);
		setvbuf(j->file, j->vbuf, _IOFBF, SPOOL_MEM);
		if (j->mem.len > 0 &&
		    fwrite(j->mem.data, 1, j->mem.len, j->file) != j->mem.len)
			goto error;
		buf_free(&j->mem);
	}
	if (fwrite(data, 1, len, j->file) != len)
		goto error;
	j->spooled += len;
	return 0;

error:
	*cause = xasprintf("cannot write a temporary file: %s",
	    strerror(errno));
	return -1;
}

static void
fetched(const struct fetch_info *info, void *arg)
{
	struct job *j = arg;

	j->status = info->status;
	j->error = dup_or_null(info->error);
	j->effective = dup_or_null(info->effective_url);
	j->charset = dup_or_null(info->charset);
	j->etag = dup_or_null(info->etag);
	j->last_modified = dup_or_null(info->last_modified);
	enqueue(j);
}

void
refresh_add(struct refresh *r, const char *source, const char *base_url)
{
	struct fetch_request req;
	struct store_feed state;
	struct job *j;
	char *url, *path, *cause = NULL;

	url = refresh_feed_url(source);
	for (j = r->jobs; j != NULL; j = j->next)
		if (strcmp(j->url, url) == 0) {
			free(url);
			return;
		}
	j = xcalloc(1, sizeof *j);
	j->r = r;
	j->source = xstrdup(source);
	j->base_url = base_url != NULL ? xstrdup(base_url) : NULL;
	j->url = url;
	j->next = r->jobs;
	r->jobs = j;
	r->pending++;

	path = uri_to_path(url);
	j->markdown = path != NULL && feed_is_markdown_source(path);
	free(path);
	if (j->markdown) {
		enqueue(j);
		return;
	}

	memset(&req, 0, sizeof req);
	req.url = source;
	/* Conditional from the second fetch on. */
	if (store_feed_get(r->store, url, &state, &cause) == -1) {
		free(cause);	/* an unreadable state: fetch it all */
		cause = NULL;
	}
	req.etag = state.etag;
	req.last_modified = state.last_modified;
	j->state = J_FETCHING;
	if (fetch_add(r->fetch, &req, spool_body, fetched, j, &cause) != 0) {
		j->status = FETCH_ERROR;
		j->error = cause;
		enqueue(j);
	}
	store_feed_clear(&state);
}

bool
refresh_busy(struct refresh *r)
{
	return r->pending > 0;
}

size_t
refresh_pollfds(struct refresh *r, struct pollfd *fds, size_t max)
{
	size_t n = 0;

	/* First, so that a caller short of room keeps it. */
	if (r->parse.running) {
		if (max > 0) {
			fds[0].fd = r->wake[0];
			fds[0].events = POLLIN;
			fds[0].revents = 0;
		}
		n = 1;
	}
	/* Asked only how many (fds NULL): no pointer arithmetic on it. */
	return n + fetch_pollfds(r->fetch, max > n ? fds + n : NULL,
	    max > n ? max - n : 0);
}

int
refresh_timeout(struct refresh *r)
{
	int t = fetch_timeout(r->fetch);

	if (r->importing != NULL) {
		if (!r->parse.running || parse_ready(r))
			return 0;
		/* The pipe wakes the poll; this only bounds the wait of a
		 * caller that does not poll it. */
		return t >= 0 && t < PARSE_POLL_MS ? t : PARSE_POLL_MS;
	}
	if (r->ready != NULL && !r->locked_out)
		return 0;
	if (r->ready != NULL && (t < 0 || t > LOCK_POLL_MS))
		return LOCK_POLL_MS;
	return t;
}

const struct refresh_stats *
refresh_stats(struct refresh *r)
{
	return &r->stats;
}

static void
finish(struct job *j, const char *error, const char *warning)
{
	struct refresh *r = j->r;

	j->state = J_DONE;
	r->pending--;
	r->stats.feeds++;
	if (error != NULL)
		r->stats.errors++;
	else {
		r->stats.refreshed++;
		r->stats.new_issues += j->new_issues;
		if (j->status == FETCH_NOT_MODIFIED)
			r->stats.unchanged++;
	}
	if (r->fn != NULL)
		r->fn(j->source, error, warning, error == NULL ?
		    j->new_issues : 0, r->arg);
	/* Free what the import held; the job stays for de-duplication. */
	buf_free(&j->mem);
	if (j->file != NULL) {
		fclose(j->file);
		j->file = NULL;
	}
	free(j->vbuf);
	j->vbuf = NULL;
}

/* The feed failed: undo its transaction, record the error, report it.
 * cause is the reason without the source, or NULL when j->error has the
 * whole message. */
static void
fail(struct job *j, const char *cause)
{
	struct refresh *r = j->r;
	char *msg, *ignored = NULL;
	int64_t feed;

	if (r->importing == j) {
		parse_stop(r);
		r->importing = NULL;
	}
	if (store_in_transaction(r->store))
		store_rollback(r->store);
	msg = cause != NULL ? xasprintf("%s: %s", j->source, cause) :
	    xstrdup(j->error);
	/* The issues and the validators stay; only the error is noted,
	 * and not at all if that meant waiting for another process. */
	if (store_try_begin(r->store, &ignored) == 0) {
		if ((feed = store_feed_add(r->store, j->url, &ignored)) == -1 ||
		    store_feed_set_error(r->store, feed, msg, &ignored) == -1 ||
		    store_commit(r->store, &ignored) == -1)
			store_rollback(r->store);
	}
	free(ignored);
	finish(j, msg, NULL);
	free(msg);
}

static int
store_issue(const struct issue *is, void *arg)
{
	struct job *j = arg;
	bool is_new;

	if (store_upsert(j->r->store, j->feed, is, &is_new,
	    &j->store_error) == -1)
		return -1;
	if (is_new)
		j->new_issues++;
	return 0;
}

/* Begin the feed's transaction without waiting for another process that
 * holds the write lock: 1 when it must be tried again later, -1 after
 * failing the job, 0 when it is open. */
static int
begin(struct job *j)
{
	struct refresh *r = j->r;
	char *cause = NULL;
	int rc;

	if ((rc = store_try_begin(r->store, &cause)) == 1) {
		if (j->wait_since == 0)
			j->wait_since = util_now_ms();
		if (util_now_ms() - j->wait_since < LOCK_WAIT_MS)
			return 1;
		fail(j, "the cache stayed locked by another process");
		return -1;
	}
	if (rc == -1 ||
	    (j->feed = store_feed_add(r->store, j->url, &cause)) == -1) {
		fail(j, cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Write the feed's new state and commit; fails the job on error. */
static void
commit(struct job *j, const char *title, const char *warning)
{
	struct refresh *r = j->r;
	struct store_feed state;
	char *cause = NULL;

	if (store_feed_get(r->store, j->url, &state, &cause) != 1)
		goto error;
	if (title != NULL) {
		free(state.title);
		state.title = xstrdup(title);
	}
	if (j->status == FETCH_OK) {
		free(state.etag);
		free(state.last_modified);
		state.etag = dup_or_null(j->etag);
		state.last_modified = dup_or_null(j->last_modified);
	}
	state.last_fetch = time(NULL);
	free(state.last_error);
	/* A repaired feed's row says so: what was repaired, and that some
	 * of it may be missing. */
	state.last_error = warning != NULL ? xasprintf("repaired: %s",
	    warning) : NULL;
	if (store_feed_set(r->store, &state, &cause) == -1 ||
	    store_commit(r->store, &cause) == -1) {
		store_feed_clear(&state);
		goto error;
	}
	store_feed_clear(&state);
	if (r->importing == j)
		r->importing = NULL;
	finish(j, NULL, warning);
	return;

error:
	if (cause == NULL)
		cause = xstrdup("the feed vanished from the cache");
	fail(j, cause);
	free(cause);
}

static void
import_markdown(struct job *j)
{
	struct feed_limits lim;
	struct feed_meta meta;
	char *warning = NULL, *cause = NULL;

	memset(&lim, 0, sizeof lim);
	lim.max_doc = j->r->limits.max_size;
	lim.base_url = j->base_url;
	if (feed_load_local(j->source, &lim, store_issue, j, &meta, &warning,
	    &cause) == -1) {
		fail(j, j->store_error != NULL ? j->store_error : cause);
		free(cause);
		return;
	}
	commit(j, meta.title, warning);
	feed_meta_clear(&meta);
	free(warning);
}

/* Start importing a ready feed; 1 when the cache is locked by another
 * process and it must wait its turn. */
static int
start(struct job *j)
{
	struct refresh *r = j->r;
	char *cause = NULL;
	int rc;

	if (j->status == FETCH_ERROR) {
		fail(j, NULL);
		return 0;
	}
	if ((rc = begin(j)) != 0)
		return rc == 1;
	if (j->markdown) {
		import_markdown(j);
		return 0;
	}
	if (j->status == FETCH_NOT_MODIFIED) {
		commit(j, NULL, NULL);
		return 0;
	}
	if (j->file != NULL && (fflush(j->file) != 0 ||
	    fseek(j->file, 0, SEEK_SET) != 0)) {
		j->spool_error = xasprintf("cannot read a temporary file: %s",
		    strerror(errno));
		fail(j, j->spool_error);
		return 0;
	}
	if (parse_start(r, j, &cause) != 0) {
		fail(j, cause);
		free(cause);
		return 0;
	}
	j->state = J_IMPORTING;
	r->importing = j;
	return 0;
}

/* Store up to *budget more bytes of what the parse produced; when it has
 * finished and all is stored, commit.  Returns false when it must wait for
 * the parse. */
static bool
step(struct job *j, size_t *budget)
{
	struct refresh *r = j->r;
	struct parse *pp = &r->parse;
	struct parsed *p;
	char *title, *warning, *cause;
	bool done;
	int rc;

	drain(r);
	for (;;) {
		pthread_mutex_lock(&pp->lock);
		/* A failed parse fails the feed: no use storing the rest. */
		if (pp->done && pp->cause != NULL) {
			pthread_mutex_unlock(&pp->lock);
			cause = xstrdup(pp->cause);
			fail(j, cause);
			free(cause);
			return true;
		}
		if ((p = pp->head) != NULL) {
			if ((pp->head = p->next) == NULL)
				pp->tail = NULL;
			pp->bytes -= p->size;
			pthread_cond_signal(&pp->room);
		}
		done = pp->done;
		/* Nothing to store: the next issue wakes the poll. */
		pp->waiting = p == NULL && !done;
		pthread_mutex_unlock(&pp->lock);
		if (p == NULL)
			break;
		rc = store_issue(&p->issue, j);
		*budget -= p->size < *budget ? p->size : *budget;
		free(p);
		if (rc == -1) {
			fail(j, j->store_error);
			return true;
		}
		if (*budget == 0)
			return true;
	}
	if (!done)
		return false;
	pthread_join(pp->thread, NULL);
	pp->running = false;
	cause = pp->cause;
	title = pp->title;
	warning = pp->warning;
	pp->cause = pp->title = pp->warning = NULL;
	pp->job = NULL;
	if (cause != NULL)
		fail(j, cause);
	else
		commit(j, title, warning);
	free(cause);
	free(title);
	free(warning);
	return true;
}

bool
refresh_perform(struct refresh *r, const struct pollfd *fds, size_t n)
{
	size_t budget = REFRESH_STEP_BYTES;
	struct job *j;

	fetch_perform(r->fetch, fds, n);
	r->locked_out = false;
	drain(r);
	while (budget > 0) {
		if (r->importing != NULL) {
			if (!step(r->importing, &budget))
				break;	/* the pipe says when to go on */
			continue;
		}
		if ((j = r->ready) == NULL)
			break;
		if (start(j) == 1) {
			/* Another mesosnews is writing: try next turn. */
			r->locked_out = true;
			break;
		}
		if (r->ready == j) {
			r->ready = j->qnext;
			if (r->ready == NULL)
				r->ready_tail = NULL;
		}
	}
	return refresh_busy(r);
}

int
refresh_run_all(struct store *store, const char *const *sources, size_t n,
    const struct fetch_limits *limits, const char *const *base_urls,
    refresh_feed_fn fn, void *arg, struct refresh_stats *stats)
{
	struct refresh *r;
	struct pollfd stack[64], *fds = stack;
	size_t i, nfds, cap = nitems(stack);
	char *cause = NULL, *msg;
	int timeout, rc;

	if ((r = refresh_new(store, limits, fn, arg, &cause)) == NULL) {
		for (i = 0; fn != NULL && i < n; i++) {
			msg = xasprintf("%s: %s", sources[i], cause);
			fn(sources[i], msg, NULL, 0, arg);
			free(msg);
		}
		free(cause);
		if (stats != NULL) {
			memset(stats, 0, sizeof *stats);
			stats->errors = n;
		}
		return -1;
	}
	for (i = 0; i < n; i++)
		refresh_add(r, sources[i], base_urls != NULL ? base_urls[i] :
		    NULL);
	while (refresh_busy(r)) {
		while ((nfds = refresh_pollfds(r, fds, cap)) > cap) {
			cap = nfds;
			fds = xreallocarray(fds == stack ? NULL : fds, cap,
			    sizeof *fds);
		}
		/* With parsing to do the timeout is 0: poll only collects
		 * what the network has for us in the meantime. */
		timeout = refresh_timeout(r);
		/* poll fails only for lack of memory or descriptors: the
		 * transfers' own timeouts end them then. */
		if (poll(fds, nfds, timeout < 0 ? 1000 : timeout) == -1 &&
		    errno != EINTR)
			nfds = 0;
		refresh_perform(r, fds, nfds);
	}
	if (stats != NULL)
		*stats = r->stats;
	rc = r->stats.errors == 0 ? 0 : -1;
	if (fds != stack)
		free(fds);
	refresh_free(r);
	return rc;
}
