/* feed_xml.c - the feed-XML reader: Atom, RSS and RDF elements to issues.
 *
 * One streaming SAX2 push parse per document.  Bytes pass first through
 * the repair filter (repair.c) so that the malformed feeds found in the
 * wild load, then through libxml2 with the network, DTD loading and entity
 * substitution all off.  Each entry is handed to the caller as soon as it
 * ends, so memory is bounded by the largest entry, not by the feed.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "buf.h"
#include "feed.h"
#include "feed_ids.h"
#include "feed_xml.h"
#include "html.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

/* Every element with xml:base holds its resolved base while it is open:
 * a longer one is ignored, or nested bases would cost depth x length. */
#define MAX_BASE		8192

/* NOTE: sorted by URI for bsearch. */
static const struct nsname {
	const char	*uri;
	enum ns		 ns;
} namespaces[] = {
	{ "http://my.netscape.com/rdf/simple/0.9/",	NS_RSS },
	{ "http://purl.org/atom/ns#",			NS_ATOM03 },
	{ "http://purl.org/dc/elements/1.1/",		NS_DC },
	{ "http://purl.org/rss/1.0/",			NS_RSS },
	{ "http://purl.org/rss/1.0/modules/content/",	NS_CONTENT },
	{ "http://search.yahoo.com/mrss/",		NS_MEDIA },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd",	NS_ITUNES },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#",	NS_RDF },
	{ "http://www.w3.org/1999/xhtml",		NS_XHTML },
	{ "http://www.w3.org/2005/Atom",		NS_ATOM },
};

/* NOTE: sorted by name for bsearch. */
static const struct tagname {
	const char	*name;
	enum tag	 tag;
} tagnames[] = {
	{ "RDF", T_RDF }, { "abstract", T_ABSTRACT }, { "author", T_AUTHOR },
	{ "body", T_BODY }, { "category", T_CATEGORY },
	{ "channel", T_CHANNEL }, { "content", T_CONTENT },
	{ "created", T_CREATED }, { "creator", T_CREATOR }, { "date", T_DATE },
	{ "description", T_DESCRIPTION }, { "encoded", T_ENCODED },
	{ "entry", T_ENTRY }, { "feed", T_FEED }, { "fullitem", T_FULLITEM },
	{ "guid", T_GUID },
	{ "id", T_ID }, { "issued", T_ISSUED }, { "item", T_ITEM },
	{ "link", T_LINK }, { "modified", T_MODIFIED }, { "name", T_NAME },
	{ "pubDate", T_PUBDATE }, { "published", T_PUBLISHED },
	{ "rss", T_RSS }, { "source", T_SOURCE }, { "summary", T_SUMMARY },
	{ "title", T_TITLE },
	{ "updated", T_UPDATED },
};

static int
nscmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct nsname *)elem)->uri);
}

static int
tagcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tagname *)elem)->name);
}

static enum ns
classify_ns(const xmlChar *uri)
{
	const struct nsname *n;

	if (uri == NULL)
		return NS_NONE;
	n = bsearch(uri, namespaces, nitems(namespaces), sizeof namespaces[0],
	    nscmp);
	return n ? n->ns : NS_OTHER;
}

static enum tag
classify_tag(const xmlChar *name)
{
	const struct tagname *t;

	t = bsearch(name, tagnames, nitems(tagnames), sizeof tagnames[0],
	    tagcmp);
	return t ? t->tag : T_OTHER;
}

/* CDF writes its element names in capitals ("CHANNEL", "ITEM"). */
static enum tag
classify_tag_nocase(const xmlChar *name)
{
	char low[16];
	size_t i;

	for (i = 0; name[i] != '\0' && i < sizeof low - 1; i++)
		low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ?
		    name[i] + 32 : name[i]);
	if (name[i] != '\0')
		return T_OTHER;
	low[i] = '\0';
	return classify_tag((const xmlChar *)low);
}

