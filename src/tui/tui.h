/* tui.h - the terminal reader: issue list, sectioned article, link pane. */
#ifndef MN_TUI_H
#define MN_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "library.h"

struct conf;

enum tui_color {
	TUI_COLOR_AUTO,		/* colours if the terminal has them and
				   $NO_COLOR is unset or empty */
	TUI_COLOR_NEVER,	/* monochrome: bold, reverse, underline */
	TUI_COLOR_ALWAYS,	/* colours even with $NO_COLOR */
};

struct tui_opts {
	/* The feeds shown and refreshed, and the cache (required); the
	 * reader reads every source through the cache (it sets
	 * cache_local).  offline: show the cache, never refresh;
	 * configured: when the cache holds nothing of the configured feeds
	 * and they cannot be fetched (or offline), the bundled sample is
	 * shown instead. */
	struct library_opts lib;
	/* Refresh when starting (a cache holding none of the sources is
	 * refreshed regardless). */
	bool		 refresh_on_start;
	bool		 ascii;		/* ASCII decorations only */
	enum tui_color	 color;
	const char	*browser;	/* browser command from the config, or
					   NULL for $BROWSER / xdg-open */
	bool		 browser_terminal; /* that browser runs in the tty */
	const char	*pager;		/* NULL: $PAGER, else "less -R" */
	int		 width;		/* the widest text laid out,
					   or 0 */
	int		 list_width;	/* columns of the list beside the
					   article, or 0: two fifths */
	bool		 unread_only;	/* list only unread issues at first */
	bool		 whole_view;	/* show the whole issue at first */
	const char	*notify;	/* run with new issues' titles, or
					   NULL */
	bool		 bell;		/* beep on new issues */
	const struct conf *conf;	/* key bindings and colours, or NULL */
};

/*
 * Run the reader on the terminal (stdin and stdout must be one) until the
 * user quits: paint the cached issues of opts->sources at once, refresh
 * them in the background unless opts->offline.  Returns 0, or -1 with an
 * allocated *cause (the terminal is restored first).
 */
int	 tui_run(const struct tui_opts *opts, char **cause);

#endif
