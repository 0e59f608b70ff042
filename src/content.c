/* content.c - which parser makes the document of a content kind. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "content.h"
#include "doc.h"
#include "frontmatter.h"
#include "util.h"

/* Plain text: paragraphs split at blank lines. */
static void
text_parse(struct doc *d, const char *s, size_t len)
{
	size_t i = 0, start;
	bool blank;

	while (i < len) {
		start = i;
		while (i < len && s[i] != '\n')
			i++;
		blank = util_blank(s + start, i - start);
		if (blank)
			doc_block_end(d);
		else
			doc_add_text(d, s + start, i - start + (i < len));
		if (i < len)
			i++;
	}
}

static const char *const meta_keys[][2] = {
	{ "title", "title" },
	{ "date", "date" },
	{ "author", "author" },
	{ "post_author.display_name", "author" },
	{ "post_author", "author" },
	{ "permalink", "permalink" },
};

struct doc *
content_parse(const char *content, size_t len, enum content_kind kind,
    const char *base_url, char **cause)
{
	return content_parse_each(content, len, kind, base_url, NULL, NULL,
	    cause);
}

struct doc *
content_parse_each(const char *content, size_t len, enum content_kind kind,
    const char *base_url, doc_blocks_fn fn, void *arg, char **cause)
{
	struct frontmatter *fm;
	struct doc *d;
	const char *v;
	size_t body, i;
	char *fmcause = NULL;

	d = doc_new(base_url);
	if (fn != NULL)
		doc_set_each(d, fn, arg);
	switch (kind) {
	case CONTENT_HTML:
	case CONTENT_XHTML:
		if (html_parse(d, content, len, cause) == -1)
			goto error;
		break;
	case CONTENT_MARKDOWN:
		body = 0;
		fm = frontmatter_parse(content, len, &fmcause);
		if (fm != NULL) {
			body = frontmatter_body(fm, NULL);
			for (i = 0; i < nitems(meta_keys); i++) {
				v = frontmatter_get(fm, meta_keys[i][0]);
				if (v != NULL && doc_meta(d,
				    meta_keys[i][1]) == NULL)
					doc_set_meta(d, meta_keys[i][1], v);
			}
			frontmatter_free(fm);
		}
		free(fmcause);
		if (body > len)
			body = len;
		if (md_parse(d, content + body, len - body, cause) == -1)
			goto error;
		break;
	case CONTENT_TEXT:
	case CONTENT_NONE:
	default:
		text_parse(d, content, len);
		break;
	}
	doc_finish(d);
	return d;
error:
	doc_free(d);
	return NULL;
}
