/* conf.c - the line-oriented configuration file (see conf.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "conf.h"
#include "fetch.h"
#include "names.h"
#include "utf8.h"
#include "uri.h"
#include "util.h"

struct feed_entry {
	char			*url;
	char			*name;
	char			*base_url;	/* of its Markdown posts */
};

struct conf {
	struct feed_entry	*feeds;
	size_t			 nfeeds;
	char			*cache;
	char			*base_url;	/* of Markdown posts */
	char			**event_words;	/* NULL-terminated, or NULL */
	struct fetch_limits	 limits;
	char			*browser;
	bool			 browser_terminal;
	char			*pager;
	int			 width;
	int			 list_width;	/* 0: the reader's default */
	bool			 refresh_on_start;
	/* The reader's daily habits. */
	bool			 unread_only;	/* show-unread-only */
	bool			 whole_view;	/* article-view whole */
	char			*notify;	/* notify-program */
	bool			 bell;
	struct conf_color	 colors[R_COUNT];
	struct conf_bind	*binds;
	size_t			 nbinds;
};

/* NOTE: indexed by colour number. */
static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};
#define COLOURS_HELP "default, black, red, green, yellow, blue, magenta, " \
	"cyan, white, brightblack to brightwhite, 0 to 255"

static const struct {
	const char	*name;
	unsigned	 attr;
} attr_names[] = {
	{ "bold",	CONF_ATTR_BOLD },
	{ "underline",	CONF_ATTR_UNDERLINE },
	{ "reverse",	CONF_ATTR_REVERSE },
	{ "dim",	CONF_ATTR_DIM },
	{ "italic",	CONF_ATTR_ITALIC },
};
#define ATTRS_HELP "bold, underline, reverse, dim, italic"

#define KEYS_HELP "a character, ^X, Space, Enter, Tab, S-Tab, Esc, " \
	"Backspace, Up, Down, Left, Right, PgUp, PgDn, Home, End, Insert, " \
	"Delete, F1 to F12"

#define SETTINGS_HELP "feed, browser, browser-terminal, pager, color, " \
	"bind, unbind, width, refresh-on-start, show-unread-only, " \
	"article-view, notify-program, bell, timeout-connect, " \
	"timeout-stall, timeout-total, max-size, cache"

static void
free_words(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

static char **
dup_words(char **v)
{
	char **c;
	size_t i, n = 0;

	if (v == NULL)
		return NULL;
	while (v[n] != NULL)
		n++;
	c = xcalloc(n + 1, sizeof *c);
	for (i = 0; i < n; i++)
		c[i] = xstrdup(v[i]);
	return c;
}

/* "a, b c, d": the comma-separated words or phrases, trimmed. */
static char *
set_words(char ***slot, const char *key, const char *value)
{
	char **v = NULL, *copy, *p, *w, *end;
	size_t n = 0;

	copy = xstrdup(value);
	for (p = copy; (w = strsep(&p, ",")) != NULL;) {
		while (*w == ' ' || *w == '\t')
			w++;
		end = w + strlen(w);
		while (end > w && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*w == '\0')
			continue;
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = xstrdup(w);
		v[n] = NULL;
	}
	free(copy);
	if (n == 0)
		return xasprintf("%s needs words, separated by commas", key);
	free_words(*slot);
	*slot = v;
	return NULL;
}

struct conf *
conf_new(void)
{
	static const struct fetch_limits defaults = FETCH_LIMITS_DEFAULT;
	struct conf *cfg;
	int i;

	cfg = xcalloc(1, sizeof *cfg);
	cfg->limits = defaults;
	cfg->width = CONF_DEFAULT_WIDTH;
	cfg->refresh_on_start = true;
	for (i = 0; i < R_COUNT; i++)
		cfg->colors[i].fg = cfg->colors[i].bg = -1;
	return cfg;
}

static void
clear_feeds(struct feed_entry *feeds, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].name);
		free(feeds[i].base_url);
	}
	free(feeds);
}

