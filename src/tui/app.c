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
#include "library.h"
#include "tui.h"
#include "utf8.h"
#include "util.h"

/* The first paint reads only this many issues; the rest come after it,
 * unless a key is waiting. */
#define FIRST_PAGE	200
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
reset_terminal(void)
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
	if (a->nmsgs == APP_MESSAGES) {
		free(a->msgs[0]);
		memmove(a->msgs, a->msgs + 1, (APP_MESSAGES - 1) *
		    sizeof *a->msgs);
		a->nmsgs--;
	}
	a->msgs[a->nmsgs++] = xstrdup(a->msg);
	a->pane[PANE_STATUS].dirty = true;
	free(s);
}

static void
clear_message(struct app *a)
{
	if (a->msg != NULL) {
		free(a->msg);
		a->msg = NULL;
		a->pane[PANE_STATUS].dirty = true;
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

char *
app_issue_link(struct app *a, size_t i)
{
	struct issue *is;
	char *cause = NULL, *link = NULL;

	if ((is = library_get(a->lib, i, &cause)) == NULL) {
		app_message(a, true, "%s", cause);
		free(cause);
		return NULL;
	}
	if (is->link == NULL)
		app_message(a, true, "this issue has no link");
	else
		link = xstrdup(is->link);
	feed_issue_free(is);
	return link;
}

/* Geometry. */

void
app_layout(struct app *a)
{
	int body, lw, lh, sh;
	struct rect none = { 0, 0, 0, 0 };

	a->rows = LINES;
	a->cols = COLS;
	a->too_small = a->cols < TUI_MIN_COLS || a->rows < TUI_MIN_ROWS;
	a->wide = a->cols >= TUI_WIDE_COLS;
	a->pane[PANE_TITLE].r = (struct rect){ 0, 0, 1, a->cols };
	sh = status_rows(a);
	a->pane[PANE_STATUS].r = (struct rect){ a->rows - sh, 0, sh, a->cols };
	body = a->rows - 1 - sh;
	a->pane[PANE_LIST].r = a->pane[PANE_ARTICLE].r = a->pane[PANE_LINKS].r = none;
	if (a->too_small)
		return;
	/* The events view has the whole screen. */
	if (events_view_shown(a) || feeds_view_shown(a))
		a->pane[PANE_LIST].r = (struct rect){ 1, 0, body, a->cols };
	else if (a->wide) {
		/* The list's width: set (< and >, "list-width"), else two
		 * fifths of the screen, so that wide screens show long
		 * titles; the article keeps at least 40 columns. */
		lw = a->list_cols > 0 ? a->list_cols : a->cols * 2 / 5;
		if (lw > a->cols - 41)
			lw = a->cols - 41;
		if (lw < 20)
			lw = 20;
		a->pane[PANE_LIST].r = (struct rect){ 1, 0, body, lw };
		a->pane[PANE_ARTICLE].r = (struct rect){ 1, lw + 1, body,
		    a->cols - lw - 1 };
	} else if (a->art.doc != NULL && a->focus != PANE_LIST)
		a->pane[PANE_ARTICLE].r = (struct rect){ 1, 0, body, a->cols };
	else
		a->pane[PANE_LIST].r = (struct rect){ 1, 0, body, a->cols };
	if (a->links.open && a->pane[PANE_ARTICLE].r.h > 0) {
		if (a->pane[PANE_ARTICLE].r.h >= 16) {
			lh = a->pane[PANE_ARTICLE].r.h * 2 / 5;
			a->pane[PANE_LINKS].r = a->pane[PANE_ARTICLE].r;
			a->pane[PANE_LINKS].r.y += a->pane[PANE_ARTICLE].r.h - lh;
			a->pane[PANE_LINKS].r.h = lh;
			a->pane[PANE_ARTICLE].r.h -= lh;
		} else {
			a->pane[PANE_LINKS].r = a->pane[PANE_ARTICLE].r;
			a->pane[PANE_ARTICLE].r.h = 0;
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
	int i;

	app_layout(a);
	/* Same paragraph at the new width. */
	for (i = 0; i < PANE_COUNT; i++)
		if (a->pane[i].ops->relayout != NULL)
			a->pane[i].ops->relayout(a, &a->pane[i]);
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
	const char *bar = draw_glyph("\xe2\x94\x82", "|");
	const struct rect *r = &a->pane[PANE_LIST].r;
	int y;

	if (!a->wide || r->w >= a->cols)
		return;
	for (y = r->y; y < r->y + r->h; y++)
		draw_text(y, r->w, 1, bar, R_BORDER, true);
}

/* The too-small screen: the size needed and the size there is, and what
 * q does, on as many rows as there are. */
static void
draw_too_small(struct app *a)
{
	char need[40], have[40], *one;
	const char *q = a->focus == PANE_LIST && !a->help ? "q: quit" :
	    "q: back";
	int y;

	snprintf(need, sizeof need, "needs %dx%d", TUI_MIN_COLS,
	    TUI_MIN_ROWS);
	snprintf(have, sizeof have, "is %dx%d", a->cols, a->rows);
	erase();
	if (a->rows >= 4) {
		y = (a->rows - 4) / 2;
		draw_text(y, 0, a->cols, "terminal too small", R_NORMAL, false);
		draw_text(y + 1, 0, a->cols, need, R_NORMAL, false);
		draw_text(y + 2, 0, a->cols, have, R_NORMAL, false);
		draw_text(y + 3, 0, a->cols, q, R_NORMAL, false);
	} else {
		one = xasprintf("too small: %s, %s; %s", need, have, q);
		draw_text(0, 0, a->cols, one, R_NORMAL, false);
		free(one);
	}
}

static void
draw(struct app *a)
{
	struct pane *p;
	bool over = false;
	int i;

	if (a->too_small) {
		if (!a->d_all)
			return;
		draw_too_small(a);
		a->d_all = false;
		curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	/* The status line grew or shrank (a long URL in the link pane). */
	if (status_rows(a) != a->pane[PANE_STATUS].r.h)
		app_layout(a);
	if (a->d_all)
		draw_separator(a);
	for (i = 0; i < PANE_COUNT; i++) {
		p = &a->pane[i];
		if ((p->dirty || a->d_all) && p->r.h > 0)
			p->ops->draw(a, p);
		if (p->dirty && i != PANE_TITLE && i != PANE_STATUS)
			over = true;
	}
	/* The help overlay, over whatever was drawn under it. */
	if (a->help && (a->d_all || over))
		help_draw(a);
	for (i = 0; i < PANE_COUNT; i++)
		a->pane[i].dirty = false;
	a->d_all = false;
	curs_set(prompt_active(a) ? 1 : 0);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Keys. */

static int
context(const struct app *a)
{
	return a->pane[a->focus].ops->ctx;
}

static void
start_refresh(struct app *a)
{
	char *cause = NULL;

	if (a->opts->lib.offline) {
		app_message(a, false, "offline: not refreshing");
		return;
	}
	if (library_refreshing(a->lib))
		return;
	switch (library_refresh_start(a->lib, &cause)) {
	case -1:
		app_message(a, true, "refresh failed: %s", cause);
		free(cause);
		break;
	case 1:		/* drafts only: read them again */
		issues_reload(a);
		break;
	}
	a->pane[PANE_TITLE].dirty = true;
}

/* Actions that mean the same in every pane. */
static bool
global_key(struct app *a, enum action act)
{
	switch (act) {
	case ACT_HELP:
	case ACT_MESSAGES:
		a->help = true;
		a->help_msgs = act == ACT_MESSAGES;
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
	case ACT_YANK:
		keep_yank(a);
		return true;
	case ACT_SAVE:
		keep_save(a);
		return true;
	case ACT_LIST_WIDER:
	case ACT_LIST_NARROWER:
		if (!a->wide)
			return true;
		if (a->list_cols == 0)
			a->list_cols = a->pane[PANE_LIST].r.w;
		a->list_cols += act == ACT_LIST_WIDER ? 4 : -4;
		relayout(a);
		a->list_cols = a->pane[PANE_LIST].r.w;
		app_message(a, false, "the list is %d columns wide",
		    a->list_cols);
		return true;
	case ACT_FEEDS:
		if (events_view_shown(a))
			events_view_close(a);
		feeds_view_open(a);
		return true;
	case ACT_EVENTS:
		if (a->focus != PANE_LIST) {
			a->focus = PANE_LIST;
			if (!a->wide)
				article_close(a);
		}
		events_view_open(a);
		app_layout(a);
		return true;
	case ACT_CANCEL:
		/* Nothing to cancel: Esc goes back as q does, but does not
		 * quit. */
		if (a->focus == PANE_LIST)
			return true;
		/* FALLTHROUGH */
	case ACT_QUIT:
		if (a->focus == PANE_LINKS)
			links_show(a, false);
		else if (a->focus == PANE_ARTICLE) {
			if (a->wide) {
				a->focus = PANE_LIST;
				a->d_all = true;
			} else
				article_close(a);
		} else
			a->quit = true;
		return true;
	default:
		return false;
	}
}

static bool
dispatch(struct app *a, enum action act, int key)
{
	struct pane *p = &a->pane[a->focus];

	/* Esc clears the number itself (and only that). */
	if (act != ACT_DIGIT && act != ACT_OPEN && act != ACT_CANCEL &&
	    a->art.pending > 0) {
		a->art.pending = -1;
		a->pane[PANE_STATUS].dirty = true;
	}
	if (p->ops->key != NULL && p->ops->key(a, p, act, key))
		return true;
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
		/* Only leaving works, as it does on any screen: q goes back
		 * from the help, a link pane or an issue, and quits from the
		 * list. */
		for (n = 0; (act = keys_lookup(key, context(a), n)) !=
		    ACT_NONE; n++) {
			if (act != ACT_QUIT && act != ACT_CANCEL &&
			    act != ACT_REDRAW)
				continue;
			if (a->help)
				a->help = false;
			else
				dispatch(a, act, key);
			a->d_all = true;
			break;
		}
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
	struct pane *p;
	int i;

	if ((ev->bstate & (BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED)) == 0)
		return;
	clear_message(a);
	for (i = PANE_COUNT - 1; i >= 0; i--) {
		p = &a->pane[i];
		if (p->ops->mouse != NULL && p->r.h > 0 && ev->y >= p->r.y &&
		    ev->y < p->r.y + p->r.h && ev->x >= p->r.x &&
		    ev->x < p->r.x + p->r.w) {
			p->ops->mouse(a, p, ev->y, ev->x, ev->bstate);
			return;
		}
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

static void show_sample(struct app *, const char *why);

static void
refresh_ended(struct app *a)
{
	const char *msg;
	bool error, sample = library_showing_sample(a->lib);

	msg = library_refresh_result(a->lib, &error);
	/* The sample has given way if a source came in, even empty. */
	if (sample && !library_showing_sample(a->lib)) {
		a->feed_filter = -1;
		a->list.sel = a->list.top = 0;
	}
	issues_reload(a);
	if (!library_showing_sample(a->lib) && library_count(a->lib) == 0 &&
	    error && a->opts->lib.configured &&
	    !library_sources_fetched(a->lib)) {
		show_sample(a, library_first_error(a->lib));
		return;
	}
	if (library_showing_sample(a->lib) && error)
		app_message(a, true, "still showing the bundled sample feed: "
		    "%s", msg);
	else if (a->notice != NULL)
		app_message(a, true, "%s; %s", a->notice,
		    msg != NULL ? msg : "refreshed");
	else if (msg != NULL)
		app_message(a, error, "%s", msg);
	a->notice = NULL;
	announce_new(a);
	a->d_all = true;
}

int
app_mark_read(struct app *a, size_t i, bool read)
{
	char *cause = NULL;

	if (library_mark_read(a->lib, i, read, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Write queued read flags, if the cache is free now. */
static void
flush_marks(struct app *a)
{
	char *cause = NULL;

	if (library_flush_marks(a->lib, &cause) == -1) {
		app_message(a, true, "%s", cause);
		free(cause);
	}
}

#define FLUSH_MS	500	/* how often queued read flags are tried */

static void
loop(struct app *a)
{
	struct pollfd *fds = NULL;
	size_t nf, cap = 0, want;
	int timeout, rc, keys;

	while (!a->quit && !got_quit) {
		if (got_winch) {
			got_winch = 0;
			resize(a);
		}
		draw(a);
		/* Room for every descriptor the refresh has: as many as it
		 * has transfers, however many feeds there are. */
		want = 1;
		if (library_refreshing(a->lib))
			want += library_pollfds(a->lib, NULL, 0);
		if (want > cap) {
			cap = want + 16;
			fds = xreallocarray(fds, cap, sizeof *fds);
		}
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		nf = 1;
		timeout = -1;
		if (library_refreshing(a->lib)) {
			nf += library_pollfds(a->lib, fds + 1, cap - 1);
			timeout = library_timeout(a->lib);
		}
		if (library_marks_queued(a->lib) &&
		    (timeout == -1 || timeout > FLUSH_MS))
			timeout = FLUSH_MS;
		if (library_partial(a->lib))
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
		if (library_refreshing(a->lib) &&
		    library_perform(a->lib, rc > 0 ? fds + 1 : NULL,
		    rc > 0 ? nf - 1 : 0))
			refresh_ended(a);
		else if (library_refreshing(a->lib))
			a->pane[PANE_TITLE].dirty = true;
		if (library_marks_queued(a->lib) && keys == 0)
			flush_marks(a);
		/* The rest of the list, once nothing is waiting. */
		if (library_partial(a->lib) && keys == 0 && !a->quit)
			issues_load(a, 0);
	}
	free(fds);
}

/* Set up. */

/*
 * A first run with nothing cached and no network shows the bundled sample
 * feed, said in one line, until a refresh brings a source in.
 */

/* why: the refresh's first failure, or NULL when offline. */
static void
show_sample(struct app *a, const char *why)
{
	char *cause = NULL, key[32];

	if (library_show_sample(a->lib, &cause) == -1) {
		app_message(a, true, "nothing cached yet, and %s", cause);
		free(cause);
		return;
	}
	a->feed_filter = -1;
	a->list.sel = a->list.top = 0;
	issues_reload(a);
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
catch(int sig, struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, old);
}

static struct library *
open_library(const struct tui_opts *opts, char **cause)
{
	struct library_opts lo;
	struct library *lib;

	lo = opts->lib;
	lo.cache_local = true;
	lib = library_new(&lo);
	if (library_open(lib, cause) == -1) {
		library_free(lib);
		return NULL;
	}
	return lib;
}

int
tui_run(const struct tui_opts *opts, char **cause)
{
	struct app a;
	struct sigaction ign;
	const char *term;
	char *cup;
	int i, rc = -1;

	memset(&a, 0, sizeof a);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup("the reader needs a terminal");
		goto out;
	}
	a.opts = opts;
	a.ascii = opts->ascii;
	a.art.pending = -1;
	a.art.find_line = -1;
	a.feed_filter = -1;
	a.pane[PANE_TITLE].ops = &title_pane;
	a.pane[PANE_LIST].ops = &issues_pane;
	a.pane[PANE_ARTICLE].ops = &article_pane;
	a.pane[PANE_LINKS].ops = &links_pane;
	a.pane[PANE_STATUS].ops = &status_pane;
	a.focus = PANE_LIST;
	a.list_cols = opts->list_width;
	a.list.unread_only = opts->unread_only;
	a.art.continuous = opts->whole_view;
	term = getenv("TERM");
	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		*cause = xasprintf("cannot use the terminal (TERM=%s)",
		    term != NULL ? term : "");
		goto out;
	}
	/* A terminal that cannot move the cursor (TERM=dumb) would get
	 * every screen on one line. */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		*cause = xasprintf("the terminal (TERM=%s) cannot move the "
		    "cursor, which the reader needs; text mode works: "
		    "mesosnews --text | less", term != NULL ? term : "");
		goto out;
	}
	/* Only now the cache: a terminal refused leaves no trace. */
	if ((a.lib = open_library(opts, cause)) == NULL)
		goto out;
	screen_up = true;
	current = &a;
	util_set_fatal_hook(reset_terminal);
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
	issues_load(&a, (size_t)LINES > FIRST_PAGE ? (size_t)LINES : FIRST_PAGE);
	if (opts->lib.offline && opts->lib.configured &&
	    library_count(a.lib) == 0 && !library_sources_fetched(a.lib))
		show_sample(&a, NULL);
	if (!opts->lib.offline && opts->lib.nsources > 0 &&
	    (opts->refresh_on_start || !library_sources_fetched(a.lib)))
		start_refresh(&a);
	if ((a.notice = library_notice(a.lib)) != NULL)
		app_message(&a, true, "%s", a.notice);
	article_restore(&a);
	loop(&a);
	rc = 0;

	article_quit(&a);
	util_set_fatal_hook(NULL);
	current = NULL;
	sigaction(SIGWINCH, &old_winch, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
out:
	if (screen != NULL) {
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	screen_up = false;
	free(a.list.shown);
	free(a.list.search);
	free(a.msg);
	for (i = 0; i < a.nmsgs; i++)
		free(a.msgs[i]);
	if (a.lib != NULL)
		library_free(a.lib);
	return rc;
}
