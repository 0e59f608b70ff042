/* md.c - the only cmark code: a CommonMark AST to a document.  cmark-gfm
 * (GitHub's cmark, the same API) with its table extension reads the pipe
 * tables of GitHub and kramdown posts. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "buf.h"
#include "doc.h"
#include "util.h"

/*
 * The arena tells ASan (sanitizer builds) and memcheck (make
 * check-valgrind) which of its bytes cmark may touch: NOACCESS for free
 * space, UNDEFINED for a block handed out, DEFINED for the arena's own
 * words it reads back.
 */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define NOACCESS(p, n)	ASAN_POISON_MEMORY_REGION((p), (n))
#define UNDEFINED(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define DEFINED(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define ARENA_VALGRIND	1
#define VG(req)		do { if (vg) (void)(req); } while (0)
#define NOACCESS(p, n)	VG(VALGRIND_MAKE_MEM_NOACCESS((p), (n)))
#define UNDEFINED(p, n)	VG(VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
#define DEFINED(p, n)	VG(VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#endif
#endif
#ifndef NOACCESS
#define NOACCESS(p, n)	((void)(p), (void)(n))
#define UNDEFINED(p, n)	((void)(p), (void)(n))
#define DEFINED(p, n)	((void)(p), (void)(n))
#endif

/*
 * cmark allocates every node and string of the tree on its own, some
 * 600,000 of them for a 5 MB post, and frees them one by one; through
 * malloc that was a third of the parse.  Its allocator hooks take no
 * context, so one arena at a time serves md_parse (which is not re-entered:
 * HTML blocks go to html.c).  Blocks come in size classes with free lists,
 * so memory freed during the parse is used again, and carry their size in
 * an 8-byte header.  Data is 8-byte aligned, as in cmark's own arena: its
 * structures hold pointers and ints, and a node (112 bytes) then takes 120
 * bytes, not 128.  Blocks too large for a class come from malloc, kept in
 * a list.  The whole arena goes at once at the end, without walking the
 * tree.
 */
#define ARENA_CHUNK	(64 * 1024)	/* the first; then doubling */
#define ARENA_MAXCHUNK	(4 * 1024 * 1024)
#define ARENA_BULK	(2 * 1024 * 1024) /* from util_bulk_alloc (huge
					     pages) from this size on */
#define ARENA_BIG	1u		/* header flag of a malloc'd block */

/* Block sizes, header included: 8 apart to 256 (classes 0 to 30), then
 * 4 per doubling. */
static const unsigned int arena_class[] = {
	16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136,
	144, 152, 160, 168, 176, 184, 192, 200, 208, 216, 224, 232, 240, 248,
	256, 320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048,
	2560, 3072, 3584, 4096,
};
#define NCLASS		(sizeof arena_class / sizeof arena_class[0])
#define SMALL		30		/* the class of 256 */

struct achunk {
	struct achunk	*next;
	size_t		 size;
};

/* A malloc'd block: links, then the size word, then the data. */
struct abig {
	struct abig	*prev, *next;
	size_t		 pad;
	size_t		 size;		/* data bytes | ARENA_BIG */
};

struct arena {
	struct achunk	*chunks;
	char		*bump, *end;	/* free space of the newest chunk */
	char		*last;		/* the block bumped last */
	size_t		 next;		/* size of the next chunk */
	void		*free[NCLASS];
	uint64_t	 nonempty;	/* bit c: free[c] has a block */
	struct abig	*big;
};

static struct arena *arena;
#ifdef ARENA_VALGRIND
static int vg;		/* running under valgrind */
#endif

static size_t *
size_word(void *p)
{
	return (size_t *)p - 1;
}

static unsigned int
arena_class_of(size_t n)
{
	unsigned int c;

	if (n + 8 <= 256)
		return (unsigned int)((n + 8 + 7) / 8 - 2);
	for (c = SMALL + 1; c < NCLASS; c++)
		if (n + 8 <= arena_class[c])
			break;
	return c;	/* NCLASS: too large */
}

