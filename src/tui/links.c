/* links.c - the link pane: the issue's numbered links with their text and
 * URL (host emphasised); those of the section on screen are marked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "doc.h"
#include "utf8.h"
#include "util.h"

static int
nlinks(const struct app *a)
{
	return a->art.doc != NULL ? doc_nlinks(a->art.doc) : 0;
}

/* Rows of links under the pane's header line. */
static int
rows(const struct app *a)
{
	return a->pane[PANE_LINKS].r.h > 1 ? a->pane[PANE_LINKS].r.h - 1 : 1;
}

static void
scroll_to_sel(struct app *a)
{
	int n = nlinks(a), h = rows(a);

	if (a->links.sel >= n)
		a->links.sel = n - 1;
	if (a->links.sel < 0)
		a->links.sel = 0;
	if (a->links.sel < a->links.top)
		a->links.top = a->links.sel;
	else if (a->links.sel >= a->links.top + h)
		a->links.top = a->links.sel - h + 1;
	if (a->links.top + h > n)
		a->links.top = n > h ? n - h : 0;
}

void
links_show(struct app *a, bool on)
{
	const struct doc_link *l;
	int i, n = nlinks(a), sec;

	if (on && n == 0) {
		app_message(a, false, "this issue has no links");
		return;
	}
	a->links.open = on;
	a->focus = on ? PANE_LINKS : PANE_ARTICLE;
	if (on) {
		/* Start at the first link of the section on screen. */
		sec = article_section(a);
		for (i = 0; i < n; i++) {
			l = doc_link(a->art.doc, i + 1);
			if (l != NULL && l->section == sec) {
				a->links.sel = i;
				break;
			}
		}
		a->links.top = 0;
	}
	app_layout(a);
	scroll_to_sel(a);
	a->d_all = true;
}

/* Draw a URL with its host in R_HOST; returns the columns used. */
static int
draw_url(int y, int x, int w, const char *url, enum role base, bool sel)
{
	const char *h, *end;
	char *pre, *host;
	int used = 0;

	h = strstr(url, "://");
	if (h == NULL || sel) {
		return draw_text(y, x, w, url, sel ? base : R_META, false);
	}
	h += 3;
	end = h + strcspn(h, "/?#");
	pre = xstrndup(url, (size_t)(h - url));
	host = xstrndup(h, (size_t)(end - h));
	used += draw_text(y, x, w, pre, R_META, false);
	if (used < w)
		used += draw_text(y, x + used, w - used, host, R_HOST, false);
	if (used < w && *end != '\0')
		used += draw_text(y, x + used, w - used, end, R_META, false);
	free(pre);
	free(host);
	return used;
}

static void
draw_row(struct app *a, int y, int i, int numw, int sec)
{
	const struct rect *r = &a->pane[PANE_LINKS].r;
	const struct doc_link *l = doc_link(a->art.doc, i + 1);
	bool sel = i == a->links.sel;
	enum role base = R_NORMAL;
	char num[16];
	char *url, *text;
	int x = r->x, tw, left;

	if (sel)
		base = a->focus == PANE_LINKS ? R_SELECTED : R_SELECTED_DIM;
	snprintf(num, sizeof num, "%s%*d ", sel ? draw_glyph("\xe2\x80\xba",
	    ">") : " ", numw, i + 1);
	x += draw_text(y, x, r->w, num, sel ? base : R_LINKNUM, false);
	x += draw_text(y, x, r->x + r->w - x, l != NULL && l->section == sec ?
	    draw_glyph("\xe2\x80\xa2 ", "* ") : "  ", sel ? base : R_NEW,
	    false);
	if (l == NULL) {
		draw_fill(y, x, r->x + r->w - x, base);
		return;
	}
	url = utf8_sanitize(l->url, strlen(l->url), UTF8_ONELINE);
	text = utf8_sanitize(l->text != NULL ? l->text : "",
	    l->text != NULL ? strlen(l->text) : 0, UTF8_ONELINE);
	left = r->x + r->w - x;
	tw = left / 3;
	if (tw > 32)
		tw = 32;
	if (left < 40 || text[0] == '\0')
		tw = 0;
	if (tw > 0) {
		x += draw_text(y, x, tw, text, base, true);
		x += draw_text(y, x, r->x + r->w - x, "  ", base, false);
	}
	if (x < r->x + r->w)
		x += draw_url(y, x, r->x + r->w - x, url, base, sel);
	if (x < r->x + r->w)
		draw_fill(y, x, r->x + r->w - x, base);
	free(url);
	free(text);
}

