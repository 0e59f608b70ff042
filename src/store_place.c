/* store_place.c - where the reader was: per issue, the first block on
 * screen and the view; and which issue it had last (see store.h). */
#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "util.h"

/* NOTE: a place made while only selecting an issue (block -1) keeps the
 * block and view it had; seq orders the places, the last one first. */
#define PLACE_SET_SQL \
	"INSERT INTO places (issue, block, whole, open, seq) " \
	"VALUES (?1, max(?2, 0), CASE WHEN ?2 < 0 THEN 0 ELSE ?3 END, ?4, " \
	"  (SELECT coalesce(max(seq), 0) + 1 FROM places)) " \
	"ON CONFLICT (issue) DO UPDATE SET " \
	"  block = CASE WHEN ?2 < 0 THEN block ELSE ?2 END, " \
	"  whole = CASE WHEN ?2 < 0 THEN whole ELSE ?3 END, " \
	"  open = ?4, seq = excluded.seq"
#define PLACE_GET_SQL \
	"SELECT block, whole, open FROM places WHERE issue = ?1"
#define PLACE_LAST_SQL \
	"SELECT issue, block, whole, open FROM places " \
	"ORDER BY seq DESC LIMIT 1"

/* Places are few and read once a run: prepared each time, not kept with
 * the store's statements. */
static sqlite3_stmt *
prepare(struct store *s, const char *sql, char **cause)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_db_error(s, cause);
		return NULL;
	}
	return st;
}

int
store_place_set(struct store *s, int64_t issue, const struct place *p,
    int wait_ms, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = prepare(s, PLACE_SET_SQL, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	sqlite3_bind_int(st, 2, p->block);
	sqlite3_bind_int(st, 3, p->whole);
	sqlite3_bind_int(st, 4, p->open);
	if (wait_ms >= 0)
		sqlite3_busy_timeout(s->db, wait_ms);
	rc = sqlite3_step(st);
	if (wait_ms >= 0)
		sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if ((rc & 0xff) == SQLITE_BUSY)
		return 1;
	/* The issue went (a foreign key), or the disk is full: either way
	 * only a reading position is lost. */
	return store_db_error(s, cause);
}

static void
place_from_row(sqlite3_stmt *st, int col, struct place *p)
{
	p->block = sqlite3_column_int(st, col);
	p->whole = sqlite3_column_int(st, col + 1) != 0;
	p->open = sqlite3_column_int(st, col + 2) != 0;
}

int
store_place_get(struct store *s, int64_t issue, struct place *p,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = prepare(s, PLACE_GET_SQL, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, issue);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		place_from_row(st, 0, p);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_db_error(s, cause);
}

int
store_place_last(struct store *s, int64_t *issue, struct place *p,
    char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = prepare(s, PLACE_LAST_SQL, cause)) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*issue = sqlite3_column_int64(st, 0);
		place_from_row(st, 1, p);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_db_error(s, cause);
}
