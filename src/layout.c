/* layout.c - a document laid out at a width: lines of styled cells. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unilbrk.h>

#include "buf.h"
#include "doc.h"
#include "layout.h"
#include "layout_int.h"
#include "utf8.h"
#include "util.h"

/* Glyphs: UTF-8 and ASCII. */
static const struct glyphs utf8_glyphs = {
	{ "\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa" },
	"\xe2\x94\x82", "\xe2\x94\x83", "\xe2\x94\x80", "\xe2\x95\x90",
	"\xe2\x94\x82", "\xe2\x94\xbc", "\xe2\x86\xa9", "?",
	"[\xe2\x80\xa6]",
};

static const struct glyphs ascii_glyphs = {
	{ "*", "-", "+" }, "|", ":", "-", "=", "|", "+", "\\", "?", "[...]",
};

/* Storage. */

void
line_begin(struct layout *L)
{
	L->ls = L->ncells;
	L->ts = L->text.len;
	L->lw = 0;
}

static bool
blank_cell(const struct layout *L, const struct layout_cell *c)
{
	return c->len == 1 && L->text.data[L->ts + c->off] == ' ' &&
	    c->link == 0 && (c->style & (STYLE_UNDERLINE | STYLE_REVERSE |
	    STYLE_STRIKE)) == 0;
}

/* End the line being built, dropping trailing blanks.  A space may hang
 * one column past the width while the line is open (the next word then
 * takes its place or moves down); if the line ends there, the space goes
 * too, even a styled one or one that zero-width marks joined. */
void
line_end(struct layout *L)
{
	struct line *l;
	struct layout_cell *c;

	while (L->ncells > L->ls) {
		c = &L->cells[L->ncells - 1];
		if (!blank_cell(L, c) && !(L->lw > L->width &&
		    L->text.data[L->ts + c->off] == ' '))
			break;
		L->lw -= c->width;
		L->ncells--;
		buf_truncate(&L->text, L->ts + c->off);
	}
	if (L->nlines == L->caplines) {
		L->caplines = L->caplines ? L->caplines * 2 : 256;
		L->lines = xreallocarray(L->lines, L->caplines,
		    sizeof *L->lines);
	}
	l = &L->lines[L->nlines++];
	l->cell = L->ls;
	l->text = L->ts;
	l->ncells = (int)(L->ncells - L->ls);
	l->width = L->lw;
	l->block = L->block;
	line_begin(L);
}

/* The prefix of a line: cells of width 1 and at most 4 bytes each. */
void
add_prefix(struct layout *L, const struct prefix *p)
{
	struct layout_cell *c;
	char *t;
	int i;

	if (p->n == 0)
		return;
	reserve(L, (size_t)p->n);
	c = &L->cells[L->ncells];
	t = L->text.data + L->text.len;
	for (i = 0; i < p->n; i++, c++) {
		c->off = (uint32_t)(t - L->text.data - L->ts);
		c->link = 0;
		c->len = p->c[i].len;
		c->width = 1;
		c->style = 0;
		c->role = p->c[i].role;
		memcpy(t, p->c[i].s, p->c[i].len);
		t += p->c[i].len;
	}
	L->ncells += (size_t)p->n;
	L->text.len = (size_t)(t - L->text.data);
	L->lw += p->n;
}

/* Where a word wider than the line is cut, no piece starts with closing
 * punctuation when it can be helped.  (Where words may break is UAX #14's
 * business, below; this is only for words that have no break.) */

static bool
is_closing(uint32_t cp)
{
	switch (cp) {
	case '!': case ')': case ',': case '.': case ':': case ';': case '?':
	case ']': case '}':
		return true;
	}
	if (cp < 0x80)
		return false;
	switch (cp) {
	case 0x2019: case 0x201d: case 0xbb: case 0x203a: case 0x2026:
	case 0x2025: case 0x3001: case 0x3002: case 0x3009: case 0x300b:
	case 0x300d: case 0x300f: case 0x3011: case 0x3015: case 0x3017:
	case 0x3019: case 0x301f: case 0x30fb: case 0x30fc: case 0x3005:
	case 0xff01: case 0xff09: case 0xff0c: case 0xff0e: case 0xff1a:
	case 0xff1b: case 0xff1f: case 0xff3d: case 0xff5d: case 0xff60:
	case 0xff61: case 0xff63: case 0xff64:
		return true;
	}
	/* Small kana do not start a line either. */
	if ((cp >= 0x3041 && cp <= 0x3049 && (cp & 1)) || cp == 0x3063 ||
	    cp == 0x3083 || cp == 0x3085 || cp == 0x3087 || cp == 0x308e ||
	    (cp >= 0x30a1 && cp <= 0x30a9 && (cp & 1)) || cp == 0x30c3 ||
	    cp == 0x30e3 || cp == 0x30e5 || cp == 0x30e7 || cp == 0x30ee)
		return true;
	return false;
}

/* Wrapping. */

void
wrap_init(struct wrap *w, struct layout *L, int avail,
    const struct prefix *first, const struct prefix *cont)
{
	memset(w, 0, sizeof *w);
	w->L = L;
	w->avail = avail < 1 ? 1 : avail;
	w->first = first;
	w->cont = cont;
	w->sp = SIZE_MAX;
	w->left = LAYOUT_MAX_BLOCK;
}

void
wrap_open(struct wrap *w)
{
	if (w->started)
		return;
	add_prefix(w->L, w->first);
	w->cs = w->L->ncells;
	w->tw = 0;
	w->started = true;
}

static void
wrap_newline(struct wrap *w)
{
	line_end(w->L);
	add_prefix(w->L, w->cont);
	w->cs = w->L->ncells;
	w->tw = 0;
	w->sp = SIZE_MAX;
}

