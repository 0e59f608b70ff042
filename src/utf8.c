/* utf8.c - decoding, display width, and the one sanitiser for feed text. */
#include "config.h"

#include <string.h>

#include <unigbrk.h>
#include <uniwidth.h>

#include "buf.h"
#include "utf8.h"

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t n, i;

	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		goto bad;
	if (len < n)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

void
utf8_addcp(struct buf *b, uint32_t cp)
{
	char tmp[4];

	buf_add(b, tmp, utf8_encode(cp, tmp));
}

int
utf8_cpwidth(uint32_t cp)
{
	int w;

	if (cp < 0x7f)
		return cp >= 0x20 ? 1 : 0;
	/* Latin-1 to Latin Extended-B, before the first combining mark:
	 * one column, but the controls and the soft hyphen (the common
	 * case of text that is not ASCII, without a table lookup). */
	if (cp < 0x300)
		return cp <= 0x9f ? 0 : cp != 0xad;
	/* libunistring's table, not wcwidth: the same widths in every
	 * locale, and as new as the library rather than the C library. */
	w = uc_width(cp, "UTF-8");
	if (w < 0)
		return utf8_is_unsafe(cp) ? 0 : 1;
	return w;
}

static bool
is_regional(uint32_t cp)
{
	return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/*
 * UAX #29 between two code points, from libunistring's pairwise test.
 * That test (libunistring 1.0) sees no further back than prev, so two
 * rules that need more are kept here: a zero-width joiner joins what
 * follows it (GB11, emoji ZWJ sequences), and regional indicators pair
 * up two by two (GB12, GB13: a flag is two of them).
 */
bool
utf8_joins(uint32_t prev, uint32_t cp, unsigned int *state)
{
	if (is_regional(cp)) {
		if (is_regional(prev) && *state == 1) {
			*state = 0;
			return true;
		}
		*state = 1;
		return false;
	}
	*state = 0;
	if (prev == 0 || prev == 0x200d)
		return prev != 0;
	/* Nothing below the combining marks extends a cluster (CR LF
	 * aside, which never reaches a layout): the common case. */
	if (cp < 0x300)
		return false;
	return !uc_is_grapheme_break(prev, cp);
}

size_t
utf8_cluster(const char *s, size_t len, int *width)
{
	size_t i, n;
	uint32_t prev, cp;
	unsigned int state = 0;
	int w;

	i = utf8_decode(s, len, &prev);
	w = utf8_cpwidth(prev);
	if (is_regional(prev))
		state = 1;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!utf8_joins(prev, cp, &state))
			break;
		w = utf8_join_width(w, cp);
		prev = cp;
		i += n;
	}
	*width = w;
	return i;
}

int
utf8_join_width(int w, uint32_t cp)
{
	int cw;

	/* A flag takes two columns, as terminals draw it. */
	if (is_regional(cp))
		return 2;
	cw = utf8_cpwidth(cp);
	return cw > w ? cw : w;
}

size_t
utf8_nwidth(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	int cw;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80 && (i + 1 == len ||
		    (unsigned char)s[i + 1] < 0x80)) {
			w += (unsigned char)s[i] >= 0x20 &&
			    (unsigned char)s[i] != 0x7f;
			i++;
			continue;
		}
		/* A grapheme cluster is as wide as its widest part: a skin
		 * tone, a joiner or a combining mark adds nothing. */
		i += utf8_cluster(s + i, len - i, &cw);
		w += (size_t)cw;
	}
	return w;
}

size_t
utf8_width(const char *s)
{
	return utf8_nwidth(s, strlen(s));
}

bool
utf8_is_unsafe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return true;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return true;
	return false;
}

/*
 * The one sanitiser.  It never grows text by more than 3x (a bad byte
 * becomes U+FFFD).  Every path from feed data to a terminal passes
 * through it (the terminal-safety audit of issue 6):
 *
 * - feed.c, jsonfeed.c: every issue field (id, title, author, link, tags,
 *   raw date), feed title and link, xml:base, and parser messages that
 *   quote the document, on parse; frontmatter values of posts likewise.
 * - doc.c (utf8_sanitize_flow, the same rules): all text of the HTML,
 *   Markdown and plain front-ends, link text, link URLs and section
 *   names, as the document is built.  layout.c cuts only what doc.c
 *   holds, so text.c (text mode, --links, --section, References, the
 *   pager pipe of the reader) and the reader's article and link panes
 *   draw clean cells.
 * - index.c: --list fields, again, because a cache file may hold anything.
 * - main.c: every "mesosnews: SOURCE: reason" line, warnings, refresh
 *   errors (which quote URLs and server reason phrases).
 * - tui/: status messages, feed titles, search and find text are
 *   sanitised when stored, and draw.c drops unsafe code points again on
 *   every string it draws; the terminal title is never set.
 * - browser.c, opml.c: the "opened"/"refusing" messages, OPML names.
 */
