/* store.c - the cache's feeds, issues, read flags and search; opening it is
 * in store_open.c.  The only SQLite code with it (see store.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "html.h"
#include "store.h"
#include "store_int.h"
#include "utf8.h"
#include "util.h"

/* NOTE: indexed by enum stmt. */
static const char *const stmt_sql[S_NSTMT] = {
	"SELECT id FROM feeds WHERE url = ?1",
	"INSERT INTO feeds (url) VALUES (?1)",
	"SELECT id, url, title, etag, last_modified, last_fetch, last_error "
	"FROM feeds WHERE url = ?1",
	"UPDATE feeds SET title = ?2, etag = ?3, last_modified = ?4, "
	"last_fetch = ?5, last_error = ?6 WHERE id = ?1",
	"UPDATE feeds SET last_error = ?2 WHERE id = ?1",
	"SELECT id, url, title, etag, last_modified, last_fetch, last_error "
	"FROM feeds ORDER BY id",
	"SELECT id, published, updated, title, link, author, date_raw, tags, "
	"base, kind, summary_kind, summary, content FROM issues "
	"WHERE feed = ?1 AND guid = ?2",
	"INSERT INTO issues (feed, guid, sortkey, first_seen, hash, title, "
	"link, author, published, updated, date_raw, tags, base, kind, "
	"summary_kind, content, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	"?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	"UPDATE issues SET sortkey = ?3, hash = ?5, title = ?6, link = ?7, "
	"author = ?8, published = ?9, updated = ?10, date_raw = ?11, "
	"tags = ?12, base = ?13, kind = ?14, summary_kind = ?15, "
	"content = ?16, summary = ?17 WHERE id = ?1",
	"INSERT INTO issues_fts (issues_fts, rowid, title, body) "
	"SELECT 'delete', id, title, mn_index_text(kind, content, "
	"summary_kind, summary) FROM issues WHERE id = ?1",
	"INSERT INTO issues_fts (rowid, title, body) VALUES (?1, ?2, ?3)",
	"UPDATE issues SET read = ?2 WHERE id = ?1",
	"UPDATE issues SET read = 1 WHERE read = 0",
	"UPDATE issues SET read = 1 WHERE read = 0 AND feed = ?1",
	"SELECT id, feed, guid, read, first_seen, title, link, author, "
	"published, updated, date_raw, tags, base, kind, summary_kind, "
	"content, summary FROM issues WHERE id = ?1",
};

/*
 * NOTE: the index holds the text of an issue's first INDEX_MAX bytes.
 * Search finds what a reader sees of the first pages, and a field at the
 * 16 MiB cap is not parsed and tokenised whole (a 15 MiB description
 * took 113 MB to import).  Changing it needs a migration that rebuilds
 * the index, as 3 -> 4 did: FTS5 deletes a row by the same text.
 */
#define INDEX_MAX	(1u << 20)

/* The columns a listing reads: everything but content and summary. */
#define LIST_COLUMNS "id, feed, guid, read, first_seen, title, link, " \
	"author, published, updated, date_raw, tags, base, kind, " \
	"summary_kind"

/* NOTE: the names stored in the kind columns; the database outlives any
 * numbering of enum content_kind. */
static const struct {
	enum content_kind kind;
	const char	*name;
} kinds[] = {
	{ CONTENT_TEXT, "text" },
	{ CONTENT_HTML, "html" },
	{ CONTENT_XHTML, "xhtml" },
	{ CONTENT_MARKDOWN, "markdown" },
};

static const char *
kind_name(enum content_kind kind)
{
	size_t i;

	for (i = 0; i < nitems(kinds); i++)
		if (kinds[i].kind == kind)
			return kinds[i].name;
	return NULL;
}

static enum content_kind
kind_value(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < nitems(kinds); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return CONTENT_NONE;
}



int
store_db_error(struct store *s, char **cause)
{
	*cause = xasprintf("%s: %s", s->path, sqlite3_errmsg(s->db));
	return -1;
}

int
store_exec(struct store *s, const char *sql, char **cause)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", s->path,
		    msg != NULL ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* The prepared statement, reset and with its bindings cleared. */