/* Take the cells from index i to the end off the line, with their bytes,
 * into s (byte offsets relative to s->b). */
static void
save_tail(struct layout *L, size_t i, struct saved *s)
{
	size_t k, n = L->ncells - i, base;
	uint32_t off;

	if (n > s->cap) {
		s->cap = n;
		s->c = xreallocarray(s->c, s->cap, sizeof *s->c);
	}
	off = L->cells[i].off;
	base = L->ts + off;
	buf_reset(&s->b);
	buf_add(&s->b, L->text.data + base, L->text.len - base);
	memcpy(s->c, L->cells + i, n * sizeof *s->c);
	for (k = 0; k < n; k++) {
		s->c[k].off -= off;
		L->lw -= s->c[k].width;
	}
	s->n = n;
	L->ncells = i;
	buf_truncate(&L->text, base);
}

/* Put saved cells [from, to) back at the end of the line. */
static void
restore(struct layout *L, const struct saved *s, size_t from, size_t to)
{
	struct layout_cell *c;
	size_t k, n = to - from, start, end;
	uint32_t delta;

	if (n == 0)
		return;
	start = s->c[from].off;
	end = s->c[to - 1].off + s->c[to - 1].len;
	reserve(L, n);
	buf_grow(&L->text, end - start);
	c = L->cells + L->ncells;
	memcpy(c, s->c + from, n * sizeof *c);
	delta = (uint32_t)(L->text.len - L->ts - start);
	for (k = 0; k < n; k++) {
		c[k].off += delta;
		L->lw += c[k].width;
	}
	memcpy(L->text.data + L->text.len, s->b.data + start, end - start);
	L->text.len += end - start;
	L->ncells += n;
}

static bool
glue_cell(const struct saved *s, size_t k)
{
	uint32_t cp;

	if (s->c[k].role == LAYOUT_LINKNUM)
		return true;
	if (s->c[k].len == 1)
		cp = (unsigned char)s->b.data[s->c[k].off];
	else
		utf8_decode(s->b.data + s->c[k].off, s->c[k].len, &cp);
	return is_closing(cp);
}

/* The ASCII character of saved cell k, or 1 for anything else. */
static int
cut_char(const struct saved *s, size_t k)
{
	if (k >= s->n || s->c[k].len != 1 || s->c[k].role == LAYOUT_LINKNUM)
		return 1;
	return (unsigned char)s->b.data[s->c[k].off];
}

/*
 * Whether a word beginning with s[0..n) is a URL: a scheme and "://",
 * "mailto:", "www." or an e-mail address, after any opening brackets or
 * quotes.  A URL is one word that is never broken, so that copying it or
 * a terminal's URL detection gets all of it; one wider than the line
 * overflows it.
 */
bool
looks_like_url(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && strchr("(<[\"'", s[i]) != NULL && s[i] != '\0')
		i++;
	s += i;
	n -= i;
	if ((n >= 4 && strncasecmp(s, "www.", 4) == 0) ||
	    (n >= 7 && strncasecmp(s, "mailto:", 7) == 0))
		return true;
	for (k = 0; k < n && ((s[k] >= 'a' && s[k] <= 'z') ||
	    (s[k] >= 'A' && s[k] <= 'Z') || (k > 0 && ((s[k] >= '0' &&
	    s[k] <= '9') || s[k] == '+' || s[k] == '-' || s[k] == '.')));
	    k++)
		;
	if (k > 0 && k + 3 <= n && memcmp(s + k, "://", 3) == 0)
		return true;
	/* An e-mail address (an autolink's text) is one too. */
	for (k = 0; k < n && (isalnum((unsigned char)s[k]) ||
	    strchr("._%+-", s[k]) != NULL) && s[k] != '\0'; k++)
		;
	return k > 0 && k + 1 < n && s[k] == '@' &&
	    isalnum((unsigned char)s[k + 1]);
}

/* The word alone is wider than the line: cut it into pieces, keeping a
 * reference number or closing punctuation from starting a piece alone.
 * A URL is not cut: it overflows the line. */
static void
hard_split(struct wrap *w)
{
	struct layout *L = w->L;
	struct saved *s = &L->saved;
	size_t k, start, last, cut;
	int pw, tail;

	save_tail(L, w->cs, s);
	/* A no-break space shown as a space ends what can be one URL: a
	 * word glued to it with one is cut as any word (fuzz finding). */
	if (looks_like_url(s->b.data, s->b.len < 32 ? s->b.len : 32) &&
	    memchr(s->b.data, ' ', s->b.len) == NULL) {
		restore(L, s, 0, s->n);
		for (k = 0, pw = 0; k < s->n; k++)
			pw += s->c[k].width;
		w->tw = pw;
		return;
	}
	start = 0;
	while (start < s->n) {
		pw = 0;
		for (k = start; k < s->n && pw + s->c[k].width <= w->avail;
		    k++)
			pw += s->c[k].width;
		if (k == start)
			k++;	/* not reached: every cell fits in avail */
		if (k == s->n) {
			restore(L, s, start, k);
			w->tw = pw;
			break;
		}
		/* Cut a URL or path after a slash, or before "&" or "#", if
		 * that leaves the piece at least half full. */
		for (cut = k; cut > start + (k - start + 1) / 2; cut--)
			if (cut_char(s, cut - 1) == '/' ||
			    cut_char(s, cut) == '&' || cut_char(s, cut) == '#')
				break;
		if (cut > start + (k - start + 1) / 2)
			k = cut;
		/* No piece starts with closing punctuation or "[n]", if
		 * there is something else to start it with. */
		for (cut = k; cut > start + 1 && glue_cell(s, cut); cut--)
			;
		if (!glue_cell(s, cut))
			k = cut;
		/* Is the rest only glue?  Then take some along. */
		last = k;
		if (s->n - k <= (size_t)w->avail)
			while (last < s->n && glue_cell(s, last))
				last++;
		if (last == s->n) {
			tail = 0;
			for (last = k; last < s->n; last++)
				tail += s->c[last].width;
			while (k > start + 1 &&
			    tail + s->c[k - 1].width <= w->avail) {
				k--;
				tail += s->c[k].width;
				if (!glue_cell(s, k))
					break;
			}
		}
		restore(L, s, start, k);
		wrap_newline(w);
		start = k;
	}
}