void
conf_free(struct conf *cfg)
{
	if (cfg == NULL)
		return;
	clear_feeds(cfg->feeds, cfg->nfeeds);
	free(cfg->cache);
	free(cfg->base_url);
	free_words(cfg->event_words);
	free(cfg->browser);
	free(cfg->pager);
	free(cfg->notify);
	free(cfg->binds);
	free(cfg);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void add_feed(struct feed_entry **, size_t *, const char *,
    const char *, const char *);

/* A deep copy, for conf_load to work on. */
static struct conf *
conf_dup(const struct conf *cfg)
{
	struct conf *c;
	size_t i;

	c = xmalloc(sizeof *c);
	*c = *cfg;
	c->feeds = NULL;
	c->nfeeds = 0;
	for (i = 0; i < cfg->nfeeds; i++)
		add_feed(&c->feeds, &c->nfeeds, cfg->feeds[i].url,
		    cfg->feeds[i].name, cfg->feeds[i].base_url);
	c->cache = dup_or_null(cfg->cache);
	c->base_url = dup_or_null(cfg->base_url);
	c->event_words = dup_words(cfg->event_words);
	c->browser = dup_or_null(cfg->browser);
	c->pager = dup_or_null(cfg->pager);
	c->notify = dup_or_null(cfg->notify);
	c->binds = NULL;
	if (cfg->nbinds > 0) {
		c->binds = xreallocarray(NULL, cfg->nbinds, sizeof *c->binds);
		memcpy(c->binds, cfg->binds, cfg->nbinds * sizeof *c->binds);
	}
	return c;
}

static char *
xdg_path(const char *var, const char *fallback, const char *file)
{
	const char *dir = getenv(var), *home;

	if (dir != NULL && dir[0] == '/')
		return xasprintf("%s/mesosnews/%s", dir, file);
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/%s/mesosnews/%s", home, fallback, file);
}

char *
conf_default_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "config");
}

char *
conf_default_cache(void)
{
	return xdg_path("XDG_CACHE_HOME", ".cache", "cache.db");
}

size_t
conf_nfeeds(const struct conf *cfg)
{
	return cfg->nfeeds;
}

const char *
conf_feed_url(const struct conf *cfg, size_t i)
{
	return i < cfg->nfeeds ? cfg->feeds[i].url : NULL;
}

const char *
conf_feed_name(const struct conf *cfg, size_t i)
{
	return i < cfg->nfeeds ? cfg->feeds[i].name : NULL;
}

const char *
conf_feed_base_url(const struct conf *cfg, size_t i)
{
	return i < cfg->nfeeds ? cfg->feeds[i].base_url : NULL;
}

const char *
conf_cache(const struct conf *cfg)
{
	return cfg->cache;
}

const struct fetch_limits *
conf_limits(const struct conf *cfg)
{
	return &cfg->limits;
}

const char *
conf_browser(const struct conf *cfg)
{
	return cfg->browser;
}

bool
conf_browser_terminal(const struct conf *cfg)
{
	return cfg->browser_terminal;
}

const char *
conf_pager(const struct conf *cfg)
{
	return cfg->pager;
}

int
conf_list_width(const struct conf *cfg)
{
	return cfg->list_width;
}

const char *
conf_base_url(const struct conf *cfg)
{
	return cfg->base_url;
}

const char *const *
conf_event_words(const struct conf *cfg)
{
	return (const char *const *)cfg->event_words;
}

int
conf_width(const struct conf *cfg)
{
	return cfg->width;
}

bool
conf_refresh_on_start(const struct conf *cfg)
{
	return cfg->refresh_on_start;
}

bool
conf_unread_only(const struct conf *cfg)
{
	return cfg->unread_only;
}

bool
conf_whole_view(const struct conf *cfg)
{
	return cfg->whole_view;
}

const char *
conf_notify_program(const struct conf *cfg)
{
	return cfg->notify;
}

bool
conf_bell(const struct conf *cfg)
{
	return cfg->bell;
}

const struct conf_color *
conf_color(const struct conf *cfg, const char *role)
{
	static const struct conf_color unset = { false, -1, -1, 0 };
	int r = names_role(role);

	if (r < 0)
		return &unset;
	return &cfg->colors[r];
}

size_t
conf_nbinds(const struct conf *cfg)
{
	return cfg->nbinds;
}

const struct conf_bind *
conf_bind(const struct conf *cfg, size_t i)
{
	return i < cfg->nbinds ? &cfg->binds[i] : NULL;
}