void
utf8_sanitize_into(struct buf *b, const char *s, size_t len, int flags)
{
	size_t i = 0, start = b->len, run;
	bool space = true;	/* one-line mode trims leading blanks */
	uint32_t cp;
	size_t n;

	buf_grow(b, len);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		/* Fast path: a run of printable ASCII. */
		if (c > 0x20 && c < 0x7f) {
			run = i + 1;
			while (run < len && (unsigned char)s[run] > 0x20 &&
			    (unsigned char)s[run] < 0x7f)
				run++;
			buf_add(b, s + i, run - i);
			i = run;
			space = false;
			continue;
		}
		if (c == ' ') {
			i++;
			if (!((flags & UTF8_ONELINE) && space))
				buf_addc(b, ' ');
			space = true;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		i += n;
		if (cp == '\t' || cp == '\n' || cp == '\r' ||
		    (cp == 0x0b || cp == 0x0c) || cp == 0x85 ||
		    cp == 0x2028 || cp == 0x2029) {
			if (flags & UTF8_ONELINE) {
				if (!space)
					buf_addc(b, ' ');
				space = true;
			} else if ((flags & UTF8_KEEP_NL) &&
			    (cp == '\n' || cp == '\t'))
				buf_addc(b, (int)cp);
			else if (cp != '\r')
				buf_addc(b, cp == '\t' ? '\t' : '\n');
			continue;
		}
		if (utf8_is_unsafe(cp))
			continue;
		if (n == 1 && cp == UTF8_REPLACEMENT)
			utf8_addcp(b, cp);
		else
			buf_add(b, s + i - n, n);
		space = false;
	}
	if ((flags & UTF8_ONELINE) && b->len > start && b->data[b->len - 1] == ' ')
		b->len--;
	buf_str(b);
}

/* Printable ASCII, 0x21 to 0x7e: what passes the sanitiser unchanged. */
#define PRINTABLE(c)	((unsigned char)(c) - 0x21u < 0x5eu)

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* True if the 8 bytes of w are all printable ASCII or spaces, with no two
 * spaces side by side. */
static inline bool
flowing8(uint64_t w)
{
	uint64_t v = w ^ (ONES * ' '), eq;

	/* A byte below 0x20, or above 0x7e. */
	if (((w - ONES * 0x20) & ~w & HIGHS) != 0 ||
	    (((w + ONES * (127 - 0x7e)) | w) & HIGHS) != 0)
		return false;
	/* The high bit of each byte that is a space, exactly. */
	eq = ~(((v & ~HIGHS) + ~HIGHS) | v | ~HIGHS);
	return (eq & (eq << 8)) == 0;
}

/*
 * One pass where sanitising and then collapsing took two: a document is
 * mostly words and single spaces, copied here a run at a time, looked at
 * eight bytes at a time where it can be.
 */
void
utf8_sanitize_flow(struct buf *b, const char *s, size_t len, bool *space)
{
	size_t i = 0, j, n;
	bool sp = *space;
	uint64_t w;
	uint32_t cp;

	buf_grow(b, len);
	while (i < len) {
		j = i;
		/* A space may start the run only after a word. */
		while (j + 8 <= len && (!sp || s[j] != ' ')) {
			memcpy(&w, s + j, 8);
			if (!flowing8(w))
				break;
			j += 8;
			sp = s[j - 1] == ' ';
		}
		if (j < len && PRINTABLE(s[j])) {
			/* Single spaces between words are part of the run. */
			for (j++; j < len; j++) {
				if (PRINTABLE(s[j]))
					continue;
				if (s[j] == ' ' && j + 1 < len &&
				    PRINTABLE(s[j + 1])) {
					j++;
					continue;
				}
				break;
			}
			sp = false;
		}
		if (j > i) {
			buf_add(b, s + i, j - i);
			i = j;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		i += n;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x0b ||
		    cp == 0x0c || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
			if (!sp)
				buf_addc(b, ' ');
			sp = true;
			continue;
		}
		/* \r, the other controls, bidi controls and soft hyphens
		 * leave nothing, not even a word boundary. */
		if (cp == 0xad || utf8_is_unsafe(cp))
			continue;
		if (n == 1 && cp == UTF8_REPLACEMENT)
			utf8_addcp(b, cp);
		else
			buf_add(b, s + i - n, n);
		sp = false;
	}
	*space = sp;
	buf_str(b);
}

char *
utf8_sanitize(const char *s, size_t len, int flags)
{
	struct buf b = BUF_INIT;

	utf8_sanitize_into(&b, s, len, flags);
	return buf_detach(&b);
}

bool
utf8_is_clean(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 1 && cp == UTF8_REPLACEMENT)
			return false;	/* an invalid byte */
		if (utf8_is_unsafe(cp) && cp != '\n' && cp != '\t')
			return false;
		i += n;
	}
	return true;
}

void
utf8_fit(struct buf *b, const char *s, size_t width, bool ascii)
{
	const char *ell = ascii ? "~" : "\xe2\x80\xa6";
	size_t len = strlen(s), i = 0, w = 0, n, cut = 0, cutw = 0;
	int cw;

	if (utf8_nwidth(s, len) <= width) {
		buf_add(b, s, len);
		w = utf8_nwidth(s, len);
		goto pad;
	}
	if (width == 0)
		return;
	/* Keep as many whole clusters as fit in width - 1 columns, then the
	 * ellipsis. */
	while (i < len) {
		n = utf8_cluster(s + i, len - i, &cw);
		if (w + (size_t)cw > width - 1)
			break;
		w += (size_t)cw;
		i += n;
		cut = i;
		cutw = w;
	}
	buf_add(b, s, cut);
	buf_adds(b, ell);
	w = cutw + 1;
pad:
	while (w < width) {
		buf_addc(b, ' ');
		w++;
	}
}
