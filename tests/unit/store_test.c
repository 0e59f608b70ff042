/* store_test.c - the SQLite cache on a real file: schema, feeds, upsert,
 * listing order, read flags, transactions, full-text search. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "harness.h"
#include "store.h"
#include "util.h"

static char dir[] = "/tmp/mn-store-XXXXXX";
static const char *self;	/* this program, for hold_lock */

static struct issue
mkissue(const char *id, const char *title, time_t pub, time_t upd,
    const char *content)
{
	struct issue is;

	memset(&is, 0, sizeof is);
	is.id = (char *)id;
	is.title = (char *)title;
	is.link = (char *)"https://mesos.apache.org/blog/x/";
	is.author = (char *)"Ann Example";
	is.published = pub;
	is.updated = upd;
	is.content = (char *)content;
	is.kind = CONTENT_HTML;
	return is;
}

/* One value of a query run directly on the file. */
static char *
query(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *out = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		exit(99);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		out = xstrdup(sqlite3_column_text(st, 0) != NULL ?
		    (const char *)sqlite3_column_text(st, 0) : "NULL");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

static void
check_query(const char *path, const char *sql, const char *want)
{
	char *got = query(path, sql);

	STR_EQ(got, want);
	free(got);
}

struct listing {
	struct buf	 out;
	int		 n;
};

static int
list_cb(const struct store_issue *si, void *arg)
{
	struct listing *l = arg;

	OK(si->issue.content == NULL && si->issue.summary == NULL,
	    "listing carries no content");
	buf_printf(&l->out, "%s%s|", si->issue.id, si->read ? "*" : "");
	l->n++;
	return 0;
}

static int
stop_cb(const struct store_issue *si, void *arg)
{
	(*(int *)arg)++;
	return -1;
}

static char *
listing(struct store *s, const int64_t *feeds, size_t n)
{
	struct listing l = { BUF_INIT, 0 };
	char *cause = NULL;

	INT_EQ(store_list(s, feeds, n, list_cb, &l, &cause), 0);
	STR_EQ(cause, NULL);
	buf_addc(&l.out, '\0');
	return buf_detach(&l.out);
}

static char *
search(struct store *s, const char *q)
{
	struct buf out = BUF_INIT;
	struct store_issue *si;
	int64_t *ids;
	size_t n, i;
	char *cause = NULL;

	INT_EQ(store_search(s, q, &ids, &n, &cause), 0);
	STR_EQ(cause, NULL);
	for (i = 0; i < n; i++) {
		si = store_get(s, ids[i], &cause);
		buf_printf(&out, "%s|", si != NULL ? si->issue.id : "?");
		store_issue_free(si);
	}
	free(ids);
	buf_addc(&out, '\0');
	return buf_detach(&out);
}

struct find {
	const char	*guid;
	int64_t		 id;
};

static int
find_cb(const struct store_issue *si, void *arg)
{
	struct find *f = arg;

	if (strcmp(si->issue.id, f->guid) != 0)
		return 0;
	f->id = si->id;
	return -1;
}

/* The store's id of the first listed issue with this guid, or -1. */
static int64_t
id_of(struct store *s, const char *guid)
{
	struct find f = { guid, -1 };
	char *cause = NULL;

	store_list(s, NULL, 0, find_cb, &f, &cause);
	free(cause);
	return f.id;
}

static void
test_open(const char *path)
{
	struct store *s;
	char *cause = NULL;
	struct stat sb;

	s = store_open(path, &cause);
	OK(s != NULL, "open: %s", cause);
	STR_EQ(cause, NULL);
	OK(stat(path, &sb) == 0, "file created");
	store_close(s);
	check_query(path, "PRAGMA user_version", "5");
	check_query(path, "PRAGMA journal_mode", "wal");
	/* 0x4d4e7773, 'MNws': how the next open knows the file is ours. */
	check_query(path, "PRAGMA application_id", "1296988019");
	check_query(path, "PRAGMA integrity_check", "ok");
	check_query(path, "SELECT count(*) FROM sqlite_master WHERE "
	    "name IN ('feeds', 'issues', 'issues_fts')", "3");
	/* Opening again changes nothing. */
	s = store_open(path, &cause);
	OK(s != NULL, "reopen");
	store_close(s);
	check_query(path, "PRAGMA user_version", "5");
}

static void
test_open_errors(void)
{
	char *path, *cause = NULL, *want;
	FILE *fp;
	sqlite3 *db;

	/* Newer schema. */
	path = xasprintf("%s/newer.db", dir);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 7", NULL, NULL, NULL);
	sqlite3_close(db);
	OK(store_open(path, &cause) == NULL, "newer schema");
	want = xasprintf("%s: cache written by a newer mesosnews (schema 7; "
	    "this one knows up to 5)", path);
	STR_EQ(cause, want);
	free(want);
	free(cause);
	check_query(path, "PRAGMA user_version", "7");
	free(path);

	/* Not a database. */
	path = xasprintf("%s/text.db", dir);
	fp = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough "
	    "to have a header of one hundred bytes and then some more.\n", fp);
	fclose(fp);
	cause = NULL;
	OK(store_open(path, &cause) == NULL, "not a database");
	want = xasprintf("%s: not a SQLite database, so not a mesosnews "
	    "cache: left as it is (use another --cache)", path);
	STR_EQ(cause, want);
	free(want);
	free(cause);
	free(path);

	/* A directory cannot be created under a file. */
	path = xasprintf("%s/text.db/sub/cache.db", dir);
	cause = NULL;
	OK(store_open(path, &cause) == NULL, "parent is a file");
	want = xasprintf("%s: cannot create %s/text.db/sub: Not a directory",
	    path, dir);
	STR_EQ(cause, want);
	free(want);
	free(cause);
	free(path);
}

