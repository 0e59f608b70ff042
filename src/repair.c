/* repair.c - the byte filter in front of the feed parser.
 *
 * libxml2 gives up on the first well-formedness error; most feeds that
 * are not well-formed fail on a handful of bytes (an ampersand left bare,
 * an HTML entity name, a byte of Latin-1 in a UTF-8 document, a control
 * character).  The filter fixes those as the bytes stream past, holding
 * back only what straddles two chunks, and counts what it fixed.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "repair.h"
#include "utf8.h"
#include "util.h"

#define ENTITY_LOOKAHEAD	40	/* longest reference the filter holds */

struct repair {
	struct buf	 pend;		/* bytes held for the next chunk */
	enum repair_mode mode;
	int		 in_cdata;
	int		 in_comment;
	int		 in_pi;
	int		 in_tag;	/* 0, 1 in a tag, or the open quote */
	int		 attrs;		/* '=' seen in the current tag */
	int		 too_many_attrs;
	int		 half;		/* a byte of a split UTF-16 unit */
	int		 utf16_be;
	size_t		 amps, lts, badbytes, controls;
	size_t		 utf8seqs;	/* valid multi-byte sequences */
};

/* The code points of windows-1252's bytes 0x80-0x9f, as the WHATWG
 * Encoding standard has them (its five holes map to themselves). */