static void *
arena_big(struct arena *a, size_t n)
{
	struct abig *b;

	if (n > SIZE_MAX - sizeof *b)
		fatal("out of memory");
	b = xmalloc(sizeof *b + n);
	b->prev = NULL;
	b->next = a->big;
	if (a->big != NULL)
		a->big->prev = b;
	a->big = b;
	b->size = n | ARENA_BIG;
	return b + 1;
}

static void
arena_unbig(struct arena *a, struct abig *b)
{
	if (b->prev != NULL)
		b->prev->next = b->next;
	else
		a->big = b->next;
	if (b->next != NULL)
		b->next->prev = b->prev;
}

/* Put the block of data p and class c on its free list. */
static void
arena_push(struct arena *a, char *p, unsigned int c)
{
	*(size_t *)(p - 8) = arena_class[c] - 8;
	*(void **)p = a->free[c];
	a->free[c] = p;
	a->nonempty |= (uint64_t)1 << c;
	NOACCESS(p - 8, arena_class[c]);
}

static char *
arena_pop(struct arena *a, unsigned int c)
{
	char *p = a->free[c];

	DEFINED(p - 8, 16);		/* size word and link */
	if ((a->free[c] = *(void **)p) == NULL)
		a->nonempty &= ~((uint64_t)1 << c);
	UNDEFINED(p, arena_class[c] - 8);
	return p;
}

/* The smallest class above c with a free block, or NCLASS. */
static unsigned int
arena_donor(const struct arena *a, unsigned int c)
{
	uint64_t m = c + 1 < NCLASS ? a->nonempty >> (c + 1) << (c + 1) : 0;
	unsigned int d;

	if (m == 0)
		return NCLASS;
	for (d = c + 1; !(m & ((uint64_t)1 << d)); d++)
		;
	return d;
}

/*
 * Cut the free block p of class d into blocks of class c, keeping the
 * first: the strings cmark frees while it parses inlines (each paragraph's
 * source) then hold the nodes it makes next instead of fresh memory.
 */
static char *
arena_split(struct arena *a, char *p, unsigned int d, unsigned int c)
{
	char *q = p - 8 + arena_class[c], *end = p - 8 + arena_class[d];
	unsigned int r;

	while ((size_t)(end - q) >= arena_class[c]) {
		arena_push(a, q + 8, c);
		q += arena_class[c];
	}
	/* The rest is a multiple of 8 below 4096: classes up to 256, and
	 * 8 bytes too few for any, left alone. */
	while (end - q >= 16) {
		r = end - q > 256 ? SMALL : (unsigned int)(end - q) / 8 - 2;
		arena_push(a, q + 8, r);
		q += arena_class[r];
	}
	NOACCESS(q, (size_t)(end - q));
	*(size_t *)(p - 8) = arena_class[c] - 8;
	return p;
}

/* A block of at least n bytes, not zeroed. */
static void *
arena_alloc(struct arena *a, size_t n)
{
	struct achunk *ch;
	unsigned int c = arena_class_of(n), d, size;
	char *p;

	if (c == NCLASS)
		return arena_big(a, n);
	size = arena_class[c];
	if (a->free[c] != NULL)
		return arena_pop(a, c);
	if ((d = arena_donor(a, c)) != NCLASS)
		return arena_split(a, arena_pop(a, d), d, c);
	if ((size_t)(a->end - a->bump) < size) {
		ch = a->next >= ARENA_BULK ? util_bulk_alloc(a->next) :
		    xmalloc(a->next);
		ch->next = a->chunks;
		ch->size = a->next;
		a->chunks = ch;
		a->bump = (char *)(ch + 1);
		a->end = (char *)ch + a->next;
		NOACCESS(a->bump, (size_t)(a->end - a->bump));
		if (a->next < ARENA_MAXCHUNK)
			a->next *= 2;
	}
	p = a->bump;
	a->bump += size;
	UNDEFINED(p, size);
	*(size_t *)p = size - 8;
	a->last = p + 8;
	return p + 8;
}

static void
arena_free_block(struct arena *a, void *p)
{
	size_t n;

	if (p == NULL)
		return;
	n = *size_word(p);
	if (n & ARENA_BIG) {
		arena_unbig(a, (struct abig *)p - 1);
		free((struct abig *)p - 1);
		return;
	}
	if (a->last == p)
		a->last = NULL;
	arena_push(a, p, arena_class_of(n));
}

