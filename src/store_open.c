/* store_open.c - opening the cache: telling ours from other people's
 * files, moving a damaged one aside, the schema and its migrations, and
 * closing. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "utf8.h"
#include "util.h"

/* NOTE: one entry per schema version; entry i takes a database from
 * version i to version i + 1.  Never edit a released entry: add one.
 * Columns that can be large (content, summary) come last in a row so that
 * listings do not read through their overflow pages. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  last_fetch INTEGER,"
	"  last_error TEXT"
	");"
	"CREATE TABLE issues ("
	"  id INTEGER PRIMARY KEY,"
	"  feed INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  guid TEXT NOT NULL,"
	"  sortkey INTEGER NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  first_seen INTEGER NOT NULL,"
	"  hash INTEGER NOT NULL,"
	"  title TEXT,"
	"  link TEXT,"
	"  author TEXT,"
	"  published INTEGER,"
	"  updated INTEGER,"
	"  date_raw TEXT,"
	"  tags TEXT,"
	"  base TEXT,"
	"  kind TEXT,"
	"  summary_kind TEXT,"
	"  content TEXT,"
	"  summary TEXT,"
	"  UNIQUE (feed, guid)"
	");"
	"CREATE INDEX issues_order ON issues (sortkey DESC, id);"
	"CREATE VIRTUAL TABLE issues_fts USING fts5(title, body,"
	"  tokenize = 'unicode61 remove_diacritics 2');",
	/* 1 -> 2: listings and counts of one feed read in index order (of
	 * several feeds, the order of all, which now holds the feed); the
	 * full-text index keeps no copy of the text (contentless), so that
	 * the text is not stored twice.  Removing a row from it needs the
	 * text that was indexed: mn_index_text recomputes it from the row.
	 * A larger pending-terms hash writes fewer, larger segments.  The
	 * hash column is no longer used (0 in rows written since): an
	 * update compares the stored fields instead. */
	"CREATE INDEX issues_feed_order ON issues (feed, sortkey DESC, id);"
	"DROP INDEX issues_order;"
	"CREATE INDEX issues_order ON issues (sortkey DESC, id, feed);"
	"CREATE INDEX issues_feed_read ON issues (feed, read);"
	"DROP TABLE issues_fts;"
	"CREATE VIRTUAL TABLE issues_fts USING fts5(title, body,"
	"  content = '', tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO issues_fts (issues_fts, rank) VALUES ('hashsize', "
	"  8388608);"
	"INSERT INTO issues_fts (rowid, title, body) SELECT id, title,"
	"  mn_index_text(kind, content, summary_kind, summary) FROM issues;",
	/* 2 -> 3: the index holds the text html.c makes of HTML (every
	 * entity, the reader's own text), no longer a text of its own. */
	"INSERT INTO issues_fts (issues_fts) VALUES ('delete-all');"
	"INSERT INTO issues_fts (rowid, title, body) SELECT id, title,"
	"  mn_index_text(kind, content, summary_kind, summary) FROM issues;",
	/* 3 -> 4: the index holds the text of an issue's first MiB. */
	"INSERT INTO issues_fts (issues_fts) VALUES ('delete-all');"
	"INSERT INTO issues_fts (rowid, title, body) SELECT id, title,"
	"  mn_index_text(kind, content, summary_kind, summary) FROM issues;",
	/* 4 -> 5: where the reader was (store_place.c): per issue, the
	 * first block on screen and the view; seq orders them, so that the
	 * last one is where to start. */
	"CREATE TABLE places ("
	"  issue INTEGER PRIMARY KEY REFERENCES issues(id) ON DELETE CASCADE,"
	"  block INTEGER NOT NULL,"
	"  whole INTEGER NOT NULL,"
	"  open INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL"
	");"
	"CREATE INDEX places_seq ON places (seq);",
};


/* What store_open finds at its path before it writes anything. */
enum probe {
	PROBE_NEW,		/* nothing, or an empty file */
	PROBE_OURS,		/* a cache of ours, marked or not yet */
	PROBE_DAMAGED,		/* ours (or no one's) and unreadable */
};

