/* feed.c - what the feed readers share: issues, their ids, and the names
 * of formats and content kinds.  The readers are feed_xml.c (Atom, RSS,
 * RDF), jsonfeed.c and feed_local.c (files and Markdown posts). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "feed_ids.h"
#include "utf8.h"
#include "util.h"

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	if (s == NULL)
		return h;
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

char *
feed_oneline(const char *s, size_t len)
{
	bool cut = false;
	size_t n, k, m;
	char *c;
	int w;

	/* Sanitising only removes bytes or turns one into U+FFFD (three):
	 * four times the limit holds all that can be kept. */
	if (len > 4 * FEED_MAX_ONELINE) {
		len = 4 * FEED_MAX_ONELINE;
		cut = true;
	}
	c = utf8_sanitize(s, len, UTF8_ONELINE);
	if (c[0] == '\0') {
		free(c);
		return NULL;
	}
	n = strlen(c);
	if (n <= FEED_MAX_ONELINE && !cut)
		return c;
	/* Whole clusters only: never half an emoji. */
	for (k = 0; k < n; k += m) {
		m = utf8_cluster(c + k, n - k, &w);
		if (k + m > FEED_MAX_ONELINE - (sizeof "…" - 1))
			break;
	}
	c = xreallocarray(c, k + sizeof "…", 1);
	memcpy(c + k, "…", sizeof "…");
	return c;
}

char *
feed_fallback_id(const char *title, const char *d1, const char *d2,
    const char *d3)
{
	uint64_t h;

	h = fnv1a(0xcbf29ce484222325ULL, title);
	h = fnv1a(h, "\n");
	h = fnv1a(h, d1);
	h = fnv1a(h, d2);
	h = fnv1a(h, d3);
	return xasprintf("mesosnews:hash:%016llx", (unsigned long long)h);
}

/*
 * The ids seen in one feed, as 64-bit hashes in an open-addressing table
 * (0 marks a free slot): 8 bytes an entry, whatever the ids' length.
 */
struct feed_ids {
	uint64_t	*slot;
	size_t		 n, cap;	/* cap: a power of two */
	size_t		 dups;		/* duplicates numbered so far */
};

struct feed_ids *
feed_ids_new(void)
{
	return xcalloc(1, sizeof(struct feed_ids));
}

void
feed_ids_free(struct feed_ids *ids)
{
	if (ids == NULL)
		return;
	free(ids->slot);
	free(ids);
}

/* Add h; false if it was there. */
static bool
ids_add(struct feed_ids *ids, uint64_t h)
{
	uint64_t *old;
	size_t i, oldcap;

	if (h == 0)
		h = 1;
	if (ids->n * 2 >= ids->cap) {
		old = ids->slot;
		oldcap = ids->cap;
		ids->cap = oldcap ? oldcap * 2 : 64;
		ids->slot = xcalloc(ids->cap, sizeof *ids->slot);
		ids->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != 0)
				ids_add(ids, old[i]);
		free(old);
	}
	for (i = h & (ids->cap - 1); ids->slot[i] != 0;
	    i = (i + 1) & (ids->cap - 1))
		if (ids->slot[i] == h)
			return false;
	ids->slot[i] = h;
	ids->n++;
	return true;
}

void
feed_ids_unique(struct feed_ids *ids, char **id, const char *link,
    const char *title, const char *date)
{
	uint64_t h, base;
	char n[24];

	if (ids_add(ids, fnv1a(0xcbf29ce484222325ULL, *id)))
		return;
	base = fnv1a(0xcbf29ce484222325ULL, link);
	base = fnv1a(fnv1a(base, "\n"), title);
	base = fnv1a(fnv1a(base, "\n"), date);
	base = fnv1a(fnv1a(base, "\n"), *id);
	/* The first try is the entry's own; after that the count of
	 * duplicates so far tells identical entries apart, in one or two
	 * tries, not in as many as there are copies. */
	for (h = base;; h = fnv1a(base, n)) {
		free(*id);
		*id = xasprintf("mesosnews:hash:%016llx",
		    (unsigned long long)h);
		if (ids_add(ids, fnv1a(0xcbf29ce484222325ULL, *id)))
			return;
		snprintf(n, sizeof n, "\n%zu", ++ids->dups);
	}
}

void
feed_issue_clear(struct issue *is)
{
	free(is->id);
	free(is->title);
	free(is->link);
	free(is->author);
	free(is->date_raw);
	free(is->content);
	free(is->summary);
	free(is->tags);
	free(is->base);
	memset(is, 0, sizeof *is);
	is->published = is->updated = (time_t)-1;
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct issue *
feed_issue_dup(const struct issue *src)
{
	struct issue *is;

	is = xcalloc(1, sizeof *is);
	*is = *src;
	is->id = dup_or_null(src->id);
	is->title = dup_or_null(src->title);
	is->link = dup_or_null(src->link);
	is->author = dup_or_null(src->author);
	is->date_raw = dup_or_null(src->date_raw);
	is->content = dup_or_null(src->content);
	is->summary = dup_or_null(src->summary);
	is->tags = dup_or_null(src->tags);
	is->base = dup_or_null(src->base);
	return is;
}

void
feed_issue_free(struct issue *is)
{
	if (is == NULL)
		return;
	feed_issue_clear(is);
	free(is);
}

void
feed_meta_clear(struct feed_meta *m)
{
	free(m->title);
	free(m->link);
	memset(m, 0, sizeof *m);
}

const char *
feed_format_name(enum feed_format f)
{
	switch (f) {
	case FEED_ATOM10: return "Atom 1.0";
	case FEED_ATOM03: return "Atom 0.3";
	case FEED_RSS20: return "RSS 2.0";
	case FEED_RSS09: return "RSS 0.9x";
	case FEED_RSS10: return "RSS 1.0";
	case FEED_MARKDOWN: return "Markdown posts";
	case FEED_JSON: return "JSON Feed";
	case FEED_CDF: return "CDF";
	default: return "unknown";
	}
}

/* NOTE: indexed by enum content_kind. */
static const char *kind_names[] = {
	"none", "text", "html", "xhtml", "markdown",
};

const char *
feed_kind_name(enum content_kind k)
{
	if ((size_t)k >= nitems(kind_names))
		return "none";
	return kind_names[k];
}

enum content_kind
feed_kind_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < nitems(kind_names); i++)
		if (name != NULL && strcmp(name, kind_names[i]) == 0)
			return (enum content_kind)i;
	return CONTENT_NONE;
}
