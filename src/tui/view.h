/* view.h - the article's lines, laid out once and kept compactly
 * (internal to the terminal reader).
 *
 * A layout (layout.h) keeps a dozen bytes and more for every character;
 * a view keeps the same lines in about a quarter of that: each line's
 * text, one byte of length and width per character, and runs of style,
 * role and link.  It is filled block by block through layout_each, and a
 * line is expanded back into layout cells only when it is drawn. */
#ifndef MN_TUI_VIEW_H
#define MN_TUI_VIEW_H

#include <stddef.h>

#include "doc.h"
#include "layout.h"

struct view;

/* Lay d out at width columns as layout_new would and keep the lines.  The
 * view refers to nothing in d afterwards; the caller frees it with
 * view_free. */
struct view	*view_new(const struct doc *d, int width,
		    const struct layout_opts *opts);
void		 view_free(struct view *);

/* As layout_width, layout_nlines. */
int		 view_width(const struct view *);
int		 view_nlines(const struct view *);
/* Line i with its cells, as layout_line; the line and its cells are the
 * view's and stay valid until the next view_line call.  NULL when out of
 * range. */
const struct layout_line *view_line(struct view *, int i);
/* The bytes of line i's cells, one after the other (not terminated), and
 * their number in *len; NULL when out of range. */
const char	*view_text(const struct view *, int i, size_t *len);
/* As layout_line_block, layout_block_line and layout_section_range. */
int		 view_line_block(const struct view *, int line);
int		 view_block_line(const struct view *, int block);
int		 view_section_range(const struct view *, int i, int *first,
		    int *end);

/* Plain text (a title) wrapped at width columns into at most max lines,
 * the last holding the rest: see view.c.  The caller frees each line and
 * *lines. */
int		 view_wrap(const char *s, int width, int max, char ***lines);

#endif
