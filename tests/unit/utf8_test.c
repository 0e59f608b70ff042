/* utf8_test.c - decoding, display width, the sanitiser and utf8_fit. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "utf8.h"
#include "util.h"

#define FFFD "\xef\xbf\xbd"

/* Decode one sequence of exactly len bytes and check what comes out. */
static void
decode_is(const char *s, size_t len, size_t want_n, uint32_t want_cp)
{
	uint32_t cp = 0xdeadbeef;
	size_t n;

	n = utf8_decode(s, len, &cp);
	if (n != want_n || cp != want_cp) {
		OK(0, "decode of %zu bytes starting 0x%02x: got %zu U+%04X, "
		    "want %zu U+%04X", len, (unsigned char)s[0], n,
		    (unsigned)cp, want_n, (unsigned)want_cp);
	} else
		OK(1, "ok");
}

/* Decode a whole string into code points, separated by spaces. */
static char *
decode_all(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		buf_printf(&b, "%s%04X", b.len ? " " : "", (unsigned)cp);
	}
	return buf_detach(&b);
}

static void
test_decode(void)
{
	char *s;

	/* Valid sequences of each length, and the extremes. */
	decode_is("A", 1, 1, 0x41);
	decode_is("\x7f", 1, 1, 0x7f);
	decode_is("\xc2\x80", 2, 2, 0x80);
	decode_is("\xc3\xa9", 2, 2, 0xe9);
	decode_is("\xdf\xbf", 2, 2, 0x7ff);
	decode_is("\xe0\xa0\x80", 3, 3, 0x800);
	decode_is("\xe2\x82\xac", 3, 3, 0x20ac);
	decode_is("\xed\x9f\xbf", 3, 3, 0xd7ff);
	decode_is("\xee\x80\x80", 3, 3, 0xe000);
	decode_is("\xef\xbf\xbf", 3, 3, 0xffff);
	decode_is("\xf0\x90\x80\x80", 4, 4, 0x10000);
	decode_is("\xf0\x9f\x98\x80", 4, 4, 0x1f600);
	decode_is("\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff);
	/* A longer buffer decodes only the first sequence. */
	decode_is("\xc3\xa9xyz", 5, 2, 0xe9);

	/* Overlong forms. */
	decode_is("\xc0\x80", 2, 1, 0xfffd);
	decode_is("\xc0\xaf", 2, 1, 0xfffd);
	decode_is("\xc1\xbf", 2, 1, 0xfffd);
	decode_is("\xe0\x80\x80", 3, 1, 0xfffd);
	decode_is("\xe0\x80\xaf", 3, 1, 0xfffd);
	decode_is("\xe0\x9f\xbf", 3, 1, 0xfffd);
	decode_is("\xf0\x80\x80\x80", 4, 1, 0xfffd);
	decode_is("\xf0\x8f\xbf\xbf", 4, 1, 0xfffd);
	decode_is("\xf8\x88\x80\x80\x80", 5, 1, 0xfffd);
	decode_is("\xfc\x84\x80\x80\x80\x80", 6, 1, 0xfffd);

	/* UTF-16 surrogates. */
	decode_is("\xed\xa0\x80", 3, 1, 0xfffd);
	decode_is("\xed\xad\xbf", 3, 1, 0xfffd);
	decode_is("\xed\xb0\x80", 3, 1, 0xfffd);
	decode_is("\xed\xbf\xbf", 3, 1, 0xfffd);

	/* Beyond U+10FFFF, and bytes that never start a sequence. */
	decode_is("\xf4\x90\x80\x80", 4, 1, 0xfffd);
	decode_is("\xf5\x80\x80\x80", 4, 1, 0xfffd);
	decode_is("\xf7\xbf\xbf\xbf", 4, 1, 0xfffd);
	decode_is("\xfe", 1, 1, 0xfffd);
	decode_is("\xff", 1, 1, 0xfffd);

	/* Truncated: by the length, and by a non-continuation byte. */
	decode_is("\xc3", 1, 1, 0xfffd);
	decode_is("\xc3\xa9", 1, 1, 0xfffd);
	decode_is("\xe2\x82", 2, 1, 0xfffd);
	decode_is("\xe2\x82\xac", 2, 1, 0xfffd);
	decode_is("\xf0\x9f\x98", 3, 1, 0xfffd);
	decode_is("\xc3" "A", 2, 1, 0xfffd);
	decode_is("\xe2\x82" "A", 3, 1, 0xfffd);
	decode_is("\xf0\x9f\x98" "A", 4, 1, 0xfffd);
	decode_is("\xe2\xc3\xa9", 3, 1, 0xfffd);

	/* Lone continuation bytes, including the C1 byte form of CSI. */
	decode_is("\x80", 1, 1, 0xfffd);
	decode_is("\x9b", 1, 1, 0xfffd);
	decode_is("\xbf", 1, 1, 0xfffd);
	decode_is("\x9b" "31m", 4, 1, 0xfffd);

	/* Consuming one byte resynchronises on the next valid sequence. */
	s = decode_all("\xe2\x82" "A\xc3\xa9", 5);
	STR_EQ(s, "FFFD FFFD 0041 00E9");
	free(s);
	s = decode_all("\xf0\x9f\x98\xc3\xa9", 5);
	STR_EQ(s, "FFFD FFFD FFFD 00E9");
	free(s);
	s = decode_all("\xed\xa0\x80", 3);
	STR_EQ(s, "FFFD FFFD FFFD");
	free(s);
	s = decode_all("\xc0\xaf", 2);
	STR_EQ(s, "FFFD FFFD");
	free(s);
	s = decode_all("a\0b", 3);
	STR_EQ(s, "0061 0000 0062");
	free(s);
}

static void
encode_is(uint32_t cp, const char *want)
{
	char out[4];
	size_t n;

	n = utf8_encode(cp, out);
	OK(n == strlen(want) && memcmp(out, want, n) == 0,
	    "encode U+%04X: got %zu bytes", (unsigned)cp, n);
}

static void
test_encode(void)
{
	struct buf b = BUF_INIT;

	encode_is(0x41, "A");
	encode_is(0x7f, "\x7f");
	encode_is(0x80, "\xc2\x80");
	encode_is(0xe9, "\xc3\xa9");
	encode_is(0x7ff, "\xdf\xbf");
	encode_is(0x800, "\xe0\xa0\x80");
	encode_is(0x20ac, "\xe2\x82\xac");
	encode_is(0xffff, "\xef\xbf\xbf");
	encode_is(0x10000, "\xf0\x90\x80\x80");
	encode_is(0x1f600, "\xf0\x9f\x98\x80");
	encode_is(0x10ffff, "\xf4\x8f\xbf\xbf");
	/* What cannot be encoded becomes U+FFFD. */
	encode_is(0xd800, FFFD);
	encode_is(0xdfff, FFFD);
	encode_is(0x110000, FFFD);
	encode_is(0xffffffff, FFFD);

	utf8_addcp(&b, 0x4e2d);
	utf8_addcp(&b, 'x');
	utf8_addcp(&b, 0xd800);
	STR_EQ(buf_str(&b), "\xe4\xb8\xad" "x" FFFD);
	buf_free(&b);
}

static void
test_width(void)
{
	INT_EQ(utf8_cpwidth('a'), 1);
	INT_EQ(utf8_cpwidth(' '), 1);
	INT_EQ(utf8_cpwidth(0xe9), 1);		/* é */
	INT_EQ(utf8_cpwidth(0x4e2d), 2);	/* 中 */
	INT_EQ(utf8_cpwidth(0x3042), 2);	/* あ */
	INT_EQ(utf8_cpwidth(0xac00), 2);	/* 가 */
	INT_EQ(utf8_cpwidth(0xff21), 2);	/* fullwidth A */
	INT_EQ(utf8_cpwidth(0x1f600), 2);	/* 😀 */
	INT_EQ(utf8_cpwidth(0x1f680), 2);	/* 🚀 */
	INT_EQ(utf8_cpwidth(0x0301), 0);	/* combining acute */
	INT_EQ(utf8_cpwidth(0x0308), 0);	/* combining diaeresis */
	INT_EQ(utf8_cpwidth(0x200b), 0);	/* zero width space */
	INT_EQ(utf8_cpwidth(0x200d), 0);	/* ZWJ */
	INT_EQ(utf8_cpwidth(0xfe0f), 0);	/* VS16 */
	INT_EQ(utf8_cpwidth(0xfffd), 1);
	INT_EQ(utf8_cpwidth(0x2026), 1);	/* … */
	INT_EQ(utf8_cpwidth(0x1b), 0);
	INT_EQ(utf8_cpwidth(0x9b), 0);
	INT_EQ(utf8_cpwidth(0x202e), 0);

	INT_EQ(utf8_width(""), 0);
	INT_EQ(utf8_width("Mesos"), 5);
	INT_EQ(utf8_width("na\xc3\xafve"), 5);			/* naïve */
	INT_EQ(utf8_width("e\xcc\x81"), 1);			/* e + ́ */
	INT_EQ(utf8_width("\xe4\xb8\xad\xe6\x96\x87"), 4);	/* 中文 */
	INT_EQ(utf8_width("ok \xf0\x9f\x98\x80"), 5);
	/* Invalid bytes are U+FFFD of width 1 each. */
	INT_EQ(utf8_width("\xff"), 1);
	INT_EQ(utf8_width("a\xe2\x82z"), 4);
	INT_EQ(utf8_width("\xed\xa0\x80"), 3);
	/* Controls take no column. */
	INT_EQ(utf8_width("a\x1b" "b"), 2);
	INT_EQ(utf8_width("a\x7f" "b"), 2);
	INT_EQ(utf8_nwidth("\xe4\xb8\xad\xe6\x96\x87", 3), 2);
	INT_EQ(utf8_nwidth("abcdef", 2), 2);
	INT_EQ(utf8_nwidth("\xe4\xb8\xad", 2), 2);	/* two bad bytes */
}

static void
test_unsafe(void)
{
	static const uint32_t unsafe[] = {
		0x00, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f,
		0x80, 0x85, 0x9b, 0x9c, 0x9d, 0x9f,
		0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
		0x2066, 0x2067, 0x2068, 0x2069,
	};
	static const uint32_t safe[] = {
		0x20, 0x41, 0x7e, 0xa0, 0xa9, 0xe9, 0x200e, 0x2029,
		0x2065, 0x206a, 0x2026, 0x4e2d, 0xfffd, 0x1f600, 0x10ffff,
	};
	size_t i;

	for (i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++)
		OK(utf8_is_unsafe(unsafe[i]), "U+%04X", (unsigned)unsafe[i]);
	for (i = 0; i < sizeof safe / sizeof safe[0]; i++)
		OK(!utf8_is_unsafe(safe[i]), "U+%04X", (unsigned)safe[i]);
}

/* Sanitise s (len bytes) with flags and compare with want. */
static void
san_is(const char *s, size_t len, int flags, const char *want, int line)
{
	char *got;

	got = utf8_sanitize(s, len, flags);
	if (strcmp(got, want) != 0)
		OK(0, "line %d: got \"%s\" want \"%s\"", line, got, want);
	else
		OK(utf8_is_clean(got, strlen(got)), "line %d: not clean",
		    line);
	free(got);
}
#define SAN(s, flags, want) san_is(s, sizeof(s) - 1, flags, want, __LINE__)

static void
test_sanitize(void)
{
	struct buf b = BUF_INIT;

	SAN("", 0, "");
	SAN("Mesos Community Update #7", 0, "Mesos Community Update #7");
	SAN("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80", 0,
	    "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80");
	/* Emoji sequences with ZWJ and variation selectors stay whole. */
	SAN("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb\xe2\x9d\xa4\xef\xb8"
	    "\x8f", 0, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb\xe2\x9d"
	    "\xa4\xef\xb8\x8f");

	/* ESC: the control goes, the printable rest of a sequence stays. */
	SAN("\x1b[2J\x1b[31mred\x1b[0m", 0, "[2J[31mred[0m");
	/* CSI as the code point U+009B, and as the bare C1 byte. */
	SAN("\xc2\x9b" "31mred", 0, "31mred");
	SAN("\x9b" "31mred", 0, FFFD "31mred");
	/* OSC 8 hyperlink ended by BEL and by ST (ESC \), and 8-bit OSC. */
	SAN("\x1b]8;;http://evil.example/\x07" "click\x1b]8;;\x07", 0,
	    "]8;;http://evil.example/click]8;;");
	SAN("\x1b]0;title\x1b\\x", 0, "]0;title\\x");
	SAN("\xc2\x9d" "0;t\xc2\x9c" "x", 0, "0;tx");
	/* All other C0, DEL, and all C1 code points. */
	SAN("a\x01\x02\x03\x04\x05\x06\x07\x08" "b", 0, "ab");
	SAN("a\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17" "b", 0, "ab");
	SAN("a\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f" "b", 0, "ab");
	SAN("a\xc2\x80\xc2\x81\xc2\x8d\xc2\x8e\xc2\x8f\xc2\x90\xc2\x9f" "b",
	    0, "ab");
	SAN("a\0b", 0, "ab");
	/* Bidi embeddings, overrides and isolates. */
	SAN("\xe2\x80\xae" "evil\xe2\x80\xac", 0, "evil");
	SAN("a\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad" "b", 0, "ab");
	SAN("a\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9" "b", 0, "ab");
	/* Invalid UTF-8 becomes U+FFFD, one per byte. */
	SAN("caf\xe9", 0, "caf" FFFD);
	SAN("\xc0\xaf", 0, FFFD FFFD);
	SAN("\xed\xa0\x80", 0, FFFD FFFD FFFD);
	SAN("\xf4\x90\x80\x80", 0, FFFD FFFD FFFD FFFD);
	SAN("x\xe2\x82", 0, "x" FFFD FFFD);
	SAN("\xff\xfe" "A", 0, FFFD FFFD "A");

	/* Whitespace without flags: \n and \t stay, \r goes, other line
	 * breaks become \n. */
	SAN("a\tb\nc", 0, "a\tb\nc");
	SAN("a\r\nb", 0, "a\nb");
	SAN("a\x0b" "b\x0c" "c", 0, "a\nb\nc");
	SAN("a\xc2\x85" "b\xe2\x80\xa8" "c\xe2\x80\xa9" "d", 0,
	    "a\nb\nc\nd");
	SAN("  two  spaces  ", 0, "  two  spaces  ");
	/* UTF8_KEEP_NL: \n and \t kept, \r dropped. */
	SAN("a\tb\r\nc\x1b", UTF8_KEEP_NL, "a\tb\nc");
	SAN("  x  ", UTF8_KEEP_NL, "  x  ");

	/* UTF8_ONELINE: whitespace folds to one space, ends trimmed. */
	SAN("  Hello,\t\n  world \r\n", UTF8_ONELINE, "Hello, world");
	SAN("Ann &   Bob", UTF8_ONELINE, "Ann & Bob");
	SAN("a\xc2\x85" "b\xe2\x80\xa8" "c\x0b" "d", UTF8_ONELINE, "a b c d");
	SAN("\n\n\t", UTF8_ONELINE, "");
	SAN("   ", UTF8_ONELINE, "");
	/* A dropped control does not leave a double space behind. */
	SAN("a \x1b b", UTF8_ONELINE, "a b");
	SAN("\xe2\x80\xae evil \xe2\x80\xac", UTF8_ONELINE, "evil");
	SAN("a\x1b" "b", UTF8_ONELINE, "ab");
	/* NBSP is not folded: it is not a line break. */
	SAN("a\xc2\xa0" "b", UTF8_ONELINE, "a\xc2\xa0" "b");

	/* utf8_sanitize_into appends. */
	buf_adds(&b, "title: ");
	utf8_sanitize_into(&b, "x\x1b[1my", 6, UTF8_ONELINE);
	STR_EQ(buf_str(&b), "title: x[1my");
	OK(b.data[b.len] == '\0', "NUL-terminated");
	buf_free(&b);
}

/* utf8_sanitize_flow as the two steps it replaces: sanitise, then fold
 * white space and drop soft hyphens. */
static void
flow_ref(struct buf *b, const char *s, size_t len, bool *space)
{
	char *t = utf8_sanitize(s, len, 0), *p;

	for (p = t; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t') {
			if (!*space)
				buf_addc(b, ' ');
			*space = true;
		} else if ((unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] == 0xad)
			p++;
		else {
			buf_addc(b, *p);
			*space = false;
		}
	}
	free(t);
	buf_str(b);
}

