/* conf_test.c - the configuration file: defaults, each keyword, errors. */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "conf.h"
#include "fetch.h"
#include "util.h"

static char dir[] = "/tmp/mn-conf-XXXXXX";

#define SETTINGS "feed, browser, browser-terminal, pager, color, bind, " \
	"unbind, width, refresh-on-start, show-unread-only, article-view, " \
	"notify-program, bell, timeout-connect, timeout-stall, " \
	"timeout-total, max-size, cache"
#define ROLES "heading, link, linknum, quote, code, marker, rule, table, " \
	"article-title, meta, match, unread, new, date, feed, selected, " \
	"selected-unfocused, title, status, error, tab, tab-active, host, " \
	"border, normal"
#define COLOURS "default, black, red, green, yellow, blue, magenta, cyan, " \
	"white, brightblack to brightwhite, 0 to 255"
#define ATTRS "bold, underline, reverse, dim, italic"
#define KEYS "a character, ^X, Space, Enter, Tab, S-Tab, Esc, Backspace, " \
	"Up, Down, Left, Right, PgUp, PgDn, Home, End, Insert, Delete, F1 " \
	"to F12"
#define ACTIONS "down, up, page-down, page-up, top, bottom, open, " \
	"find-next, find-prev, next-issue, prev-issue, next-section, " \
	"prev-section, digit, whole, links, open-link, search, refresh, " \
	"toggle-read, mark-all-read, next-unread, prev-unread, " \
	"unread-only, mark-everything-read, next-feed, prev-feed, pipe, save, " \
	"yank, events, scroll-left, scroll-right, list-wider, " \
	"list-narrower, export, feeds, messages, help, cancel, redraw, quit"

static char *
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fputs(text, fp) == EOF || fclose(fp) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

/* Load text as a config file into cfg; returns the cause or NULL. */
static char *
load(struct conf *cfg, const char *text)
{
	char *path = write_file("config", text), *cause = NULL, *msg;

	if (conf_load(cfg, path, true, &cause) == 0) {
		free(path);
		return NULL;
	}
	/* Replace the temporary directory so messages compare exactly. */
	msg = xasprintf("CONFIG%s", cause + strlen(path));
	OK(strncmp(cause, path, strlen(path)) == 0, "%s", cause);
	free(cause);
	free(path);
	return msg;
}

static void
test_defaults(void)
{
	struct conf *cfg = conf_new();
	const struct fetch_limits *l = conf_limits(cfg);

	INT_EQ(conf_nfeeds(cfg), 0);
	STR_EQ(conf_cache(cfg), NULL);
	INT_EQ(l->connect_timeout, 10);
	INT_EQ(l->stall_timeout, 30);
	INT_EQ(l->total_timeout, 300);
	INT_EQ(l->max_size, 64 << 20);
	STR_EQ(conf_feed_url(cfg, 0), NULL);
	STR_EQ(CONF_DEFAULT_FEED, "https://mesos.apache.org/blog/feed.xml");
	STR_EQ(conf_browser(cfg), NULL);
	OK(!conf_browser_terminal(cfg), "browser-terminal defaults to no");
	STR_EQ(conf_pager(cfg), NULL);
	INT_EQ(conf_width(cfg), 100);
	OK(conf_refresh_on_start(cfg), "refresh-on-start defaults to yes");
	OK(!conf_unread_only(cfg), "show-unread-only defaults to no");
	OK(!conf_whole_view(cfg), "article-view defaults to section");
	STR_EQ(conf_notify_program(cfg), NULL);
	OK(!conf_bell(cfg), "bell defaults to no");
	INT_EQ(conf_nbinds(cfg), 0);
	OK(conf_bind(cfg, 0) == NULL, "no bindings");
	OK(!conf_color(cfg, "heading")->set, "no colours");
	INT_EQ(conf_color(cfg, "normal")->fg, -1);
	INT_EQ(conf_color(cfg, "no-such-role")->bg, -1);
	conf_free(cfg);
}

