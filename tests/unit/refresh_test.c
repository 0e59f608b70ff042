/* refresh_test.c - refresh into a real cache from local sources: first
 * import, update with the archive kept, read flags kept, a failure that
 * changes nothing, Markdown directories, and the poll-driven interface. */
#include "config.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "harness.h"
#include "refresh.h"
#include "store.h"
#include "util.h"

static char dir[] = "/tmp/mn-refresh-XXXXXX";
static const char *srcdir;

struct report {
	struct buf	 log;
	int		 calls;
};

static void
report_cb(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	struct report *r = arg;

	r->calls++;
	buf_printf(&r->log, "%s|%s|%s|%zu\n", source, error ? error : "-",
	    warning ? warning : "-", new_issues);
}

static void
copy(const char *from, const char *to)
{
	char *cmd = xasprintf("cp '%s' '%s'", from, to);

	if (system(cmd) != 0)
		exit(99);
	free(cmd);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fputs(text, fp) == EOF || fclose(fp) != 0)
		exit(99);
}

static int
list_cb(const struct store_issue *si, void *arg)
{
	buf_printf(arg, "%s%s\n", si->issue.title ? si->issue.title : "",
	    si->read ? " (read)" : "");
	return 0;
}

static char *
listing(struct store *s)
{
	struct buf b = BUF_INIT;
	char *cause = NULL;

	INT_EQ(store_list(s, NULL, 0, list_cb, &b, &cause), 0);
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

static int
mark_cb(const struct store_issue *si, void *arg)
{
	char *cause = NULL;

	if (strstr(si->issue.title, "#2") != NULL)
		store_mark_read(arg, si->id, true, &cause);
	return 0;
}

/* How many issues have titles LIKE pattern, read on the file. */
static char *
titles_like(const char *path, const char *pattern)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *out;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM issues WHERE title "
	    "LIKE ?1", -1, &st, NULL) != SQLITE_OK)
		exit(99);
	sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		exit(99);
	out = xasprintf("%d", sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

/* A feed of n entries of about 3 KB, titled "vVERSION issue I"; broken,
 * it ends in an element that is never closed properly. */
static void
write_big(const char *path, int version, int n, bool broken)
{
	FILE *fp = fopen(path, "w");
	int i, k;

	if (fp == NULL)
		exit(99);
	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns="
	    "\"http://www.w3.org/2005/Atom\"><title>Big</title>\n", fp);
	for (i = n; i > 0; i--) {
		fprintf(fp, "<entry><id>tag:big.test,2015:%d</id><title>v%d "
		    "issue %d</title><updated>2015-01-01T00:00:00Z</updated>"
		    "<content type=\"html\">&lt;p&gt;word%dx", i, version,
		    i, i);
		for (k = 0; k < 40; k++)
			fputs(" frameworks, isolation &amp;amp; scheduling "
			    "for &lt;b&gt;operators&lt;/b&gt;", fp);
		fputs("&lt;/p&gt;</content></entry>\n", fp);
		if (broken && i == 50)
			fputs("<entry><title>cut</titel></entry>\n", fp);
	}
	fputs("</feed>\n", fp);
	if (fclose(fp) != 0)
		exit(99);
}

/* Issues in the store as its own connection sees them (an open
 * transaction included). */
static size_t
issue_count(struct store *s)
{
	size_t total, unread;
	char *cause = NULL;

	if (store_count(s, NULL, 0, &total, &unread, &cause) == -1)
		exit(99);
	return total;
}

static char *
count_query(struct store *s)
{
	size_t total, unread;
	char *cause = NULL;
	int64_t *ids;
	size_t n;

	INT_EQ(store_count(s, NULL, 0, &total, &unread, &cause), 0);
	INT_EQ(store_search(s, "word1234x", &ids, &n, &cause), 0);
	free(ids);
	return xasprintf("%zu %zu %zu", total, unread, n);
}

/* A feed larger than the parse runs ahead of the store: stored whole,
 * or (broken near its end, or abandoned half-way) not at all.  (A local
 * file is read where it is; tests/net_refresh.sh spools one from HTTP.) */
