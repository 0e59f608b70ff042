/* feed_local.c - local sources: feed files, Markdown posts with front
 * matter, and directories of posts. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "feed.h"
#include "frontmatter.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

bool
feed_is_markdown_source(const char *source)
{
	struct stat st;
	const char *dot;
	char *path;
	bool dir;

	if ((path = uri_to_path(source)) == NULL)
		path = xstrdup(source);
	dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	free(path);
	if (dir)
		return true;
	dot = strrchr(source, '.');
	return dot != NULL && (strcasecmp(dot, ".md") == 0 ||
	    strcasecmp(dot, ".markdown") == 0);
}

/* Read a whole file of at most max bytes; NULL with *cause on error. */
static char *
read_file(const char *path, size_t max, size_t *lenp, char **cause)
{
	struct buf b = BUF_INIT;
	struct stat st;
	size_t want;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xstrdup(strerror(errno));
		return NULL;
	}
	/* A regular file is read straight into a buffer of its size (one
	 * more byte to see the end); anything else, or a file that grows,
	 * in 64 KiB steps. */
	want = 65536;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size < max)
		want = (size_t)st.st_size + 1;
	for (;;) {
		if (b.cap - b.len < 2)
			buf_grow(&b, want);
		n = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xstrdup(strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {
			*cause = xasprintf("file is larger than %zu MiB",
			    max >> 20);
			goto fail;
		}
		b.len += (size_t)n;
		want = 65536;
	}
	close(fd);
	b.data[b.len] = '\0';
	*lenp = b.len;
	return buf_detach(&b);
fail:
	close(fd);
	buf_free(&b);
	return NULL;
}

static char *
fm_oneline(const struct frontmatter *fm, const char *key)
{
	const char *v = frontmatter_get(fm, key);

	return v != NULL ? feed_oneline(v, strlen(v)) : NULL;
}

/* Parse one post; calls fn.  Returns 0 (FEED_NO_CONTENT if fn did), or -1
 * with *cause. */
static int
load_post(const char *path, const struct feed_limits *lim, feed_issue_fn fn,
    void *arg, char **cause)
{
	struct frontmatter *fm;
	struct issue is;
	const char *base, *slash;
	char *text, *why = NULL, *date, *permalink;
	size_t len;
	int rc;

	if ((text = read_file(path, lim->max_doc, &len, cause)) == NULL)
		return -1;
	if (memchr(text, '\0', len) != NULL) {
		/* NUL bytes: keep what is readable; the body is cut there. */
		len = strlen(text);
	}
	if ((fm = frontmatter_parse(text, len, &why)) == NULL) {
		*cause = why;
		free(text);
		return -1;
	}
	memset(&is, 0, sizeof is);
	is.published = is.updated = (time_t)-1;
	slash = strrchr(path, '/');
	base = slash ? slash + 1 : path;
	is.title = fm_oneline(fm, "title");
	is.author = fm_oneline(fm, "post_author.display_name");
	if (is.author == NULL)
		is.author = fm_oneline(fm, "author");
	if (is.author == NULL)
		is.author = fm_oneline(fm, "post_author");
	if (is.author == NULL)
		is.author = fm_oneline(fm, "author.name");
	if ((date = fm_oneline(fm, "date")) != NULL) {
		is.published = feed_parse_date(date);
		if (is.published == (time_t)-1)
			is.date_raw = date;
		else
			free(date);
	}
	if (is.published == (time_t)-1 && is.date_raw == NULL &&
	    strlen(base) > 11 && base[10] == '-') {
		char prefix[11];

		memcpy(prefix, base, 10);
		prefix[10] = '\0';
		is.published = feed_parse_date(prefix);
	}
	if ((permalink = fm_oneline(fm, "permalink")) == NULL)
		permalink = fm_oneline(fm, "canonical_url");
	/* The permalink is the site's path of the post: with the site's
	 * URL (the caller's base_url) it is the post's URL, and the base of
	 * its relative links; without, it stays as written, as they do. */
	if (permalink != NULL)
		is.link = uri_resolve(lim->base_url, permalink);
	is.tags = fm_oneline(fm, "tags");
	if (is.title == NULL) {
		/* Fall back to the file name without date and extension. */
		const char *t = strlen(base) > 11 && base[10] == '-' ?
		    base + 11 : base;
		const char *dot = strrchr(t, '.');

		is.title = utf8_sanitize(t, dot ? (size_t)(dot - t) :
		    strlen(t), UTF8_ONELINE);
	}
	/* The id does not change with the base URL. */
	is.id = permalink ? xstrdup(permalink) :
	    utf8_sanitize(base, strlen(base), UTF8_ONELINE);
	if (!lim->skip_content) {
		size_t body = frontmatter_body(fm, NULL);

		/* The body becomes the content in place: no copy of a
		 * large post. */
		memmove(text, text + body, len - body);
		text[len - body] = '\0';
		is.content = text;
		text = NULL;
		is.kind = CONTENT_MARKDOWN;
		if (is.link != NULL && uri_is_remote(is.link))
			is.base = xstrdup(is.link);
		else if (lim->base_url != NULL && uri_is_remote(lim->base_url))
			is.base = xstrdup(lim->base_url);
	}
	frontmatter_free(fm);
	free(text);
	free(permalink);
	rc = fn(&is, arg);
	feed_issue_clear(&is);
	if (rc == -1) {
		*cause = xstrdup("stopped");
		return -1;
	}
	return rc == FEED_NO_CONTENT ? FEED_NO_CONTENT : 0;
}

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
load_post_dir(const char *dir, const struct feed_limits *limits,
    feed_issue_fn fn, void *arg, char **cause)
{
	struct feed_limits lim = *limits;
	DIR *d;
	struct dirent *de;
	char **names = NULL, *path, *why;
	size_t n = 0, i;
	int rc = 0;

	if ((d = opendir(dir)) == NULL) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		const char *dot = strrchr(de->d_name, '.');

		if (de->d_name[0] == '.' || dot == NULL ||
		    (strcasecmp(dot, ".md") != 0 &&
		    strcasecmp(dot, ".markdown") != 0))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n == 0) {
		*cause = xstrdup("no Markdown posts (*.md) in this directory");
		return -1;
	}
	qsort(names, n, sizeof *names, namecmp);
	for (i = 0; i < n && rc != -1; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		why = NULL;
		if ((rc = load_post(path, &lim, fn, arg, &why)) ==
		    FEED_NO_CONTENT)
			lim.skip_content = true;
		else if (rc == -1) {
			char *name = utf8_sanitize(names[i], strlen(names[i]),
			    UTF8_ONELINE);

			*cause = xasprintf("%s: %s", name, why);
			free(name);
			free(why);
		}
		free(path);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc == -1 ? -1 : 0;
}

