/* feed_opml.c - OPML subscription lists, read with the feed parser's
 * hardening: the same push parser, options and refusal of entity
 * declarations (opml.c reads the file, this reads the XML). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>

#include "buf.h"
#include "feed.h"
#include "utf8.h"
#include "util.h"

static void
quiet(void *ctx, const char *fmt, ...)
{
}

/* An entity nobody declared (the DTD is never loaded): dropped. */
static void
opml_reference(void *ctx, const xmlChar *name)
{
}

struct opml_parse {
	xmlParserCtxtPtr ctxt;
	feed_outline_fn	 fn;
	void		*arg;
	char		*cause;
	int		 depth;
	int		 root_seen;
	int		 count;
	struct buf	 val;
};

static void
opml_fail(struct opml_parse *o, const char *msg, int line)
{
	if (o->cause != NULL)
		return;
	o->cause = xasprintf("line %d: %s", line, msg);
	xmlStopParser(o->ctxt);
}

/* The sanitised value of attribute name, or NULL when absent or empty;
 * "&" comes as "&#38;" (no entity substitution). */
static char *
opml_attr(struct opml_parse *o, const xmlChar **attrs, int nattrs,
    const char *name)
{
	const xmlChar *v, *end, *amp;
	char *s;
	int i;

	for (i = 0; i < nattrs; i++) {
		const xmlChar **a = attrs + i * 5;

		if (a[2] != NULL || strcmp((const char *)a[0], name) != 0)
			continue;
		buf_reset(&o->val);
		for (v = a[3], end = a[4]; v < end; v = amp + 5) {
			amp = (const xmlChar *)memmem(v, (size_t)(end - v),
			    "&#38;", 5);
			if (amp == NULL) {
				buf_add(&o->val, v, (size_t)(end - v));
				break;
			}
			buf_add(&o->val, v, (size_t)(amp - v));
			buf_addc(&o->val, '&');
		}
		s = utf8_sanitize(buf_str(&o->val), o->val.len, UTF8_ONELINE);
		if (s[0] != '\0')
			return s;
		free(s);
		return NULL;
	}
	return NULL;
}

static void
opml_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **nss, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	struct opml_parse *o = ctx;
	char *url, *title;

	if (o->cause != NULL)
		return;
	if (++o->depth > FEED_DEFAULT_MAX_DEPTH) {
		opml_fail(o, "elements nested deeper than 256",
		    xmlSAX2GetLineNumber(o->ctxt));
		return;
	}
	if (!o->root_seen) {
		o->root_seen = 1;
		if (strcmp((const char *)localname, "opml") != 0)
			opml_fail(o, "not an OPML document (no <opml> root)",
			    xmlSAX2GetLineNumber(o->ctxt));
		return;
	}
	if (strcmp((const char *)localname, "outline") != 0 ||
	    (url = opml_attr(o, attrs, nattrs, "xmlUrl")) == NULL)
		return;
	if ((title = opml_attr(o, attrs, nattrs, "title")) == NULL)
		title = opml_attr(o, attrs, nattrs, "text");
	o->count++;
	if (o->fn(url, title, o->arg) == -1) {
		o->cause = xstrdup("stopped");
		xmlStopParser(o->ctxt);
	}
	free(url);
	free(title);
}

static void
opml_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	((struct opml_parse *)ctx)->depth--;
}

static void
opml_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *publicId, const xmlChar *systemId, xmlChar *content)
{
	struct opml_parse *o = ctx;

	opml_fail(o, "the document declares XML entities, which are refused",
	    xmlSAX2GetLineNumber(o->ctxt));
}

static void
opml_error(void *ctx, xmlErrorPtr err)
{
	struct opml_parse *o = ctx;
	char *msg;
	size_t n;

	if (err == NULL || err->level != XML_ERR_FATAL || o->cause != NULL)
		return;
	/* The message came from the document: it may quote it. */
	msg = utf8_sanitize(err->message ? err->message : "malformed XML",
	    strlen(err->message ? err->message : "malformed XML"),
	    UTF8_ONELINE);
	n = strlen(msg);
	while (n > 0 && msg[n - 1] == ' ')
		msg[--n] = '\0';
	opml_fail(o, msg, err->line);
	free(msg);
}

int
feed_opml_parse(const char *s, size_t len, feed_outline_fn fn, void *arg,
    char **cause)
{
	xmlSAXHandler sax;
	struct opml_parse o;
	int rc;

	if (len > INT_MAX) {
		*cause = xstrdup("document too large");
		return -1;
	}
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = opml_start;
	sax.endElementNs = opml_end;
	sax.entityDecl = opml_entity_decl;
	sax.reference = opml_reference;
	sax.serror = opml_error;
	memset(&o, 0, sizeof o);
	o.fn = fn;
	o.arg = arg;
	xmlSetGenericErrorFunc(NULL, quiet);
	if ((o.ctxt = xmlCreatePushParserCtxt(&sax, &o, NULL, 0, NULL)) ==
	    NULL)
		fatal("cannot create an XML parser");
	/* NOTE: never XML_PARSE_NOENT, DTDLOAD, XINCLUDE or HUGE. */
	xmlCtxtUseOptions(o.ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING |
	    XML_PARSE_NOERROR);
	rc = xmlParseChunk(o.ctxt, s, (int)len, 1);
	if (o.cause == NULL && rc != 0)
		o.cause = xasprintf("line %d: malformed XML (error %d)",
		    xmlSAX2GetLineNumber(o.ctxt), rc);
	if (o.cause == NULL && !o.root_seen)
		o.cause = xstrdup("line 1: not an XML document");
	/* An entity declaration makes libxml2 start a document. */
	if (o.ctxt->myDoc != NULL)
		xmlFreeDoc(o.ctxt->myDoc);
	xmlFreeParserCtxt(o.ctxt);
	buf_free(&o.val);
	if (o.cause != NULL) {
		*cause = o.cause;
		return -1;
	}
	return o.count;
}