static void
flow_is(const char *s, size_t len, bool space, const char *want,
    bool want_space, int line)
{
	struct buf b = BUF_INIT;

	utf8_sanitize_flow(&b, s, len, &space);
	if (strcmp(buf_str(&b), want) != 0 || space != want_space)
		OK(0, "line %d: got \"%s\" (%d) want \"%s\" (%d)", line,
		    b.data, space, want, want_space);
	else
		OK(utf8_is_clean(b.data, b.len), "line %d: not clean", line);
	buf_free(&b);
}
#define FLOW(s, sp, want, wsp) \
	flow_is(s, sizeof(s) - 1, sp, want, wsp, __LINE__)

static void
test_flow(void)
{
	static const char *const pieces[] = {
		"a", "Zo\xc3\xab", " ", "  ", "\t", "\n", "\r", "\r\n",
		"\x0b", "\x0c", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9",
		"\xc2\xad", "\xc2\xa0", "\x1b", "\x1b[1m", "\xc2\x9b", "\x9b",
		"\xe2\x80\xae", "\xff", "\xe2\x82", "\xf0\x9f\x98\x80",
		"http://x.example/a?b=c&d", ".", "\x7f", "\0", "word",
		"\xe4\xb8\xad", "\xcc\x81", "some words with single spaces ",
		" then  two  spaces ", "x y z w v u t s r q p o", "abcdefgh",
		"abcdefg ", " abcdefg", "\x7e\x21\x20\x7e\x21\x20\x7e\x21",
	};
	struct buf want = BUF_INIT, got = BUF_INIT, in = BUF_INIT;
	bool ws, gs;
	int i, k, bad = 0;
	unsigned int seed = 1;

	FLOW("", false, "", false);
	FLOW("", true, "", true);
	FLOW("two  words", false, "two words", false);
	FLOW("  lead and trail  ", true, "lead and trail ", true);
	FLOW("  lead", false, " lead", false);
	FLOW("a\tb\nc\r\nd", false, "a b c d", false);
	FLOW("a\rb", false, "ab", false);
	FLOW("a \x1b b", false, "a b", false);
	FLOW("soft\xc2\xadhyphen", false, "softhyphen", false);
	FLOW("a\xc2\xa0 b", false, "a\xc2\xa0 b", false);
	FLOW("a\xc2\x85" "b\xe2\x80\xa8" "c\x0b" "d", false, "a b c d",
	    false);
	FLOW("caf\xe9!", false, "caf" FFFD "!", false);
	FLOW("\xe2\x80\xae" "evil\xe2\x80\xac ", false, "evil ", true);
	FLOW("x \x1b", false, "x ", true);

	/* Random pieces, in one call and split in two, against the two
	 * steps. */
	for (i = 0; i < 20000; i++) {
		buf_reset(&in);
		for (k = 0; k < 8; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_adds(&in, pieces[(seed >> 16) % nitems(pieces)]);
			if ((seed >> 8) % 5 == 0)
				buf_add(&in, "", 1);	/* a NUL */
		}
		ws = gs = (seed >> 4) & 1;
		buf_reset(&want);
		buf_reset(&got);
		k = (int)((seed >> 10) % (in.len + 1));
		flow_ref(&want, in.data, (size_t)k, &ws);
		flow_ref(&want, in.data + k, in.len - (size_t)k, &ws);
		utf8_sanitize_flow(&got, in.data, (size_t)k, &gs);
		utf8_sanitize_flow(&got, in.data + k, in.len - (size_t)k, &gs);
		if (want.len != got.len || memcmp(want.data, got.data,
		    want.len) != 0 || ws != gs)
			bad++;
	}
	INT_EQ(bad, 0);
	buf_free(&want);
	buf_free(&got);
	buf_free(&in);
}

