/* html.c - the only libxml2 HTML-parser code: HTML to a document. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "buf.h"
#include "doc.h"
#include "html.h"
#include "util.h"

enum action {
	A_NONE,		/* transparent: only its content counts */
	A_SKIP,		/* dropped with its content */
	A_BLOCK,	/* a block boundary */
	A_P,
	A_H,
	A_UL,
	A_OL,
	A_LI,
	A_DT,
	A_DD,
	A_QUOTE,
	A_PRE,
	A_ITALIC,
	A_BOLD,
	A_UNDERLINE,
	A_STRIKE,
	A_CODE,
	A_MARK,
	A_Q,
	A_A,
	A_IMG,
	A_BR,
	A_HR,
	A_TABLE,
	A_THEAD,
	A_TBODY,
	A_TR,
	A_TH,
	A_TD,
};

/* Sorted by name, to be read; looked up by hash (action_of). */
static const struct tag {
	const char	*name;
	enum action	 action;
} tags[] = {
	{ "a", A_A },
	{ "address", A_BLOCK },
	{ "applet", A_SKIP },
	{ "article", A_BLOCK },
	{ "aside", A_BLOCK },
	{ "audio", A_SKIP },
	{ "b", A_BOLD },
	{ "blockquote", A_QUOTE },
	{ "body", A_BLOCK },
	{ "br", A_BR },
	{ "button", A_SKIP },
	{ "canvas", A_SKIP },
	{ "caption", A_P },
	{ "center", A_BLOCK },
	{ "cite", A_ITALIC },
	{ "code", A_CODE },
	{ "datalist", A_SKIP },
	{ "dd", A_DD },
	{ "del", A_STRIKE },
	{ "details", A_BLOCK },
	{ "dfn", A_ITALIC },
	{ "dialog", A_BLOCK },
	{ "dir", A_UL },
	{ "div", A_BLOCK },
	{ "dl", A_BLOCK },
	{ "dt", A_DT },
	{ "em", A_ITALIC },
	{ "embed", A_SKIP },
	{ "fieldset", A_BLOCK },
	{ "figcaption", A_BLOCK },
	{ "figure", A_BLOCK },
	{ "footer", A_BLOCK },
	{ "form", A_BLOCK },
	{ "frame", A_SKIP },
	{ "frameset", A_SKIP },
	{ "h1", A_H },
	{ "h2", A_H },
	{ "h3", A_H },
	{ "h4", A_H },
	{ "h5", A_H },
	{ "h6", A_H },
	{ "head", A_SKIP },
	{ "header", A_BLOCK },
	{ "hr", A_HR },
	{ "html", A_BLOCK },
	{ "i", A_ITALIC },
	{ "iframe", A_SKIP },
	{ "img", A_IMG },
	{ "input", A_SKIP },
	{ "ins", A_UNDERLINE },
	{ "kbd", A_CODE },
	{ "legend", A_BLOCK },
	{ "li", A_LI },
	{ "main", A_BLOCK },
	{ "mark", A_MARK },
	{ "menu", A_UL },
	{ "meter", A_SKIP },
	{ "nav", A_BLOCK },
	{ "noembed", A_SKIP },
	{ "noframes", A_SKIP },
	{ "object", A_SKIP },
	{ "ol", A_OL },
	{ "optgroup", A_SKIP },
	{ "option", A_SKIP },
	{ "output", A_SKIP },
	{ "p", A_P },
	{ "param", A_SKIP },
	{ "pre", A_PRE },
	{ "progress", A_SKIP },
	{ "q", A_Q },
	{ "s", A_STRIKE },
	{ "samp", A_CODE },
	{ "script", A_SKIP },
	{ "section", A_BLOCK },
	{ "select", A_SKIP },
	{ "source", A_SKIP },
	{ "strike", A_STRIKE },
	{ "strong", A_BOLD },
	{ "style", A_SKIP },
	{ "summary", A_BLOCK },
	{ "svg", A_SKIP },
	{ "table", A_TABLE },
	{ "tbody", A_TBODY },
	{ "td", A_TD },
	{ "template", A_SKIP },
	{ "textarea", A_SKIP },
	{ "tfoot", A_TBODY },
	{ "th", A_TH },
	{ "thead", A_THEAD },
	{ "title", A_SKIP },
	{ "tr", A_TR },
	{ "tt", A_CODE },
	{ "u", A_UNDERLINE },
	{ "ul", A_UL },
	{ "var", A_ITALIC },
	{ "video", A_SKIP },
};

