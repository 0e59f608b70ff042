/* library_place.c - where the reader was in each issue.  Issues of the
 * cache keep their place there, from one run to the next; issues read
 * directly (a draft or a feed file named on the command line, in text
 * mode or as a Markdown draft in the reader) keep it in memory, for the
 * run: they leave no trace.  The places of the run are kept here too, so
 * that a place the cache cannot take yet (another process writes, or a
 * refresh's transaction is open and may be rolled back) is written
 * later. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "library.h"
#include "library_int.h"
#include "store.h"
#include "util.h"

/* How long a place waits for another process writing the cache: as long
 * as a read mark (the reader must not freeze); at the end, the busy
 * timeout. */
#define PLACE_WAIT_MS	50

struct lib_place {
	int64_t		 key;
	struct place p;
	bool		 dirty;		/* for the cache, not written yet */
};

static bool
entry_cached(const struct library *lib, const struct library_entry *e)
{
	return e->source < 0 || lib->src[e->source].cached;
}

static struct lib_place *
find(struct library *lib, int64_t key)
{
	size_t i;

	for (i = 0; i < lib->nplaces; i++)
		if (lib->places[i].key == key)
			return &lib->places[i];
	return NULL;
}

static int
write_one(struct library *lib, struct lib_place *lp, int wait_ms)
{
	char *cause = NULL;
	int rc;

	rc = store_place_set(lib->store, lp->key, &lp->p, wait_ms, &cause);
	/* A place that cannot be written is a place lost, no more: the
	 * reader says nothing of it. */
	free(cause);
	if (rc != 1)
		lp->dirty = false;
	return rc;
}

void
lib_places_flush(struct library *lib, int wait_ms)
{
	struct lib_place *last;
	size_t i;

	if (lib->store == NULL || store_in_transaction(lib->store))
		return;
	/* NOTE: the last place set is written last: the cache orders
	 * places by when they were written. */
	last = lib->place_last < lib->nplaces ?
	    &lib->places[lib->place_last] : NULL;
	for (i = 0; i < lib->nplaces; i++) {
		if (!lib->places[i].dirty || &lib->places[i] == last)
			continue;
		if (write_one(lib, &lib->places[i], wait_ms) == 1)
			return;
	}
	if (last != NULL && last->dirty)
		write_one(lib, last, wait_ms);
}

void
lib_places_free(struct library *lib)
{
	free(lib->places);
	lib->places = NULL;
	lib->nplaces = 0;
}

void
library_place_set(struct library *lib, size_t i,
    const struct place *p)
{
	struct library_entry *e;
	struct lib_place *lp;

	if ((e = library_entry(lib, i)) == NULL)
		return;
	if ((lp = find(lib, e->key)) == NULL) {
		lib->places = xreallocarray(lib->places, lib->nplaces + 1,
		    sizeof *lib->places);
		lp = &lib->places[lib->nplaces++];
		lp->key = e->key;
		lp->p.block = 0;
		lp->p.whole = false;
	}
	if (p->block >= 0) {
		lp->p.block = p->block;
		lp->p.whole = p->whole;
	}
	lp->p.open = p->open;
	lib->place_last = (size_t)(lp - lib->places);
	lp->dirty = entry_cached(lib, e) && lib->store != NULL;
	if (lp->dirty)
		lib_places_flush(lib, PLACE_WAIT_MS);
}

bool
library_place_get(struct library *lib, size_t i, struct place *p)
{
	struct library_entry *e;
	struct lib_place *lp;
	char *cause = NULL;

	if ((e = library_entry(lib, i)) == NULL)
		return false;
	if ((lp = find(lib, e->key)) != NULL) {
		*p = lp->p;
		return true;
	}
	if (!entry_cached(lib, e) || lib->store == NULL ||
	    store_place_get(lib->store, e->key, p, &cause) != 1) {
		free(cause);
		return false;
	}
	return true;
}

bool
library_place_last(struct library *lib, int64_t *key,
    struct place *p)
{
	char *cause = NULL;

	if (lib->store == NULL ||
	    store_place_last(lib->store, key, p, &cause) != 1) {
		free(cause);
		return false;
	}
	return true;
}
