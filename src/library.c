/* library.c - the issues of a run: sources, the list, one issue, read
 * state, counts and search.  The fetching side (first run, sample,
 * background refresh) is in library_fetch.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "content.h"
#include "doc.h"
#include "events.h"
#include "library.h"
#include "library_int.h"
#include "refresh.h"
#include "store.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

/* A binary run from its build tree (config.status beside it) reads the
 * sample from the tree; an installed one only from PKGDATADIR. */
static char *
build_tree_sample(void)
{
	char exe[4096], *slash, *path;
	ssize_t n;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	path = xasprintf("%s/config.status", exe);
	if (access(path, R_OK) != 0) {
		free(path);
		return NULL;
	}
	free(path);
	path = xasprintf("%s/data/sample.atom", exe);
	if (access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

const char *
library_sample_path(void)
{
	static char *path;
	const char *dir;

	if (path != NULL)
		return path;
	if ((dir = getenv("MESOSNEWS_DATADIR")) != NULL && dir[0] != '\0')
		path = xasprintf("%s/sample.atom", dir);
	else if ((path = build_tree_sample()) == NULL)
		path = xstrdup(PKGDATADIR "/sample.atom");
	return path;
}

time_t
library_issue_date(const struct issue *is)
{
	return is->published != (time_t)-1 ? is->published : is->updated;
}

/* NOTE: store_list's SQL order is this same order, kept by an index. */
int
library_date_cmp(time_t x, time_t y)
{
	if (x == y)
		return 0;
	if (x == (time_t)-1)
		return 1;
	if (y == (time_t)-1)
		return -1;
	return x > y ? -1 : 1;
}

void
library_format_date(time_t t, char out[11])
{
	struct tm tm;

	out[0] = '\0';
	if (t == (time_t)-1 || localtime_r(&t, &tm) == NULL)
		return;
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		out[0] = '\0';
}

/* Sources. */

void
lib_source_init(struct lib_source *s, const char *src, const char *name,
    bool cache_local)
{
	memset(s, 0, sizeof *s);
	s->src = xstrdup(src);
	s->url = refresh_feed_url(src);
	s->feed = -1;
	s->fetched = false;
	s->last_fetch = (time_t)-1;
	/* "htp://x" is no file name: a URL of a scheme we do not fetch. */
	if (uri_is_absolute(src) && !uri_is_remote(src) &&
	    strncasecmp(src, "file:", 5) != 0)
		s->bad = xstrdup("unsupported URL scheme (only http, https "
		    "and file)");
	s->cached = s->bad == NULL && (uri_is_remote(src) || cache_local);
	if (name != NULL && name[0] != '\0')
		s->conf_name = utf8_sanitize(name, strlen(name), UTF8_ONELINE);
}

void
lib_source_clear(struct lib_source *s)
{
	free(s->src);
	free(s->url);
	free(s->conf_name);
	free(s->base_url);
	free(s->name);
	free(s->title);
	free(s->bad);
	free(s->last_error);
	memset(s, 0, sizeof *s);
}

void
lib_sources_free(struct lib_source *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		lib_source_clear(&v[i]);
	free(v);
}

struct library *
library_new(const struct library_opts *o)
{
	struct library *lib;
	size_t i;

	lib = xcalloc(1, sizeof *lib);
	lib->opts = *o;
	lib->opts.sources = NULL;
	lib->opts.names = NULL;
	lib->opts.base_urls = NULL;
	lib->nsrc = o->nsources;
	lib->src = xcalloc(lib->nsrc + 1, sizeof *lib->src);
	/* A Markdown post or directory named on the command line is a
	 * draft: read as it is, even by the reader, so that previewing it
	 * leaves no trace in the cache. */
	for (i = 0; i < lib->nsrc; i++) {
		lib_source_init(&lib->src[i], o->sources[i],
		    o->names != NULL ? o->names[i] : NULL, o->cache_local &&
		    (o->configured || !feed_is_markdown_source(o->sources[i])));
		if (o->base_urls != NULL && o->base_urls[i] != NULL)
			lib->src[i].base_url = xstrdup(o->base_urls[i]);
	}
	lib->cache_path = o->cache_path != NULL ? xstrdup(o->cache_path) :
	    NULL;
	lib->opts.cache_path = lib->cache_path;
	lib->base_url = o->base_url != NULL ? xstrdup(o->base_url) : NULL;
	lib->opts.base_url = lib->base_url;
	lib->last_run = 0;
	lib->latest = -1;
	return lib;
}

static void
free_entries(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		free(lib->v[i].title);	/* the entry's one block */
	free(lib->v);
	lib->v = NULL;
	lib->n = lib->cap = 0;
	free(lib->by_key);
	lib->by_key = NULL;
}

void
library_free(struct library *lib)
{
	if (lib == NULL)
		return;
	lib_refresh_free(lib);
	/* After the refresh has let go of the cache (its transaction rolled
	 * back): the places it would have taken with it. */
	lib_places_flush(lib, -1);
	lib_places_free(lib);
	free_entries(lib);
	lib_sources_free(lib->src, lib->nsrc);
	lib_sources_free(lib->saved, lib->nsaved);
	free(lib->title);
	free(lib->cache_path);
	free(lib->base_url);
	free(lib->order);
	buf_free(&lib->scratch);
	store_close(lib->store);
	free(lib);
}

bool
lib_needs_cache(const struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->nsrc; i++)
		if (lib->src[i].cached)
			return true;
	return false;
}

/* Find (never add) the cache's feed of each cached source, with what it
 * knows of it: whether it was ever fetched, its title. */
void
lib_resolve_feeds(struct library *lib)
{
	struct store_feed f;
	struct lib_source *s;
	char *cause = NULL;
	size_t i;

	if (lib->store == NULL)
		return;
	for (i = 0; i < lib->nsrc; i++) {
		s = &lib->src[i];
		if (!s->cached)
			continue;
		if (store_feed_get(lib->store, s->url, &f, &cause) != 1) {
			free(cause);
			cause = NULL;
			s->feed = -1;
			s->fetched = false;
			store_feed_clear(&f);
			continue;
		}
		s->feed = f.id;
		s->fetched = f.last_fetch != (time_t)-1;
		s->last_fetch = f.last_fetch;
		free(s->last_error);
		s->last_error = f.last_error != NULL ?
		    utf8_sanitize(f.last_error, strlen(f.last_error),
		    UTF8_ONELINE) : NULL;
		free(s->title);
		s->title = NULL;
		if (f.title != NULL && f.title[0] != '\0')
			s->title = utf8_sanitize(f.title, strlen(f.title),
			    UTF8_ONELINE);
		store_feed_clear(&f);
	}
	lib_name_sources(lib);
}

int
lib_open_store(struct library *lib, char **cause)
{
	if (lib->store != NULL)
		return 0;
	if (lib->cache_path == NULL) {
		*cause = xstrdup("no place for the cache: set HOME or use "
		    "--cache FILE");
		return -1;
	}
	if ((lib->store = store_open(lib->cache_path, cause)) == NULL)
		return -1;
	lib_resolve_feeds(lib);
	return 0;
}

const char *
library_notice(const struct library *lib)
{
	return lib->store != NULL ? store_notice(lib->store) : NULL;
}

int
library_open(struct library *lib, char **cause)
{
	struct lib_source *s;
	struct store_feed f;
	size_t i;

	if (lib->store != NULL || !lib_needs_cache(lib))
		return 0;
	if (lib_open_store(lib, cause) == -1)
		return -1;
	/* Issues first seen after the last fetch before this run are new. */
	for (i = 0; i < lib->nsrc; i++) {
		s = &lib->src[i];
		if (s->feed == -1 ||
		    store_feed_get(lib->store, s->url, &f, cause) != 1) {
			free(*cause);
			*cause = NULL;
			continue;
		}
		if (f.last_fetch != (time_t)-1 && f.last_fetch > lib->last_run)
			lib->last_run = f.last_fetch;
		store_feed_clear(&f);
	}
	return 0;
}

/* Names: the configured one, else the feed's title, else the source. */
void
lib_name_sources(struct library *lib)
{
	struct lib_source *s;
	const char *n;
	size_t i;

	for (i = 0; i < lib->nsrc; i++) {
		s = &lib->src[i];
		if ((n = s->conf_name) == NULL && (n = s->title) == NULL)
			n = s->src;
		free(s->name);
		s->name = utf8_sanitize(n, strlen(n), UTF8_ONELINE);
	}
	free(lib->title);
	lib->title = NULL;
	if (lib->nsrc != 1)
		return;
	s = &lib->src[0];
	if (lib->sample)
		lib->title = xasprintf("%s (bundled sample)", s->title != NULL ?
		    s->title : "Sample feed");
	else if (s->conf_name != NULL)
		lib->title = xstrdup(s->conf_name);
	else if (s->title != NULL)
		lib->title = xstrdup(s->title);
}

size_t
library_nsources(const struct library *lib)
{
	return lib->nsrc;
}

const char *
library_source_name(const struct library *lib, size_t i)
{
	return i < lib->nsrc ? lib->src[i].name : NULL;
}

const char *
library_title(const struct library *lib)
{
	return lib->title;
}

void
library_source_info(const struct library *lib, size_t i,
    struct library_source_info *si)
{
	const struct lib_source *s;

	memset(si, 0, sizeof *si);
	if (i >= lib->nsrc)
		return;
	s = &lib->src[i];
	si->name = s->name != NULL ? s->name : s->src;
	si->url = s->src;
	si->cached = s->cached;
	si->last_fetch = s->last_fetch;
	si->error = s->bad != NULL ? s->bad : s->last_error;
	library_counts(lib, (int)i, &si->total, &si->unread);
}

void
library_keep_unread(struct library *lib)
{
	size_t i, j;

	for (i = j = 0; i < lib->n; i++) {
		if (lib->v[i].read) {
			free(lib->v[i].title);
			continue;
		}
		lib->v[j++] = lib->v[i];
	}
	lib->n = j;
	free(lib->by_key);
	lib->by_key = NULL;
}

bool
library_showing_sample(const struct library *lib)
{
	return lib->sample;
}

time_t
library_last_run(const struct library *lib)
{
	return lib->last_run;
}

bool
library_sources_fetched(struct library *lib)
{
	struct lib_source *v = lib->sample ? lib->saved : lib->src;
	size_t i, n = lib->sample ? lib->nsaved : lib->nsrc;
	struct store_feed f;
	char *cause = NULL;
	bool yes = false;

	if (lib->store == NULL)
		return false;
	for (i = 0; i < n && !yes; i++) {
		if (!v[i].cached)
			continue;
		if (store_feed_get(lib->store, v[i].url, &f, &cause) == 1)
			yes = f.last_fetch != (time_t)-1;
		store_feed_clear(&f);
		free(cause);
		cause = NULL;
	}
	return yes;
}

/* The list. */

/* Append a field to b, cleaned again: fields are clean when they come
 * from feed.c, but may come from a cache file written by anything. */
static void
add_field(struct buf *b, const char *s)
{
	if (s != NULL)
		utf8_sanitize_into(b, s, strlen(s), UTF8_ONELINE);
	buf_addc(b, '\0');
}

/* An entry's strings live in one allocation, at its title: there may be
 * a great many entries. */
static struct library_entry *
add_entry(struct library *lib, const struct issue *is)
{
	struct library_entry *e;
	size_t author, id, raw;
	char *block;

	if (lib->n == lib->cap) {
		lib->cap = lib->cap ? lib->cap * 2 : 64;
		lib->v = xreallocarray(lib->v, lib->cap, sizeof *lib->v);
		lib->order = xreallocarray(lib->order, lib->cap,
		    sizeof *lib->order);
	}
	buf_reset(&lib->scratch);
	add_field(&lib->scratch, is->title);
	author = lib->scratch.len;
	add_field(&lib->scratch, is->author);
	id = lib->scratch.len;
	add_field(&lib->scratch, is->id);
	raw = lib->scratch.len;
	add_field(&lib->scratch, is->date_raw);
	block = xmalloc(lib->scratch.len);
	memcpy(block, lib->scratch.data, lib->scratch.len);
	lib->order[lib->n] = lib->n;
	e = &lib->v[lib->n++];
	e->title = block;
	e->author = block + author;
	e->id = block + id;
	e->date_raw = block[raw] != '\0' ? block + raw : NULL;
	e->date = library_issue_date(is);
	e->first_seen = -1;
	e->read = false;
	e->source = -1;
	e->key = 0;
	return e;
}

struct lister {
	struct library	*lib;
	size_t		 limit;		/* 0: all */
	int		 source;	/* of the last issue */
	int64_t		 pos;		/* direct: position in the source */
};

static int
list_cached(const struct store_issue *si, void *arg)
{
	struct lister *l = arg;
	struct library *lib = l->lib;
	struct library_entry *e;

	e = add_entry(lib, &si->issue);
	e->key = si->id;
	e->first_seen = si->first_seen;
	e->read = si->read;
	/* Issues of one feed come in runs: try the last one's first. */
	if (l->source < 0 || lib->src[l->source].feed != si->feed)
		for (l->source = (int)lib->nsrc - 1; l->source >= 0;
		    l->source--)
			if (lib->src[l->source].cached &&
			    lib->src[l->source].feed == si->feed)
				break;
	e->source = l->source;
	if (l->limit > 0 && lib->n >= l->limit)
		return -1;
	return 0;
}

static int
list_direct(const struct issue *is, void *arg)
{
	struct lister *l = arg;
	struct library_entry *e;

	e = add_entry(l->lib, is);
	e->key = DIRECT_KEY(l->source, l->pos);
	l->pos++;
	e->source = l->source;
	return 0;
}

/* Whether every feed the cache holds is a source of the run: a listing
 * then needs no filter, and reads in the index's order (much faster). */
struct feed_check {
	const struct library *lib;
	bool		 all;
};

static int
check_feed(const struct store_feed *f, void *arg)
{
	struct feed_check *fc = arg;
	size_t i;

	for (i = 0; i < fc->lib->nsrc; i++)
		if (fc->lib->src[i].cached && fc->lib->src[i].feed == f->id)
			return 0;
	fc->all = false;
	return -1;
}

static bool
all_feeds(struct library *lib)
{
	struct feed_check fc = { lib, true };
	char *cause = NULL;

	if (store_feed_list(lib->store, check_feed, &fc, &cause) == -1) {
		free(cause);
		return false;
	}
	return fc.all;
}

static struct library *sort_lib;

/* NOTE: stable: ties keep the order in which issues were read. */
static int
entry_cmp(const void *x, const void *y)
{
	const struct library_entry *e = &sort_lib->v[*(const size_t *)x];
	const struct library_entry *f = &sort_lib->v[*(const size_t *)y];
	int c;

	if ((c = library_date_cmp(e->date, f->date)) != 0)
		return c;
	return *(const size_t *)x < *(const size_t *)y ? -1 :
	    *(const size_t *)x > *(const size_t *)y;
}

static void
sort_entries(struct library *lib)
{
	struct library_entry *v;
	size_t i;

	if (lib->n < 2)
		return;
	sort_lib = lib;
	qsort(lib->order, lib->n, sizeof *lib->order, entry_cmp);
	v = xreallocarray(NULL, lib->n, sizeof *v);
	for (i = 0; i < lib->n; i++)
		v[i] = lib->v[lib->order[i]];
	free(lib->v);
	lib->v = v;
	lib->cap = lib->n;
	lib->order = xreallocarray(lib->order, lib->n, sizeof *lib->order);
}

/* How to read source s directly: its own base URL, else the library's. */
const char *
lib_base_url(const struct library *lib, const struct lib_source *s)
{
	return s != NULL && s->base_url != NULL ? s->base_url :
	    lib->opts.base_url;
}

static struct feed_limits
direct_limits(const struct library *lib, const struct lib_source *s,
    bool content)
{
	struct feed_limits lim = { 0 };

	lim.skip_content = !content;
	lim.max_doc = lib->opts.max_doc;
	lim.base_url = lib_base_url(lib, s);
	return lim;
}

int
library_load(struct library *lib, size_t limit, library_report_fn fn,
    void *arg, char **cause)
{
	struct lister l = { lib, limit, -1, 0 };
	struct feed_limits lim = direct_limits(lib, NULL, false);
	struct feed_meta meta;
	int64_t *feeds;
	size_t i, nfeeds = 0;
	bool direct = false, named = false;
	char *w = NULL, *why = NULL, *msg;
	int rc = 0;

	free_entries(lib);
	lib->partial = false;
	if (lib->store != NULL && lib_needs_cache(lib)) {
		lib_resolve_feeds(lib);
		feeds = xcalloc(lib->nsrc + 1, sizeof *feeds);
		for (i = 0; i < lib->nsrc; i++)
			if (lib->src[i].cached && lib->src[i].feed != -1)
				feeds[nfeeds++] = lib->src[i].feed;
		if (nfeeds > 0 && all_feeds(lib))
			rc = store_list(lib->store, NULL, 0, list_cached, &l,
			    cause);
		else if (nfeeds > 0)
			rc = store_list(lib->store, feeds, nfeeds,
			    list_cached, &l, cause);
		free(feeds);
		lib->partial = rc == 0 && limit > 0 && lib->n >= limit;
		rc = rc == 0 ? 0 : -1;
	}
	for (i = 0; rc != -1 && i < lib->nsrc; i++) {
		if (lib->src[i].cached)
			continue;
		/* A source that cannot be read costs only its own issues. */
		if (lib->src[i].bad != NULL) {
			why = xstrdup(lib->src[i].bad);
			goto failed;
		}
		direct = true;
		l.source = (int)i;
		l.pos = 0;
		memset(&meta, 0, sizeof meta);
		lim = direct_limits(lib, &lib->src[i], false);
		if (feed_load_local(lib->src[i].src, &lim, list_direct, &l,
		    &meta, &w, &why) == -1) {
			feed_meta_clear(&meta);
			free(w);
			w = NULL;
			goto failed;
		}
		if (w != NULL && fn != NULL)
			fn(lib->src[i].src, NULL, w, arg);
		/* A direct source is named by its feed's title too. */
		if (meta.title != NULL && meta.title[0] != '\0') {
			free(lib->src[i].title);
			lib->src[i].title = utf8_sanitize(meta.title,
			    strlen(meta.title), UTF8_ONELINE);
			named = true;
		}
		feed_meta_clear(&meta);
		free(w);
		w = NULL;
		continue;
failed:
		msg = xasprintf("%s: %s", lib->src[i].src, why);
		free(why);
		why = NULL;
		/* Sources named on the command line are all or nothing. */
		if (!lib->opts.configured) {
			*cause = msg;
			free_entries(lib);
			return -1;
		}
		if (fn != NULL)
			fn(lib->src[i].src, msg, NULL, arg);
		if (fn == NULL && rc == 0)
			*cause = msg;
		else
			free(msg);
		rc = 1;
	}
	if (named)
		lib_name_sources(lib);
	/* The cache lists in order; anything read directly is sorted in. */
	if (direct)
		sort_entries(lib);
	return rc;
}

bool
library_partial(const struct library *lib)
{
	return lib->partial;
}

size_t
library_count(const struct library *lib)
{
	return lib->n;
}

struct library_entry *
library_entry(struct library *lib, size_t i)
{
	return i < lib->n ? &lib->v[i] : NULL;
}

static int
by_key_cmp(const void *x, const void *y)
{
	int64_t p = sort_lib->v[*(const size_t *)x].key;
	int64_t q = sort_lib->v[*(const size_t *)y].key;

	return p < q ? -1 : p > q;
}

size_t
library_find_key(struct library *lib, int64_t key)
{
	size_t lo = 0, hi = lib->n, mid, i;

	if (lib->by_key == NULL) {
		lib->by_key = xcalloc(lib->n + 1, sizeof *lib->by_key);
		for (i = 0; i < lib->n; i++)
			lib->by_key[i] = i;
		sort_lib = lib;
		qsort(lib->by_key, lib->n, sizeof *lib->by_key, by_key_cmp);
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (lib->v[lib->by_key[mid]].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < lib->n && lib->v[lib->by_key[lo]].key == key)
		return lib->by_key[lo];
	return (size_t)-1;
}

size_t
library_find(struct library *lib, const char *which)
{
	unsigned long n;
	char *end;
	size_t i;

	if (lib->n == 0)
		return (size_t)-1;
	if (which == NULL || strcmp(which, "latest") == 0)
		return 0;
	n = strtoul(which, &end, 10);
	if (*which != '\0' && *end == '\0' && which[0] != '-')
		return n >= 1 && n <= lib->n ? (size_t)n - 1 : (size_t)-1;
	for (i = 0; i < lib->n; i++)
		if (strcmp(lib->v[i].id, which) == 0)
			return i;
	return (size_t)-1;
}

/* One issue. */

struct wanted {
	int64_t		 pos;		/* the one to keep */
	int64_t		 at;		/* position of the next one */
	struct issue	*found;
};

static int
want_direct(const struct issue *is, void *arg)
{
	struct wanted *w = arg;

	if (w->at++ != w->pos)
		return 0;
	w->found = feed_issue_dup(is);
	return -1;	/* found: stop reading */
}

static struct issue *
get_direct(struct library *lib, const struct lib_source *s, int64_t pos,
    char **cause)
{
	struct feed_limits lim = direct_limits(lib, s, true);
	struct wanted w = { pos, 0, NULL };
	char *why = NULL;

	if (feed_load_local(s->src, &lim, want_direct, &w, NULL, NULL,
	    &why) == -1 && w.found == NULL) {
		*cause = xasprintf("%s: %s", s->src, why);
		free(why);
		return NULL;
	}
	free(why);
	if (w.found == NULL)
		*cause = xasprintf("%s: no such issue", s->src);
	return w.found;
}

struct issue *
library_get(struct library *lib, size_t i, char **cause)
{
	struct library_entry *e;
	struct store_issue *si;
	struct issue *is;

	if ((e = library_entry(lib, i)) == NULL) {
		*cause = xstrdup("no such issue");
		return NULL;
	}
	if (e->source >= 0 && !lib->src[e->source].cached)
		return get_direct(lib, &lib->src[e->source],
		    DIRECT_POS(e->key), cause);
	if (lib->store == NULL) {
		*cause = xstrdup("remote feeds need the cache");
		return NULL;
	}
	if ((si = store_get(lib->store, e->key, cause)) == NULL)
		return NULL;
	is = xcalloc(1, sizeof *is);
	*is = si->issue;
	memset(&si->issue, 0, sizeof si->issue);
	store_issue_free(si);
	return is;
}

/* The newest issue of one direct source.  Feeds list their newest entry
 * first, so its content is kept and the rest of the source is read
 * without content (FEED_NO_CONTENT): a pipe's one big issue is parsed
 * once.  If a later entry turns out newer, it is read afterwards. */
struct latest {
	struct issue	*is;
	time_t		 date;
	int64_t		 pos, at;
};

static int
keep_latest(const struct issue *is, void *arg)
{
	struct latest *l = arg;
	time_t date = library_issue_date(is);

	/* Ties keep the first in the document, as the list does. */
	if (l->is == NULL || library_date_cmp(date, l->date) < 0) {
		feed_issue_free(l->is);
		l->is = l->at == 0 ? feed_issue_dup(is) : NULL;
		l->date = date;
		l->pos = l->at;
	}
	l->at++;
	return FEED_NO_CONTENT;
}

struct issue *
library_latest(struct library *lib, library_report_fn fn, void *arg,
    char **cause)
{
	struct feed_limits lim = direct_limits(lib, &lib->src[0], true);
	struct latest l = { NULL, (time_t)-1, -1, 0 };
	char *w = NULL, *why = NULL;

	if (lib->nsrc != 1 || lib->src[0].cached) {
		if (library_load(lib, 0, fn, arg, cause) == -1)
			return NULL;
		if (lib->n == 0) {
			*cause = xstrdup("no issues to show");
			return NULL;
		}
		lib->latest = lib->v[0].source;
		return library_get(lib, 0, cause);
	}
	lib->latest = 0;
	if (feed_load_local(lib->src[0].src, &lim, keep_latest, &l, NULL,
	    &w, &why) == -1) {
		*cause = xasprintf("%s: %s", lib->src[0].src, why);
		free(why);
		free(w);
		feed_issue_free(l.is);
		return NULL;
	}
	if (w != NULL && fn != NULL)
		fn(lib->src[0].src, NULL, w, arg);
	free(w);
	if (l.pos == -1) {
		*cause = xstrdup("no issues to show");
		return NULL;
	}
	if (l.is != NULL)
		return l.is;
	return get_direct(lib, &lib->src[0], l.pos, cause);
}

const char *
library_entry_source(const struct library *lib, size_t i)
{
	if (i >= lib->n || lib->v[i].source < 0)
		return NULL;
	return lib->src[lib->v[i].source].src;
}

const char *
library_latest_source(const struct library *lib)
{
	return lib->latest >= 0 && (size_t)lib->latest < lib->nsrc ?
	    lib->src[lib->latest].src : NULL;
}

/* Read state. */

int
library_mark_read(struct library *lib, size_t i, bool read, char **cause)
{
	struct library_entry *e;
	int rc;

	if ((e = library_entry(lib, i)) == NULL)
		return 0;
	if (e->source < 0 || lib->src[e->source].cached) {
		if (lib->store == NULL)
			return 0;
		rc = store_mark_read_nowait(lib->store, e->key, read, cause);
		if (rc == -1)
			return -1;
		if (rc == 1)
			lib->marks_queued = true;
	}
	e->read = read;
	return 0;
}

int
library_mark_all_read(struct library *lib, int source, char **cause)
{
	size_t i;

	for (i = 0; i < lib->nsrc; i++) {
		if ((source >= 0 && (int)i != source) || !lib->src[i].cached ||
		    lib->src[i].feed == -1 || lib->store == NULL)
			continue;
		if (store_mark_all_read(lib->store, lib->src[i].feed,
		    cause) == -1)
			return -1;
	}
	for (i = 0; i < lib->n; i++)
		if (source < 0 || lib->v[i].source == source)
			lib->v[i].read = true;
	return 0;
}

bool
library_marks_queued(const struct library *lib)
{
	return lib->marks_queued;
}

int
library_flush_marks(struct library *lib, char **cause)
{
	ssize_t left;

	if (lib->store == NULL)
		return 0;
	if ((left = store_flush_marks(lib->store, cause)) == -1) {
		lib->marks_queued = false;
		return -1;
	}
	lib->marks_queued = left > 0;
	return 0;
}

void
library_counts(const struct library *lib, int source, size_t *total,
    size_t *unread)
{
	size_t i;

	*total = *unread = 0;
	for (i = 0; i < lib->n; i++) {
		if (source >= 0 && lib->v[i].source != source)
			continue;
		(*total)++;
		if (!lib->v[i].read)
			(*unread)++;
	}
}

char *
library_search_word(const char *query)
{
	return store_query_word(query);
}

int
library_search(struct library *lib, const char *query, size_t **idx,
    size_t *n, char **cause)
{
	int64_t *ids = NULL;
	size_t nids = 0, i, k;

	*idx = NULL;
	*n = 0;
	if (lib->store == NULL) {
		*cause = xstrdup("search needs the cache");
		return -1;
	}
	if (store_search(lib->store, query, &ids, &nids, cause) == -1)
		return -1;
	if (lib->partial && library_load(lib, 0, NULL, NULL, cause) == -1) {
		free(ids);
		return -1;
	}
	*idx = xcalloc(nids + 1, sizeof **idx);
	for (i = 0; i < nids; i++)
		if ((k = library_find_key(lib, ids[i])) != (size_t)-1)
			(*idx)[(*n)++] = k;
	free(ids);
	return 0;
}

/* Events. */

/* The events of one issue, or NULL when it has none. */
static struct event_list *
issue_events(const struct issue *is, const char *const *words,
    char **cause)
{
	const char *content = is->content, *base;
	enum content_kind kind = is->kind;
	struct event_list *l;
	struct doc *d;

	if (content == NULL || content[0] == '\0') {
		content = is->summary;
		kind = is->summary_kind;
	}
	if (content == NULL)
		return NULL;
	base = is->base != NULL ? is->base : is->link;
	if ((d = content_parse(content, strlen(content), kind, base,
	    cause)) == NULL)
		return NULL;
	l = events_from_doc(d, library_issue_date(is), words);
	doc_free(d);
	if (l != NULL && events_count(l) == 0) {
		events_free(l);
		l = NULL;
	}
	return l;
}

int
library_events(struct library *lib, const char *const *words,
    struct events_issue **v, size_t *n, char **cause)
{
	struct event_list *l;
	struct issue *is;
	char *why = NULL;
	size_t i;

	*v = xcalloc(lib->n + 1, sizeof **v);
	*n = 0;
	for (i = 0; i < lib->n; i++) {
		if ((is = library_get(lib, i, cause)) == NULL)
			goto error;
		l = issue_events(is, words, &why);
		if (l == NULL && why != NULL) {
			*cause = why;
			feed_issue_free(is);
			goto error;
		}
		if (l != NULL) {
			(*v)[*n].events = l;
			(*v)[*n].id = xstrdup(lib->v[i].id);
			(*v)[*n].title = xstrdup(lib->v[i].title);
			(*v)[*n].link = is->link != NULL ?
			    utf8_sanitize(is->link, strlen(is->link),
			    UTF8_ONELINE) : NULL;
			(*n)++;
		}
		feed_issue_free(is);
	}
	return 0;

error:
	library_events_free(*v, *n);
	*v = NULL;
	*n = 0;
	return -1;
}

void
library_events_free(struct events_issue *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		events_free((struct event_list *)v[i].events);
		free((char *)v[i].id);
		free((char *)v[i].title);
		free((char *)v[i].link);
	}
	free(v);
}
