/* frontmatter.c - the simple YAML header of a Markdown post. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "frontmatter.h"
#include "util.h"

#define FM_MAX_KEYS	256
#define FM_MAX_LEVELS	8

struct frontmatter {
	char	*keys[FM_MAX_KEYS];
	char	*values[FM_MAX_KEYS];
	size_t	 lens[FM_MAX_KEYS];	/* of values, and their room: */
	size_t	 caps[FM_MAX_KEYS];	/* lists grow in amortised O(1) */
	int	 n;
	size_t	 body;
	int	 body_line;
};

void
frontmatter_free(struct frontmatter *fm)
{
	int i;

	if (fm == NULL)
		return;
	for (i = 0; i < fm->n; i++) {
		free(fm->keys[i]);
		free(fm->values[i]);
	}
	free(fm);
}

const char *
frontmatter_get(const struct frontmatter *fm, const char *key)
{
	int i;

	for (i = 0; i < fm->n; i++)
		if (strcmp(fm->keys[i], key) == 0)
			return fm->values[i];
	return NULL;
}

size_t
frontmatter_body(const struct frontmatter *fm, int *line)
{
	if (line != NULL)
		*line = fm->body_line;
	return fm->body;
}

static void
set_value(struct frontmatter *fm, int i, const char *value)
{
	free(fm->values[i]);
	fm->values[i] = xstrdup(value);
	fm->lens[i] = strlen(value);
	fm->caps[i] = fm->lens[i] + 1;
}

/* Set key to value, or append ", value" to a list key. */
static int
set(struct frontmatter *fm, const char *key, const char *value, int append)
{
	size_t vlen, need;
	int i;

	for (i = 0; i < fm->n; i++) {
		if (strcmp(fm->keys[i], key) != 0)
			continue;
		if (append && fm->lens[i] > 0) {
			vlen = strlen(value);
			need = fm->lens[i] + 2 + vlen + 1;
			if (need > fm->caps[i]) {
				fm->caps[i] = need > 2 * fm->caps[i] ? need :
				    2 * fm->caps[i];
				fm->values[i] = xreallocarray(fm->values[i],
				    fm->caps[i], 1);
			}
			memcpy(fm->values[i] + fm->lens[i], ", ", 2);
			memcpy(fm->values[i] + fm->lens[i] + 2, value,
			    vlen + 1);
			fm->lens[i] += 2 + vlen;
		} else
			set_value(fm, i, value);
		return 0;
	}
	if (fm->n == FM_MAX_KEYS)
		return -1;
	fm->keys[fm->n] = xstrdup(key);
	fm->values[fm->n] = NULL;
	set_value(fm, fm->n, value);
	fm->n++;
	return 0;
}

/* Unquote a scalar in place-ish: returns a new string, or NULL if a quote
 * is not closed. */
static char *
scalar(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	char q;
	size_t i;

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	if (len == 0 || (s[0] != '"' && s[0] != '\'')) {
		/* A plain scalar ends at " #" (a comment). */
		for (i = 0; i + 1 < len; i++)
			if (isspace((unsigned char)s[i]) && s[i + 1] == '#') {
				len = i;
				break;
			}
		while (len > 0 && isspace((unsigned char)s[len - 1]))
			len--;
		return xstrndup(s, len);
	}
	q = s[0];
	for (i = 1; i < len; i++) {
		if (s[i] == q) {
			if (q == '\'' && i + 1 < len && s[i + 1] == '\'') {
				buf_addc(&b, '\'');
				i++;
				continue;
			}
			return buf_detach(&b);
		}
		if (q == '"' && s[i] == '\\' && i + 1 < len) {
			i++;
			switch (s[i]) {
			case 'n': buf_addc(&b, '\n'); break;
			case 't': buf_addc(&b, '\t'); break;
			default: buf_addc(&b, s[i]); break;
			}
			continue;
		}
		buf_addc(&b, s[i]);
	}
	buf_free(&b);
	return NULL;
}

static size_t
indent_of(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/*
 * A block scalar ("key: |" or "key: >") whose lines follow *pp: every
 * line more indented than the key, or blank.  Literal ones keep their
 * newlines, folded ones join lines with spaces.  Leaves *pp at the last
 * line of the scalar (at the key's line when empty) and counts lines.
 */
static char *
block_scalar(const char **pp, const char *end, size_t keyind, int literal,
    int *line)
{
	struct buf b = BUF_INIT;
	const char *p, *nl, *last;
	size_t n, ind, strip = 0;

	last = *pp;
	p = memchr(*pp, '\n', (size_t)(end - *pp));
	p = p ? p + 1 : end;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		ind = indent_of(p, n);
		if (ind < n && ind <= keyind)
			break;
		if (ind < n && strip == 0)
			strip = ind;
		if (b.len > 0)
			buf_addc(&b, literal ? '\n' : ' ');
		/* A line indented less than the first keeps what it has. */
		if (ind < n)
			buf_add(&b, p + (ind < strip ? ind : strip),
			    n - (ind < strip ? ind : strip));
		(*line)++;
		last = p;
		p = nl ? nl + 1 : end;
	}
	*pp = last;
	return buf_detach(&b);
}

