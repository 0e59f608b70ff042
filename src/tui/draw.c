/* draw.c - colour themes and width-exact text drawing for the panes. */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "conf.h"
#include "utf8.h"

struct style {
	short		 fg, bg;	/* -1: the terminal's default */
	attr_t		 attr;
};

/* NOTE: the three tables are indexed by enum role. */
static const struct style theme256[R_COUNT] = {
	[R_NORMAL] =		{ -1, -1, 0 },
	[R_TITLEBAR] =		{ 255, 24, A_BOLD },
	[R_STATUS] =		{ 252, 236, 0 },
	[R_ERROR] =		{ 231, 124, A_BOLD },
	[R_SELECTED] =		{ 231, 31, A_BOLD },
	[R_SELECTED_DIM] =	{ 253, 239, 0 },
	[R_DATE] =		{ 245, -1, 0 },
	[R_FEED] =		{ 109, -1, 0 },
	[R_UNREAD] =		{ -1, -1, A_BOLD },
	[R_NEW] =		{ 214, -1, A_BOLD },
	[R_HEADER] =		{ -1, -1, A_BOLD },
	[R_META] =		{ 245, -1, 0 },
	[R_TAB] =		{ 250, 237, 0 },
	[R_TAB_ACTIVE] =	{ 231, 31, A_BOLD },
	[R_HEADING] =		{ 74, -1, A_BOLD },
	[R_LINK] =		{ 75, -1, A_UNDERLINE },
	[R_LINKNUM] =		{ 245, -1, 0 },
	[R_CODE] =		{ 180, -1, 0 },
	[R_QUOTE] =		{ 108, -1, 0 },
	[R_MARKER] =		{ -1, -1, 0 },
	[R_RULE] =		{ 240, -1, 0 },
	[R_TABLE] =		{ 240, -1, 0 },
	[R_MATCH] =		{ 16, 220, 0 },
	[R_HOST] =		{ -1, -1, A_BOLD },
	[R_BORDER] =		{ 240, -1, 0 },
};

static const struct style theme8[R_COUNT] = {
	[R_NORMAL] =		{ -1, -1, 0 },
	[R_TITLEBAR] =		{ COLOR_WHITE, COLOR_BLUE, A_BOLD },
	[R_STATUS] =		{ -1, -1, 0 },
	[R_ERROR] =		{ COLOR_WHITE, COLOR_RED, A_BOLD },
	[R_SELECTED] =		{ COLOR_BLACK, COLOR_CYAN, 0 },
	[R_SELECTED_DIM] =	{ -1, -1, A_REVERSE },
	[R_DATE] =		{ COLOR_CYAN, -1, 0 },
	[R_FEED] =		{ COLOR_MAGENTA, -1, 0 },
	[R_UNREAD] =		{ -1, -1, A_BOLD },
	[R_NEW] =		{ COLOR_YELLOW, -1, A_BOLD },
	[R_HEADER] =		{ -1, -1, A_BOLD },
	[R_META] =		{ COLOR_CYAN, -1, 0 },
	[R_TAB] =		{ -1, -1, 0 },
	[R_TAB_ACTIVE] =	{ COLOR_BLACK, COLOR_CYAN, A_BOLD },
	[R_HEADING] =		{ COLOR_BLUE, -1, A_BOLD },
	[R_LINK] =		{ COLOR_BLUE, -1, A_UNDERLINE },
	[R_LINKNUM] =		{ COLOR_CYAN, -1, 0 },
	[R_CODE] =		{ COLOR_GREEN, -1, 0 },
	[R_QUOTE] =		{ COLOR_GREEN, -1, 0 },
	[R_MARKER] =		{ -1, -1, 0 },
	[R_RULE] =		{ -1, -1, 0 },
	[R_TABLE] =		{ -1, -1, 0 },
	[R_MATCH] =		{ COLOR_BLACK, COLOR_YELLOW, 0 },
	[R_HOST] =		{ -1, -1, A_BOLD },
	[R_BORDER] =		{ -1, -1, 0 },
};

/* Without colour, bold, reverse and underline tell the roles apart. */
static const attr_t mono[R_COUNT] = {
	[R_TITLEBAR] =		A_REVERSE,
	[R_ERROR] =		A_BOLD | A_REVERSE,
	[R_SELECTED] =		A_REVERSE,
	[R_SELECTED_DIM] =	A_UNDERLINE,
	[R_UNREAD] =		A_BOLD,
	[R_NEW] =		A_BOLD,
	[R_HEADER] =		A_BOLD,
	[R_TAB_ACTIVE] =	A_REVERSE,
	[R_HEADING] =		A_BOLD,
	[R_LINK] =		A_UNDERLINE,
	[R_MATCH] =		A_REVERSE,
	[R_HOST] =		A_BOLD,
};