/*
 * Every element of a page is looked up: a hash of the names (built on
 * first use) takes one comparison where a binary search took seven.
 */
#define TAGSLOTS	256		/* a power of two, over twice the tags */

static unsigned int
tag_hash(const char *s)
{
	unsigned int h = 0;

	while (*s != '\0')
		h = h * 31 + (unsigned char)*s++;
	return h & (TAGSLOTS - 1);
}

static enum action
action_of(const char *name)
{
	static uint8_t slot[TAGSLOTS];	/* index + 1 in tags, 0 empty */
	static bool init;
	unsigned int j;
	size_t i;

	if (!init) {
		for (i = 0; i < nitems(tags); i++) {
			for (j = tag_hash(tags[i].name); slot[j] != 0;
			    j = (j + 1) & (TAGSLOTS - 1))
				;
			slot[j] = (uint8_t)(i + 1);
		}
		init = true;
	}
	if (name == NULL)
		return A_NONE;
	for (j = tag_hash(name); slot[j] != 0; j = (j + 1) & (TAGSLOTS - 1))
		if (strcmp(tags[slot[j] - 1].name, name) == 0)
			return tags[slot[j] - 1].action;
	return A_NONE;
}

/* The value of attribute name in a SAX attribute array, or NULL. */
static const char *
attr(const xmlChar **atts, const char *name)
{
	if (atts == NULL)
		return NULL;
	for (; atts[0] != NULL; atts += 2)
		if (strcmp((const char *)atts[0], name) == 0)
			return atts[1] != NULL ? (const char *)atts[1] : "";
	return NULL;
}

static int
int_attr(const xmlChar **atts, const char *name, int def)
{
	const char *s = attr(atts, name);
	long l;
	char *end;

	if (s == NULL)
		return def;
	l = strtol(s, &end, 10);
	if (end == s)
		return def;
	if (l > INT_MAX / 2)
		l = INT_MAX / 2;
	if (l < INT_MIN / 2)
		l = INT_MIN / 2;
	return (int)l;
}

static enum doc_align
cell_align(const xmlChar **atts)
{
	const char *s, *p;

	if ((s = attr(atts, "align")) == NULL) {
		/* style="text-align: right" */
		if ((s = attr(atts, "style")) == NULL ||
		    (p = strstr(s, "text-align")) == NULL)
			return DOC_ALIGN_DEFAULT;
		for (s = p + 10; *s == ' ' || *s == ':'; s++)
			;
	}
	if (strncasecmp(s, "center", 6) == 0)
		return DOC_ALIGN_CENTER;
	if (strncasecmp(s, "right", 5) == 0)
		return DOC_ALIGN_RIGHT;
	if (strncasecmp(s, "left", 4) == 0)
		return DOC_ALIGN_LEFT;
	return DOC_ALIGN_DEFAULT;
}

static void
enter(struct doc *d, const char *name, const xmlChar **atts, enum action a,
    enum action parent)
{
	const char *s;
	char type;

