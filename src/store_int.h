/* store_int.h - what store.c, store_open.c and store_place.c share: the
 * handle and its statements.  Only those files include it. */
#ifndef STORE_INT_H
#define STORE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"

#define APPLICATION_ID	0x4d4e7773
/* How long to wait for another process holding the write lock. */
#define BUSY_TIMEOUT_MS	15000
/* The same for a read flag set by store_mark_read_nowait. */
#define MARK_WAIT_MS	50


enum stmt {
	S_FEED_FIND,
	S_FEED_INSERT,
	S_FEED_GET,
	S_FEED_SET,
	S_FEED_ERROR,
	S_FEED_LIST,
	S_ISSUE_FIND,
	S_ISSUE_INSERT,
	S_ISSUE_UPDATE,
	S_FTS_DELETE,
	S_FTS_INSERT,
	S_MARK,
	S_MARK_ALL,
	S_MARK_FEED,
	S_GET,
	S_NSTMT
};

/* A read flag waiting for another process's write lock. */
struct mark {
	int64_t		 id;		/* issue, or feed if all */
	bool		 all;
	bool		 read;
};

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmt[S_NSTMT];
	bool		 in_txn;
	struct mark	*queued;	/* waiting for the lock */
	size_t		 nqueued;
	struct buf	 text;		/* for the full-text index */
	char		*notice;	/* for store_notice */
};

/* "PATH: SQLite's message", as *cause; returns -1. */
int	 store_db_error(struct store *, char **cause);
/* Run SQL (no rows); -1 with *cause on failure. */
int	 store_exec(struct store *, const char *sql, char **cause);
/* The mn_index_text(kind, content, summary_kind, summary) SQL function:
 * the text the full-text index holds for an issue. */
void	 store_sql_index_text(sqlite3_context *, int, sqlite3_value **);
/* Write the queued read flags, waiting up to wait_ms (-1: the busy
 * timeout); 1 when the lock was not free, 0 when written, -1 on error. */
int	 store_flush_queue(struct store *, int wait_ms, char **cause);

#endif