/* The word being built is complete: move it to a new line if it does not
 * fit. */
static void
word_end(struct wrap *w)
{
	struct layout *L = w->L;
	struct saved *s = &L->saved;

	if (!w->inword)
		return;
	w->inword = false;
	if (w->tw <= w->avail) {
		w->sp = SIZE_MAX;
		return;
	}
	if (w->ws > w->cs) {
		save_tail(L, w->ws, s);
		if (w->sp != SIZE_MAX && w->sp + 1 == w->ws) {
			L->lw -= L->cells[w->sp].width;
			L->ncells = w->sp;
			buf_truncate(&L->text, L->ts + L->cells[w->sp].off);
		}
		wrap_newline(w);
		restore(L, s, 0, s->n);
		w->tw = w->ww;
	}
	w->sp = SIZE_MAX;
	if (w->tw > w->avail)
		hard_split(w);
}

void
wrap_space(struct wrap *w)
{
	struct layout *L = w->L;
	const struct layout_cell *c;

	if (w->inword && w->tw <= w->avail) {
		/* The word fits: the common case of word_end. */
		w->inword = false;
		w->sp = SIZE_MAX;
	} else
		word_end(w);
	if (!w->started || L->ncells == w->cs)
		return;
	c = &L->cells[L->ncells - 1];
	if (c->len == 1 && L->text.data[L->ts + c->off] == ' ' &&
	    c->role != LAYOUT_LINKNUM)
		return;
	w->sp = L->ncells;
	add_cell(L, " ", 1, 1, w->style, w->role, w->link);
	w->tw++;
	w->prevcp = ' ';
	w->gstate = 0;
}

/* Add one character; brk: UAX #14 allows a break before it.  A
 * character that continues a grapheme cluster (UAX #29) joins the cell
 * before it, so that no wrap can come between them. */
void
wrap_char(struct wrap *w, uint32_t cp, const char *s, size_t n, int cw,
    bool brk)
{
	struct layout *L = w->L;
	struct layout_cell *c;
	bool joins;
	int nw;

	wrap_open(w);
	joins = utf8_joins(w->prevcp, cp, &w->gstate);
	w->prevcp = cp;
	if (joins && L->ncells > w->cs) {
		c = &L->cells[L->ncells - 1];
		/* A cell stands for too wide a cluster: the rest goes. */
		if (w->subst || (size_t)c->len + n > 255 ||
		    c->off + c->len != L->text.len - L->ts)
			return;
		buf_add(&L->text, s, n);
		c->len = (uint8_t)(c->len + n);
		nw = utf8_join_width(c->width, cp);
		if (nw != c->width && nw <= w->avail) {
			L->lw += nw - c->width;
			w->tw += nw - c->width;
			if (w->inword)
				w->ww += nw - c->width;
			c->width = (uint8_t)nw;
		}
		return;
	}
	w->subst = cw > w->avail;
	if (w->subst) {
		s = L->g->wide;
		n = strlen(s);
		cw = 1;
	}
	if (w->inword && brk)
		word_end(w);
	if (!w->inword) {
		w->inword = true;
		w->ws = L->ncells;
		w->ww = 0;
	}
	add_cell(L, s, n, cw, w->style, w->role, w->link);
	w->ww += cw;
	w->tw += cw;
}

static void
wrap_break(struct wrap *w)
{
	word_end(w);
	wrap_open(w);
	wrap_newline(w);
}

/* End the block: close the last line, if any. */
void
wrap_end(struct wrap *w)
{
	word_end(w);
	if (w->started)
		line_end(w->L);
	w->started = false;
}

/* Add printable ASCII s[0..n) to the word begun before it. */
static void
ascii_run(struct wrap *w, const char *s, size_t n)
{
	struct layout *L = w->L;
	struct layout_cell *c, t;
	size_t k;
	uint32_t off;


	reserve(L, n);
	c = &L->cells[L->ncells];
	off = (uint32_t)(L->text.len - L->ts);
	t.off = off;
	t.link = w->link;
	t.len = 1;
	t.width = 1;
	t.style = w->style;
	t.role = w->role;
	/* Four cells a step: this is the inner loop of a layout. */
	for (k = 0; k + 4 <= n; k += 4) {
		c[k] = t;
		c[k + 1] = t;
		c[k + 2] = t;
		c[k + 3] = t;
		c[k].off = off + (uint32_t)k;
		c[k + 1].off = off + (uint32_t)k + 1;
		c[k + 2].off = off + (uint32_t)k + 2;
		c[k + 3].off = off + (uint32_t)k + 3;
	}
	for (; k < n; k++) {
		c[k] = t;
		c[k].off = off + (uint32_t)k;
	}
	memcpy(L->text.data + L->text.len, s, n);
	L->text.len += n;
	L->ncells += n;
	L->lw += (int)n;
	w->ww += (int)n;
	w->tw += (int)n;
	w->prevcp = (unsigned char)s[n - 1];
	w->gstate = 0;
	w->subst = false;
}