	switch (a) {
	case A_NONE:
	case A_SKIP:
	case A_PRE:
	case A_CODE:		/* a run kind, not a style: see text() */
	case A_THEAD:
	case A_TBODY:
		break;
	case A_BLOCK:
		doc_block_end(d);
		break;
	case A_P:
		/* cmark writes the items of loose lists as paragraphs. */
		if (parent == A_LI)
			doc_list_loosen(d);
		doc_para_begin(d);
		break;
	case A_H:
		doc_heading_begin(d, name[1] - '0');
		break;
	case A_UL:
		doc_list_begin(d, false, 1, '1', true);
		break;
	case A_OL:
		type = '1';
		if ((s = attr(atts, "type")) != NULL && s[0] != '\0' &&
		    strchr("aAiI", s[0]) != NULL)
			type = s[0];
		doc_list_begin(d, true, int_attr(atts, "start", 1), type,
		    true);
		break;
	case A_LI:
		doc_item_begin(d, int_attr(atts, "value", -1));
		break;
	case A_DT:
		doc_para_begin(d);
		doc_style_push(d, STYLE_BOLD);
		break;
	case A_DD:
		doc_indent_begin(d);
		break;
	case A_QUOTE:
		doc_quote_begin(d);
		break;
	case A_ITALIC:
		doc_style_push(d, STYLE_ITALIC);
		break;
	case A_BOLD:
		doc_style_push(d, STYLE_BOLD);
		break;
	case A_UNDERLINE:
		doc_style_push(d, STYLE_UNDERLINE);
		break;
	case A_STRIKE:
		doc_style_push(d, STYLE_STRIKE);
		break;
	case A_MARK:
		doc_style_push(d, STYLE_REVERSE);
		break;
	case A_Q:
		doc_add_text(d, "\xe2\x80\x9c", 3);
		break;
	case A_A:
		doc_link_begin(d, attr(atts, "href"));
		break;
	case A_IMG:
		doc_add_image(d, attr(atts, "src"), attr(atts, "alt"));
		break;
	case A_BR:
		doc_add_break(d);
		break;
	case A_HR:
		doc_add_rule(d);
		break;
	case A_TABLE:
		doc_table_begin(d);
		break;
	case A_TR:
		doc_row_begin(d, parent == A_THEAD);
		break;
	case A_TH:
	case A_TD:
		doc_cell_begin(d, a == A_TH, int_attr(atts, "colspan", 1),
		    cell_align(atts));
		break;
	}
}

static void
leave(struct doc *d, enum action a)
{
	switch (a) {
	case A_NONE:
	case A_SKIP:
	case A_PRE:
	case A_IMG:
	case A_BR:
	case A_HR:
	case A_CODE:
	case A_THEAD:
	case A_TBODY:
		break;
	case A_BLOCK:
	case A_P:
	case A_H:
		doc_block_end(d);
		break;
	case A_UL:
	case A_OL:
		doc_list_end(d);
		break;
	case A_LI:
		doc_item_end(d);
		break;
	case A_DT:
		doc_style_pop(d);
		doc_block_end(d);
		break;
	case A_DD:
		doc_indent_end(d);
		break;
	case A_QUOTE:
		doc_quote_end(d);
		break;
	case A_ITALIC:
	case A_BOLD:
	case A_UNDERLINE:
	case A_STRIKE:
	case A_MARK:
		doc_style_pop(d);
		break;
	case A_Q:
		doc_add_text(d, "\xe2\x80\x9d", 3);
		break;
	case A_A:
		doc_link_end(d);
		break;
	case A_TABLE:
		doc_table_end(d);
		break;
	case A_TR:
		doc_row_end(d);
		break;
	case A_TH:
	case A_TD:
		doc_cell_end(d);
		break;
	}
}

/*
 * The parse is streamed (SAX): no tree is built, so nesting depth costs
 * only one byte per open element here, and the document flattens
 * containers beyond DOC_MAX_DEPTH.
 */
struct hparse {
	struct doc	*d;
	uint8_t		*stack;		/* action of each open element */
	size_t		 n, cap;
	size_t		 skip;		/* open elements in a dropped one */
	size_t		 pre;		/* open pre elements */
	struct buf	 prebuf;
	int		 code;		/* open inline code elements */
	struct buf	 text;		/* since the last tag */
};