void
feed_xml_fail(struct feed_parser *p, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (p->cause != NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->cause = xasprintf("line %d: %s", xmlSAX2GetLineNumber(p->ctxt),
	    msg);
	free(msg);
	xmlStopParser(p->ctxt);
}

/*
 * The value of attribute name (in namespace uri, or in none) in the
 * parser's attribute buffer slot, or NULL when absent; valid until the
 * slot is used again.  Without entity substitution libxml2 hands "&" in
 * attribute values over as "&#38;": decode it here.
 */
static const xmlChar *
attr_find(struct feed_parser *p, int slot, const xmlChar **attrs,
    int nattrs, const char *name, const char *uri, int nocase)
{
	struct buf *b = &p->attrbuf[slot];
	const xmlChar *v, *end, *amp;
	int i;

	/* SAX2 attributes come as (local, prefix, URI, value, end) tuples,
	 * with the value not NUL-terminated. */
	for (i = 0; i < nattrs; i++) {
		const xmlChar **a = attrs + i * 5;

		if ((nocase ? strcasecmp((const char *)a[0], name) :
		    strcmp((const char *)a[0], name)) != 0)
			continue;
		if ((uri == NULL) != (a[2] == NULL))
			continue;
		if (uri != NULL && strcmp((const char *)a[2], uri) != 0)
			continue;
		buf_reset(b);
		for (v = a[3], end = a[4]; v < end; v = amp + 5) {
			amp = (const xmlChar *)memmem(v, (size_t)(end - v),
			    "&#38;", 5);
			if (amp == NULL) {
				buf_add(b, v, (size_t)(end - v));
				break;
			}
			buf_add(b, v, (size_t)(amp - v));
			buf_addc(b, '&');
		}
		return (const xmlChar *)buf_str(b);
	}
	return NULL;
}

static const xmlChar *
attr(struct feed_parser *p, int slot, const xmlChar **attrs, int nattrs,
    const char *name, const char *uri)
{
	return attr_find(p, slot, attrs, nattrs, name, uri, 0);
}

/* CDF's attributes, in no namespace and any case ("HREF"). */
static const xmlChar *
attr_nocase(struct feed_parser *p, int slot, const xmlChar **attrs,
    int nattrs, const char *name)
{
	return attr_find(p, slot, attrs, nattrs, name, NULL, 1);
}

/* Decode the base64 in b in place (Atom 0.3's mode="base64"); white space
 * and stray characters are skipped, '=' ends it. */
static void
base64_decode(struct buf *b)
{
	size_t i, o = 0;
	unsigned int acc = 0, bits = 0;
	int c, v;

	for (i = 0; i < b->len; i++) {
		c = (unsigned char)b->data[i];
		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= 'a' && c <= 'z')
			v = c - 'a' + 26;
		else if (c >= '0' && c <= '9')
			v = c - '0' + 52;
		else if (c == '+' || c == '-')
			v = 62;
		else if (c == '/' || c == '_')
			v = 63;
		else if (c == '=')
			break;
		else
			continue;
		acc = (acc << 6 | (unsigned int)v) & 0xffffff;
		if ((bits += 6) >= 8) {
			bits -= 8;
			b->data[o++] = (char)(acc >> bits & 0xff);
		}
	}
	b->len = o;
}

static int
is_base64(struct feed_parser *p, const xmlChar **attrs, int nattrs)
{
	const xmlChar *mode = attr(p, 2, attrs, nattrs, "mode", NULL);

	return mode != NULL && strcmp((const char *)mode, "base64") == 0;
}

/* Atom's type attribute (and 0.3's mode) to a content kind. */
static enum content_kind
atom_kind(const xmlChar *type, const xmlChar *mode)
{
	const char *t = (const char *)type;

	if (t == NULL || strcasecmp(t, "text") == 0 ||
	    strcasecmp(t, "text/plain") == 0)
		return mode && strcmp((const char *)mode, "xml") == 0 ?
		    CONTENT_XHTML : CONTENT_TEXT;
	if (strcasecmp(t, "html") == 0 || strcasecmp(t, "text/html") == 0)
		return mode && strcmp((const char *)mode, "xml") == 0 ?
		    CONTENT_XHTML : CONTENT_HTML;
	if (strcasecmp(t, "xhtml") == 0 ||
	    strcasecmp(t, "application/xhtml+xml") == 0)
		return CONTENT_XHTML;
	if (strcasecmp(t, "text/markdown") == 0 ||
	    strcasecmp(t, "text/x-markdown") == 0)
		return CONTENT_MARKDOWN;
	return CONTENT_TEXT;
}

/*
 * Relative links resolve from what the document says about itself: an
 * xml:base in scope, else the http(s) URL it gives as its own (rel="self",
 * else its alternate link), else the URL it was fetched from.  A local
 * file that states no home has no base: its relative links stay as
 * written (NULL here), never file:// URLs a browser would refuse.
 */
static const char *
doc_base(struct feed_parser *p)
{
	if (p->home != NULL)
		return p->home;
	if (p->url != NULL && uri_is_remote(p->url))
		return p->url;
	return NULL;
}

static const char *
base_in_scope(struct feed_parser *p)
{
	if (p->nframes > 0 && p->frames[p->nframes - 1].base != NULL)
		return p->frames[p->nframes - 1].base;
	return doc_base(p);
}

/* The feed names its own URL (rank 2) or its page (rank 1). */
static void
set_home(struct feed_parser *p, int rank, const char *href)
{
	char *clean, *abs;

	if (href == NULL || rank <= p->home_rank)
		return;
	clean = utf8_sanitize(href, strlen(href), UTF8_ONELINE);
	abs = uri_resolve(base_in_scope(p), clean);
	free(clean);
	if (uri_is_remote(abs) && strlen(abs) <= MAX_BASE) {
		free(p->home);
		p->home = abs;
		p->home_rank = rank;
	} else
		free(abs);
}