static void
test_keys(void)
{
	static const struct {
		const char	*name;
		int		 key;
	} good[] = {
		{ "j", 'j' }, { "G", 'G' }, { "|", '|' }, { "#", '#' },
		{ "^", '^' }, { "\xc3\xa9", 0xe9 }, { "\xe4\xb8\xad", 0x4e2d },
		{ "^L", 0x0c }, { "^l", 0x0c }, { "C-l", 0x0c },
		{ "Ctrl-L", 0x0c }, { "^@", 0 }, { "^[", 0x1b },
		{ "^I", '\t' }, { "^M", CONF_KEY_ENTER },
		{ "^J", CONF_KEY_ENTER }, { "^H", CONF_KEY_BACKSPACE },
		{ "^?", CONF_KEY_BACKSPACE },
		{ "Space", ' ' }, { "space", ' ' },
		{ "Enter", CONF_KEY_ENTER },
		{ "Return", CONF_KEY_ENTER }, { "Tab", '\t' },
		{ "S-Tab", CONF_KEY_BTAB }, { "BTab", CONF_KEY_BTAB },
		{ "Esc", 0x1b }, { "ESCAPE", 0x1b },
		{ "Backspace", CONF_KEY_BACKSPACE },
		{ "BS", CONF_KEY_BACKSPACE },
		{ "Up", CONF_KEY_UP }, { "Down", CONF_KEY_DOWN },
		{ "Left", CONF_KEY_LEFT }, { "Right", CONF_KEY_RIGHT },
		{ "\xe2\x86\x91", CONF_KEY_UP },
		{ "\xe2\x86\x93", CONF_KEY_DOWN },
		{ "\xe2\x86\x90", CONF_KEY_LEFT },
		{ "\xe2\x86\x92", CONF_KEY_RIGHT },
		{ "PgUp", CONF_KEY_PGUP }, { "PageUp", CONF_KEY_PGUP },
		{ "PgDn", CONF_KEY_PGDN }, { "pagedown", CONF_KEY_PGDN },
		{ "Home", CONF_KEY_HOME }, { "End", CONF_KEY_END },
		{ "Insert", CONF_KEY_INSERT }, { "Ins", CONF_KEY_INSERT },
		{ "Delete", CONF_KEY_DELETE }, { "Del", CONF_KEY_DELETE },
		{ "F1", CONF_KEY_F1 }, { "f9", CONF_KEY_F(9) },
		{ "F12", CONF_KEY_F(12) },
	};
	static const char *const bad[] = {
		"", "jj", "F0", "F13", "F01", "F1x", "^1", "^ab", "C-",
		"Ctrl-", "Ctrl-ab", "\x01", "\x7f", "\xff", "\xc3",
		"\xe2\x80\xae", "\xc2\x85", "Enterr", "S-Tabs",
	};
	size_t i;
	int k;

	for (i = 0; i < nitems(good); i++) {
		k = -2;
		OK(conf_parse_key(good[i].name, &k) == 0, "%s", good[i].name);
		INT_EQ(k, good[i].key);
	}
	for (i = 1; i < nitems(bad); i++) {
		k = -2;
		OK(conf_parse_key(bad[i], &k) == -1, "%s", bad[i]);
		INT_EQ(k, -2);
	}
	OK(conf_parse_key(bad[0], &k) == -1, "empty");
}

