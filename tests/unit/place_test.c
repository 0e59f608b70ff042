/* place_test.c - where the reader was, in the cache (store_place.c): per
 * issue, a selection keeping the place, the last place, a busy cache, an
 * issue that is not there; the table a cache of ours has on reopening. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "harness.h"
#include "store.h"
#include "util.h"

static char dir[] = "/tmp/mn-place-XXXXXX";

static void
add_issue(struct store *s, int64_t feed, const char *id)
{
	struct issue is;
	char *cause = NULL;

	memset(&is, 0, sizeof is);
	is.id = (char *)id;
	is.title = (char *)id;
	is.published = is.updated = -1;
	OK(store_upsert(s, feed, &is, NULL, &cause) == 0, "upsert: %s",
	    cause);
}

#define PLACE_EQ(p, b, w, o) do {					\
	INT_EQ((p).block, (b));						\
	INT_EQ((p).whole, (w));						\
	INT_EQ((p).open, (o));						\
} while (0)

int
main(void)
{
	struct store *s;
	struct place p, set;
	sqlite3 *other;
	int64_t feed, key = 0;
	char *path, *cause = NULL;

	HARNESS_INIT();
	if (mkdtemp(dir) == NULL)
		return 99;
	path = xasprintf("%s/cache.db", dir);
	if ((s = store_open(path, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 99;
	}
	INT_EQ(store_begin(s, &cause), 0);
	feed = store_feed_add(s, "https://example.org/feed", &cause);
	add_issue(s, feed, "one");
	add_issue(s, feed, "two");
	INT_EQ(store_commit(s, &cause), 0);

	INT_EQ(store_place_get(s, 1, &p, &cause), 0);
	INT_EQ(store_place_last(s, &key, &p, &cause), 0);
	/* Read into issue 1, whole. */
	set = (struct place){ 3, true, true };
	INT_EQ(store_place_set(s, 1, &set, -1, &cause), 0);
	INT_EQ(store_place_get(s, 1, &p, &cause), 1);
	PLACE_EQ(p, 3, true, true);
	INT_EQ(store_place_last(s, &key, &p, &cause), 1);
	INT_EQ(key, 1);
	/* Issue 2 only selected: it is last, at its top. */
	set = (struct place){ -1, true, false };
	INT_EQ(store_place_set(s, 2, &set, -1, &cause), 0);
	INT_EQ(store_place_get(s, 2, &p, &cause), 1);
	PLACE_EQ(p, 0, false, false);
	INT_EQ(store_place_last(s, &key, &p, &cause), 1);
	INT_EQ(key, 2);
	/* Issue 1 selected again keeps its block and view. */
	INT_EQ(store_place_set(s, 1, &set, -1, &cause), 0);
	INT_EQ(store_place_get(s, 1, &p, &cause), 1);
	PLACE_EQ(p, 3, true, false);
	INT_EQ(store_place_last(s, &key, &p, &cause), 1);
	INT_EQ(key, 1);
	/* No such issue: refused, said. */
	INT_EQ(store_place_set(s, 99, &set, -1, &cause), -1);
	OK(cause != NULL && strstr(cause, "FOREIGN KEY") != NULL, "cause: %s",
	    cause);
	free(cause);
	cause = NULL;
	/* Another process writing: 1, nothing written, no long wait. */
	if (sqlite3_open(path, &other) != SQLITE_OK ||
	    sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return 99;
	set = (struct place){ 5, false, true };
	INT_EQ(store_place_set(s, 2, &set, 10, &cause), 1);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	INT_EQ(store_place_get(s, 2, &p, &cause), 1);
	PLACE_EQ(p, 0, false, false);
	store_close(s);

	/* The table is ours: the cache opens again, places kept. */
	if ((s = store_open(path, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 99;
	}
	INT_EQ(store_place_get(s, 1, &p, &cause), 1);
	PLACE_EQ(p, 3, true, false);
	store_close(s);

	free(path);
	if (harness_rmtree(dir) != 0)
		return 99;
	DONE();
}
