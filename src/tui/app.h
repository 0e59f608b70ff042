/* app.h - state the panes of the terminal reader share (internal). */
#ifndef MN_TUI_APP_H
#define MN_TUI_APP_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "names.h"
#include "tui.h"

struct conf;
struct doc;
struct issue;
struct library;
struct library_entry;
struct view;

/* Below this the screen only says it is too small: at 20x5 a list row
 * still shows a date and the start of a title, an article a line of
 * text between its tab line and the status line. */
#define TUI_MIN_COLS	20
#define TUI_MIN_ROWS	5
/* From this width on, list and article sit side by side. */
#define TUI_WIDE_COLS	100

/* The messages the overlay keeps. */
#define APP_MESSAGES	20

/* A key: a character, or a curses function key offset by KEY_FUNC. */
#define KEY_FUNC	0x200000
#define KEYF(k)		(KEY_FUNC + (k))
#define KEY_CTRL(c)	((c) & 0x1f)
#define KEY_ESC		0x1b

/* One binding of the key table (keys.c). */
struct binding {
	int		 key;
	int		 ctx;		/* CTX_* bits */
	enum action	 act;
};

struct rect {
	int		 y, x, h, w;
};

struct app;
struct pane;

/*
 * A pane: a part of the screen with its own drawing, keys, mouse and
 * geometry, in the manner of tmux's window modes.  The loop redraws a
 * pane when it is dirty, hands the focused pane the actions its keys
 * make (the global ones when it declines), and the pane under the pointer
 * its mouse events.  An op may be NULL: the pane has no such thing.
 */
struct pane_ops {
	const char	*name;
	int		 ctx;		/* the key context, CTX_* */
	void		(*draw)(struct app *, struct pane *);
	/* true when the action meant something here */
	bool		(*key)(struct app *, struct pane *, enum action,
			    int key);
	void		(*mouse)(struct app *, struct pane *, int y, int x,
			    mmask_t);
	/* The pane's rectangle changed (or its content did). */
	void		(*relayout)(struct app *, struct pane *);
};

/* NOTE: order carries meaning: panes are drawn in this order (later ones
 * over earlier ones), and the mouse goes to the last one under it. */
enum pane_id {
	PANE_TITLE,
	PANE_LIST,
	PANE_ARTICLE,
	PANE_LINKS,
	PANE_STATUS,
	PANE_COUNT
};

struct pane {
	const struct pane_ops *ops;
	struct rect	 r;		/* empty (h 0) when not shown */
	bool		 dirty;
};

/* The panes' ops (issues.c, article.c, links.c, status.c,
 * eventsview.c, feedsview.c);
 * the events and feed views take the list's place while open. */
extern const struct pane_ops issues_pane, article_pane, links_pane,
	    title_pane, status_pane, events_pane, feeds_pane;

/*
 * Each pane's own state.  The list pane (issues.c) owns the list, the
 * article pane (article.c) the open issue and the link pane (links.c) its
 * selection; other parts of the reader read them (the status line shows
 * the counts) but change them only through the owner's functions below.
 */
struct list_state {
	size_t		*shown;		/* indices into the library's list */
	size_t		 nshown;
	char		*search;	/* the list shows these results */
	size_t		 sel, top;	/* in shown */
	size_t		 total, unread;	/* in the shown feeds */
	bool		 unread_only;	/* read issues are left out (but for
					   the one selected when it was set) */
};

struct article_state {
	struct issue	*issue;
	int64_t		 issue_id;	/* its library key; 0: none */
	struct doc	*doc;
	struct view	*view;		/* the doc laid out for the pane */
	int		 nsections;	/* at least 1 while an issue is open */
	int		 section;	/* shown in section view */
	int		*sec_top;	/* each section's own scroll position */
	bool		 continuous;	/* the whole issue in one pane */
	int		 atop;		/* first body line on screen */
	int		 hscroll;	/* columns wide lines are scrolled */
	char		*find;		/* text searched in the article */
	int		 find_line;	/* line of the current match, or -1 */
	int		 pending;	/* link number being typed, or -1 */
};

struct links_state {
	bool		 open;
	int		 sel, top;	/* 0-based link index */
};

struct app {
	const struct tui_opts *opts;
	struct library	*lib;		/* the issues */
	int		 feed_filter;	/* the one source shown, or -1 for
					   all */
	bool		 ascii;

	struct list_state list;
	struct article_state art;
	struct links_state links;

