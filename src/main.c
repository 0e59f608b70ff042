/* main.c - options, locale, and the choice of front-end. */
#include "config.h"

#include <sys/ioctl.h>

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "conf.h"
#include "doc.h"
#include "fetch.h"
#include "textmode.h"
#include "tui/tui.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

/* Long options without a short form. */
enum {
	OPT_COLOR = 256,
	OPT_HYPERLINKS,
	OPT_LINKS,
	OPT_CACHE,
	OPT_EXPORT_OPML,
	OPT_IMPORT_OPML,
	OPT_CONFIG,
	OPT_OFFLINE,
	OPT_REFRESH,
	OPT_EVENTS,
	OPT_ICS,
	OPT_ALL,
	OPT_TSV,
	OPT_UNREAD,
	OPT_FEEDS,
	OPT_BASE_URL,
};

enum mode {
	MODE_DEFAULT,
	MODE_LIST,
	MODE_TEXT,
	MODE_EVENTS,
	MODE_FEEDS,
};

enum color {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER,
};

struct options {
	enum mode	 mode;
	int		 width;		/* 0: from the terminal */
	int		 ascii;		/* the locale cannot show UTF-8 */
	char		**sources;
	int		 nsources;
	/* Text mode. */
	const char	*issue;		/* --issue: number, "latest" or id */
	const char	*section;	/* --section */
	int		 links;		/* --links */
	int		 ics;		/* --ics */
	int		 all;		/* --all */
	int		 tsv;		/* --tsv */
	int		 unread;	/* --unread */
	const char	*base_url;	/* --base-url */
	enum color	 color;		/* --color */
	enum color	 hyperlinks;	/* --hyperlinks, auto by default */
	size_t		 max_doc;	/* max-size from the config */
	int		 readable;	/* "width": the widest text when
					   the terminal gives it */
	const char	*import_opml;	/* --import-opml */
	int		 export_opml;	/* --export-opml */
	/* The cache and the network. */
	const char	*cache_path;	/* --cache */
	const char	*config_path;	/* --config */
	int		 offline;	/* --offline */
	int		 refresh;	/* --refresh */
	int		 from_config;	/* sources from the config */
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: mesosnews [OPTION]... [SOURCE]...\n"
"Read the Apache Mesos community update, or any RSS/Atom feed or Markdown\n"
"posts, in the terminal.  SOURCE is a feed file, a file:// URL, a Markdown\n"
"post or a directory of posts, read directly, or an http(s) URL, read\n"
"through the cache; without one, the configured feeds (by default the\n"
"Apache Mesos blog) are read through the cache.\n"
"\n"
"  -l, --list          print the issue index: number, date, title, author,\n"
"                      fitted to the terminal (or --width), whole fields\n"
"                      into a pipe\n"
"      --tsv           with --list or --feeds: tab-separated whole fields\n"
"                      (the feed last in --list when there are several)\n"
"      --unread        with --list: only the unread issues\n"
"      --feeds         one line per feed: name, URL, unread, total, last\n"
"                      fetch, last error\n"
"  -t, --text          print an issue as text (the default when standard\n"
"                      output is not a terminal): header, sections and a\n"
"                      References list of its numbered links\n"
"  -i, --issue=WHICH   the issue to print: its number in --list, \"latest\"\n"
"                      (the default) or its id\n"
"  -s, --section=NAME  only the sections whose name contains NAME\n"
"      --links         only the numbered links of the issue\n"
"      --events        the events of every issue's events sections, one\n"
"                      per line: date, time, title, place, issue;\n"
"                      upcoming ones (from today), then undated ones\n"
"      --all           with --events: past events too\n"
"      --ics           with --events: as an iCalendar file (RFC 5545)\n"
"      --color[=WHEN]  ANSI styles: auto (on a terminal, unless NO_COLOR\n"
"                      is set), always or never\n"
"      --hyperlinks[=WHEN]  OSC 8 hyperlinks around link text: auto (with\n"
"                      --color=always, or on terminals known to show\n"
"                      them), always or never\n"
"      --refresh       fetch the sources into the cache first; alone, print\n"
"                      a summary line and exit\n"
"      --base-url=URL  where Markdown posts are published: with their\n"
"                      front matter's permalink, their links become\n"
"                      absolute (else relative links stay as written)\n"
"      --offline       never touch the network: read remote feeds from the\n"
"                      cache\n"
"      --cache=FILE    the cache database (default\n"
"                      $XDG_CACHE_HOME/mesosnews/cache.db)\n"
"      --config=FILE   the configuration file (default\n"
"                      $XDG_CONFIG_HOME/mesosnews/config)\n"
"      --import-opml=FILE  add the feeds of an OPML file to the\n"
"                      configuration file\n"
"      --export-opml   write the configured feeds as OPML\n"
"  -w, --width=N       lay text out N columns wide\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show the version and exit\n"
"\n"
"Exit status: 0 on success, 1 when a source cannot be read, 2 on usage\n"
"errors.\n"
"Report bugs to: " PACKAGE_BUGREPORT "\n");
}