static void
push_frame(struct feed_parser *p, const xmlChar **attrs, int nattrs)
{
	const xmlChar *b;
	struct frame *f;
	char *parent = p->nframes > 0 ? p->frames[p->nframes - 1].base :
	    NULL;

	if ((p->nframes & 31) == 0)
		p->frames = xreallocarray(p->frames, (size_t)p->nframes + 32,
		    sizeof *p->frames);
	f = &p->frames[p->nframes++];
	b = attr(p, 0, attrs, nattrs, "base",
	    "http://www.w3.org/XML/1998/namespace");
	f->base = parent;
	f->own = 0;
	if (b != NULL && strlen((const char *)b) <= MAX_BASE) {
		char *clean = utf8_sanitize((const char *)b,
		    strlen((const char *)b), UTF8_ONELINE);
		char *abs = uri_resolve(parent ? parent : doc_base(p), clean);

		free(clean);
		if (strlen(abs) <= MAX_BASE) {
			f->base = abs;
			f->own = 1;
		} else
			free(abs);
	}
}

static void
pop_frame(struct feed_parser *p)
{
	struct frame *f;

	if (p->nframes == 0)
		return;
	f = &p->frames[--p->nframes];
	if (f->own)
		free(f->base);
}

static void
start_capture(struct feed_parser *p, enum field fld, enum capture mode)
{
	p->cap_field = fld;
	p->cap_depth = p->depth;
	p->cap_mode = mode;
	buf_reset(&p->f[fld]);
	p->has[fld] = 1;
}

/* The base in scope, copied ("" for none): that of a content's links. */
static char *
base_copy(struct feed_parser *p)
{
	const char *base = base_in_scope(p);

	return xstrdup(base != NULL ? base : "");
}

/* Capture the item's content, of kind and in mode, with the base in
 * scope at its start as the base of its links. */
static void
start_content(struct feed_parser *p, enum content_kind kind,
    enum capture mode)
{
	start_capture(p, F_CONTENT, mode);
	p->content_kind = kind;
	free(p->content_base);
	p->content_base = base_copy(p);
}

static void
capture_add(struct feed_parser *p, const char *s, size_t len)
{
	struct buf *b = &p->f[p->cap_field];

	if (b->len + len > p->lim.max_field) {
		feed_xml_fail(p, "a field is larger than %zu bytes", p->lim.max_field);
		return;
	}
	buf_add(b, s, len);
}

/* Append s escaped for XML markup.  In attribute values (attrval set)
 * libxml2 has already written '&' as "&#38;", so it stays. */
static void
capture_escaped(struct feed_parser *p, const char *s, size_t len,
    int attrval)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': rep = attrval ? NULL : "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = attrval ? "&quot;" : NULL; break;
		default: rep = NULL; break;
		}
		if (rep == NULL)
			continue;
		capture_add(p, s + start, i - start);
		capture_add(p, rep, strlen(rep));
		start = i + 1;
	}
	capture_add(p, s + start, len - start);
}

static void
reset_entry(struct feed_parser *p)
{
	int i;

	for (i = 0; i < F_FEED_TITLE; i++) {
		buf_reset(&p->f[i]);
		p->has[i] = 0;
	}
	p->content_kind = p->summary_kind = p->desc_kind = CONTENT_NONE;
	free(p->content_base);
	p->content_base = NULL;
	p->link_rank = 0;
	p->title_html = 0;
	p->title_b64 = p->content_b64 = p->summary_b64 = 0;
	p->alt_rank = 0;
	p->guid_not_link = 0;
	p->damaged = 0;
}

static void
set_link(struct feed_parser *p, enum field fld, int *rank, int newrank,
    const char *href)
{
	char *clean, *abs;

	if (href == NULL || newrank <= *rank)
		return;
	clean = utf8_sanitize(href, strlen(href), UTF8_ONELINE);
	if (clean[0] != '\0') {
		abs = uri_resolve(base_in_scope(p), clean);
		buf_reset(&p->f[fld]);
		buf_adds(&p->f[fld], abs);
		p->has[fld] = 1;
		*rank = newrank;
		free(abs);
	}
	free(clean);
}

char *
feed_xml_oneline(struct buf *b, int has, int html)
{
	char *s, *text;

	if (!has || b->len == 0)
		return NULL;
	if (html) {
		/* The reader's HTML parser: script and style bodies are not
		 * title text. */
		text = html_text(b->data, b->len < 4 * FEED_MAX_ONELINE ?
		    b->len : 4 * FEED_MAX_ONELINE);
		s = feed_oneline(text, strlen(text));
		free(text);
	} else
		s = feed_oneline(b->data, b->len);
	return s;
}

/* Take a date field: parsed, or kept as written when unparseable. */
static void
take_date(struct issue *is, time_t *t, struct buf *b, int has)
{
	char *s;

	if ((s = feed_xml_oneline(b, has, 0)) == NULL)
		return;
	*t = feed_parse_date(s);
	if (*t == (time_t)-1 && is->date_raw == NULL)
		is->date_raw = s;
	else
		free(s);
}