static void
test_feeds(struct store *s)
{
	struct store_feed f;
	char *cause = NULL;
	int64_t a, b;

	a = store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause);
	b = store_feed_add(s, "file:///tmp/b.xml", &cause);
	OK(a > 0 && b > 0 && a != b, "two feeds");
	INT_EQ(store_feed_add(s, "file:///tmp/b.xml", &cause), b);

	INT_EQ(store_feed_get(s, "http://unknown/", &f, &cause), 0);
	INT_EQ(f.id, 0);
	INT_EQ(f.last_fetch, -1);
	STR_EQ(f.url, NULL);

	INT_EQ(store_feed_get(s, "file:///tmp/b.xml", &f, &cause), 1);
	INT_EQ(f.id, b);
	STR_EQ(f.url, "file:///tmp/b.xml");
	STR_EQ(f.etag, NULL);
	INT_EQ(f.last_fetch, -1);
	f.title = xstrdup("Feed B");
	f.etag = xstrdup("\"abc\"");
	f.last_modified = xstrdup("Tue, 01 Apr 2014 10:00:00 GMT");
	f.last_fetch = 1396346400;
	f.last_error = xstrdup("old error");
	INT_EQ(store_feed_set(s, &f, &cause), 0);
	store_feed_clear(&f);
	INT_EQ(store_feed_set_error(s, b, "http://x/: HTTP 500", &cause), 0);

	INT_EQ(store_feed_get(s, "file:///tmp/b.xml", &f, &cause), 1);
	STR_EQ(f.title, "Feed B");
	STR_EQ(f.etag, "\"abc\"");
	STR_EQ(f.last_modified, "Tue, 01 Apr 2014 10:00:00 GMT");
	INT_EQ(f.last_fetch, 1396346400);
	STR_EQ(f.last_error, "http://x/: HTTP 500");
	store_feed_clear(&f);
	INT_EQ(store_feed_set_error(s, b, NULL, &cause), 0);
	INT_EQ(store_feed_get(s, "file:///tmp/b.xml", &f, &cause), 1);
	STR_EQ(f.last_error, NULL);
	STR_EQ(f.etag, "\"abc\"");
	store_feed_clear(&f);
	STR_EQ(cause, NULL);
}

static int
feed_list_cb(const struct store_feed *f, void *arg)
{
	buf_printf(arg, "%lld %s|", (long long)f->id, f->url);
	return 0;
}

/* PRAGMA data_version on a connection of the test's own: it changes
 * when another connection has changed the file. */
static int
data_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st,
	    NULL) != SQLITE_OK)
		exit(99);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
test_issues(struct store *s, const char *path)
{
	struct store_issue *si;
	struct issue is;
	char *cause = NULL, *got;
	int64_t a, b, feeds[2], id;
	bool is_new = false;
	size_t total, unread;
	struct buf fl = BUF_INIT;
	time_t seen;
	sqlite3 *other;
	int n, version;

	if (sqlite3_open(path, &other) != SQLITE_OK)
		exit(99);
	a = store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause);
	b = store_feed_add(s, "file:///tmp/b.xml", &cause);
	INT_EQ(store_feed_list(s, feed_list_cb, &fl, &cause), 0);
	buf_addc(&fl, '\0');
	STR_EQ(fl.data, "1 https://mesos.apache.org/blog/feed.xml|"
	    "2 file:///tmp/b.xml|");
	buf_free(&fl);

	INT_EQ(store_begin(s, &cause), 0);
	OK(store_in_transaction(s), "in transaction");
	INT_EQ(store_begin(s, &cause), -1);
	free(cause);
	cause = NULL;
	/* Stored in this order; the listing sorts by date. */
	is = mkissue("u2", "Update two", 1396000000, -1,
	    "<p>Frameworks <a href=\"http://x/\">galore</a> &amp; "
	    "schedulers</p><script>var hidden = 1;</script>");
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	OK(is_new, "u2 new");
	is = mkissue("undated", "No date at all", -1, -1, "<p>x</p>");
	is.date_raw = (char *)"sometime in spring";
	INT_EQ(store_upsert(s, a, &is, NULL, &cause), 0);
	is = mkissue("u1", "Update one", 1395000000, 1397000000,
	    "<p>Marathon &#x26; Chronos, caf&#233;</p>");
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	is = mkissue("u3", "Update three", -1, 1398000000, NULL);
	is.summary = (char *)"Only a summary about Aurora";
	is.summary_kind = CONTENT_TEXT;
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	is = mkissue("tie", "Same time as u2", 1396000000, -1, "tie");
	is.kind = CONTENT_MARKDOWN;
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	/* The same id in another feed is another issue. */
	is = mkissue("u1", "Other feed", 1399000000, -1, "<p>Aurora</p>");
	INT_EQ(store_upsert(s, b, &is, &is_new, &cause), 0);
	OK(is_new, "same id, other feed: new");
	INT_EQ(store_commit(s, &cause), 0);
	OK(!store_in_transaction(s), "committed");
	INT_EQ(store_commit(s, &cause), -1);
	free(cause);
	cause = NULL;

	STR_EQ(got = listing(s, NULL, 0), "u1|u3|u2|tie|u1|undated|");
	free(got);
	feeds[0] = a;
	STR_EQ(got = listing(s, feeds, 1), "u3|u2|tie|u1|undated|");
	free(got);
	feeds[0] = b;
	STR_EQ(got = listing(s, feeds, 1), "u1|");
	free(got);
	feeds[0] = a;
	feeds[1] = b;
	STR_EQ(got = listing(s, feeds, 2), "u1|u3|u2|tie|u1|undated|");
	free(got);
	n = 0;
	INT_EQ(store_list(s, NULL, 0, stop_cb, &n, &cause), 0);
	INT_EQ(n, 1);

	/* A whole issue, content included. */
	id = id_of(s, "u3");
	OK(id > 0, "u3 found");
	si = store_get(s, id, &cause);
	OK(si != NULL, "get u3");
	STR_EQ(si->issue.id, "u3");
	STR_EQ(si->issue.title, "Update three");
	STR_EQ(si->issue.link, "https://mesos.apache.org/blog/x/");
	STR_EQ(si->issue.author, "Ann Example");
	INT_EQ(si->issue.published, -1);
	INT_EQ(si->issue.updated, 1398000000);
	STR_EQ(si->issue.content, NULL);
	STR_EQ(si->issue.summary, "Only a summary about Aurora");
	INT_EQ(si->issue.summary_kind, CONTENT_TEXT);
	INT_EQ(si->issue.kind, CONTENT_HTML);
	INT_EQ(si->feed, a);
	OK(!si->read, "unread");
	seen = si->first_seen;
	OK(seen > 1600000000 && seen <= time(NULL), "first seen now");
	store_issue_free(si);
	si = store_get(s, id_of(s, "undated"), &cause);
	STR_EQ(si->issue.date_raw, "sometime in spring");
	INT_EQ(si->issue.published, -1);
	store_issue_free(si);
	OK(store_get(s, 9999, &cause) == NULL, "no issue 9999");
	got = xasprintf("%s: no issue 9999", path);
	STR_EQ(cause, got);
	free(got);
	free(cause);
	cause = NULL;

	/* Read flags survive an update; first-seen too. */
	INT_EQ(store_mark_read(s, id, true, &cause), 0);
	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(total, 6);
	INT_EQ(unread, 5);
	sleep(1);
	INT_EQ(store_begin(s, &cause), 0);
	is = mkissue("u3", "Update three, revised", -1, 1398000000,
	    "<p>Now with Kubernetes</p>");
	is_new = true;
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	OK(!is_new, "update is not new");
	INT_EQ(store_commit(s, &cause), 0);
	si = store_get(s, id, &cause);
	STR_EQ(si->issue.title, "Update three, revised");
	STR_EQ(si->issue.content, "<p>Now with Kubernetes</p>");
	OK(si->read, "still read");
	INT_EQ(si->first_seen, seen);
	store_issue_free(si);

	/* The index follows the update. */
	STR_EQ(got = search(s, "kubernetes"), "u3|");
	free(got);
	STR_EQ(got = search(s, "summary"), "");
	free(got);

	/* Unchanged issues are not rewritten: another connection sees no
	 * change to the file.  Any one field changed is written. */
	version = data_version(other);
	INT_EQ(store_begin(s, &cause), 0);
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	INT_EQ(store_commit(s, &cause), 0);
	INT_EQ(data_version(other), version);
	check_query(path, "SELECT count(*) FROM issues_fts", "6");
	is.tags = (char *)"news";
	INT_EQ(store_begin(s, &cause), 0);
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	INT_EQ(store_commit(s, &cause), 0);
	OK(data_version(other) != version, "tags changed: written");
	version = data_version(other);
	is.summary_kind = CONTENT_TEXT;
	INT_EQ(store_begin(s, &cause), 0);
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	INT_EQ(store_commit(s, &cause), 0);
	OK(data_version(other) != version, "summary kind changed: written");
	version = data_version(other);
	is.updated = 1398000001;
	INT_EQ(store_begin(s, &cause), 0);
	INT_EQ(store_upsert(s, a, &is, &is_new, &cause), 0);
	INT_EQ(store_commit(s, &cause), 0);
	OK(data_version(other) != version, "date changed: written");
	check_query(path, "SELECT tags || ' ' || summary_kind || ' ' || "
	    "updated FROM issues WHERE guid = 'u3'", "news text 1398000001");
	sqlite3_close(other);

	feeds[0] = a;
	INT_EQ(store_count(s, feeds, 1, &total, &unread, &cause), 0);
	INT_EQ(total, 5);
	INT_EQ(unread, 4);
	INT_EQ(store_mark_all_read(s, b, &cause), 0);
	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(unread, 4);
	INT_EQ(store_mark_read(s, id, false, &cause), 0);
	STR_EQ(got = listing(s, NULL, 0), "u1*|u3|u2|tie|u1|undated|");
	free(got);
	INT_EQ(store_mark_all_read(s, 0, &cause), 0);
	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(total, 6);
	INT_EQ(unread, 0);
	INT_EQ(store_mark_read(s, id, false, &cause), 0);
	STR_EQ(cause, NULL);
}

