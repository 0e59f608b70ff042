/* uri_test.c - RFC 3986 resolution, the scheme allow-list, file URIs. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "uri.h"

static void
resolve_is(const char *base, const char *ref, const char *want, int line)
{
	char *got;

	got = uri_resolve(base, ref);
	if (got == NULL || want == NULL ? got != want : strcmp(got, want) != 0)
		OK(0, "line %d: resolve \"%s\" against \"%s\": got \"%s\" "
		    "want \"%s\"", line, ref ? ref : "(null)",
		    base ? base : "(null)", got ? got : "(null)",
		    want ? want : "(null)");
	else
		OK(1, "ok");
	free(got);
}
#define RESOLVE(b, r, w) resolve_is(b, r, w, __LINE__)

/* RFC 3986 section 5.4: every example, normal and abnormal. */
static void
test_rfc3986(void)
{
	static const char *const cases[][2] = {
		/* 5.4.1 Normal Examples */
		{ "g:h", "g:h" },
		{ "g", "http://a/b/c/g" },
		{ "./g", "http://a/b/c/g" },
		{ "g/", "http://a/b/c/g/" },
		{ "/g", "http://a/g" },
		{ "//g", "http://g" },
		{ "?y", "http://a/b/c/d;p?y" },
		{ "g?y", "http://a/b/c/g?y" },
		{ "#s", "http://a/b/c/d;p?q#s" },
		{ "g#s", "http://a/b/c/g#s" },
		{ "g?y#s", "http://a/b/c/g?y#s" },
		{ ";x", "http://a/b/c/;x" },
		{ "g;x", "http://a/b/c/g;x" },
		{ "g;x?y#s", "http://a/b/c/g;x?y#s" },
		{ "", "http://a/b/c/d;p?q" },
		{ ".", "http://a/b/c/" },
		{ "./", "http://a/b/c/" },
		{ "..", "http://a/b/" },
		{ "../", "http://a/b/" },
		{ "../g", "http://a/b/g" },
		{ "../..", "http://a/" },
		{ "../../", "http://a/" },
		{ "../../g", "http://a/g" },
		/* 5.4.2 Abnormal Examples */
		{ "../../../g", "http://a/g" },
		{ "../../../../g", "http://a/g" },
		{ "/./g", "http://a/g" },
		{ "/../g", "http://a/g" },
		{ "g.", "http://a/b/c/g." },
		{ ".g", "http://a/b/c/.g" },
		{ "g..", "http://a/b/c/g.." },
		{ "..g", "http://a/b/c/..g" },
		{ "./../g", "http://a/b/g" },
		{ "./g/.", "http://a/b/c/g/" },
		{ "g/./h", "http://a/b/c/g/h" },
		{ "g/../h", "http://a/b/c/h" },
		{ "g;x=1/./y", "http://a/b/c/g;x=1/y" },
		{ "g;x=1/../y", "http://a/b/c/y" },
		{ "g?y/./x", "http://a/b/c/g?y/./x" },
		{ "g?y/../x", "http://a/b/c/g?y/../x" },
		{ "g#s/./x", "http://a/b/c/g#s/./x" },
		{ "g#s/../x", "http://a/b/c/g#s/../x" },
		{ "http:g", "http:g" },		/* strict parsers */
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		resolve_is("http://a/b/c/d;p?q", cases[i][0], cases[i][1],
		    (int)i);
}

static void
test_resolve(void)
{
	const char *feed = "https://mesos.apache.org/blog/feed.xml";

	/* The Mesos feed: site-absolute and relative entry links. */
	RESOLVE(feed, "/blog/mesos-community-update-1/",
	    "https://mesos.apache.org/blog/mesos-community-update-1/");
	RESOLVE(feed, "mesos-community-update-1/",
	    "https://mesos.apache.org/blog/mesos-community-update-1/");
	RESOLVE(feed, "../downloads/",
	    "https://mesos.apache.org/downloads/");
	RESOLVE(feed, "#comments",
	    "https://mesos.apache.org/blog/feed.xml#comments");
	RESOLVE(feed, "//mesosphere.io/downloads/",
	    "https://mesosphere.io/downloads/");
	RESOLVE(feed, "mailto:community@mesosphere.io",
	    "mailto:community@mesosphere.io");
	RESOLVE("https://mesos.apache.org/", "/blog/mesos-0-20-0-released/",
	    "https://mesos.apache.org/blog/mesos-0-20-0-released/");
	RESOLVE("https://mesos.apache.org/", "blog/",
	    "https://mesos.apache.org/blog/");
	/* xml:base nesting: a relative base resolved first, then the ref. */
	RESOLVE("https://example.org/blog/2014/", "03/post.html",
	    "https://example.org/blog/2014/03/post.html");
	/* A base without a path. */
	RESOLVE("http://a", "g", "http://a/g");
	RESOLVE("http://a", "", "http://a");
	RESOLVE("http://a", "?y", "http://a?y");
	RESOLVE("http://a", "../g", "http://a/g");
	/* Local files. */
	RESOLVE("file:///srv/feeds/mesos.xml", "post.html",
	    "file:///srv/feeds/post.html");
	RESOLVE("file:///srv/feeds/mesos.xml", "/blog/x/",
	    "file:///blog/x/");
	/* White space around a reference is ignored. */
	RESOLVE(feed, "  \n/blog/x/ \t\n", "https://mesos.apache.org/blog/x/");
	RESOLVE(NULL, " /blog/x/ ", "/blog/x/");
	/* Without an absolute base a reference is left as it is. */
	RESOLVE(NULL, "/blog/x/", "/blog/x/");
	RESOLVE("blog/feed.xml", "x/", "x/");
	RESOLVE("", "x/", "x/");
	/* An absolute reference ignores the base. */
	RESOLVE(feed, "http://example.com/a/b", "http://example.com/a/b");
	RESOLVE(feed, "HTTPS://Example.COM/", "HTTPS://Example.COM/");
	/* 5.2.2: the path of an absolute reference loses its dot segments
	 * too. */
	RESOLVE(feed, "http://example.com/a/./b/../c",
	    "http://example.com/a/c");
	/* A NULL reference gives the base. */
	RESOLVE(feed, NULL, feed);
	RESOLVE(NULL, NULL, NULL);
}

static void
test_predicates(void)
{
	OK(uri_is_absolute("http://a/"), "http");
	OK(uri_is_absolute("mailto:x@y"), "mailto");
	OK(uri_is_absolute("g:h"), "g:h");
	OK(uri_is_absolute("a+b-c.d:x"), "scheme chars");
	OK(uri_is_absolute("file:///etc/passwd"), "file");
	OK(!uri_is_absolute("/blog/x/"), "path");
	OK(!uri_is_absolute("blog/x:y"), "colon after a slash");
	OK(!uri_is_absolute("1http://a/"), "digit first");
	OK(!uri_is_absolute(":x"), "empty scheme");
	OK(!uri_is_absolute(""), "empty");
	OK(!uri_is_absolute(NULL), "NULL");

	OK(uri_is_openable("http://mesos.apache.org/"), "http");
	OK(uri_is_openable("https://mesos.apache.org/"), "https");
	OK(uri_is_openable("HTTPS://MESOS.APACHE.ORG/"), "upper case");
	OK(uri_is_openable("mailto:community@mesosphere.io"), "mailto");
	OK(uri_is_openable("MailTo:a@b"), "mixed case mailto");
	OK(!uri_is_openable("javascript:alert(1)"), "javascript");
	OK(!uri_is_openable("JavaScript:alert(1)"), "JavaScript");
	OK(!uri_is_openable("file:///etc/passwd"), "file");
	OK(!uri_is_openable("data:text/html,<b>x</b>"), "data");
	OK(!uri_is_openable("ftp://ftp.example.org/"), "ftp");
	OK(!uri_is_openable("vbscript:x"), "vbscript");
	OK(!uri_is_openable("httpx://a/"), "httpx");
	OK(!uri_is_openable("http"), "no colon");
	OK(!uri_is_openable("mailtox:a@b"), "mailtox");
	OK(!uri_is_openable("/blog/x/"), "relative");
	OK(!uri_is_openable(" http://a/"), "leading space");
	OK(!uri_is_openable("\x1bhttp://a/"), "leading ESC");
	OK(!uri_is_openable(""), "empty");
	OK(!uri_is_openable(NULL), "NULL");

	OK(uri_is_remote("http://a/"), "http");
	OK(uri_is_remote("Https://a/"), "https");
	OK(!uri_is_remote("mailto:a@b"), "mailto");
	OK(!uri_is_remote("file:///tmp/x"), "file");
	OK(!uri_is_remote("/tmp/x"), "path");
	OK(!uri_is_remote(NULL), "NULL");
}

static void
test_host(void)
{
	char *h;

	STR_EQ(h = uri_host("https://mesos.apache.org/blog/"),
	    "mesos.apache.org");
	free(h);
	STR_EQ(h = uri_host("http://user:pw@example.org:8080/x"),
	    "example.org");
	free(h);
	STR_EQ(h = uri_host("http://[::1]:8080/"), "[::1]");
	free(h);
	STR_EQ(h = uri_host("http://example.org?q"), "example.org");
	free(h);
	STR_EQ(h = uri_host("mailto:a@example.org"), NULL);
	free(h);
	STR_EQ(h = uri_host("/blog/x/"), NULL);
	free(h);
}

static void
path_is(const char *uri, const char *want, int line)
{
	char *got;

	got = uri_to_path(uri);
	if (got == NULL || want == NULL ? got != want : strcmp(got, want) != 0)
		OK(0, "line %d: uri_to_path(\"%s\"): got \"%s\" want \"%s\"",
		    line, uri, got ? got : "(null)", want ? want : "(null)");
	else
		OK(1, "ok");
	free(got);
}
#define TO_PATH(u, w) path_is(u, w, __LINE__)

static void
test_file_uris(void)
{
	static const char *const paths[] = {
		"/tmp/x.xml",
		"/tmp/a b/c.xml",
		"/tmp/100%.xml",
		"/tmp/a#b?c.xml",
		"/tmp/caf\xc3\xa9/\xe4\xb8\xad.atom",
		"/tmp/[x]{y}\"<>\\^`|.xml",
		"/tmp/tab\there",
		"/",
	};
	char cwd[PATH_MAX], *u, *p, *want;
	size_t i;

	u = uri_from_path("/tmp/a b/c.xml");
	STR_EQ(u, "file:///tmp/a%20b/c.xml");
	free(u);
	u = uri_from_path("/tmp/100%.xml");
	STR_EQ(u, "file:///tmp/100%25.xml");
	free(u);
	u = uri_from_path("/tmp/a#b?c.xml");
	STR_EQ(u, "file:///tmp/a%23b%3Fc.xml");
	free(u);
	u = uri_from_path("/tmp/caf\xc3\xa9");
	STR_EQ(u, "file:///tmp/caf%C3%A9");
	free(u);
	u = uri_from_path("/srv/feeds/mesos-2014.atom");
	STR_EQ(u, "file:///srv/feeds/mesos-2014.atom");
	free(u);

	/* A relative path is made absolute against the current directory. */
	if (getcwd(cwd, sizeof cwd) != NULL && chdir("/tmp") == 0) {
		u = uri_from_path("feed.xml");
		STR_EQ(u, "file:///tmp/feed.xml");
		free(u);
		if (chdir("/") == 0) {
			u = uri_from_path("srv/feed.xml");
			STR_EQ(u, "file:///srv/feed.xml");
			free(u);
		}
		OK(chdir(cwd) == 0, "chdir back");
	} else
		OK(0, "getcwd/chdir");

	/* Round trips. */
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		u = uri_from_path(paths[i]);
		OK(strncmp(u, "file:///", 8) == 0, "%s", u);
		OK(strchr(u, ' ') == NULL && strchr(u, '#') == NULL &&
		    strchr(u, '?') == NULL && strchr(u, '\t') == NULL,
		    "%s is escaped", u);
		p = uri_to_path(u);
		STR_EQ(p, paths[i]);
		free(p);
		free(u);
	}

	TO_PATH("file:///tmp/x.xml", "/tmp/x.xml");
	TO_PATH("FILE:///tmp/x.xml", "/tmp/x.xml");
	TO_PATH("file://localhost/tmp/x.xml", "/tmp/x.xml");
	TO_PATH("file:/tmp/x.xml", "/tmp/x.xml");
	TO_PATH("file:///tmp/a%20b", "/tmp/a b");
	TO_PATH("file:///tmp/caf%c3%a9", "/tmp/caf\xc3\xa9");
	TO_PATH("file:///tmp/x.xml?q=1#frag", "/tmp/x.xml");
	TO_PATH("file:///tmp/100%zz", "/tmp/100%zz");
	TO_PATH("file:///tmp/%", "/tmp/%");
	TO_PATH("file://example.org/tmp/x.xml", NULL);
	TO_PATH("http://example.org/x.xml", NULL);
	TO_PATH("/tmp/x.xml", NULL);
	TO_PATH("filex:///tmp/x.xml", NULL);

	/* A path that is made absolute and round-trips. */
	want = NULL;
	if (getcwd(cwd, sizeof cwd) != NULL) {
		u = uri_from_path("tests/feeds/x.atom");
		p = uri_to_path(u);
		want = malloc(strlen(cwd) + 32);
		if (want != NULL) {
			strcpy(want, cwd);
			strcat(want, strcmp(cwd, "/") ? "/" : "");
			strcat(want, "tests/feeds/x.atom");
		}
		STR_EQ(p, want);
		free(p);
		free(u);
	}
	free(want);
}

int
main(void)
{
	HARNESS_INIT();
	test_rfc3986();
	test_resolve();
	test_predicates();
	test_host();
	test_file_uris();
	DONE();
}