static void
init_locale(struct options *o)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0)
		return;
	/* The user's locale decides what may be shown: ASCII decorations,
	 * straight quotes.  Text is measured as UTF-8 all the same. */
	o->ascii = 1;
	md_set_smart(false);
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

static size_t
output_width(const struct options *o)
{
	struct winsize ws;
	const char *cols;
	long n;

	if (o->width > 0)
		return (size_t)o->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col;
	if ((cols = getenv("COLUMNS")) != NULL && (n = atol(cols)) > 0 &&
	    n < 10000)
		return (size_t)n;
	return 80;
}

/* The width to lay text out at: asked for, or the terminal's up to a
 * readable maximum. */
static int
text_width(const struct options *o)
{
	size_t w = output_width(o);

	if (o->width == 0 && o->readable > 0 && w > (size_t)o->readable)
		w = (size_t)o->readable;
	return (int)w;
}

/* Terminals known to show OSC 8 hyperlinks, by what they put in the
 * environment.  NOTE: checked in order; the first match decides. */
static bool
terminal_has_hyperlinks(void)
{
	static const char *programs[] = {
		"iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby",
	};
	static const char *terms[] = {
		"xterm-kitty", "foot", "wezterm", "alacritty", "xterm-ghostty",
	};
	const char *v;
	size_t i;

	if ((v = getenv("VTE_VERSION")) != NULL && atoi(v) >= 5000)
		return true;
	if (getenv("KITTY_WINDOW_ID") != NULL || getenv("WT_SESSION") != NULL)
		return true;
	if ((v = getenv("TERM_PROGRAM")) != NULL)
		for (i = 0; i < nitems(programs); i++)
			if (strcmp(v, programs[i]) == 0)
				return true;
	if ((v = getenv("TERM")) != NULL)
		for (i = 0; i < nitems(terms); i++)
			if (strncmp(v, terms[i], strlen(terms[i])) == 0)
				return true;
	return false;
}

static bool
use_hyperlinks(const struct options *o)
{
	if (o->hyperlinks != COLOR_AUTO)
		return o->hyperlinks == COLOR_ALWAYS;
	if (o->color == COLOR_ALWAYS)
		return true;
	return isatty(STDOUT_FILENO) && terminal_has_hyperlinks();
}

static bool
use_color(const struct options *o)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (o->color != COLOR_AUTO)
		return o->color == COLOR_ALWAYS;
	return isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0') &&
	    (term == NULL || strcmp(term, "dumb") != 0);
}

static int
load_config(const struct options *o, struct conf *cfg)
{
	char *path, *cause = NULL;
	int rc = 0;

	path = o->config_path != NULL ? xstrdup(o->config_path) :
	    conf_default_path();
	if (path != NULL &&
	    (rc = conf_load(cfg, path, o->config_path != NULL, &cause)) != 0) {
		fprintf(stderr, "mesosnews: %s\n", cause);
		free(cause);
	}
	free(path);
	return rc;
}