static void
test_search(struct store *s)
{
	char *got;
	struct issue is;
	char *cause = NULL;
	int64_t a = store_feed_add(s, "file:///tmp/search.xml", &cause);

	STR_EQ(got = search(s, "frameworks"), "u2|");
	free(got);
	/* Tags, attributes and scripts are not text. */
	STR_EQ(got = search(s, "href"), "");
	free(got);
	STR_EQ(got = search(s, "hidden"), "");
	free(got);
	/* Entities are decoded; accents folded. */
	STR_EQ(got = search(s, "chronos marathon"), "u1|");
	free(got);
	STR_EQ(got = search(s, "cafe"), "u1|");
	free(got);
	STR_EQ(got = search(s, "sched*"), "u2|");
	free(got);
	STR_EQ(got = search(s, "\"galore & schedulers\""), "u2|");
	free(got);
	STR_EQ(got = search(s, "\"schedulers galore\""), "");
	free(got);
	/* Title matches rank above text matches. */
	INT_EQ(store_begin(s, &cause), 0);
	is = mkissue("t1", "Plain", 1, -1, "<p>Aurora Aurora Aurora</p>");
	store_upsert(s, a, &is, NULL, &cause);
	is = mkissue("t2", "Aurora", 2, -1, "<p>unrelated words</p>");
	store_upsert(s, a, &is, NULL, &cause);
	INT_EQ(store_commit(s, &cause), 0);
	got = search(s, "aurora");
	OK(strncmp(got, "t2|", 3) == 0, "title first: %s", got);
	INT_EQ(strlen(got), strlen("t2|t1|u1|u3|") - 3);
	free(got);
	/* What users type is never a syntax error. */
	STR_EQ(got = search(s, "\""), "");
	free(got);
	STR_EQ(got = search(s, "AND OR ( NOT"), "");
	free(got);
	STR_EQ(got = search(s, "*"), "");
	free(got);
	STR_EQ(got = search(s, "   "), "");
	free(got);
	STR_EQ(got = search(s, "col:umn ^x"), "");
	free(got);
	/* Issue 15: a word is a prefix, a phrase is not unless '*' follows
	 * it; '-' leaves out, title: and text: keep to one field. */
	STR_EQ(got = search(s, "sched"), "u2|");
	free(got);
	STR_EQ(got = search(s, "\"galore & sched\""), "");
	free(got);
	STR_EQ(got = search(s, "\"galore & sched\"*"), "u2|");
	free(got);
	STR_EQ(got = search(s, "auror -plain"), "t2|u1|");
	free(got);
	STR_EQ(got = search(s, "-plain"), "");
	free(got);
	STR_EQ(got = search(s, "title:aurora"), "t2|");
	free(got);
	STR_EQ(got = search(s, "text:aurora -title:aurora"), "t1|u1|");
	free(got);
	STR_EQ(got = store_query_word("-x title:\"Service discovery\" y"),
	    "Service");
	free(got);
	OK(store_query_word("-x \"\" *") == NULL, "no word to find");
	STR_EQ(cause, NULL);
}