static void
test_reader_settings(void)
{
	struct conf *cfg = conf_new();
	const struct conf_color *c;
	const struct conf_bind *b;
	char *cause;

	cause = load(cfg,
	    "browser  w3m -o   display_link=1 %s  \n"
	    "browser-terminal yes\n"
	    "pager less -R +g\n"
	    "width 72\n"
	    "refresh-on-start no\n"
	    "show-unread-only yes\n"
	    "article-view whole\n"
	    "notify-program  notify-send -a mesosnews \n"
	    "bell yes\n"
	    "color heading red\n"
	    "color link brightblue default underline\n"
	    "colour title 255 24 bold reverse\n"
	    "color selected default 0\n"
	    "color new 208 dim italic\n"
	    "color status white brightblack\n"
	    "color tab-active brightwhite 6 bold underline reverse dim "
	    "italic\n"
	    "bind x help\n"
	    "bind ^N next-issue article\n"
	    "bind Down top list\n"
	    "unbind ?\n"
	    "unbind q links\n"
	    "bind F5 refresh all\n"
	    "bind 5 digit\n"
	    "bind Enter open\n");
	STR_EQ(cause, NULL);
	free(cause);
	STR_EQ(conf_browser(cfg), "w3m -o   display_link=1 %s");
	OK(conf_browser_terminal(cfg), "browser-terminal yes");
	STR_EQ(conf_pager(cfg), "less -R +g");
	INT_EQ(conf_width(cfg), 72);
	OK(!conf_refresh_on_start(cfg), "refresh-on-start no");
	OK(conf_unread_only(cfg), "show-unread-only yes");
	OK(conf_whole_view(cfg), "article-view whole");
	STR_EQ(conf_notify_program(cfg), "notify-send -a mesosnews");
	OK(conf_bell(cfg), "bell yes");

	c = conf_color(cfg, "heading");
	OK(c->set, "heading set");
	INT_EQ(c->fg, 1);
	INT_EQ(c->bg, -1);
	INT_EQ(c->attrs, 0);
	c = conf_color(cfg, "link");
	INT_EQ(c->fg, 12);
	INT_EQ(c->bg, -1);
	INT_EQ(c->attrs, CONF_ATTR_UNDERLINE);
	c = conf_color(cfg, "title");
	INT_EQ(c->fg, 255);
	INT_EQ(c->bg, 24);
	INT_EQ(c->attrs, CONF_ATTR_BOLD | CONF_ATTR_REVERSE);
	c = conf_color(cfg, "selected");
	INT_EQ(c->fg, -1);
	INT_EQ(c->bg, 0);
	c = conf_color(cfg, "new");
	INT_EQ(c->fg, 208);
	INT_EQ(c->bg, -1);
	INT_EQ(c->attrs, CONF_ATTR_DIM | CONF_ATTR_ITALIC);
	c = conf_color(cfg, "status");
	INT_EQ(c->fg, 7);
	INT_EQ(c->bg, 8);
	c = conf_color(cfg, "tab-active");
	INT_EQ(c->fg, 15);
	INT_EQ(c->bg, 6);
	INT_EQ(c->attrs, CONF_ATTR_BOLD | CONF_ATTR_UNDERLINE |
	    CONF_ATTR_REVERSE | CONF_ATTR_DIM | CONF_ATTR_ITALIC);
	OK(!conf_color(cfg, "quote")->set, "quote not set");

	INT_EQ(conf_nbinds(cfg), 8);
	b = conf_bind(cfg, 0);
	INT_EQ(b->key, 'x');
	STR_EQ(b->action, "help");
	STR_EQ(b->context, NULL);
	b = conf_bind(cfg, 1);
	INT_EQ(b->key, 0x0e);
	STR_EQ(b->action, "next-issue");
	STR_EQ(b->context, "article");
	b = conf_bind(cfg, 2);
	INT_EQ(b->key, CONF_KEY_DOWN);
	STR_EQ(b->action, "top");
	STR_EQ(b->context, "list");
	b = conf_bind(cfg, 3);
	INT_EQ(b->key, '?');
	STR_EQ(b->action, NULL);
	STR_EQ(b->context, NULL);
	b = conf_bind(cfg, 4);
	INT_EQ(b->key, 'q');
	STR_EQ(b->action, NULL);
	STR_EQ(b->context, "links");
	b = conf_bind(cfg, 5);
	INT_EQ(b->key, CONF_KEY_F(5));
	STR_EQ(b->action, "refresh");
	STR_EQ(b->context, "all");
	b = conf_bind(cfg, 6);
	INT_EQ(b->key, '5');
	STR_EQ(b->action, "digit");
	b = conf_bind(cfg, 7);
	INT_EQ(b->key, CONF_KEY_ENTER);
	STR_EQ(b->action, "open");

	/* Later lines and files win; bindings add up. */
	cause = load(cfg, "width 0\nrefresh-on-start yes\n"
	    "browser-terminal no\ncolor heading default\nbind y quit\n");
	STR_EQ(cause, NULL);
	INT_EQ(conf_width(cfg), 0);
	OK(conf_refresh_on_start(cfg), "refresh-on-start yes");
	OK(!conf_browser_terminal(cfg), "browser-terminal no");
	INT_EQ(conf_color(cfg, "heading")->fg, -1);
	OK(conf_color(cfg, "heading")->set, "heading still set");
	INT_EQ(conf_color(cfg, "link")->fg, 12);
	INT_EQ(conf_nbinds(cfg), 9);
	STR_EQ(conf_bind(cfg, 8)->action, "quit");
	STR_EQ(conf_browser(cfg), "w3m -o   display_link=1 %s");

	/* A failed load keeps all of it. */
	cause = load(cfg, "width 50\nbind z quit\ncolor link red\n"
	    "pager more\nwidth x\n");
	STR_EQ(cause, "CONFIG:5: width needs a number of columns from 1 to "
	    "10000, or 0 for no limit, not 'x'");
	free(cause);
	INT_EQ(conf_width(cfg), 0);
	INT_EQ(conf_nbinds(cfg), 9);
	INT_EQ(conf_color(cfg, "link")->fg, 12);
	STR_EQ(conf_pager(cfg), "less -R +g");
	conf_free(cfg);
}