static void *
mem_calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		fatal("out of memory");
	p = arena_alloc(arena, n * size);
	memset(p, 0, n * size);
	return p;
}

static void *
mem_realloc(void *p, size_t n)
{
	struct abig *b;
	size_t old;
	void *q;
	unsigned int c;

	if (p == NULL)
		return arena_alloc(arena, n);
	old = *size_word(p);
	if (old & ARENA_BIG) {
		b = (struct abig *)p - 1;
		arena_unbig(arena, b);
		if (n > SIZE_MAX - sizeof *b)
			fatal("out of memory");
		b = xreallocarray(b, 1, sizeof *b + n);
		b->prev = NULL;
		b->next = arena->big;
		if (arena->big != NULL)
			arena->big->prev = b;
		arena->big = b;
		b->size = n | ARENA_BIG;
		return b + 1;
	}
	if (n <= old)
		return p;
	/* The newest block grows where it is, if there is room. */
	c = arena_class_of(n);
	if (p == arena->last && c < NCLASS && (size_t)(arena->end -
	    ((char *)p - 8)) >= arena_class[c]) {
		arena->bump = (char *)p - 8 + arena_class[c];
		UNDEFINED((char *)p + old, arena_class[c] - 8 - old);
		*size_word(p) = arena_class[c] - 8;
		return p;
	}
	q = arena_alloc(arena, n);
	memcpy(q, p, old);
	arena_free_block(arena, p);
	return q;
}

static void
mem_free(void *p)
{
	arena_free_block(arena, p);
}

static cmark_mem arena_mem = { mem_calloc, mem_realloc, mem_free };

static void
arena_begin(struct arena *a)
{
	memset(a, 0, sizeof *a);
	a->next = ARENA_CHUNK;
	arena = a;
#ifdef ARENA_VALGRIND
	vg = RUNNING_ON_VALGRIND;
#endif
}

/* Free everything cmark left, the whole tree included. */
static void
arena_end(struct arena *a)
{
	struct achunk *ch;
	struct abig *b;
	size_t size;

	while ((ch = a->chunks) != NULL) {
		a->chunks = ch->next;
		size = ch->size;
		UNDEFINED(ch, size);
		if (size >= ARENA_BULK)
			util_bulk_free(ch, size);
		else
			free(ch);
	}
	while ((b = a->big) != NULL) {
		a->big = b->next;
		free(b);
	}
	arena = NULL;
}

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
	for (p = (const unsigned char *)url; safe[*p]; p++)
		;
	if (*p == '\0')
		return NULL;
	n = (size_t)(p - (const unsigned char *)url);
	for (; *p != '\0'; p++)
		n += safe[*p] ? 1 : 3;
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

#if defined(__GNUC__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

/*
 * The tree of a large post is far larger than the caches and each node is
 * a pointer away from the last, so the walk waited on memory at every
 * node.  A second cursor runs two nodes ahead in document order and asks
 * for each node (two cache lines) and, a step later, its text or URL, so
 * that they have arrived when the walk gets there.
 */
struct ahead {
	cmark_node	*node;		/* the cursor */
	int		 lead;		/* nodes it is ahead of the walk */
};

static void
ahead_step(struct ahead *a)
{
	cmark_node *n = a->node, *next;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		PREFETCH(cmark_node_get_literal(n));
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		PREFETCH(cmark_node_get_url(n));
		break;
	default:
		break;
	}
	if ((next = cmark_node_first_child(n)) == NULL) {
		while ((next = cmark_node_next(n)) == NULL &&
		    (n = cmark_node_parent(n)) != NULL)
			;
	}
	if ((a->node = next) != NULL) {
		PREFETCH(next);
		PREFETCH((char *)next + 64);
	}
	a->lead++;
}

/* The walk enters a new node. */
static void
ahead_entered(struct ahead *a)
{
	for (a->lead--; a->lead < 2 && a->node != NULL; )
		ahead_step(a);
}