static void
test_rollback(struct store *s, const char *path)
{
	struct issue is;
	char *cause = NULL, *before, *after;
	int64_t a = store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause), id = id_of(s, "u2");
	struct store_issue *si;

	INT_EQ(store_mark_read(s, id, false, &cause), 0);
	before = query(path, "SELECT group_concat(guid || read, ',') FROM "
	    "issues");
	INT_EQ(store_begin(s, &cause), 0);
	/* The user marks an issue while the refresh runs. */
	INT_EQ(store_mark_read(s, id, true, &cause), 0);
	OK(store_in_transaction(s), "the refresh's transaction goes on");
	is = mkissue("gone", "Rolled back", 5, -1, "<p>vanishing</p>");
	INT_EQ(store_upsert(s, a, &is, NULL, &cause), 0);
	is = mkissue("u2", "Changed then rolled back", 5, -1, "<p>x</p>");
	INT_EQ(store_upsert(s, a, &is, NULL, &cause), 0);
	store_rollback(s);
	OK(!store_in_transaction(s), "rolled back");
	si = store_get(s, id, &cause);
	STR_EQ(si->issue.title, "Update two");
	OK(si->read, "mark kept through rollback");
	store_issue_free(si);
	after = query(path, "SELECT group_concat(guid || read, ',') FROM "
	    "issues");
	OK(strstr(after, "gone") == NULL, "gone is gone");
	OK(strstr(before, "u20") != NULL && strstr(after, "u21") != NULL,
	    "%s -> %s", before, after);
	free(before);
	free(after);
	STR_EQ(after = search(s, "vanishing"), "");
	free(after);
	check_query(path, "PRAGMA integrity_check", "ok");
	check_query(path, "INSERT INTO issues_fts(issues_fts) "
	    "VALUES ('integrity-check') RETURNING 'ok'", "ok");
	STR_EQ(cause, NULL);
}

/* A read flag made during a refresh's transaction is in the file at
 * once, with the work before it, and the transaction goes on. */
static void
test_mark_commits(struct store *s, const char *path)
{
	struct issue is;
	char *cause = NULL;
	int64_t a = store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause), id = id_of(s, "u3");

	INT_EQ(store_mark_read(s, id, false, &cause), 0);
	INT_EQ(store_begin(s, &cause), 0);
	is = mkissue("early", "Before the mark", 6, -1, "<p>early</p>");
	INT_EQ(store_upsert(s, a, &is, NULL, &cause), 0);
	INT_EQ(store_mark_read(s, id, true, &cause), 0);
	OK(store_in_transaction(s), "still in a transaction");
	/* Another connection sees both while the transaction is open. */
	check_query(path, "SELECT read FROM issues WHERE guid = 'u3'", "1");
	check_query(path, "SELECT count(*) FROM issues WHERE guid = 'early'",
	    "1");
	is = mkissue("late", "After the mark", 7, -1, "<p>late</p>");
	INT_EQ(store_upsert(s, a, &is, NULL, &cause), 0);
	INT_EQ(store_mark_all_read(s, a, &cause), 0);
	OK(store_in_transaction(s), "still in a transaction after all-read");
	check_query(path, "SELECT read FROM issues WHERE guid = 'late'", "1");
	store_rollback(s);
	check_query(path, "SELECT count(*) FROM issues WHERE guid IN "
	    "('early', 'late') AND read = 1", "2");
	STR_EQ(cause, NULL);
}

/* The other process of mark_then_die, run as "store_test --mark-and-die
 * PATH": a refresh's transaction open, an issue written, the first issue
 * of the list marked read, then SIGKILL, as a reader killed during an
 * import. */
static int
mark_and_die_child(const char *path)
{
	struct store *s;
	struct issue is;
	char *cause = NULL;
	int64_t feed, id;

	if ((s = store_open(path, &cause)) == NULL ||
	    (feed = store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause)) == -1 || (id = id_of(s, "tie")) <= 0 ||
	    store_begin(s, &cause) != 0)
		return 1;
	is = mkissue("dying", "Written as the process dies", 8, -1, "<p/>");
	if (store_upsert(s, feed, &is, NULL, &cause) != 0 ||
	    store_mark_read(s, id, true, &cause) != 0)
		return 1;
	raise(SIGKILL);
	return 1;
}

/* kill -9 right after a read flag is made during an import loses it
 * not. */
static void
test_mark_survives_kill(const char *path)
{
	char *cause = NULL;
	struct store *s;
	int status;
	pid_t pid;

	if ((s = store_open(path, &cause)) == NULL)
		exit(99);
	INT_EQ(store_mark_read(s, id_of(s, "tie"), false, &cause), 0);
	store_close(s);
	if ((pid = fork()) == -1)
		exit(99);
	if (pid == 0) {
		execl(self, self, "--mark-and-die", path, (char *)NULL);
		_exit(127);
	}
	OK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL, "the child was killed (%d)", status);
	check_query(path, "SELECT read FROM issues WHERE guid = 'tie'", "1");
	check_query(path, "PRAGMA integrity_check", "ok");
	STR_EQ(cause, NULL);
}

/* The other process of hold_lock, run as "store_test --hold-lock PATH"
 * with the pipes on descriptors 3 (up) and 4 (down). */
static int
hold_lock_child(const char *path)
{
	sqlite3 *db;
	char c;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK || write(3, "x", 1) != 1 || read(4, &c, 1) != 1)
		return 1;
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

/* Another process that holds the write lock from the moment it says so
 * until it reads a byte from *release; it then commits.  It is this
 * program run again, not a fork that goes on: a forked copy would carry
 * the parent's open cache, which it must not close (and memcheck would
 * count it as lost). */