static void
test_clean(void)
{
	OK(utf8_is_clean("", 0), "empty");
	OK(utf8_is_clean("Mesos 0.20.0", 12), "ascii");
	OK(utf8_is_clean("a\nb\tc", 5), "\\n and \\t are allowed");
	OK(utf8_is_clean("\xc3\xa9\xe4\xb8\xad", 5), "valid UTF-8");
	OK(!utf8_is_clean("a\rb", 3), "CR");
	OK(!utf8_is_clean("a\x1b" "b", 3), "ESC");
	OK(!utf8_is_clean("a\x7f", 2), "DEL");
	OK(!utf8_is_clean("a\0b", 3), "NUL");
	OK(!utf8_is_clean("\xc2\x9b", 2), "CSI");
	OK(!utf8_is_clean("\x9b", 1), "C1 byte");
	OK(!utf8_is_clean("\xe2\x80\xae", 3), "RLO");
	OK(!utf8_is_clean("\xe2\x81\xa9", 3), "PDI");
	OK(!utf8_is_clean("\xff", 1), "invalid byte");
	OK(!utf8_is_clean("\xe2\x82", 2), "truncated");
	/* U+FFFD itself, written validly, is clean. */
	OK(utf8_is_clean(FFFD, 3), "U+FFFD");
}

