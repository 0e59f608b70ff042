/* text.h - text mode: an issue as plain or ANSI-styled text, with a
 * header and a References list of its numbered links. */
#ifndef MN_TEXT_H
#define MN_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "feed.h"
#include "layout.h"

struct text_opts {
	int		 width;		/* columns; 80 when <= 0 */
	bool		 color;		/* ANSI styles; the caller decides
					   (--color, isatty, NO_COLOR) */
	bool		 ascii;		/* ASCII bullets, bars and rules */
	bool		 hyperlinks;	/* OSC 8 hyperlinks around link text
					   (http, https and mailto only) */
	const char	*section;	/* only sections whose name contains
					   this, ignoring case; NULL for all */
	bool		 links_only;	/* only the numbered links */
	bool		 no_header;	/* leave out title, date, author */
	bool		 no_references;	/* leave out the References list */
};

/* Render an issue's content to out: a header (title, date YYYY-MM-DD,
 * author, link), the body (or the sections matching opts->section), and a
 * References list of the links they contain.  Returns 0, or -1 with an
 * allocated *cause (content that cannot be parsed, no section matching,
 * a write error). */
int	 text_print_issue(FILE *out, const struct issue *,
	    const struct text_opts *, char **cause);

/* Write lines [first, end) of a layout to out, each followed by a
 * newline; with color, every line opens and closes its own styles. */
void	 text_print_lines(FILE *out, const struct layout *, int first,
	    int end, bool color);

/* The SGR parameters ("1;34") for a cell's style and role, written into
 * buf (at least 32 bytes); empty for plain text. */
void	 text_sgr(char *buf, unsigned int style, unsigned int role);

#endif