static pid_t
hold_lock(const char *path, int *release)
{
	int up[2], down[2];
	pid_t pid;
	char c;

	if (pipe(up) != 0 || pipe(down) != 0 || (pid = fork()) == -1)
		exit(99);
	if (pid == 0) {
		if (dup2(up[1], 3) == -1 || dup2(down[0], 4) == -1)
			_exit(1);
		execl(self, self, "--hold-lock", path, (char *)NULL);
		_exit(127);
	}
	close(up[1]);
	close(down[0]);
	if (read(up[0], &c, 1) != 1)
		exit(99);
	close(up[0]);
	*release = down[1];
	return pid;
}

static void
let_go(pid_t pid, int release)
{
	int status;

	if (write(release, "x", 1) != 1 || waitpid(pid, &status, 0) != pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		exit(99);
	close(release);
}

/* Another process writing never freezes store_mark_read_nowait: the
 * change waits in a queue and is written when the cache is free. */
static void
test_mark_nowait(struct store *s, const char *path)
{
	char *cause = NULL, *got;
	int64_t u1 = id_of(s, "u1"), u2 = id_of(s, "u2"), tie = id_of(s,
	    "tie");
	size_t total, unread;
	double start, took;
	int release;
	pid_t pid;

	INT_EQ(store_mark_read(s, u1, false, &cause), 0);
	INT_EQ(store_mark_read(s, u2, false, &cause), 0);
	INT_EQ(store_mark_read(s, tie, false, &cause), 0);
	STR_EQ(got = listing(s, NULL, 0), "u1|u3|u2|tie|u1*|t2|t1|undated*|");
	free(got);
	/* Free: written at once. */
	INT_EQ(store_mark_read_nowait(s, tie, true, &cause), 0);
	INT_EQ(store_flush_marks(s, &cause), 0);

	pid = hold_lock(path, &release);
	start = harness_now();
	INT_EQ(store_mark_read_nowait(s, u1, true, &cause), 1);
	INT_EQ(store_mark_read_nowait(s, u2, true, &cause), 1);
	/* The latest change to an issue is the one kept. */
	INT_EQ(store_mark_read_nowait(s, u2, false, &cause), 1);
	INT_EQ(store_mark_read_nowait(s, u2, true, &cause), 1);
	INT_EQ(store_mark_read_nowait(s, tie, false, &cause), 1);
	INT_EQ(store_flush_marks(s, &cause), 3);
	took = harness_now() - start;
	OK(took < 1.0, "six calls took %.3f s", took);
	STR_EQ(cause, NULL);
	/* Nothing written yet; reading is never blocked. */
	STR_EQ(got = listing(s, NULL, 0), "u1|u3|u2|tie*|u1*|t2|t1|undated*|");
	free(got);
	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(unread, 5);
	let_go(pid, release);
	INT_EQ(store_flush_marks(s, &cause), 0);
	STR_EQ(got = listing(s, NULL, 0),
	    "u1*|u3|u2*|tie|u1*|t2|t1|undated*|");
	free(got);

	/* store_mark_read writes the queue first: it is older. */
	pid = hold_lock(path, &release);
	INT_EQ(store_mark_read_nowait(s, u1, false, &cause), 1);
	let_go(pid, release);
	INT_EQ(store_mark_read(s, u1, true, &cause), 0);
	INT_EQ(store_flush_marks(s, &cause), 0);
	STR_EQ(got = listing(s, NULL, 0),
	    "u1*|u3|u2*|tie|u1*|t2|t1|undated*|");
	free(got);
	/* So does store_mark_all_read (u1 is the issue of feed 2). */
	pid = hold_lock(path, &release);
	INT_EQ(store_mark_read_nowait(s, u1, false, &cause), 1);
	let_go(pid, release);
	INT_EQ(store_mark_all_read(s, 2, &cause), 0);
	INT_EQ(store_flush_marks(s, &cause), 0);
	STR_EQ(got = listing(s, NULL, 0),
	    "u1*|u3|u2*|tie|u1*|t2|t1|undated*|");
	free(got);
	STR_EQ(cause, NULL);
}

/* What store_close does with a queued flag: waits and writes it. */
static void
test_close_flushes(const char *path)
{
	struct store *s;
	char *cause = NULL, *got;
	int release;
	pid_t pid;

	s = store_open(path, &cause);
	OK(s != NULL, "open: %s", cause);
	pid = hold_lock(path, &release);
	INT_EQ(store_mark_read_nowait(s, id_of(s, "tie"), true, &cause), 1);
	let_go(pid, release);
	store_close(s);
	got = query(path, "SELECT read FROM issues WHERE guid = 'tie'");
	STR_EQ(got, "1");
	free(got);
}

static void
test_try_begin(struct store *s, const char *path)
{
	sqlite3 *other;
	char *cause = NULL;

	if (sqlite3_open(path, &other) != SQLITE_OK ||
	    sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		exit(99);
	INT_EQ(store_try_begin(s, &cause), 1);
	OK(!store_in_transaction(s), "not begun");
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	INT_EQ(store_try_begin(s, &cause), 0);
	OK(store_in_transaction(s), "begun");
	INT_EQ(store_try_begin(s, &cause), -1);
	free(cause);
	store_rollback(s);
}

/* The listing of store_list_page in pieces of at most per, each piece
 * ending in '/'. */
static char *
paged(struct store *s, const int64_t *feeds, size_t n, size_t per)
{
	struct listing l = { BUF_INIT, 0 };
	struct store_cursor cur;
	char *cause = NULL;
	ssize_t got;
	int pieces = 0;

	memset(&cur, 0, sizeof cur);
	while ((got = store_list_page(s, feeds, n, &cur, per, list_cb, &l,
	    &cause)) > 0 && pieces++ < 100) {
		OK(per == 0 || (size_t)got <= per, "piece of %zd", got);
		buf_addc(&l.out, '/');
	}
	INT_EQ(got, 0);
	STR_EQ(cause, NULL);
	buf_addc(&l.out, '\0');
	return buf_detach(&l.out);
}

/* The query plan SQLite chooses for sql, its steps joined by '|'. */
static char *
plan(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	struct buf out = BUF_INIT;
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", q, sqlite3_errmsg(db));
		exit(99);
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&out, "%s%s", out.len > 0 ? "|" : "",
		    (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(q);
	buf_addc(&out, '\0');
	return buf_detach(&out);
}

static void
test_pages(struct store *s, const char *path)
{
	struct store_cursor cur;
	struct listing l = { BUF_INIT, 0 };
	char *got, *cause = NULL;
	int64_t feeds[2] = { 1, 2 };
	int n = 0;

	/* Every piece size gives store_list's order, ties and the
	 * undated issues included.  (Issues marked read end in '*'.) */
	STR_EQ(got = listing(s, NULL, 0), "u1*|u3|u2*|tie*|u1*|undated*|");
	free(got);
	STR_EQ(got = paged(s, NULL, 0, 1),
	    "u1*|/u3|/u2*|/tie*|/u1*|/undated*|/");
	free(got);
	STR_EQ(got = paged(s, NULL, 0, 2), "u1*|u3|/u2*|tie*|/u1*|undated*|/");
	free(got);
	STR_EQ(got = paged(s, NULL, 0, 4), "u1*|u3|u2*|tie*|/u1*|undated*|/");
	free(got);
	STR_EQ(got = paged(s, NULL, 0, 0), "u1*|u3|u2*|tie*|u1*|undated*|/");
	free(got);
	STR_EQ(got = paged(s, feeds, 1, 2), "u3|u2*|/tie*|u1*|/undated*|/");
	free(got);
	STR_EQ(got = paged(s, feeds + 1, 1, 2), "u1*|/");
	free(got);
	STR_EQ(got = paged(s, feeds, 2, 3), "u1*|u3|u2*|/tie*|u1*|undated*|/");
	free(got);
	/* A callback that stops has seen its issue: the next piece goes on
	 * after it. */
	memset(&cur, 0, sizeof cur);
	INT_EQ(store_list_page(s, NULL, 0, &cur, 4, stop_cb, &n, &cause), 1);
	INT_EQ(n, 1);
	INT_EQ(store_list_page(s, NULL, 0, &cur, 2, list_cb, &l, &cause), 2);
	buf_addc(&l.out, '\0');
	STR_EQ(l.out.data, "u3|u2*|");
	buf_free(&l.out);
	STR_EQ(cause, NULL);

	/* One feed reads its own index, in order; so does a piece. */
	STR_EQ(got = plan(path, "SELECT title FROM issues WHERE feed IN "
	    "(?) ORDER BY sortkey DESC, id"),
	    "SEARCH issues USING INDEX issues_feed_order (feed=?)");
	free(got);
	STR_EQ(got = plan(path, "SELECT title FROM issues WHERE feed IN "
	    "(?) AND sortkey <= ?2 AND (sortkey < ?2 OR id > ?3) ORDER BY "
	    "sortkey DESC, id LIMIT 10"),
	    "SEARCH issues USING INDEX issues_feed_order (feed=? AND "
	    "sortkey<?)");
	free(got);
	STR_EQ(got = plan(path, "SELECT count(*), coalesce(sum(read = 0), "
	    "0) FROM issues WHERE feed IN (?)"),
	    "SEARCH issues USING COVERING INDEX issues_feed_read (feed=?)");
	free(got);
}

/* A cache as the first release wrote it (schema 1): its FTS table kept a
 * copy of the indexed text.  Each issue: guid, read, title, kind, content,
 * summary kind, summary; the FTS body as schema 1 indexed it. */
static void
make_v1(const char *path)
{
	static const char *const sql =
	    "CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL "
	    "UNIQUE, title TEXT, etag TEXT, last_modified TEXT, last_fetch "
	    "INTEGER, last_error TEXT);"
	    "CREATE TABLE issues (id INTEGER PRIMARY KEY, feed INTEGER NOT "
	    "NULL REFERENCES feeds(id) ON DELETE CASCADE, guid TEXT NOT NULL, "
	    "sortkey INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0, "
	    "first_seen INTEGER NOT NULL, hash INTEGER NOT NULL, title TEXT, "
	    "link TEXT, author TEXT, published INTEGER, updated INTEGER, "
	    "date_raw TEXT, tags TEXT, base TEXT, kind TEXT, summary_kind "
	    "TEXT, content TEXT, summary TEXT, UNIQUE (feed, guid));"
	    "CREATE INDEX issues_order ON issues (sortkey DESC, id);"
	    "CREATE VIRTUAL TABLE issues_fts USING fts5(title, body, "
	    "tokenize = 'unicode61 remove_diacritics 2');"
	    "INSERT INTO feeds (url, title, etag) VALUES "
	    "('https://mesos.apache.org/blog/feed.xml', 'Blog', '\"v1\"');"
	    "INSERT INTO issues (feed, guid, sortkey, read, first_seen, hash, "
	    "title, published, kind, summary_kind, content, summary) VALUES "
	    "(1, 'old1', 100, 1, 50, 1, 'Mesos 0.20 released', 100, 'html', "
	    "NULL, '<p>Docker &amp; <b>Marathon</b></p>', NULL),"
	    "(1, 'old2', 200, 0, 50, 2, 'Meetup notes', 200, NULL, 'text', "
	    "NULL, 'Talks on Aurora'),"
	    "(1, 'old3', 150, 1, 50, 3, 'Undated? no', 150, 'markdown', NULL, "
	    "'Chronos *jobs*', NULL);"
	    "INSERT INTO issues_fts (rowid, title, body) VALUES "
	    "(1, 'Mesos 0.20 released', ' Docker &  Marathon  '),"
	    "(2, 'Meetup notes', 'Talks on Aurora'),"
	    "(3, 'Undated? no', 'Chronos *jobs*');"
	    "PRAGMA user_version = 1;";
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "v1: %s\n", sqlite3_errmsg(db));
		exit(99);
	}
	sqlite3_close(db);
}

/* The terms the full-text index holds for one issue, sorted. */
static char *
terms(const char *path, int64_t id)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	struct buf out = BUF_INIT;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING "
	    "fts5vocab(main, issues_fts, instance)", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT term FROM temp.v WHERE doc = ?1 "
	    "ORDER BY term", -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "terms: %s\n", sqlite3_errmsg(db));
		exit(99);
	}
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&out, "%s%s", out.len > 0 ? " " : "",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	buf_addc(&out, '\0');
	return buf_detach(&out);
}

