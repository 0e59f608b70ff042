/* app.c - the terminal reader's event loop: one poll over the keyboard and
 * the refresh's transfers; signals only raise flags the loop acts on. */
#include "config.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "browser.h"
#include "content.h"
#include "doc.h"
#include "fetch.h"
#include "layout.h"
#include "refresh.h"
#include "store.h"
#include "sync.h"
#include "tui.h"
#include "utf8.h"
#include "util.h"
#include "view.h"

/* The first paint reads only this many issues; the rest come after it,
 * unless a key is waiting. */
#define FIRST_PAGE	200
#define MAX_POLLFDS	64
/* Mouse events curses can queue behind one KEY_MOUSE. */
#define MAX_MOUSE	16

static volatile sig_atomic_t got_winch;
static volatile sig_atomic_t got_quit;

static struct app *current;
static SCREEN *screen;
static bool screen_up;
static struct sigaction old_int, old_term, old_hup, old_winch, old_pipe;

static void
on_signal(int sig)
{
	if (sig == SIGWINCH)
		got_winch = 1;
	else
		got_quit = 1;
}

/* The fatal hook: whatever happens, leave the terminal usable. */
static void
restore_terminal(void)
{
	if (screen_up) {
		endwin();
		screen_up = false;
	}
}

struct app *
app_current(void)
{
	return current;
}

void
app_suspend(void)
{
	if (!screen_up)
		return;
	def_prog_mode();
	endwin();
	/* ^C in the child must not end the reader. */
	signal(SIGINT, SIG_IGN);
}

void
app_resume(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	if (!screen_up)
		return;
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (current != NULL)
		current->d_all = true;
}

void
app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	free(a->msg);
	a->msg = utf8_sanitize(s, strlen(s), UTF8_ONELINE);
	a->msg_error = error;
	a->d_status = true;
	free(s);
}

static void
clear_message(struct app *a)
{
	if (a->msg != NULL) {
		free(a->msg);
		a->msg = NULL;
		a->d_status = true;
	}
}