/* A flow list "[a, b, 'c']" joined with ", ". */
static char *
flow_list(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i, start;
	char *item;

	s++, len--;	/* skip '[' */
	while (len > 0 && s[len - 1] != ']')
		len--;
	if (len == 0)
		return NULL;
	len--;
	for (start = i = 0; i <= len; i++) {
		if (i < len && (s[i] == '"' || s[i] == '\'')) {
			char q = s[i];

			/* A quoted item may hold commas. */
			for (i++; i < len && s[i] != q; i++)
				if (q == '"' && s[i] == '\\')
					i++;
			if (i >= len)
				break;
			continue;
		}
		if (i < len && s[i] != ',')
			continue;
		if ((item = scalar(s + start, i - start)) == NULL) {
			buf_free(&b);
			return NULL;
		}
		if (item[0] != '\0') {
			if (b.len > 0)
				buf_adds(&b, ", ");
			buf_adds(&b, item);
		}
		free(item);
		start = i + 1;
	}
	return buf_detach(&b);
}

struct frontmatter *
frontmatter_parse(const char *text, size_t len, char **cause)
{
	struct frontmatter *fm;
	const char *p = text, *end = text + len, *nl, *colon;
	/* The mappings the current line is nested in, by indentation. */
	struct level {
		size_t	 indent;
		char	 key[256];	/* the full dotted key */
	} levels[FM_MAX_LEVELS];
	int nlevels = 0;
	char key[256], *value, *rest;
	size_t n, ind, klen;
	int line = 1;

	fm = xcalloc(1, sizeof *fm);
	fm->body_line = 1;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	nl = memchr(p, '\n', (size_t)(end - p));
	n = nl ? (size_t)(nl - p) : (size_t)(end - p);
	if (n > 0 && p[n - 1] == '\r')
		n--;
	while (n > 3 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n != 3 || memcmp(p, "---", 3) != 0 || nl == NULL)
		return fm;	/* no front matter */
	p = nl + 1;

	for (;;) {
		line++;
		if (p >= end) {
			*cause = xasprintf("line %d: front matter is not closed "
			    "by a '---' line", line - 1);
			goto error;
		}
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if ((n >= 3 && (memcmp(p, "---", 3) == 0 ||
		    memcmp(p, "...", 3) == 0)) && indent_of(p + 3, n - 3) ==
		    n - 3) {
			p = nl ? nl + 1 : end;
			break;
		}
		if (memchr(p, '\0', n) != NULL) {
			*cause = xasprintf("line %d: NUL byte in front matter",
			    line);
			goto error;
		}
		ind = indent_of(p, n);
		if (ind == n || p[ind] == '#')
			goto next;	/* blank or comment */
		if (p[ind] == '\t') {
			*cause = xasprintf("line %d: tab used for indentation",
			    line);
			goto error;
		}
		if (p[ind] == '-' && (ind + 1 == n || p[ind + 1] == ' ')) {
			/* A block list item: under the key it is in. */
			while (nlevels > 0 && levels[nlevels - 1].indent > ind)
				nlevels--;
			if (nlevels == 0) {
				*cause = xasprintf("line %d: list item without "
				    "a key", line);
				goto error;
			}
			if ((value = scalar(p + ind + 1, n - ind - 1)) == NULL)
				goto unclosed;
			set(fm, levels[nlevels - 1].key, value, 1);
			free(value);
			goto next;
		}
		colon = NULL;
		for (rest = (char *)p + ind; rest < p + n; rest++)
			if (*rest == ':' && (rest + 1 == p + n ||
			    rest[1] == ' ' || rest[1] == '\t')) {
				colon = rest;
				break;
			}
		if (colon == NULL || colon == p + ind) {
			*cause = xasprintf("line %d: expected 'key: value'",
			    line);
			goto error;
		}
		klen = (size_t)(colon - (p + ind));
		while (nlevels > 0 && levels[nlevels - 1].indent >= ind)
			nlevels--;
		if (nlevels == 0 && ind > 0) {
			*cause = xasprintf("line %d: unexpected indentation",
			    line);
			goto error;
		}
		if (snprintf(key, sizeof key, "%s%s%.*s",
		    nlevels ? levels[nlevels - 1].key : "", nlevels ? "." : "",
		    (int)klen, p + ind) >= (int)sizeof key)
			goto toolong;
		if (nlevels == FM_MAX_LEVELS) {
			*cause = xasprintf("line %d: nested too deeply", line);
			goto error;
		}
		levels[nlevels].indent = ind;
		memcpy(levels[nlevels].key, key, sizeof key);
		nlevels++;
		rest = (char *)colon + 1;
		n -= (size_t)(rest - p);
		while (n > 0 && (*rest == ' ' || *rest == '\t'))
			rest++, n--;
		if (n > 0 && *rest == '[')
			value = flow_list(rest, n);
		else if (n > 0 && (*rest == '|' || *rest == '>')) {
			value = block_scalar(&p, end, ind, *rest == '|',
			    &line);
			nl = memchr(p, '\n', (size_t)(end - p));
		} else
			value = scalar(rest, n);
		if (value == NULL)
			goto unclosed;
		if (set(fm, key, value, 0) == -1) {
			free(value);
			*cause = xasprintf("line %d: too many keys", line);
			goto error;
		}
		free(value);
	next:
		if (nl == NULL) {
			p = end;
			continue;
		}
		p = nl + 1;
	}
	fm->body = (size_t)(p - text);
	fm->body_line = line + 1;
	return fm;

unclosed:
	*cause = xasprintf("line %d: unclosed quote or list", line);
	goto error;
toolong:
	*cause = xasprintf("line %d: key too long", line);
error:
	frontmatter_free(fm);
	return NULL;
}