static char *
take_markup(struct feed_parser *p, enum field fld)
{
	struct buf *b = &p->f[fld];

	if (!p->has[fld] || b->len == 0)
		return NULL;
	/* A large field is handed over, not copied: its buffer starts
	 * afresh for the next entry. */
	if (b->len >= 65536)
		return buf_detach(b);
	return xstrndup(b->data, b->len);
}

/* The entry ended: build the issue and hand it over. */
static void
emit_entry(struct feed_parser *p)
{
	struct issue *is = &p->cur;

	feed_issue_clear(is);
	if (p->damaged) {
		/* Not whole: its fields may hold its neighbours' text. */
		reset_entry(p);
		return;
	}
	if (p->title_b64)
		base64_decode(&p->f[F_TITLE]);
	if (p->content_b64)
		base64_decode(&p->f[F_CONTENT]);
	if (p->summary_b64)
		base64_decode(&p->f[F_SUMMARY]);
	is->title = feed_xml_oneline(&p->f[F_TITLE], p->has[F_TITLE], p->title_html);
	if (is->title == NULL)
		is->title = feed_xml_oneline(&p->f[F_ALTTITLE], p->has[F_ALTTITLE], 0);
	is->link = feed_xml_oneline(&p->f[F_LINK], p->has[F_LINK], 0);
	is->author = feed_xml_oneline(&p->f[F_AUTHOR], p->has[F_AUTHOR], 0);
	if (is->author == NULL)
		is->author = feed_xml_oneline(&p->f[F_FEED_AUTHOR],
		    p->has[F_FEED_AUTHOR], 0);
	take_date(is, &is->published, &p->f[F_PUBLISHED], p->has[F_PUBLISHED]);
	take_date(is, &is->updated, &p->f[F_UPDATED], p->has[F_UPDATED]);
	if (is->published == (time_t)-1 && is->updated == (time_t)-1 &&
	    is->date_raw == NULL)
		take_date(is, &is->published, &p->f[F_DCDATE],
		    p->has[F_DCDATE]);
	is->id = feed_xml_oneline(&p->f[F_ID], p->has[F_ID], 0);
	if (is->id == NULL)
		is->id = feed_xml_oneline(&p->f[F_GUID], p->has[F_GUID], 0);
	if (is->link == NULL && p->has[F_GUID] && !p->guid_not_link) {
		/* An RSS guid that is a permalink stands in for the link. */
		char *g = feed_xml_oneline(&p->f[F_GUID], 1, 0);

		if (g != NULL && uri_is_absolute(g))
			is->link = g;
		else
			free(g);
	}
	if (is->id == NULL && is->link != NULL)
		is->id = xstrdup(is->link);
	if (is->id == NULL)
		is->id = feed_fallback_id(is->title, buf_str(&p->f[F_PUBLISHED]),
		    buf_str(&p->f[F_UPDATED]), buf_str(&p->f[F_DCDATE]));
	/* Two entries with one id would be one issue in the store. */
	feed_ids_unique(p->ids, &is->id, is->link, is->title,
	    p->has[F_PUBLISHED] ? buf_str(&p->f[F_PUBLISHED]) :
	    p->has[F_UPDATED] ? buf_str(&p->f[F_UPDATED]) :
	    p->has[F_DCDATE] ? buf_str(&p->f[F_DCDATE]) : NULL);
	is->tags = feed_xml_oneline(&p->f[F_TAGS], p->has[F_TAGS], 0);
	if (!p->lim.skip_content) {
		is->content = take_markup(p, F_CONTENT);
		is->kind = is->content ? p->content_kind : CONTENT_NONE;
		is->summary = take_markup(p, F_SUMMARY);
		is->summary_kind = is->summary ? p->summary_kind : CONTENT_NONE;
		if (is->summary == NULL) {
			is->summary = take_markup(p, F_DESCRIPTION);
			is->summary_kind = is->summary ? p->desc_kind :
			    CONTENT_NONE;
		}
		if (is->content == NULL && is->summary != NULL) {
			/* The summary is all there is: it is the content, in
			 * one copy, not two (a 15 MiB description was 30 MiB
			 * in every step after the parse). */
			is->content = is->summary;
			is->kind = is->summary_kind;
			is->summary = NULL;
			is->summary_kind = CONTENT_NONE;
		}
		if (p->content_base != NULL && p->content_base[0] != '\0')
			is->base = xstrdup(p->content_base);
		else if (doc_base(p) != NULL)
			is->base = xstrdup(doc_base(p));
	}
	p->emitted++;
	switch (p->fn(is, p->arg)) {
	case -1:
		if (p->cause == NULL) {
			p->cause = xstrdup("stopped");
			xmlStopParser(p->ctxt);
		}
		break;
	case FEED_NO_CONTENT:
		p->lim.skip_content = true;
		break;
	}
	feed_issue_clear(is);
	reset_entry(p);
}

