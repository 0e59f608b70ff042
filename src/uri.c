/* uri.c - RFC 3986 reference resolution and the scheme allow-list. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "uri.h"
#include "util.h"

/* The five components of a reference; absent ones are NULL (an empty
 * authority or query is "" and so present). */
struct parts {
	char	*scheme;
	char	*authority;
	char	*path;
	char	*query;
	char	*fragment;
};

static size_t
scheme_len(const char *s)
{
	size_t i;

	if (!isalpha((unsigned char)s[0]))
		return 0;
	for (i = 1; s[i] != '\0'; i++) {
		if (s[i] == ':')
			return i;
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' &&
		    s[i] != '-' && s[i] != '.')
			return 0;
	}
	return 0;
}

bool
uri_is_absolute(const char *s)
{
	return s != NULL && scheme_len(s) > 0;
}

static void
split(const char *s, struct parts *p)
{
	size_t n;

	memset(p, 0, sizeof *p);
	if ((n = scheme_len(s)) > 0) {
		p->scheme = xstrndup(s, n);
		s += n + 1;
	}
	if (s[0] == '/' && s[1] == '/') {
		s += 2;
		n = strcspn(s, "/?#");
		p->authority = xstrndup(s, n);
		s += n;
	}
	n = strcspn(s, "?#");
	p->path = xstrndup(s, n);
	s += n;
	if (*s == '?') {
		s++;
		n = strcspn(s, "#");
		p->query = xstrndup(s, n);
		s += n;
	}
	if (*s == '#')
		p->fragment = xstrdup(s + 1);
}

static void
parts_free(struct parts *p)
{
	free(p->scheme);
	free(p->authority);
	free(p->path);
	free(p->query);
	free(p->fragment);
}

/* RFC 3986 5.2.4; returns a new string. */
static char *
remove_dots(const char *in)
{
	struct buf out = BUF_INIT;
	size_t n;

	while (*in != '\0') {
		if (strncmp(in, "../", 3) == 0)
			in += 3;
		else if (strncmp(in, "./", 2) == 0)
			in += 2;
		else if (strncmp(in, "/./", 3) == 0)
			in += 2;
		else if (strcmp(in, "/.") == 0)
			in = "/";
		else if (strncmp(in, "/../", 4) == 0 || strcmp(in, "/..") == 0) {
			in = in[3] == '\0' ? "/" : in + 3;
			/* Drop the last segment, looking back from the end
			 * only: a path of n "../" costs O(n), not O(n^2). */
			for (n = out.len; n > 0 && out.data[n - 1] != '/'; n--)
				;
			buf_truncate(&out, n > 0 ? n - 1 : 0);
		} else if (strcmp(in, ".") == 0 || strcmp(in, "..") == 0)
			in += strlen(in);
		else {
			n = strcspn(in + 1, "/") + 1;
			buf_add(&out, in, n);
			in += n;
		}
	}
	return buf_detach(&out);
}

/* RFC 3986 5.2.3: merge a relative path with the base's. */
static char *
merge(const struct parts *base, const char *path)
{
	const char *slash;

	if (base->authority != NULL && (base->path == NULL ||
	    base->path[0] == '\0'))
		return xasprintf("/%s", path);
	slash = base->path ? strrchr(base->path, '/') : NULL;
	if (slash == NULL)
		return xstrdup(path);
	return xasprintf("%.*s%s", (int)(slash - base->path + 1), base->path,
	    path);
}

static char *
trimmed(const char *s)
{
	size_t len;

	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return xstrndup(s, len);
}

/* RFC 3986 5.3: recompose a reference from its parts. */
static char *
recompose(const struct parts *t)
{
	struct buf out = BUF_INIT;

	if (t->scheme != NULL) {
		buf_adds(&out, t->scheme);
		buf_addc(&out, ':');
	}
	if (t->authority != NULL) {
		buf_adds(&out, "//");
		buf_adds(&out, t->authority);
	}
	buf_adds(&out, t->path);
	if (t->query != NULL) {
		buf_addc(&out, '?');
		buf_adds(&out, t->query);
	}
	if (t->fragment != NULL) {
		buf_addc(&out, '#');
		buf_adds(&out, t->fragment);
	}
	return buf_detach(&out);
}