static void
test_big(void)
{
	struct refresh_stats st;
	struct report rep = { BUF_INIT, 0 };
	struct refresh *r;
	struct store *s;
	char *path, *feed, *got, *want, *cause = NULL;
	const char *src[1];
	size_t before, now, most = 0, grew = 0;
	int turns = 0;

	path = xasprintf("%s/big.db", dir);
	if ((s = store_open(path, &cause)) == NULL)
		exit(99);
	feed = xasprintf("%s/big.atom", dir);
	src[0] = feed;
	write_big(feed, 1, 3000, false);
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, NULL, NULL, &st), 0);
	INT_EQ(st.new_issues, 3000);
	STR_EQ(got = count_query(s), "3000 3000 1");
	free(got);

	/* Broken: the entries that came out whole are stored (the broken
	 * one is not), with the parser's one warning. */
	write_big(feed, 2, 3000, true);
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, report_cb, &rep, &st), 0);
	want = xasprintf("%s|-|line 2954: Opening and ending tag mismatch: "
	    "title line 2954 and titel; read 3000 entries, the rest may be "
	    "missing|0\n", feed);
	STR_EQ(rep.log.data, want);
	free(want);
	STR_EQ(got = count_query(s), "3000 3000 1");
	free(got);
	STR_EQ(got = titles_like(path, "v2 %"), "3000");
	free(got);
	STR_EQ(got = titles_like(path, "cut%"), "0");
	free(got);

	/* Abandoned half-way, the parse ahead of the store: nothing. */
	write_big(feed, 4, 3000, false);
	r = refresh_new(s, NULL, NULL, NULL, NULL);
	refresh_add(r, feed, NULL);
	while (refresh_busy(r) && turns++ < 10000) {
		refresh_perform(r, NULL, 0);
		if (store_in_transaction(s) && turns > 5)
			break;
		poll(NULL, 0, 5);
	}
	OK(store_in_transaction(s), "importing after %d turns", turns);
	refresh_free(r);
	OK(!store_in_transaction(s), "rolled back");
	STR_EQ(got = titles_like(path, "v4 %"), "0");
	free(got);
	STR_EQ(got = titles_like(path, "v2 %"), "3000");
	free(got);

	/* Then whole. */
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, NULL, NULL, &st), 0);
	INT_EQ(st.new_issues, 0);
	STR_EQ(got = titles_like(path, "v4 %"), "3000");
	free(got);
	STR_EQ(got = count_query(s), "3000 3000 1");
	free(got);

	/* Each turn stores a bounded slice, counted in issues (of about
	 * 2.4 kB of content each), not timed: a new feed of 3000 comes in
	 * over several turns, none storing more than the step's bytes. */
	free(feed);
	feed = xasprintf("%s/big2.atom", dir);
	src[0] = feed;
	write_big(feed, 3, 3000, false);
	r = refresh_new(s, NULL, NULL, NULL, NULL);
	refresh_add(r, feed, NULL);
	before = issue_count(s);
	turns = 0;
	while (refresh_busy(r) && turns++ < 100000) {
		refresh_perform(r, NULL, 0);
		now = issue_count(s);
		if (now - before > most)
			most = now - before;
		if (now > before)
			grew++;
		before = now;
		poll(NULL, 0, 1);
	}
	refresh_free(r);
	INT_EQ(issue_count(s), 6000);
	OK(grew >= 3000 * 2400 / REFRESH_STEP_BYTES,
	    "stored in %zu turns", grew);
	OK(most > 0 && most * 2400 <= REFRESH_STEP_BYTES + 3000,
	    "at most %zu issues stored in one turn", most);
	store_close(s);
	buf_free(&rep.log);
	free(feed);
	free(path);
}