static void
fit_is(const char *s, size_t width, int ascii, const char *want, int line)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "|");
	utf8_fit(&b, s, width, ascii);
	buf_adds(&b, "|");
	if (strcmp(buf_str(&b), want) != 0)
		OK(0, "line %d: fit \"%s\" to %zu: got \"%s\" want \"%s\"",
		    line, s, width, b.data, want);
	else
		OK(1, "ok");
	buf_free(&b);
}
#define FIT(s, w, a, want) fit_is(s, w, a, want, __LINE__)

/* Grapheme clusters (UAX #29): what joins, and how wide the whole is. */
#define THUMBS "\xf0\x9f\x91\x8d"
#define TONE "\xf0\x9f\x8f\xbd"
#define ZWJ "\xe2\x80\x8d"
#define FAMILY "\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9" ZWJ \
	"\xf0\x9f\x91\xa7"
#define FLAG_DE "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define FLAG_FR "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"

static void
test_cluster(void)
{
	unsigned int st = 0;
	int w;

	OK(utf8_joins('e', 0x0301, &st), "combining acute joins");
	OK(utf8_joins(0x1f44d, 0x1f3fd, &st), "skin tone joins");
	OK(utf8_joins(0x200d, 0x1f469, &st), "what a ZWJ joins");
	OK(!utf8_joins('a', 'b', &st), "letters do not join");
	OK(!utf8_joins(0x4e2d, 0x6587, &st), "ideographs do not join");
	OK(!utf8_joins(0, 0x0301, &st), "nothing to join at the start");

	INT_EQ(utf8_cluster(THUMBS TONE "x", 9, &w), 8);
	INT_EQ(w, 2);
	INT_EQ(utf8_cluster(FAMILY "x", strlen(FAMILY) + 1, &w),
	    strlen(FAMILY));
	INT_EQ(w, 2);
	/* Regional indicators pair up two by two: two flags, not one. */
	INT_EQ(utf8_cluster(FLAG_DE FLAG_FR, 16, &w), 8);
	INT_EQ(w, 2);
	INT_EQ(utf8_cluster("e\xcc\x81\xcc\x82z", 6, &w), 5);
	INT_EQ(w, 1);
	INT_EQ(utf8_cluster("\xff\xcc\x81", 3, &w), 3);	/* U+FFFD + mark */
	INT_EQ(w, 1);
	INT_EQ(utf8_cluster("ab", 2, &w), 1);
	INT_EQ(w, 1);

	INT_EQ(utf8_width(THUMBS TONE), 2);
	INT_EQ(utf8_width("ok " FAMILY "!"), 6);
	INT_EQ(utf8_width(FLAG_DE FLAG_FR), 4);
	INT_EQ(utf8_width("A\xcc\x8a" "ngstro\xcc\x88m"), 8);

	/* utf8_fit cuts between clusters, never inside one. */
	FIT("ab" THUMBS TONE "cd", 4, 0, "|ab\xe2\x80\xa6 |");
	FIT("ab" THUMBS TONE "cd", 5, 0, "|ab" THUMBS TONE "\xe2\x80\xa6|");
	FIT("x" FAMILY FAMILY, 4, 0, "|x" FAMILY "\xe2\x80\xa6|");
}