/* The alignment of the cell node by its column's delimiter row. */
static enum doc_align
cell_align(cmark_node *cell)
{
	cmark_node *row = cmark_node_parent(cell), *n;
	cmark_node *table = row != NULL ? cmark_node_parent(row) : NULL;
	uint8_t *al;
	uint16_t ncols, col = 0;

	if (table == NULL)
		return DOC_ALIGN_DEFAULT;
	for (n = cmark_node_previous(cell); n != NULL;
	    n = cmark_node_previous(n))
		col++;
	ncols = cmark_gfm_extensions_get_table_columns(table);
	al = cmark_gfm_extensions_get_table_alignments(table);
	if (al == NULL || col >= ncols)
		return DOC_ALIGN_DEFAULT;
	switch (al[col]) {
	case 'l': return DOC_ALIGN_LEFT;
	case 'c': return DOC_ALIGN_CENTER;
	case 'r': return DOC_ALIGN_RIGHT;
	default: return DOC_ALIGN_DEFAULT;
	}
}

/* Tables, from the table extension: rows of cells of inline content. */
static void
table_node(struct doc *d, cmark_node *node, bool enter)
{
	const char *t = cmark_node_get_type_string(node);
	cmark_node *row;

	/* The extension's node types are not in its public header: its
	 * names for them are. */
	if (t == NULL || strncmp(t, "table", 5) != 0)
		return;
	if (strcmp(t, "table") == 0) {
		if (enter)
			doc_table_begin(d);
		else
			doc_table_end(d);
	} else if (strcmp(t, "table_row") == 0) {
		if (enter)
			doc_row_begin(d,
			    cmark_gfm_extensions_get_table_row_is_header(node));
		else
			doc_row_end(d);
	} else if (strcmp(t, "table_cell") == 0) {
		row = cmark_node_parent(node);
		if (enter)
			doc_cell_begin(d, row != NULL &&
			    cmark_gfm_extensions_get_table_row_is_header(row),
			    1, cell_align(node));
		else
			doc_cell_end(d);
	}
}

static void
walk(struct doc *d, cmark_node *root)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *node;
	const char *s;
	bool enter;
	struct ahead ahead = { root, 1 };

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		enter = ev == CMARK_EVENT_ENTER;
		if (enter)
			ahead_entered(&ahead);
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
			table_node(d, node, enter);
			break;
		}
	}
	cmark_iter_free(it);
}

/* Curly quotes and dashes: on unless the user's locale cannot show
 * them (main.c says so before it makes LC_CTYPE UTF-8 for measuring). */
static bool smart = true;

void
md_set_smart(bool on)
{
	smart = on;
}

/*
 * A large post is parsed in pieces, each cut where the whole parse would
 * have nothing open: cmark's tree of a 5 MB post took some 50 MB, and a
 * piece's tree goes before the next piece is read.  A cut is made at a
 * line that starts an ATX heading in column 0 after a blank line: there
 * every container, paragraph, list and table has ended, except a fenced
 * code block or an HTML block of the document's top level, which the
 * scan follows.  Link reference definitions belong to the whole
 * document, so text with "]:" anywhere is parsed whole; so is the rest
 * of a post from where the scan cannot be sure (an HTML block that ends
 * at a marker, a fence in an HTML block or indented up to three columns,
 * where a list item's may be).  Footnotes are not enabled.
 */
#define MD_PIECE	(64 * 1024)

static size_t piece_min = MD_PIECE;

void
md_set_piece(size_t n)
{
	piece_min = n;
}

/* The columns of indentation of line s (tabs to the next multiple of
 * 4) and, in *at, where its text starts. */
static size_t
line_indent(const char *s, const char *end, const char **at)
{
	size_t col = 0;

	for (; s < end && (*s == ' ' || *s == '\t'); s++)
		col = *s == ' ' ? col + 1 : (col + 4) / 4 * 4;
	*at = s;
	return col;
}

static bool
line_blank(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	return true;
}

/* A fence of three or more ` or ~ at p: its length, else 0. */
static size_t
fence_len(const char *p, const char *end)
{
	const char *q;

	if (p >= end || (*p != '`' && *p != '~'))
		return 0;
	for (q = p; q < end && *q == *p; q++)
		;
	if (q - p < 3)
		return 0;
	/* A backtick fence's info string has no backtick. */
	if (*p == '`' && memchr(q, '`', (size_t)(end - q)) != NULL)
		return 0;
	return (size_t)(q - p);
}