static void
start_root(struct feed_parser *p, enum ns ns, enum tag tag,
    const xmlChar *localname, const xmlChar **attrs, int nattrs)
{
	const xmlChar *version;

	p->root_seen = 1;
	p->root_ns = ns;
	if (tag == T_FEED && ns == NS_ATOM)
		p->meta.format = FEED_ATOM10;
	else if (tag == T_FEED && (ns == NS_ATOM03 || ns == NS_NONE))
		p->meta.format = FEED_ATOM03;
	else if (tag == T_FEED)
		/* Atom's elements in a namespace of their own (drafts, or
		 * a copy): read as Atom 1.0. */
		p->meta.format = FEED_ATOM10;
	else if (tag == T_RDF && ns == NS_RDF)
		p->meta.format = FEED_RSS10;
	else if (ns == NS_NONE &&
	    classify_tag_nocase(localname) == T_CHANNEL) {
		/* Microsoft's Channel Definition Format: the root is the
		 * channel, whose HREF is its link. */
		p->meta.format = FEED_CDF;
		p->in_channel = p->depth;
		set_link(p, F_FEED_LINK, &p->feed_link_rank, 1,
		    (const char *)attr_nocase(p, 0, attrs, nattrs, "href"));
	} else if (tag == T_RSS) {
		/* RSS 2.0 has no namespace, but some write one (the
		 * "userland" or "harvard" one): its elements are in it. */
		version = attr(p, 0, attrs, nattrs, "version", NULL);
		if (version != NULL && strncmp((const char *)version, "0.9",
		    3) == 0)
			p->meta.format = FEED_RSS09;
		else
			p->meta.format = FEED_RSS20;
	} else {
		char *name = utf8_sanitize((const char *)localname,
		    strlen((const char *)localname), UTF8_ONELINE);

		feed_xml_fail(p, "unknown root element <%s>: not an RSS or Atom feed",
		    name);
		free(name);
	}
}

/* Atom elements are in the root's namespace (none, for some 0.3 feeds). */
static int
is_atom(struct feed_parser *p, enum ns ns)
{
	return ns == p->root_ns &&
	    (p->meta.format == FEED_ATOM10 || p->meta.format == FEED_ATOM03);
}

static int
is_rss(struct feed_parser *p, enum ns ns)
{
	return (ns == NS_NONE || ns == NS_RSS || ns == p->root_ns) &&
	    (p->meta.format == FEED_RSS20 || p->meta.format == FEED_RSS09 ||
	    p->meta.format == FEED_RSS10 || p->meta.format == FEED_CDF);
}