static void
test_fit(void)
{
	FIT("abc", 5, 0, "|abc  |");
	FIT("abcde", 5, 0, "|abcde|");
	FIT("abcdef", 5, 0, "|abcd\xe2\x80\xa6|");
	FIT("abcdef", 5, 1, "|abcd~|");
	FIT("abc", 0, 0, "||");
	FIT("", 3, 0, "|   |");
	FIT("abc", 1, 0, "|\xe2\x80\xa6|");
	FIT("abc", 2, 0, "|a\xe2\x80\xa6|");
	/* Wide characters: never half a glyph, pad what is left. */
	FIT("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6", 8, 0,
	    "|\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6|");
	FIT("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6", 5, 0,
	    "|\xe4\xb8\xad\xe6\x96\x87\xe2\x80\xa6|");
	FIT("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6", 4, 0,
	    "|\xe4\xb8\xad\xe2\x80\xa6 |");
	FIT("\xe4\xb8\xad\xe6\x96\x87", 9, 0,
	    "|\xe4\xb8\xad\xe6\x96\x87     |");
	FIT("\xf0\x9f\x98\x80\xf0\x9f\x98\x80x", 4, 1, "|\xf0\x9f\x98\x80~ |");
	/* Combining marks stay with their base and take no column. */
	FIT("e\xcc\x81" "xyz", 3, 0, "|e\xcc\x81" "x\xe2\x80\xa6|");
	FIT("abc\xcc\x81" "de", 4, 0, "|abc\xcc\x81\xe2\x80\xa6|");
	FIT("caf\xc3\xa9", 4, 0, "|caf\xc3\xa9|");
	FIT("caf\xc3\xa9", 6, 0, "|caf\xc3\xa9  |");
}

int
main(void)
{
	HARNESS_INIT();
	test_decode();
	test_encode();
	test_width();
	test_cluster();
	test_unsafe();
	test_sanitize();
	test_flow();
	test_clean();
	test_fit();
	DONE();
}
