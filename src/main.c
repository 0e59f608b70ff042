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

#include "buf.h"
#include "conf.h"
#include "feed.h"
#include "index.h"
#include "opml.h"
#include "refresh.h"
#include "source.h"
#include "store.h"
#include "text.h"
#include "tui/tui.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

/* Exit statuses, as documented in mesosnews(1). */
#define EXIT_OK		0
#define EXIT_SOURCE	1	/* a source could not be read or parsed */
#define EXIT_USAGE	2	/* bad options (and fatal errors) */

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
};

enum mode {
	MODE_DEFAULT,
	MODE_LIST,
	MODE_TEXT,
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
	/* Text mode (issue 3). */
	const char	*issue;		/* --issue: number, "latest" or id */
	const char	*section;	/* --section */
	int		 links;		/* --links */
	enum color	 color;		/* --color */
	enum color	 hyperlinks;	/* --hyperlinks, auto by default */
	size_t		 max_doc;	/* max-size from the config */
	int		 readable;	/* "width": the widest text when
					   the terminal gives it */
	const char	*import_opml;	/* --import-opml */
	int		 export_opml;	/* --export-opml */
	/* The cache and the network (issue 4). */
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
"  -l, --list          print the issue index: number, date, title, author\n"
"  -t, --text          print an issue as text (the default when standard\n"
"                      output is not a terminal): header, sections and a\n"
"                      References list of its numbered links\n"
"  -i, --issue=WHICH   the issue to print: its number in --list, \"latest\"\n"
"                      (the default) or its id\n"
"  -s, --section=NAME  only the sections whose name contains NAME\n"
"      --links         only the numbered links of the issue\n"
"      --color[=WHEN]  ANSI styles: auto (on a terminal, unless NO_COLOR\n"
"                      is set), always or never\n"
"      --hyperlinks[=WHEN]  OSC 8 hyperlinks around link text: auto (with\n"
"                      --color=always, or on terminals known to show\n"
"                      them), always or never\n"
"      --refresh       fetch the sources into the cache first; alone, print\n"
"                      a summary line and exit\n"
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
	/* Text is measured as UTF-8 all the same; show ASCII decorations. */
	o->ascii = 1;
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

/* Print "mesosnews: SOURCE: [warning: ]message" as one sanitised line. */
static void
report(const char *source, const char *kind, const char *message)
{
	char *s = utf8_sanitize(source, strlen(source), UTF8_ONELINE);
	char *m = utf8_sanitize(message, strlen(message), UTF8_ONELINE);

	fprintf(stderr, "mesosnews: %s: %s%s\n", s, kind, m);
	free(s);
	free(m);
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

/* Build the index of every source; NULL after reporting an error. */
static struct index *
load_index(const struct options *o)
{
	struct feed_limits lim = { 0 };
	struct index *idx;
	char *cause = NULL, *warning = NULL;
	int i;

	lim.skip_content = true;
	lim.max_doc = o->max_doc;
	idx = index_new(o->mode != MODE_LIST);
	for (i = 0; i < o->nsources; i++) {
		index_set_source(idx, i);
		if (source_load(o->sources[i], &lim, index_add, idx, NULL,
		    &warning, &cause) == -1) {
			report(o->sources[i], "", cause);
			free(cause);
			index_free(idx);
			return NULL;
		}
		if (warning != NULL) {
			report(o->sources[i], "warning: ", warning);
			free(warning);
		}
	}
	index_sort(idx);
	return idx;
}

static int
finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "mesosnews: write error\n");
		return EXIT_SOURCE;
	}
	return EXIT_OK;
}

/* The newest issue of one local source.  Feeds list their newest entry
 * first, so its content is kept and the rest of the source is read
 * without content (FEED_NO_CONTENT), as the index would read it: a pipe's
 * one big issue is parsed once.  If a later entry turns out newer, its
 * content is read afterwards. */
struct latest {
	struct issue	*is;
	time_t		 date;
	bool		 complete;	/* is has its content */
};

static int
keep_latest(const struct issue *is, void *arg)
{
	struct latest *l = arg;
	time_t date = index_issue_date(is);

	/* Ties keep the first in the document, as the index does. */
	if (l->is == NULL || index_date_cmp(date, l->date) < 0) {
		/* Only the first issue comes with its content. */
		l->complete = l->is == NULL;
		feed_issue_free(l->is);
		l->is = feed_issue_dup(is);
		l->date = date;
	}
	return FEED_NO_CONTENT;
}