/* An element inside an entry. */
static void
start_entry_child(struct feed_parser *p, enum ns ns, enum tag tag,
    const xmlChar **attrs, int nattrs)
{
	const xmlChar *rel, *href, *type;
	int rank;

	if ((ns == NS_DC || ns == NS_MEDIA || ns == NS_ITUNES) &&
	    tag == T_TITLE) {
		/* Fallbacks for an entry without a title of its own. */
		rank = ns == NS_DC ? 3 : ns == NS_MEDIA ? 2 : 1;
		if (rank > p->alt_rank) {
			p->alt_rank = rank;
			start_capture(p, F_ALTTITLE, CAP_TEXT);
		}
		return;
	}
	if (ns == NS_DC) {
		if (tag == T_CREATOR && !p->has[F_AUTHOR])
			start_capture(p, F_AUTHOR, CAP_TEXT);
		else if (tag == T_DATE)
			start_capture(p, F_DCDATE, CAP_TEXT);
		return;
	}
	if (tag == T_BODY && (ns == NS_XHTML || (ns == NS_NONE &&
	    !is_atom(p, ns)))) {
		/* <body xmlns="http://www.w3.org/1999/xhtml"> or
		 * <xhtml:body> in an item: the content, as markup. */
		if (!p->lim.skip_content && !p->has[F_CONTENT]) {
			start_content(p, CONTENT_XHTML, CAP_MARKUP);
		}
		return;
	}
	if (tag == T_FULLITEM && ns == NS_NONE) {
		/* Escaped HTML, as content:encoded. */
		if (!p->lim.skip_content && !p->has[F_CONTENT]) {
			start_content(p, CONTENT_HTML, CAP_TEXT);
		}
		return;
	}
	if (ns == NS_CONTENT && tag == T_ENCODED) {
		if (!p->lim.skip_content) {
			start_content(p, CONTENT_HTML, CAP_TEXT);
		}
		return;
	}
	if (is_atom(p, ns)) {
		switch (tag) {
		case T_ID:
			start_capture(p, F_ID, CAP_TEXT);
			break;
		case T_TITLE:
			start_capture(p, F_TITLE, CAP_TEXT);
			p->title_html = atom_kind(attr(p, 0, attrs, nattrs,
			    "type", NULL), attr(p, 1, attrs, nattrs, "mode",
			    NULL)) == CONTENT_HTML;
			p->title_b64 = is_base64(p, attrs, nattrs);
			break;
		case T_LINK:
			rel = attr(p, 0, attrs, nattrs, "rel", NULL);
			href = attr(p, 1, attrs, nattrs, "href", NULL);
			type = attr(p, 2, attrs, nattrs, "type", NULL);
			if (rel != NULL && strcmp((const char *)rel,
			    "alternate") != 0)
				break;
			rank = type == NULL || strstr((const char *)type,
			    "html") ? 2 : 1;
			set_link(p, F_LINK, &p->link_rank, rank,
			    (const char *)href);
			break;
		case T_AUTHOR:
			p->in_author = p->depth;
			break;
		case T_SOURCE:
			/* The feed an entry was copied from: its title, id
			 * and author are not the entry's. */
			p->skip_depth = p->depth;
			break;
		case T_NAME:
			if (p->in_author)
				start_capture(p, F_AUTHOR, CAP_TEXT);
			break;
		case T_PUBLISHED:
		case T_ISSUED:
		case T_CREATED:
			if (!p->has[F_PUBLISHED] || tag == T_PUBLISHED ||
			    tag == T_ISSUED)
				start_capture(p, F_PUBLISHED, CAP_TEXT);
			break;
		case T_UPDATED:
		case T_MODIFIED:
			start_capture(p, F_UPDATED, CAP_TEXT);
			break;
		case T_CONTENT:
		case T_SUMMARY: {
			enum content_kind k = atom_kind(attr(p, 0, attrs,
			    nattrs, "type", NULL), attr(p, 1, attrs, nattrs,
			    "mode", NULL));

			if (p->lim.skip_content)
				break;
			if (is_base64(p, attrs, nattrs))
				k = atom_kind(attr(p, 0, attrs, nattrs, "type",
				    NULL), NULL);
			if (tag == T_CONTENT) {
				p->content_b64 = is_base64(p, attrs, nattrs);
				start_content(p, k, k == CONTENT_XHTML ?
				    CAP_MARKUP : CAP_TEXT);
			} else {
				p->summary_b64 = is_base64(p, attrs, nattrs);
				start_capture(p, F_SUMMARY, k == CONTENT_XHTML ?
				    CAP_MARKUP : CAP_TEXT);
				p->summary_kind = k;
			}
			break;
		}
		case T_CATEGORY: {
			const xmlChar *term = attr(p, 0, attrs, nattrs, "term",
			    NULL);

			if (term == NULL)
				break;
			if (p->has[F_TAGS] && p->f[F_TAGS].len > 0)
				buf_adds(&p->f[F_TAGS], ", ");
			if (p->f[F_TAGS].len < 4096)
				buf_adds(&p->f[F_TAGS], (const char *)term);
			p->has[F_TAGS] = 1;
			break;
		}
		default:
			break;
		}
		return;
	}
	/* Only the item's own children: an <image> or <enclosure> in it
	 * has a <link> and a <title> that are not the item's. */
	if (!is_rss(p, ns) || p->depth != p->in_entry + 1)
		return;
	switch (tag) {
	case T_TITLE:
		start_capture(p, F_TITLE, CAP_TEXT);
		break;
	case T_LINK:
		start_capture(p, F_LINK, CAP_TEXT);
		break;
	case T_GUID: {
		const xmlChar *perma = attr(p, 0, attrs, nattrs, "isPermaLink",
		    NULL);

		start_capture(p, F_GUID, CAP_TEXT);
		p->guid_not_link = perma != NULL &&
		    strcasecmp((const char *)perma, "false") == 0;
		break;
	}
	case T_AUTHOR:
		start_capture(p, F_AUTHOR, CAP_TEXT);
		break;
	case T_PUBDATE:
		start_capture(p, F_PUBLISHED, CAP_TEXT);
		break;
	case T_DESCRIPTION:
	case T_ABSTRACT:		/* CDF */
		if (!p->lim.skip_content) {
			start_capture(p, F_DESCRIPTION, CAP_TEXT);
			p->desc_kind = CONTENT_HTML;
			if (p->content_base == NULL)
				p->content_base = base_copy(p);
		}
		break;
	case T_CATEGORY:
		if (p->has[F_TAGS] && p->f[F_TAGS].len > 0)
			buf_adds(&p->f[F_TAGS], ", ");
		p->cap_field = F_TAGS;
		p->cap_depth = p->depth;
		p->cap_mode = CAP_TEXT;
		p->has[F_TAGS] = 1;
		break;
	default:
		break;
	}
}

/* A CDF item has its link and date as attributes. */
static void
start_cdf_item(struct feed_parser *p, const xmlChar **attrs, int nattrs)
{
	const xmlChar *v;

	set_link(p, F_LINK, &p->link_rank, 1, (const char *)attr_nocase(p, 0,
	    attrs, nattrs, "href"));
	if ((v = attr_nocase(p, 0, attrs, nattrs, "lastmod")) != NULL) {
		buf_reset(&p->f[F_UPDATED]);
		buf_adds(&p->f[F_UPDATED], (const char *)v);
		p->has[F_UPDATED] = 1;
	}
}