static bool
is_damage(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* A file: URI for path, with what URIs reserve escaped. */
static char *
path_uri(const char *path)
{
	struct buf b = BUF_INIT;
	const unsigned char *p;
	char hex[4];

	buf_adds(&b, path[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' ||
		    *p >= 0x7f) {
			snprintf(hex, sizeof hex, "%%%02X", *p);
			buf_adds(&b, hex);
		} else
			buf_addc(&b, (char)*p);
	}
	return buf_detach(&b);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Tables a cache of ours has (SQLite's own and FTS5's shadow tables
 * included); any other table makes a database someone else's. */
static bool
our_table(const char *name)
{
	return strcmp(name, "feeds") == 0 || strcmp(name, "issues") == 0 ||
	    strcmp(name, "places") == 0 ||
	    strncmp(name, "issues_fts", 10) == 0 ||
	    strncmp(name, "sqlite_", 7) == 0;
}

/* The first table of a database that is not one of ours (*foreign,
 * allocated, NULL if none) and its user_version.  Returns an SQLite code. */
static int
look(sqlite3 *db, char **foreign, int *version)
{
	sqlite3_stmt *st = NULL;
	const char *name;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table'", -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(st, 0);
		if (*foreign == NULL && name != NULL && !our_table(name))
			*foreign = xstrdup(name);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite3_extended_errcode(db);
	rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	} else
		rc = sqlite3_extended_errcode(db);
	sqlite3_finalize(st);
	return rc;
}

/* PRAGMA quick_check: SQLITE_CORRUPT for any problem it reports. */
static int
quick_check(sqlite3 *db)
{
	sqlite3_stmt *st;
	const char *what;
	int rc;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st,
	    NULL) != SQLITE_OK)
		return sqlite3_extended_errcode(db);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = sqlite3_extended_errcode(db);
	else {
		what = (const char *)sqlite3_column_text(st, 0);
		rc = what != NULL && strcmp(what, "ok") == 0 ? SQLITE_OK :
		    SQLITE_CORRUPT;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Open path read-only (as immutable: without locks or side files) with
 * the busy timeout: another mesosnews may be creating the cache.  On
 * failure *db may be open, for its message.  Returns an SQLite code. */
static int
open_ro(const char *path, bool immutable, sqlite3 **db)
{
	char *uri, *u;
	int rc;

	uri = path_uri(path);
	if (immutable) {
		u = uri;
		uri = xasprintf("%s?immutable=1", u);
		free(u);
	}
	rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (*db == NULL)
		fatal("out of memory opening %s", path);
	sqlite3_extended_result_codes(*db, 1);
	sqlite3_busy_timeout(*db, BUSY_TIMEOUT_MS);
	return rc;
}

/* Look at the database at path read-only, so that a file that is not
 * ours stays as it was, byte for byte: the header first (a file that is
 * not SQLite's, or carries another program's application_id, is not even
 * opened), then, for a database without an application_id, its tables
 * and user_version.  A database in WAL mode without a -wal file is read
 * as immutable, so that not even a -wal or -shm file appears.  Returns a
 * probe, or -1 with an allocated *cause when the file is refused. */
static int
probe(const char *path, char **cause)
{
	unsigned char hdr[100];
	struct stat sb;
	sqlite3 *db = NULL;
	char *wal, *foreign = NULL;
	size_t got;
	uint32_t appid;
	int rc, version = 0;
	bool immutable = false, looked = false;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		if (errno == ENOENT)
			return PROBE_NEW;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	got = fread(hdr, 1, sizeof hdr, fp);
	fclose(fp);
	if (got == 0)
		return PROBE_NEW;
	if (got < 16 || memcmp(hdr, "SQLite format 3", 16) != 0) {
		*cause = xasprintf("%s: not a SQLite database, so not a "
		    "mesosnews cache: left as it is (use another --cache)",
		    path);
		return -1;
	}
	appid = got >= 72 ? be32(hdr + 68) : 0;
	if (appid != 0 && appid != APPLICATION_ID) {
		*cause = xasprintf("%s: another program's database "
		    "(application_id %#x), not a mesosnews cache: left as it "
		    "is (use another --cache)", path, (unsigned int)appid);
		return -1;
	}

	/* NOTE: bytes 18 and 19 of the header are 2 in WAL mode. */
	if (appid == 0) {
		wal = xasprintf("%s-wal", path);
		immutable = got >= 20 && hdr[18] == 2 && stat(wal, &sb) == -1;
		free(wal);
		rc = open_ro(path, immutable, &db);
		if (rc == SQLITE_OK)
			rc = look(db, &foreign, &version);
		/* Damage read as immutable is looked at again below, with
		 * locks: another mesosnews may have been checkpointing. */
		if (rc != SQLITE_OK && !(immutable && is_damage(rc)))
			goto fail;
		looked = rc == SQLITE_OK;
		sqlite3_close(db);
		db = NULL;
	}
	/* Ours, or no one's: every page of its tables is read before
	 * anything is written, with locks (so -wal and -shm may appear):
	 * damage shows here rather than in the middle of a listing, every
	 * time, with no way out.  64 MiB (10,000 large issues) take 25 to
	 * 60 ms.  The full-text index is not checked. */
	if (foreign == NULL && version <= STORE_SCHEMA) {
		rc = open_ro(path, false, &db);
		if (rc == SQLITE_OK && appid == 0 && !looked)
			rc = look(db, &foreign, &version);
		if (rc == SQLITE_OK && foreign == NULL)
			rc = quick_check(db);
		if (rc != SQLITE_OK)
			goto fail;
	}
	sqlite3_close(db);
	if (foreign != NULL) {
		/* The name is the other program's: it may hold anything. */
		wal = utf8_sanitize(foreign, strlen(foreign), UTF8_ONELINE);
		*cause = xasprintf("%s: another program's database (it has "
		    "a table \"%s\"), not a mesosnews cache: left as it is "
		    "(use another --cache)", path, wal);
		free(wal);
		free(foreign);
		return -1;
	}
	if (version > STORE_SCHEMA) {
		*cause = xasprintf("%s: cache written by a newer mesosnews "
		    "(schema %d; this one knows up to %d)", path, version,
		    STORE_SCHEMA);
		return -1;
	}
	return PROBE_OURS;

fail:
	free(foreign);
	if (is_damage(rc)) {
		sqlite3_close(db);
		return PROBE_DAMAGED;
	}
	*cause = xasprintf("%s: %s", path, db != NULL ? sqlite3_errmsg(db) :
	    sqlite3_errstr(rc));
	sqlite3_close(db);
	return -1;
}

/* Move a damaged cache and its -wal, -shm and -journal files aside, to
 * PATH.broken-YYYYMMDD-HHMMSS (with -2, -3... if that is taken).  Returns
 * the new name (the caller frees it), or NULL with an allocated *cause. */
static char *
move_aside(const char *path, char **cause)
{
	static const char *const sfx[] = { "-wal", "-shm", "-journal" };
	struct stat sb;
	struct tm tm;
	char stamp[32], *to, *from, *dst;
	time_t now = time(NULL);
	size_t i;
	int n;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	to = xasprintf("%s.broken-%s", path, stamp);
	for (n = 2; lstat(to, &sb) == 0; n++) {
		free(to);
		to = xasprintf("%s.broken-%s-%d", path, stamp, n);
	}
	if (rename(path, to) == -1) {
		*cause = xasprintf("%s: damaged, and cannot be moved to %s: "
		    "%s", path, to, strerror(errno));
		free(to);
		return NULL;
	}
	for (i = 0; i < nitems(sfx); i++) {
		from = xasprintf("%s%s", path, sfx[i]);
		dst = xasprintf("%s%s", to, sfx[i]);
		/* A -wal left behind would be replayed into the new cache. */
		if (rename(from, dst) == -1 && errno != ENOENT)
			unlink(from);
		free(from);
		free(dst);
	}
	return to;
}

static int
user_version(struct store *s, int *version, char **cause)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return store_db_error(s, cause);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_db_error(s, cause);
	}
	*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Give a cache of ours that lacks it (made before there was one) our
 * application_id, so that the next open knows it from its header. */
