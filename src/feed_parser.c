/* feed_parser.c - the feed parser's life: one libxml2 push parse per
 * document behind the repair filter (repair.c), with the encoding chosen
 * from the server's charset and the document's start, and JSON Feeds
 * recognised and handed to jsonfeed.c.  The elements are feed_xml.c's. */
#include "config.h"

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
#include "jsonfeed.h"
#include "repair.h"
#include "utf8.h"
#include "util.h"

/* A JSON Feed is parsed whole into a json-c tree (about 15 bytes of
 * memory for each byte of JSON): it gets a cap of its own. */
#define MAX_JSON_DOC		(16u << 20)

static int	 is_utf8(const char *);

static void
quiet(void *ctx, const char *fmt, ...)
{
}

void
feed_init(void)
{
	xmlInitParser();
}

struct feed_parser *
feed_parser_new(const char *url, const char *charset,
    const struct feed_limits *limits, feed_issue_fn fn, void *arg)
{
	struct feed_parser *p;

	p = xcalloc(1, sizeof *p);
	if (limits != NULL)
		p->lim = *limits;
	if (p->lim.max_doc == 0)
		p->lim.max_doc = FEED_DEFAULT_MAX_DOC;
	if (p->lim.max_field == 0)
		p->lim.max_field = FEED_DEFAULT_MAX_FIELD;
	if (p->lim.max_depth == 0)
		p->lim.max_depth = FEED_DEFAULT_MAX_DEPTH;
	p->fn = fn;
	p->arg = arg;
	p->url = url ? utf8_sanitize(url, strlen(url), UTF8_ONELINE) : NULL;
	p->filter = 1;
	p->repair = repair_new();
	p->ids = feed_ids_new();
	p->cur.published = p->cur.updated = (time_t)-1;

	xmlSetGenericErrorFunc(NULL, quiet);
	feed_xml_handlers(&p->sax);
	p->ctxt = xmlCreatePushParserCtxt(&p->sax, p, NULL, 0, NULL);
	if (p->ctxt == NULL)
		fatal("cannot create an XML parser");
	/* Judged with the start of the document (choose_encoding). */
	if (charset != NULL && charset[0] != '\0' && !is_utf8(charset))
		p->charset = utf8_sanitize(charset, strlen(charset),
		    UTF8_ONELINE);
	/* NOTE: never XML_PARSE_NOENT, DTDLOAD, XINCLUDE or HUGE. */
	p->options = XML_PARSE_NONET | XML_PARSE_NOWARNING |
	    XML_PARSE_NOERROR;
	if (p->lim.recover)
		p->options |= XML_PARSE_RECOVER;
	xmlCtxtUseOptions(p->ctxt, p->options);
	return p;
}

const struct feed_meta *
feed_parser_meta(struct feed_parser *p)
{
	return &p->meta;
}

/* "; VERB N THING[s]" onto a warning, when n is not 0. */
static void
count_note(struct buf *b, size_t n, const char *verb, const char *thing)
{
	if (n > 0)
		buf_printf(b, "%s%s %zu %s%s", b->len ? "; " : "", verb, n,
		    thing, n == 1 ? "" : "s");
}

const char *
feed_parser_warning(struct feed_parser *p)
{
	struct buf b = BUF_INIT;
	size_t amps, lts, badbytes, controls;

	free(p->warning);
	p->warning = NULL;
	if (p->broken != NULL)
		buf_printf(&b, "%s; read %zu entr%s, the rest may be missing",
		    p->broken, p->emitted, p->emitted == 1 ? "y" : "ies");
	if (p->lenient && repair_utf8_sequences(p->repair) > 0)
		buf_printf(&b, "%sthe server says charset %s but the document "
		    "is UTF-8: read as UTF-8", b.len ? "; " : "", p->charset);
	repair_counts(p->repair, &amps, &lts, &badbytes, &controls);
	count_note(&b, amps, "repaired", "bare ampersand");
	count_note(&b, lts, "repaired", "bare less-than sign");
	count_note(&b, badbytes, "replaced", "invalid UTF-8 byte");
	count_note(&b, controls, "removed", "control character");
	if (b.len == 0)
		return NULL;
	p->warning = buf_detach(&b);
	return p->warning;
}

void
feed_parser_free(struct feed_parser *p)
{
	int i;

	if (p == NULL)
		return;
	/* No tree is built, but an entity declaration makes libxml2 start
	 * a document to hold it, which the context does not free. */
	if (p->ctxt != NULL) {
		if (p->ctxt->myDoc != NULL)
			xmlFreeDoc(p->ctxt->myDoc);
		xmlFreeParserCtxt(p->ctxt);
	}
	feed_xml_pop_frames(p);
	free(p->frames);
	for (i = 0; i < F_COUNT; i++)
		buf_free(&p->f[i]);
	for (i = 0; i < (int)nitems(p->attrbuf); i++)
		buf_free(&p->attrbuf[i]);
	repair_free(p->repair);
	feed_ids_free(p->ids);
	buf_free(&p->out);
	buf_free(&p->head);
	buf_free(&p->jdoc);
	feed_issue_clear(&p->cur);
	feed_meta_clear(&p->meta);
	free(p->content_base);
	free(p->home);
	free(p->url);
	free(p->cause);
	free(p->broken);
	free(p->charset);
	free(p->warning);
	free(p);
}