/* The config's feed line for a source, or -1. */
static ssize_t
feed_line(const struct conf *cfg, const char *source)
{
	size_t j;

	for (j = 0; j < conf_nfeeds(cfg); j++)
		if (strcmp(conf_feed_url(cfg, j), source) == 0)
			return (ssize_t)j;
	return -1;
}

/* Each source's configured name, or NULL: a source the config names
 * keeps its name on the command line.  The caller frees the array. */
static const char **
source_names(const struct options *o, const struct conf *cfg)
{
	const char **names;
	ssize_t j;
	size_t i;

	names = xcalloc((size_t)o->nsources + 1, sizeof *names);
	for (i = 0; i < (size_t)o->nsources; i++)
		if ((j = feed_line(cfg, o->sources[i])) != -1)
			names[i] = conf_feed_name(cfg, (size_t)j);
	return names;
}

/* Each source's own base URL from its feed line, or NULL; none when
 * --base-url is given, which is for every source.  The caller frees the
 * array. */
static const char **
source_base_urls(const struct options *o, const struct conf *cfg)
{
	const char **urls;
	ssize_t j;
	size_t i;

	urls = xcalloc((size_t)o->nsources + 1, sizeof *urls);
	for (i = 0; o->base_url == NULL && i < (size_t)o->nsources; i++)
		if ((j = feed_line(cfg, o->sources[i])) != -1)
			urls[i] = conf_feed_base_url(cfg, (size_t)j);
	return urls;
}

/* The terminal reader: the cache painted at once, the sources refreshed
 * in the background. */
