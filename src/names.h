/* names.h - the reader's actions, colour roles and key contexts, with the
 * names the configuration file gives them.
 *
 * The configuration (conf.c) checks the names it reads against these
 * lists and keeps them as names; the reader (tui/) resolves them here.
 * So a name cannot be accepted by one and unknown to the other.  This
 * header needs no curses.
 */
#ifndef MN_NAMES_H
#define MN_NAMES_H

#include <stddef.h>

/*
 * NOTE: order carries meaning.  The actions are listed in the help
 * overlay in this order, and both lists are listed in this order in the
 * configuration's error messages.
 */
#define TUI_ACTIONS(X) \
	X(DOWN, "down") \
	X(UP, "up") \
	X(PAGE_DOWN, "page-down") \
	X(PAGE_UP, "page-up") \
	X(TOP, "top") \
	X(BOTTOM, "bottom") \
	X(OPEN, "open") \
	X(FIND_NEXT, "find-next") \
	X(FIND_PREV, "find-prev") \
	X(NEXT_ISSUE, "next-issue") \
	X(PREV_ISSUE, "prev-issue") \
	X(NEXT_SECTION, "next-section") \
	X(PREV_SECTION, "prev-section") \
	X(DIGIT, "digit") \
	X(CONTINUOUS, "whole") \
	X(LINKS, "links") \
	X(OPEN_LINK, "open-link") \
	X(SEARCH, "search") \
	X(REFRESH, "refresh") \
	X(TOGGLE_READ, "toggle-read") \
	X(MARK_ALL_READ, "mark-all-read") \
	X(NEXT_UNREAD, "next-unread") \
	X(PREV_UNREAD, "prev-unread") \
	X(UNREAD_ONLY, "unread-only") \
	X(MARK_EVERYTHING_READ, "mark-everything-read") \
	X(NEXT_FEED, "next-feed") \
	X(PREV_FEED, "prev-feed") \
	X(PIPE, "pipe") \
	X(SAVE, "save") \
	X(YANK, "yank") \
	X(EVENTS, "events") \
	X(SCROLL_LEFT, "scroll-left") \
	X(SCROLL_RIGHT, "scroll-right") \
	X(LIST_WIDER, "list-wider") \
	X(LIST_NARROWER, "list-narrower") \
	X(EXPORT, "export") \
	X(FEEDS, "feeds") \
	X(MESSAGES, "messages") \
	X(HELP, "help") \
	X(CANCEL, "cancel") \
	X(REDRAW, "redraw") \
	X(QUIT, "quit")

#define TUI_ACTION_ENUM(id, name)	ACT_##id,
enum action {
	ACT_NONE,
	TUI_ACTIONS(TUI_ACTION_ENUM)
	ACT_COUNT
};

/* Colour roles: what the panes draw (draw.c holds their themes).
 * selected: the selection in the focused pane; selected-unfocused: in the
 * others. */
#define TUI_ROLES(X) \
	X(HEADING, "heading")		/* headings in the article */ \
	X(LINK, "link")			/* link text */ \
	X(LINKNUM, "linknum")		/* the [n] after a link */ \
	X(QUOTE, "quote")		/* the bar of quoted text */ \
	X(CODE, "code")			/* code and its gutter */ \
	X(MARKER, "marker")		/* list bullets, numbers */ \
	X(RULE, "rule")			/* horizontal rules */ \
	X(TABLE, "table")		/* table borders */ \
	X(HEADER, "article-title")	/* the article's title */ \
	X(META, "meta")			/* date, author, link below */ \
	X(MATCH, "match")		/* find results */ \
	X(UNREAD, "unread")		/* the unread mark */ \
	X(NEW, "new")			/* the new mark */ \
	X(DATE, "date")			/* dates in the list */ \
	X(FEED, "feed")			/* the feed column */ \
	X(SELECTED, "selected") \
	X(SELECTED_DIM, "selected-unfocused") \
	X(TITLEBAR, "title")		/* the title bar */ \
	X(STATUS, "status")		/* the status line */ \
	X(ERROR, "error")		/* errors on the status line */ \
	X(TAB, "tab")			/* section tabs */ \
	X(TAB_ACTIVE, "tab-active")	/* the section shown */ \
	X(HOST, "host")			/* hosts in the link pane */ \
	X(BORDER, "border")		/* separators, help box */ \
	X(NORMAL, "normal")		/* everything else */

#define TUI_ROLE_ENUM(id, name)		R_##id,
enum role {
	TUI_ROLES(TUI_ROLE_ENUM)
	R_COUNT
};

/* Where a binding applies; the focused pane's context is tried first, then
 * CTX_ANY. */
#define CTX_ISSUES	0x01
#define CTX_ARTICLE	0x02
#define CTX_LINKS	0x04
#define CTX_ANY		0x08

/* The action, role or context a name stands for: ACT_NONE, -1 or 0 when
 * it is not one. */
enum action names_action(const char *);
int	 names_role(const char *);
int	 names_context(const char *);
/* The name of an action (ACT_NONE: NULL) or a role. */
const char *names_action_name(enum action);
const char *names_role_name(enum role);
/* Every name of one kind, in order, for messages: n receives their
 * number. */
const char *const *names_actions(size_t *n);
const char *const *names_roles(size_t *n);
const char *const *names_contexts(size_t *n);

#endif