/* NOTE: sorted for bsearch (strcasecmp).  The labels the WHATWG Encoding
 * standard reads as windows-1252: the web's ISO-8859-1 and US-ASCII are
 * windows-1252, whose bytes 0x80-0x9f are printable. */
static const char *const cp1252_labels[] = {
	"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1",
	"ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591",
	"iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii",
	"windows-1252", "x-cp1252",
};

static int
labelcmp(const void *key, const void *elem)
{
	return strcasecmp(key, *(const char *const *)elem);
}

static int
is_cp1252(const char *label)
{
	return bsearch(label, cp1252_labels, nitems(cp1252_labels),
	    sizeof cp1252_labels[0], labelcmp) != NULL;
}

static int
is_utf8(const char *label)
{
	return strcasecmp(label, "utf-8") == 0 ||
	    strcasecmp(label, "utf8") == 0;
}

/* Look at the start of the document: 1 for UTF-16 (by its byte order mark
 * or its first "<"), else 0 with the encoding its XML declaration names
 * in enc ("" for none). */
static int
sniff(struct feed_parser *p, const unsigned char *s, size_t len, char *enc,
    size_t encsize)
{
	const char *e, *end;
	size_t n;

	enc[0] = '\0';
	if (len >= 2 && ((s[0] == 0xfe && s[1] == 0xff) ||
	    (s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0 && s[1] == '<') ||
	    (s[0] == '<' && s[1] == 0))) {
		p->utf16_be = s[0] == 0xfe || s[0] == 0;
		return 1;
	}
	if (len < 5 || memcmp(s, "<?xml", 5) != 0)
		return 0;
	end = memchr(s, '>', len < 256 ? len : 256);
	if (end == NULL)
		return 0;
	e = memmem(s, (size_t)(end - (const char *)s), "encoding", 8);
	if (e == NULL)
		return 0;
	e += 8;
	while (e < end && (*e == ' ' || *e == '=' || *e == '"' || *e == '\''))
		e++;
	for (n = 0; e < end && n < encsize - 1 && *e != '"' && *e != '\'';
	    e++)
		enc[n++] = *e;
	enc[n] = '\0';
	return 0;
}

/*
 * Choose who decodes the document, from the server's charset and what the
 * document says.  UTF-16 goes to libxml2 unfiltered.  windows-1252 and
 * the labels the web reads as it are decoded by the filter, and libxml2
 * is told to ignore the declaration.  A server's ISO-8859-1 (the default
 * of many) on a document that declares no other encoding is read as
 * UTF-8 where the bytes are UTF-8 and as windows-1252 where not: never
 * U+FFFD from the mismatch.  Any other charset is libxml2's.
 */
static void
choose_encoding(struct feed_parser *p, const unsigned char *s, size_t len)
{
	xmlCharEncodingHandlerPtr h;
	enum repair_mode mode = REPAIR_UTF8;
	const char *http = p->charset;
	char enc[32];
	int utf16;

	utf16 = sniff(p, s, len, enc, sizeof enc);
	if (!utf16 && http != NULL && is_cp1252(http)) {
		if (enc[0] == '\0' || is_utf8(enc)) {
			mode = REPAIR_UTF8_CP1252;
			p->lenient = 1;
		} else
			mode = is_cp1252(enc) ? REPAIR_CP1252 : REPAIR_OFF;
	} else if (http != NULL && (h = xmlFindCharEncodingHandler(http)) !=
	    NULL) {
		/* Known: the push context is started again with it. */
		xmlCharEncCloseFunc(h);
		xmlCtxtResetPush(p->ctxt, NULL, 0, NULL, http);
		xmlCtxtUseOptions(p->ctxt, p->options);
		mode = REPAIR_OFF;
	} else if (!utf16 && enc[0] != '\0' && is_cp1252(enc))
		mode = REPAIR_CP1252;
	else if (!utf16 && enc[0] != '\0' && !is_utf8(enc))
		mode = REPAIR_OFF;
	if (utf16)
		p->filter = 0;
	repair_set_mode(p->repair, mode);
	if (mode == REPAIR_CP1252 || mode == REPAIR_UTF8_CP1252) {
		p->options |= XML_PARSE_IGNORE_ENC;
		xmlCtxtUseOptions(p->ctxt, p->options);
	}
}

static int
parse_chunk(struct feed_parser *p, const char *s, size_t len, int final,
    char **cause)
{
	int rc;

	if (p->cause == NULL) {
		rc = xmlParseChunk(p->ctxt, s, (int)len, final);
		if (rc != 0 && p->cause == NULL && p->broken == NULL)
			p->cause = xasprintf("line %d: malformed XML (error "
			    "%d)", xmlSAX2GetLineNumber(p->ctxt), rc);
	}
	if (p->cause != NULL) {
		*cause = xstrdup(p->cause);
		return -1;
	}
	return 0;
}