static void
test_migrate(void)
{
	struct store *s;
	struct store_feed f;
	struct issue is;
	char *path, *cause = NULL, *got;
	size_t total, unread;
	bool is_new = true;

	path = xasprintf("%s/v1.db", dir);
	make_v1(path);
	s = store_open(path, &cause);
	OK(s != NULL, "open v1: %s", cause);
	STR_EQ(cause, NULL);
	check_query(path, "PRAGMA user_version", "5");
	check_query(path, "SELECT group_concat(name, ' ') FROM (SELECT name "
	    "FROM sqlite_master WHERE type = 'index' AND name LIKE "
	    "'issues_%' ORDER BY name)",
	    "issues_feed_order issues_feed_read issues_order");
	/* The index no longer keeps the text. */
	check_query(path, "SELECT count(*) FROM sqlite_master WHERE name = "
	    "'issues_fts_content'", "0");
	check_query(path, "SELECT count(*) FROM issues_fts", "3");
	check_query(path, "INSERT INTO issues_fts(issues_fts) "
	    "VALUES ('integrity-check') RETURNING 'ok'", "ok");
	/* Issues, read flags and the feed's validators are kept. */
	STR_EQ(got = listing(s, NULL, 0), "old2|old3*|old1*|");
	free(got);
	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(total, 3);
	INT_EQ(unread, 1);
	INT_EQ(store_feed_get(s, "https://mesos.apache.org/blog/feed.xml",
	    &f, &cause), 1);
	STR_EQ(f.etag, "\"v1\"");
	store_feed_clear(&f);
	/* The rebuilt index answers as before. */
	STR_EQ(got = search(s, "marathon docker"), "old1|");
	free(got);
	STR_EQ(got = search(s, "aurora"), "old2|");
	free(got);
	STR_EQ(got = search(s, "jobs"), "old3|");
	free(got);
	STR_EQ(got = search(s, "meso*"), "old1|");
	free(got);
	/* An issue indexed by the migration is replaced cleanly: none of
	 * its old words stay behind. */
	INT_EQ(store_begin(s, &cause), 0);
	is = (struct issue){ .id = (char *)"old1", .title = (char *)"Mesos "
	    "0.21 released", .published = 100, .updated = -1, .content =
	    (char *)"<p>Kubernetes</p>", .kind = CONTENT_HTML };
	INT_EQ(store_upsert(s, 1, &is, &is_new, &cause), 0);
	OK(!is_new, "old1 updated");
	INT_EQ(store_commit(s, &cause), 0);
	STR_EQ(got = search(s, "marathon"), "");
	free(got);
	STR_EQ(got = search(s, "docker"), "");
	free(got);
	STR_EQ(got = search(s, "\"0 20\""), "");
	free(got);
	STR_EQ(got = search(s, "kubernetes 21"), "old1|");
	free(got);
	check_query(path, "SELECT count(*) FROM issues_fts", "3");
	check_query(path, "SELECT read || first_seen FROM issues WHERE "
	    "guid = 'old1'", "150");
	/* And once more: what store_upsert indexed comes out whole. */
	INT_EQ(store_begin(s, &cause), 0);
	is.title = (char *)"Notes";
	is.content = (char *)"<p>K&#252;bernetes &amp; <i>Swarm</i></p>";
	INT_EQ(store_upsert(s, 1, &is, &is_new, &cause), 0);
	INT_EQ(store_commit(s, &cause), 0);
	STR_EQ(got = terms(path, 1), "kubernetes notes swarm");
	free(got);
	INT_EQ(store_begin(s, &cause), 0);
	is.content = (char *)"<p>Nomad</p>";
	INT_EQ(store_upsert(s, 1, &is, &is_new, &cause), 0);
	INT_EQ(store_commit(s, &cause), 0);
	STR_EQ(got = terms(path, 1), "nomad notes");
	free(got);
	store_close(s);
	check_query(path, "PRAGMA integrity_check", "ok");
	STR_EQ(cause, NULL);
	free(path);
}