/* The end of the run of printable ASCII (0x21 to 0x7e) from s[i], eight
 * bytes at a step where it can: URLs are long words. */
static size_t
printable_end(const char *s, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if (((w - ones * 0x21) & ~w & highs) != 0 ||
		    (((w + ones * (127 - 0x7e)) | w) & highs) != 0)
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] - 0x21u < 0x5eu)
		i++;
	return i;
}

/* The first bytes of the word being built, then s[0..n), into head (at
 * least 32 bytes); returns their length. */
static size_t
word_head(const struct wrap *w, const char *s, size_t n, char *head)
{
	const struct layout *L = w->L;
	size_t h = 0, k;

	if (w->inword && w->ws < L->ncells) {
		k = L->ts + L->cells[w->ws].off;
		h = L->text.len - k < 32 ? L->text.len - k : 32;
		memcpy(head, L->text.data + k, h);
	}
	k = n < 32 - h ? n : 32 - h;
	memcpy(head + h, s, k);
	return h + k;
}

/* Where in s[i..end) the first URL starts (its scheme, "www." or
 * "mailto:"), or SIZE_MAX: text may break before it, not inside it. */
static size_t
url_start(const char *s, size_t i, size_t end)
{
	size_t k, j;

	/* One pass, as most words it sees are short and hold none. */
	for (k = i; k < end; k++) {
		if (s[k] == ':' && k + 2 < end && s[k + 1] == '/' &&
		    s[k + 2] == '/') {
			for (j = k; j > i && (isalnum((unsigned char)
			    s[j - 1]) || s[j - 1] == '+' || s[j - 1] == '-' ||
			    s[j - 1] == '.'); j--)
				;
			if (j < k)
				return j;
		} else if (s[k] == ':' && k >= i + 6 &&
		    strncasecmp(s + k - 6, "mailto", 6) == 0)
			return k - 6;
		else if ((s[k] == 'w' || s[k] == 'W') && k + 4 <= end &&
		    strncasecmp(s + k, "www.", 4) == 0)
			return k;
	}
	return SIZE_MAX;
}

#define SEGMENT	4096

/*
 * Add s[i..) up to the next space, where UAX #14 says where lines may
 * break: text that is not all ASCII (CJK breaks between ideographs, not
 * before closing punctuation, not after opening; a no-break space glues).
 * libunistring's u8_possible_linebreaks decides, a piece of at most
 * SEGMENT bytes at a time, with the character before the piece as
 * context, so memory does not grow with an unbroken text.  A URL takes
 * no break.  Returns where it stopped.
 */
static size_t
wrap_uax14(struct wrap *w, const char *s, size_t i, size_t len)
{
	char text[SEGMENT + 4], brk[SEGMENT + 4], head[32];
	const char *e;
	size_t end, n, k, m, ctx, ustart;
	uint32_t cp;
	bool url, b;

	e = memchr(s + i, ' ', len - i);
	end = e != NULL ? (size_t)(e - s) : len;
	url = looks_like_url(head, word_head(w, s + i, end - i, head));
	ustart = url_start(s, i, end);
	while (i < end) {
		n = end - i;
		if (n > SEGMENT) {
			n = SEGMENT;
			while (n > 1 && ((unsigned char)s[i + n] & 0xc0) ==
			    0x80)
				n--;
		}
		ctx = 0;
		if (!url) {
			if (w->inword)
				ctx = utf8_encode(w->prevcp, text);
			memcpy(text + ctx, s + i, n);
			u8_possible_linebreaks((const uint8_t *)text, ctx + n,
			    "UTF-8", brk);
		}
		for (k = 0; k < n; k += m) {
			m = utf8_decode(s + i + k, n - k, &cp);
			if (i + k > ustart)
				url = true;
			b = !url && brk[ctx + k] == UC_BREAK_POSSIBLE;
			/* A no-break space shows as a space, but in a URL,
			 * where it is part of the one word (fuzz finding). */
			if (cp == 0xa0 && !url)
				wrap_char(w, cp, " ", 1, 1, false);
			else
				wrap_char(w, cp, s + i + k, m,
				    utf8_cpwidth(cp), b);
		}
		i += n;
	}
	return end;
}

/* Add UTF-8 text s[0..len) (sanitised, white space collapsed).  ASCII
 * words take the fast paths: they break only at spaces. */
static void
wrap_text(struct wrap *w, const char *s, size_t len)
{
	size_t i = 0, n;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)s[i];
		if (c == ' ') {
			wrap_space(w);
			i++;
			continue;
		}
		if (c >= 0x80 || (w->inword && w->prevcp >= 0x80)) {
			i = wrap_uax14(w, s, i, len);
			continue;
		}
		if (c - 0x21u < 0x5eu && w->started) {
			/* A run of printable ASCII: as wrap_char would take
			 * it, a character at a time, without a break. */
			n = printable_end(s, i + 1, len);
			if (!w->inword) {
				w->inword = true;
				w->ws = w->L->ncells;
				w->ww = 0;
			}
			if (n < len && s[n] == ' ' &&
			    w->tw + (int)(n - i) <= w->avail) {
				/* The word fits, and a space ends it: what
				 * wrap_space would do, with the same cell. */
				ascii_run(w, s + i, n + 1 - i);
				w->inword = false;
				w->sp = w->L->ncells - 1;
				w->prevcp = ' ';
				i = n + 1;
				continue;
			}
			ascii_run(w, s + i, n - i);
			i = n;
			continue;
		}
		wrap_char(w, c, s + i, 1, c >= 0x20, false);
		i++;
		/* The rest of a printable ASCII run cannot break. */
		for (n = i; n < len && (unsigned char)s[n] > 0x20 &&
		    (unsigned char)s[n] < 0x7f; n++)
			;
		if (n > i) {
			ascii_run(w, s + i, n - i);
			i = n;
		}
	}
}

