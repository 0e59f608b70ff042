/* conf_test.c - the configuration file: defaults, each keyword, errors. */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "conf.h"
#include "util.h"

static char dir[] = "/tmp/mn-conf-XXXXXX";

static char *
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fputs(text, fp) == EOF || fclose(fp) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

/* Load text as a config file into cfg; returns the cause or NULL. */
static char *
load(struct conf *cfg, const char *text)
{
	char *path = write_file("config", text), *cause = NULL, *msg;

	if (conf_load(cfg, path, true, &cause) == 0) {
		free(path);
		return NULL;
	}
	/* Replace the temporary directory so messages compare exactly. */
	msg = xasprintf("CONFIG%s", cause + strlen(path));
	OK(strncmp(cause, path, strlen(path)) == 0, "%s", cause);
	free(cause);
	free(path);
	return msg;
}

static void
test_defaults(void)
{
	struct conf *cfg = conf_new();
	const struct fetch_limits *l = conf_limits(cfg);

	INT_EQ(conf_nfeeds(cfg), 0);
	STR_EQ(conf_cache(cfg), NULL);
	INT_EQ(l->connect_timeout, 10);
	INT_EQ(l->stall_timeout, 30);
	INT_EQ(l->total_timeout, 300);
	INT_EQ(l->max_size, 64 << 20);
	STR_EQ(conf_feed_url(cfg, 0), NULL);
	STR_EQ(CONF_DEFAULT_FEED, "https://mesos.apache.org/blog/feed.xml");
	conf_free(cfg);
}

static void
test_sizes(void)
{
	size_t n = 7;

	INT_EQ(conf_parse_size("64M", &n), 0);
	INT_EQ(n, 67108864);
	INT_EQ(conf_parse_size("1", &n), 0);
	INT_EQ(n, 1);
	INT_EQ(conf_parse_size("10k", &n), 0);
	INT_EQ(n, 10240);
	INT_EQ(conf_parse_size("2G", &n), 0);
	INT_EQ(n, 2147483648LL);
	n = 7;
	INT_EQ(conf_parse_size("0", &n), -1);
	INT_EQ(conf_parse_size("M", &n), -1);
	INT_EQ(conf_parse_size("12X", &n), -1);
	INT_EQ(conf_parse_size("-1", &n), -1);
	INT_EQ(conf_parse_size("1MB", &n), -1);
	INT_EQ(conf_parse_size("", &n), -1);
	INT_EQ(conf_parse_size("99999999999999999999999", &n), -1);
	INT_EQ(n, 7);
}

static void
test_good_file(void)
{
	struct conf *cfg = conf_new();
	const struct fetch_limits *l;
	char *cause;

	setenv("HOME", "/home/ann", 1);
	cause = load(cfg,
	    "# feeds I read\n"
	    "\n"
	    "feed https://mesos.apache.org/blog/feed.xml   Mesos blog  \n"
	    "  feed http://127.0.0.1:8080/a.xml\n"
	    "feed\t~/drafts/posts\n"
	    "feed https://mesos.apache.org/blog/feed.xml again\n"
	    "   # an indented comment\n"
	    "timeout-connect 3\r\n"
	    "timeout-stall   7\n"
	    "timeout-total 90\n"
	    "max-size 2M\n"
	    "cache ~/.cache/mn.db\n");
	STR_EQ(cause, NULL);
	free(cause);
	INT_EQ(conf_nfeeds(cfg), 3);
	STR_EQ(conf_feed_url(cfg, 0),
	    "https://mesos.apache.org/blog/feed.xml");
	STR_EQ(conf_feed_name(cfg, 0), "Mesos blog");
	STR_EQ(conf_feed_url(cfg, 1), "http://127.0.0.1:8080/a.xml");
	STR_EQ(conf_feed_name(cfg, 1), NULL);
	STR_EQ(conf_feed_url(cfg, 2), "/home/ann/drafts/posts");
	STR_EQ(conf_cache(cfg), "/home/ann/.cache/mn.db");
	l = conf_limits(cfg);
	INT_EQ(l->connect_timeout, 3);
	INT_EQ(l->stall_timeout, 7);
	INT_EQ(l->total_timeout, 90);
	INT_EQ(l->max_size, 2 << 20);

	/* A later file adds to what is there. */
	cause = load(cfg, "feed file:///srv/x.atom\ncache /var/mn.db\n");
	STR_EQ(cause, NULL);
	INT_EQ(conf_nfeeds(cfg), 4);
	STR_EQ(conf_feed_url(cfg, 3), "file:///srv/x.atom");
	STR_EQ(conf_cache(cfg), "/var/mn.db");
	conf_add_feed(cfg, "file:///srv/x.atom", "dup");
	conf_add_feed(cfg, "/tmp/y.rss", "");
	INT_EQ(conf_nfeeds(cfg), 5);
	STR_EQ(conf_feed_name(cfg, 4), NULL);
	conf_free(cfg);
}