static struct style themed[R_COUNT];	/* the theme with the config's */
static const struct style *theme;	/* NULL: monochrome */
static bool ascii_glyphs;

/* A configured colour the terminal has, or -2.  Bright colours on a
 * terminal of 8 are the plain ones, made bold in the foreground. */
static short
colour(short c, bool fg, attr_t *attr)
{
	if (c < COLORS)
		return c;
	if (c < 16) {
		if (fg)
			*attr |= A_BOLD;
		return (short)(c - 8);
	}
	return -2;
}

/* The theme with the colours of the configuration laid over it. */
static void
configure(const struct style *base, const struct conf *cfg)
{
	const struct conf_color *c;
	struct style *st;
	short v;
	int i;

	memcpy(themed, base, sizeof themed);
	for (i = 0; cfg != NULL && i < R_COUNT; i++) {
		c = conf_color(cfg, names_role_name((enum role)i));
		if (!c->set)
			continue;
		st = &themed[i];
		st->attr = 0;
		if (c->attrs & CONF_ATTR_BOLD)
			st->attr |= A_BOLD;
		if (c->attrs & CONF_ATTR_UNDERLINE)
			st->attr |= A_UNDERLINE;
		if (c->attrs & CONF_ATTR_REVERSE)
			st->attr |= A_REVERSE;
		if (c->attrs & CONF_ATTR_DIM)
			st->attr |= A_DIM;
		if (c->attrs & CONF_ATTR_ITALIC)
			st->attr |= A_ITALIC;
		/* A colour the terminal lacks keeps the theme's. */
		if ((v = colour(c->fg, true, &st->attr)) != -2)
			st->fg = v;
		if ((v = colour(c->bg, false, &st->attr)) != -2)
			st->bg = v;
	}
}

void
draw_init(enum tui_color color, bool ascii, const struct conf *cfg)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	ascii_glyphs = ascii;
	theme = NULL;
	if (color == TUI_COLOR_NEVER || !has_colors())
		return;
	/* NO_COLOR wins over the configured colours too. */
	if (color == TUI_COLOR_AUTO && nc != NULL && nc[0] != '\0')
		return;
	if (start_color() == ERR || COLORS < 8 || COLOR_PAIRS < R_COUNT + 1)
		return;
	if (use_default_colors() == ERR)
		assume_default_colors(COLOR_WHITE, COLOR_BLACK);
	configure(COLORS >= 256 ? theme256 : theme8, cfg);
	theme = themed;
	for (i = 0; i < R_COUNT; i++)
		init_pair((short)(i + 1), theme[i].fg, theme[i].bg);
}

attr_t
draw_attr(enum role r)
{
	if (theme == NULL)
		return mono[r];
	return theme[r].attr;
}

short
draw_pair(enum role r)
{
	return theme == NULL ? 0 : (short)(r + 1);
}

const char *
draw_glyph(const char *utf8, const char *ascii)
{
	return ascii_glyphs ? ascii : utf8;
}

/* One ASCII character for a code point, transliterated by iconv as the
 * C library knows how ('“' is '"', 'é' is 'e'), else '?'. */
static wchar_t
ascii_of(wchar_t wc)
{
	static iconv_t cd = (iconv_t)-1;
	static wchar_t last_in, last_out;
	char in[8], out[16], *ip = in, *op = out;
	size_t il, ol = sizeof out;

	if (wc < 0x80)
		return wc;
	if (wc == last_in)
		return last_out;
	if (cd == (iconv_t)-1 &&
	    (cd = iconv_open("ASCII//TRANSLIT", "UTF-8")) == (iconv_t)-1)
		return L'?';
	il = utf8_encode((uint32_t)wc, in);
	iconv(cd, NULL, NULL, NULL, NULL);
	last_in = wc;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || op == out ||
	    (unsigned char)out[0] < 0x20 || (unsigned char)out[0] > 0x7e)
		last_out = L'?';
	else
		last_out = (wchar_t)out[0];
	return last_out;
}

