/* invariants.h - what every fuzz target checks beyond "no crash": text is
 * valid UTF-8 with no control characters, no line is wider than asked
 * (but a URL, which is never broken). */
#ifndef MN_FUZZ_INVARIANTS_H
#define MN_FUZZ_INVARIANTS_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content.h"
#include "doc.h"
#include "feed.h"
#include "layout.h"
#include "utf8.h"

#define FUZZ_ASSERT(cond, what) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "invariant broken: %s\n", what);	\
		abort();						\
	}								\
} while (0)

int LLVMFuzzerInitialize(int *, char ***);

/* Once per process, what the program does once at start and what does
 * not depend on the input: libxml2's global state, and a UTF-8 locale, as
 * the reader runs in (md.c's typography depends on it).  Setup inside
 * LLVMFuzzerTestOneInput would be paid on every run. */
static inline void
fuzz_init(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	feed_init();
}

/* A single-line field: clean, and without \n or \t. */
static inline void
check_oneline(const char *s)
{
	if (s == NULL)
		return;
	FUZZ_ASSERT(utf8_is_clean(s, strlen(s)), "field not clean UTF-8");
	FUZZ_ASSERT(strpbrk(s, "\n\t") == NULL, "newline in one-line field");
}

/* A line wider than the layout may only be a URL, which is never broken
 * (issue 13): its text after the prefix one word that starts like one. */
static inline int
url_line(const struct layout_line *l)
{
	const char *s, *e;
	size_t n;
	int k;

	for (k = 0; k < l->ncells && (l->cells[k].role == LAYOUT_INDENT ||
	    l->cells[k].role == LAYOUT_QUOTE || l->cells[k].role ==
	    LAYOUT_MARKER || l->cells[k].role == LAYOUT_CODE_GUTTER); k++)
		;
	if (k == l->ncells)
		return 0;
	s = l->text + l->cells[k].off;
	e = l->text + l->cells[l->ncells - 1].off +
	    l->cells[l->ncells - 1].len;
	n = (size_t)(e - s);
	if (memchr(s, ' ', n) != NULL)
		return 0;
	while (n > 0 && strchr("(<[\"'", *s) != NULL) {
		s++;
		n--;
	}
	/* As the layout's looks_like_url: the scheme in its first 32 bytes
	 * (a long one like "quotetext-align://" too, a short one like
	 * "ba://x" too: fuzz findings). */
	return (n >= 4 && memmem(s, n < 32 ? n : 32, "://", 3) != NULL) ||
	    (n >= 4 && strncasecmp(s, "www.", 4) == 0) ||
	    (n >= 7 && strncasecmp(s, "mailto:", 7) == 0) ||
	    (n >= 3 && memchr(s, '@', n < 32 ? n : 32) != NULL);
}

/* Every line of a layout: clean bytes, cells inside the text, widths that
 * add up, and never wider than width but for a URL. */
static inline void
check_layout(const struct layout *L, int width)
{
	int i, j, n, sum;

	n = layout_nlines(L);
	for (i = 0; i < n; i++) {
		const struct layout_line *l = layout_line(L, i);
		size_t len = 0;

		sum = 0;
		for (j = 0; j < l->ncells; j++) {
			const struct layout_cell *c = &l->cells[j];

			FUZZ_ASSERT(c->width <= 2, "cell wider than 2");
			sum += c->width;
			if (c->off + c->len > len)
				len = c->off + c->len;
		}
		FUZZ_ASSERT(sum == l->width, "cell widths do not add up");
		FUZZ_ASSERT(l->width <= width || url_line(l),
		    "line wider than the width");
		FUZZ_ASSERT(utf8_is_clean(l->text, len) &&
		    memchr(l->text, '\n', len) == NULL &&
		    memchr(l->text, '\t', len) == NULL, "unclean line text");
	}
}

/* Parse content of a kind and check its links and sections; NULL (with
 * the cause checked and freed) when it cannot be parsed. */
static inline struct doc *
check_parse(const char *s, size_t len, enum content_kind kind)
{
	struct doc *d;
	char *cause = NULL;
	int i;

	if ((d = content_parse(s, len, kind, "https://mesos.apache.org/blog/",
	    &cause)) == NULL) {
		FUZZ_ASSERT(cause != NULL, "failure without a cause");
		check_oneline(cause);
		free(cause);
		return NULL;
	}
	for (i = 1; i <= doc_nlinks(d); i++) {
		check_oneline(doc_link(d, i)->url);
		check_oneline(doc_link(d, i)->text);
	}
	for (i = 0; i < doc_nsections(d); i++)
		check_oneline(doc_section_name(d, i));
	return d;
}

/* Lay a document out at width (ASCII bullets at odd widths), check. */
static inline void
check_doc_layout(const struct doc *d, int width)
{
	struct layout_opts o = { false, 0, false };
	struct layout *L;

	o.ascii = width & 1;
	L = layout_new(d, width, &o);
	check_layout(L, width);
	layout_free(L);
}

/* Parse content of a kind, lay it out at a width from the data, check. */
static inline void
check_document(const char *s, size_t len, enum content_kind kind, int width)
{
	struct doc *d;

	if ((d = check_parse(s, len, kind)) == NULL)
		return;
	check_doc_layout(d, width);
	doc_free(d);
}

#endif
