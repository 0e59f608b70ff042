/* textmode.c - the text-mode front-end over the issue library. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "conf.h"
#include "events.h"
#include "ics.h"
#include "library.h"
#include "opml.h"
#include "refresh.h"
#include "text.h"
#include "textmode.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

#define TITLE_MIN	10
#define AUTHOR_MAX	24

/* Print "mesosnews: [SOURCE: ][warning: ]message" as one sanitised
 * line. */
static void
report(const char *source, const char *kind, const char *message)
{
	char *m = utf8_sanitize(message, strlen(message), UTF8_ONELINE);
	char *s;

	if (source != NULL) {
		s = utf8_sanitize(source, strlen(source), UTF8_ONELINE);
		fprintf(stderr, "mesosnews: %s: %s%s\n", s, kind, m);
		free(s);
	} else
		fprintf(stderr, "mesosnews: %s%s\n", kind, m);
	free(m);
}

/* What opening the cache had to say, once the cache is open (a fetch or
 * the first run opens it when a source needs it). */
static void
say_notice(const struct library *lib)
{
	if (library_notice(lib) != NULL)
		report(NULL, "", library_notice(lib));
}

/* Errors are "SOURCE: reason" already; warnings are the parser's. */
static void
on_report(const char *source, const char *error, const char *warning,
    void *arg)
{
	size_t *errors = arg;

	if (error != NULL) {
		report(NULL, "", error);
		if (errors != NULL)
			(*errors)++;
	} else if (warning != NULL)
		report(source, "warning: ", warning);
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

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* "N<TAB>YYYY-MM-DD<TAB>title<TAB>author[<TAB>feed]" lines: every field
 * whole, the feed's name when the run has several. */
static void
print_tsv(struct library *lib, FILE *fp)
{
	const struct library_entry *e;
	bool feeds = library_nsources(lib) > 1;
	char date[11];
	size_t i;

	for (i = 0; (e = library_entry(lib, i)) != NULL; i++) {
		library_format_date(e->date, date);
		fprintf(fp, "%zu\t%s\t%s\t%s", i + 1, date, e->title,
		    e->author);
		if (feeds)
			fprintf(fp, "\t%s", e->source >= 0 ?
			    library_source_name(lib, (size_t)e->source) : "");
		fputc('\n', fp);
	}
}

/* "N  YYYY-MM-DD  title  author" lines: fitted to width columns (titles
 * cut first, down to TITLE_MIN, then authors down to AUTHOR_MAX), or
 * whole when width is 0 (into a pipe). */
static void
print_list(struct library *lib, FILE *fp, size_t width, bool ascii)
{
	struct buf line = BUF_INIT;
	size_t i, numw = 1, n, titlew = 0, authorw = 0, w, fixed, room;
	const struct library_entry *e;
	char date[11];

	for (n = library_count(lib); n >= 10; n /= 10)
		numw++;
	for (i = 0; (e = library_entry(lib, i)) != NULL; i++) {
		if ((w = utf8_width(e->title)) > titlew)
			titlew = w;
		if ((w = utf8_width(e->author)) > authorw)
			authorw = w;
	}
	/* number, date and the gaps between the four columns */
	fixed = numw + 2 + 10 + 2 + (authorw ? 2 : 0);
	if (width > 0 && fixed + titlew + authorw > width) {
		if (authorw > AUTHOR_MAX && fixed + titlew + AUTHOR_MAX <= width)
			authorw = width - fixed - titlew;
		else {
			if (authorw > AUTHOR_MAX)
				authorw = AUTHOR_MAX;
			room = width > fixed + authorw ? width - fixed - authorw :
			    0;
			if (titlew > room)
				titlew = room > TITLE_MIN ? room : TITLE_MIN;
		}
	}
	for (i = 0; (e = library_entry(lib, i)) != NULL; i++) {
		buf_reset(&line);
		library_format_date(e->date, date);
		buf_printf(&line, "%*zu  %-10s  ", (int)numw, i + 1, date);
		utf8_fit(&line, e->title, titlew, ascii);
		if (e->author[0] != '\0') {
			buf_adds(&line, "  ");
			utf8_fit(&line, e->author, authorw, ascii);
		}
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.len--;
		buf_addc(&line, '\n');
		fwrite(line.data, 1, line.len, fp);
	}
	buf_free(&line);
}

/* The issue --issue names, with its content; NULL after saying why. */
static struct issue *
choose(const struct textmode_opts *o, struct library *lib,
    const char **src)
{
	const char *which = o->issue != NULL ? o->issue : "latest";
	struct issue *is;
	char *cause = NULL, *w;
	size_t i;

	*src = NULL;
	if (strcmp(which, "latest") == 0) {
		is = library_latest(lib, on_report, NULL, &cause);
		*src = library_latest_source(lib);
	} else if (library_load(lib, 0, on_report, NULL, &cause) == -1)
		is = NULL;
	else if ((i = library_find(lib, which)) == (size_t)-1) {
		w = utf8_sanitize(which, strlen(which), UTF8_ONELINE);
		if (library_count(lib) == 0)
			fprintf(stderr, "mesosnews: no issues to show\n");
		else
			fprintf(stderr, "mesosnews: no issue '%s' (there are "
			    "%zu: see mesosnews --list)\n", w,
			    library_count(lib));
		free(w);
		return NULL;
	} else {
		is = library_get(lib, i, &cause);
		*src = library_entry_source(lib, i);
	}
	if (is == NULL) {
		report(NULL, "", cause);
		free(cause);
	}
	return is;
}

static int
print_issue(const struct textmode_opts *o, struct library *lib)
{
	struct text_opts to;
	struct issue *is;
	const char *src;
	char *cause = NULL;
	int rc;

	if ((is = choose(o, lib, &src)) == NULL)
		return EXIT_SOURCE;
	memset(&to, 0, sizeof to);
	to.width = o->width;
	to.color = o->color;
	to.hyperlinks = o->hyperlinks;
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
print_index(const struct textmode_opts *o, struct library *lib)
{
	char *cause = NULL;
	int rc;

	if ((rc = library_load(lib, 0, on_report, NULL, &cause)) == -1) {
		report(NULL, "", cause);
		free(cause);
		return EXIT_SOURCE;
	}
	if (o->unread)
		library_keep_unread(lib);
	if (o->tsv)
		print_tsv(lib, stdout);
	else
		print_list(lib, stdout, o->list_width, o->ascii);
	/* A source that could not be read is said, and the status says so. */
	return finish_output() != EXIT_OK || rc != 0 ? EXIT_SOURCE : EXIT_OK;
}

/* One line per feed: name, URL, unread, total, last fetch, last error. */
static int
print_feeds(const struct textmode_opts *o, struct library *lib)
{
	struct library_source_info si;
	struct buf line = BUF_INIT;
	size_t i, n = library_nsources(lib), namew = 0, urlw = 0, w;
	char *cause = NULL, when[32];
	struct tm tm;
	int rc;

	if ((rc = library_load(lib, 0, on_report, NULL, &cause)) == -1) {
		report(NULL, "", cause);
		free(cause);
		return EXIT_SOURCE;
	}
	for (i = 0; i < n; i++) {
		library_source_info(lib, i, &si);
		if ((w = utf8_width(si.name)) > namew)
			namew = w;
		if ((w = utf8_width(si.url)) > urlw)
			urlw = w;
	}
	for (i = 0; i < n; i++) {
		library_source_info(lib, i, &si);
		when[0] = '\0';
		if (si.last_fetch != (time_t)-1 &&
		    localtime_r(&si.last_fetch, &tm) != NULL)
			strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		else if (!si.cached && si.error == NULL)
			snprintf(when, sizeof when, "%s", "read directly");
		else
			snprintf(when, sizeof when, "%s", "never");
		buf_reset(&line);
		if (o->tsv)
			buf_printf(&line, "%s\t%s\t%zu\t%zu\t%s\t%s", si.name,
			    si.url, si.unread, si.total, when,
			    si.error != NULL ? si.error : "");
		else {
			utf8_fit(&line, si.name, namew, o->ascii);
			buf_adds(&line, "  ");
			utf8_fit(&line, si.url, urlw, o->ascii);
			buf_printf(&line, "  %5zu unread  %5zu total  %-16s  %s",
			    si.unread, si.total, when,
			    si.error != NULL ? si.error : "");
			while (line.len > 0 && line.data[line.len - 1] == ' ')
				line.len--;
		}
		buf_addc(&line, '\n');
		fwrite(line.data, 1, line.len, stdout);
	}
	buf_free(&line);
	return finish_output() != EXIT_OK || rc != 0 ? EXIT_SOURCE : EXIT_OK;
}

/* The events of every issue, upcoming first, or as iCalendar. */
static int
print_events(const struct textmode_opts *o, struct library *lib)
{
	struct events_issue *v;
	char *cause = NULL;
	size_t n;
	int rc;

	if (library_load(lib, 0, on_report, NULL, &cause) == -1 ||
	    library_events(lib, o->event_words, &v, &n, &cause) == -1) {
		report(NULL, "", cause);
		free(cause);
		return EXIT_SOURCE;
	}
	if (o->ics)
		rc = ics_write(stdout, v, n, time(NULL), &cause);
	else
		rc = events_write(stdout, v, n, time(NULL), o->all, &cause);
	library_events_free(v, n);
	if (rc == -1) {
		report(NULL, "", cause);
		free(cause);
		return EXIT_SOURCE;
	}
	return finish_output();
}

int
textmode_run(const struct textmode_opts *o)
{
	struct refresh_stats st;
	struct library *lib;
	char *cause = NULL, *notice = NULL;
	size_t errors = 0;
	int rc, status = EXIT_OK, n;

	lib = library_new(&o->lib);
	if (library_open(lib, &cause) == -1) {
		report(NULL, "", cause);
		free(cause);
		library_free(lib);
		return EXIT_SOURCE;
	}
	errors = library_fetch(lib, o->refresh, on_report, NULL, &st);
	if (o->refresh) {
		/* Alone, the summary is the output; else it goes aside. */
		fprintf(o->list || o->events || o->feeds ? stderr : stdout,
		    "%zu feed%s refreshed, %zu new issue%s, %zu error%s\n",
		    st.refreshed, plural(st.refreshed), st.new_issues,
		    plural(st.new_issues), st.errors, plural(st.errors));
		if (st.errors > 0 || errors > 0)
			status = EXIT_SOURCE;
		if (!o->list && !o->events && !o->feeds) {
			say_notice(lib);
			library_free(lib);
			return status;
		}
	}
	errors = 0;
	if ((n = library_settle(lib, on_report, &errors, &notice,
	    &cause)) == -1) {
		if (cause != NULL)
			report(NULL, "", cause);
		free(cause);
		library_free(lib);
		return EXIT_SOURCE;
	}
	if (n > 0)
		status = EXIT_SOURCE;
	say_notice(lib);
	if (notice != NULL) {
		report(NULL, "", notice);
		free(notice);
	}
	if (o->feeds)
		rc = print_feeds(o, lib);
	else if (o->events)
		rc = print_events(o, lib);
	else
		rc = o->list ? print_index(o, lib) : print_issue(o, lib);
	library_free(lib);
	return rc != EXIT_OK ? rc : status;
}

/*
 * OPML: the feed list in and out.
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

int
textmode_import_opml(const char *opml, const char *path, struct conf *cfg)
{
	struct import im;
	struct buf text = BUF_INIT;
	char *cause = NULL, chunk[8192];
	size_t n;
	FILE *fp;
	int rc = EXIT_SOURCE;

	memset(&im, 0, sizeof im);
	im.cfg = cfg;
	if (opml_read(opml, import_feed, &im, &cause) == -1) {
		report(opml, "", cause);
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
		buf_printf(&text, "# from %s\n", opml);
		buf_add(&text, im.lines.data, im.lines.len);
		if (util_make_parents(path, &cause) == -1 ||
		    util_write_atomic(path, text.data, text.len, &cause) == -1) {
			report(NULL, "", cause);
			goto out;
		}
	}
	printf("%zu feed%s added to %s, %zu already there, %zu skipped\n",
	    im.added, plural(im.added), path, im.known, im.skipped);
	rc = finish_output();
out:
	free(cause);
	buf_free(&text);
	buf_free(&im.lines);
	return rc;
}

int
textmode_export_opml(const struct conf *cfg)
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