static sqlite3_stmt *
stmt(struct store *s, enum stmt which, char **cause)
{
	sqlite3_stmt *st = s->stmt[which];

	if (st == NULL) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[which], -1,
		    SQLITE_PREPARE_PERSISTENT, &s->stmt[which],
		    NULL) != SQLITE_OK) {
			store_db_error(s, cause);
			return NULL;
		}
		return s->stmt[which];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

/* Run a statement that returns no rows. */
static int
step_done(struct store *s, sqlite3_stmt *st, char **cause)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE) {
		store_db_error(s, cause);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

static void
bind_time(sqlite3_stmt *st, int i, time_t t)
{
	if (t == (time_t)-1)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, (sqlite3_int64)t);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const char *v = col_text(st, i);

	return v != NULL ? xstrdup(v) : NULL;
}

static time_t
col_time(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return (time_t)-1;
	return (time_t)sqlite3_column_int64(st, i);
}

/* BEGIN IMMEDIATE, waiting for the lock up to wait_ms; 1 when another
 * process held it all that time. */
static int
begin(struct store *s, int wait_ms, char **cause)
{
	int rc;

	if (s->in_txn) {
		*cause = xasprintf("%s: a transaction is already open",
		    s->path);
		return -1;
	}
	sqlite3_busy_timeout(s->db, wait_ms);
	rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (rc != SQLITE_OK) {
		if (wait_ms == 0 && (rc & 0xff) == SQLITE_BUSY)
			return 1;
		return store_db_error(s, cause);
	}
	s->in_txn = true;
	return 0;
}

int
store_begin(struct store *s, char **cause)
{
	return begin(s, BUSY_TIMEOUT_MS, cause) == 0 ? 0 : -1;
}

int
store_try_begin(struct store *s, char **cause)
{
	return begin(s, 0, cause);
}

int
store_commit(struct store *s, char **cause)
{
	if (!s->in_txn) {
		*cause = xasprintf("%s: no transaction is open", s->path);
		return -1;
	}
	if (store_exec(s, "COMMIT", cause) != 0)
		return -1;
	s->in_txn = false;
	return 0;
}

void
store_rollback(struct store *s)
{
	if (!s->in_txn)
		return;
	/* The user's read flags are not in it: each was committed when
	 * made (durable). */
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_txn = false;
}

bool
store_in_transaction(struct store *s)
{
	return s->in_txn;
}

int64_t
store_feed_add(struct store *s, const char *url, char **cause)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((st = stmt(s, S_FEED_FIND, cause)) == NULL)
		return -1;
	bind_text(st, 1, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return id;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, cause);
	if ((st = stmt(s, S_FEED_INSERT, cause)) == NULL)
		return -1;
	bind_text(st, 1, url);
	if (step_done(s, st, cause) != 0)
		return -1;
	return sqlite3_last_insert_rowid(s->db);
}

static void
feed_from_row(sqlite3_stmt *st, struct store_feed *f)
{
	f->id = sqlite3_column_int64(st, 0);
	f->url = col_dup(st, 1);
	f->title = col_dup(st, 2);
	f->etag = col_dup(st, 3);
	f->last_modified = col_dup(st, 4);
	f->last_fetch = col_time(st, 5);
	f->last_error = col_dup(st, 6);
}