/* The parser hands text over in pieces (entities apart, at most 1000
 * bytes); the document takes it in one, at the next tag. */
static void
flush_text(struct hparse *h)
{
	if (h->text.len == 0)
		return;
	if (h->code > 0)
		doc_add_code(h->d, h->text.data, h->text.len);
	else
		doc_add_text(h->d, h->text.data, h->text.len);
	buf_reset(&h->text);
}

static void
sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct hparse *h = ctx;
	const char *name = (const char *)xname;
	enum action a = action_of(name), parent;

	flush_text(h);
	parent = h->n > 0 ? (enum action)h->stack[h->n - 1] : A_NONE;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->stack = xreallocarray(h->stack, h->cap, 1);
	}
	h->stack[h->n++] = (uint8_t)a;
	if (h->skip > 0 || a == A_SKIP) {
		h->skip++;
		return;
	}
	if (h->pre > 0) {
		if (a == A_PRE)
			h->pre++;
		else if (a == A_BR)
			buf_addc(&h->prebuf, '\n');
		return;
	}
	if (a == A_PRE) {
		h->pre = 1;
		buf_reset(&h->prebuf);
		return;
	}
	if (a == A_CODE)
		h->code++;
	enter(h->d, name, atts, a, parent);
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct hparse *h = ctx;
	enum action a;
	size_t skip = 0;

	(void)name;
	flush_text(h);
	if (h->n == 0)
		return;
	a = (enum action)h->stack[--h->n];
	if (h->skip > 0) {
		h->skip--;
		return;
	}
	if (h->pre > 0) {
		if (a == A_PRE && --h->pre == 0) {
			/* A newline right after <pre> is not content. */
			if (h->prebuf.len > 0 && h->prebuf.data[0] == '\n')
				skip = 1;
			doc_add_code_block(h->d, buf_str(&h->prebuf) + skip,
			    h->prebuf.len - skip);
		}
		return;
	}
	if (a == A_CODE)
		h->code--;
	leave(h->d, a);
}

static void
sax_text(void *ctx, const xmlChar *s, int len)
{
	struct hparse *h = ctx;

	if (h->skip > 0 || len <= 0)
		return;
	if (h->pre > 0)
		buf_add(&h->prebuf, s, (size_t)len);
	else
		buf_add(&h->text, s, (size_t)len);
}

