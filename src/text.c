/* text.c - text mode: an issue as plain or ANSI-styled text. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "buf.h"
#include "content.h"
#include "doc.h"
#include "feed.h"
#include "layout.h"
#include "text.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

void
text_sgr(char *buf, unsigned int style, unsigned int role)
{
	static const struct {
		unsigned int	 bit;
		const char	*sgr;
	} styles[] = {
		{ STYLE_BOLD, "1" }, { STYLE_DIM, "2" }, { STYLE_ITALIC, "3" },
		{ STYLE_UNDERLINE, "4" }, { STYLE_REVERSE, "7" },
		{ STYLE_STRIKE, "9" },
	};
	const char *color = NULL;
	size_t i;

	buf[0] = '\0';
	switch (role) {
	case LAYOUT_HEADING:
		color = "35";
		break;
	case LAYOUT_LINK:
		color = "34";
		break;
	case LAYOUT_LINKNUM:
	case LAYOUT_MARKER:
		color = "36";
		break;
	case LAYOUT_CODE:
		color = "33";
		break;
	case LAYOUT_CODE_GUTTER:
	case LAYOUT_QUOTE:
	case LAYOUT_RULE:
	case LAYOUT_TABLE:
		style |= STYLE_DIM;
		break;
	}
	for (i = 0; i < nitems(styles); i++) {
		if (style & styles[i].bit) {
			if (buf[0] != '\0')
				strcat(buf, ";");
			strcat(buf, styles[i].sgr);
		}
	}
	if (color != NULL) {
		if (buf[0] != '\0')
			strcat(buf, ";");
		strcat(buf, color);
	}
}

/*
 * Open an OSC 8 hyperlink to link n of d, if it is one a browser may be
 * given (http, https, mailto): its URL is percent-encoded down to
 * printable ASCII, so nothing in it can end the sequence.  Returns true
 * if a link was opened.
 */
static bool
osc8_open(struct buf *b, const struct doc *d, uint32_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const struct doc_link *l;
	const unsigned char *u;

	if (n == 0 || (l = doc_link(d, (int)n)) == NULL ||
	    !uri_is_openable(l->url))
		return false;
	buf_adds(b, "\033]8;;");
	for (u = (const unsigned char *)l->url; *u != '\0'; u++) {
		if (*u > 0x20 && *u < 0x7f)
			buf_addc(b, *u);
		else {
			buf_addc(b, '%');
			buf_addc(b, hex[*u >> 4]);
			buf_addc(b, hex[*u & 15]);
		}
	}
	buf_adds(b, "\033\\");
	return true;
}

/* The link a cell is part of: its own, or for a References line (whole
 * set) the one the line lists, for all but the "[n]" before it. */
static inline uint32_t
cell_link(const struct layout_cell *c, uint32_t whole)
{
	if (whole == 0)
		return c->link;
	return c->role == LAYOUT_MARKER || c->role == LAYOUT_INDENT ? 0 :
	    whole;
}

/*
 * A line's cells hold consecutive bytes of its text, so plain text is one
 * copy, and styled text one copy per run of cells that look the same.
 * With links (a document), link text is wrapped in OSC 8 hyperlinks,
 * closed at the end of every line and opened again on the next, so that
 * a pager showing any line alone shows its links.  whole: the link all
 * of the line's text is (a References entry), or 0.
 */