static void
test_file_feed(struct store *s)
{
	struct refresh_stats st;
	struct report rep = { BUF_INIT, 0 };
	struct store_feed f;
	char *feed, *fixture, *got, *want, *cause = NULL, *url;
	const char *src[2];

	feed = xasprintf("%s/feed.atom", dir);
	fixture = xasprintf("%s/tests/net/updates-1.atom", srcdir);
	copy(fixture, feed);
	free(fixture);
	src[0] = feed;
	src[1] = feed;		/* named twice, refreshed once */
	INT_EQ(refresh_run_all(s, src, 2, NULL, NULL, report_cb, &rep, &st), 0);
	INT_EQ(st.feeds, 1);
	INT_EQ(st.refreshed, 1);
	INT_EQ(st.new_issues, 3);
	INT_EQ(st.errors, 0);
	INT_EQ(st.unchanged, 0);
	want = xasprintf("%s|-|-|3\n", feed);
	STR_EQ(rep.log.data, want);
	free(want);
	STR_EQ(got = listing(s), "Mesos Community Update #3\n"
	    "Mesos Community Update #2\nMesos Community Update #1\n");
	free(got);
	url = refresh_feed_url(feed);
	INT_EQ(store_feed_get(s, url, &f, &cause), 1);
	STR_EQ(f.title, "Apache Mesos test blog");
	STR_EQ(f.etag, NULL);
	STR_EQ(f.last_error, NULL);
	OK(f.last_fetch > 0, "last fetch set");
	store_feed_clear(&f);
	store_list(s, NULL, 0, mark_cb, s, &cause);

	/* The next issue arrives, #3 is corrected, #1 leaves the feed. */
	fixture = xasprintf("%s/tests/net/updates-2.atom", srcdir);
	copy(fixture, feed);
	free(fixture);
	buf_reset(&rep.log);
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, report_cb, &rep, &st), 0);
	INT_EQ(st.new_issues, 1);
	STR_EQ(got = listing(s), "Mesos Community Update #4\n"
	    "Mesos Community Update #3 (corrected)\n"
	    "Mesos Community Update #2 (read)\n"
	    "Mesos Community Update #1\n");
	free(got);

	/* A broken feed changes nothing but the recorded error. */
	write_file(feed, "<html><body>gone</body></html>\n");
	buf_reset(&rep.log);
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, report_cb, &rep, &st), -1);
	INT_EQ(st.errors, 1);
	INT_EQ(st.refreshed, 0);
	INT_EQ(st.new_issues, 0);
	want = xasprintf("%s|%s: line 1: unknown root element <html>: not an "
	    "RSS or Atom feed|-|0\n", feed, feed);
	STR_EQ(rep.log.data, want);
	free(want);
	STR_EQ(got = listing(s), "Mesos Community Update #4\n"
	    "Mesos Community Update #3 (corrected)\n"
	    "Mesos Community Update #2 (read)\n"
	    "Mesos Community Update #1\n");
	free(got);
	INT_EQ(store_feed_get(s, url, &f, &cause), 1);
	want = xasprintf("%s: line 1: unknown root element <html>: not an "
	    "RSS or Atom feed", feed);
	STR_EQ(f.last_error, want);
	free(want);
	STR_EQ(f.title, "Apache Mesos test blog");
	store_feed_clear(&f);

	/* A feed cut short keeps the entries that came out whole, as the
	 * feed now says them (#3 without its correction), and nothing of
	 * the one cut; read flags stay. */
	fixture = xasprintf("%s/tests/net/updates-1.atom", srcdir);
	copy(fixture, feed);
	free(fixture);
	if (truncate(feed, 2500) != 0)
		exit(99);
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, NULL, NULL, &st), 0);
	INT_EQ(st.errors, 0);
	STR_EQ(got = listing(s), "Mesos Community Update #4\n"
	    "Mesos Community Update #3\n"
	    "Mesos Community Update #2 (read)\n"
	    "Mesos Community Update #1\n");
	free(got);

	/* Missing file. */
	unlink(feed);
	buf_reset(&rep.log);
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, report_cb, &rep, &st), -1);
	want = xasprintf("%s|%s: No such file or directory|-|0\n", feed,
	    feed);
	STR_EQ(rep.log.data, want);
	free(want);
	buf_free(&rep.log);
	free(url);
	free(feed);
}

static void
test_markdown(struct store *s)
{
	struct refresh_stats st;
	struct report rep = { BUF_INIT, 0 };
	char *posts, *want, *cause = NULL, *url;
	const char *src[1];
	struct store_feed f;
	size_t total, unread;
	int64_t id;

	posts = xasprintf("%s/tests/list/posts", srcdir);
	src[0] = posts;
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, report_cb, &rep, &st), 0);
	INT_EQ(st.new_issues, 2);
	want = xasprintf("%s|-|-|2\n", posts);
	STR_EQ(rep.log.data, want);
	free(want);
	url = refresh_feed_url(posts);
	INT_EQ(store_feed_get(s, url, &f, &cause), 1);
	id = f.id;
	store_feed_clear(&f);
	INT_EQ(store_count(s, &id, 1, &total, &unread, &cause), 0);
	INT_EQ(total, 2);
	/* Again: nothing new. */
	INT_EQ(refresh_run_all(s, src, 1, NULL, NULL, NULL, NULL, &st), 0);
	INT_EQ(st.new_issues, 0);
	INT_EQ(st.refreshed, 1);
	buf_free(&rep.log);
	free(url);
	free(posts);
}