static void
test_sizes(void)
{
	size_t n = 7;

	INT_EQ(conf_parse_size("64M", &n), 0);
	INT_EQ(n, 67108864);
	INT_EQ(conf_parse_size("1", &n), 0);
	INT_EQ(n, 1);
	INT_EQ(conf_parse_size("10k", &n), 0);
	INT_EQ(n, 10240);
	INT_EQ(conf_parse_size("2G", &n), 0);
	INT_EQ(n, 2147483648LL);
	n = 7;
	INT_EQ(conf_parse_size("0", &n), -1);
	INT_EQ(conf_parse_size("M", &n), -1);
	INT_EQ(conf_parse_size("12X", &n), -1);
	INT_EQ(conf_parse_size("-1", &n), -1);
	INT_EQ(conf_parse_size("1MB", &n), -1);
	INT_EQ(conf_parse_size("", &n), -1);
	INT_EQ(conf_parse_size("99999999999999999999999", &n), -1);
	INT_EQ(n, 7);
}

static void
test_good_file(void)
{
	struct conf *cfg = conf_new();
	const struct fetch_limits *l;
	char *cause;

	setenv("HOME", "/home/ann", 1);
	cause = load(cfg,
	    "# feeds I read\n"
	    "\n"
	    "feed https://mesos.apache.org/blog/feed.xml   Mesos blog  \n"
	    "  feed http://127.0.0.1:8080/a.xml\n"
	    "feed\t~/drafts/posts\n"
	    "feed https://mesos.apache.org/blog/feed.xml again\n"
	    "   # an indented comment\n"
	    "timeout-connect 3\r\n"
	    "timeout-stall   7\n"
	    "timeout-total 90\n"
	    "max-size 2M\n"
	    "cache ~/.cache/mn.db\n");
	STR_EQ(cause, NULL);
	free(cause);
	INT_EQ(conf_nfeeds(cfg), 3);
	STR_EQ(conf_feed_url(cfg, 0),
	    "https://mesos.apache.org/blog/feed.xml");
	STR_EQ(conf_feed_name(cfg, 0), "Mesos blog");
	STR_EQ(conf_feed_url(cfg, 1), "http://127.0.0.1:8080/a.xml");
	STR_EQ(conf_feed_name(cfg, 1), NULL);
	STR_EQ(conf_feed_url(cfg, 2), "/home/ann/drafts/posts");
	STR_EQ(conf_cache(cfg), "/home/ann/.cache/mn.db");
	l = conf_limits(cfg);
	INT_EQ(l->connect_timeout, 3);
	INT_EQ(l->stall_timeout, 7);
	INT_EQ(l->total_timeout, 90);
	INT_EQ(l->max_size, 2 << 20);

	/* A later file adds to what is there. */
	cause = load(cfg, "feed file:///srv/x.atom\ncache /var/mn.db\n");
	STR_EQ(cause, NULL);
	INT_EQ(conf_nfeeds(cfg), 4);
	STR_EQ(conf_feed_url(cfg, 3), "file:///srv/x.atom");
	STR_EQ(conf_cache(cfg), "/var/mn.db");
	conf_add_feed(cfg, "file:///srv/x.atom", "dup");
	conf_add_feed(cfg, "/tmp/y.rss", "");
	INT_EQ(conf_nfeeds(cfg), 5);
	STR_EQ(conf_feed_name(cfg, 4), NULL);
	conf_free(cfg);
}