static int
cmd_tui(const struct options *o, struct conf *cfg,
    const struct library_opts *lo)
{
	struct tui_opts t;
	char *cause = NULL, *c;
	int rc;

	if (lo->cache_path == NULL) {
		fprintf(stderr, "mesosnews: no place for the cache: set HOME "
		    "or use --cache FILE\n");
		return EXIT_SOURCE;
	}
	memset(&t, 0, sizeof t);
	t.lib = *lo;
	t.ascii = o->ascii;
	t.color = o->color == COLOR_ALWAYS ? TUI_COLOR_ALWAYS :
	    o->color == COLOR_NEVER ? TUI_COLOR_NEVER : TUI_COLOR_AUTO;
	t.unread_only = conf_unread_only(cfg);
	t.whole_view = conf_whole_view(cfg);
	t.notify = conf_notify_program(cfg);
	t.bell = conf_bell(cfg);
	t.browser = conf_browser(cfg);
	t.browser_terminal = conf_browser_terminal(cfg);
	t.pager = conf_pager(cfg);
	t.width = conf_width(cfg);
	t.list_width = conf_list_width(cfg);
	t.refresh_on_start = conf_refresh_on_start(cfg);
	t.conf = cfg;
	rc = tui_run(&t, &cause);
	if (rc == -1) {
		c = utf8_sanitize(cause, strlen(cause), UTF8_ONELINE);
		fprintf(stderr, "mesosnews: %s\n", c);
		free(c);
		free(cause);
		return EXIT_SOURCE;
	}
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "base-url",	required_argument,	NULL, OPT_BASE_URL },
		{ "cache",	required_argument,	NULL, OPT_CACHE },
		{ "config",	required_argument,	NULL, OPT_CONFIG },
		{ "export-opml", no_argument,		NULL, OPT_EXPORT_OPML },
		{ "import-opml", required_argument,	NULL, OPT_IMPORT_OPML },
		{ "offline",	no_argument,		NULL, OPT_OFFLINE },
		{ "refresh",	no_argument,		NULL, OPT_REFRESH },
		{ "all",	no_argument,		NULL, OPT_ALL },
		{ "color",	optional_argument,	NULL, OPT_COLOR },
		{ "colour",	optional_argument,	NULL, OPT_COLOR },
		{ "events",	no_argument,		NULL, OPT_EVENTS },
		{ "feeds",	no_argument,		NULL, OPT_FEEDS },
		{ "help",	no_argument,		NULL, 'h' },
		{ "hyperlinks",	optional_argument,	NULL, OPT_HYPERLINKS },
		{ "ics",	no_argument,		NULL, OPT_ICS },
		{ "issue",	required_argument,	NULL, 'i' },
		{ "links",	no_argument,		NULL, OPT_LINKS },
		{ "list",	no_argument,		NULL, 'l' },
		{ "section",	required_argument,	NULL, 's' },
		{ "text",	no_argument,		NULL, 't' },
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "unread",	no_argument,		NULL, OPT_UNREAD },
		{ "version",	no_argument,		NULL, 'V' },
		{ "width",	required_argument,	NULL, 'w' },
		{ NULL,		0,			NULL, 0 }
	};
	struct options o;
	struct textmode_opts to;
	struct library_opts lo;
	const char **names, **bases;
	struct conf *cfg;
	char *end, *path, *cache, **feeds = NULL;
	enum color when;
	long n;
	int c, rc;

	memset(&o, 0, sizeof o);
	init_locale(&o);
	while ((c = getopt_long(argc, argv, "hi:ls:tVw:", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'i':
			o.issue = optarg;
			break;
		case 's':
			o.section = optarg;
			break;
		case 't':
			o.mode = MODE_TEXT;
			break;
		case OPT_LINKS:
			o.links = 1;
			break;
		case OPT_EVENTS:
			o.mode = MODE_EVENTS;
			break;
		case OPT_ICS:
			o.ics = 1;
			break;
		case OPT_ALL:
			o.all = 1;
			break;
		case OPT_TSV:
			o.tsv = 1;
			break;
		case OPT_UNREAD:
			o.unread = 1;
			break;
		case OPT_FEEDS:
			o.mode = MODE_FEEDS;
			break;
		case OPT_BASE_URL:
			if (!uri_is_remote(optarg)) {
				fprintf(stderr, "mesosnews: --base-url: "
				    "expected an http or https URL\n");
				return EXIT_USAGE;
			}
			o.base_url = optarg;
			break;
		case OPT_COLOR:
		case OPT_HYPERLINKS:
			if (optarg == NULL || strcmp(optarg, "always") == 0)
				when = COLOR_ALWAYS;
			else if (strcmp(optarg, "auto") == 0)
				when = COLOR_AUTO;
			else if (strcmp(optarg, "never") == 0)
				when = COLOR_NEVER;
			else {
				fprintf(stderr, "mesosnews: --%s: expected "
				    "auto, always or never\n",
				    c == OPT_COLOR ? "color" : "hyperlinks");
				return EXIT_USAGE;
			}
			if (c == OPT_COLOR)
				o.color = when;
			else
				o.hyperlinks = when;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'l':
			o.mode = MODE_LIST;
			break;
		case 'V':
			printf("mesosnews %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		case 'w':
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 ||
			    n > 10000) {
				fprintf(stderr, "mesosnews: --width: expected "
				    "a number from 1 to 10000\n");
				return EXIT_USAGE;
			}
			o.width = (int)n;
			break;
		case OPT_CACHE:
			o.cache_path = optarg;
			break;
		case OPT_CONFIG:
			o.config_path = optarg;
			break;
		case OPT_EXPORT_OPML:
			o.export_opml = 1;
			break;
		case OPT_IMPORT_OPML:
			o.import_opml = optarg;
			break;
		case OPT_OFFLINE:
			o.offline = 1;
			break;
		case OPT_REFRESH:
			o.refresh = 1;
			break;
		default:
			fprintf(stderr, "Try 'mesosnews --help' for more "
			    "information.\n");
			return EXIT_USAGE;
		}
	}
	if (o.tsv && o.mode != MODE_LIST && o.mode != MODE_FEEDS) {
		fprintf(stderr, "mesosnews: --tsv goes with --list or "
		    "--feeds\n");
		return EXIT_USAGE;
	}
	if (o.unread && o.mode != MODE_LIST) {
		fprintf(stderr, "mesosnews: --unread goes with --list\n");
		return EXIT_USAGE;
	}
	if ((o.ics || o.all) && o.mode != MODE_EVENTS) {
		fprintf(stderr, "mesosnews: --%s goes with --events\n",
		    o.ics ? "ics" : "all");
		return EXIT_USAGE;
	}
	if (o.refresh && o.offline) {
		fprintf(stderr, "mesosnews: --refresh and --offline exclude "
		    "each other\n");
		return EXIT_USAGE;
	}
	cfg = conf_new();
	if (load_config(&o, cfg) != 0) {
		conf_free(cfg);
		return EXIT_USAGE;
	}
	o.max_doc = conf_limits(cfg)->max_size;
	o.readable = conf_width(cfg);
	if (o.import_opml != NULL) {
		path = o.config_path ? xstrdup(o.config_path) :
		    conf_default_path();
		if (path == NULL) {
			fprintf(stderr, "mesosnews: no place for the "
			    "configuration: set HOME or use --config FILE\n");
			rc = EXIT_USAGE;
		} else
			rc = textmode_import_opml(o.import_opml, path, cfg);
		free(path);
		conf_free(cfg);
		return rc;
	}
	if (o.export_opml) {
		rc = textmode_export_opml(cfg);
		conf_free(cfg);
		return rc;
	}
	/* SOURCEs replace the configured feeds for this run. */
	o.sources = argv + optind;
	o.nsources = argc - optind;
	if (o.nsources == 0) {
		o.from_config = 1;
		o.nsources = conf_nfeeds(cfg) > 0 ? (int)conf_nfeeds(cfg) : 1;
		o.sources = feeds = xcalloc(o.nsources, sizeof *feeds);
		for (c = 0; c < o.nsources; c++)
			feeds[c] = (char *)(conf_nfeeds(cfg) > 0 ?
			    conf_feed_url(cfg, c) : CONF_DEFAULT_FEED);
	}
	if (o.cache_path != NULL)
		cache = xstrdup(o.cache_path);
	else if (conf_cache(cfg) != NULL)
		cache = xstrdup(conf_cache(cfg));
	else
		cache = conf_default_cache();
	/* Where the issues come from: the same for both front-ends. */
	memset(&lo, 0, sizeof lo);
	lo.sources = (const char *const *)o.sources;
	lo.nsources = (size_t)o.nsources;
	lo.names = names = source_names(&o, cfg);
	lo.configured = o.from_config;
	lo.offline = o.offline;
	lo.cache_path = cache;
	lo.limits = conf_limits(cfg);
	lo.max_doc = o.max_doc;
	lo.base_url = o.base_url != NULL ? o.base_url : conf_base_url(cfg);
	lo.base_urls = bases = source_base_urls(&o, cfg);
	if (o.mode == MODE_DEFAULT && !o.refresh && o.issue == NULL &&
	    o.section == NULL && !o.links && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO))
		rc = cmd_tui(&o, cfg, &lo);
	else {
		memset(&to, 0, sizeof to);
		to.lib = lo;
		to.list = o.mode == MODE_LIST;
		to.events = o.mode == MODE_EVENTS;
		to.ics = o.ics;
		to.all = o.all;
		to.issue = o.issue;
		to.section = o.section;
		to.links = o.links;
		to.color = use_color(&o);
		to.hyperlinks = use_hyperlinks(&o);
		to.ascii = o.ascii;
		to.width = text_width(&o);
		/* Into a pipe, whole fields; on a terminal, its width. */
		to.list_width = o.width > 0 || isatty(STDOUT_FILENO) ?
		    output_width(&o) : 0;
		to.tsv = o.tsv;
		to.unread = o.unread;
		to.feeds = o.mode == MODE_FEEDS;
		to.refresh = o.refresh;
		to.event_words = conf_event_words(cfg);
		rc = textmode_run(&to);
	}
	free(names);
	free(bases);
	free(cache);
	free(feeds);
	conf_free(cfg);
	return rc;
}