static void
links_draw(struct app *a, struct pane *p)
{
	const struct rect *r = &a->pane[PANE_LINKS].r;
	const char *name;
	struct buf b = BUF_INIT;
	int n = nlinks(a), numw, y, sec;

	if (!a->links.open || r->h <= 0)
		return;
	scroll_to_sel(a);
	sec = article_section(a);
	name = doc_section_name(a->art.doc, sec);
	buf_printf(&b, " Links (%d)", n);
	if (name != NULL && doc_nsections(a->art.doc) > 1)
		buf_printf(&b, "%s%s marks those in %s", draw_glyph(
		    " \xc2\xb7 ", " - "), draw_glyph("\xe2\x80\xa2", "*"),
		    name);
	draw_text(r->y, r->x, r->w, buf_str(&b), R_TAB, true);
	buf_free(&b);
	numw = n >= 100 ? 3 : n >= 10 ? 2 : 1;
	for (y = 1; y < r->h; y++) {
		if (a->links.top + y - 1 < n)
			draw_row(a, r->y + y, a->links.top + y - 1, numw, sec);
		else
			draw_fill(r->y + y, r->x, r->w, R_NORMAL);
	}
}

void
links_open(struct app *a, int n)
{
	const struct doc_link *l;

	if (a->art.doc == NULL || (l = doc_link(a->art.doc, n)) == NULL) {
		app_message(a, true, "no link %d: this issue has %d", n,
		    nlinks(a));
		return;
	}
	a->links.sel = n - 1;
	a->pane[PANE_LINKS].dirty = a->pane[PANE_ARTICLE].dirty = true;
	app_browse(a, l->url);
}

static bool
links_key(struct app *a, struct pane *p, enum action act, int key)
{
	int h = rows(a);

	/* The status line shows the selected link. */
	a->pane[PANE_STATUS].dirty = true;
	switch (act) {
	case ACT_DOWN:
		a->links.sel++;
		break;
	case ACT_UP:
		a->links.sel--;
		break;
	case ACT_PAGE_DOWN:
		a->links.sel += h;
		a->links.top += h;
		break;
	case ACT_PAGE_UP:
		a->links.sel -= h;
		a->links.top = a->links.top > h ? a->links.top - h : 0;
		break;
	case ACT_TOP:
		a->links.sel = 0;
		break;
	case ACT_BOTTOM:
		a->links.sel = nlinks(a) - 1;
		break;
	case ACT_OPEN:
	case ACT_OPEN_LINK:
		if (a->art.pending > 0 && act == ACT_OPEN)
			links_open(a, a->art.pending);
		else
			links_open(a, a->links.sel + 1);
		a->art.pending = -1;
		a->pane[PANE_STATUS].dirty = true;
		return true;
	case ACT_LINKS:
	case ACT_QUIT:
		links_show(a, false);
		return true;
	default:
		/* Sections, issues, digits: as in the article. */
		return article_key(a, act, key);
	}
	scroll_to_sel(a);
	a->pane[PANE_LINKS].dirty = a->pane[PANE_ARTICLE].dirty = true;
	return true;
}

/* The wheel scrolls the pane (the selection stays on screen); a click
 * selects a link, and a click on the selected one opens it. */
static void
links_mouse(struct app *a, struct pane *p, int y, int x, mmask_t m)
{
	int n = nlinks(a), h = rows(a), i;

	a->pane[PANE_STATUS].dirty = true;
	(void)x;
	if (m & BUTTON4_PRESSED) {
		a->links.top = a->links.top > 3 ? a->links.top - 3 : 0;
		if (a->links.sel >= a->links.top + h)
			a->links.sel = a->links.top + h - 1;
	} else if (m & BUTTON5_PRESSED) {
		if (a->links.top + h < n)
			a->links.top = a->links.top + 3 + h <= n ? a->links.top + 3 : n - h;
		if (a->links.sel < a->links.top)
			a->links.sel = a->links.top;
	} else if (y > a->pane[PANE_LINKS].r.y) {
		i = a->links.top + (y - a->pane[PANE_LINKS].r.y - 1);
		if (i >= n)
			return;
		if (i == a->links.sel && a->focus == PANE_LINKS) {
			links_open(a, i + 1);
			return;
		}
		a->links.sel = i;
		a->focus = PANE_LINKS;
	}
	scroll_to_sel(a);
	a->pane[PANE_LINKS].dirty = a->pane[PANE_ARTICLE].dirty = a->pane[PANE_STATUS].dirty = true;
}

const struct pane_ops links_pane = {
	"links", CTX_LINKS, links_draw, links_key, links_mouse, NULL,
};