static void
test_bad_lines(void)
{
	static const struct {
		const char	*text;
		const char	*cause;
	} cases[] = {
		{ "feed a\ncolr red\n",
		  "CONFIG:2: unknown setting 'colr' (" SETTINGS ")" },
		{ "\n\n  feed   \n", "CONFIG:3: feed needs a URL or a path" },
		{ "cache\n", "CONFIG:1: cache needs a path" },
		{ "timeout-connect ten\n", "CONFIG:1: timeout-connect needs "
		  "a number of seconds from 1 to 86400, not 'ten'" },
		{ "timeout-stall 0\n", "CONFIG:1: timeout-stall needs a "
		  "number of seconds from 1 to 86400, not '0'" },
		{ "timeout-total 5 s\n", "CONFIG:1: timeout-total needs a "
		  "number of seconds from 1 to 86400, not '5 s'" },
		{ "timeout-total\n", "CONFIG:1: timeout-total needs a "
		  "number of seconds from 1 to 86400, not ''" },
		{ "max-size 64MB\n", "CONFIG:1: max-size needs a size such "
		  "as 64M, not '64MB'" },
		{ "Feed x\n", "CONFIG:1: unknown setting 'Feed' (" SETTINGS
		  ")" },
		{ "browser\n", "CONFIG:1: browser needs a command" },
		{ "pager   \n", "CONFIG:1: pager needs a command" },
		{ "browser-terminal 1\n", "CONFIG:1: browser-terminal needs "
		  "yes or no, not '1'" },
		{ "article-view all\n", "CONFIG:1: article-view needs "
		  "section or whole, not 'all'" },
		{ "notify-program\n", "CONFIG:1: notify-program needs a "
		  "command" },
		{ "bell 1\n", "CONFIG:1: bell needs yes or no, not '1'" },
		{ "refresh-on-start\n", "CONFIG:1: refresh-on-start needs "
		  "yes or no, not ''" },
		{ "refresh-on-start Yes\n", "CONFIG:1: refresh-on-start needs "
		  "yes or no, not 'Yes'" },
		{ "width -1\n", "CONFIG:1: width needs a number of columns "
		  "from 1 to 10000, or 0 for no limit, not '-1'" },
		{ "width 10001\n", "CONFIG:1: width needs a number of columns "
		  "from 1 to 10000, or 0 for no limit, not '10001'" },
		{ "width 80 cols\n", "CONFIG:1: width needs a number of "
		  "columns from 1 to 10000, or 0 for no limit, not "
		  "'80 cols'" },
		{ "width\n", "CONFIG:1: width needs a number of columns "
		  "from 1 to 10000, or 0 for no limit, not ''" },
		{ "color\n", "CONFIG:1: color needs a role and a colour" },
		{ "color heading\n", "CONFIG:1: color needs a role and a "
		  "colour" },
		{ "\n\n\n\n\n\ncolor headng red\n", "CONFIG:7: unknown colour "
		  "role 'headng' (" ROLES ")" },
		{ "color heading redd\n", "CONFIG:1: unknown colour 'redd' ("
		  COLOURS ")" },
		{ "color heading 256\n", "CONFIG:1: unknown colour '256' ("
		  COLOURS ")" },
		{ "color heading -1\n", "CONFIG:1: unknown colour '-1' ("
		  COLOURS ")" },
		{ "color heading 07\n", "CONFIG:1: unknown colour '07' ("
		  COLOURS ")" },
		{ "color heading Red\n", "CONFIG:1: unknown colour 'Red' ("
		  COLOURS ")" },
		{ "color heading bold\n", "CONFIG:1: unknown colour 'bold' ("
		  COLOURS ")" },
		{ "color heading red blod\n", "CONFIG:1: unknown colour or "
		  "attribute 'blod' (" COLOURS "; " ATTRS ")" },
		{ "color heading red blue blink\n", "CONFIG:1: unknown "
		  "attribute 'blink' (" ATTRS ")" },
		{ "color heading red bold green\n", "CONFIG:1: unknown "
		  "attribute 'green' (" ATTRS ")" },
		{ "bind\n", "CONFIG:1: bind needs a key and an action" },
		{ "bind x\n", "CONFIG:1: bind needs a key and an action" },
		{ "bind xx help\n", "CONFIG:1: unknown key 'xx' (" KEYS ")" },
		{ "bind F13 help\n", "CONFIG:1: unknown key 'F13' (" KEYS
		  ")" },
		{ "bind x hlep\n", "CONFIG:1: unknown action 'hlep' (" ACTIONS
		  ")" },
		{ "bind x help everywhere\n", "CONFIG:1: unknown context "
		  "'everywhere' (list, article, links, all)" },
		{ "bind x help list more\n", "CONFIG:1: unexpected 'more' "
		  "after the context" },
		{ "bind x digit\n", "CONFIG:1: digit can only be bound to the "
		  "keys 0 to 9" },
		{ "unbind\n", "CONFIG:1: unbind needs a key" },
		{ "unbind Foo\n", "CONFIG:1: unknown key 'Foo' (" KEYS ")" },
		{ "unbind x help\n", "CONFIG:1: unknown context 'help' (list, "
		  "article, links, all)" },
		{ "unbind x all x\n", "CONFIG:1: unexpected 'x' after the "
		  "context" },
		{ "feed x\nfeed\0y\n", "CONFIG:2: NUL byte in line" },
	};
	struct conf *cfg;
	char *cause, *path;
	size_t i;
	FILE *fp;

	for (i = 0; i < nitems(cases); i++) {
		cfg = conf_new();
		conf_add_feed(cfg, "http://keep/", NULL);
		if (i == nitems(cases) - 1) {
			/* fputs would stop at the NUL. */
			path = xasprintf("%s/config", dir);
			fp = fopen(path, "w");
			fwrite(cases[i].text, 1, 13, fp);
			fclose(fp);
			cause = NULL;
			OK(conf_load(cfg, path, true, &cause) == -1, "nul");
			OK(cause != NULL && strstr(cause, ":2: NUL byte in "
			    "line") != NULL, "%s", cause);
			free(path);
		} else {
			cause = load(cfg, cases[i].text);
			STR_EQ(cause, cases[i].cause);
		}
		free(cause);
		/* A failed load changes nothing. */
		INT_EQ(conf_nfeeds(cfg), 1);
		STR_EQ(conf_feed_url(cfg, 0), "http://keep/");
		INT_EQ(conf_limits(cfg)->connect_timeout, 10);
		conf_free(cfg);
	}
}