char *
uri_resolve(const char *base, const char *ref)
{
	struct parts b, r, t;
	char *rs, *tmp, *out;

	if (ref == NULL)
		return base ? trimmed(base) : NULL;
	rs = trimmed(ref);
	if (uri_is_absolute(rs)) {
		/* 5.2.2: an absolute reference only loses its dot segments. */
		split(rs, &r);
		free(rs);
		tmp = r.path;
		r.path = remove_dots(tmp);
		free(tmp);
		out = recompose(&r);
		parts_free(&r);
		return out;
	}
	if (base == NULL || !uri_is_absolute(base))
		return rs;
	split(base, &b);
	split(rs, &r);
	free(rs);
	memset(&t, 0, sizeof t);
	if (r.authority != NULL) {
		t.authority = r.authority; r.authority = NULL;
		t.path = remove_dots(r.path);
		t.query = r.query; r.query = NULL;
	} else {
		if (r.path[0] == '\0') {
			t.path = xstrdup(b.path);
			if (r.query != NULL) {
				t.query = r.query; r.query = NULL;
			} else if (b.query != NULL)
				t.query = xstrdup(b.query);
		} else {
			if (r.path[0] == '/')
				t.path = remove_dots(r.path);
			else {
				tmp = merge(&b, r.path);
				t.path = remove_dots(tmp);
				free(tmp);
			}
			t.query = r.query; r.query = NULL;
		}
		if (b.authority != NULL)
			t.authority = xstrdup(b.authority);
	}
	t.fragment = r.fragment; r.fragment = NULL;

	t.scheme = b.scheme;
	b.scheme = NULL;
	out = recompose(&t);
	parts_free(&b);
	parts_free(&r);
	parts_free(&t);
	return out;
}

static bool
has_scheme(const char *s, const char *scheme)
{
	size_t n = strlen(scheme);

	return strncasecmp(s, scheme, n) == 0 && s[n] == ':';
}

bool
uri_is_openable(const char *s)
{
	return s != NULL && (has_scheme(s, "http") ||
	    has_scheme(s, "https") || has_scheme(s, "mailto"));
}

bool
uri_is_remote(const char *s)
{
	return s != NULL && (has_scheme(s, "http") || has_scheme(s, "https"));
}

char *
uri_from_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf out = BUF_INIT;
	char cwd[PATH_MAX];
	const unsigned char *p;

	buf_adds(&out, "file://");
	if (path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL) {
		path = xasprintf("%s%s%s", cwd,
		    cwd[strlen(cwd) - 1] == '/' ? "" : "/", path);
		p = (const unsigned char *)path;
	} else {
		p = (const unsigned char *)(path = xstrdup(path));
	}
	for (; *p != '\0'; p++) {
		if (isalnum(*p) || strchr("/-._~!$&'()*+,;=:@", *p))
			buf_addc(&out, *p);
		else {
			buf_addc(&out, '%');
			buf_addc(&out, hex[*p >> 4]);
			buf_addc(&out, hex[*p & 15]);
		}
	}
	free((char *)path);
	return buf_detach(&out);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

char *
uri_to_path(const char *s)
{
	struct buf out = BUF_INIT;
	int hi, lo;

	if (!has_scheme(s, "file"))
		return NULL;
	s += 5;
	if (strncmp(s, "//", 2) == 0) {
		s += 2;
		if (strncasecmp(s, "localhost/", 10) == 0)
			s += 9;
		else if (*s != '/')
			return NULL;	/* a remote host */
	}
	for (; *s != '\0' && *s != '?' && *s != '#'; s++) {
		if (*s == '%' && (hi = hexval(s[1])) >= 0 &&
		    (lo = hexval(s[2])) >= 0) {
			buf_addc(&out, hi * 16 + lo);
			s += 2;
		} else
			buf_addc(&out, *s);
	}
	return buf_detach(&out);
}

char *
uri_host(const char *s)
{
	struct parts p;
	char *host = NULL, *at, *end;

	if (!uri_is_absolute(s))
		return NULL;
	split(s, &p);
	if (p.authority != NULL) {
		at = strrchr(p.authority, '@');
		host = xstrdup(at ? at + 1 : p.authority);
		if (host[0] == '[')
			end = strchr(host, ']'), end = end ? end + 1 : NULL;
		else
			end = strrchr(host, ':');
		if (end != NULL)
			*end = '\0';
	}
	parts_free(&p);
	return host;
}

char *
uri_encode_spaces(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s != '\0'; s++) {
		if (*s == ' ')
			buf_adds(&b, "%20");
		else
			buf_addc(&b, *s);
	}
	return buf_detach(&b);
}