	/* Screen. */
	int		 rows, cols;
	bool		 wide, too_small;
	struct pane	 pane[PANE_COUNT];
	enum pane_id	 focus;		/* PANE_LIST, _ARTICLE or _LINKS */
	bool		 help;		/* the help overlay covers them */
	bool		 help_msgs;	/* it shows the messages, not keys */
	int		 help_top;
	bool		 d_all;		/* everything is to be drawn */
	int		 list_cols;	/* the list's width side by side, or 0
					   for the default */

	/* Status line. */
	char		*msg;		/* sanitised */
	bool		 msg_error;
	/* The last messages, oldest first: one cut on the status line can
	 * be read whole in the overlay. */
	char		*msgs[APP_MESSAGES];
	int		 nmsgs;
	/* The cache's notice (a damaged one moved aside), said until the
	 * first refresh has ended too, or NULL. */
	const char	*notice;

	bool		 quit;
};

/* app.c */
void	 app_message(struct app *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	 app_layout(struct app *);
/* Set the read flag of the issue at index i of the library's list
 * without freezing the reader: if another process is writing, the change
 * is queued and the loop writes it when the cache is free.  Returns 0,
 * or -1 after saying why on the status line. */
int	 app_mark_read(struct app *, size_t i, bool read);
/* The link of the issue at index i of the library's list (allocated),
 * or NULL after saying why (it cannot be read, it has none). */
char	*app_issue_link(struct app *, size_t i);
/* Open url in the browser and say what happened on the status line. */
void	 app_browse(struct app *, const char *url);
void	 app_suspend(void);
void	 app_resume(void);
struct app *app_current(void);

/* keys.c */
/* The default key table, then the "bind" and "unbind" lines of cfg (which
 * may be NULL) applied in order. */
void	 keys_configure(const struct conf *cfg);
/* The default key table. */
void	 keys_reset(void);
/* Bind key (a curses code as KEYF gives, or a character) to act in the
 * contexts ctx (0: the contexts act has by default), in front of the
 * default bindings; the key's other bindings there are removed. */
void	 keys_bind(int key, enum action act, int ctx);
/* Remove the bindings of key in the contexts ctx (0: everywhere). */
void	 keys_unbind(int key, int ctx);
/* The table in force and its length; it changes with the calls above. */
const struct binding *keys_table(size_t *n);
/* The action bound to key in the context, the n-th one (0 first) when
 * several are; ACT_NONE when there are no more. */
enum action keys_lookup(int key, int ctx, size_t n);
const char *keys_action_help(enum action);
/* The printable name of a key ("j", "Enter", "PgDn", "↓"). */
void	 keys_name(int key, bool ascii, char *out, size_t len);
/* The name of the first key bound to act in the context ctx, or "?" when
 * there is none: for messages that name a key. */
void	 keys_first(enum action act, int ctx, bool ascii, char *out,
	    size_t len);
/* "key:hint  key:hint ..." for the status line of a context; the caller
 * frees it. */
char	*keys_hints(int ctx, bool ascii);
/* The same for the events or feed view, where q goes back. */
char	*keys_view_hints(bool ascii);
/* The keys bound to act, e.g. "j ↓", or "0–9" for a run; the caller frees
 * it. */
char	*keys_for_action(enum action, int *ctx, bool ascii);
/* The same without the keys an earlier binding gives another action
 * there ('n': a find's next match before the next issue): what the help
 * lists, each key once. */
char	*keys_for_help(enum action, int *ctx, bool ascii);

/* draw.c */
/* Choose the theme: none (monochrome) for TUI_COLOR_NEVER, on terminals
 * without colours and, unless TUI_COLOR_ALWAYS, when $NO_COLOR is set;
 * else the theme for the terminal's colours with cfg's (may be NULL)
 * "color" lines laid over it. */
void	 draw_init(enum tui_color, bool ascii, const struct conf *cfg);
attr_t	 draw_attr(enum role);
short	 draw_pair(enum role);
/* Put s (sanitised UTF-8) at y, x cut to w columns with an ellipsis and
 * padded with spaces to w when pad is set.  Returns the columns used. */
int	 draw_text(int y, int x, int w, const char *s, enum role, bool pad);
/* The same with explicit attributes added to the role's. */
int	 draw_text_attr(int y, int x, int w, const char *s, enum role,
	    attr_t extra, bool pad);
void	 draw_fill(int y, int x, int w, enum role);
/* Scroll a list of h rows on screen so that row sel shows: *top is the
 * first row shown. */
void	 draw_follow(size_t sel, size_t *top, size_t h);
const char *draw_glyph(const char *utf8, const char *ascii);
/* Put one character cluster (wc[0 .. n), base and combining marks; room
 * for a terminating L'\0' at wc[n]) of width columns at the cursor; in
 * ASCII mode (a locale that is not UTF-8), transliterated to ASCII. */
void	 draw_cluster(wchar_t *wc, int n, int width, attr_t, short pair);

/* issues.c: the list pane. */
/* Read the list: the first limit issues (0: all), keeping the selection
 * on the same issue. */
void	 issues_load(struct app *, size_t limit);
/* Read the whole list again (after a refresh), keeping the selection and
 * any search. */
void	 issues_reload(struct app *);
/* Read the rest of a list shown from its first page. */
void	 issues_load_all(struct app *);
/* Whether an issue belongs to what the list shows (the one feed). */
bool	 issues_entry_shown(const struct app *, const struct library_entry *);
/* The entry shown at index i of the list, or NULL. */
struct library_entry *issues_shown(const struct app *, size_t i);
/* Show one feed (index in feeds) or all of them (-1), keeping any search
 * and the selection when it is still shown. */
void	 issues_set_feed(struct app *, int filter);
/* The number of feeds the list can show one at a time (0 or 1: no feed
 * column, no filter). */
size_t	 issues_nfeeds(const struct app *);
void	 issues_scroll_to_sel(struct app *);
/* Show the issues matching q, best first; quiet: no status message. */
void	 issues_search(struct app *, const char *q, bool quiet);
/* The index in the list of the next (dir 1) or previous (-1) unread
 * issue after the selection, going round the list once; (size_t)-1 when
 * no other issue shown is unread.  *wrapped tells whether it went
 * round. */
size_t	 issues_next_unread(const struct app *, int dir, bool *wrapped);
/* Select the issue with this key, in the list even if the filter would
 * leave it out; false when the list has no such issue. */
bool	 issues_select_key(struct app *, int64_t key);
/* Leave read issues out of the list, or show them again. */
void	 issues_set_unread_only(struct app *, bool);

/* article.c: the article pane. */
/* Open the issue at index shown_index of the list (marking it read), or
 * close the open one.  The view (sections or the whole issue) stays as it
 * is. */
void	 article_open(struct app *, size_t shown_index);
/* Close the open issue, keeping where it was read (library_place_set). */
void	 article_close(struct app *);
/* Leaving the reader: keep the issue on screen as the last place, or the
 * one selected in the list, and close. */
void	 article_quit(struct app *);
/* Starting: select the issue of the last place kept, and open it where
 * it was, in its view, if it was open. */
void	 article_restore(struct app *);
bool	 article_key(struct app *, enum action, int key);
/* Open the next (dir 1) or previous (-1) unread issue, or say there is
 * none. */
void	 article_other_unread(struct app *, int dir);
void	 article_relayout(struct app *);
void	 article_find(struct app *, const char *);
/* Scroll the open article to block b (its section shown). */
void	 article_show_block(struct app *, int b);
int	 article_body_height(const struct app *);
/* The section on screen. */
int	 article_section(const struct app *);

/* links.c */
void	 links_open(struct app *, int n);
void	 links_show(struct app *, bool);

/* help.c */
void	 help_draw(struct app *);
bool	 help_key(struct app *, enum action, int key);

/* status.c: the rows the status line takes (one, or in the link pane
 * as many as the selected link's whole URL needs). */
int	 status_rows(const struct app *);

/* prompt.c: a line editor on the status line.  done is called with the
 * text typed, or NULL when the prompt was cancelled. */
typedef void (*prompt_fn)(struct app *, const char *);
void	 prompt_start(struct app *, const char *label, prompt_fn done);
bool	 prompt_active(const struct app *);
/* Handle a key while the prompt is active. */
void	 prompt_key(struct app *, int key);
void	 prompt_draw(struct app *);
void	 prompt_cancel(struct app *);

/* keep.c: yank the link's (or the issue's) URL with OSC 52; save the
 * issue to a file named at a prompt. */
void	 keep_yank(struct app *);
void	 keep_save(struct app *);

/* eventsview.c: every event of every issue, by month, upcoming
 * first. */
void	 events_view_open(struct app *);
void	 events_view_close(struct app *);
bool	 events_view_shown(const struct app *);

/* announce.c: after a refresh, the bell and the notify-program for the
 * issues it added (the list read again first). */
void	 announce_new(struct app *);

/* feedsview.c: every feed, with its unread and total issues and its
 * last error; choosing one shows its issues alone. */
void	 feeds_view_open(struct app *);
void	 feeds_view_close(struct app *);
bool	 feeds_view_shown(const struct app *);

/* pager.c */
/* Pipe the issue at index i of the library's list, rendered as text,
 * into the pager. */
void	 pager_pipe(struct app *, size_t i);

#endif