/* The filter stopped at a tag with too many attributes; libxml2 has
 * parsed what came before it, so its line is the tag's. */
static int
attrs_failed(struct feed_parser *p, char **cause)
{
	feed_xml_fail(p, "an element has more than %d attributes", REPAIR_MAX_ATTRIBUTES);
	*cause = xstrdup(p->cause);
	return -1;
}

/* Filter and parse the bytes of the document after its head. */
static int
push_bytes(struct feed_parser *p, const unsigned char *s, size_t len,
    char **cause)
{
	size_t off, n;

	if (p->json) {
		if (p->jdoc.len + len > MAX_JSON_DOC) {
			*cause = xasprintf("a JSON Feed larger than %u MiB is "
			    "refused (JSON is parsed whole)",
			    MAX_JSON_DOC >> 20);
			p->cause = xstrdup(*cause);
			return -1;
		}
		buf_add(&p->jdoc, s, len);
		return 0;
	}
	if (!p->filter) {
		off = repair_count_utf16(p->repair, s, len, p->utf16_be);
		p->too_many_attrs = off < len;
		if (parse_chunk(p, (const char *)s, off, 0, cause) == -1)
			return -1;
		return p->too_many_attrs ? attrs_failed(p, cause) : 0;
	}
	/* Large chunks are filtered in slices to bound the copy buffer. */
	for (off = 0; off < len; off += n) {
		n = len - off < (1u << 16) ? len - off : 1u << 16;
		buf_reset(&p->out);
		if (repair_filter(p->repair, s + off, n, 0, &p->out) == -1)
			p->too_many_attrs = 1;
		if (p->out.len > 0 && parse_chunk(p, p->out.data, p->out.len,
		    0, cause) == -1)
			return -1;
		if (p->too_many_attrs)
			return attrs_failed(p, cause);
	}
	return 0;
}

/* The head of the document is complete: judge its encoding, then parse
 * it like the rest. */
static int
start(struct feed_parser *p, char **cause)
{
	const unsigned char *s;
	size_t len = p->head.len, n;
	int rc;

	s = (const unsigned char *)buf_str(&p->head);	/* for strspn */
	p->started = 1;
	/* Skip a UTF-8 byte order mark: the filter emits UTF-8. */
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	n = strspn((const char *)s, " \t\r\n");
	if (n < len && s[n] == '{')
		p->json = 1;
	else
		choose_encoding(p, s, len);
	rc = push_bytes(p, s, len, cause);
	buf_free(&p->head);
	return rc;
}

int
feed_parser_push(struct feed_parser *p, const void *data, size_t len,
    char **cause)
{
	if (p->cause != NULL) {
		*cause = xstrdup(p->cause);
		return -1;
	}
	p->total += len;
	if (p->total > p->lim.max_doc) {
		*cause = xasprintf("document is larger than %zu MiB",
		    p->lim.max_doc >> 20);
		if (p->cause == NULL)
			p->cause = xstrdup(*cause);
		return -1;
	}
	if (len == 0)
		return 0;
	if (p->started)
		return push_bytes(p, data, len, cause);
	/* Hold the start until the XML declaration, which names the
	 * encoding, is whole: up to its '>', or 1 KiB. */
	buf_add(&p->head, data, len);
	if (p->head.len < 1024 && memchr(p->head.data, '>', p->head.len) ==
	    NULL)
		return 0;
	return start(p, cause);
}

int
feed_parser_finish(struct feed_parser *p, char **cause)
{
	if (p->cause != NULL) {
		*cause = xstrdup(p->cause);
		return -1;
	}
	if (!p->started && p->head.len > 0 && start(p, cause) == -1)
		return -1;
	if (p->json)
		return jsonfeed_parse(p->jdoc.data ? p->jdoc.data : "",
		    p->jdoc.len, p->url, &p->lim, p->fn, p->arg, &p->meta,
		    cause);
	buf_reset(&p->out);
	if (p->filter && repair_filter(p->repair, NULL, 0, 1, &p->out) == -1) {
		p->too_many_attrs = 1;
		if (p->out.len > 0 && parse_chunk(p, p->out.data, p->out.len,
		    0, cause) == -1)
			return -1;
		return attrs_failed(p, cause);
	}
	p->finishing = 1;
	if (parse_chunk(p, p->out.data ? p->out.data : "", p->out.len, 1,
	    cause) == -1)
		return -1;
	if (!p->root_seen) {
		*cause = xstrdup("line 1: not an XML document (it is empty)");
		return -1;
	}
	if (p->broken != NULL && p->emitted == 0) {
		/* Nothing came out whole: the error is the answer. */
		p->cause = xstrdup(p->broken);
		*cause = xstrdup(p->broken);
		return -1;
	}
	p->meta.title = feed_xml_oneline(&p->f[F_FEED_TITLE], p->has[F_FEED_TITLE],
	    p->feed_title_html);
	p->meta.link = feed_xml_oneline(&p->f[F_FEED_LINK], p->has[F_FEED_LINK], 0);
	return 0;
}