/*
 * NOTE: curses keeps one spacing character a cell, with only zero-width
 * ones after it (setcchar stops at the first spacing one), and terminals
 * disagree on how wide an emoji with a skin tone or a ZWJ sequence is
 * (tmux 3.3 draws 👋🏾 in four columns).  So a cluster goes out as its first
 * character and the zero-width ones that follow it, without a joiner left
 * hanging, padded to the cluster's width: 👋🏾 shows as 👋, 👩‍🔬 as 👩, and
 * every column stays where the layout put it.
 */
void
draw_cluster(wchar_t *wc, int n, int width, attr_t a, short pair)
{
	wchar_t one[2] = { L'?', L'\0' };
	cchar_t cc;
	int i, w;

	/* In a locale that is not UTF-8 the terminal gets ASCII alone:
	 * never raw 8-bit bytes it would take for controls or another
	 * charset.  The cluster keeps its width. */
	if (ascii_glyphs && (n > 1 || wc[0] >= 0x80)) {
		one[0] = ascii_of(wc[0]);
		setcchar(&cc, one, a, pair, NULL);
		add_wch(&cc);
		if (width == 2) {
			one[0] = L' ';
			setcchar(&cc, one, a, pair, NULL);
			add_wch(&cc);
		}
		return;
	}
	for (i = 1; i < n && utf8_cpwidth((uint32_t)wc[i]) == 0; i++)
		;
	if (i < n && i > 1 && wc[i - 1] == 0x200d)
		i--;
	n = i;
	wc[n] = L'\0';
	w = utf8_cpwidth((uint32_t)wc[0]);
	setcchar(&cc, wc, a, pair, NULL);
	add_wch(&cc);
	/* A flag is one regional indicator now: one column short. */
	one[0] = L' ';
	setcchar(&cc, one, a, pair, NULL);
	for (; w < width; w++)
		add_wch(&cc);
}

static void
put(wchar_t *wc, int n, attr_t a, short pair)
{
	draw_cluster(wc, n, n > 0 ? utf8_cpwidth((uint32_t)wc[0]) : 1, a,
	    pair);
}

void
draw_follow(size_t sel, size_t *top, size_t h)
{
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + h)
		*top = sel - h + 1;
}

void
draw_fill(int y, int x, int w, enum role r)
{
	wchar_t sp[2] = { L' ', L'\0' };
	cchar_t cc;
	int i;

	if (w <= 0)
		return;
	setcchar(&cc, sp, draw_attr(r), draw_pair(r), NULL);
	move(y, x);
	for (i = 0; i < w; i++)
		add_wch(&cc);
}

int
draw_text_attr(int y, int x, int w, const char *s, enum role r,
    attr_t extra, bool pad)
{
	attr_t a = draw_attr(r) | extra;
	short pair = draw_pair(r);
	size_t len, i, n, k, m, total;
	wchar_t wc[CCHARW_MAX + 1];
	int col = 0, limit, cw, nwc;
	uint32_t cp;

	if (w <= 0)
		return 0;
	len = strlen(s);
	total = utf8_nwidth(s, len);
	limit = total > (size_t)w ? w - 1 : w;
	move(y, x);
	for (i = 0; i < len; i += n) {
		/* A grapheme cluster at a time, as the layout measures it. */
		n = utf8_cluster(s + i, len - i, &cw);
		nwc = 0;
		for (k = 0; k < n; k += m) {
			m = utf8_decode(s + i + k, n - k, &cp);
			if (cp == '\t' || cp == '\n')
				cp = ' ';
			else if (utf8_is_unsafe(cp))
				continue;
			if (nwc < CCHARW_MAX)
				wc[nwc++] = (wchar_t)cp;
		}
		/* A tab or a newline is a space; a mark with nothing
		 * before it is left out, as utf8_nwidth counts it. */
		if (nwc == 0 || (cw == 0 && wc[0] != L' '))
			continue;
		if (cw == 0)
			cw = 1;
		if (col + cw > limit)
			break;
		draw_cluster(wc, nwc, cw, a, pair);
		col += cw;
	}
	if (total > (size_t)w) {
		wc[0] = ascii_glyphs ? L'~' : L'\x2026';
		put(wc, 1, a, pair);
		col++;
	}
	if (pad && col < w) {
		wc[0] = L' ';
		while (col < w) {
			put(wc, 1, a, pair);
			col++;
		}
	}
	return col;
}

int
draw_text(int y, int x, int w, const char *s, enum role r, bool pad)
{
	return draw_text_attr(y, x, w, s, r, 0, pad);
}