static struct issue *
load_latest(const struct options *o, const char *src)
{
	struct feed_limits lim = { 0 };
	struct latest l = { NULL, (time_t)-1, false };
	struct issue *is;
	char *cause = NULL, *warning = NULL;

	lim.max_doc = o->max_doc;
	if (source_load(src, &lim, keep_latest, &l, NULL, &warning,
	    &cause) == -1) {
		report(src, "", cause);
		free(cause);
		feed_issue_free(l.is);
		return NULL;
	}
	if (warning != NULL) {
		report(src, "warning: ", warning);
		free(warning);
	}
	if (l.is == NULL) {
		fprintf(stderr, "mesosnews: no issues to show\n");
		return NULL;
	}
	if (l.complete)
		return l.is;
	is = source_get_issue(src, l.is->id, &lim, &cause);
	feed_issue_free(l.is);
	if (is == NULL) {
		report(src, "", cause);
		free(cause);
	}
	return is;
}

/* The issue --issue names: through the index of every source, then read
 * from its own. */
static struct issue *
load_chosen(const struct options *o, const char **srcp)
{
	struct feed_limits lim = { 0 };
	const struct index_entry *e;
	struct index *idx;
	struct issue *is;
	char *cause = NULL, *which;

	if ((idx = load_index(o)) == NULL)
		return NULL;
	if ((e = index_get(idx, index_find(idx, o->issue))) == NULL) {
		which = utf8_sanitize(o->issue ? o->issue : "latest",
		    strlen(o->issue ? o->issue : "latest"), UTF8_ONELINE);
		if (index_count(idx) == 0)
			fprintf(stderr, "mesosnews: no issues to show\n");
		else
			fprintf(stderr, "mesosnews: no issue '%s' (there are "
			    "%zu: see mesosnews --list)\n", which,
			    index_count(idx));
		free(which);
		index_free(idx);
		return NULL;
	}
	*srcp = o->sources[e->source];
	lim.max_doc = o->max_doc;
	if ((is = source_get_issue(*srcp, e->id, &lim, &cause)) == NULL) {
		report(*srcp, "", cause);
		free(cause);
	}
	index_free(idx);
	return is;
}

static int
cmd_text(const struct options *o)
{
	struct text_opts to;
	struct issue *is;
	const char *src;
	char *cause = NULL;
	int rc = EXIT_OK;

	src = o->sources[0];
	if (o->nsources == 1 && !source_is_remote(src) &&
	    (o->issue == NULL || strcmp(o->issue, "latest") == 0))
		is = load_latest(o, src);
	else
		is = load_chosen(o, &src);
	if (is == NULL)
		return EXIT_SOURCE;
	memset(&to, 0, sizeof to);
	to.width = text_width(o);
	to.color = use_color(o);
	to.hyperlinks = use_hyperlinks(o);
	to.ascii = o->ascii;
	to.section = o->section;
	to.links_only = o->links;
	if (text_print_issue(stdout, is, &to, &cause) == -1) {
		report(src, "", cause);
		free(cause);
		rc = EXIT_SOURCE;
	} else
		rc = finish_output();
	feed_issue_free(is);
	return rc;
}

static int
cmd_list(const struct options *o)
{
	struct index *idx;
	int rc;

	if ((idx = load_index(o)) == NULL)
		return EXIT_SOURCE;
	index_print(idx, stdout, output_width(o), o->ascii);
	rc = finish_output();
	index_free(idx);
	return rc;
}

/*
 * The cache and the network (issue 4): the configuration file, --refresh,
 * fetching the remote sources the cache lacks, and the bundled sample on
 * a first run that cannot fetch anything.
 */

/* What a refresh reported: errors are printed at once, or kept (quiet)
 * until it is known whether a single notice replaces them. */
struct net_report {
	int		 quiet;
	char		**errors;
	size_t		 nerrors;
};

static void
net_report_cb(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	struct net_report *rep = arg;
	char *m;

	if (error != NULL && rep->quiet) {
		rep->errors = xreallocarray(rep->errors, rep->nerrors + 1,
		    sizeof *rep->errors);
		rep->errors[rep->nerrors++] = xstrdup(error);
	} else if (error != NULL) {
		/* error is "SOURCE: reason" already. */
		m = utf8_sanitize(error, strlen(error), UTF8_ONELINE);
		fprintf(stderr, "mesosnews: %s\n", m);
		free(m);
		rep->nerrors++;
	} else if (warning != NULL)
		report(source, "warning: ", warning);
}

