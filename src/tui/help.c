/* help.c - the help overlay, generated from the key table the input
 * handler reads (keys.c), so it cannot drift from what the keys do. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "utf8.h"
#include "util.h"

#define KEYS_COLS	16

static void
add_line(char ***v, int *n, const char *s)
{
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* The help text: one line per action that has keys, each key once, then
 * what the keys table cannot say: the mouse and the list's marks.  The
 * caller frees the lines and the array. */
static char **
help_lines(bool ascii, int *n)
{
	char **v = NULL, *keys;
	struct buf b = BUF_INIT;
	int act, ctx;

	*n = 0;
	for (act = ACT_NONE + 1; act < ACT_COUNT; act++) {
		keys = keys_for_help((enum action)act, &ctx, ascii);
		if (keys[0] != '\0') {
			buf_reset(&b);
			utf8_fit(&b, keys, KEYS_COLS, ascii);
			buf_printf(&b, " %s", keys_action_help(act));
			add_line(&v, n, buf_str(&b));
		}
		free(keys);
	}
	buf_reset(&b);
	utf8_fit(&b, "mouse", KEYS_COLS, ascii);
	buf_adds(&b, " wheel: scroll; click: select; again: open");
	add_line(&v, n, buf_str(&b));
	buf_reset(&b);
	buf_printf(&b, "%s", draw_glyph("+\xe2\x97\x8f", "+*"));
	utf8_fit(&b, "", KEYS_COLS - 2, ascii);
	buf_adds(&b, " in the list: new since the last run; unread");
	add_line(&v, n, buf_str(&b));
	buf_free(&b);
	return v;
}

/* Append s cut into lines of at most w columns, at spaces where it can
 * be, so that no part of a long message is lost. */
static void
wrap_line(char ***v, int *n, const char *s, int w)
{
	struct buf b = BUF_INIT;
	const char *p = s, *brk;
	int cw, used;
	size_t len;

	while (*p != '\0') {
		used = 0;
		brk = NULL;
		buf_reset(&b);
		for (; *p != '\0'; p += len) {
			len = utf8_cluster(p, strlen(p), &cw);
			if (used + cw > w)
				break;
			if (*p == ' ')
				brk = p;
			used += cw;
		}
		if (*p != '\0' && brk != NULL && brk > s) {
			buf_add(&b, s, (size_t)(brk - s));
			p = brk + 1;
		} else
			buf_add(&b, s, (size_t)(p - s));
		add_line(v, n, buf_str(&b));
		s = p;
	}
	buf_free(&b);
}

/* The messages, newest first, wrapped to w columns. */
static char **
message_lines(const struct app *a, int w, int *n)
{
	char **v = NULL;
	int i;

	*n = 0;
	for (i = a->nmsgs - 1; i >= 0; i--)
		wrap_line(&v, n, a->msgs[i], w);
	if (*n == 0)
		add_line(&v, n, "No messages yet.");
	return v;
}

static void
free_lines(char **v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The box's width: the screen's, less a margin where there is room. */
static int
box_width(const struct app *a)
{
	if (a->cols >= 80)
		return 76;
	return a->cols >= 24 ? a->cols - 4 : a->cols;
}

/* The box: position and the number of text rows it shows. */
static void
help_box(const struct app *a, int nlines, struct rect *r, int *rows)
{
	r->w = box_width(a);
	r->h = nlines + 2 < a->rows - 2 ? nlines + 2 : a->rows - 2;
	r->y = 1 + (a->rows - 2 - r->h) / 2;
	r->x = (a->cols - r->w) / 2;
	*rows = r->h - 2;
}

void
help_draw(struct app *a)
{
	const char *h = draw_glyph("\xe2\x94\x80", "-");
	const char *v = draw_glyph("\xe2\x94\x82", "|");
	struct buf b = BUF_INIT;
	struct rect r;
	char **lines, down[32], up[32];
	int n, rows, i, x;

	if (a->help_msgs)
		lines = message_lines(a, box_width(a) - 3, &n);
	else
		lines = help_lines(a->ascii, &n);
	help_box(a, n, &r, &rows);
	if (a->help_top > n - rows)
		a->help_top = n - rows > 0 ? n - rows : 0;
	if (a->help_top < 0)
		a->help_top = 0;
	buf_adds(&b, draw_glyph("\xe2\x94\x8c", "+"));
	keys_first(ACT_DOWN, CTX_ISSUES, a->ascii, down, sizeof down);
	keys_first(ACT_UP, CTX_ISSUES, a->ascii, up, sizeof up);
	buf_printf(&b, "%s %s ", h, a->help_msgs ? "Messages" : "Keys");
	if (a->help_top + rows < n)
		buf_printf(&b, "(%s/%s scroll) ", down, up);
	for (i = (int)utf8_width(buf_str(&b)); i < r.w - 1; i++)
		buf_adds(&b, h);
	buf_adds(&b, draw_glyph("\xe2\x94\x90", "+"));
	draw_text(r.y, r.x, r.w, buf_str(&b), R_BORDER, true);
	for (i = 0; i < rows; i++) {
		x = r.x;
		x += draw_text(r.y + 1 + i, x, 1, v, R_BORDER, true);
		x += draw_text(r.y + 1 + i, x, 1, " ", R_NORMAL, true);
		x += draw_text(r.y + 1 + i, x, r.w - 3, a->help_top + i < n ?
		    lines[a->help_top + i] : "", R_NORMAL, true);
		draw_text(r.y + 1 + i, x, 1, v, R_BORDER, true);
	}
	buf_reset(&b);
	buf_adds(&b, draw_glyph("\xe2\x94\x94", "+"));
	buf_printf(&b, "%s q ? Esc close ", h);
	for (i = (int)utf8_width(buf_str(&b)); i < r.w - 1; i++)
		buf_adds(&b, h);
	buf_adds(&b, draw_glyph("\xe2\x94\x98", "+"));
	draw_text(r.y + r.h - 1, r.x, r.w, buf_str(&b), R_BORDER, true);
	buf_free(&b);
	free_lines(lines, n);
}

bool
help_key(struct app *a, enum action act, int key)
{
	switch (act) {
	case ACT_DOWN:
		a->help_top++;
		return true;
	case ACT_UP:
		a->help_top--;
		return true;
	case ACT_PAGE_DOWN:
		a->help_top += a->rows / 2;
		return true;
	case ACT_PAGE_UP:
		a->help_top -= a->rows / 2;
		return true;
	case ACT_TOP:
		a->help_top = 0;
		return true;
	case ACT_BOTTOM:
		a->help_top = 1 << 20;
		return true;
	default:
		a->help = false;
		a->d_all = true;
		return true;
	}
}