/* The caller's loop drives the refresh through its descriptors. */
static void
test_poll_driven(struct store *s)
{
	struct report rep = { BUF_INIT, 0 };
	struct pollfd fds[16];
	struct refresh *r;
	char *a, *b, *fixture;
	size_t n;
	int turns = 0, timeout;

	a = xasprintf("%s/a.atom", dir);
	b = xasprintf("%s/b.rss", dir);
	fixture = xasprintf("%s/tests/net/updates-2.atom", srcdir);
	copy(fixture, a);
	free(fixture);
	fixture = xasprintf("%s/tests/net/digest-latin1.rss", srcdir);
	copy(fixture, b);
	free(fixture);
	r = refresh_new(s, NULL, report_cb, &rep, NULL);
	OK(!refresh_busy(r), "idle before adding");
	refresh_add(r, a, NULL);
	refresh_add(r, b, NULL);
	OK(refresh_busy(r), "busy");
	while (refresh_busy(r) && turns++ < 1000) {
		n = refresh_pollfds(r, fds, nitems(fds));
		OK(n <= nitems(fds), "fds");
		timeout = refresh_timeout(r);
		poll(fds, n, timeout < 0 || timeout > 100 ? 100 : timeout);
		refresh_perform(r, fds, n);
	}
	OK(!refresh_busy(r), "finished in %d turns", turns);
	INT_EQ(rep.calls, 2);
	INT_EQ(refresh_stats(r)->feeds, 2);
	INT_EQ(refresh_stats(r)->new_issues, 5);
	INT_EQ(refresh_stats(r)->errors, 0);
	refresh_free(r);
	buf_free(&rep.log);

	/* Freed half-way: nothing is left open. */
	r = refresh_new(s, NULL, NULL, NULL, NULL);
	refresh_add(r, a, NULL);
	refresh_perform(r, NULL, 0);
	refresh_free(r);
	OK(!store_in_transaction(s), "no transaction left open");
	free(a);
	free(b);
}


/* Another process holding the write lock never blocks the loop: the feed
 * waits its turn and is stored once the lock is free. */
static void
test_locked_out(struct store *s, const char *path)
{
	struct report rep = { BUF_INIT, 0 };
	struct refresh *r;
	sqlite3 *other;
	char *feed, *fixture, *want;
	double start, longest = 0, t;
	int turns = 0, timeout;

	feed = xasprintf("%s/locked.atom", dir);
	fixture = xasprintf("%s/tests/net/updates-1.atom", srcdir);
	copy(fixture, feed);
	free(fixture);
	if (sqlite3_open(path, &other) != SQLITE_OK ||
	    sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		exit(99);
	r = refresh_new(s, NULL, report_cb, &rep, NULL);
	refresh_add(r, feed, NULL);
	start = harness_now();
	while (harness_now() - start < 0.6) {
		timeout = refresh_timeout(r);
		OK(timeout >= 0 && timeout <= 50, "timeout %d", timeout);
		poll(NULL, 0, timeout);
		t = harness_now();
		refresh_perform(r, NULL, 0);
		if (harness_now() - t > longest)
			longest = harness_now() - t;
		turns++;
	}
	/* Waiting on the lock (the store's 15 s busy timeout) would stall a
	 * turn that long: this bound tells the two apart on any load. */
	OK(longest < 5.0, "a turn took %.3f s", longest);
	OK(refresh_busy(r), "still waiting for the lock");
	INT_EQ(rep.calls, 0);
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	while (refresh_busy(r) && turns++ < 1000) {
		poll(NULL, 0, refresh_timeout(r));
		refresh_perform(r, NULL, 0);
	}
	OK(!refresh_busy(r), "stored once the lock was free");
	want = xasprintf("%s|-|-|3\n", feed);
	STR_EQ(rep.log.data, want);
	free(want);
	refresh_free(r);
	buf_free(&rep.log);
	free(feed);
}

int
main(void)
{
	struct store *s;
	char *path, *cause = NULL;

	HARNESS_INIT();
	if ((srcdir = getenv("srcdir")) == NULL)
		srcdir = ".";
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	path = xasprintf("%s/cache.db", dir);
	if ((s = store_open(path, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 99;
	}
	test_file_feed(s);
	test_markdown(s);
	test_poll_driven(s);
	test_locked_out(s, path);
	store_close(s);
	test_big();
	free(path);
	if (harness_rmtree(dir) != 0)
		return 99;
	DONE();
}