static int
mark_ours(struct store *s, char **cause)
{
	sqlite3_stmt *st;
	char *sql;
	int rc, id = 0;

	if (sqlite3_prepare_v2(s->db, "PRAGMA application_id", -1, &st,
	    NULL) != SQLITE_OK)
		return store_db_error(s, cause);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_db_error(s, cause);
	if (id == APPLICATION_ID)
		return 0;
	sql = xasprintf("PRAGMA application_id = %d", APPLICATION_ID);
	rc = store_exec(s, sql, cause);
	free(sql);
	return rc;
}

/* Bring the schema to STORE_SCHEMA inside one transaction, so that two
 * processes opening a new cache at once do not both create it. */
static int
migrate(struct store *s, char **cause)
{
	int version, v;
	char *sql;

	if (user_version(s, &version, cause) != 0)
		return -1;
	if (version == STORE_SCHEMA)
		return mark_ours(s, cause);
	if (version > STORE_SCHEMA) {
		*cause = xasprintf("%s: cache written by a newer mesosnews "
		    "(schema %d; this one knows up to %d)", s->path, version,
		    STORE_SCHEMA);
		return -1;
	}
	if (store_exec(s, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	if (user_version(s, &version, cause) != 0)
		goto fail;
	for (v = version; v < STORE_SCHEMA; v++)
		if (store_exec(s, migrations[v], cause) != 0)
			goto fail;
	sql = xasprintf("PRAGMA user_version = %d; "
	    "PRAGMA application_id = %d", STORE_SCHEMA, APPLICATION_ID);
	v = store_exec(s, sql, cause);
	free(sql);
	if (v != 0 || store_exec(s, "COMMIT", cause) != 0)
		goto fail;
	return 0;

fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Switch to WAL.  On a new database two processes can race here, and
 * SQLite answers SQLITE_BUSY at once rather than through the busy
 * handler: wait and retry like the handler would. */
static int
set_wal(struct store *s, char **cause)
{
	struct timespec pause = { 0, 20 * 1000000 };
	int waited = 0;

	while (sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL,
	    NULL) != SQLITE_OK) {
		if ((sqlite3_errcode(s->db) & 0xff) != SQLITE_BUSY ||
		    waited >= BUSY_TIMEOUT_MS)
			return store_db_error(s, cause);
		nanosleep(&pause, NULL);
		waited += 20;
	}
	return 0;
}

/* Checkpoint the WAL at about 4 MiB, whatever the page size. */
static int
set_checkpoint(struct store *s, char **cause)
{
	sqlite3_stmt *st;
	char *sql;
	int size = 4096, rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA page_size", -1, &st,
	    NULL) != SQLITE_OK)
		return store_db_error(s, cause);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
		size = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sql = xasprintf("PRAGMA wal_autocheckpoint = %d",
	    (4 << 20) / size);
	rc = store_exec(s, sql, cause);
	free(sql);
	return rc;
}

