/* md.c - the only cmark code: a CommonMark AST to a document. */
#include "config.h"

#include <langinfo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "buf.h"
#include "doc.h"
#include "util.h"

/*
 * Link and image destinations are escaped the way cmark's HTML renderer
 * does (bytes outside this set become %XX), so that a post and the HTML
 * cmark makes of it give the same links.
 */
static bool
href_safe(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("!#$%&'()*+,-./:;=?@_~", c) != NULL;
}

/* url escaped, or NULL when it needs no escaping (most do not). */
static char *
escape_href(const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	static bool safe[256], init;
	const unsigned char *p;
	size_t n = 0;
	char *out, *q;
	int c;

	if (!init) {
		for (c = 0; c < 256; c++)
			safe[c] = href_safe((unsigned char)c);
		init = true;
	}
	for (p = (const unsigned char *)url; *p != '\0'; p++)
		n += safe[*p] ? 1 : 3;
	if (n == (size_t)(p - (const unsigned char *)url))
		return NULL;
	q = out = xmalloc(n + 1);
	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (safe[*p])
			*q++ = (char)*p;
		else {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 0xf];
		}
	}
	*q = '\0';
	return out;
}

static void
link_begin(struct doc *d, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	char *href;

	if (url == NULL)
		url = "";
	href = escape_href(url);
	doc_link_begin(d, href != NULL ? href : url);
	free(href);
}

/* Collect the plain text of an image's description and skip past it. */
static void
image(struct doc *d, cmark_iter *it, cmark_node *node)
{
	struct buf alt = BUF_INIT;
	cmark_event_type ev;
	cmark_node *cur;
	const char *s, *url;
	char *src;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		if (cur == node && ev == CMARK_EVENT_EXIT)
			break;
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			if ((s = cmark_node_get_literal(cur)) != NULL)
				buf_adds(&alt, s);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_addc(&alt, ' ');
			break;
		default:
			break;
		}
	}
	buf_str(&alt);
	if ((url = cmark_node_get_url(node)) == NULL)
		url = "";
	src = escape_href(url);
	doc_add_image(d, *url != '\0' ? (src != NULL ? src : url) : NULL,
	    alt.data);
	free(src);
	buf_free(&alt);
}

static bool
is_br(const char *s)
{
	return s != NULL && (strncmp(s, "<br>", 4) == 0 ||
	    strncmp(s, "<br/>", 5) == 0 || strncmp(s, "<br />", 6) == 0 ||
	    strncmp(s, "<BR>", 4) == 0);
}

static void
walk(struct doc *d, cmark_node *root)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;
	const char *s;
	bool enter;

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		enter = ev == CMARK_EVENT_ENTER;
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_BLOCK_QUOTE:
			if (enter)
				doc_quote_begin(d);
			else
				doc_quote_end(d);
			break;
		case CMARK_NODE_LIST:
			if (enter)
				doc_list_begin(d,
				    cmark_node_get_list_type(node) ==
				    CMARK_ORDERED_LIST,
				    cmark_node_get_list_start(node), '1',
				    cmark_node_get_list_tight(node));
			else
				doc_list_end(d);
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				doc_item_begin(d, -1);
			else
				doc_item_end(d);
			break;
		case CMARK_NODE_CODE_BLOCK:
			s = cmark_node_get_literal(node);
			doc_add_code_block(d, s != NULL ? s : "",
			    s != NULL ? strlen(s) : 0);
			break;
		case CMARK_NODE_HTML_BLOCK:
			s = cmark_node_get_literal(node);
			if (s != NULL)
				html_parse(d, s, strlen(s), NULL);
			break;
		case CMARK_NODE_PARAGRAPH:
			if (enter)
				doc_para_begin(d);
			else
				doc_block_end(d);
			break;
		case CMARK_NODE_HEADING:
			if (enter)
				doc_heading_begin(d,
				    cmark_node_get_heading_level(node));
			else
				doc_block_end(d);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			doc_add_rule(d);
			break;
		case CMARK_NODE_TEXT:
			s = cmark_node_get_literal(node);
			if (s != NULL)
				doc_add_text(d, s, strlen(s));
			break;
		case CMARK_NODE_SOFTBREAK:
			doc_add_text(d, " ", 1);
			break;
		case CMARK_NODE_LINEBREAK:
			doc_add_break(d);
			break;
		case CMARK_NODE_CODE:
			s = cmark_node_get_literal(node);
			if (s != NULL)
				doc_add_code(d, s, strlen(s));
			break;
		case CMARK_NODE_HTML_INLINE:
			/* Tags are not shown; a line break is kept. */
			if (is_br(cmark_node_get_literal(node)))
				doc_add_break(d);
			break;
		case CMARK_NODE_EMPH:
			if (enter)
				doc_style_push(d, STYLE_ITALIC);
			else
				doc_style_pop(d);
			break;
		case CMARK_NODE_STRONG:
			if (enter)
				doc_style_push(d, STYLE_BOLD);
			else
				doc_style_pop(d);
			break;
		case CMARK_NODE_LINK:
			if (enter)
				link_begin(d, node);
			else
				doc_link_end(d);
			break;
		case CMARK_NODE_IMAGE:
			if (enter)
				image(d, it, node);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

int
md_parse(struct doc *d, const char *s, size_t len, char **cause)
{
	cmark_node *root;
	const char *cs;
	int opts = CMARK_OPT_DEFAULT;

	/* Curly quotes and dashes only where the terminal can show them. */
	cs = nl_langinfo(CODESET);
	if (cs != NULL && strcmp(cs, "UTF-8") == 0)
		opts |= CMARK_OPT_SMART;
	root = cmark_parse_document(s, len, opts);
	if (root == NULL) {
		if (cause != NULL)
			*cause = xstrdup("cannot parse Markdown");
		return -1;
	}
	walk(d, root);
	cmark_node_free(root);
	return 0;
}
