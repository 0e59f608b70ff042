/* prompt.c - a one-line editor on the status line (search and find).
 *
 * The prompt is a mode of the event loop, not a loop of its own, so
 * transfers go on while the user types. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "buf.h"
#include "utf8.h"
#include "util.h"

#define PROMPT_MAX	256

static struct {
	bool		 active;
	const char	*label;
	prompt_fn	 done;
	uint32_t	 text[PROMPT_MAX];
	size_t		 len;
} p;

void
prompt_start(struct app *a, const char *label, prompt_fn done)
{
	p.active = true;
	p.label = label;
	p.done = done;
	p.len = 0;
	a->pane[PANE_STATUS].dirty = true;
}

bool
prompt_active(const struct app *a)
{
	return p.active;
}

void
prompt_cancel(struct app *a)
{
	p.active = false;
	a->pane[PANE_STATUS].dirty = true;
}

static char *
prompt_string(void)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < p.len; i++)
		utf8_addcp(&b, p.text[i]);
	return buf_detach(&b);
}

void
prompt_key(struct app *a, int key)
{
	prompt_fn done = p.done;
	char *s;

	a->pane[PANE_STATUS].dirty = true;
	switch (key) {
	case '\n':
	case '\r':
	case KEYF(KEY_ENTER):
		p.active = false;
		s = prompt_string();
		done(a, s);
		free(s);
		return;
	case KEY_ESC:
	case KEY_CTRL('c'):
	case KEY_CTRL('g'):
		p.active = false;
		done(a, NULL);
		return;
	case KEYF(KEY_BACKSPACE):
	case 0x7f:
	case KEY_CTRL('h'):
		if (p.len > 0)
			p.len--;
		else {
			p.active = false;
			done(a, NULL);
		}
		return;
	case KEY_CTRL('u'):
		p.len = 0;
		return;
	case KEY_CTRL('w'):
		while (p.len > 0 && p.text[p.len - 1] == ' ')
			p.len--;
		while (p.len > 0 && p.text[p.len - 1] != ' ')
			p.len--;
		return;
	}
	if (key >= KEY_FUNC || key < 0x20 || utf8_is_unsafe((uint32_t)key))
		return;
	if (p.len < PROMPT_MAX)
		p.text[p.len++] = (uint32_t)key;
}

void
prompt_draw(struct app *a)
{
	const struct rect *r = &a->pane[PANE_STATUS].r;
	struct buf b = BUF_INIT;
	size_t i, start = 0, w;
	int used;

	/* Show the end of a text longer than the line. */
	w = utf8_width(p.label);
	for (i = 0; i < p.len; i++)
		w += (size_t)utf8_cpwidth(p.text[i]);
	while (w + 1 > (size_t)r->w && start < p.len)
		w -= (size_t)utf8_cpwidth(p.text[start++]);
	buf_adds(&b, p.label);
	for (i = start; i < p.len; i++)
		utf8_addcp(&b, p.text[i]);
	used = draw_text(r->y, r->x, r->w, buf_str(&b), R_NORMAL, false);
	draw_fill(r->y, r->x + used, r->w - used, R_NORMAL);
	/* The loop draws the status line last: the cursor stays here. */
	move(r->y, r->x + (used < r->w ? used : r->w - 1));
	buf_free(&b);
}