static void
test_bad_lines(void)
{
	static const struct {
		const char	*text;
		const char	*cause;
	} cases[] = {
		{ "feed a\ncolour red\n",
		  "CONFIG:2: unknown keyword 'colour'" },
		{ "\n\n  feed   \n", "CONFIG:3: feed needs a URL or a path" },
		{ "cache\n", "CONFIG:1: cache needs a path" },
		{ "timeout-connect ten\n", "CONFIG:1: timeout-connect needs "
		  "a number of seconds from 1 to 86400, not 'ten'" },
		{ "timeout-stall 0\n", "CONFIG:1: timeout-stall needs a "
		  "number of seconds from 1 to 86400, not '0'" },
		{ "timeout-total 5 s\n", "CONFIG:1: timeout-total needs a "
		  "number of seconds from 1 to 86400, not '5 s'" },
		{ "timeout-total\n", "CONFIG:1: timeout-total needs a "
		  "number of seconds from 1 to 86400, not ''" },
		{ "max-size 64MB\n", "CONFIG:1: max-size needs a size such "
		  "as 64M, not '64MB'" },
		{ "Feed x\n", "CONFIG:1: unknown keyword 'Feed'" },
		{ "feed x\nfeed\0y\n", "CONFIG:2: NUL byte in line" },
	};
	struct conf *cfg;
	char *cause, *path;
	size_t i;
	FILE *fp;

	for (i = 0; i < nitems(cases); i++) {
		cfg = conf_new();
		conf_add_feed(cfg, "http://keep/", NULL);
		if (i == nitems(cases) - 1) {
			/* fputs would stop at the NUL. */
			path = xasprintf("%s/config", dir);
			fp = fopen(path, "w");
			fwrite(cases[i].text, 1, 13, fp);
			fclose(fp);
			cause = NULL;
			OK(conf_load(cfg, path, true, &cause) == -1, "nul");
			OK(cause != NULL && strstr(cause, ":2: NUL byte in "
			    "line") != NULL, "%s", cause);
			free(path);
		} else {
			cause = load(cfg, cases[i].text);
			STR_EQ(cause, cases[i].cause);
		}
		free(cause);
		/* A failed load changes nothing. */
		INT_EQ(conf_nfeeds(cfg), 1);
		STR_EQ(conf_feed_url(cfg, 0), "http://keep/");
		INT_EQ(conf_limits(cfg)->connect_timeout, 10);
		conf_free(cfg);
	}
}

static void
test_missing(void)
{
	struct conf *cfg = conf_new();
	char *path = xasprintf("%s/nope", dir), *cause = NULL, *want;

	INT_EQ(conf_load(cfg, path, false, &cause), 0);
	STR_EQ(cause, NULL);
	INT_EQ(conf_load(cfg, path, true, &cause), -1);
	want = xasprintf("%s: No such file or directory", path);
	STR_EQ(cause, want);
	free(want);
	free(cause);
	free(path);
	conf_free(cfg);
}

static void
test_default_paths(void)
{
	char *p;

	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	STR_EQ(p = conf_default_path(), "/x/conf/mesosnews/config");
	free(p);
	STR_EQ(p = conf_default_cache(), "/x/cache/mesosnews/cache.db");
	free(p);
	/* Relative XDG paths are invalid and ignored. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	unsetenv("XDG_CACHE_HOME");
	setenv("HOME", "/h", 1);
	STR_EQ(p = conf_default_path(), "/h/.config/mesosnews/config");
	free(p);
	STR_EQ(p = conf_default_cache(), "/h/.cache/mesosnews/cache.db");
	free(p);
	unsetenv("HOME");
	unsetenv("XDG_CONFIG_HOME");
	STR_EQ(conf_default_path(), NULL);
}

int
main(void)
{
	char *path;

	HARNESS_INIT();
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_defaults();
	test_sizes();
	test_good_file();
	test_bad_lines();
	test_missing();
	test_default_paths();
	path = xasprintf("%s/config", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	DONE();
}
