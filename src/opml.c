/* opml.c - OPML subscription lists: read one, write the feed list.
 *
 * Lists are small, so the file is read whole into a libxml2 tree, with
 * the feed parser's hardening: no network, no DTD loading, no entity
 * substitution, and documents that declare entities refused.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "opml.h"
#include "utf8.h"
#include "util.h"

#define OPML_MAX_SIZE	(16u << 20)

static char *
clean_prop(xmlNode *n, const char *name)
{
	xmlChar *v;
	char *s;

	if ((v = xmlGetNoNsProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = utf8_sanitize((const char *)v, strlen((const char *)v),
	    UTF8_ONELINE);
	xmlFree(v);
	if (s[0] == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static void
quiet(void *ctx, const char *fmt, ...)
{
}

/* The whole file, NUL-terminated, at most OPML_MAX_SIZE bytes. */
static char *
read_all(const char *path, size_t *lenp, char **cause)
{
	struct buf b = BUF_INIT;
	char chunk[16384];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		*cause = xstrdup(strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b.len + n > OPML_MAX_SIZE) {
			*cause = xasprintf("larger than %u MiB",
			    OPML_MAX_SIZE >> 20);
			goto fail;
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(fp)) {
		*cause = xstrdup(strerror(errno));
		goto fail;
	}
	fclose(fp);
	*lenp = b.len;
	buf_str(&b);
	return buf_detach(&b);
fail:
	fclose(fp);
	buf_free(&b);
	return NULL;
}

int
opml_read(const char *path, opml_feed_fn fn, void *arg, char **cause)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlNode *root, *n;
	xmlErrorPtr err;
	char *url, *title, *text;
	size_t len;
	int count = 0, stop = 0;

	if ((text = read_all(path, &len, cause)) == NULL)
		return -1;
	xmlSetGenericErrorFunc(NULL, quiet);
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		fatal("out of memory");
	/* NOTE: never XML_PARSE_NOENT, DTDLOAD, XINCLUDE or HUGE. */
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(text);
	if (doc == NULL) {
		err = xmlCtxtGetLastError(ctxt);
		if (err != NULL && err->message != NULL) {
			char *m = utf8_sanitize(err->message,
			    strlen(err->message), UTF8_ONELINE);

			*cause = xasprintf("line %d: %s", err->line, m);
			free(m);
		} else
			*cause = xstrdup("not an XML document");
		xmlFreeParserCtxt(ctxt);
		return -1;
	}
	xmlFreeParserCtxt(ctxt);
	if (doc->intSubset != NULL && doc->intSubset->entities != NULL) {
		*cause = xstrdup("the document declares XML entities, which "
		    "are refused");
		goto fail;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "opml") != 0) {
		*cause = xstrdup("not an OPML document (no <opml> root)");
		goto fail;
	}
	/* Walk the tree in document order without recursion: outlines nest
	 * as deep as the file likes. */
	n = root->children;
	while (n != NULL && !stop) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "outline") == 0 &&
		    (url = clean_prop(n, "xmlUrl")) != NULL) {
			if ((title = clean_prop(n, "title")) == NULL)
				title = clean_prop(n, "text");
			count++;
			stop = fn(url, title, arg) == -1;
			free(url);
			free(title);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == root)
				n = NULL;
		}
		if (n != NULL)
			n = n->next;
	}
	xmlFreeDoc(doc);
	return count;
fail:
	xmlFreeDoc(doc);
	return -1;
}

/* Append s escaped for an XML attribute value. */
static void
attr_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, *s); break;
		}
	}
}

int
opml_write(FILE *fp, const char *const *urls, const char *const *titles,
    size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc;

	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "  <head>\n"
	    "    <title>mesosnews feeds</title>\n"
	    "  </head>\n"
	    "  <body>\n");
	for (i = 0; i < n; i++) {
		const char *t = titles[i] != NULL ? titles[i] : "";

		buf_adds(&b, "    <outline type=\"rss\" text=\"");
		attr_escaped(&b, t);
		buf_adds(&b, "\" title=\"");
		attr_escaped(&b, t);
		buf_adds(&b, "\" xmlUrl=\"");
		attr_escaped(&b, urls[i]);
		buf_adds(&b, "\"/>\n");
	}
	buf_adds(&b, "  </body>\n</opml>\n");
	rc = fwrite(b.data, 1, b.len, fp) == b.len ? 0 : -1;
	buf_free(&b);
	return rc;
}
