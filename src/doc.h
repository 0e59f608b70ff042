/* doc.h - the document model both front-ends build: blocks of styled
 * inline runs, a numbered links table and a sections list. */
#ifndef MN_DOC_H
#define MN_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Style bits, shared by runs and layout cells. */
#define STYLE_BOLD	0x01
#define STYLE_ITALIC	0x02
#define STYLE_UNDERLINE	0x04
#define STYLE_REVERSE	0x08
#define STYLE_DIM	0x10
#define STYLE_STRIKE	0x20

/* Nesting deeper than this is flattened into the deepest container. */
#define DOC_MAX_DEPTH	16

enum doc_block_type {
	DOC_PARA,
	DOC_HEADING,
	DOC_CODE,		/* one run of verbatim text with \n */
	DOC_RULE,
	DOC_TABLE,
};

enum doc_run_kind {
	DOC_RUN_TEXT,
	DOC_RUN_CODE,		/* inline code */
	DOC_RUN_BREAK,		/* hard line break; no text */
	DOC_RUN_LINKNUM,	/* the "[n]" after a link; no text */
};

/* A piece of inline text of one style.  The text is sanitised UTF-8 with
 * white space collapsed to single spaces (verbatim in code blocks). */
struct doc_run {
	uint32_t	 off;		/* into doc_text() */
	uint32_t	 len;
	uint32_t	 link;		/* 1-based link number, 0 = none */
	uint8_t		 kind;		/* enum doc_run_kind */
	uint8_t		 style;		/* STYLE_* bits */
};

enum doc_container_type {
	DOC_QUOTE,
	DOC_ITEM,		/* list item: marker on its first line */
	DOC_INDENT,		/* a definition (dd): indented, no marker */
};

struct doc_container {
	enum doc_container_type type;
	int		 list;		/* items: index of their list */
	int		 first_block;	/* first block inside, or -1 */
	char		 marker[24];	/* items of ordered lists: "12." */
};

struct doc_list {
	bool		 ordered;
	bool		 tight;		/* no blank lines between items */
	int		 level;		/* 1 for a list in no other list */
	int		 marker_width;	/* widest ordered marker, columns */
};

enum doc_align {
	DOC_ALIGN_DEFAULT,
	DOC_ALIGN_LEFT,
	DOC_ALIGN_CENTER,
	DOC_ALIGN_RIGHT,
};

struct doc_cell {
	int		 row;
	int		 col;
	int		 colspan;
	uint8_t		 align;		/* enum doc_align */
	bool		 header;
	int		 first_run;
	int		 nruns;
};

struct doc_table {
	int		 nrows;
	int		 ncols;
	int		 nheader;	/* leading header rows */
	int		 first_cell;	/* in row order, see doc_cell() */
	int		 ncells;
};

struct doc_block {
	enum doc_block_type type;
	int		 level;		/* headings: 1 to 6 */
	int		 first_run;	/* para, heading, code */
	int		 nruns;
	int		 table;		/* tables: index for doc_table() */
	int		 depth;		/* number of enclosing containers */
	int		 frames;	/* their indices start here, see
					   doc_frame() */
	bool		 space_before;	/* a blank line separates it from
					   the block before */
	int		 section;
};

struct doc_link {
	const char	*url;		/* absolute where a base was known */
	const char	*text;		/* text of its first occurrence */
	int		 section;	/* where it first appears */
};

struct doc;

void		 doc_free(struct doc *);

/* Blocks [first, end) of a document being built, complete (space_before
 * included, section not yet): see doc_set_each. */
typedef void	(*doc_blocks_fn)(const struct doc *, int first, int end,
		    void *arg);

/* The links table: numbers run from 1 to doc_nlinks() in the order of
 * first appearance; one URL keeps one number.  NULL when out of range. */
int		 doc_nlinks(const struct doc *);
const struct doc_link *doc_link(const struct doc *, int n);

/* Sections: an intro (omitted when empty) and one per heading of the top
 * level present.  Indices run from 0.  A name is the heading's text
 * without a trailing colon, "Intro" for the intro. */
int		 doc_nsections(const struct doc *);
const char	*doc_section_name(const struct doc *, int i);
int		 doc_section_block(const struct doc *, int i);
/* The heading level sections are cut at, 0 when there is no heading. */
int		 doc_section_level(const struct doc *);