static bool
exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

/* None of PATH-wal, PATH-shm, PATH-journal. */
static bool
no_side_files(const char *path)
{
	static const char *const sfx[] = { "-wal", "-shm", "-journal" };
	char *p;
	size_t i;
	bool none = true;

	for (i = 0; i < 3; i++) {
		p = xasprintf("%s%s", path, sfx[i]);
		if (exists(p)) {
			fprintf(stderr, "%s exists\n", p);
			none = false;
		}
		free(p);
	}
	return none;
}

/* A database made by "another program" with sql; store_open must refuse
 * it with a cause starting with want (after "PATH: ") and leave every
 * byte of it as it was, with no -wal or -shm file made. */
static void
check_foreign(const char *name, const char *sql, const char *want)
{
	struct store *s;
	sqlite3 *db;
	char *path, *before, *after, *cause = NULL, *w;
	size_t nb, na;

	path = xasprintf("%s/%s", dir, name);
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		exit(99);
	}
	sqlite3_close(db);
	OK(no_side_files(path), "%s: made without side files", name);
	before = harness_slurp(path, &nb);
	s = store_open(path, &cause);
	OK(s == NULL, "%s refused", name);
	store_close(s);
	w = xasprintf("%s: %s", path, want);
	OK(cause != NULL && strncmp(cause, w, strlen(w)) == 0,
	    "%s: cause \"%s\", want \"%s...\"", name, cause, w);
	free(w);
	free(cause);
	after = harness_slurp(path, &na);
	OK(before != NULL && after != NULL && nb == na &&
	    memcmp(before, after, nb) == 0, "%s unchanged", name);
	OK(no_side_files(path), "%s: no side files made", name);
	free(before);
	free(after);
	free(path);
}

