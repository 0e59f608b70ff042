/* layout_int.h - what the files of the layout module share: the layout
 * being built, the wrapping state and the cell storage.  Nothing outside
 * src/layout*.c includes it. */
#ifndef MN_LAYOUT_INT_H
#define MN_LAYOUT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "layout.h"
#include "util.h"

#define MAX_PREFIX	(DOC_MAX_DEPTH * 3)
#define TAB_STOP	8

/* Glyphs: UTF-8 and ASCII. */
struct glyphs {
	const char	*bullet[3];
	const char	*quote;
	const char	*code;
	const char	*rule;
	const char	*rule2;		/* under level 1 headings */
	const char	*vbar;		/* table */
	const char	*cross;
	const char	*cut;		/* a code line continues */
	const char	*wide;		/* stands for a character too wide */
	const char	*more;		/* a block's text goes on unshown */
};

/* A cell of a prefix (gutter, marker or indentation). */
struct pcell {
	const char	*s;
	uint8_t		 len;
	uint8_t		 role;
};

struct prefix {
	struct pcell	 c[MAX_PREFIX];
	int		 n;
};

/* Cells taken off a line to be put back elsewhere. */
struct saved {
	struct layout_cell *c;
	size_t		 n, cap;
	struct buf	 b;
};

struct line {
	size_t		 cell;		/* first cell */
	size_t		 text;		/* first byte */
	int		 ncells;
	int		 width;
	int		 block;
};

struct layout {
	int		 width;
	int		 maxw;		/* the widest line (layout_new) */
	const struct glyphs *g;
	bool		 code_nowrap;	/* layout_opts.code_nowrap */

	struct line	*lines;
	size_t		 nlines, caplines;
	struct layout_line *pub;
	struct layout_cell *cells;
	size_t		 ncells, capcells;
	struct buf	 text;

	int		*block_line;
	int		 nblocks;
	int		*section_line;
	int		*section_block;
	int		 nsections;
	struct layout_span *spans;
	size_t		 nspans, capspans;

	struct saved	 saved;
	size_t		 done;		/* lines already handed out */
	struct layout	**pool;		/* table cells' layouts, kept */
	size_t		 npool;

	/* The line being built. */
	size_t		 ls, ts;	/* its first cell and byte */
	int		 lw;		/* its width */
	int		 block;
};

/*
 * Wrapping state for one block of inline text.  Cells go straight into
 * the layout; a word that turns out not to fit is moved to a new line.
 */
struct wrap {
	struct layout	*L;
	int		 avail;		/* columns for text */
	const struct prefix *first, *cont;
	bool		 started;	/* a line is open */
	size_t		 cs;		/* first text cell of the line */
	int		 tw;		/* width of the text on the line */
	bool		 inword;
	size_t		 ws;		/* first cell of the word */
	int		 ww;		/* its width */
	size_t		 sp;		/* the space before it, or SIZE_MAX */
	uint32_t	 prevcp;	/* last character added */
	unsigned int	 gstate;	/* for utf8_joins */
	bool		 subst;		/* the last cell stands for a
					   character too wide */
	uint8_t		 style, role;	/* for the text added next */
	uint32_t	 link;
	size_t		 left;		/* bytes of text the block may
					   still lay out */
	bool		 cut;		/* it had more: the rest goes */
};

/* Storage: inline, as they are the inner loop of a layout. */

/* Make room for n more cells and their bytes (at most 4 each). */
static inline void
reserve(struct layout *L, size_t n)
{
	if (L->ncells + n > L->capcells) {
		while (L->ncells + n > L->capcells)
			L->capcells = L->capcells ? L->capcells * 2 : 1024;
		L->cells = xreallocarray(L->cells, L->capcells,
		    sizeof *L->cells);
	}
	if (L->text.len + n * 4 + 1 > L->text.cap)
		buf_grow(&L->text, n * 4 + 1);
}

static inline struct layout_cell *
add_cell(struct layout *L, const char *s, size_t n, int w, uint8_t style,
    uint8_t role, uint32_t link)
{
	struct layout_cell *c;

	reserve(L, 1);
	if (n > 4)
		buf_grow(&L->text, n);
	c = &L->cells[L->ncells++];
	c->off = (uint32_t)(L->text.len - L->ts);
	c->link = link;
	c->len = (uint8_t)n;
	c->width = (uint8_t)w;
	c->style = style;
	c->role = role;
	memcpy(L->text.data + L->text.len, s, n);
	L->text.len += n;
	L->lw += w;
	return c;
}

static inline int
prefix_width(const struct prefix *p)
{
	return p->n;
}

void	 line_begin(struct layout *);
void	 line_end(struct layout *);
void	 add_prefix(struct layout *, const struct prefix *);
void	 wrap_init(struct wrap *, struct layout *, int avail,
	    const struct prefix *first, const struct prefix *cont);
void	 wrap_open(struct wrap *);
void	 wrap_char(struct wrap *, uint32_t cp, const char *s, size_t n,
	    int cw, bool brk);
void	 wrap_space(struct wrap *);
void	 wrap_end(struct wrap *);
void	 lay_runs(struct layout *, struct wrap *, const struct doc *,
	    int first, int n, uint8_t style, uint8_t role);
int	 linknum(char *num, uint32_t n);
/* Whether a word that begins with s[0..n) is a URL (never broken). */
bool	 looks_like_url(const char *s, size_t n);

/* layout_table.c: a table block, fitted to the width. */
void	 lay_table(struct layout *, const struct doc *,
	    const struct doc_block *, const struct prefix *first,
	    const struct prefix *cont);

#endif