static int
load_xml_file(const char *path, const struct feed_limits *lim,
    feed_issue_fn fn, void *arg, struct feed_meta *meta, char **warning,
    char **cause)
{
	struct feed_parser *p;
	static char chunk[1 << 16];
	char *url;
	const char *w;
	ssize_t n;
	int fd, rc = -1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	url = uri_from_path(path);
	p = feed_parser_new(url, NULL, lim, fn, arg);
	free(url);
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xstrdup(strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		if (feed_parser_push(p, chunk, (size_t)n, cause) == -1)
			goto out;
	}
	if (feed_parser_finish(p, cause) == -1)
		goto out;
	if (warning != NULL && (w = feed_parser_warning(p)) != NULL)
		*warning = xstrdup(w);
	if (meta != NULL) {
		const struct feed_meta *m = feed_parser_meta(p);

		meta->format = m->format;
		meta->title = m->title ? xstrdup(m->title) : NULL;
		meta->link = m->link ? xstrdup(m->link) : NULL;
	}
	rc = 0;
out:
	close(fd);
	feed_parser_free(p);
	return rc;
}

int
feed_load_local(const char *source, const struct feed_limits *limits,
    feed_issue_fn fn, void *arg, struct feed_meta *meta, char **warning,
    char **cause)
{
	struct feed_limits lim;
	struct stat st;
	char *path;
	int rc;

	memset(&lim, 0, sizeof lim);
	if (limits != NULL)
		lim = *limits;
	if (lim.max_doc == 0)
		lim.max_doc = FEED_DEFAULT_MAX_DOC;
	/* A file the user names is shown as far as it can be read. */
	lim.recover = true;
	if (warning != NULL)
		*warning = NULL;
	if (meta != NULL)
		memset(meta, 0, sizeof *meta);
	if ((path = uri_to_path(source)) == NULL) {
		if (uri_is_absolute(source) && strchr(source, '/') != NULL &&
		    strncmp(source, "file:", 5) != 0) {
			*cause = xstrdup("not a local file");
			return -1;
		}
		path = xstrdup(source);
	}
	if (stat(path, &st) == -1) {
		*cause = xstrdup(strerror(errno));
		free(path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = load_post_dir(path, &lim, fn, arg, cause);
		if (rc == 0 && meta != NULL)
			meta->format = FEED_MARKDOWN;
	} else if (feed_is_markdown_source(path)) {
		rc = load_post(path, &lim, fn, arg, cause) == -1 ? -1 : 0;
		if (rc == 0 && meta != NULL)
			meta->format = FEED_MARKDOWN;
	} else
		rc = load_xml_file(path, &lim, fn, arg, meta, warning, cause);
	free(path);
	return rc;
}