static void
sax_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
sax_serror(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* libxml2 reports some errors (its encoding layer's) to no parser but to
 * the thread's generic handler, which writes to stderr: under curses that
 * would scribble on the screen. */
static void
quiet(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/*
 * libxml2's HTML parser checks each attribute of a tag against all the
 * ones before it: a tag with n attributes costs n^2/2 comparisons (200k
 * attributes, 30 s).  No tag keeps more than MAX_ATTRS: the others are cut
 * before the parser sees them.  Attributes are counted as libxml2 splits
 * them: names end at white space, "=", ">" or "/>", and a value after "="
 * is quoted or runs to white space or ">".  Comments, declarations and
 * "</" are skipped.  The scan jumps from "<" to "<": text costs memchr.
 */
#define MAX_ATTRS	1000

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The end of the tag whose name starts at s[i]; *cut is where its
 * attribute MAX_ATTRS + 1 starts, or 0 when it has no more than that. */
static size_t
tag_end(const char *s, size_t i, size_t len, size_t *cut)
{
	const char *q;
	size_t n = 0;

	*cut = 0;
	while (i < len && !blank(s[i]) && s[i] != '>' && s[i] != '/')
		i++;
	for (;;) {
		while (i < len && (blank(s[i]) || (s[i] == '/' && i + 1 < len &&
		    s[i + 1] != '>')))
			i++;
		if (i >= len || s[i] == '>' || s[i] == '/')
			return i;
		if (++n == MAX_ATTRS + 1)
			*cut = i;
		while (i < len && !blank(s[i]) && s[i] != '=' && s[i] != '>' &&
		    !(s[i] == '/' && i + 1 < len && s[i + 1] == '>'))
			i++;
		while (i < len && blank(s[i]))
			i++;
		if (i >= len || s[i] != '=')
			continue;
		i++;
		while (i < len && blank(s[i]))
			i++;
		if (i < len && (s[i] == '"' || s[i] == '\'')) {
			q = memchr(s + i + 1, s[i], len - i - 1);
			i = q != NULL ? (size_t)(q - s) + 1 : len;
		} else
			while (i < len && !blank(s[i]) && s[i] != '>')
				i++;
	}
}

/* s without the attributes of any tag beyond its first MAX_ATTRS, or
 * NULL when no tag has more. */
static char *
cap_attributes(const char *s, size_t len, size_t *outlen)
{
	struct buf b = BUF_INIT;
	const char *p, *q;
	size_t i = 0, from = 0, end, cut;
	bool changed = false;

	while (i < len && (p = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(p - s) + 1;
		if (i + 2 < len && s[i] == '!' && s[i + 1] == '-' &&
		    s[i + 2] == '-') {
			q = memmem(s + i + 3, len - i - 3, "-->", 3);
			i = q != NULL ? (size_t)(q - s) + 3 : len;
			continue;
		}
		if (i >= len || !isalpha((unsigned char)s[i]))
			continue;
		end = tag_end(s, i, len, &cut);
		if (cut != 0) {
			buf_add(&b, s + from, cut - from);
			from = end;
			changed = true;
		}
		i = end;
	}
	if (!changed)
		return NULL;
	buf_add(&b, s + from, len - from);
	*outlen = b.len;
	return buf_detach(&b);
}

#define HTML_PIECE	(64 * 1024)

/* What the parser reads from: the content, a piece at a time. */
struct hinput {
	const char	*s;
	size_t		 len;
};

static int
read_piece(void *arg, char *out, int n)
{
	struct hinput *in = arg;
	size_t k = in->len < (size_t)n ? in->len : (size_t)n;

	memcpy(out, in->s, k);
	in->s += k;
	in->len -= k;
	return (int)k;
}

/*
 * Parse len bytes of s (at most INT_MAX) with the callbacks of sax,
 * which get ctx.  The parser reads the content through a callback: given
 * it all at once (pushed or from memory), libxml2 copies the whole of it
 * into its own buffer (8 MB for a 7 MB issue) and keeps it to the end;
 * reading, it lets go of what it has parsed.
 */
static void
run_parser(htmlSAXHandler *sax, void *ctx, const char *s, size_t len)
{
	htmlParserCtxtPtr ctxt;
	xmlParserInputBufferPtr buf;
	xmlParserInputPtr input;
	struct hinput in;
	char *capped;
	int opts;

	if ((capped = cap_attributes(s, len, &len)) != NULL)
		s = capped;
	sax->warning = sax_error;
	sax->error = sax_error;
	sax->fatalError = sax_error;
	sax->serror = sax_serror;
	sax->initialized = XML_SAX2_MAGIC;
	xmlSetGenericErrorFunc(NULL, quiet);
	if ((ctxt = htmlNewParserCtxt()) == NULL)
		fatal("out of memory");
	memcpy(ctxt->sax, sax, sizeof *sax);
	ctxt->userData = ctx;
	/* No network, no messages, and deep nesting allowed. */
	opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
	htmlCtxtUseOptions(ctxt, opts);
	in.s = s;
	in.len = len;
	if ((buf = xmlParserInputBufferCreateIO(read_piece, NULL, &in,
	    XML_CHAR_ENCODING_NONE)) == NULL)
		fatal("out of memory");
	if ((input = xmlNewIOInputStream(ctxt, buf,
	    XML_CHAR_ENCODING_NONE)) == NULL)
		fatal("out of memory");
	inputPush(ctxt, input);
	/*
	 * The content is UTF-8 already, whatever a meta tag or a byte order
	 * mark says: with an encoding named, the parser does not guess one
	 * from the first bytes, and IGNORE_ENC keeps a meta charset from
	 * switching it.  UTF-8 without a converter, as libxml2's push
	 * parser sets it up: bytes that are not UTF-8 make it read the rest
	 * as Latin-1, which html_test pins down.
	 */
	ctxt->encoding = xmlStrdup(BAD_CAST "UTF-8");
	ctxt->charset = XML_CHAR_ENCODING_UTF8;
	(void)htmlParseDocument(ctxt);
	htmlFreeParserCtxt(ctxt);
	free(capped);
}

int
html_parse(struct doc *d, const char *s, size_t len, char **cause)
{
	htmlSAXHandler sax;
	struct hparse h;

	if (len == 0)
		return 0;
	if (len > INT_MAX) {
		if (cause != NULL)
			*cause = xstrdup("HTML content too large");
		return -1;
	}
	memset(&sax, 0, sizeof sax);
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.ignorableWhitespace = sax_text;
	sax.cdataBlock = sax_text;
	memset(&h, 0, sizeof h);
	h.d = d;
	run_parser(&sax, &h, s, len);
	flush_text(&h);
	free(h.stack);
	buf_free(&h.prebuf);
	buf_free(&h.text);
	return 0;
}

/*
 * Plain text.  Only dropped elements need a stack: the depth inside the
 * outermost one is enough, as libxml2 closes what it opened.
 */
struct htext {
	struct buf	 out;
	size_t		 skip;		/* open elements in a dropped one */
	bool		 space;		/* a space is owed before more text */
};

static void
text_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct htext *t = ctx;
	enum action a = action_of((const char *)name);

	(void)atts;
	if (t->skip > 0 || a == A_SKIP) {
		t->skip++;
		return;
	}
	/* Elements that end a line in the reader separate words here. */
	if (a != A_NONE && a != A_ITALIC && a != A_BOLD && a != A_UNDERLINE &&
	    a != A_STRIKE && a != A_CODE && a != A_MARK && a != A_A &&
	    a != A_Q)
		t->space = true;
	else if (a == A_Q) {
		if (t->space && t->out.len > 0)
			buf_addc(&t->out, ' ');
		t->space = false;
		buf_adds(&t->out, "\xe2\x80\x9c");
	}
}

static void
text_end(void *ctx, const xmlChar *name)
{
	struct htext *t = ctx;
	enum action a = action_of((const char *)name);

	if (t->skip > 0) {
		t->skip--;
		return;
	}
	if (a == A_Q)
		buf_adds(&t->out, "\xe2\x80\x9d");
	else if (a != A_NONE && a != A_ITALIC && a != A_BOLD &&
	    a != A_UNDERLINE && a != A_STRIKE && a != A_CODE && a != A_MARK &&
	    a != A_A)
		t->space = true;
}

static void
text_chars(void *ctx, const xmlChar *xs, int len)
{
	struct htext *t = ctx;
	const char *s = (const char *)xs;
	int i;

	if (t->skip > 0)
		return;
	for (i = 0; i < len; i++) {
		if (blank(s[i])) {
			t->space = true;
			continue;
		}
		if (t->space && t->out.len > 0)
			buf_addc(&t->out, ' ');
		t->space = false;
		buf_addc(&t->out, s[i]);
	}
}

char *
html_text(const char *s, size_t len)
{
	htmlSAXHandler sax;
	struct htext t;

	memset(&t, 0, sizeof t);
	if (len > 0 && len <= INT_MAX) {
		memset(&sax, 0, sizeof sax);
		sax.startElement = text_start;
		sax.endElement = text_end;
		sax.characters = text_chars;
		sax.ignorableWhitespace = text_chars;
		sax.cdataBlock = text_chars;
		run_parser(&sax, &t, s, len);
	}
	return buf_detach(&t.out);
}
