/* conf.h - the configuration file: feeds, browser and pager, colours,
 * keys, text width, network limits, cache path.
 *
 * The file is read line by line.  Blank lines and lines whose first
 * non-blank character is '#' are ignored; every other line is a keyword
 * and its value, separated by blanks:
 *
 * feed URL [NAME]       a feed to refresh (http, https, file URL or a
 *                       path); NAME is the rest of the line
 * browser COMMAND       the browser for links (default: $BROWSER, else
 *                       xdg-open); "%s" stands for the link
 * browser-terminal yes|no  that browser runs in the terminal (default no)
 * pager COMMAND         the pager for '|' (default: $PAGER, else less -R)
 * color ROLE FG [BG] [ATTR...]  the colours of a role of the reader
 * bind KEY ACTION [CONTEXT]  KEY does ACTION (in CONTEXT: list, article,
 *                       links or all; default: where ACTION applies)
 * unbind KEY [CONTEXT]  KEY does nothing (in CONTEXT)
 * width N               the widest text is laid out (default 100; 0: no
 *                       limit)
 * refresh-on-start yes|no  the reader refreshes when it starts (default
 *                       yes)
 * show-unread-only yes|no  the reader lists only unread issues (default
 *                       no; "U" toggles it)
 * article-view section|whole  how the reader shows an issue at first
 *                       (default section; "v" toggles it)
 * notify-program COMMAND  run after a refresh that found new issues, with
 *                       their titles as arguments (never through a shell)
 * bell yes|no           the reader beeps when a refresh finds new issues
 *                       (default no)
 * timeout-connect SECS  give up connecting after SECS (default 10)
 * timeout-stall SECS    give up when a transfer moves fewer than 64
 *                       bytes a second for SECS (default 30)
 * timeout-total SECS    give up on a transfer after SECS (default 300)
 * max-size SIZE         largest response accepted: bytes with an
 *                       optional K, M or G suffix (powers of 1024;
 *                       default 64M)
 * cache PATH            the cache database
 *
 * A leading "~/" in a path stands for $HOME.  Any other line, or a bad
 * value, is an error naming the file, the line and the values accepted.
 * See mesosnews.conf(5).  (The module is "conf" because "config.h" is
 * autoconf's.)
 */
#ifndef MN_CONF_H
#define MN_CONF_H

#include <stdbool.h>
#include <stddef.h>

struct fetch_limits;

#define CONF_DEFAULT_FEED "https://mesos.apache.org/blog/feed.xml"
/* The default of "width". */
#define CONF_DEFAULT_WIDTH 100

/* Keys as "bind" names them: a character is its code point; keys that are
 * not characters take these values. */
enum conf_key {
	CONF_KEY_ENTER = 0x110000,	/* also ^M and ^J */
	CONF_KEY_BACKSPACE,		/* also ^H and ^? */
	CONF_KEY_BTAB,			/* Shift-Tab */
	CONF_KEY_UP,
	CONF_KEY_DOWN,
	CONF_KEY_LEFT,
	CONF_KEY_RIGHT,
	CONF_KEY_PGUP,
	CONF_KEY_PGDN,
	CONF_KEY_HOME,
	CONF_KEY_END,
	CONF_KEY_INSERT,
	CONF_KEY_DELETE,
	CONF_KEY_F1,			/* F1 to F12 follow */
};
#define CONF_KEY_F(n)	(CONF_KEY_F1 + (n) - 1)

/* A "bind" line (action is its name) or an "unbind" line (action is
 * NULL).  context is the name of where it applies, or NULL: where the
 * action applies by default (bind), everywhere (unbind).  The names are
 * those of names.h, checked; the reader resolves them. */
struct conf_bind {
	int		 key;		/* code point or CONF_KEY_* */
	const char	*action;
	const char	*context;
};

/* Attributes of a "color" line. */
#define CONF_ATTR_BOLD		0x01
#define CONF_ATTR_UNDERLINE	0x02
#define CONF_ATTR_REVERSE	0x04
#define CONF_ATTR_DIM		0x08
#define CONF_ATTR_ITALIC	0x10

