/* buf.c - a growable byte buffer. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

/* Make room for n more bytes plus a terminating NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t need, cap;

	if (n > (size_t)-1 / 2 - b->len)
		fatal("buffer too large");
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < need)
		cap *= 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void
buf_addc(struct buf *b, int c)
{
	if (b->len + 1 >= b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = (char)c;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	size_t n = util_vlen(fmt, ap);

	buf_grow(b, n);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	b->len += n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len)
		b->len = len;
}

/* The contents as a C string; valid until the next change to b. */
const char *
buf_str(struct buf *b)
{
	buf_grow(b, 0);
	b->data[b->len] = '\0';
	return b->data;
}

/* Hand the contents to the caller (who frees them) and empty b. */
char *
buf_detach(struct buf *b)
{
	char *p;

	buf_str(b);
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