static void
add_feed(struct feed_entry **feeds, size_t *n, const char *url,
    const char *name, const char *base_url)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*feeds)[i].url, url) == 0)
			return;
	*feeds = xreallocarray(*feeds, *n + 1, sizeof **feeds);
	(*feeds)[*n].url = xstrdup(url);
	(*feeds)[*n].name = name != NULL && *name != '\0' ? xstrdup(name) :
	    NULL;
	(*feeds)[*n].base_url = base_url != NULL ? xstrdup(base_url) : NULL;
	(*n)++;
}

void
conf_add_feed(struct conf *cfg, const char *url, const char *name)
{
	add_feed(&cfg->feeds, &cfg->nfeeds, url, name, NULL);
}

int
conf_parse_size(const char *s, size_t *out)
{
	unsigned long long v, mult = 1;
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case 'k': case 'K':
		mult = 1ULL << 10;
		end++;
		break;
	case 'm': case 'M':
		mult = 1ULL << 20;
		end++;
		break;
	case 'g': case 'G':
		mult = 1ULL << 30;
		end++;
		break;
	}
	if (*end != '\0' || v == 0 || v > SIZE_MAX / mult)
		return -1;
	*out = (size_t)(v * mult);
	return 0;
}

static int
parse_seconds(const char *s, long *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > 86400)
		return -1;
	*out = v;
	return 0;
}

/* "~/x" becomes "$HOME/x"; anything else is copied. */
static char *
expand_home(const char *s)
{
	const char *home = getenv("HOME");

	if (s[0] == '~' && s[1] == '/' && home != NULL)
		return xasprintf("%s%s", home, s + 1);
	return xstrdup(s);
}

static void
trim(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
}

/* The next blank-separated word of *p, or NULL at the end. */
static char *
next_word(char **p)
{
	char *w = *p + strspn(*p, " \t"), *e;

	if (*w == '\0') {
		*p = w;
		return NULL;
	}
	e = w + strcspn(w, " \t");
	if (*e != '\0')
		*e++ = '\0';
	*p = e;
	return w;
}

/* Names of keys that are not characters.  NOTE: the first name of a key
 * is the one the help overlay shows. */
static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "Space",	' ' },
	{ "Enter",	CONF_KEY_ENTER },
	{ "Return",	CONF_KEY_ENTER },
	{ "Tab",	'\t' },
	{ "S-Tab",	CONF_KEY_BTAB },
	{ "BTab",	CONF_KEY_BTAB },
	{ "Esc",	0x1b },
	{ "Escape",	0x1b },
	{ "Backspace",	CONF_KEY_BACKSPACE },
	{ "BS",		CONF_KEY_BACKSPACE },
	{ "Up",		CONF_KEY_UP },
	{ "Down",	CONF_KEY_DOWN },
	{ "Left",	CONF_KEY_LEFT },
	{ "Right",	CONF_KEY_RIGHT },
	{ "PgUp",	CONF_KEY_PGUP },
	{ "PageUp",	CONF_KEY_PGUP },
	{ "PgDn",	CONF_KEY_PGDN },
	{ "PageDown",	CONF_KEY_PGDN },
	{ "Home",	CONF_KEY_HOME },
	{ "End",	CONF_KEY_END },
	{ "Insert",	CONF_KEY_INSERT },
	{ "Ins",	CONF_KEY_INSERT },
	{ "Delete",	CONF_KEY_DELETE },
	{ "Del",	CONF_KEY_DELETE },
	/* The arrows the help overlay shows in a UTF-8 locale. */
	{ "\xe2\x86\x91", CONF_KEY_UP },
	{ "\xe2\x86\x93", CONF_KEY_DOWN },
	{ "\xe2\x86\x90", CONF_KEY_LEFT },
	{ "\xe2\x86\x92", CONF_KEY_RIGHT },
};

/* A control character as the terminal sends it: ^I is Tab, ^M and ^J
 * Enter, ^H and ^? Backspace. */
static int
control_key(int c)
{
	if (c == '?')
		return CONF_KEY_BACKSPACE;
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c < '@' || c > '_')
		return -1;
	c &= 0x1f;
	if (c == '\r' || c == '\n')
		return CONF_KEY_ENTER;
	if (c == '\b')
		return CONF_KEY_BACKSPACE;
	return c;
}