static void
test_foreign(void)
{
	check_foreign("notes.db", "CREATE TABLE notes (body TEXT);"
	    "INSERT INTO notes VALUES ('mine');",
	    "another program's database (it has a table \"notes\"), not a "
	    "mesosnews cache: left as it is");
	/* Tables like ours, and one of its own. */
	check_foreign("mixed.db", "CREATE TABLE feeds (x);"
	    "CREATE TABLE issues (y); CREATE TABLE bookmarks (z);",
	    "another program's database (it has a table \"bookmarks\")");
	/* Another program's mark, even without tables. */
	check_foreign("marked.db", "PRAGMA application_id = 1234;",
	    "another program's database (application_id 0x4d2)");
	check_foreign("marked-ours.db", "PRAGMA application_id = 1234;"
	    "CREATE TABLE feeds (x); CREATE TABLE issues (y);",
	    "another program's database (application_id 0x4d2)");
	/* In WAL mode, read without making its -wal and -shm files. */
	check_foreign("wal.db", "PRAGMA journal_mode = WAL;"
	    "CREATE TABLE history (url TEXT);",
	    "another program's database (it has a table \"history\")");
	/* A name from another program reaches the terminal clean. */
	check_foreign("esc.db", "CREATE TABLE \"a\x1b[2Jb\xc2\x9b\" (x);",
	    "another program's database (it has a table \"a[2Jb\")");
}

/* A cache of ours made before application_id: marked on open. */
static void
test_mark_legacy(void)
{
	struct store *s;
	sqlite3 *db;
	char *path, *cause = NULL;

	path = xasprintf("%s/legacy.db", dir);
	s = store_open(path, &cause);
	OK(s != NULL, "open: %s", cause);
	store_close(s);
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA application_id = 0", NULL, NULL, NULL);
	sqlite3_close(db);
	check_query(path, "PRAGMA application_id", "0");
	s = store_open(path, &cause);
	OK(s != NULL, "open unmarked: %s", cause);
	OK(s != NULL && store_notice(s) == NULL, "nothing to tell");
	store_close(s);
	check_query(path, "PRAGMA application_id", "1296988019");
	free(path);
}

/* A cache of ours whose bytes at off were overwritten: moved aside with
 * its -wal, and a new one started that works. */
static void
check_damaged(const char *name, long off)
{
	struct store *s;
	struct store_feed f;
	char *path, *cause = NULL, *want, *broken, *before, *after;
	const char *notice;
	size_t nb, na, total, unread;
	FILE *fp;

	path = xasprintf("%s/%s", dir, name);
	s = store_open(path, &cause);
	OK(s != NULL, "open: %s", cause);
	OK(store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause) == 1, "feed added");
	store_close(s);
	fp = fopen(path, "r+b");
	fseek(fp, off, SEEK_SET);
	fwrite("\xff\xfe\xfd\xfc\x00\x01\x02\x03\xff\xfe\xfd\xfc\x00\x01\x02"
	    "\x03", 1, 16, fp);
	fseek(fp, off + 64, SEEK_SET);
	fwrite("\xff\xfe\xfd\xfc\x00\x01\x02\x03\xff\xfe\xfd\xfc\x00\x01\x02"
	    "\x03", 1, 16, fp);
	fclose(fp);
	before = harness_slurp(path, &nb);
	want = xasprintf("%s-wal", path);
	fp = fopen(want, "w");
	fclose(fp);
	free(want);

	s = store_open(path, &cause);
	OK(s != NULL, "%s: a new cache: %s", name, cause);
	if (s == NULL) {
		free(cause);
		free(before);
		free(path);
		return;
	}
	notice = store_notice(s);
	want = xasprintf("%s was damaged: moved to %s.broken-", path, path);
	OK(notice != NULL && strncmp(notice, want, strlen(want)) == 0,
	    "notice \"%s\"", notice != NULL ? notice : "(none)");
	OK(notice != NULL && strstr(notice, ", and a new cache started (the "
	    "read state it held is lost)") != NULL, "notice \"%s\"",
	    notice != NULL ? notice : "(none)");
	free(want);
	broken = notice != NULL ? xstrndup(notice + strlen(path) +
	    strlen(" was damaged: moved to "), strlen(path) +
	    strlen(".broken-YYYYMMDD-HHMMSS")) : xstrdup("");
	after = harness_slurp(broken, &na);
	OK(after != NULL && na == nb && memcmp(before, after, nb) == 0,
	    "%s moved whole to %s", name, broken);
	want = xasprintf("%s-wal", broken);
	OK(exists(want), "its -wal went with it");
	free(want);
	/* The new cache is empty and works. */
	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(total, 0);
	INT_EQ(store_feed_get(s, "https://mesos.apache.org/blog/feed.xml",
	    &f, &cause), 0);
	store_feed_clear(&f);
	OK(store_feed_add(s, "https://mesos.apache.org/blog/feed.xml",
	    &cause) == 1, "feed added to the new cache");
	store_close(s);
	check_query(path, "PRAGMA integrity_check", "ok");
	check_query(path, "PRAGMA application_id", "1296988019");
	free(broken);
	free(before);
	free(after);
	free(path);
}

static void
test_damaged(void)
{
	/* The schema's page, just after the file header: the probe reads
	 * it. */
	check_damaged("damaged-schema.db", 100);
	/* The feeds table's root, on page 2 (32 KiB pages). */
	check_damaged("damaged-feeds.db", 32768);
}

int
main(int argc, char **argv)
{
	struct store *s;
	char *path, *cause = NULL;

	if (argc == 3 && strcmp(argv[1], "--hold-lock") == 0)
		return hold_lock_child(argv[2]);
	if (argc == 3 && strcmp(argv[1], "--mark-and-die") == 0)
		return mark_and_die_child(argv[2]);
	self = argv[0];
	HARNESS_INIT();
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	path = xasprintf("%s/a/b/cache.db", dir);
	test_open(path);
	test_open_errors();
	test_foreign();
	test_mark_legacy();
	test_damaged();
	test_migrate();
	if ((s = store_open(path, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 99;
	}
	test_feeds(s);
	test_issues(s, path);
	test_pages(s, path);
	test_search(s);
	test_rollback(s, path);
	test_try_begin(s, path);
	test_mark_nowait(s, path);
	test_mark_commits(s, path);
	store_close(s);
	test_close_flushes(path);
	test_mark_survives_kill(path);
	check_query(path, "PRAGMA integrity_check", "ok");
	free(path);
	if (harness_rmtree(dir) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	DONE();
}