/* An element of the feed or channel, outside entries. */
static void
start_feed_child(struct feed_parser *p, enum ns ns, enum tag tag,
    const xmlChar **attrs, int nattrs)
{
	const xmlChar *rel;
	const char *href;

	if (ns == NS_ATOM && tag == T_LINK && !is_atom(p, ns) &&
	    p->in_channel && p->depth == p->in_channel + 1) {
		/* atom:link rel="self" in an RSS channel. */
		rel = attr(p, 0, attrs, nattrs, "rel", NULL);
		if (rel != NULL && strcmp((const char *)rel, "self") == 0)
			set_home(p, 2, (const char *)attr(p, 1, attrs, nattrs,
			    "href", NULL));
		return;
	}
	if (is_atom(p, ns)) {
		if (tag == T_TITLE && p->depth == 2) {
			start_capture(p, F_FEED_TITLE, CAP_TEXT);
			p->feed_title_html = atom_kind(attr(p, 0, attrs,
			    nattrs, "type", NULL), attr(p, 1, attrs, nattrs,
			    "mode", NULL)) == CONTENT_HTML;
		}
		else if (tag == T_LINK && p->depth == 2) {
			rel = attr(p, 0, attrs, nattrs, "rel", NULL);
			href = (const char *)attr(p, 1, attrs, nattrs, "href",
			    NULL);
			if (rel != NULL && strcmp((const char *)rel,
			    "self") == 0)
				set_home(p, 2, href);
			else if (rel == NULL || strcmp((const char *)rel,
			    "alternate") == 0) {
				set_link(p, F_FEED_LINK, &p->feed_link_rank, 1,
				    href);
				set_home(p, 1, href);
			}
		} else if (tag == T_AUTHOR && p->depth == 2)
			p->in_author = p->depth;
		else if (tag == T_NAME && p->in_author)
			start_capture(p, F_FEED_AUTHOR, CAP_TEXT);
		return;
	}
	if (is_rss(p, ns) && p->in_channel && p->depth == p->in_channel + 1) {
		if (tag == T_TITLE)
			start_capture(p, F_FEED_TITLE, CAP_TEXT);
		else if (tag == T_LINK && !p->has[F_FEED_LINK])
			start_capture(p, F_FEED_LINK, CAP_TEXT);
	}
}

static void
sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **nss, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	struct feed_parser *p = ctx;
	enum ns ns;
	enum tag tag;

	if (p->cause != NULL)
		return;
	p->depth++;
	if (p->depth > p->lim.max_depth) {
		feed_xml_fail(p, "elements nested deeper than %d", p->lim.max_depth);
		return;
	}
	if (p->cap_depth && p->cap_mode == CAP_MARKUP) {
		/* Inside xhtml content: serialise the element. */
		int i;

		push_frame(p, attrs, nattrs);
		capture_add(p, "<", 1);
		capture_add(p, (const char *)localname,
		    strlen((const char *)localname));
		for (i = 0; i < nattrs; i++) {
			const xmlChar **a = attrs + i * 5;

			capture_add(p, " ", 1);
			capture_add(p, (const char *)a[0],
			    strlen((const char *)a[0]));
			capture_add(p, "=\"", 2);
			capture_escaped(p, (const char *)a[3],
			    (size_t)(a[4] - a[3]), 1);
			capture_add(p, "\"", 1);
		}
		capture_add(p, ">", 1);
		return;
	}
	push_frame(p, attrs, nattrs);
	if (p->cap_depth || p->skip_depth)
		return;		/* markup inside a text field, or ignored */
	ns = classify_ns(uri);
	tag = p->meta.format == FEED_CDF ? classify_tag_nocase(localname) :
	    classify_tag(localname);
	if (!p->root_seen) {
		start_root(p, ns, tag, localname, attrs, nattrs);
		return;
	}
	if (p->in_entry && tag == T_ITEM && is_rss(p, ns) &&
	    p->broken != NULL) {
		/* An item inside an item: the one before it lost its end
		 * in a recovered error.  Start afresh here. */
		emit_entry(p);
		reset_entry(p);
		p->in_entry = p->depth;
		return;
	}
	if (p->in_entry) {
		start_entry_child(p, ns, tag, attrs, nattrs);
		return;
	}
	if ((tag == T_ENTRY && is_atom(p, ns)) ||
	    (tag == T_ITEM && is_rss(p, ns))) {
		reset_entry(p);
		p->in_entry = p->depth;
		if (p->meta.format == FEED_CDF)
			start_cdf_item(p, attrs, nattrs);
		return;
	}
	if (tag == T_CHANNEL && is_rss(p, ns)) {
		p->in_channel = p->depth;
		return;
	}
	start_feed_child(p, ns, tag, attrs, nattrs);
}