int
conf_parse_key(const char *s, int *key)
{
	size_t len = strlen(s), i, n;
	uint32_t cp;
	char *end;
	long f;
	int k;

	if (len == 0)
		return -1;
	for (i = 0; i < nitems(key_names); i++)
		if (strcasecmp(s, key_names[i].name) == 0) {
			*key = key_names[i].key;
			return 0;
		}
	if ((s[0] == 'F' || s[0] == 'f') && isdigit((unsigned char)s[1])) {
		f = strtol(s + 1, &end, 10);
		if (*end != '\0' || s[1] == '0' || f < 1 || f > 12)
			return -1;
		*key = CONF_KEY_F((int)f);
		return 0;
	}
	if (len == 2 && s[0] == '^')
		k = control_key(s[1]);
	else if (len == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-')
		k = control_key(s[2]);
	else if (len == 6 && strncasecmp(s, "Ctrl-", 5) == 0)
		k = control_key(s[5]);
	else {
		/* One printable character. */
		n = utf8_decode(s, len, &cp);
		if (n != len || cp == UTF8_REPLACEMENT || cp <= ' ' ||
		    utf8_is_unsafe(cp))
			return -1;
		k = (int)cp;
	}
	if (k < 0)
		return -1;
	*key = k;
	return 0;
}

/* Parse "yes" or "no". */
static int
parse_bool(const char *s, bool *out)
{
	if (strcmp(s, "yes") == 0)
		*out = true;
	else if (strcmp(s, "no") == 0)
		*out = false;
	else
		return -1;
	return 0;
}

/* A colour name or number: -1 (default) to 255. */
static int
parse_colour(const char *s, short *out)
{
	const char *name = s;
	char *end;
	long v;
	size_t i;
	int bright = 0;

	if (strcmp(s, "default") == 0) {
		*out = -1;
		return 0;
	}
	if (isdigit((unsigned char)*s)) {
		errno = 0;
		v = strtol(s, &end, 10);
		if (errno != 0 || *end != '\0' || v > 255 ||
		    (s[0] == '0' && s[1] != '\0'))
			return -1;
		*out = (short)v;
		return 0;
	}
	if (strncmp(s, "bright", 6) == 0) {
		name += 6;
		bright = 8;
	}
	for (i = 0; i < nitems(colour_names); i++)
		if (strcmp(name, colour_names[i]) == 0) {
			*out = (short)(i + bright);
			return 0;
		}
	return -1;
}

static int
parse_attr(const char *s, unsigned *out)
{
	size_t i;

	for (i = 0; i < nitems(attr_names); i++)
		if (strcmp(s, attr_names[i].name) == 0) {
			*out |= attr_names[i].attr;
			return 0;
		}
	return -1;
}

/* "a, b, c" from a list of names, for error messages. */
static char *
name_list(const char *const *names, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", names[i]);
	return buf_detach(&b);
}

static char *
unknown(const char *what, const char *word, const char *const *names,
    size_t n)
{
	char *list = name_list(names, n), *msg;

	msg = xasprintf("unknown %s '%s' (%s)", what, word, list);
	free(list);
	return msg;
}

/* color ROLE FG [BG] [ATTR...] */
static char *
parse_color(struct conf *p, char *rest)
{
	struct conf_color c = { true, -1, -1, 0 };
	const char *const *names;
	char *role, *w;
	size_t n;
	int r;

	role = next_word(&rest);
	if (role == NULL || (w = next_word(&rest)) == NULL)
		return xstrdup("color needs a role and a colour");
	if ((r = names_role(role)) < 0) {
		names = names_roles(&n);
		return unknown("colour role", role, names, n);
	}
	if (parse_colour(w, &c.fg) != 0)
		return xasprintf("unknown colour '%s' (" COLOURS_HELP ")", w);
	if ((w = next_word(&rest)) != NULL && parse_colour(w, &c.bg) == 0)
		w = next_word(&rest);
	else if (w != NULL && parse_attr(w, &c.attrs) != 0)
		return xasprintf("unknown colour or attribute '%s' ("
		    COLOURS_HELP "; " ATTRS_HELP ")", w);
	else if (w != NULL)
		w = next_word(&rest);
	for (; w != NULL; w = next_word(&rest))
		if (parse_attr(w, &c.attrs) != 0)
			return xasprintf("unknown attribute '%s' (" ATTRS_HELP
			    ")", w);
	p->colors[r] = c;
	return NULL;
}

static char *
parse_context(char *w, const char **ctx)
{
	const char *const *names;
	size_t i, n;

	names = names_contexts(&n);
	for (i = 0; i < n; i++)
		if (strcmp(w, names[i]) == 0) {
			*ctx = names[i];
			return NULL;
		}
	return unknown("context", w, names, n);
}

/* bind KEY ACTION [CONTEXT], unbind KEY [CONTEXT] */
static char *
parse_bind(struct conf *p, char *rest, bool bind)
{
	struct conf_bind b = { 0, NULL, NULL };
	const char *const *names;
	char *key, *w, *why;
	enum action act;
	size_t n;

	key = next_word(&rest);
	w = bind && key != NULL ? next_word(&rest) : NULL;
	if (key == NULL || (bind && w == NULL))
		return xstrdup(bind ? "bind needs a key and an action" :
		    "unbind needs a key");
	if (conf_parse_key(key, &b.key) != 0)
		return xasprintf("unknown key '%s' (" KEYS_HELP ")", key);
	if (bind) {
		names = names_actions(&n);
		if ((act = names_action(w)) == ACT_NONE)
			return unknown("action", w, names, n);
		b.action = names_action_name(act);
		/* The digit typed is the section or link number. */
		if (act == ACT_DIGIT && (b.key < '0' || b.key > '9'))
			return xstrdup("digit can only be bound to the keys 0 "
			    "to 9");
	}
	if ((w = next_word(&rest)) != NULL &&
	    (why = parse_context(w, &b.context)) != NULL)
		return why;
	if ((w = next_word(&rest)) != NULL)
		return xasprintf("unexpected '%s' after the context", w);
	p->binds = xreallocarray(p->binds, p->nbinds + 1, sizeof *p->binds);
	p->binds[p->nbinds++] = b;
	return NULL;
}

/* A command: the rest of the line, kept whole. */
static char *
set_command(char **slot, const char *key, const char *value)
{
	if (*value == '\0')
		return xasprintf("%s needs a command", key);
	free(*slot);
	*slot = xstrdup(value);
	return NULL;
}

static char *
set_bool(bool *slot, const char *key, const char *value)
{
	if (parse_bool(value, slot) != 0)
		return xasprintf("%s needs yes or no, not '%s'", key, value);
	return NULL;
}

static char *
set_width(int *slot, const char *value)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(value, &end, 10);
	if (!isdigit((unsigned char)*value) || *end != '\0' || errno != 0 ||
	    v > 10000)
		return xasprintf("width needs a number of columns from 1 to "
		    "10000, or 0 for no limit, not '%s'", value);
	*slot = (int)v;
	return NULL;
}

