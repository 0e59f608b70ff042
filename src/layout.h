/* layout.h - a document laid out at a width: lines of styled cells.  Pure:
 * no curses, no I/O; the terminal UI and text mode both draw from it. */
#ifndef MN_LAYOUT_H
#define MN_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "doc.h"

/* What a cell is, for the views to pick a colour. */
enum layout_role {
	LAYOUT_NORMAL,
	LAYOUT_HEADING,		/* heading text and its underline */
	LAYOUT_LINK,		/* link text (and image placeholders) */
	LAYOUT_LINKNUM,		/* the "[n]" after a link */
	LAYOUT_CODE,		/* inline code and code block text */
	LAYOUT_CODE_GUTTER,	/* the bar left of a code block */
	LAYOUT_QUOTE,		/* the bar left of quoted text */
	LAYOUT_MARKER,		/* list bullets and numbers, code cut marks */
	LAYOUT_RULE,		/* horizontal rules */
	LAYOUT_TABLE,		/* table borders */
	LAYOUT_INDENT,		/* padding and indentation */
};

/* One grapheme cluster (UAX #29: a character with its combining marks,
 * an emoji with its modifier or ZWJ sequence, a flag): its UTF-8 bytes
 * are line->text[off .. off + len), its width that of the whole; no line
 * ever breaks inside one. */
struct layout_cell {
	uint32_t	 off;
	uint32_t	 link;		/* link number, 0 for none */
	uint8_t		 len;
	uint8_t		 width;		/* columns, 0 to 2 */
	uint8_t		 style;		/* STYLE_* bits from doc.h */
	uint8_t		 role;		/* enum layout_role */
};

struct layout_line {
	const char	*text;
	const struct layout_cell *cells;
	int		 ncells;
	int		 width;		/* columns used: at most the
					   layout's width, but for a line
					   with a URL wider than that (a URL
					   is never broken) and, with
					   code_nowrap, a code line */
	int		 block;		/* the block it belongs to */
};

/* One occurrence of a link, "[n]" included: from cell first_cell of line
 * first_line to cell last_cell of line last_line (inclusive). */
struct layout_span {
	uint32_t	 link;
	int		 first_line;
	int		 first_cell;
	int		 last_line;
	int		 last_cell;
};

/*
 * The most text of one block (a paragraph, a heading, a table cell, a
 * code block) that is laid out, in bytes: what follows is left out and a
 * "[…]" marker (ASCII "[...]") says so.  A feed field can be 16 MiB of
 * unbroken text; laying all of it out would cost some 30 bytes a
 * character, and no reader reads it in one paragraph (issue 17: memory
 * stays a small multiple of the input).
 */
#define LAYOUT_MAX_BLOCK	(1u << 20)

struct layout_opts {
	bool		 ascii;		/* bullets, bars and rules in ASCII */
	int		 max_width;	/* 0: no maximum */
	/*
	 * Code blocks verbatim: each line of a code block is one layout line
	 * holding all of it, however wide (its real width in
	 * layout_line.width), never cut and continued with a mark.  Text
	 * mode sets it (a pager's -S handles the width); a view that sets it
	 * scrolls such lines sideways: layout_max_width says how far, and a
	 * line's block (doc_block(d, line->block)->type == DOC_CODE) says
	 * which lines are code.  Without it a code line wider than the room
	 * is cut, marked, and continued on the next line.
	 */
	bool		 code_nowrap;
};

struct layout;

/* Lay out d at width columns (at least 1; at most opts->max_width if that
 * is set).  opts may be NULL.  The layout refers to nothing in d after the
 * call; laying out again at another width is another call.  The caller
 * frees the result with layout_free. */
struct layout	*layout_new(const struct doc *d, int width,
		    const struct layout_opts *opts);
void		 layout_free(struct layout *);

/* The lines layout_new would make, passed to fn in order, each valid only
 * during the call; for a single pass (text mode) in the memory of one
 * block. */
typedef void	(*layout_line_fn)(const struct layout_line *, void *);
void		 layout_each(const struct doc *d, int width,
		    const struct layout_opts *opts, layout_line_fn fn,
		    void *arg);
/* layout_each a range of blocks at a time, for a document handed out as
 * it is parsed (content_parse_each): blocks [first, end) of d go to fn; the
 * ranges must follow each other from block 0.  The layout only carries
 * what the next block needs (a blank line before it or not); free it
 * with layout_free, use nothing else on it. */
struct layout	*layout_stream_new(int width, const struct layout_opts *opts);
void		 layout_stream(struct layout *, const struct doc *d,
		    int first, int end, layout_line_fn fn, void *arg);

/* The width the layout was made for. */
int		 layout_width(const struct layout *);
/* The width of its widest line (kept, not counted at each call): above
 * layout_width only for a URL wider than the line or, with code_nowrap,
 * a long code line.  A view scrolls sideways as far as this. */
int		 layout_max_width(const struct layout *);
int		 layout_nlines(const struct layout *);
/* Line i (0-based), or NULL when out of range. */
const struct layout_line *layout_line(const struct layout *, int i);

/* The first line of section i (its heading), or -1 when out of range. */
int		 layout_section_line(const struct layout *, int i);
/* Lines [*first, *end) of section i, without the blank lines around it;
 * returns -1 when i is out of range. */
int		 layout_section_range(const struct layout *, int i,
		    int *first, int *end);
/* The first line of block b, and the block of line i (-1 if out of
 * range): keep the reading position across a new layout by mapping the
 * top line to its block and back. */
int		 layout_block_line(const struct layout *, int block);
int		 layout_line_block(const struct layout *, int line);

/* Link occurrences in reading order. */
int		 layout_nspans(const struct layout *);
const struct layout_span *layout_span(const struct layout *, int i);
/* The first span of link number n, or -1 when it does not appear. */
int		 layout_link_span(const struct layout *, uint32_t n);

#endif