void
app_browse(struct app *a, const char *url)
{
	struct browser_opts bo;
	char *msg = NULL, *cause = NULL;

	memset(&bo, 0, sizeof bo);
	bo.command = a->opts->browser;
	bo.terminal = a->opts->browser_terminal;
	bo.suspend = app_suspend;
	bo.resume = app_resume;
	if (browser_open(url, &bo, &msg, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
	} else {
		app_message(a, false, "%s", msg);
		free(msg);
	}
}

/* Entries and the list. */

struct loader {
	struct app	*a;
	size_t		 limit;		/* 0: all */
	int		 feed;		/* of the last issue */
};

static int
load_one(const struct store_issue *si, void *arg)
{
	struct loader *l = arg;
	struct app *a = l->a;
	struct entry *e;
	const char *t = si->issue.title;

	if ((a->nentries & (a->nentries - 1)) == 0)
		a->entries = xreallocarray(a->entries,
		    a->nentries ? a->nentries * 2 : 1, sizeof *a->entries);
	e = &a->entries[a->nentries++];
	e->id = si->id;
	e->date = si->issue.published != (time_t)-1 ? si->issue.published :
	    si->issue.updated;
	e->first_seen = si->first_seen;
	e->read = si->read;
	if (t == NULL || t[0] == '\0')
		t = "(untitled)";
	e->title = utf8_sanitize(t, strlen(t), UTF8_ONELINE);
	/* Issues of one feed come in runs: try the last one's first. */
	if (l->feed < 0 || a->feeds[l->feed] != si->feed)
		for (l->feed = (int)a->nfeeds - 1; l->feed >= 0; l->feed--)
			if (a->feeds[l->feed] == si->feed)
				break;
	e->feed = l->feed;
	if (l->limit > 0 && a->nentries >= l->limit)
		return -1;
	return 0;
}

static void
free_entries(struct app *a)
{
	size_t i;

	for (i = 0; i < a->nentries; i++)
		free(a->entries[i].title);
	free(a->entries);
	a->entries = NULL;
	a->nentries = 0;
	free(a->by_id);
	a->by_id = NULL;
}

static struct app *sort_app;

static int
by_id_cmp(const void *x, const void *y)
{
	int64_t p = sort_app->entries[*(const size_t *)x].id;
	int64_t q = sort_app->entries[*(const size_t *)y].id;

	return p < q ? -1 : p > q;
}

size_t
app_entry_index(struct app *a, int64_t id)
{
	size_t lo = 0, hi = a->nentries, mid, i;

	if (a->by_id == NULL) {
		a->by_id = xcalloc(a->nentries + 1, sizeof *a->by_id);
		for (i = 0; i < a->nentries; i++)
			a->by_id[i] = i;
		sort_app = a;
		qsort(a->by_id, a->nentries, sizeof *a->by_id, by_id_cmp);
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a->entries[a->by_id[mid]].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->nentries && a->entries[a->by_id[lo]].id == id)
		return a->by_id[lo];
	return (size_t)-1;
}

size_t
app_nfeeds(const struct app *a)
{
	return a->sample ? 1 : a->nfeeds;
}

bool
app_entry_shown(const struct app *a, const struct entry *e)
{
	return a->feed_filter < 0 || e->feed == a->feed_filter;
}

/* Counts for the title bar, from the list once all of it is read. */
static void
count(struct app *a)
{
	size_t i;

	a->total = a->unread = 0;
	for (i = 0; i < a->nentries; i++) {
		if (!app_entry_shown(a, &a->entries[i]))
			continue;
		a->total++;
		if (!a->entries[i].read)
			a->unread++;
	}
	a->d_title = true;
}

/* Show the entries of the feed shown, newest first; the selection stays on
 * the issue sel_id (0: none) if it is still there. */
static void
show_entries(struct app *a, int64_t sel_id)
{
	size_t i;

	free(a->shown);
	a->shown = xcalloc(a->nentries + 1, sizeof *a->shown);
	a->nshown = 0;
	for (i = 0; i < a->nentries; i++)
		if (app_entry_shown(a, &a->entries[i])) {
			if (a->entries[i].id == sel_id)
				a->sel = a->nshown;
			a->shown[a->nshown++] = i;
		}
}

void
app_set_feed(struct app *a, int filter)
{
	int64_t sel_id = 0;
	char *q = a->search;

	if (a->list_partial)
		app_load_all(a);
	if (a->nshown > 0 && a->sel < a->nshown)
		sel_id = a->entries[a->shown[a->sel]].id;
	a->feed_filter = filter;
	a->sel = a->top = 0;
	if (q != NULL) {
		a->search = NULL;
		issues_search(a, q, true);
		free(q);
	} else
		show_entries(a, sel_id);
	count(a);
	issues_scroll_to_sel(a);
	a->d_all = true;
}

/* Read the list from the cache (the first limit issues, 0 for all),
 * keeping the selection on the same issue. */
static void
load(struct app *a, size_t limit)
{
	struct loader l = { a, limit, -1 };
	int64_t sel_id = 0;
	char *cause = NULL;

	if (a->nshown > 0 && a->sel < a->nshown)
		sel_id = a->entries[a->shown[a->sel]].id;
	free_entries(a);
	free(a->shown);
	a->shown = NULL;
	a->nshown = 0;
	/* Without a filter the cache reads in index order: much faster. */
	if (store_list(a->store, a->all_feeds ? NULL : a->feeds,
	    a->all_feeds ? 0 : a->nfeeds, load_one, &l, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
	}
	a->list_partial = limit > 0 && a->nentries >= limit;
	show_entries(a, sel_id);
	if (!a->list_partial)
		count(a);
	a->d_list = a->d_title = true;
}

void
app_load_all(struct app *a)
{
	load(a, 0);
}

void
app_reload(struct app *a)
{
	char *q = a->search;

	a->search = NULL;
	load(a, 0);
	if (q != NULL) {
		/* Run the search again on the new list. */
		issues_search(a, q, true);
		free(q);
	}
	issues_scroll_to_sel(a);
	a->d_all = true;
}

/* The article. */

void
app_close_issue(struct app *a)
{
	if (a->view != NULL)
		view_free(a->view);
	if (a->doc != NULL)
		doc_free(a->doc);
	if (a->issue != NULL)
		store_issue_free(a->issue);
	free(a->sec_top);
	free(a->find);
	a->view = NULL;
	a->doc = NULL;
	a->issue = NULL;
	a->sec_top = NULL;
	a->find = NULL;
	a->find_line = -1;
	a->issue_id = 0;
	a->links_open = false;
	a->pending = -1;
	a->focus = FOCUS_ISSUES;
	app_layout(a);
	a->d_all = true;
}

void
app_open_issue(struct app *a, size_t shown_index)
{
	struct store_issue *si;
	struct entry *e;
	const char *content, *base;
	enum content_kind kind;
	char *cause = NULL;
	struct doc *d;

	if (shown_index >= a->nshown)
		return;
	e = &a->entries[a->shown[shown_index]];
	if ((si = store_get(a->store, e->id, &cause)) == NULL) {
		app_message(a, true, "%s", cause);
		free(cause);
		return;
	}
	content = si->issue.content;
	kind = si->issue.kind;
	if (content == NULL || content[0] == '\0') {
		content = si->issue.summary;
		kind = si->issue.summary_kind;
	}
	if (content == NULL) {
		content = "";
		kind = CONTENT_TEXT;
	}
	base = si->issue.base != NULL ? si->issue.base : si->issue.link;
	if ((d = content_parse(content, strlen(content), kind, base,
	    &cause)) == NULL) {
		app_message(a, true, "cannot show this issue: %s", cause);
		free(cause);
		store_issue_free(si);
		return;
	}
	/* The document holds the text now: the source can go (10 MB for a
	 * big issue). */
	free(si->issue.content);
	free(si->issue.summary);
	si->issue.content = si->issue.summary = NULL;
	app_close_issue(a);
	a->issue = si;
	a->issue_id = e->id;
	a->doc = d;
	a->nsections = doc_nsections(d) > 0 ? doc_nsections(d) : 1;
	a->sec_top = xcalloc((size_t)a->nsections, sizeof *a->sec_top);
	a->section = 0;
	a->continuous = false;
	a->atop = 0;
	a->lsel = a->ltop = 0;
	a->sel = shown_index;
	a->focus = FOCUS_ARTICLE;
	app_layout(a);
	article_relayout(a);
	/* Opening an issue marks it read, in the cache at once (or as
	 * soon as another writer lets go). */
	if (!e->read && app_mark_read(a, e->id, true) == 0) {
		e->read = true;
		if (a->unread > 0)
			a->unread--;
	}
	issues_scroll_to_sel(a);
	a->d_all = true;
}

/* Geometry. */

void
app_layout(struct app *a)
{
	int body, lw, lh;
	struct rect none = { 0, 0, 0, 0 };

	a->rows = LINES;
	a->cols = COLS;
	a->too_small = a->cols < TUI_MIN_COLS || a->rows < TUI_MIN_ROWS;
	a->wide = a->cols >= TUI_WIDE_COLS;
	a->r_title = (struct rect){ 0, 0, 1, a->cols };
	a->r_status = (struct rect){ a->rows - 1, 0, 1, a->cols };
	body = a->rows - 2;
	a->r_list = a->r_article = a->r_links = none;
	if (a->too_small)
		return;
	if (a->wide) {
		lw = a->cols * 2 / 5;
		if (lw > 60)
			lw = 60;
		a->r_list = (struct rect){ 1, 0, body, lw };
		a->r_article = (struct rect){ 1, lw + 1, body,
		    a->cols - lw - 1 };
	} else if (a->doc != NULL && a->focus != FOCUS_ISSUES)
		a->r_article = (struct rect){ 1, 0, body, a->cols };
	else
		a->r_list = (struct rect){ 1, 0, body, a->cols };
	if (a->links_open && a->r_article.h > 0) {
		if (a->r_article.h >= 16) {
			lh = a->r_article.h * 2 / 5;
			a->r_links = a->r_article;
			a->r_links.y += a->r_article.h - lh;
			a->r_links.h = lh;
			a->r_article.h -= lh;
		} else {
			a->r_links = a->r_article;
			a->r_article.h = 0;
		}
	}
	a->d_all = true;
}

/* Lay the screen out again at the size curses now has; resizeterm (or
 * curses' own handler) has already queued a KEY_RESIZE, which lands
 * here too, without calling resizeterm again. */
static void
relayout(struct app *a)
{
	app_layout(a);
	/* Same paragraph at the new width. */
	article_relayout(a);
	clearok(curscr, TRUE);
	a->d_all = true;
}

/* SIGWINCH: ask the terminal its size. */
static void
resize(struct app *a)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	relayout(a);
}

static void
draw_separator(struct app *a)
{
	int y;
	const char *bar = draw_glyph("\xe2\x94\x82", "|");

	if (!a->wide)
		return;
	for (y = a->r_list.y; y < a->r_list.y + a->r_list.h; y++)
		draw_text(y, a->r_list.w, 1, bar, R_BORDER, true);
}

static void
draw(struct app *a)
{
	const char *small = "terminal too small";
	int y;

	if (a->too_small) {
		if (!a->d_all)
			return;
		erase();
		y = a->rows / 2;
		draw_text(y, 0, a->cols, small, R_NORMAL, false);
		a->d_all = false;
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	if (a->d_all) {
		a->d_title = a->d_list = a->d_article = a->d_links = true;
		a->d_status = true;
		draw_separator(a);
	}
	if (a->d_title)
		status_draw_title(a);
	if (a->d_list && a->r_list.h > 0)
		issues_draw(a);
	if (a->d_article && a->r_article.h > 0)
		article_draw(a);
	if (a->d_links && a->links_open)
		links_draw(a);
	if (a->help && (a->d_all || a->d_list || a->d_article || a->d_links))
		help_draw(a);
	if (a->d_status || a->d_all)
		status_draw(a);
	a->d_title = a->d_list = a->d_article = a->d_links = false;
	a->d_status = a->d_all = false;
	curs_set(prompt_active(a) ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Keys. */

static int
context(const struct app *a)
{
	switch (a->focus) {
	case FOCUS_ISSUES:
		return CTX_ISSUES;
	case FOCUS_ARTICLE:
		return CTX_ARTICLE;
	default:
		return CTX_LINKS;
	}
}

static void
start_refresh(struct app *a)
{
	char *cause = NULL;

	if (a->opts->offline) {
		app_message(a, false, "offline: not refreshing");
		return;
	}
	if (a->sync == NULL)
		a->sync = sync_new(a->store, a->opts->limits);
	if (sync_running(a->sync))
		return;
	if (sync_start(a->sync, a->opts->sources, a->opts->nsources,
	    &cause) == -1) {
		app_message(a, true, "refresh failed: %s", cause);
		free(cause);
	}
	a->d_title = true;
}

/* Actions that mean the same in every pane. */
static bool
global_key(struct app *a, enum action act)
{
	switch (act) {
	case ACT_HELP:
		a->help = true;
		a->help_top = 0;
		a->d_all = true;
		return true;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		a->d_all = true;
		return true;
	case ACT_REFRESH:
		start_refresh(a);
		return true;
	case ACT_QUIT:
		if (a->focus == FOCUS_LINKS)
			links_show(a, false);
		else if (a->focus == FOCUS_ARTICLE) {
			if (a->wide) {
				a->focus = FOCUS_ISSUES;
				a->d_all = true;
			} else
				app_close_issue(a);
		} else
			a->quit = true;
		return true;
	case ACT_CANCEL:
		return true;
	default:
		return false;
	}
}

static bool
dispatch(struct app *a, enum action act, int key)
{
	if (act != ACT_DIGIT && act != ACT_OPEN && a->pending > 0) {
		a->pending = -1;
		a->d_status = true;
	}
	switch (a->focus) {
	case FOCUS_ISSUES:
		if (issues_key(a, act))
			return true;
		break;
	case FOCUS_ARTICLE:
		if (act != ACT_QUIT && article_key(a, act, key))
			return true;
		break;
	case FOCUS_LINKS:
		if (act != ACT_QUIT && links_key(a, act, key))
			return true;
		break;
	}
	return global_key(a, act);
}

static void
handle_key(struct app *a, int key)
{
	enum action act;
	size_t n;

	if (prompt_active(a)) {
		prompt_key(a, key);
		return;
	}
	if (a->too_small) {
		if (keys_lookup(key, CTX_ISSUES, 0) == ACT_QUIT)
			a->quit = true;
		return;
	}
	clear_message(a);
	if (a->help) {
		act = keys_lookup(key, CTX_ISSUES | CTX_ARTICLE | CTX_LINKS,
		    0);
		help_key(a, act, key);
		a->d_all = true;
		return;
	}
	/* NOTE: bindings are tried in table order until one applies. */
	for (n = 0; (act = keys_lookup(key, context(a), n)) != ACT_NONE;
	    n++)
		if (dispatch(a, act, key))
			return;
}

/* One mouse event: the pane under the pointer gets it. */
static void
mouse_event(struct app *a, const MEVENT *ev)
{
	const struct rect *r;

	if ((ev->bstate & (BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED)) == 0)
		return;
	clear_message(a);
	r = &a->r_list;
	if (r->h > 0 && ev->y >= r->y && ev->y < r->y + r->h &&
	    ev->x >= r->x && ev->x < r->x + r->w) {
		issues_mouse(a, ev->y, ev->x, ev->bstate);
		return;
	}
	r = &a->r_links;
	if (a->links_open && ev->y >= r->y && ev->y < r->y + r->h &&
	    ev->x >= r->x && ev->x < r->x + r->w) {
		links_mouse(a, ev->y, ev->x, ev->bstate);
		return;
	}
	r = &a->r_article;
	if (r->h > 0 && ev->y >= r->y && ev->y < r->y + r->h &&
	    ev->x >= r->x && ev->x < r->x + r->w) {
		if ((ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) == 0 &&
		    a->doc != NULL)
			a->focus = FOCUS_ARTICLE;
		article_mouse(a, ev->y, ev->x, ev->bstate);
		a->d_all = true;
	}
}

/*
 * KEY_MOUSE: events that arrived together (a press and its release in one
 * read, a burst of wheel steps) are queued by curses behind one KEY_MOUSE,
 * and getmouse hands them out newest first.  Take them all, then act in
 * the order they happened.
 */
static void
handle_mouse(struct app *a)
{
	MEVENT ev[MAX_MOUSE];
	int n = 0;

	while (n < MAX_MOUSE && getmouse(&ev[n]) == OK)
		n++;
	if (a->too_small || a->help || prompt_active(a))
		return;
	while (n-- > 0)
		mouse_event(a, &ev[n]);
}

/* Read every key waiting; returns how many there were. */
static int
read_keys(struct app *a)
{
	wint_t wc;
	int rc, n = 0, key;

	while (!a->quit && (rc = get_wch(&wc)) != ERR) {
		n++;
		key = rc == KEY_CODE_YES ? KEYF((int)wc) : (int)wc;
		if (key == KEYF(KEY_RESIZE))
			relayout(a);
		else if (key == KEYF(KEY_MOUSE))
			handle_mouse(a);
		else
			handle_key(a, key);
	}
	return n;
}

static void feed_title(struct app *);
static void name_feeds(struct app *);
static bool sources_fetched(struct app *);
static void show_sample(struct app *, const char *why);
static void hide_sample(struct app *);

static void
refresh_ended(struct app *a)
{
	const char *msg;
	bool error;

	msg = sync_result(a->sync, &error);
	/* The sample gives way once a source has come in, even empty. */
	if (a->sample && sources_fetched(a))
		hide_sample(a);
	app_reload(a);
	feed_title(a);
	name_feeds(a);
	if (!a->sample && a->nentries == 0 && error &&
	    a->opts->sample != NULL && !sources_fetched(a)) {
		show_sample(a, sync_first_error(a->sync));
		return;
	}
	if (a->sample && error)
		app_message(a, true, "still showing the bundled sample feed: "
		    "%s", msg);
	else if (msg != NULL)
		app_message(a, error, "%s", msg);
	a->d_all = true;
}

int
app_mark_read(struct app *a, int64_t id, bool read)
{
	char *cause = NULL;
	int rc;

	if ((rc = store_mark_read_nowait(a->store, id, read, &cause)) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		return -1;
	}
	if (rc == 1)
		a->marks_queued = true;
	return 0;
}

/* Write queued read flags, if the cache is free now. */
static void
flush_marks(struct app *a)
{
	char *cause = NULL;
	ssize_t left;

	if ((left = store_flush_marks(a->store, &cause)) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		a->marks_queued = false;
	} else
		a->marks_queued = left > 0;
}

#define FLUSH_MS	500	/* how often queued read flags are tried */

static void
loop(struct app *a)
{
	struct pollfd fds[MAX_POLLFDS];
	size_t nf;
	int timeout, rc, keys;

	while (!a->quit && !got_quit) {
		if (got_winch) {
			got_winch = 0;
			resize(a);
		}
		draw(a);
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		nf = 1;
		timeout = -1;
		if (a->sync != NULL && sync_running(a->sync)) {
			nf += sync_pollfds(a->sync, fds + 1, MAX_POLLFDS - 1);
			if (nf > MAX_POLLFDS)
				nf = MAX_POLLFDS;
			timeout = sync_timeout(a->sync);
		}
		if (a->marks_queued && (timeout == -1 || timeout > FLUSH_MS))
			timeout = FLUSH_MS;
		if (a->list_partial)
			timeout = 0;
		rc = poll(fds, nf, timeout);
		if (rc == -1 && errno != EINTR) {
			app_message(a, true, "poll: %s", strerror(errno));
			break;
		}
		keys = 0;
		if (rc > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
			keys = read_keys(a);
		if (rc > 0 && (fds[0].revents & (POLLHUP | POLLERR)) &&
		    keys == 0)
			break;		/* the terminal went away */
		if (a->sync != NULL && sync_running(a->sync) &&
		    sync_perform(a->sync, rc > 0 ? fds + 1 : NULL,
		    rc > 0 ? nf - 1 : 0))
			refresh_ended(a);
		else if (a->sync != NULL && sync_running(a->sync))
			a->d_title = true;
		if (a->marks_queued && keys == 0)
			flush_marks(a);
		/* The rest of the list, once nothing is waiting. */
		if (a->list_partial && keys == 0 && !a->quit)
			load(a, 0);
	}
}

/* Set up. */

struct feed_check {
	const struct app *a;
	bool		 all;		/* every cached feed is shown */
};

static int
check_feed(const struct store_feed *f, void *arg)
{
	struct feed_check *fc = arg;
	size_t i;

	for (i = 0; i < fc->a->nfeeds; i++)
		if (fc->a->feeds[i] == f->id)
			return 0;
	fc->all = false;
	return -1;
}

/* Whether the feeds shown are all the cache holds (the list then reads
 * without a filter). */
static int
all_feeds(struct app *a, char **cause)
{
	struct feed_check fc;

	fc.a = a;
	fc.all = true;
	if (store_feed_list(a->store, check_feed, &fc, cause) == -1)
		return -1;
	a->all_feeds = fc.all;
	return 0;
}

static int
open_feeds(struct app *a, char **cause)
{
	struct store_feed f;
	char *url;
	size_t i;
	int rc;

	a->last_run = 0;
	a->feeds = xcalloc(a->opts->nsources + 1, sizeof *a->feeds);
	for (i = 0; i < a->opts->nsources; i++) {
		url = refresh_feed_url(a->opts->sources[i]);
		a->feeds[i] = store_feed_add(a->store, url, cause);
		if (a->feeds[i] == -1) {
			free(url);
			return -1;
		}
		rc = store_feed_get(a->store, url, &f, cause);
		free(url);
		if (rc == -1)
			return -1;
		if (rc == 1) {
			if (f.last_fetch != (time_t)-1 &&
			    f.last_fetch > a->last_run)
				a->last_run = f.last_fetch;
			if (a->nfeeds == 0 && f.title != NULL &&
			    a->opts->nsources == 1)
				a->feed_title = utf8_sanitize(f.title,
				    strlen(f.title), UTF8_ONELINE);
			store_feed_clear(&f);
		}
		a->nfeeds++;
	}
	name_feeds(a);
	return all_feeds(a, cause);
}

/* The names of the feed column: each source's configured name, else its
 * feed's title, else the source itself. */
static void
name_feeds(struct app *a)
{
	struct store_feed f;
	const char *n;
	char *url, *cause = NULL;
	size_t i;

	if (a->opts->nsources < 2)
		return;
	if (a->feed_names == NULL)
		a->feed_names = xcalloc(a->opts->nsources,
		    sizeof *a->feed_names);
	for (i = 0; i < a->opts->nsources; i++) {
		n = a->opts->names != NULL ? a->opts->names[i] : NULL;
		if (n != NULL && n[0] != '\0' && a->feed_names[i] != NULL)
			continue;
		url = refresh_feed_url(a->opts->sources[i]);
		memset(&f, 0, sizeof f);
		if ((n == NULL || n[0] == '\0') &&
		    store_feed_get(a->store, url, &f, &cause) == 1 &&
		    f.title != NULL && f.title[0] != '\0')
			n = f.title;
		else if (n == NULL || n[0] == '\0')
			n = a->opts->sources[i];
		free(a->feed_names[i]);
		a->feed_names[i] = utf8_sanitize(n, strlen(n), UTF8_ONELINE);
		store_feed_clear(&f);
		free(cause);
		cause = NULL;
		free(url);
	}
}

static void
free_names(struct app *a)
{
	size_t i;

	for (i = 0; a->feed_names != NULL && i < a->opts->nsources; i++)
		free(a->feed_names[i]);
	free(a->feed_names);
	a->feed_names = NULL;
}

static void
feed_title(struct app *a)
{
	struct store_feed f;
	char *url, *cause = NULL;

	if (a->opts->nsources != 1 || a->sample)
		return;
	url = refresh_feed_url(a->opts->sources[0]);
	if (store_feed_get(a->store, url, &f, &cause) == 1) {
		if (f.title != NULL) {
			free(a->feed_title);
			a->feed_title = utf8_sanitize(f.title, strlen(f.title),
			    UTF8_ONELINE);
		}
		store_feed_clear(&f);
	}
	free(cause);
	free(url);
}

/*
 * A first run with nothing cached and no network shows the bundled sample
 * feed, said in one line, until a refresh (r) brings a source in.  It is
 * imported into the cache under its own key, so that read state sticks;
 * the sources' feeds wait in src_feeds meanwhile.
 */

/* True when a source of the run has ever been fetched. */
static bool
sources_fetched(struct app *a)
{
	struct store_feed f;
	char *url, *cause = NULL;
	bool yes = false;
	size_t i;

	for (i = 0; i < a->opts->nsources && !yes; i++) {
		url = refresh_feed_url(a->opts->sources[i]);
		if (store_feed_get(a->store, url, &f, &cause) == 1) {
			yes = f.last_fetch != (time_t)-1;
			store_feed_clear(&f);
		}
		free(cause);
		cause = NULL;
		free(url);
	}
	return yes;
}

static void
sample_failed(const char *source, const char *error, const char *warning,
    size_t new_issues, void *arg)
{
	char **first = arg;

	(void)source;
	(void)warning;
	(void)new_issues;
	if (error != NULL && *first == NULL)
		*first = xstrdup(error);
}

/* why: the refresh's first failure, or NULL when offline. */
static void
show_sample(struct app *a, const char *why)
{
	const char *path = a->opts->sample;
	struct store_feed f;
	char *url, *err = NULL, *cause = NULL, *t, key[32];
	int64_t id;

	if (refresh_run_all(a->store, &path, 1, a->opts->limits,
	    sample_failed, &err, NULL) == -1) {
		app_message(a, true, "nothing cached yet, and the bundled "
		    "sample feed cannot be read: %s", err != NULL ? err :
		    "unknown error");
		free(err);
		return;
	}
	url = refresh_feed_url(path);
	if ((id = store_feed_add(a->store, url, &cause)) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		free(url);
		return;
	}
	if (!a->sample) {
		a->src_feeds = a->feeds;
		a->nsrc_feeds = a->nfeeds;
		a->feeds = xcalloc(1, sizeof *a->feeds);
		a->sample = true;
	}
	a->feeds[0] = id;
	a->nfeeds = 1;
	a->all_feeds = false;
	a->feed_filter = -1;
	free(a->feed_title);
	a->feed_title = NULL;
	if (store_feed_get(a->store, url, &f, &cause) == 1) {
		t = xasprintf("%s (bundled sample)", f.title != NULL ?
		    f.title : "Sample feed");
		a->feed_title = utf8_sanitize(t, strlen(t), UTF8_ONELINE);
		free(t);
		store_feed_clear(&f);
	}
	free(cause);
	free(url);
	a->sel = a->top = 0;
	app_reload(a);
	if (why == NULL)
		app_message(a, false, "nothing cached yet (--offline): "
		    "showing the bundled sample feed");
	else {
		keys_first(ACT_REFRESH, CTX_ISSUES, a->ascii, key, sizeof key);
		app_message(a, true, "showing the bundled sample feed (%s tries "
		    "again): nothing cached yet and %s", key, why);
	}
}

static void
hide_sample(struct app *a)
{
	char *cause = NULL;

	free(a->feeds);
	a->feeds = a->src_feeds;
	a->nfeeds = a->nsrc_feeds;
	a->src_feeds = NULL;
	a->nsrc_feeds = 0;
	a->sample = false;
	a->feed_filter = -1;
	if (all_feeds(a, &cause) == -1) {
		a->all_feeds = false;
		free(cause);
	}
	free(a->feed_title);
	a->feed_title = NULL;
	a->sel = a->top = 0;
}

static void
catch(int sig, struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, old);
}

int
tui_run(const struct tui_opts *opts, char **cause)
{
	struct app a;
	struct sigaction ign;
	const char *term;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup("the reader needs a terminal");
		return -1;
	}
	memset(&a, 0, sizeof a);
	a.opts = opts;
	a.ascii = opts->ascii;
	a.pending = -1;
	a.find_line = -1;
	a.feed_filter = -1;
	if ((a.store = store_open(opts->cache, cause)) == NULL)
		return -1;
	if (open_feeds(&a, cause) == -1) {
		store_close(a.store);
		free_names(&a);
		free(a.feed_title);
		free(a.feeds);
		return -1;
	}
	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		term = getenv("TERM");
		*cause = xasprintf("cannot use the terminal (TERM=%s)",
		    term != NULL ? term : "");
		store_close(a.store);
		free_names(&a);
		free(a.feed_title);
		free(a.feeds);
		return -1;
	}
	screen_up = true;
	current = &a;
	util_set_fatal_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* The loop reads every waiting key before it draws, so curses need
	 * not cut a frame short when it sees input waiting: each frame is
	 * drawn whole, the first one too when keys were typed ahead. */
	typeahead(-1);
	/* Escape alone acts quickly, unless $ESCDELAY (which ncurses reads)
	 * asks for a longer wait for the rest of a sequence. */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	curs_set(0);
	/* Presses act at once, without waiting to see a click.  Releases
	 * (and other buttons) are asked for only to be ignored: an event
	 * outside the mask makes curses read on, blocking, until the next
	 * input comes. */
	mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED |
	    BUTTON2_RELEASED | BUTTON3_PRESSED | BUTTON3_RELEASED |
	    BUTTON4_PRESSED | BUTTON4_RELEASED | BUTTON5_PRESSED |
	    BUTTON5_RELEASED, NULL);
	mouseinterval(0);
	keys_configure(opts->conf);
	draw_init(opts->color, opts->ascii, opts->conf);
	catch(SIGWINCH, &old_winch);
	catch(SIGINT, &old_int);
	catch(SIGTERM, &old_term);
	catch(SIGHUP, &old_hup);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old_pipe);

	app_layout(&a);
	load(&a, (size_t)LINES > FIRST_PAGE ? (size_t)LINES : FIRST_PAGE);
	if (opts->offline && opts->sample != NULL && a.nentries == 0 &&
	    !sources_fetched(&a))
		show_sample(&a, NULL);
	if (!opts->offline && opts->nsources > 0 &&
	    (opts->refresh_on_start || !sources_fetched(&a)))
		start_refresh(&a);
	loop(&a);

	if (a.sync != NULL)
		sync_free(a.sync);
	app_close_issue(&a);
	endwin();
	screen_up = false;
	delscreen(screen);
	util_set_fatal_hook(NULL);
	current = NULL;
	sigaction(SIGWINCH, &old_winch, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	free_entries(&a);
	free(a.shown);
	free(a.search);
	free(a.msg);
	free(a.feed_title);
	free_names(&a);
	free(a.feeds);
	free(a.src_feeds);
	store_close(a.store);
	return 0;
}