/* An HTML block that ends at a marker (CommonMark's kinds 1 to 5), in
 * the widest form: any name that begins like one counts. */
static bool
html_marked(const char *p, const char *end)
{
	static const char *const start[] = { "<script", "<pre", "<style",
	    "<textarea", "<!", "<?" };
	size_t i, n;

	for (i = 0; i < nitems(start); i++) {
		n = strlen(start[i]);
		if ((size_t)(end - p) >= n && strncasecmp(p, start[i], n) == 0)
			return true;
	}
	return false;
}

/*
 * Where the piece that starts at s (with nothing open) should end: the
 * first cut at least min bytes in, or len when there is none or the scan
 * gives up.
 */
static size_t
next_cut(const char *s, size_t len, size_t min)
{
	const char *p = s, *end = s + len, *eol, *at;
	size_t ind, fence = 0, n;
	char fc = 0;
	bool blank, prev_blank = false, in_html = false;

	for (; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		blank = line_blank(p, eol);
		ind = line_indent(p, eol, &at);
		if (fence != 0) {
			/* A closing fence: as long, nothing after it. */
			if (ind <= 3 && at < eol && *at == fc &&
			    (n = fence_len(at, eol)) >= fence &&
			    line_blank(at + n, eol))
				fence = 0;
			prev_blank = false;
			continue;
		}
		if (in_html) {
			/* Kinds 6 and 7, or a paragraph: a blank line ends
			 * them, but a fence may interrupt the paragraph. */
			if (blank)
				in_html = false;
			else if (ind <= 3 && fence_len(at, eol) != 0)
				return len;
			prev_blank = blank;
			continue;
		}
		if (prev_blank && (size_t)(p - s) >= min && *p == '#') {
			for (at = p; at < eol && *at == '#'; at++)
				;
			if (at - p <= 6 && (at == eol || *at == ' ' ||
			    *at == '\t' || *at == '\r'))
				return (size_t)(p - s);
		}
		if (ind <= 3 && (n = fence_len(at, eol)) != 0) {
			if (ind != 0)
				return len;
			fence = n;
			fc = *at;
		} else if (ind <= 3 && at < eol && *at == '<') {
			if (html_marked(at, eol))
				return len;
			in_html = true;
		}
		prev_blank = blank;
	}
	return len;
}

/* Whether s may hold a link reference definition: "]:" anywhere.  By
 * memchr, a tenth of memmem's cost here: "]" is rare enough. */
static bool
has_refdef(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, ']', (size_t)(end - p))) != NULL) {
		if (++p < end && *p == ':')
			return true;
	}
	return false;
}

/* Parse one piece of Markdown into d; -1 when cmark fails. */
static int
parse_piece(struct doc *d, const char *s, size_t len, int opts)
{
	struct arena a;
	cmark_syntax_extension *table;
	cmark_parser *parser;
	cmark_node *root;

	if (arena != NULL)
		fatal("md_parse re-entered");
	arena_begin(&a);
	if ((parser = cmark_parser_new_with_mem(opts, &arena_mem)) == NULL)
		fatal("out of memory");
	cmark_gfm_core_extensions_ensure_registered();
	if ((table = cmark_find_syntax_extension("table")) != NULL)
		cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, s, len);
	root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (root == NULL) {
		arena_end(&a);
		return -1;
	}
	walk(d, root);
	/* No cmark_node_free: the tree goes with the arena. */
	arena_end(&a);
	return 0;
}

int
md_parse(struct doc *d, const char *s, size_t len, char **cause)
{
	size_t off = 0, n;
	int opts = CMARK_OPT_DEFAULT;

	if (smart)
		opts |= CMARK_OPT_SMART;
	if (piece_min == 0 || len < 2 * piece_min || has_refdef(s, len))
		n = len;
	else
		n = next_cut(s, len, piece_min);
	for (;;) {
		if (parse_piece(d, s + off, n, opts) == -1) {
			if (cause != NULL)
				*cause = xstrdup("cannot parse Markdown");
			return -1;
		}
		off += n;
		if (off >= len)
			return 0;
		n = len - off < 2 * piece_min ? len - off :
		    next_cut(s + off, len - off, piece_min);
	}
}
