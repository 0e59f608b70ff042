/* index.c - the issue index of a source: numbered, newest first. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "index.h"
#include "utf8.h"
#include "util.h"

#define TITLE_MIN	10
#define AUTHOR_MAX	24

struct index {
	struct index_entry *v;
	size_t		 n;
	size_t		 cap;
	int		 source;
	bool		 ids;		/* keep ids (for index_find) */
};

struct index *
index_new(bool ids)
{
	struct index *idx;

	idx = xcalloc(1, sizeof *idx);
	idx->ids = ids;
	return idx;
}

/* Append a field to b, cleaned again: fields are clean when they come
 * from feed.c, but may come from a cache file written by anything. */
static void
add_field(struct buf *b, const char *s)
{
	if (s != NULL)
		utf8_sanitize_into(b, s, strlen(s), UTF8_ONELINE);
	buf_addc(b, '\0');
}

/* An entry's strings live in one allocation, at its title: there may be
 * a great many entries. */
int
index_add(const struct issue *is, void *arg)
{
	static struct buf b;
	struct index *idx = arg;
	struct index_entry *e;
	size_t author, id, raw;
	char *block;

	if (idx->n == idx->cap) {
		idx->cap = idx->cap ? idx->cap * 2 : 64;
		idx->v = xreallocarray(idx->v, idx->cap, sizeof *idx->v);
	}
	buf_reset(&b);
	add_field(&b, is->title);
	author = b.len;
	add_field(&b, is->author);
	id = b.len;
	add_field(&b, idx->ids ? is->id : NULL);
	raw = b.len;
	add_field(&b, is->date_raw);
	block = xmalloc(b.len);
	memcpy(block, b.data, b.len);
	e = &idx->v[idx->n];
	e->title = block;
	e->author = block + author;
	e->id = block + id;
	e->date_raw = block[raw] != '\0' ? block + raw : NULL;
	e->date = index_issue_date(is);
	e->order = idx->n++;
	e->source = idx->source;
	return 0;
}

void
index_set_source(struct index *idx, int source)
{
	idx->source = source;
}

static int
entrycmp(const void *a, const void *b)
{
	const struct index_entry *x = a, *y = b;
	int c;

	if ((c = index_date_cmp(x->date, y->date)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

time_t
index_issue_date(const struct issue *is)
{
	return is->published != (time_t)-1 ? is->published : is->updated;
}

int
index_date_cmp(time_t x, time_t y)
{
	if (x == y)
		return 0;
	if (x == (time_t)-1)
		return 1;
	if (y == (time_t)-1)
		return -1;
	return x > y ? -1 : 1;
}

void
index_sort(struct index *idx)
{
	if (idx->n > 1)
		qsort(idx->v, idx->n, sizeof *idx->v, entrycmp);
}

size_t
index_count(const struct index *idx)
{
	return idx->n;
}

const struct index_entry *
index_get(const struct index *idx, size_t n)
{
	if (n == 0 || n > idx->n)
		return NULL;
	return &idx->v[n - 1];
}

size_t
index_find(const struct index *idx, const char *which)
{
	char *end;
	unsigned long n;
	size_t i;

	if (idx->n == 0)
		return 0;
	if (which == NULL || strcmp(which, "latest") == 0)
		return 1;
	n = strtoul(which, &end, 10);
	if (*which != '\0' && *end == '\0' && which[0] != '-')
		return n >= 1 && n <= idx->n ? (size_t)n : 0;
	for (i = 0; i < idx->n; i++)
		if (strcmp(idx->v[i].id, which) == 0)
			return i + 1;
	return 0;
}

void
index_format_date(time_t t, char out[11])
{
	struct tm tm;

	out[0] = '\0';
	if (t == (time_t)-1 || localtime_r(&t, &tm) == NULL)
		return;
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		out[0] = '\0';
}

void
index_print(const struct index *idx, FILE *fp, size_t width, int ascii)
{
	struct buf line = BUF_INIT;
	size_t i, numw = 1, n, titlew = 0, authorw = 0, w, fixed;
	char date[11];

	for (n = idx->n; n >= 10; n /= 10)
		numw++;
	for (i = 0; i < idx->n; i++) {
		if ((w = utf8_width(idx->v[i].title)) > titlew)
			titlew = w;
		if ((w = utf8_width(idx->v[i].author)) > authorw)
			authorw = w;
	}
	if (authorw > AUTHOR_MAX)
		authorw = AUTHOR_MAX;
	/* number, date and the gaps between the four columns */
	fixed = numw + 2 + 10 + 2 + (authorw ? 2 + authorw : 0);
	if (width > fixed + TITLE_MIN && titlew > width - fixed)
		titlew = width - fixed;
	else if (width <= fixed + TITLE_MIN && titlew > TITLE_MIN)
		titlew = TITLE_MIN;
	for (i = 0; i < idx->n; i++) {
		const struct index_entry *e = &idx->v[i];

		buf_reset(&line);
		index_format_date(e->date, date);
		buf_printf(&line, "%*zu  %-10s  ", (int)numw, i + 1, date);
		utf8_fit(&line, e->title, titlew, ascii);
		if (e->author[0] != '\0') {
			buf_adds(&line, "  ");
			utf8_fit(&line, e->author, authorw, ascii);
		}
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.len--;
		buf_addc(&line, '\n');
		fwrite(line.data, 1, line.len, fp);
	}
	buf_free(&line);
}

void
index_free(struct index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	for (i = 0; i < idx->n; i++)
		free(idx->v[i].title);	/* the entry's one block */
	free(idx->v);
	free(idx);
}