/* A role's colours: -1 is the terminal's default, 0 to 7 black, red,
 * green, yellow, blue, magenta, cyan and white, 8 to 15 their bright
 * variants, up to 255 the rest of a 256-colour palette. */
struct conf_color {
	bool		 set;		/* a "color" line names it */
	short		 fg, bg;
	unsigned	 attrs;		/* CONF_ATTR_* */
};

struct conf;

/* A configuration holding the defaults and no feeds.  The caller frees it
 * with conf_free. */
struct conf *conf_new(void);
/* Read path into cfg.  A missing file is not an error when must_exist is
 * false.  Returns 0, or -1 with an allocated *cause ("FILE:LINE: reason"
 * or "FILE: reason"); cfg is then unchanged. */
int	 conf_load(struct conf *cfg, const char *path, bool must_exist,
	    char **cause);
void	 conf_free(struct conf *);

/* $XDG_CONFIG_HOME/mesosnews/config (or ~/.config/...); the caller frees
 * it.  NULL when neither variable is set. */
char	*conf_default_path(void);
/* $XDG_CACHE_HOME/mesosnews/cache.db (or ~/.cache/...); the caller frees
 * it.  NULL when neither variable is set. */
char	*conf_default_cache(void);

/* The number of configured feeds, and the URL and name (NULL when none)
 * of feed i.  The strings belong to cfg. */
size_t	 conf_nfeeds(const struct conf *);
const char *conf_feed_url(const struct conf *, size_t i);
const char *conf_feed_name(const struct conf *, size_t i);
/* Where feed i's Markdown posts are published ("base-url=" on its line),
 * or NULL: then conf_base_url. */
const char *conf_feed_base_url(const struct conf *, size_t i);
/* Add a feed as a "feed" line would; duplicates are ignored. */
void	 conf_add_feed(struct conf *, const char *url, const char *name);
/* The cache path from the file, or NULL; owned by cfg. */
const char *conf_cache(const struct conf *);
/* The network limits (timeouts and size cap). */
const struct fetch_limits *conf_limits(const struct conf *);

/* The browser and pager commands, or NULL; owned by cfg. */
const char *conf_browser(const struct conf *);
bool	 conf_browser_terminal(const struct conf *);
const char *conf_pager(const struct conf *);
/* The site Markdown posts are published at ("base-url"), or NULL: with
 * their front matter's permalink it makes their links absolute. */
const char *conf_base_url(const struct conf *);
/* The columns of the reader's list beside the article ("list-width"),
 * or 0 for its default. */
int	 conf_list_width(const struct conf *);
/* The words ("event-headings") a section heading names events by,
 * NULL-terminated, or NULL for the defaults (events.h). */
const char *const *conf_event_words(const struct conf *);
/* The text width limit; 0 for none. */
int	 conf_width(const struct conf *);
bool	 conf_refresh_on_start(const struct conf *);
/* The reader's habits: show-unread-only, article-view whole, bell; and
 * the notify-program command, or NULL (owned by cfg). */
bool	 conf_unread_only(const struct conf *);
bool	 conf_whole_view(const struct conf *);
bool	 conf_bell(const struct conf *);
const char *conf_notify_program(const struct conf *);
/* The colours of the role with this name (names.h); set is false when no
 * line names it. */
const struct conf_color *conf_color(const struct conf *, const char *role);
/* The "bind" and "unbind" lines in the order they were read; the binding
 * belongs to cfg. */
size_t	 conf_nbinds(const struct conf *);
const struct conf_bind *conf_bind(const struct conf *, size_t i);

/* Parse a key name as "bind" takes it ("j", "^L", "Enter", "PgDn", "F1").
 * Returns 0 and sets *key, or -1. */
int	 conf_parse_key(const char *s, int *key);

/* Parse a size such as "64M" or "1048576".  Returns 0 and sets *out, or
 * -1 when s is not a size. */
int	 conf_parse_size(const char *s, size_t *out);

#endif