static void
test_missing(void)
{
	struct conf *cfg = conf_new();
	char *path = xasprintf("%s/nope", dir), *cause = NULL, *want;

	INT_EQ(conf_load(cfg, path, false, &cause), 0);
	STR_EQ(cause, NULL);
	INT_EQ(conf_load(cfg, path, true, &cause), -1);
	want = xasprintf("%s: No such file or directory", path);
	STR_EQ(cause, want);
	free(want);
	free(cause);
	free(path);
	conf_free(cfg);
}

static void
test_default_paths(void)
{
	char *p;

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	STR_EQ(p = conf_default_path(), "/x/conf/mesosnews/config");
	free(p);
	STR_EQ(p = conf_default_cache(), "/x/cache/mesosnews/cache.db");
	free(p);
	/* Relative XDG paths are invalid and ignored. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	unsetenv("XDG_CACHE_HOME");
	setenv("HOME", "/h", 1);
	STR_EQ(p = conf_default_path(), "/h/.config/mesosnews/config");
	free(p);
	STR_EQ(p = conf_default_cache(), "/h/.cache/mesosnews/cache.db");
	free(p);
	unsetenv("HOME");
	unsetenv("XDG_CONFIG_HOME");
	STR_EQ(conf_default_path(), NULL);
}

int
main(void)
{
	char *path;

	HARNESS_INIT();
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_defaults();
	test_sizes();
	test_good_file();
	test_keys();
	test_reader_settings();
	test_bad_lines();
	test_missing();
	test_default_paths();
	path = xasprintf("%s/config", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	DONE();
}