/* Front matter of a Markdown document (sanitised, one line), or NULL. */
const char	*doc_meta(const struct doc *, const char *key);

/* Read access for layout. */
int		 doc_nblocks(const struct doc *);
const struct doc_block *doc_block(const struct doc *, int i);
const struct doc_run *doc_runs(const struct doc *);
const char	*doc_text(const struct doc *);
/* The container index of frame i (0 = outermost) of block b. */
const struct doc_container *doc_frame(const struct doc *,
		    const struct doc_block *b, int i);
int		 doc_frame_index(const struct doc *,
		    const struct doc_block *b, int i);
const struct doc_list *doc_list(const struct doc *, int i);
const struct doc_table *doc_table(const struct doc *, int i);
const struct doc_cell *doc_cell(const struct doc *, int i);

/*
 * Building, for the front-ends (md.c, html.c) and text.c.  Calls come in
 * document order; begin/end pairs must balance, but nesting beyond
 * DOC_MAX_DEPTH is accepted and flattened.  Text is raw: it is sanitised
 * here.  doc_finish ends the build and computes sections.
 */
struct doc	*doc_new(const char *base_url);
/* Hand blocks to fn, in order, as soon as nothing can change them, and
 * then let their text and runs go (content_parse_each): set before the
 * first block is added.  The links of such a document keep their URL
 * only: their text is "". */
void		 doc_set_each(struct doc *, doc_blocks_fn fn, void *arg);
void		 doc_finish(struct doc *);
void		 doc_set_meta(struct doc *, const char *key,
		    const char *value);
void		 doc_para_begin(struct doc *);
void		 doc_heading_begin(struct doc *, int level);
/* End the open paragraph or heading, if any. */
void		 doc_block_end(struct doc *);
void		 doc_add_text(struct doc *, const char *s, size_t len);
void		 doc_add_code(struct doc *, const char *s, size_t len);
void		 doc_add_break(struct doc *);
void		 doc_style_push(struct doc *, int bits);
void		 doc_style_pop(struct doc *);
void		 doc_link_begin(struct doc *, const char *href);
void		 doc_link_end(struct doc *);
void		 doc_add_image(struct doc *, const char *src, const char *alt);
void		 doc_add_code_block(struct doc *, const char *s, size_t len);
void		 doc_add_rule(struct doc *);
void		 doc_quote_begin(struct doc *);
void		 doc_quote_end(struct doc *);
/* type is '1', 'a', 'A', 'i' or 'I' for ordered lists. */
void		 doc_list_begin(struct doc *, bool ordered, int start,
		    char type, bool tight);
void		 doc_list_end(struct doc *);
/* The markers of the innermost open list take at least width columns
 * (a list printed in parts lines up with its widest marker). */
void		 doc_list_widen(struct doc *, int width);
/* The innermost open list turns out not to be tight. */
void		 doc_list_loosen(struct doc *);
/* value >= 0 sets the number of this item (and the ones after it). */
void		 doc_item_begin(struct doc *, int value);
/* An item with its own marker text (e.g. "[12]"); the list's marker
 * width grows to fit it. */
void		 doc_item_begin_marker(struct doc *, const char *marker);
void		 doc_item_end(struct doc *);
void		 doc_indent_begin(struct doc *);
void		 doc_indent_end(struct doc *);
void		 doc_table_begin(struct doc *);
void		 doc_table_end(struct doc *);
void		 doc_row_begin(struct doc *, bool header);
void		 doc_row_end(struct doc *);
void		 doc_cell_begin(struct doc *, bool header, int colspan,
		    enum doc_align);
void		 doc_cell_end(struct doc *);
/* True while text goes into a table cell (blocks flatten to text). */
bool		 doc_in_cell(const struct doc *);

/* Front-ends: add parsed markup to d; -1 with *cause on failure.  Which
 * one a content kind goes through is content.c's choice. */
/* Smart punctuation in Markdown (curly quotes, dashes): on by default;
 * off for a locale that cannot show it.  Set before parsing begins. */
void		 md_set_smart(bool);
/* A large post is parsed in pieces of at least n bytes (0: whole), cut
 * where nothing is open; tests make them small.  Set before parsing. */
void		 md_set_piece(size_t n);
int		 md_parse(struct doc *d, const char *s, size_t len,
		    char **cause);
int		 html_parse(struct doc *d, const char *s, size_t len,
		    char **cause);

#endif