static void
print_line(struct buf *b, const struct layout_line *l, bool color,
    const struct doc *links, uint32_t whole)
{
	const struct layout_cell *c, *e;
	char cur[32], want[32];
	uint32_t open = 0, lk;
	int k, j;

	if (!color && links == NULL) {
		if (l->ncells > 0) {
			e = &l->cells[l->ncells - 1];
			buf_add(b, l->text, e->off + e->len);
		}
		buf_addc(b, '\n');
		return;
	}
	cur[0] = '\0';
	for (k = 0; k < l->ncells; k = j) {
		c = &l->cells[k];
		lk = cell_link(c, whole);
		for (j = k + 1; j < l->ncells && l->cells[j].style ==
		    c->style && l->cells[j].role == c->role &&
		    (links == NULL || cell_link(&l->cells[j], whole) == lk);
		    j++)
			;
		e = &l->cells[j - 1];
		if (links != NULL && lk != open) {
			if (open != 0)
				buf_adds(b, "\033]8;;\033\\");
			open = osc8_open(b, links, lk) ? lk : 0;
		}
		if (color)
			text_sgr(want, c->style, c->role);
		else
			want[0] = '\0';
		if (strcmp(want, cur) != 0) {
			if (want[0] == '\0')
				buf_adds(b, "\033[0m");
			else
				buf_printf(b, "\033[0;%sm", want);
			memcpy(cur, want, sizeof cur);
		}
		buf_add(b, l->text + c->off, e->off + e->len - c->off);
	}
	if (open != 0)
		buf_adds(b, "\033]8;;\033\\");
	if (cur[0] != '\0')
		buf_adds(b, "\033[0m");
	buf_addc(b, '\n');
}

void
text_print_lines(FILE *out, const struct layout *L, int first, int end,
    bool color)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = first; i < end; i++) {
		print_line(&b, layout_line(L, i), color, NULL, 0);
		if (b.len >= 65536) {
			fwrite(b.data, 1, b.len, out);
			buf_reset(&b);
		}
	}
	if (b.len > 0)
		fwrite(b.data, 1, b.len, out);
	buf_free(&b);
}

/* s in lower case, code point by code point. */
static char *
lower(const char *s)
{
	struct buf b = BUF_INIT;
	size_t i = 0, len = strlen(s);
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		utf8_addcp(&b, (uint32_t)towlower((wint_t)cp));
	}
	buf_str(&b);
	return buf_detach(&b);
}

static bool
section_matches(const char *name, const char *filter)
{
	char *n = lower(name), *f = lower(filter);
	bool m;

	m = strstr(n, f) != NULL;
	free(n);
	free(f);
	return m;
}

/* The header as a document: the title as a heading, then date, author
 * and link. */
static struct doc *
header_doc(const struct issue *is, const struct doc *body, bool ascii)
{
	struct doc *h = doc_new(NULL);
	const char *title, *author, *date = NULL;
	char day[32];
	struct tm tm;
	time_t t;
	bool any = false;

	title = is->title != NULL ? is->title : doc_meta(body, "title");
	author = is->author != NULL ? is->author : doc_meta(body, "author");
	if (title != NULL && *title != '\0') {
		doc_heading_begin(h, 1);
		doc_add_text(h, title, strlen(title));
		doc_block_end(h);
	}
	t = is->published != (time_t)-1 ? is->published : is->updated;
	if (t != (time_t)-1 && gmtime_r(&t, &tm) != NULL) {
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		date = day;
	} else if (is->date_raw != NULL)
		date = is->date_raw;
	else
		date = doc_meta(body, "date");
	if (date != NULL && *date != '\0') {
		doc_add_text(h, date, strlen(date));
		any = true;
	}
	if (author != NULL && *author != '\0') {
		if (any)
			doc_add_text(h, ascii ? " - " : " \xc2\xb7 ",
			    ascii ? 3 : 4);
		doc_add_text(h, author, strlen(author));
		any = true;
	}
	if (is->link != NULL && *is->link != '\0') {
		if (any)
			doc_add_break(h);
		doc_add_text(h, is->link, strlen(is->link));
		if (!uri_is_absolute(is->link))
			doc_add_text(h, " (relative: no base URL)", 24);
	}
	doc_block_end(h);
	doc_finish(h);
	return h;
}

