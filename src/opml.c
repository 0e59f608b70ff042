/* opml.c - OPML subscription lists: read one, write the feed list.
 *
 * Lists are small, so the file is read whole and handed to the feed
 * module's XML reader (feed_opml_parse), which has the feed parser's
 * hardening: no network, no DTD loading, no entity substitution, and
 * documents that declare entities refused.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>

#include "buf.h"
#include "feed.h"
#include "opml.h"
#include "utf8.h"
#include "util.h"

#define OPML_MAX_SIZE	(16u << 20)

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
	char *text;
	size_t len;
	int rc;

	if ((text = read_all(path, &len, cause)) == NULL)
		return -1;
	rc = feed_opml_parse(text, len, fn, arg, cause);
	free(text);
	return rc;
}

/* Append s escaped for an XML attribute value.  Names and URLs come from
 * the configuration file, which anyone may have written: control bytes
 * (ESC, BEL, C1) and bidi overrides go, as they do from feeds. */
static void
attr_escaped(struct buf *b, const char *raw)
{
	char *clean, *s;

	clean = utf8_sanitize(raw, strlen(raw), UTF8_ONELINE);
	for (s = clean; *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, *s); break;
		}
	}
	free(clean);
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