/* Apply one line; returns NULL or the reason it is wrong. */
static char *
parse_line(struct conf *p, char *line)
{
	char *key, *value, *rest, *url, *base;
	size_t klen;

	key = line + strspn(line, " \t");
	if (*key == '\0' || *key == '#')
		return NULL;
	klen = strcspn(key, " \t");
	value = key + klen;
	if (*value != '\0')
		*value++ = '\0';
	value += strspn(value, " \t");

	if (strcmp(key, "feed") == 0) {
		if (*value == '\0')
			return xstrdup("feed needs a URL or a path");
		rest = value;
		(void)next_word(&rest);
		rest += strspn(rest, " \t");
		/* "base-url=URL" after the URL: where this feed's Markdown
		 * posts are published, instead of the global base-url. */
		base = NULL;
		if (strncmp(rest, "base-url=", 9) == 0) {
			base = next_word(&rest) + 9;
			rest += strspn(rest, " \t");
			if (!uri_is_remote(base))
				return xasprintf("feed %s: base-url= needs an "
				    "http or https URL", value);
		}
		url = expand_home(value);
		add_feed(&p->feeds, &p->nfeeds, url, rest, base);
		free(url);
		return NULL;
	}
	if (strcmp(key, "browser") == 0)
		return set_command(&p->browser, key, value);
	if (strcmp(key, "browser-terminal") == 0)
		return set_bool(&p->browser_terminal, key, value);
	if (strcmp(key, "pager") == 0)
		return set_command(&p->pager, key, value);
	if (strcmp(key, "color") == 0 || strcmp(key, "colour") == 0)
		return parse_color(p, value);
	if (strcmp(key, "bind") == 0 || strcmp(key, "unbind") == 0)
		return parse_bind(p, value, key[0] == 'b');
	if (strcmp(key, "width") == 0)
		return set_width(&p->width, value);
	if (strcmp(key, "list-width") == 0) {
		if (set_width(&p->list_width, value) != NULL ||
		    p->list_width > 1000)
			return xasprintf("list-width needs a number of columns "
			    "(0 for two fifths of the screen), not '%s'",
			    value);
		return NULL;
	}
	if (strcmp(key, "refresh-on-start") == 0)
		return set_bool(&p->refresh_on_start, key, value);
	if (strcmp(key, "show-unread-only") == 0)
		return set_bool(&p->unread_only, key, value);
	if (strcmp(key, "article-view") == 0) {
		if (strcmp(value, "whole") != 0 && strcmp(value, "section") != 0)
			return xasprintf("article-view needs section or whole, "
			    "not '%s'", value);
		p->whole_view = value[0] == 'w';
		return NULL;
	}
	if (strcmp(key, "notify-program") == 0)
		return set_command(&p->notify, key, value);
	if (strcmp(key, "bell") == 0)
		return set_bool(&p->bell, key, value);
	if (strcmp(key, "cache") == 0) {
		if (*value == '\0')
			return xstrdup("cache needs a path");
		free(p->cache);
		p->cache = expand_home(value);
		return NULL;
	}
	if (strcmp(key, "event-headings") == 0)
		return set_words(&p->event_words, key, value);
	if (strcmp(key, "base-url") == 0) {
		if (!uri_is_remote(value))
			return xstrdup("base-url needs an http or https URL");
		free(p->base_url);
		p->base_url = xstrdup(value);
		return NULL;
	}
	if (strcmp(key, "max-size") == 0) {
		if (conf_parse_size(value, &p->limits.max_size) != 0)
			return xasprintf("max-size needs a size such as 64M, "
			    "not '%s'", value);
		return NULL;
	}
	if (strcmp(key, "timeout-connect") == 0 ||
	    strcmp(key, "timeout-stall") == 0 ||
	    strcmp(key, "timeout-total") == 0) {
		long *slot = key[8] == 'c' ? &p->limits.connect_timeout :
		    key[8] == 's' ? &p->limits.stall_timeout :
		    &p->limits.total_timeout;
		if (parse_seconds(value, slot) != 0)
			return xasprintf("%s needs a number of seconds from 1 "
			    "to 86400, not '%s'", key, value);
		return NULL;
	}
	return xasprintf("unknown setting '%s' (" SETTINGS_HELP ")", key);
}