/* "[n]" into marker (at least 16 bytes). */
static void
ref_marker(char *marker, int n)
{
	char digits[12];
	int k = 0;

	do {
		digits[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	*marker++ = '[';
	while (k > 0)
		*marker++ = digits[--k];
	*marker++ = ']';
	*marker = '\0';
}

/* The References list (or the bare list for --links) of the links whose
 * numbers are set in want.  Each entry is one block (a URL is never
 * broken: one line); *nums gets, by block of the list, the number of the
 * link it lists (0 for the heading), for the caller to free. */
static struct doc *
refs_doc(const struct doc *d, const bool *want, bool heading,
    uint32_t **nums)
{
	struct doc *r = doc_new(NULL);
	const struct doc_link *l;
	char marker[24];
	int n, i;

	if (heading) {
		doc_heading_begin(r, 2);
		doc_add_text(r, "References", 10);
		doc_block_end(r);
	}
	doc_list_begin(r, false, 1, '1', true);
	for (n = 1; n <= doc_nlinks(d); n++) {
		if (!want[n])
			continue;
		l = doc_link(d, n);
		ref_marker(marker, n);
		doc_item_begin_marker(r, marker);
		doc_add_text(r, l->url, strlen(l->url));
		/* Nothing resolved it (a Markdown post without a base URL):
		 * as written, and said so, never made a file: URL.  --links
		 * keeps to one "[n] URL" a line. */
		if (heading && !uri_is_absolute(l->url))
			doc_add_text(r, " (relative: no base URL)", 24);
		doc_item_end(r);
	}
	doc_list_end(r);
	doc_finish(r);
	*nums = xcalloc((size_t)doc_nblocks(r) + 1, sizeof **nums);
	for (i = 0, n = 1; i < doc_nblocks(r); i++) {
		if (doc_block(r, i)->depth == 0)
			continue;
		while (n <= doc_nlinks(d) && !want[n])
			n++;
		(*nums)[i] = (uint32_t)n++;
	}
	return r;
}

/* Lines on their way out of print_doc. */
struct lines {
	FILE		*out;
	struct buf	 b;
	bool		 color;
	bool		 compact;
	const struct doc *links;	/* for OSC 8 in References */
	const uint32_t	*nums;		/* by block: the link listed */
};

static void
doc_line(const struct layout_line *l, void *arg)
{
	struct lines *p = arg;

	if (p->compact && l->ncells == 0)
		return;
	print_line(&p->b, l, p->color, p->links, p->links != NULL ?
	    p->nums[l->block] : 0);
	if (p->b.len >= 65536) {
		fwrite(p->b.data, 1, p->b.len, p->out);
		buf_reset(&p->b);
	}
}

/* Print the References r, each entry an OSC 8 hyperlink to the link of
 * links it lists when links is set (nums from refs_doc). */
static void
print_refs(FILE *out, const struct doc *r, const struct layout_opts *lo,
    int width, bool color, bool compact, const struct doc *links,
    const uint32_t *nums)
{
	struct lines p;

	memset(&p, 0, sizeof p);
	p.out = out;
	p.color = color;
	p.compact = compact;
	p.links = links;
	p.nums = nums;
	layout_each(r, width, lo, doc_line, &p);
	if (p.b.len > 0)
		fwrite(p.b.data, 1, p.b.len, out);
	buf_free(&p.b);
}

/* Print a document (the header, the References), a block at a time;
 * without blank lines if compact. */
static void
print_doc(FILE *out, const struct doc *d, const struct layout_opts *lo,
    int width, bool color, bool compact)
{
	print_refs(out, d, lo, width, color, compact, NULL, NULL);
}

/* What the body's lines go through on their way out. */
struct emit {
	FILE		*out;
	struct buf	 b;
	const struct doc *d;
	const bool	*shown;		/* per section */
	bool		 filter;	/* some sections are left out */
	bool		 color;
	bool		 hyperlinks;	/* OSC 8 around link text */
	int		 section;	/* of the last line printed */
	bool		 any;		/* a line was printed */
	bool		 lead;		/* at a section's leading blanks */
};

static void
emit_line(const struct layout_line *l, void *arg)
{
	struct emit *e = arg;
	int sec;

	if (e->filter) {
		sec = doc_block(e->d, l->block)->section;
		if (!e->shown[sec])
			return;
		if (sec != e->section) {
			/* Sections shown apart: one blank line between
			 * them, none before the first. */
			if (e->any)
				buf_addc(&e->b, '\n');
			e->section = sec;
			e->lead = true;
		}
	}
	if (e->lead && l->ncells == 0)
		return;
	e->lead = false;
	e->any = true;
	print_line(&e->b, l, e->color, e->hyperlinks ? e->d : NULL, 0);
	if (e->b.len >= 65536) {
		fwrite(e->b.data, 1, e->b.len, e->out);
		buf_reset(&e->b);
	}
}

/* Mark the links of runs [first, first + n). */
static bool
mark_links(const struct doc *d, int first, int n, bool *want)
{
	const struct doc_run *r = doc_runs(d);
	bool any = false;
	int i;

	for (i = first; i < first + n; i++) {
		if (r[i].link != 0) {
			want[r[i].link] = true;
			any = true;
		}
	}
	return any;
}

/* Mark the links of blocks [first, end) in want. */
static bool
mark_block_links(const struct doc *d, int first, int end, bool *want)
{
	const struct doc_block *b;
	const struct doc_table *t;
	const struct doc_cell *c;
	bool any = false;
	int i, k;

	for (i = first; i < end; i++) {
		b = doc_block(d, i);
		if (b->type != DOC_TABLE) {
			any |= mark_links(d, b->first_run, b->nruns, want);
			continue;
		}
		t = doc_table(d, b->table);
		for (k = 0; k < t->ncells; k++) {
			c = doc_cell(d, t->first_cell + k);
			any |= mark_links(d, c->first_run, c->nruns, want);
		}
	}
	return any;
}

static void
print_header(FILE *out, const struct issue *is, const struct doc *d,
    const struct layout_opts *lo, int width, bool color)
{
	struct doc *h = header_doc(is, d, lo->ascii);

	if (doc_nblocks(h) > 0) {
		print_doc(out, h, lo, width, color, true);
		fputc('\n', out);
	}
	doc_free(h);
}

/* The whole issue, its blocks laid out and printed as they are parsed. */
struct stream {
	struct emit	 e;
	struct layout	*L;
	const struct issue *is;
	const struct layout_opts *lo;
	int		 width;
	bool		 header;	/* printed */
	bool		*want;		/* links shown, by number */
	int		 nwant;
	bool		 anylink;
};

static void
stream_header(struct stream *s, const struct doc *d)
{
	if (!s->header)
		print_header(s->e.out, s->is, d, s->lo, s->width, s->e.color);
	s->header = true;
}

/* Room in want for every link d has so far. */
static void
stream_want(struct stream *s, const struct doc *d)
{
	int n = doc_nlinks(d), cap;

	if (n < s->nwant)
		return;
	cap = n + 1 > 2 * s->nwant ? n + 1 : 2 * s->nwant;
	s->want = xreallocarray(s->want, (size_t)cap, sizeof *s->want);
	memset(s->want + s->nwant, 0, (size_t)(cap - s->nwant) *
	    sizeof *s->want);
	s->nwant = cap;
}

static void
stream_blocks(const struct doc *d, int first, int end, void *arg)
{
	struct stream *s = arg;

	stream_header(s, d);
	stream_want(s, d);
	s->anylink |= mark_block_links(d, first, end, s->want);
	s->e.d = d;
	layout_stream(s->L, d, first, end, emit_line, &s->e);
}

/* All sections: the body need not be held whole before it is printed,
 * only its links (for the References). */
static int
print_streamed(FILE *out, const struct issue *is,
    const struct text_opts *opts, const struct layout_opts *lo, int width,
    char **cause)
{
	const char *content = is->content != NULL ? is->content : "";
	struct stream s;
	struct doc *d, *r;
	uint32_t *nums;

	memset(&s, 0, sizeof s);
	s.e.out = out;
	s.e.color = opts->color;
	s.e.hyperlinks = opts->hyperlinks;
	s.e.section = -1;
	s.is = is;
	s.lo = lo;
	s.width = width;
	s.header = opts->no_header;
	s.L = layout_stream_new(width, lo);
	d = content_parse_each(content, strlen(content), is->kind,
	    is->base != NULL ? is->base : is->link, stream_blocks, &s, cause);
	layout_free(s.L);
	if (d != NULL) {
		stream_header(&s, d);
		if (s.e.b.len > 0)
			fwrite(s.e.b.data, 1, s.e.b.len, out);
		if (s.anylink && !opts->no_references) {
			stream_want(&s, d);
			fputc('\n', out);
			r = refs_doc(d, s.want, true, &nums);
			print_refs(out, r, lo, width, opts->color, false,
			    opts->hyperlinks ? d : NULL, nums);
			free(nums);
			doc_free(r);
		}
	}
	buf_free(&s.e.b);
	free(s.want);
	doc_free(d);
	if (d == NULL)
		return -1;
	if (fflush(out) == EOF || ferror(out)) {
		*cause = xasprintf("write error: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int
text_print_issue(FILE *out, const struct issue *is,
    const struct text_opts *opts, char **cause)
{
	struct layout_opts lo;
	struct doc *d = NULL, *r;
	const char *content = is->content != NULL ? is->content : "";
	bool *want = NULL, *shown = NULL, anylink = false;
	uint32_t *nums;
	int width = opts->width > 0 ? opts->width : 80, i, nsec;
	struct buf names = BUF_INIT;
	struct emit e;

	memset(&lo, 0, sizeof lo);
	lo.ascii = opts->ascii;
	/* Code verbatim: a command copied from it must work; a pager's -S
	 * handles the width. */
	lo.code_nowrap = true;
	if (opts->section == NULL && !opts->links_only)
		return print_streamed(out, is, opts, &lo, width, cause);
	d = content_parse(content, strlen(content), is->kind, is->base != NULL ?
	    is->base : is->link, cause);
	if (d == NULL)
		return -1;
	nsec = doc_nsections(d);
	shown = xcalloc((size_t)nsec + 1, sizeof *shown);
	for (i = 0; i < nsec; i++)
		shown[i] = opts->section == NULL ||
		    section_matches(doc_section_name(d, i), opts->section);
	if (opts->section != NULL) {
		for (i = 0; i < nsec && !shown[i]; i++)
			;
		if (i == nsec) {
			for (i = 0; i < nsec; i++)
				buf_printf(&names, "%s\"%s\"", i ? ", " : "",
				    doc_section_name(d, i));
			*cause = xasprintf("no section matches \"%s\"%s%s%s",
			    opts->section, nsec ? " (sections: " : "",
			    nsec ? buf_str(&names) : "", nsec ? ")" : "");
			buf_free(&names);
			free(shown);
			doc_free(d);
			return -1;
		}
	}
	/* The links to list: those in the sections shown. */
	want = xcalloc((size_t)doc_nlinks(d) + 1, sizeof *want);
	for (i = 0; i < doc_nblocks(d); i++)
		if (shown[doc_block(d, i)->section])
			anylink |= mark_block_links(d, i, i + 1, want);
	if (opts->links_only) {
		if (anylink) {
			r = refs_doc(d, want, false, &nums);
			print_refs(out, r, &lo, width, opts->color, false,
			    opts->hyperlinks ? d : NULL, nums);
			free(nums);
			doc_free(r);
		}
		goto done;
	}
	if (!opts->no_header)
		print_header(out, is, d, &lo, width, opts->color);
	memset(&e, 0, sizeof e);
	e.out = out;
	e.d = d;
	e.shown = shown;
	e.filter = opts->section != NULL;
	e.color = opts->color;
	e.hyperlinks = opts->hyperlinks;
	e.section = -1;
	layout_each(d, width, &lo, emit_line, &e);
	if (e.b.len > 0)
		fwrite(e.b.data, 1, e.b.len, out);
	buf_free(&e.b);
	if (anylink && !opts->no_references) {
		fputc('\n', out);
		r = refs_doc(d, want, true, &nums);
		print_refs(out, r, &lo, width, opts->color, false,
		    opts->hyperlinks ? d : NULL, nums);
		free(nums);
		doc_free(r);
	}
done:
	free(want);
	free(shown);
	doc_free(d);
	if (fflush(out) == EOF || ferror(out)) {
		*cause = xasprintf("write error: %s", strerror(errno));
		return -1;
	}
	return 0;
}
