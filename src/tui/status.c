/* status.c - the title bar (feed, counts, refresh state) and the status
 * line (prompt, messages, key hints). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "library.h"
#include "buf.h"
#include "doc.h"
#include "utf8.h"
#include "util.h"

/* The widest a feed's name is in the title bar. */
#define FEED_TITLE_COLS	32

static void
status_draw_title(struct app *a, struct pane *p)
{
	struct buf b = BUF_INIT;
	const char *dot = draw_glyph(" \xc2\xb7 ", " - ");
	const char *name;
	size_t done, total, w;

	buf_adds(&b, " mesosnews");
	if (a->feed_filter >= 0) {
		/* Long names are cut so that the counts stay in sight. */
		name = library_source_name(a->lib, (size_t)a->feed_filter);
		w = utf8_width(name);
		buf_adds(&b, dot);
		utf8_fit(&b, name, w < FEED_TITLE_COLS ? w : FEED_TITLE_COLS,
		    a->ascii);
		buf_printf(&b, " (feed %d of %zu)", a->feed_filter + 1,
		    issues_nfeeds(a));
	}
	else if (issues_nfeeds(a) > 1)
		buf_printf(&b, "%sall %zu feeds", dot, issues_nfeeds(a));
	/* One feed: the name the configuration gives it, as the feed
	 * column and the feed list say it (the sample keeps its mark). */
	else if (issues_nfeeds(a) == 1 && !library_showing_sample(a->lib))
		buf_printf(&b, "%s%s", dot, library_source_name(a->lib, 0));
	else if (library_title(a->lib) != NULL)
		buf_printf(&b, "%s%s", dot, library_title(a->lib));
	if (!library_partial(a->lib))
		buf_printf(&b, "%s%zu issue%s, %zu unread", dot, a->list.total,
		    a->list.total == 1 ? "" : "s", a->list.unread);
	if (a->list.search != NULL)
		buf_printf(&b, "%ssearch \"%s\": %zu", dot, a->list.search,
		    a->list.nshown);
	if (library_refreshing(a->lib)) {
		library_progress(a->lib, &done, &total);
		buf_printf(&b, "%srefreshing %zu/%zu%s", dot, done, total,
		    draw_glyph("\xe2\x80\xa6", "..."));
	} else if (a->opts->lib.offline)
		buf_printf(&b, "%soffline", dot);
	draw_text(a->pane[PANE_TITLE].r.y, a->pane[PANE_TITLE].r.x, a->pane[PANE_TITLE].r.w, buf_str(&b),
	    R_TITLEBAR, true);
	buf_free(&b);
}

/* " [n] URL" of the link selected in the link pane when the status line
 * shows it, else NULL; the caller frees it. */
static char *
link_line(const struct app *a)
{
	const struct doc_link *l;

	if (a->focus != PANE_LINKS || a->art.doc == NULL || prompt_active(a) ||
	    a->msg != NULL || a->art.pending > 0 ||
	    (l = doc_link(a->art.doc, a->links.sel + 1)) == NULL)
		return NULL;
	return xasprintf(" [%d] %s", a->links.sel + 1, l->url);
}

int
status_rows(const struct app *a)
{
	char *s;
	size_t w;
	int n, max = a->rows / 3;

	if (a->cols <= 0 || (s = link_line(a)) == NULL)
		return 1;
	w = utf8_width(s);
	free(s);
	n = (int)((w + (size_t)a->cols - 1) / (size_t)a->cols);
	if (n > max)
		n = max;
	return n > 1 ? n : 1;
}

/* s on rows [r->y, r->y + r->h), r->w columns each, cut between grapheme
 * clusters; what the last row cannot hold ends in an ellipsis. */
static void
draw_rows(const struct rect *r, const char *s)
{
	size_t len = strlen(s), i = 0, n, k;
	int y, col, cw;
	char *row;

	for (y = r->y; y < r->y + r->h; y++) {
		if (y == r->y + r->h - 1) {
			draw_text(y, r->x, r->w, s + i, R_STATUS, true);
			break;
		}
		for (n = i, col = 0; n < len; n += k) {
			k = utf8_cluster(s + n, len - n, &cw);
			if (col + cw > r->w && n > i)
				break;
			col += cw;
		}
		row = xstrndup(s + i, n - i);
		draw_text(y, r->x, r->w, row, R_STATUS, true);
		free(row);
		i = n;
	}
}

static void
status_draw(struct app *a, struct pane *p)
{
	const struct rect *r = &a->pane[PANE_STATUS].r;
	char *hints, *url, num[80], key[32];
	int ctx;

	switch (a->focus) {
	case PANE_LIST:
		ctx = CTX_ISSUES;
		break;
	case PANE_ARTICLE:
		ctx = CTX_ARTICLE;
		break;
	default:
		ctx = CTX_LINKS;
		break;
	}
	if (prompt_active(a)) {
		prompt_draw(a);
		return;
	}
	if (a->msg != NULL) {
		draw_text(r->y, r->x, r->w, a->msg,
		    a->msg_error ? R_ERROR : R_STATUS, true);
		return;
	}
	if (a->art.pending > 0) {
		keys_first(ACT_OPEN, ctx, a->ascii, key, sizeof key);
		snprintf(num, sizeof num, "link %d_  (%s opens it)",
		    a->art.pending, key);
		draw_text(r->y, r->x, r->w, num, R_STATUS, true);
		return;
	}
	/* In the link pane, the selected link's whole URL: two links of
	 * the same text ("here") are told apart by it.  A URL wider than
	 * the screen takes more rows (app_layout asks status_rows). */
	if ((url = link_line(a)) != NULL) {
		draw_rows(r, url);
		free(url);
		return;
	}
	if (a->focus == PANE_LIST && a->pane[PANE_LIST].ops != &issues_pane)
		hints = keys_view_hints(a->ascii);
	else
		hints = keys_hints(ctx, a->ascii);
	draw_text(r->y, r->x, r->w, hints, R_STATUS, true);
	free(hints);
}

const struct pane_ops title_pane = {
	"title", 0, status_draw_title, NULL, NULL, NULL,
};

const struct pane_ops status_pane = {
	"status", 0, status_draw, NULL, NULL, NULL,
};