/* An error message made clean for the terminal, freeing msg: it echoes
 * words from the file (and its path), which may hold escape sequences,
 * BEL or C1 controls as easily as a feed can. */
static char *
clean_cause(char *msg)
{
	char *s;

	s = utf8_sanitize(msg, strlen(msg), UTF8_ONELINE);
	free(msg);
	return s;
}

int
conf_load(struct conf *cfg, const char *path, bool must_exist,
    char **cause)
{
	struct conf *p, tmp;
	FILE *fp;
	char *line = NULL, *why;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		*cause = clean_cause(xasprintf("%s: %s", path,
		    strerror(errno)));
		return -1;
	}
	/* Work on a copy so that a bad line leaves cfg as it was. */
	p = conf_dup(cfg);
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (strlen(line) != (size_t)len)
			goto bad_nul;
		trim(line);
		if ((why = parse_line(p, line)) != NULL) {
			*cause = xasprintf("%s:%lu: %s", path, lineno, why);
			free(why);
			goto fail;
		}
	}
	if (ferror(fp)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	free(line);
	fclose(fp);
	/* Swap: cfg takes the new settings, p the old ones to free. */
	tmp = *cfg;
	*cfg = *p;
	*p = tmp;
	conf_free(p);
	return 0;

bad_nul:
	*cause = xasprintf("%s:%lu: NUL byte in line", path, lineno);
fail:
	*cause = clean_cause(*cause);
	free(line);
	fclose(fp);
	conf_free(p);
	return -1;
}