static void
net_report_flush(struct net_report *rep)
{
	size_t i;
	char *m;

	for (i = 0; rep->errors != NULL && i < rep->nerrors; i++) {
		m = utf8_sanitize(rep->errors[i], strlen(rep->errors[i]),
		    UTF8_ONELINE);
		fprintf(stderr, "mesosnews: %s\n", m);
		free(m);
	}
}

static void
net_report_free(struct net_report *rep)
{
	size_t i;

	for (i = 0; rep->errors != NULL && i < rep->nerrors; i++)
		free(rep->errors[i]);
	free(rep->errors);
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

static struct store *
open_cache(const struct options *o, const struct conf *cfg)
{
	struct store *store;
	char *path, *cause = NULL;

	if (o->cache_path != NULL)
		path = xstrdup(o->cache_path);
	else if (conf_cache(cfg) != NULL)
		path = xstrdup(conf_cache(cfg));
	else if ((path = conf_default_cache()) == NULL) {
		fprintf(stderr, "mesosnews: no place for the cache: set HOME "
		    "or use --cache FILE\n");
		return NULL;
	}
	if ((store = store_open(path, &cause)) == NULL) {
		fprintf(stderr, "mesosnews: %s\n", cause);
		free(cause);
	}
	free(path);
	return store;
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* Settle the sources of the run: --refresh, then the remote sources the
 * cache lacks, then the bundled sample if the configured feeds gave
 * nothing.  Returns -1 to go on with the sources in o, or the exit status
 * to end with; *status is the status to end with otherwise. */
static int
net_prepare(struct options *o, const struct conf *cfg, struct store **sp,
    int *status)
{
	struct net_report rep;
	struct refresh_stats st;
	const char **missing;
	int i, j, n, nremote = 0, rc = -1;

	*status = EXIT_OK;
	for (i = 0; i < o->nsources; i++)
		nremote += source_is_remote(o->sources[i]);
	if (!o->refresh && nremote == 0)
		return -1;
	if ((*sp = open_cache(o, cfg)) == NULL)
		return EXIT_SOURCE;
	source_use_cache(*sp);

	memset(&rep, 0, sizeof rep);
	missing = xcalloc(o->nsources + 1, sizeof *missing);
	if (o->refresh) {
		refresh_run_all(*sp, (const char *const *)o->sources,
		    (size_t)o->nsources, conf_limits(cfg), net_report_cb, &rep,
		    &st);
		/* Alone, the summary is the output; else it goes aside. */
		fprintf(o->mode == MODE_LIST ? stderr : stdout,
		    "%zu feed%s refreshed, %zu new issue%s, %zu error%s\n",
		    st.refreshed, plural(st.refreshed), st.new_issues,
		    plural(st.new_issues), st.errors, plural(st.errors));
		if (st.errors > 0)
			*status = EXIT_SOURCE;
		if (o->mode != MODE_LIST) {
			rc = *status;
			goto out;
		}
	} else if (!o->offline) {
		for (i = n = 0; i < o->nsources; i++)
			if (source_is_remote(o->sources[i]) &&
			    !source_is_cached(o->sources[i]))
				missing[n++] = o->sources[i];
		rep.quiet = o->from_config;
		if (n > 0)
			refresh_run_all(*sp, missing, (size_t)n,
			    conf_limits(cfg), net_report_cb, &rep, NULL);
	}

	/* Keep the sources there is something to read for. */
	for (i = j = n = 0; i < o->nsources; i++) {
		if (source_is_remote(o->sources[i]) &&
		    !source_is_cached(o->sources[i]))
			missing[n++] = o->sources[i];
		else
			o->sources[j++] = o->sources[i];
	}
	if (n == 0 || (o->from_config && j > 0)) {
		o->nsources = j;
		net_report_flush(&rep);
		if (rep.nerrors > 0)
			*status = EXIT_SOURCE;
		goto out;
	}
	if (!o->from_config) {
		/* Named on the command line: its fetch error is out. */
		if (o->offline)
			report(missing[0], "", "not in the cache, and "
			    "--offline forbids fetching it");
		rc = EXIT_SOURCE;
		goto out;
	}
	/* A first run that cannot fetch: the bundled sample, said once. */
	if (o->offline || rep.errors == NULL)
		fprintf(stderr, "mesosnews: nothing cached yet%s: showing the "
		    "bundled sample feed\n", o->offline ? " (--offline)" : "");
	else
		fprintf(stderr, "mesosnews: nothing cached yet and %s; "
		    "showing the bundled sample feed (mesosnews --refresh "
		    "tries again)\n", rep.errors[0]);
	o->sources[0] = (char *)source_sample_path();
	o->nsources = 1;
out:
	net_report_free(&rep);
	free(missing);
	return rc;
}

/* The terminal reader: the cache painted at once, the sources refreshed
 * in the background. */
static int
cmd_tui(const struct options *o, struct conf *cfg)
{
	struct tui_opts t;
	const char **names;
	char *cache, *cause = NULL, *c;
	size_t i, j;
	int rc;

	if (o->cache_path != NULL)
		cache = xstrdup(o->cache_path);
	else if (conf_cache(cfg) != NULL)
		cache = xstrdup(conf_cache(cfg));
	else if ((cache = conf_default_cache()) == NULL) {
		fprintf(stderr, "mesosnews: no place for the cache: set HOME "
		    "or use --cache FILE\n");
		return EXIT_SOURCE;
	}
	memset(&t, 0, sizeof t);
	t.cache = cache;
	t.sources = (const char *const *)o->sources;
	t.nsources = (size_t)o->nsources;
	t.offline = o->offline;
	/* The configured feeds on a first run without a network: the sample,
	 * as net_prepare does for text mode. */
	t.sample = o->from_config ? source_sample_path() : NULL;
	t.ascii = o->ascii;
	t.color = o->color == COLOR_ALWAYS ? TUI_COLOR_ALWAYS :
	    o->color == COLOR_NEVER ? TUI_COLOR_NEVER : TUI_COLOR_AUTO;
	t.limits = conf_limits(cfg);
	t.browser = conf_browser(cfg);
	t.browser_terminal = conf_browser_terminal(cfg);
	t.pager = conf_pager(cfg);
	t.width = conf_width(cfg);
	t.refresh_on_start = conf_refresh_on_start(cfg);
	t.conf = cfg;
	/* A source the config names keeps its name on the command line. */
	t.names = names = xcalloc(t.nsources + 1, sizeof *names);
	for (i = 0; i < t.nsources; i++)
		for (j = 0; j < conf_nfeeds(cfg); j++)
			if (strcmp(conf_feed_url(cfg, j), o->sources[i]) == 0)
				names[i] = conf_feed_name(cfg, j);
	rc = tui_run(&t, &cause);
	free(names);
	free(cache);
	if (rc == -1) {
		c = utf8_sanitize(cause, strlen(cause), UTF8_ONELINE);
		fprintf(stderr, "mesosnews: %s\n", c);
		free(c);
		free(cause);
		return EXIT_SOURCE;
	}
	return EXIT_OK;
}

/*
 * OPML (issue 7): the feed list in and out.
 */

struct import {
	struct conf	*cfg;
	struct buf	 lines;		/* "feed URL NAME" lines to append */
	size_t		 added, known, skipped;
};

static int
import_feed(const char *url, const char *title, void *arg)
{
	struct import *im = arg;
	size_t i;

	if (!uri_is_remote(url) && strncmp(url, "file:", 5) != 0) {
		report(url, "", "skipped: only http, https and file feeds");
		im->skipped++;
		return 0;
	}
	for (i = 0; i < conf_nfeeds(im->cfg); i++)
		if (strcmp(conf_feed_url(im->cfg, i), url) == 0) {
			im->known++;
			return 0;
		}
	conf_add_feed(im->cfg, url, title);
	buf_printf(&im->lines, "feed %s%s%s\n", url, title ? " " : "",
	    title ? title : "");
	im->added++;
	return 0;
}

/* Add the feeds of an OPML file to the configuration file, rewriting it
 * atomically: a failed write (a full disk) leaves the old one whole. */
static int
cmd_import_opml(const struct options *o, struct conf *cfg)
{
	struct import im;
	struct buf text = BUF_INIT;
	char *path, *cause = NULL, chunk[8192];
	size_t n;
	FILE *fp;
	int rc = EXIT_SOURCE;

	memset(&im, 0, sizeof im);
	im.cfg = cfg;
	path = o->config_path ? xstrdup(o->config_path) : conf_default_path();
	if (path == NULL) {
		fprintf(stderr, "mesosnews: no place for the configuration: "
		    "set HOME or use --config FILE\n");
		return EXIT_USAGE;
	}
	if (opml_read(o->import_opml, import_feed, &im, &cause) == -1) {
		report(o->import_opml, "", cause);
		goto out;
	}
	if ((fp = fopen(path, "rb")) != NULL) {
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			buf_add(&text, chunk, n);
		fclose(fp);
	}
	if (text.len > 0 && text.data[text.len - 1] != '\n')
		buf_addc(&text, '\n');
	if (im.added > 0) {
		buf_printf(&text, "# from %s\n", o->import_opml);
		buf_add(&text, im.lines.data, im.lines.len);
		if (util_make_parents(path, &cause) == -1 ||
		    util_write_atomic(path, text.data, text.len, &cause) == -1) {
			fprintf(stderr, "mesosnews: %s\n", cause);
			goto out;
		}
	}
	printf("%zu feed%s added to %s, %zu already there, %zu skipped\n",
	    im.added, plural(im.added), path, im.known, im.skipped);
	rc = finish_output();
out:
	free(cause);
	free(path);
	buf_free(&text);
	buf_free(&im.lines);
	return rc;
}

static int
cmd_export_opml(const struct conf *cfg)
{
	const char **urls, **titles;
	size_t i, n = conf_nfeeds(cfg);
	int rc;

	urls = xcalloc(n + 1, sizeof *urls);
	titles = xcalloc(n + 1, sizeof *titles);
	for (i = 0; i < n; i++) {
		urls[i] = conf_feed_url(cfg, i);
		titles[i] = conf_feed_name(cfg, i);
	}
	if (n == 0) {
		urls[n] = CONF_DEFAULT_FEED;
		titles[n++] = "Apache Mesos Blog";
	}
	rc = opml_write(stdout, urls, titles, n) == 0 ? finish_output() :
	    EXIT_SOURCE;
	free(urls);
	free(titles);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "cache",	required_argument,	NULL, OPT_CACHE },
		{ "config",	required_argument,	NULL, OPT_CONFIG },
		{ "export-opml", no_argument,		NULL, OPT_EXPORT_OPML },
		{ "import-opml", required_argument,	NULL, OPT_IMPORT_OPML },
		{ "offline",	no_argument,		NULL, OPT_OFFLINE },
		{ "refresh",	no_argument,		NULL, OPT_REFRESH },
		{ "color",	optional_argument,	NULL, OPT_COLOR },
		{ "colour",	optional_argument,	NULL, OPT_COLOR },
		{ "help",	no_argument,		NULL, 'h' },
		{ "hyperlinks",	optional_argument,	NULL, OPT_HYPERLINKS },
		{ "issue",	required_argument,	NULL, 'i' },
		{ "links",	no_argument,		NULL, OPT_LINKS },
		{ "list",	no_argument,		NULL, 'l' },
		{ "section",	required_argument,	NULL, 's' },
		{ "text",	no_argument,		NULL, 't' },
		{ "version",	no_argument,		NULL, 'V' },
		{ "width",	required_argument,	NULL, 'w' },
		{ NULL,		0,			NULL, 0 }
	};
	struct options o;
	struct conf *cfg;
	struct store *store = NULL;
	char *end, **feeds = NULL;
	enum color when;
	long n;
	int c, rc, status = EXIT_OK;

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
	if (o.import_opml != NULL || o.export_opml) {
		rc = o.import_opml != NULL ? cmd_import_opml(&o, cfg) :
		    cmd_export_opml(cfg);
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
	if (o.mode == MODE_DEFAULT && !o.refresh && o.issue == NULL &&
	    o.section == NULL && !o.links && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO))
		rc = cmd_tui(&o, cfg);
	else if ((rc = net_prepare(&o, cfg, &store, &status)) == -1) {
		if (o.mode == MODE_LIST)
			rc = cmd_list(&o);
		else
			rc = cmd_text(&o);
		if (rc == EXIT_OK)
			rc = status;
	}
	store_close(store);
	free(feeds);
	conf_free(cfg);
	return rc;
}