static void
sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct feed_parser *p = ctx;

	if (p->cause != NULL)
		return;
	pop_frame(p);
	if (p->cap_depth && p->depth > p->cap_depth) {
		if (p->cap_mode == CAP_MARKUP) {
			capture_add(p, "</", 2);
			capture_add(p, (const char *)localname,
			    strlen((const char *)localname));
			capture_add(p, ">", 1);
		}
		p->depth--;
		return;
	}
	if (p->cap_depth == p->depth) {
		if (p->cap_field == F_FEED_LINK) {
			char *l = feed_xml_oneline(&p->f[F_FEED_LINK], 1, 0);

			p->has[F_FEED_LINK] = 0;
			set_link(p, F_FEED_LINK, &p->feed_link_rank, 1, l);
			set_home(p, 1, l);
			free(l);
		} else if (p->cap_field == F_LINK) {
			/* RSS links are text: resolve them now. */
			char *l = feed_xml_oneline(&p->f[F_LINK], 1, 0);

			p->has[F_LINK] = 0;
			p->link_rank = 0;
			set_link(p, F_LINK, &p->link_rank, 1, l);
			free(l);
		}
		p->cap_depth = 0;
	}
	if (p->in_author == p->depth)
		p->in_author = 0;
	if (p->skip_depth == p->depth)
		p->skip_depth = 0;
	if (p->in_entry == p->depth) {
		p->in_entry = 0;
		emit_entry(p);
	}
	if (p->in_channel == p->depth)
		p->in_channel = 0;
	p->depth--;
}

static void
sax_characters(void *ctx, const xmlChar *ch, int len)
{
	struct feed_parser *p = ctx;

	if (p->cap_depth == 0 || p->cause != NULL)
		return;
	if (p->cap_mode == CAP_MARKUP)
		capture_escaped(p, (const char *)ch, (size_t)len, 0);
	else
		capture_add(p, (const char *)ch, (size_t)len);
}

static void
sax_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *publicId, const xmlChar *systemId, xmlChar *content)
{
	/* Entities are how billion-laughs and external-file attacks work;
	 * no feed needs its own. */
	feed_xml_fail(ctx, "the document declares XML entities, which are "
	    "refused");
}

static void
sax_reference(void *ctx, const xmlChar *name)
{
	/* An entity nobody declared (the DTD is never loaded): drop it. */
}

/* A reference to nothing is dropped and leaves the entry whole; any other
 * error may have moved text between elements. */
static int
harmless(int code)
{
	return code == XML_ERR_UNDECLARED_ENTITY ||
	    code == XML_WAR_UNDECLARED_ENTITY ||
	    code == XML_ERR_INVALID_CHARREF ||
	    code == XML_ERR_INVALID_DEC_CHARREF ||
	    code == XML_ERR_INVALID_HEX_CHARREF;
}

/*
 * libxml2 reads on past a well-formedness error (XML_PARSE_RECOVER): the
 * first one is kept, and decides at the end between a warning (some
 * entries came out whole) and failure (none did).  Our own refusals
 * (fail: entities, depth, size) stop the parse at once whatever the mode.
 */
static void
sax_error(void *ctx, xmlErrorPtr err)
{
	struct feed_parser *p = ctx;
	char *msg, *why;
	size_t n;

	if (err == NULL || err->level != XML_ERR_FATAL || p->cause != NULL)
		return;
	if (p->in_entry && !harmless(err->code))
		p->damaged = 1;
	if (p->broken != NULL)
		return;
	msg = xstrdup(err->message ? err->message : "malformed XML");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (err->code == XML_ERR_DOCUMENT_EMPTY ||
	    err->code == XML_ERR_DOCUMENT_START ||
	    (!p->root_seen && err->code == XML_ERR_DOCUMENT_END))
		why = xasprintf("line %d: not an XML document", err->line);
	else if (p->finishing && p->depth > 0)
		why = xasprintf("line %d: document is truncated "
		    "(it ends inside an element)", err->line);
	else
		why = xasprintf("line %d: %s", err->line, msg);
	free(msg);
	/* The message came from the document: it may quote it. */
	msg = utf8_sanitize(why, strlen(why), UTF8_ONELINE);
	free(why);
	if (!p->root_seen || !p->lim.recover) {
		/* Nothing to recover before the root element. */
		p->cause = msg;
		xmlStopParser(p->ctxt);
	} else
		p->broken = msg;
}


void
feed_xml_pop_frames(struct feed_parser *p)
{
	while (p->nframes > 0)
		pop_frame(p);
}

void
feed_xml_handlers(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof *sax);
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = sax_start;
	sax->endElementNs = sax_end;
	sax->characters = sax_characters;
	sax->cdataBlock = sax_characters;
	sax->entityDecl = sax_entity_decl;
	sax->reference = sax_reference;
	sax->serror = sax_error;
}