int
store_feed_get(struct store *s, const char *url, struct store_feed *out,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	out->last_fetch = (time_t)-1;
	if ((st = stmt(s, S_FEED_GET, cause)) == NULL)
		return -1;
	bind_text(st, 1, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		feed_from_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_db_error(s, cause);
}

int
store_feed_set(struct store *s, const struct store_feed *f, char **cause)
{
	sqlite3_stmt *st;

	if ((st = stmt(s, S_FEED_SET, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	bind_text(st, 2, f->title);
	bind_text(st, 3, f->etag);
	bind_text(st, 4, f->last_modified);
	bind_time(st, 5, f->last_fetch);
	bind_text(st, 6, f->last_error);
	return step_done(s, st, cause);
}

int
store_feed_set_error(struct store *s, int64_t feed, const char *error,
    char **cause)
{
	sqlite3_stmt *st;

	if ((st = stmt(s, S_FEED_ERROR, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, error);
	return step_done(s, st, cause);
}

int
store_feed_list(struct store *s, store_feed_fn fn, void *arg, char **cause)
{
	struct store_feed f;
	sqlite3_stmt *st;
	int rc, stop = 0;

	if ((st = stmt(s, S_FEED_LIST, cause)) == NULL)
		return -1;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		feed_from_row(st, &f);
		stop = fn(&f, arg) != 0;
		store_feed_clear(&f);
	}
	sqlite3_reset(st);
	if (!stop && rc != SQLITE_DONE)
		return store_db_error(s, cause);
	return 0;
}

void
store_feed_clear(struct store_feed *f)
{
	free(f->url);
	free(f->title);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	memset(f, 0, sizeof *f);
	f->last_fetch = (time_t)-1;
}

static int64_t
sort_key(const struct issue *is)
{
	if (is->published != (time_t)-1)
		return (int64_t)is->published;
	if (is->updated != (time_t)-1)
		return (int64_t)is->updated;
	return INT64_MIN;	/* NOTE: undated issues sort last */
}

/* Into b, the text the full-text index holds for an issue besides its
 * title: that of its content, else of its summary.  NOTE: the index keeps
 * no copy of this text, and removing an issue from it recomputes the text
 * from the stored row (mn_index_text): any change to what this produces
 * needs a schema version whose migration rebuilds the index. */
static void
index_text(struct buf *b, enum content_kind kind, const char *content,
    enum content_kind summary_kind, const char *summary)
{
	char *text;
	size_t n;

	if (content == NULL) {
		content = summary;
		kind = summary_kind;
	}
	if (content == NULL)
		return;
	/* Not into a character. */
	if ((n = strlen(content)) > INDEX_MAX)
		for (n = INDEX_MAX; n > 0 &&
		    ((unsigned char)content[n] & 0xc0) == 0x80; n--)
			;
	if (kind == CONTENT_HTML || kind == CONTENT_XHTML) {
		/* The text the reader shows: html.c's, not a second guess. */
		if ((text = html_text(content, n)) != NULL) {
			buf_adds(b, text);
			free(text);
		}
	} else
		buf_add(b, content, n);
}

/* mn_index_text(kind, content, summary_kind, summary) in SQL. */
void
store_sql_index_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf b = BUF_INIT;

	(void)argc;
	index_text(&b, kind_value((const char *)sqlite3_value_text(argv[0])),
	    (const char *)sqlite3_value_text(argv[1]),
	    kind_value((const char *)sqlite3_value_text(argv[2])),
	    (const char *)sqlite3_value_text(argv[3]));
	if (b.data == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, b.data, (int)b.len, free);
}

/* Take issue id out of the full-text index, before its row changes. */
static int
unindex_issue(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt *st;

	if ((st = stmt(s, S_FTS_DELETE, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return step_done(s, st, cause);
}

static int
index_issue(struct store *s, int64_t id, const struct issue *is,
    char **cause)
{
	sqlite3_stmt *st;

	if ((st = stmt(s, S_FTS_INSERT, cause)) == NULL)
		return -1;
	buf_reset(&s->text);
	index_text(&s->text, is->kind, is->content, is->summary_kind,
	    is->summary);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, is->title);
	if (s->text.len > 0)
		sqlite3_bind_text(st, 3, s->text.data, (int)s->text.len,
		    SQLITE_STATIC);
	return step_done(s, st, cause);
}

static bool
same_text(sqlite3_stmt *st, int i, const char *v)
{
	const char *old = col_text(st, i);

	if (old == NULL || v == NULL)
		return old == v;
	return strcmp(old, v) == 0;
}

/* Whether the row S_ISSUE_FIND found holds the issue as it is, so that
 * it need not be written again.  (Comparing costs less than hashing every
 * incoming issue did: only issues already stored are compared, and their
 * row is at hand.) */
static bool
row_same(sqlite3_stmt *st, const struct issue *is)
{
	return col_time(st, 1) == is->published &&
	    col_time(st, 2) == is->updated &&
	    same_text(st, 3, is->title) &&
	    same_text(st, 4, is->link) &&
	    same_text(st, 5, is->author) &&
	    same_text(st, 6, is->date_raw) &&
	    same_text(st, 7, is->tags) &&
	    same_text(st, 8, is->base) &&
	    same_text(st, 9, kind_name(is->kind)) &&
	    same_text(st, 10, kind_name(is->summary_kind)) &&
	    same_text(st, 11, is->summary) &&
	    same_text(st, 12, is->content);
}

int
store_upsert(struct store *s, int64_t feed, const struct issue *is,
    bool *is_new, char **cause)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	bool found, same = false;
	int rc;

	if ((st = stmt(s, S_ISSUE_FIND, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, is->id != NULL ? is->id : "");
	rc = sqlite3_step(st);
	if ((found = rc == SQLITE_ROW)) {
		id = sqlite3_column_int64(st, 0);
		same = row_same(st, is);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(s, cause);
	if (is_new != NULL)
		*is_new = !found;
	if (same)
		return 0;
	if (found && unindex_issue(s, id, cause) != 0)
		return -1;

	if ((st = stmt(s, found ? S_ISSUE_UPDATE : S_ISSUE_INSERT,
	    cause)) == NULL)
		return -1;
	if (found)
		sqlite3_bind_int64(st, 1, id);
	else {
		sqlite3_bind_int64(st, 1, feed);
		bind_text(st, 2, is->id != NULL ? is->id : "");
		sqlite3_bind_int64(st, 4, (sqlite3_int64)time(NULL));
	}
	sqlite3_bind_int64(st, 3, sort_key(is));
	sqlite3_bind_int64(st, 5, 0);	/* the unused hash */
	bind_text(st, 6, is->title);
	bind_text(st, 7, is->link);
	bind_text(st, 8, is->author);
	bind_time(st, 9, is->published);
	bind_time(st, 10, is->updated);
	bind_text(st, 11, is->date_raw);
	bind_text(st, 12, is->tags);
	bind_text(st, 13, is->base);
	bind_text(st, 14, kind_name(is->kind));
	bind_text(st, 15, kind_name(is->summary_kind));
	bind_text(st, 16, is->content);
	bind_text(st, 17, is->summary);
	if (step_done(s, st, cause) != 0)
		return -1;
	if (!found)
		id = sqlite3_last_insert_rowid(s->db);
	return index_issue(s, id, is, cause);
}

static char *
col_get(sqlite3_stmt *st, bool dup, int i)
{
	return dup ? col_dup(st, i) : (char *)col_text(st, i);
}

/* Fill *out from a row of LIST_COLUMNS (and content, summary when
 * full); strings point into the statement unless dup is set. */
static void
issue_from_row(sqlite3_stmt *st, struct store_issue *out, bool full,
    bool dup)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	out->feed = sqlite3_column_int64(st, 1);
	out->issue.id = col_get(st, dup, 2);
	out->read = sqlite3_column_int(st, 3) != 0;
	out->first_seen = (time_t)sqlite3_column_int64(st, 4);
	out->issue.title = col_get(st, dup, 5);
	out->issue.link = col_get(st, dup, 6);
	out->issue.author = col_get(st, dup, 7);
	out->issue.published = col_time(st, 8);
	out->issue.updated = col_time(st, 9);
	out->issue.date_raw = col_get(st, dup, 10);
	out->issue.tags = col_get(st, dup, 11);
	out->issue.base = col_get(st, dup, 12);
	out->issue.kind = kind_value(col_text(st, 13));
	out->issue.summary_kind = kind_value(col_text(st, 14));
	if (full) {
		out->issue.content = col_get(st, dup, 15);
		out->issue.summary = col_get(st, dup, 16);
	}
}

/* " WHERE feed IN (?, ...)" for n feeds, or "" for all. */
static void
feed_filter(struct buf *sql, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	buf_adds(sql, " WHERE feed IN (");
	for (i = 0; i < n; i++)
		buf_adds(sql, i == 0 ? "?" : ", ?");
	buf_adds(sql, ")");
}

static int
prepare_filtered(struct store *s, const char *head, const char *tail,
    const int64_t *feeds, size_t nfeeds, sqlite3_stmt **st, char **cause)
{
	struct buf sql = BUF_INIT;
	size_t i;
	int rc;

	buf_adds(&sql, head);
	feed_filter(&sql, nfeeds);
	buf_adds(&sql, tail);
	rc = sqlite3_prepare_v2(s->db, buf_str(&sql), -1, st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return store_db_error(s, cause);
	for (i = 0; i < nfeeds; i++)
		sqlite3_bind_int64(*st, (int)i + 1, feeds[i]);
	return 0;
}

/* The listing behind store_list and store_list_page: in index order, so
 * that the first rows come at once however many follow.  One feed reads
 * issues_feed_order.  Several read the order of all issues, skipping
 * those of other feeds in the index itself: that beats sorting them when
 * they are most of the cache, and a listing in pieces reads the index
 * once in all, not once a piece. */
static ssize_t
list_rows(struct store *s, const int64_t *feeds, size_t nfeeds,
    struct store_cursor *cur, size_t limit, store_issue_fn fn, void *arg,
    char **cause)
{
	struct store_issue si;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	ssize_t n = 0;
	size_t i;
	int rc, stop = 0, arg_n;

	buf_adds(&sql, "SELECT " LIST_COLUMNS ", sortkey FROM issues");
	if (nfeeds > 1)
		buf_adds(&sql, " INDEXED BY issues_order");
	feed_filter(&sql, nfeeds);
	arg_n = (int)nfeeds;
	if (cur != NULL && cur->started)
		/* (sortkey, id) after the cursor's, in a form the index
		 * can seek to. */
		buf_printf(&sql, " %s sortkey <= ?%d AND (sortkey < ?%d OR "
		    "id > ?%d)", nfeeds > 0 ? "AND" : "WHERE", arg_n + 1,
		    arg_n + 1, arg_n + 2);
	buf_adds(&sql, " ORDER BY sortkey DESC, id");
	if (limit > 0)
		buf_printf(&sql, " LIMIT %zu", limit);
	rc = sqlite3_prepare_v2(s->db, buf_str(&sql), -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return store_db_error(s, cause);
	for (i = 0; i < nfeeds; i++)
		sqlite3_bind_int64(st, (int)i + 1, feeds[i]);
	if (cur != NULL && cur->started) {
		sqlite3_bind_int64(st, arg_n + 1, cur->sortkey);
		sqlite3_bind_int64(st, arg_n + 2, cur->id);
	}
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		issue_from_row(st, &si, false, false);
		if (cur != NULL) {
			cur->started = true;
			cur->sortkey = sqlite3_column_int64(st, 15);
			cur->id = si.id;
		}
		n++;
		stop = fn(&si, arg) != 0;
	}
	if (!stop && rc != SQLITE_DONE) {
		store_db_error(s, cause);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return n;
}

int
store_list(struct store *s, const int64_t *feeds, size_t nfeeds,
    store_issue_fn fn, void *arg, char **cause)
{
	return list_rows(s, feeds, nfeeds, NULL, 0, fn, arg, cause) == -1 ?
	    -1 : 0;
}

ssize_t
store_list_page(struct store *s, const int64_t *feeds, size_t nfeeds,
    struct store_cursor *cur, size_t limit, store_issue_fn fn, void *arg,
    char **cause)
{
	return list_rows(s, feeds, nfeeds, cur, limit, fn, arg, cause);
}

struct store_issue *
store_get(struct store *s, int64_t id, char **cause)
{
	struct store_issue *si;
	sqlite3_stmt *st;
	int rc;

	if ((st = stmt(s, S_GET, cause)) == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			*cause = xasprintf("%s: no issue %lld", s->path,
			    (long long)id);
		else
			store_db_error(s, cause);
		sqlite3_reset(st);
		return NULL;
	}
	si = xmalloc(sizeof *si);
	issue_from_row(st, si, true, true);
	sqlite3_reset(st);
	return si;
}

void
store_issue_free(struct store_issue *si)
{
	if (si == NULL)
		return;
	free(si->issue.id);
	free(si->issue.title);
	free(si->issue.link);
	free(si->issue.author);
	free(si->issue.date_raw);
	free(si->issue.content);
	free(si->issue.summary);
	free(si->issue.tags);
	free(si->issue.base);
	free(si);
}

int
store_count(struct store *s, const int64_t *feeds, size_t nfeeds,
    size_t *total, size_t *unread, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare_filtered(s, "SELECT count(*), "
	    "coalesce(sum(read = 0), 0) FROM issues", "", feeds, nfeeds, &st,
	    cause) != 0)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*total = (size_t)sqlite3_column_int64(st, 0);
		*unread = (size_t)sqlite3_column_int64(st, 1);
	} else
		store_db_error(s, cause);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * A read flag written inside the refresh's transaction would reach the
 * disk only when that commits: a reader killed during an import lost it
 * (8 times in 8).  The flag is the user's, and nothing can fetch it
 * again, so it is committed at once, with the import's work so far, and
 * the import goes on in a new transaction.  That work landing early is
 * harmless: a feed's state (ETag, Last-Modified) is written at its end,
 * so a feed whose import dies after this is fetched whole again and its
 * issues written over.
 */
static int
durable(struct store *s, char **cause)
{
	if (!s->in_txn)
		return 0;
	if (store_exec(s, "COMMIT", cause) != 0)
		return -1;
	s->in_txn = false;
	/* Another process may take the lock in between: wait for it as any
	 * begin does. */
	return begin(s, BUSY_TIMEOUT_MS, cause) == 0 ? 0 : -1;
}

/* Write one read flag, waiting at most wait_ms for another process's
 * write lock (-1: the busy timeout).  Returns 1 when the lock stayed taken
 * (only with a wait_ms), 0 or -1 with *cause. */
static int
write_mark(struct store *s, int64_t id, bool read, int wait_ms,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = stmt(s, S_MARK, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, read);
	if (wait_ms >= 0)
		sqlite3_busy_timeout(s->db, wait_ms);
	rc = sqlite3_step(st);
	if (wait_ms >= 0)
		sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (rc != SQLITE_DONE) {
		if (wait_ms >= 0 && (rc & 0xff) == SQLITE_BUSY) {
			sqlite3_reset(st);
			return 1;
		}
		store_db_error(s, cause);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return durable(s, cause);
}

/* Write the queued read flags, oldest first, each waiting at most wait_ms
 * as write_mark does.  Returns 0 when none is left, 1 when the lock stayed
 * taken, or -1 with *cause. */
int
store_flush_queue(struct store *s, int wait_ms, char **cause)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < s->nqueued; i++)
		if ((rc = write_mark(s, s->queued[i].id, s->queued[i].read,
		    wait_ms, cause)) != 0)
			break;
	if (i > 0) {
		memmove(s->queued, s->queued + i, (s->nqueued - i) *
		    sizeof *s->queued);
		s->nqueued -= i;
	}
	return rc;
}

int
store_mark_read(struct store *s, int64_t id, bool read, char **cause)
{
	/* Queued flags are older: they go first. */
	if (store_flush_queue(s, -1, cause) != 0)
		return -1;
	return write_mark(s, id, read, -1, cause);
}

int
store_mark_read_nowait(struct store *s, int64_t id, bool read,
    char **cause)
{
	struct mark *m;
	size_t i;
	int rc;

	if ((rc = store_flush_queue(s, MARK_WAIT_MS, cause)) == -1)
		return -1;
	if (rc == 0 && (rc = write_mark(s, id, read, MARK_WAIT_MS,
	    cause)) != 1)
		return rc;
	/* The latest change to an issue replaces one that waits. */
	for (i = 0; i < s->nqueued && s->queued[i].id != id; i++)
		continue;
	if (i == s->nqueued)
		s->queued = xreallocarray(s->queued, ++s->nqueued,
		    sizeof *s->queued);
	else
		memmove(s->queued + i, s->queued + i + 1,
		    (s->nqueued - i - 1) * sizeof *s->queued);
	m = &s->queued[s->nqueued - 1];
	m->id = id;
	m->all = false;
	m->read = read;
	return 1;
}

ssize_t
store_flush_marks(struct store *s, char **cause)
{
	if (store_flush_queue(s, MARK_WAIT_MS, cause) == -1)
		return -1;
	return (ssize_t)s->nqueued;
}

int
store_mark_all_read(struct store *s, int64_t feed, char **cause)
{
	sqlite3_stmt *st;

	if (store_flush_queue(s, -1, cause) != 0)
		return -1;
	if ((st = stmt(s, feed == 0 ? S_MARK_ALL : S_MARK_FEED,
	    cause)) == NULL)
		return -1;
	if (feed != 0)
		sqlite3_bind_int64(st, 1, feed);
	if (step_done(s, st, cause) != 0)
		return -1;
	return durable(s, cause);
}

/*
 * One term of a search as the user writes it: a word (a prefix: "contain"
 * finds "containers"; a trailing '*' says the same) or a "phrase" (exact
 * words in order, a prefix only with '*' after it), either one after
 * "title:" or "text:" to look in that field alone and after '-' to leave
 * out the issues that have it.
 */
struct term {
	const char	*s;		/* the text, quotes and '*' taken off */
	size_t		 len;
	const char	*column;	/* "title", "body" or NULL: both */
	bool		 prefix, negated;
};

/* The next term at *p, moving *p past it; false at the end. */
static bool
next_term(const char **p, struct term *t)
{
	const char *q = *p, *end;
	bool phrase;

	for (;;) {
		q += strspn(q, " \t\n");
		if (*q == '\0')
			return false;
		memset(t, 0, sizeof *t);
		if (*q == '-' && q[1] != '\0' && strchr(" \t\n", q[1]) == NULL) {
			t->negated = true;
			q++;
		}
		if (strncmp(q, "title:", 6) == 0) {
			t->column = "title";
			q += 6;
		} else if (strncmp(q, "text:", 5) == 0) {
			t->column = "body";
			q += 5;
		}
		if ((phrase = *q == '"')) {
			q++;
			end = q + strcspn(q, "\"");
		} else
			end = q + strcspn(q, " \t\n\"");
		t->s = q;
		t->len = (size_t)(end - q);
		q = end;
		if (phrase && *q == '"')
			q++;
		t->prefix = !phrase || *q == '*';
		if (phrase && *q == '*')
			q++;
		while (t->len > 0 && t->s[t->len - 1] == '*')
			t->len--;
		*p = q;
		if (t->len > 0)
			return true;
	}
}

/* The user's words as an FTS5 query that cannot be a syntax error: each
 * term quoted (an operator is a word), the terms ANDed, then each left-out
 * one after NOT.  Left-out terms alone find nothing ("" is returned). */
static char *
fts_query(const char *q)
{
	struct buf pos = BUF_INIT, neg = BUF_INIT, *b;
	struct term t;
	size_t i;

	while (next_term(&q, &t)) {
		b = t.negated ? &neg : &pos;
		if (t.negated)
			buf_adds(b, " NOT ");
		else if (b->len > 0)
			buf_addc(b, ' ');
		if (t.column != NULL)
			buf_printf(b, "%s : ", t.column);
		buf_addc(b, '"');
		for (i = 0; i < t.len; i++) {
			if (t.s[i] == '"')
				buf_addc(b, '"');
			buf_addc(b, t.s[i]);
		}
		buf_addc(b, '"');
		if (t.prefix)
			buf_addc(b, '*');
	}
	if (pos.len == 0) {
		buf_free(&neg);
		buf_free(&pos);
		return xstrdup("");
	}
	buf_adds(&pos, buf_str(&neg));
	buf_free(&neg);
	return buf_detach(&pos);
}

char *
store_query_word(const char *q)
{
	struct term t;

	while (next_term(&q, &t))
		if (!t.negated)
			return xstrndup(t.s, strcspn(t.s, " \t\n") < t.len ?
			    strcspn(t.s, " \t\n") : t.len);
	return NULL;
}

int
store_search(struct store *s, const char *query, int64_t **ids, size_t *n,
    char **cause)
{
	sqlite3_stmt *st;
	char *q;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	q = fts_query(query);
	if (*q == '\0') {
		free(q);
		return 0;
	}
	/* Title matches weigh more than matches in the text. */
	if (sqlite3_prepare_v2(s->db, "SELECT rowid FROM issues_fts WHERE "
	    "issues_fts MATCH ?1 ORDER BY bm25(issues_fts, 5.0, 1.0), rowid",
	    -1, &st, NULL) != SQLITE_OK) {
		free(q);
		return store_db_error(s, cause);
	}
	bind_text(st, 1, q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*ids = xreallocarray(*ids, cap, sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	free(q);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_db_error(s, cause);
	}
	return 0;
}