/* Open the database at path read-write and set it up; on failure *rc is
 * the SQLite error code, to tell damage from other errors. */
static struct store *
open_rw(const char *path, int *rc, char **cause)
{
	struct store *s;

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	*rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (*rc != SQLITE_OK) {
		if (s->db == NULL)
			fatal("out of memory opening %s", path);
		store_db_error(s, cause);
		goto error;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (sqlite3_create_function(s->db, "mn_index_text", 4, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, store_sql_index_text,
	    NULL, NULL) != SQLITE_OK) {
		store_db_error(s, cause);
		goto error;
	}
	/* A new cache gets larger pages: an issue's content fits in one
	 * with its row, and an import makes an eighth of the calls into
	 * the file system (10,000 issues: user+sys 0.54 s, 0.57 s with 16
	 * KiB pages, 0.53 s with 64 KiB, which write twice as much to the
	 * WAL for every page a small commit touches, such as a read flag's).
	 * An existing cache keeps its page size.  The WAL is checkpointed
	 * when it reaches about 4 MiB, as SQLite's default does with 4 KiB
	 * pages.  NORMAL is safe in WAL mode against a killed process:
	 * only a power loss can undo the last commits, never corrupt the
	 * file. */
	if (store_exec(s, "PRAGMA page_size = 32768", cause) != 0 ||
	    set_wal(s, cause) != 0 ||
	    set_checkpoint(s, cause) != 0 ||
	    store_exec(s, "PRAGMA synchronous = NORMAL", cause) != 0 ||
	    store_exec(s, "PRAGMA foreign_keys = ON", cause) != 0 ||
	    migrate(s, cause) != 0) {
		*rc = sqlite3_extended_errcode(s->db);
		/* Keep a damaged cache's -wal as it is, to go aside with it,
		 * rather than checkpoint it into the file or remove it. */
		if (is_damage(*rc))
			sqlite3_db_config(s->db,
			    SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
		goto error;
	}
	*rc = SQLITE_OK;
	return s;

error:
	store_close(s);
	return NULL;
}

struct store *
store_open(const char *path, char **cause)
{
	char *why = NULL, *broken = NULL;
	struct store *s;
	int kind, rc;

	if (util_make_parents(path, &why) != 0) {
		*cause = xasprintf("%s: %s", path, why);
		free(why);
		return NULL;
	}
	/* Nothing is written before the file is known to be ours. */
	if ((kind = probe(path, cause)) == -1)
		return NULL;
	if (kind == PROBE_DAMAGED &&
	    (broken = move_aside(path, cause)) == NULL)
		return NULL;
	s = open_rw(path, &rc, &why);
	/* Damage that only shows once the file is open for writing (in a
	 * page the probe did not read, or in the -wal file): once. */
	if (s == NULL && broken == NULL && is_damage(rc)) {
		free(why);
		why = NULL;
		if ((broken = move_aside(path, cause)) == NULL)
			return NULL;
		s = open_rw(path, &rc, &why);
	}
	if (s == NULL) {
		*cause = why;
		free(broken);
		return NULL;
	}
	if (broken != NULL) {
		s->notice = xasprintf("%s was damaged: moved to %s, and a new "
		    "cache started (the read state it held is lost)", path,
		    broken);
		free(broken);
	}
	return s;
}

const char *
store_notice(const struct store *s)
{
	return s->notice;
}

void
store_close(struct store *s)
{
	char *cause = NULL;
	size_t i;

	if (s == NULL)
		return;
	if (s->in_txn)
		store_rollback(s);
	/* The user's read flags: worth a wait. */
	if (s->nqueued > 0 && store_flush_queue(s, -1, &cause) == -1)
		free(cause);
	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->queued);
	buf_free(&s->text);
	free(s->notice);
	free(s->path);
	free(s);
}