static const uint16_t cp1252_c1[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* Write byte c (0x80-0xff) of windows-1252 as UTF-8 at o; returns the
 * length, 2 or 3. */
static size_t
put_cp1252(char *o, unsigned char c)
{
	unsigned int cp = c < 0xa0 ? cp1252_c1[c - 0x80] : c;

	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	o[0] = (char)(0xe0 | cp >> 12);
	o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
	o[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* Byte classes for the repair filter.  NOTE: each state of the filter
 * stops only at the classes in its mask (see filter_bytes). */
#define C_AMP	0x01	/* '&' */
#define C_LT	0x02	/* '<' */
#define C_HIGH	0x04	/* a byte of a multi-byte UTF-8 sequence */
#define C_CTL	0x08	/* a C0 control XML forbids */
#define C_RSQB	0x10	/* ']' ends CDATA */
#define C_DASH	0x20	/* '-' ends a comment */
#define C_QUEST	0x40	/* '?' ends a processing instruction */
#define C_TAG	0x80	/* '>', '=' and quotes: attributes in a tag */

#define HIGH4	C_HIGH, C_HIGH, C_HIGH, C_HIGH
#define HIGH16	HIGH4, HIGH4, HIGH4, HIGH4

/* Constant, so that parsers on several threads can share it. */
static const unsigned char byte_class[256] = {
	/* C0 controls but tab, newline and carriage return. */
	C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL,
	C_CTL, 0, 0, C_CTL, C_CTL, 0, C_CTL, C_CTL,
	C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL,
	C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL, C_CTL,
	['"'] = C_TAG,
	['&'] = C_AMP,
	['\''] = C_TAG,
	['-'] = C_DASH,
	['<'] = C_LT,
	['='] = C_TAG,
	['>'] = C_TAG,
	['?'] = C_QUEST,
	[']'] = C_RSQB,
	[0x80] = HIGH16, HIGH16, HIGH16, HIGH16,
	HIGH16, HIGH16, HIGH16, HIGH16,
};

static int
is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    c == ':';
}

static int
is_name_char(int c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '.' ||
	    c == '-';
}

static int
xml_char_ok(unsigned long v)
{
	return v == 0x9 || v == 0xa || v == 0xd ||
	    (v >= 0x20 && v <= 0xd7ff) || (v >= 0xe000 && v <= 0xfffd) ||
	    (v >= 0x10000 && v <= 0x10ffff);
}
/*
 * Handle an '&' at s[0] (outside CDATA and comments), writing to *op.
 * Returns the bytes consumed, or 0 when more input is needed to decide.
 * A well-formed reference passes (HTML entity names become numeric
 * references); anything else is a bare ampersand and becomes "&amp;".
 */
static size_t
filter_amp(struct repair *r, const unsigned char *s, size_t len,
    int final, char **op)
{
	const htmlEntityDesc *ent;
	char name[ENTITY_LOOKAHEAD];
	unsigned long v = 0;
	size_t i = 1;
	int hex = 0, digits = 0;

	/* The references XML predefines, by far the most common, become
	 * character references: libxml2 parses those without a name
	 * lookup, which makes escaped HTML content much cheaper. */
	if (len >= 4 && s[3] == ';' && s[2] == 't' &&
	    (s[1] == 'l' || s[1] == 'g')) {
		memcpy(*op, s[1] == 'l' ? "&#60;" : "&#62;", 5);
		*op += 5;
		return 4;
	}
	if ((len >= 5 && s[1] == 'a' && s[2] == 'm' && s[3] == 'p' &&
	    s[4] == ';') || (len >= 6 && s[1] == 'q' && s[2] == 'u' &&
	    s[3] == 'o' && s[4] == 't' && s[5] == ';')) {
		memcpy(*op, s[1] == 'a' ? "&#38;" : "&#34;", 5);
		*op += 5;
		return s[1] == 'a' ? 5 : 6;
	}
	if (len > 1 && s[1] == '#') {
		i = 2;
		if (len > 2 && (s[2] == 'x' || s[2] == 'X')) {
			hex = 1;
			i = 3;
		}
		for (; i < len && i < ENTITY_LOOKAHEAD; i++) {
			int c = s[i], d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (hex && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + (unsigned long)d;
			digits++;
		}
		if (i == len && i < ENTITY_LOOKAHEAD && !final)
			return 0;
		if (digits > 0 && i < len && s[i] == ';') {
			if (v >= 0x80 && v <= 0x9f && cp1252_c1[v - 0x80] > 0xff) {
				/* "&#146;": a windows-1252 byte written as a
				 * reference; HTML reads it so (WHATWG). */
				*op += sprintf(*op, "&#%u;",
				    (unsigned)cp1252_c1[v - 0x80]);
			} else if (xml_char_ok(v)) {
				memcpy(*op, s, i + 1);
				*op += i + 1;
			} else
				r->controls++;
			return i + 1;
		}
		goto bare;
	}
	if (len > 1 && is_name_start(s[1])) {
		for (i = 2; i < len && i < ENTITY_LOOKAHEAD - 1 &&
		    is_name_char(s[i]); i++)
			;
		if (i == len && i < ENTITY_LOOKAHEAD - 1 && !final)
			return 0;
		if (i < len && s[i] == ';') {
			memcpy(name, s + 1, i - 1);
			name[i - 1] = '\0';
			if (strcmp(name, "amp") != 0 && strcmp(name, "apos") != 0 &&
			    (ent = htmlEntityLookup((xmlChar *)name)) != NULL)
				*op += sprintf(*op, "&#%u;", ent->value);
			else {
				/* XML's own, or one libxml2 will judge. */
				memcpy(*op, s, i + 1);
				*op += i + 1;
			}
			return i + 1;
		}
		goto bare;
	}
	if (len == 1 && !final)
		return 0;
bare:
	memcpy(*op, "&amp;", 5);
	*op += 5;
	r->amps++;
	return 1;
}

/* If s (len bytes left) starts with the marker m, copy it and return its
 * length; 0 if it does not; -1 if it might, once more bytes come. */
static int
marker(const unsigned char *s, size_t len, const char *m, size_t mlen,
    int final, char **op)
{
	if (len < mlen) {
		if (!final && memcmp(s, m, len) == 0)
			return -1;
		return 0;
	}
	if (memcmp(s, m, mlen) != 0)
		return 0;
	memcpy(*op, m, mlen);
	*op += mlen;
	return (int)mlen;
}

/*
 * The repair filter: appends s to out, fixing what would make libxml2
 * give up on an otherwise usable feed.  Bytes that cannot be judged yet
 * (a split reference, marker or UTF-8 sequence) are kept in r->pend.
 * Output never exceeds five bytes per input byte ("&" -> "&amp;").
 */
static void
filter_bytes(struct repair *r, const unsigned char *s, size_t len,
    int final, struct buf *out)
{
	size_t i = 0, run, n;
	uint32_t cp;
	char *o;
	int mask, m;

	buf_grow(out, len * 5 + 16);
	o = out->data + out->len;
	while (i < len) {
		if (r->in_tag == 1)
			mask = C_TAG | C_HIGH | C_CTL;
		else if (r->in_tag)
			mask = C_TAG | C_AMP | C_HIGH | C_CTL;
		else if (r->in_cdata)
			mask = C_RSQB | C_HIGH | C_CTL;
		else if (r->in_comment)
			mask = C_DASH | C_HIGH | C_CTL;
		else if (r->in_pi)
			mask = C_QUEST | C_HIGH | C_CTL;
		else
			mask = C_AMP | C_LT | C_HIGH | C_CTL;
		if (r->mode == REPAIR_OFF)
			mask &= ~C_HIGH;
		/* Copy the run of bytes that need no attention. */
		for (run = i; run < len && !(byte_class[s[run]] & mask); run++)
			;
		memcpy(o, s + i, run - i);
		o += run - i;
		i = run;
		if (i == len)
			break;
		switch (byte_class[s[i]] & mask) {
		case C_HIGH:
			if (r->mode == REPAIR_CP1252) {
				o += put_cp1252(o, s[i]);
				i++;
				break;
			}
			n = utf8_decode((const char *)s + i, len - i, &cp);
			if (n == 1 && cp == UTF8_REPLACEMENT) {
				/* Split across chunks, or really invalid? */
				if (!final && len - i < 4) {
					size_t need = s[i] >= 0xf0 ? 4 :
					    s[i] >= 0xe0 ? 3 : 2, k;
					int ok = s[i] >= 0xc2 && s[i] <= 0xf4;

					for (k = 1; ok && k < len - i; k++)
						ok = (s[i + k] & 0xc0) == 0x80;
					if (ok && len - i < need)
						goto hold;
				}
				if (r->mode == REPAIR_UTF8_CP1252) {
					o += put_cp1252(o, s[i]);
					i++;
					break;
				}
				memcpy(o, "\xef\xbf\xbd", 3);
				o += 3;
				r->badbytes++;
				i++;
				break;
			}
			memcpy(o, s + i, n);
			o += n;
			i += n;
			r->utf8seqs++;
			break;
		case C_CTL:
			r->controls++;
			i++;
			break;
		case C_RSQB:
			if ((m = marker(s + i, len - i, "]]>", 3, final, &o)) < 0)
				goto hold;
			if (m > 0)
				r->in_cdata = 0;
			else {
				*o++ = (char)s[i];
				m = 1;
			}
			i += (size_t)m;
			break;
		case C_DASH:
			if ((m = marker(s + i, len - i, "-->", 3, final, &o)) < 0)
				goto hold;
			if (m > 0)
				r->in_comment = 0;
			else {
				*o++ = (char)s[i];
				m = 1;
			}
			i += (size_t)m;
			break;
		case C_QUEST:
			if ((m = marker(s + i, len - i, "?>", 2, final, &o)) < 0)
				goto hold;
			if (m > 0)
				r->in_pi = 0;
			else {
				*o++ = (char)s[i];
				m = 1;
			}
			i += (size_t)m;
			break;
		case C_TAG:
			/* Count the attributes of a tag: the '=' outside
			 * quoted values. */
			if (r->in_tag == 1 && s[i] == '>')
				r->in_tag = 0;
			else if (r->in_tag == 1 && s[i] == '=' &&
			    ++r->attrs > REPAIR_MAX_ATTRIBUTES) {
				r->too_many_attrs = 1;
				i = len;
				goto hold;
			} else if (r->in_tag == 1 && s[i] != '=')
				r->in_tag = s[i];
			else if (r->in_tag == s[i])
				r->in_tag = 1;
			*o++ = (char)s[i++];
			break;
		case C_LT:
			if (len - i >= 2 && (s[i + 1] == ' ' || s[i + 1] == '\t' ||
			    s[i + 1] == '\n' || s[i + 1] == '\r' ||
			    s[i + 1] == '=' || (s[i + 1] >= '0' &&
			    s[i + 1] <= '9'))) {
				/* No tag starts so ("a < b", "<3"): a bare
				 * less-than sign. */
				memcpy(o, "&lt;", 4);
				o += 4;
				i++;
				r->lts++;
				break;
			}
			if (len - i >= 2 && s[i + 1] != '!' && s[i + 1] != '?') {
				*o++ = '<';	/* a tag: the common case */
				i++;
				r->in_tag = 1;
				r->attrs = 0;
				break;
			}
			if ((m = marker(s + i, len - i, "<![CDATA[", 9, final,
			    &o)) > 0)
				r->in_cdata = 1;
			else if (m == 0 && (m = marker(s + i, len - i, "<!--", 4,
			    final, &o)) > 0)
				r->in_comment = 1;
			else if (m == 0 && (m = marker(s + i, len - i, "<?", 2,
			    final, &o)) > 0)
				r->in_pi = 1;
			if (m < 0)
				goto hold;
			if (m == 0) {
				*o++ = '<';
				m = 1;
			}
			i += (size_t)m;
			break;
		case C_AMP:
			if ((n = filter_amp(r, s + i, len - i, final, &o)) == 0)
				goto hold;
			i += n;
			break;
		}
	}
hold:
	out->len = (size_t)(o - out->data);
	buf_reset(&r->pend);
	buf_add(&r->pend, s + i, len - i);
}

/*
 * UTF-16 documents bypass the filter, but not the attribute count: follow
 * tags through the code units of s.  Returns the offset of the unit that
 * goes over the limit, or len.
 */
static size_t
count_attrs16(struct repair *r, const unsigned char *s, size_t len)
{
	unsigned int c;
	size_t i = 0, at;

	while (i < len) {
		if (r->half >= 0) {
			c = r->utf16_be ? (unsigned)r->half << 8 | s[0] :
			    (unsigned)r->half | s[0] << 8;
			r->half = -1;
			at = 0;
			i = 1;
		} else if (i + 1 == len) {
			r->half = s[i];
			break;
		} else {
			c = r->utf16_be ? s[i] << 8 | s[i + 1] :
			    s[i] | s[i + 1] << 8;
			at = i;
			i += 2;
		}
		if (r->in_tag == 0 && c == '<') {
			r->in_tag = 2;		/* a tag, or <! or <? */
			r->attrs = 0;
		} else if (r->in_tag == 2 && (c == '!' || c == '?'))
			r->in_tag = 0;
		else if (r->in_tag == 1 || r->in_tag == 2) {
			r->in_tag = 1;
			if (c == '>')
				r->in_tag = 0;
			else if (c == '"' || c == '\'')
				r->in_tag = (int)c;
			else if (c == '=' && ++r->attrs > REPAIR_MAX_ATTRIBUTES) {
				r->too_many_attrs = 1;
				return at;
			}
		} else if (r->in_tag != 0 && (int)c == r->in_tag)
			r->in_tag = 1;
	}
	return len;
}

struct repair *
repair_new(void)
{
	struct repair *r;

	r = xcalloc(1, sizeof *r);
	r->mode = REPAIR_UTF8;
	r->half = -1;
	return r;
}

void
repair_free(struct repair *r)
{
	if (r == NULL)
		return;
	buf_free(&r->pend);
	free(r);
}

void
repair_set_mode(struct repair *r, enum repair_mode mode)
{
	r->mode = mode;
}

size_t
repair_utf8_sequences(const struct repair *r)
{
	return r->utf8seqs;
}

int
repair_filter(struct repair *r, const void *s, size_t len, int final,
    struct buf *out)
{
	struct buf tmp;

	if (r->too_many_attrs)
		return -1;
	if (r->pend.len > 0) {
		tmp = r->pend;
		r->pend = (struct buf)BUF_INIT;
		if (len > 0)
			buf_add(&tmp, s, len);
		filter_bytes(r, (unsigned char *)tmp.data, tmp.len, final,
		    out);
		buf_free(&tmp);
	} else if (len > 0)
		filter_bytes(r, s, len, final, out);
	return r->too_many_attrs ? -1 : 0;
}

size_t
repair_count_utf16(struct repair *r, const void *s, size_t len, int be)
{
	r->utf16_be = be;
	return count_attrs16(r, s, len);
}

void
repair_counts(const struct repair *r, size_t *amps, size_t *lts,
    size_t *badbytes, size_t *controls)
{
	*amps = r->amps;
	*lts = r->lts;
	*badbytes = r->badbytes;
	*controls = r->controls;
}