/* "[n]" into num (at least 16 bytes); returns its length. */
int
linknum(char *num, uint32_t n)
{
	char tmp[12];
	int len = 0, k = 0;

	do {
		tmp[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	num[len++] = '[';
	while (k > 0)
		num[len++] = tmp[--k];
	num[len++] = ']';
	num[len] = '\0';
	return len;
}

static void
wrap_linknum(struct wrap *w, uint32_t n)
{
	char num[16];
	int len;
	uint8_t role = w->role, style = w->style;
	uint32_t link = w->link;

	len = linknum(num, n);
	w->role = LAYOUT_LINKNUM;
	w->style = 0;
	w->link = n;
	/* As wrap_char would take them, glued: no break before any. */
	wrap_open(w);
	if (!w->inword) {
		w->inword = true;
		w->ws = w->L->ncells;
		w->ww = 0;
	}
	ascii_run(w, num, (size_t)len);
	w->role = role;
	w->style = style;
	w->link = link;
}

/* The length of s[0..max) cut back to a character boundary. */
static size_t
cut_point(const char *s, size_t max)
{
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

static void
lay_text_runs(struct layout *L, struct wrap *w, const struct doc *d, int first,
    int n, uint8_t style, uint8_t role)
{
	const struct doc_run *runs = doc_runs(d), *r;
	const char *text = doc_text(d);
	size_t len;
	int i;

	for (i = first; i < first + n && !w->cut; i++) {
		r = &runs[i];
		w->style = r->style | style;
		w->link = r->link;
		if (r->link != 0) {
			w->role = LAYOUT_LINK;
			w->style |= STYLE_UNDERLINE;
		} else if (r->kind == DOC_RUN_CODE)
			w->role = LAYOUT_CODE;
		else
			w->role = role;
		switch (r->kind) {
		case DOC_RUN_TEXT:
		case DOC_RUN_CODE:
			len = r->len;
			if (len > w->left) {
				len = cut_point(text + r->off, w->left);
				w->cut = true;
			}
			wrap_text(w, text + r->off, len);
			w->left -= len;
			if (w->cut) {
				/* The rest is not laid out: say so. */
				wrap_space(w);
				w->style = 0;
				w->role = LAYOUT_MARKER;
				w->link = 0;
				wrap_text(w, L->g->more, strlen(L->g->more));
			}
			break;
		case DOC_RUN_BREAK:
			wrap_break(w);
			break;
		case DOC_RUN_LINKNUM:
			wrap_linknum(w, r->link);
			break;
		}
	}
	(void)L;
}

/* For tables: lay_text_runs is static so that the paragraphs' calls get it
 * inlined, wrap_text with it (the inner loop of a layout). */
void
lay_runs(struct layout *L, struct wrap *w, const struct doc *d, int first,
    int n, uint8_t style, uint8_t role)
{
	lay_text_runs(L, w, d, first, n, style, role);
}

/* Prefixes: gutters, markers and indentation of a block's containers. */

/* Add one character s[0..len) of width 1 to a prefix. */
static void
pre_addn(struct prefix *p, const char *s, size_t len, uint8_t role)
{
	if (p->n < MAX_PREFIX) {
		p->c[p->n].s = s;
		p->c[p->n].len = (uint8_t)len;
		p->c[p->n].role = role;
		p->n++;
	}
}

static void
pre_add(struct prefix *p, const char *s, uint8_t role)
{
	pre_addn(p, s, strlen(s), role);
}

static int
frame_width(const struct doc *d, const struct doc_container *c)
{
	switch (c->type) {
	case DOC_QUOTE:
		return 2;
	case DOC_INDENT:
		return 4;
	case DOC_ITEM:
		return doc_list(d, c->list)->marker_width + 1;
	}
	return 0;
}

/*
 * Which frames of block b get drawn: as many of the outer ones as fit in
 * half the width, and always the innermost item's marker.  This caps the
 * indentation of deep nesting so text keeps at least half the line.
 */
static int
kept_frames(const struct doc *d, const struct doc_block *b, int width,
    int *keep)
{
	int i, n = 0, used = 0, budget = width / 2, fw, inner;

	for (i = 0; i < b->depth; i++) {
		fw = frame_width(d, doc_frame(d, b, i));
		if (used + fw > budget)
			break;
		used += fw;
		keep[n++] = i;
	}
	inner = b->depth - 1;
	if (inner >= 0 && n < b->depth &&
	    doc_frame(d, b, inner)->type == DOC_ITEM) {
		fw = frame_width(d, doc_frame(d, b, inner));
		while (n > 0 && used + fw > budget)
			used -= frame_width(d, doc_frame(d, b, keep[--n]));
		if (used + fw <= budget)
			keep[n++] = inner;
	}
	return n;
}

static void
make_prefixes(struct layout *L, const struct doc *d, const struct doc_block *b,
    int bi, struct prefix *first, struct prefix *cont)
{
	const struct doc_container *c;
	const struct doc_list *list;
	int keep[DOC_MAX_DEPTH], n, i, k, mw, pad;
	const char *m;
	size_t cl, ml;
	uint32_t cp;

	first->n = cont->n = 0;
	n = kept_frames(d, b, L->width, keep);
	for (k = 0; k < n; k++) {
		c = doc_frame(d, b, keep[k]);
		switch (c->type) {
		case DOC_QUOTE:
			pre_add(first, L->g->quote, LAYOUT_QUOTE);
			pre_addn(first, " ", 1, LAYOUT_INDENT);
			pre_add(cont, L->g->quote, LAYOUT_QUOTE);
			pre_addn(cont, " ", 1, LAYOUT_INDENT);
			break;
		case DOC_INDENT:
			for (i = 0; i < 4; i++) {
				pre_addn(first, " ", 1, LAYOUT_INDENT);
				pre_addn(cont, " ", 1, LAYOUT_INDENT);
			}
			break;
		case DOC_ITEM:
			list = doc_list(d, c->list);
			mw = list->marker_width;
			if (c->first_block == bi && c->marker[0] == '\0') {
				pre_add(first, L->g->bullet[(list->level - 1) %
				    3], LAYOUT_MARKER);
				for (i = 1; i < mw; i++)
					pre_addn(first, " ", 1, LAYOUT_INDENT);
			} else if (c->first_block == bi) {
				/* Numbers are right-aligned. */
				ml = strlen(c->marker);
				pad = mw - (int)utf8_nwidth(c->marker, ml);
				for (i = 0; i < pad; i++)
					pre_addn(first, " ", 1, LAYOUT_INDENT);
				for (m = c->marker; *m != '\0'; m += cl) {
					cl = utf8_decode(m, ml - (size_t)(m -
					    c->marker), &cp);
					pre_addn(first, m, cl, LAYOUT_MARKER);
				}
			} else {
				for (i = 0; i < mw; i++)
					pre_addn(first, " ", 1, LAYOUT_INDENT);
			}
			pre_addn(first, " ", 1, LAYOUT_INDENT);
			for (i = 0; i <= mw; i++)
				pre_addn(cont, " ", 1, LAYOUT_INDENT);
			break;
		}
	}
}

/* The gutters a blank line between blocks a and b keeps: those of the
 * quotes both are in. */
static void
blank_line(struct layout *L, const struct doc *d, int a, int b)
{
	const struct doc_block *ba = doc_block(d, a), *bb = doc_block(d, b);
	struct prefix p;
	int keep[DOC_MAX_DEPTH], n, k, i, fi, common;
	const struct doc_container *c;

	for (common = 0; common < ba->depth && common < bb->depth; common++)
		if (doc_frame_index(d, ba, common) !=
		    doc_frame_index(d, bb, common))
			break;
	p.n = 0;
	n = kept_frames(d, bb, L->width, keep);
	for (k = 0; k < n && keep[k] < common; k++) {
		fi = keep[k];
		c = doc_frame(d, bb, fi);
		if (c->type == DOC_QUOTE) {
			pre_add(&p, L->g->quote, LAYOUT_QUOTE);
			pre_addn(&p, " ", 1, LAYOUT_INDENT);
		} else
			for (i = 0; i < frame_width(d, c); i++)
				pre_addn(&p, " ", 1, LAYOUT_INDENT);
	}
	add_prefix(L, &p);
	line_end(L);
}

/* Blocks. */

static void
lay_text_block(struct layout *L, const struct doc *d,
    const struct doc_block *b, const struct prefix *first,
    const struct prefix *cont)
{
	struct wrap w;
	uint8_t style = 0, role = LAYOUT_NORMAL;
	size_t start;
	int i, maxw = 0, avail;
	const char *g;

	avail = L->width - prefix_width(first);
	if (b->type == DOC_HEADING) {
		style = STYLE_BOLD;
		role = LAYOUT_HEADING;
	}
	wrap_init(&w, L, avail, first, cont);
	start = L->nlines;
	wrap_open(&w);
	lay_text_runs(L, &w, d, b->first_run, b->nruns, style, role);
	wrap_end(&w);
	if (b->type != DOC_HEADING || b->level > 3)
		return;
	/* Underline the heading as wide as its widest line. */
	for (; start < L->nlines; start++) {
		i = L->lines[start].width - prefix_width(first);
		if (i > maxw)
			maxw = i;
	}
	if (maxw > avail)
		maxw = avail;
	g = b->level == 1 ? L->g->rule2 : L->g->rule;
	add_prefix(L, cont);
	for (i = 0; i < maxw; i++)
		add_cell(L, g, strlen(g), 1, 0, LAYOUT_HEADING, 0);
	line_end(L);
}

/*
 * A code block, line by line, tabs expanded.  With code_nowrap each line
 * is kept whole, as wide as it is (the views scroll it, a pager's -S
 * does); otherwise a line wider than the room is cut with a mark and
 * continued.  Either way no grapheme cluster is divided.
 */
static void
lay_code(struct layout *L, const struct doc *d, const struct doc_block *b,
    const struct prefix *first, const struct prefix *cont)
{
	const struct doc_run *r = &doc_runs(d)[b->first_run];
	const char *s = doc_text(d) + r->off;
	size_t len = r->len, i = 0, n;
	int avail, col, cw, nw;
	bool gutter, cut, whole = L->code_nowrap, more = false;
	uint32_t cp, prev;
	unsigned int state;
	struct layout_cell *last;

	avail = L->width - prefix_width(first);
	gutter = avail >= 6;
	if (gutter)
		avail -= 2;
	cut = avail >= 2 && !whole;
	if (len > LAYOUT_MAX_BLOCK) {
		len = cut_point(s, LAYOUT_MAX_BLOCK);
		more = true;
	}
	for (;;) {
		add_prefix(L, i == 0 ? first : cont);
		if (gutter) {
			add_cell(L, L->g->code, strlen(L->g->code), 1, 0,
			    LAYOUT_CODE_GUTTER, 0);
			add_cell(L, " ", 1, 1, 0, LAYOUT_INDENT, 0);
		}
		col = 0;
		prev = 0;
		state = 0;
		while (i < len && s[i] != '\n') {
			if (s[i] == '\t') {
				/* A tab that does not fit ends the piece. */
				cw = TAB_STOP - col % TAB_STOP;
				if (!whole && col + cw > avail - (cut ? 1 :
				    0)) {
					i++;
					goto wrap;
				}
				while (cw-- > 0) {
					add_cell(L, " ", 1, 1, 0, LAYOUT_CODE,
					    0);
					col++;
				}
				i++;
				prev = 0;
				continue;
			}
			n = utf8_decode(s + i, len - i, &cp);
			cw = utf8_cpwidth(cp);
			if (utf8_joins(prev, cp, &state) && col > 0) {
				/* The rest of a cluster: into its cell. */
				last = &L->cells[L->ncells - 1];
				if ((size_t)last->len + n <= 255) {
					buf_add(&L->text, s + i, n);
					last->len = (uint8_t)(last->len + n);
					nw = utf8_join_width(last->width, cp);
					if (nw > last->width && (whole ||
					    col + nw - last->width <= avail)) {
						col += nw - last->width;
						L->lw += nw - last->width;
						last->width = (uint8_t)nw;
					}
				}
				prev = cp;
				i += n;
				continue;
			}
			prev = cp;
			/* Keep a column for the cut mark unless this is the
			 * line's last character. */
			if (!whole && col + (cw > avail ? 1 : cw) > avail -
			    (cut ? 1 : 0) && !(col + cw <= avail && (i + n ==
			    len || s[i + n] == '\n')) && col > 0)
				goto wrap;
			if (!whole && cw > avail) {
				/* Wider than the whole line. */
				add_cell(L, L->g->wide, 1, 1, 0, LAYOUT_CODE,
				    0);
				cw = 1;
			} else
				add_cell(L, s + i, n, cw, 0, LAYOUT_CODE, 0);
			col += cw;
			i += n;
		}
		line_end(L);
		if (i >= len)
			break;
		i++;	/* the newline */
		continue;
wrap:
		if (cut && col < avail)
			add_cell(L, L->g->cut, strlen(L->g->cut), 1, STYLE_DIM,
			    LAYOUT_MARKER, 0);
		line_end(L);
	}
	if (more) {
		/* The rest is not laid out: a line says so. */
		add_prefix(L, cont);
		for (s = L->g->more; *s != '\0'; s += n) {
			n = utf8_decode(s, strlen(s), &cp);
			add_cell(L, s, n, 1, 0, LAYOUT_MARKER, 0);
		}
		line_end(L);
	}
}

static void
lay_rule(struct layout *L, const struct prefix *first)
{
	int i, avail = L->width - prefix_width(first);

	add_prefix(L, first);
	for (i = 0; i < avail; i++)
		add_cell(L, L->g->rule, strlen(L->g->rule), 1, 0, LAYOUT_RULE,
		    0);
	line_end(L);
}

/* Link occurrences: runs of cells of one link, read across the prefixes
 * of wrapped lines. */
static void
find_spans(struct layout *L)
{
	struct layout_span *sp = NULL;
	const struct layout_cell *c;
	size_t i;
	int k;

	for (i = 0; i < L->nlines; i++) {
		for (k = 0; k < L->lines[i].ncells; k++) {
			c = &L->cells[L->lines[i].cell + (size_t)k];
			if (c->role == LAYOUT_INDENT || c->role ==
			    LAYOUT_QUOTE || c->role == LAYOUT_MARKER ||
			    c->role == LAYOUT_CODE_GUTTER)
				continue;
			if (c->link == 0 || c->role == LAYOUT_TABLE) {
				sp = NULL;
				continue;
			}
			if (sp == NULL || sp->link != c->link) {
				if (L->nspans == L->capspans) {
					L->capspans = L->capspans ?
					    L->capspans * 2 : 64;
					L->spans = xreallocarray(L->spans,
					    L->capspans, sizeof *L->spans);
				}
				sp = &L->spans[L->nspans++];
				sp->link = c->link;
				sp->first_line = (int)i;
				sp->first_cell = k;
			}
			sp->last_line = (int)i;
			sp->last_cell = k;
			/* The "]" of "[n]" ends an occurrence. */
			if (c->role == LAYOUT_LINKNUM &&
			    L->text.data[L->lines[i].text + c->off] == ']')
				sp = NULL;
		}
	}
}

static struct layout *
layout_init(int width, const struct layout_opts *opts)
{
	struct layout *L;

	if (opts != NULL && opts->max_width > 0 && width > opts->max_width)
		width = opts->max_width;
	if (width < 1)
		width = 1;
	L = xcalloc(1, sizeof *L);
	L->width = width;
	L->g = opts != NULL && opts->ascii ? &ascii_glyphs : &utf8_glyphs;
	L->code_nowrap = opts != NULL && opts->code_nowrap;
	buf_str(&L->text);
	line_begin(L);
	return L;
}

/* Lay out block i, after a blank line if it wants one. */
static void
lay_block(struct layout *L, const struct doc *d, int i)
{
	const struct doc_block *b = doc_block(d, i);
	struct prefix first, cont;
	size_t start;

	L->block = i;
	if (b->space_before && L->done + L->nlines > 0)
		blank_line(L, d, i - 1, i);
	start = L->nlines;
	if (L->block_line != NULL)
		L->block_line[i] = (int)start;
	make_prefixes(L, d, b, i, &first, &cont);
	switch (b->type) {
	case DOC_PARA:
	case DOC_HEADING:
		lay_text_block(L, d, b, &first, &cont);
		break;
	case DOC_CODE:
		lay_code(L, d, b, &first, &cont);
		break;
	case DOC_RULE:
		lay_rule(L, &first);
		break;
	case DOC_TABLE:
		lay_table(L, d, b, &first, &cont);
		break;
	}
	if (L->nlines == start) {
		/* An empty block still takes a line. */
		add_prefix(L, &first);
		line_end(L);
	}
}

static void
public_line(const struct layout *L, size_t i, struct layout_line *out)
{
	/* An empty layout may have no storage at all. */
	out->text = L->text.data != NULL ? L->text.data + L->lines[i].text :
	    "";
	out->cells = L->cells != NULL ? L->cells + L->lines[i].cell : NULL;
	out->ncells = L->lines[i].ncells;
	out->width = L->lines[i].width;
	out->block = L->lines[i].block;
}

struct layout *
layout_new(const struct doc *d, int width, const struct layout_opts *opts)
{
	struct layout *L;
	int i, n, sec;

	L = layout_init(width, opts);
	n = L->nblocks = doc_nblocks(d);
	L->block_line = xcalloc((size_t)n + 1, sizeof *L->block_line);
	for (i = 0; i < n; i++)
		lay_block(L, d, i);
	L->block_line[n] = (int)L->nlines;
	L->nsections = doc_nsections(d);
	L->section_line = xcalloc((size_t)L->nsections + 1,
	    sizeof *L->section_line);
	L->section_block = xcalloc((size_t)L->nsections + 1,
	    sizeof *L->section_block);
	for (sec = 0; sec < L->nsections; sec++) {
		L->section_block[sec] = doc_section_block(d, sec);
		L->section_line[sec] = L->block_line[L->section_block[sec]];
	}
	L->section_line[L->nsections] = (int)L->nlines;
	find_spans(L);
	/* Now that storage is final, point the public lines into it. */
	L->pub = xcalloc(L->nlines + 1, sizeof *L->pub);
	for (i = 0; i < (int)L->nlines; i++) {
		public_line(L, (size_t)i, &L->pub[i]);
		if (L->lines[i].width > L->maxw)
			L->maxw = L->lines[i].width;
	}
	return L;
}

struct layout *
layout_stream_new(int width, const struct layout_opts *opts)
{
	return layout_init(width, opts);
}

/*
 * The same lines as layout_new, handed to fn one block at a time and then
 * forgotten: memory stays that of the largest block.  Text mode uses it.
 */
void
layout_stream(struct layout *L, const struct doc *d, int first, int end,
    layout_line_fn fn, void *arg)
{
	struct layout_line line;
	size_t k;
	int i;

	for (i = first; i < end; i++) {
		lay_block(L, d, i);
		for (k = 0; k < L->nlines; k++) {
			public_line(L, k, &line);
			fn(&line, arg);
		}
		L->done += L->nlines;
		L->nlines = 0;
		L->ncells = 0;
		buf_reset(&L->text);
		line_begin(L);
	}
}

void
layout_each(const struct doc *d, int width, const struct layout_opts *opts,
    layout_line_fn fn, void *arg)
{
	struct layout *L = layout_stream_new(width, opts);

	layout_stream(L, d, 0, doc_nblocks(d), fn, arg);
	layout_free(L);
}

void
layout_free(struct layout *L)
{
	size_t i;

	if (L == NULL)
		return;
	free(L->lines);
	free(L->pub);
	free(L->cells);
	buf_free(&L->text);
	free(L->block_line);
	free(L->section_line);
	free(L->section_block);
	free(L->spans);
	free(L->saved.c);
	buf_free(&L->saved.b);
	for (i = 0; i < L->npool; i++)
		layout_free(L->pool[i]);
	free(L->pool);
	free(L);
}

int
layout_width(const struct layout *L)
{
	return L->width;
}

int
layout_max_width(const struct layout *L)
{
	return L->maxw;
}

int
layout_nlines(const struct layout *L)
{
	return (int)L->nlines;
}

const struct layout_line *
layout_line(const struct layout *L, int i)
{
	if (i < 0 || (size_t)i >= L->nlines)
		return NULL;
	return &L->pub[i];
}

int
layout_section_line(const struct layout *L, int i)
{
	if (i < 0 || i >= L->nsections)
		return -1;
	return L->section_line[i];
}

static bool
line_blank(const struct layout *L, int i)
{
	const struct line *l = &L->lines[i];
	int k;

	for (k = 0; k < l->ncells; k++) {
		switch (L->cells[l->cell + (size_t)k].role) {
		case LAYOUT_INDENT:
		case LAYOUT_QUOTE:
			continue;
		}
		return false;
	}
	return true;
}

int
layout_section_range(const struct layout *L, int i, int *first, int *end)
{
	int a, z;

	if (i < 0 || i >= L->nsections)
		return -1;
	a = L->section_line[i];
	z = L->section_line[i + 1];
	while (z > a && line_blank(L, z - 1))
		z--;
	*first = a;
	*end = z;
	return 0;
}

int
layout_block_line(const struct layout *L, int block)
{
	if (block < 0 || block > L->nblocks)
		return -1;
	return L->block_line[block];
}

int
layout_line_block(const struct layout *L, int line)
{
	if (line < 0 || (size_t)line >= L->nlines)
		return -1;
	return L->lines[line].block;
}

int
layout_nspans(const struct layout *L)
{
	return (int)L->nspans;
}

const struct layout_span *
layout_span(const struct layout *L, int i)
{
	if (i < 0 || (size_t)i >= L->nspans)
		return NULL;
	return &L->spans[i];
}

int
layout_link_span(const struct layout *L, uint32_t n)
{
	size_t i;

	for (i = 0; i < L->nspans; i++)
		if (L->spans[i].link == n)
			return (int)i;
	return -1;
}

