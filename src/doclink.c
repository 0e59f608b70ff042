/* doclink.c - the document's links table: one number per URL, in order
 * of first appearance, hrefs resolved against the base once each. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "doc.h"
#include "docint.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"


/* A string's hash, eight bytes at a time (URLs are long). */
static uint64_t
hash_str(const char *s)
{
	size_t n = strlen(s), i;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

static void
rehash(struct doc *d)
{
	size_t i, j, cap = d->hashcap ? d->hashcap * 2 : 64;

	free(d->hash);
	d->hash = xreallocarray(NULL, cap, sizeof *d->hash);
	for (i = 0; i < cap; i++)
		d->hash[i].link = -1;
	d->hashcap = cap;
	for (i = 0; i < d->nlinks; i++) {
		j = d->links[i].hash & (cap - 1);
		while (d->hash[j].link != -1)
			j = (j + 1) & (cap - 1);
		d->hash[j].link = (int32_t)i;
		d->hash[j].top = (uint32_t)(d->links[i].hash >> 32);
	}
}

/* The slot of url (of hash h) in the links' hash: its own, or the empty
 * one where it goes. */
static size_t
link_slot(struct doc *d, const char *url, uint64_t h)
{
	size_t j;

	if (d->nlinks * 2 >= d->hashcap)
		rehash(d);
	j = h & (d->hashcap - 1);
	while (d->hash[j].link != -1 && (d->hash[j].top != (uint32_t)(h >>
	    32) || d->links[d->hash[j].link].hash != h ||
	    strcmp(d->links[d->hash[j].link].pub.url, url) != 0))
		j = (j + 1) & (d->hashcap - 1);
	return j;
}

/* The number of url (of hash h), adding it to the table if new: url is
 * taken over if own is set, else copied when needed. */
static uint32_t
link_number(struct doc *d, const char *url, uint64_t h, bool own,
    bool *isnew)
{
	struct link *l;
	size_t j = link_slot(d, url, h);

	if (d->hash[j].link != -1) {
		if (own)
			free((char *)url);
		*isnew = false;
		return (uint32_t)d->hash[j].link + 1;
	}
	GROW(d->links, d->nlinks, d->caplink);
	l = &d->links[d->nlinks];
	l->pub.url = own ? url : xstrdup(url);
	l->pub.text = NULL;
	l->pub.section = 0;
	l->hash = h;
	l->first_block = d->leaf != -1 ? d->leaf : (int)d->nblocks;
	l->plain = false;
	d->hash[j].link = (int32_t)d->nlinks++;
	d->hash[j].top = (uint32_t)(h >> 32);
	*isnew = true;
	return (uint32_t)d->nlinks;
}

#define PRINTABLE(c)	((unsigned char)(c) - 0x21u < 0x5eu)
#define ALPHA(c)	((unsigned char)(((c) | 0x20) - 'a') < 26u)
#define DIGIT(c)	((unsigned char)((c) - '0') < 10u)

/*
 * True when href is its own resolved and sanitised form: an absolute URI
 * of printable ASCII (so nothing to trim or clean) whose path has no "."
 * or ".." segment (RFC 3986 5.2.2 would remove those, and changes nothing
 * else).  Most links are such, and skip uri_resolve.
 */
static bool
plain_absolute(const char *href)
{
	const char *p = href;
	size_t n;

	if (!ALPHA(*p))
		return false;
	for (p++; *p != ':'; p++)
		if (!ALPHA(*p) && !DIGIT(*p) && *p != '+' && *p != '-' &&
		    *p != '.')
			return false;
	for (n = 0; href[n] != '\0'; n++)
		if (!PRINTABLE(href[n]))
			return false;
	p++;
	if (p[0] == '/' && p[1] == '/')
		p += 2 + strcspn(p + 2, "/?#");
	while (*p != '\0' && *p != '?' && *p != '#') {
		n = strcspn(p, "/?#");
		if (p[0] == '.' && (n == 1 || (n == 2 && p[1] == '.')))
			return false;
		p += n;
		if (*p == '/')
			p++;
	}
	return true;
}

/* Hrefs that are never links (after leading white space). */
static bool
refused(const char *href)
{
	return *href == '\0' || strncasecmp(href, "javascript:", 11) == 0 ||
	    strncasecmp(href, "vbscript:", 9) == 0 ||
	    strncasecmp(href, "data:", 5) == 0;
}

/* The absolute, sanitised form of href, or NULL for no usable link. */
static char *
link_url(struct doc *d, const char *href)
{
	char *abs, *clean;

	while (*href == ' ' || *href == '\t' || *href == '\n' ||
	    *href == '\r')
		href++;
	if (refused(href))
		return NULL;
	if (plain_absolute(href))
		return xstrdup(href);
	abs = uri_resolve(d->base, href);
	clean = utf8_sanitize(abs, strlen(abs), UTF8_ONELINE);
	free(abs);
	/* A base can make a script of a relative href (xml:base
	 * "javascript:"): refused once resolved too. */
	if (refused(clean)) {
		free(clean);
		return NULL;
	}
	if (strchr(clean, ' ') == NULL)
		return clean;
	abs = uri_encode_spaces(clean);
	free(clean);
	return abs;
}

/* The slot of href in the table of hrefs seen: its own, or the empty one
 * where it goes. */
static struct href *
href_slot(struct doc *d, const char *href, uint64_t h)
{
	size_t j = h & (d->hrefcap - 1);

	while (d->hrefs[j].href != NULL && (d->hrefs[j].hash != h ||
	    strcmp(d->hrefs[j].href, href) != 0))
		j = (j + 1) & (d->hrefcap - 1);
	return &d->hrefs[j];
}

static void
href_add(struct doc *d, const char *href, uint64_t h, uint32_t link)
{
	struct href *old = d->hrefs, *e;
	size_t i, oldcap = d->hrefcap;

	if ((d->nhrefs + 1) * 2 > d->hrefcap) {
		d->hrefcap = oldcap ? oldcap * 2 : 64;
		d->hrefs = xcalloc(d->hrefcap, sizeof *d->hrefs);
		for (i = 0; i < oldcap; i++)
			if (old[i].href != NULL)
				*href_slot(d, old[i].href, old[i].hash) =
				    old[i];
		free(old);
	}
	e = href_slot(d, href, h);
	e->href = xstrdup(href);
	e->hash = h;
	e->link = link;
	d->nhrefs++;
}

void
doc_link_begin(struct doc *d, const char *href)
{
	struct href *e;
	uint32_t n;
	uint64_t h;
	size_t j;
	char *url;

	if (d->linkdepth++ > 0)
		return;
	d->link = 0;
	if (href == NULL)
		return;
	/* An href that is its own URL goes straight to the links table,
	 * where the test is done once per URL. */
	h = hash_str(href);
	j = link_slot(d, href, h);
	if ((d->hash[j].link != -1 && d->links[d->hash[j].link].plain) ||
	    (d->hash[j].link == -1 && plain_absolute(href) &&
	    !refused(href))) {
		if (d->leaf == -1 && d->cell == -1)
			doc_leaf_begin(d, DOC_PARA, 0);
		n = link_number(d, href, h, false, &d->link_new);
		d->links[n - 1].plain = true;
		d->link = n;
		d->link_run = d->nruns;
		return;
	}
	/* Others are resolved and sanitised once: the base is fixed, so an
	 * href always makes the same URL. */
	e = d->hrefcap > 0 ? href_slot(d, href, h) : NULL;
	if (e != NULL && e->href != NULL) {
		if (e->link == 0)
			return;
		if (d->leaf == -1 && d->cell == -1)
			doc_leaf_begin(d, DOC_PARA, 0);
		d->link = e->link;
		d->link_new = false;
		d->link_run = d->nruns;
		return;
	}
	if ((url = link_url(d, href)) == NULL) {
		href_add(d, href, h, 0);
		return;
	}
	if (d->leaf == -1 && d->cell == -1)
		doc_leaf_begin(d, DOC_PARA, 0);
	n = link_number(d, url, hash_str(url), true, &d->link_new);
	if (d->link_new) {
		url = (char *)d->links[n - 1].pub.url;
		d->links[n - 1].plain = plain_absolute(url) && !refused(url);
	}
	href_add(d, href, h, n);
	d->link = n;
	d->link_run = d->nruns;
}

/* The plain text of runs [first, nruns), one line, trimmed. */
char *
doc_runs_text(struct doc *d, size_t first, size_t last)
{
	struct buf b = BUF_INIT;
	const struct doc_run *r;
	char *s;
	size_t i;

	for (i = first; i < last; i++) {
		r = &d->runs[i];
		if (r->kind == DOC_RUN_BREAK) {
			if (b.len > 0 && b.data[b.len - 1] != ' ')
				buf_addc(&b, ' ');
		} else if (r->kind != DOC_RUN_LINKNUM)
			buf_add(&b, d->text.data + r->off, r->len);
	}
	/* A link's text is shown on one line (link pane, references):
	 * code inside it may hold tabs and newlines. */
	s = utf8_sanitize(b.data ? b.data : "", b.len, UTF8_ONELINE);
	buf_free(&b);
	return s;
}

void
doc_link_end(struct doc *d)
{
	struct link *l;
	struct doc_run *r;
	uint32_t n;
	bool trailing = false;
	size_t i;
	bool visible = false;

	if (d->linkdepth == 0 || --d->linkdepth > 0)
		return;
	if ((n = d->link) == 0)
		return;
	l = &d->links[n - 1];
	for (i = d->link_run; i < d->nruns; i++)
		if (d->runs[i].kind != DOC_RUN_BREAK && d->runs[i].len > 0)
			visible = true;
	if (d->leaf == -1 && d->cell == -1 && d->nblocks > 0 &&
	    (d->blocks[d->nblocks - 1].type == DOC_PARA ||
	    d->blocks[d->nblocks - 1].type == DOC_HEADING) &&
	    d->blocks[d->nblocks - 1].first_run +
	    d->blocks[d->nblocks - 1].nruns == (int)d->nruns &&
	    d->blocks[d->nblocks - 1].nruns > 0) {
		/* A block closed inside the link: "[n]" goes at its end. */
		d->leaf = (int)d->nblocks - 1;
	}
	if (!visible) {
		d->space = false;
		doc_add_run(d, DOC_RUN_TEXT, l->pub.url, strlen(l->pub.url));
	}
	/* "[n]" is glued to the text: a trailing space moves after it. */
	r = &d->runs[d->nruns - 1];
	if (r->kind != DOC_RUN_BREAK && r->len > 0 &&
	    d->text.data[r->off + r->len - 1] == ' ') {
		trailing = true;
		r->len--;
		if (r->off + r->len == d->text.len - 1)
			buf_truncate(&d->text, d->text.len - 1);
		if (r->len == 0)
			d->nruns--;
	}
	/* A streamed document's reader prints the References, which want
	 * URLs only: the text of 40,000 links is a megabyte. */
	if (d->link_new && d->each == NULL)
		l->pub.text = doc_runs_text(d, d->link_run, d->nruns);
	d->link = 0;
	GROW(d->runs, d->nruns, d->caprun);
	r = &d->runs[d->nruns++];
	r->off = (uint32_t)d->text.len;
	r->len = 0;
	r->link = n;
	r->kind = DOC_RUN_LINKNUM;
	r->style = 0;
	d->space = false;
	if (trailing) {
		doc_add_run(d, DOC_RUN_TEXT, " ", 1);
		d->space = true;
	}
}

void
doc_add_image(struct doc *d, const char *src, const char *alt)
{
	struct buf b = BUF_INIT;
	char *clean;

	clean = utf8_sanitize(alt != NULL ? alt : "",
	    alt != NULL ? strlen(alt) : 0, UTF8_ONELINE);
	buf_adds(&b, "[image");
	if (*clean != '\0') {
		buf_adds(&b, ": ");
		buf_adds(&b, clean);
	}
	buf_addc(&b, ']');
	free(clean);
	if (d->linkdepth > 0 || src == NULL) {
		/* Inside a link the image is its text. */
		doc_add_text(d, b.data, b.len);
	} else {
		doc_link_begin(d, src);
		doc_add_text(d, b.data, b.len);
		doc_link_end(d);
	}
	buf_free(&b);
}

