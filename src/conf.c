/* conf.c - the line-oriented configuration file (see conf.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "util.h"

struct feed_entry {
	char			*url;
	char			*name;
};

struct conf {
	struct feed_entry	*feeds;
	size_t			 nfeeds;
	char			*cache;
	struct fetch_limits	 limits;
};

struct conf *
conf_new(void)
{
	static const struct fetch_limits defaults = FETCH_LIMITS_DEFAULT;
	struct conf *cfg;

	cfg = xcalloc(1, sizeof *cfg);
	cfg->limits = defaults;
	return cfg;
}

static void
clear_feeds(struct feed_entry *feeds, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].name);
	}
	free(feeds);
}

void
conf_free(struct conf *cfg)
{
	if (cfg == NULL)
		return;
	clear_feeds(cfg->feeds, cfg->nfeeds);
	free(cfg->cache);
	free(cfg);
}

static char *
xdg_path(const char *var, const char *fallback, const char *file)
{
	const char *dir = getenv(var), *home;

	if (dir != NULL && dir[0] == '/')
		return xasprintf("%s/mesosnews/%s", dir, file);
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/%s/mesosnews/%s", home, fallback, file);
}

char *
conf_default_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "config");
}

char *
conf_default_cache(void)
{
	return xdg_path("XDG_CACHE_HOME", ".cache", "cache.db");
}

size_t
conf_nfeeds(const struct conf *cfg)
{
	return cfg->nfeeds;
}

const char *
conf_feed_url(const struct conf *cfg, size_t i)
{
	return i < cfg->nfeeds ? cfg->feeds[i].url : NULL;
}

const char *
conf_feed_name(const struct conf *cfg, size_t i)
{
	return i < cfg->nfeeds ? cfg->feeds[i].name : NULL;
}

const char *
conf_cache(const struct conf *cfg)
{
	return cfg->cache;
}

const struct fetch_limits *
conf_limits(const struct conf *cfg)
{
	return &cfg->limits;
}

static void
add_feed(struct feed_entry **feeds, size_t *n, const char *url,
    const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*feeds)[i].url, url) == 0)
			return;
	*feeds = xreallocarray(*feeds, *n + 1, sizeof **feeds);
	(*feeds)[*n].url = xstrdup(url);
	(*feeds)[*n].name = name != NULL && *name != '\0' ? xstrdup(name) :
	    NULL;
	(*n)++;
}

void
conf_add_feed(struct conf *cfg, const char *url, const char *name)
{
	add_feed(&cfg->feeds, &cfg->nfeeds, url, name);
}

int
conf_parse_size(const char *s, size_t *out)
{
	unsigned long long v, mult = 1;
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case 'k': case 'K':
		mult = 1ULL << 10;
		end++;
		break;
	case 'm': case 'M':
		mult = 1ULL << 20;
		end++;
		break;
	case 'g': case 'G':
		mult = 1ULL << 30;
		end++;
		break;
	}
	if (*end != '\0' || v == 0 || v > SIZE_MAX / mult)
		return -1;
	*out = (size_t)(v * mult);
	return 0;
}

static int
parse_seconds(const char *s, long *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 1 || v > 86400)
		return -1;
	*out = v;
	return 0;
}

/* "~/x" becomes "$HOME/x"; anything else is copied. */
static char *
expand_home(const char *s)
{
	const char *home = getenv("HOME");

	if (s[0] == '~' && s[1] == '/' && home != NULL)
		return xasprintf("%s%s", home, s + 1);
	return xstrdup(s);
}

static void
trim(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
}

struct pending {
	struct feed_entry	*feeds;
	size_t			 nfeeds;
	char			*cache;
	struct fetch_limits	 limits;
};

/* Apply one line; returns NULL or the reason it is wrong. */
static char *
parse_line(struct pending *p, char *line)
{
	char *key, *value, *rest, *url;
	size_t klen;

	key = line + strspn(line, " \t");
	if (*key == '\0' || *key == '#')
		return NULL;
	klen = strcspn(key, " \t");
	value = key + klen;
	if (*value != '\0')
		*value++ = '\0';
	value += strspn(value, " \t");

	if (strcmp(key, "feed") == 0) {
		if (*value == '\0')
			return xstrdup("feed needs a URL or a path");
		rest = value + strcspn(value, " \t");
		if (*rest != '\0')
			*rest++ = '\0';
		rest += strspn(rest, " \t");
		url = expand_home(value);
		add_feed(&p->feeds, &p->nfeeds, url, rest);
		free(url);
		return NULL;
	}
	if (strcmp(key, "cache") == 0) {
		if (*value == '\0')
			return xstrdup("cache needs a path");
		free(p->cache);
		p->cache = expand_home(value);
		return NULL;
	}
	if (strcmp(key, "max-size") == 0) {
		if (conf_parse_size(value, &p->limits.max_size) != 0)
			return xasprintf("max-size needs a size such as 64M, "
			    "not '%s'", value);
		return NULL;
	}
	if (strcmp(key, "timeout-connect") == 0 ||
	    strcmp(key, "timeout-stall") == 0 ||
	    strcmp(key, "timeout-total") == 0) {
		long *slot = key[8] == 'c' ? &p->limits.connect_timeout :
		    key[8] == 's' ? &p->limits.stall_timeout :
		    &p->limits.total_timeout;
		if (parse_seconds(value, slot) != 0)
			return xasprintf("%s needs a number of seconds from 1 "
			    "to 86400, not '%s'", key, value);
		return NULL;
	}
	return xasprintf("unknown keyword '%s'", key);
}

int
conf_load(struct conf *cfg, const char *path, bool must_exist,
    char **cause)
{
	struct pending p;
	FILE *fp;
	char *line = NULL, *why;
	size_t cap = 0, i;
	ssize_t len;
	unsigned long lineno = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	/* Work on a copy so that a bad line leaves cfg as it was. */
	memset(&p, 0, sizeof p);
	for (i = 0; i < cfg->nfeeds; i++)
		add_feed(&p.feeds, &p.nfeeds, cfg->feeds[i].url,
		    cfg->feeds[i].name);
	p.cache = cfg->cache != NULL ? xstrdup(cfg->cache) : NULL;
	p.limits = cfg->limits;

	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (strlen(line) != (size_t)len)
			goto bad_nul;
		trim(line);
		if ((why = parse_line(&p, line)) != NULL) {
			*cause = xasprintf("%s:%lu: %s", path, lineno, why);
			free(why);
			goto fail;
		}
	}
	if (ferror(fp)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	free(line);
	fclose(fp);
	clear_feeds(cfg->feeds, cfg->nfeeds);
	free(cfg->cache);
	cfg->feeds = p.feeds;
	cfg->nfeeds = p.nfeeds;
	cfg->cache = p.cache;
	cfg->limits = p.limits;
	return 0;

bad_nul:
	*cause = xasprintf("%s:%lu: NUL byte in line", path, lineno);
fail:
	free(line);
	fclose(fp);
	clear_feeds(p.feeds, p.nfeeds);
	free(p.cache);
	return -1;
}
