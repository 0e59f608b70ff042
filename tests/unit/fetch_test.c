/* fetch_test.c - the fetcher: local files and failures that need no
 * server always; with FETCH_TEST_PORT (set by tests/net_fetch.sh, which
 * runs tests/httpd.py) every HTTP case against the loopback server. */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fetch.h"
#include "harness.h"
#include "util.h"

static char dir[] = "/tmp/mn-fetch-XXXXXX";
static int port;
static const char *root, *logpath;

struct result {
	int		 done;
	enum fetch_status status;
	long		 code;
	char		*error;
	char		*etag;
	char		*lm;
	char		*charset;
	char		*effective;
	struct buf	 body;
	int		 chunks;
	size_t		 fail_after;	/* body fails past this */
};

static int
body_cb(const struct fetch_info *info, const void *data, size_t len,
    void *arg, char **cause)
{
	struct result *r = arg;

	OK(info->status == FETCH_OK, "status during body");
	buf_add(&r->body, data, len);
	r->chunks++;
	OK(info->size == r->body.len, "size %zu vs %zu", info->size,
	    r->body.len);
	if (r->fail_after > 0 && r->body.len > r->fail_after) {
		*cause = xstrdup("the parser gave up");
		return -1;
	}
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
done_cb(const struct fetch_info *info, void *arg)
{
	struct result *r = arg;

	r->done++;
	r->status = info->status;
	r->code = info->http_code;
	r->error = dup_or_null(info->error);
	r->etag = dup_or_null(info->etag);
	r->lm = dup_or_null(info->last_modified);
	r->charset = dup_or_null(info->charset);
	r->effective = dup_or_null(info->effective_url);
	OK((info->status == FETCH_ERROR) == (info->error != NULL),
	    "error iff FETCH_ERROR");
}

static void
result_free(struct result *r)
{
	free(r->error);
	free(r->etag);
	free(r->lm);
	free(r->charset);
	free(r->effective);
	buf_free(&r->body);
	free(r);
}

/* Fetch url to the end with fetch_wait. */
static struct result *
get_full(const char *url, const char *etag, const char *lm,
    const struct fetch_limits *limits, size_t fail_after)
{
	struct fetch_request req = { url, etag, lm, NULL };
	struct result *r = xcalloc(1, sizeof *r);
	struct fetch *f = fetch_new(limits);
	char *cause = NULL;
	double start = harness_now();

	r->fail_after = fail_after;
	if (fetch_add(f, &req, body_cb, done_cb, r, &cause) != 0) {
		r->done = 1;
		r->status = FETCH_ERROR;
		r->error = cause;
	}
	while (fetch_running(f) > 0 && harness_now() - start < 20)
		fetch_wait(f, 500);
	INT_EQ(fetch_running(f), 0);
	INT_EQ(r->done, 1);
	fetch_free(f);
	return r;
}

static struct result *
get(const char *url)
{
	return get_full(url, NULL, NULL, NULL, 0);
}

static char *
slurp(const char *path)
{
	char *s = harness_slurp(path, NULL);

	if (s == NULL) {
		perror(path);
		exit(99);
	}
	return s;
}

static char *
url_for(const char *path)
{
	return xasprintf("http://127.0.0.1:%d%s", port, path);
}

/* A loopback port nobody listens on. */
static int
closed_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int s = socket(AF_INET, SOCK_STREAM, 0), p;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)&sin, sizeof sin) != 0 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) != 0) {
		perror("socket");
		exit(99);
	}
	p = ntohs(sin.sin_port);
	close(s);
	return p;
}

static void
test_local(void)
{
	struct fetch_limits small = FETCH_LIMITS_DEFAULT;
	struct result *r;
	char *path, *url, *want, *missing;
	FILE *fp;
	int i;

	path = xasprintf("%s/feed with space.xml", dir);
	fp = fopen(path, "w");
	for (i = 0; i < 5000; i++)
		fprintf(fp, "<line n=\"%d\"/>\n", i);
	fclose(fp);
	want = slurp(path);

	/* A plain path and a file URL give the same bytes. */
	r = get(path);
	INT_EQ(r->status, FETCH_OK);
	STR_EQ(r->error, NULL);
	INT_EQ(r->code, 0);
	STR_EQ(r->etag, NULL);
	STR_EQ(r->charset, NULL);
	INT_EQ(r->body.len, strlen(want));
	OK(r->body.len > 0 && memcmp(r->body.data, want, r->body.len) == 0,
	    "file body");
	url = xasprintf("file://%s/feed%%20with%%20space.xml", dir);
	STR_EQ(r->effective, url);
	result_free(r);
	r = get(url);
	INT_EQ(r->status, FETCH_OK);
	INT_EQ(r->body.len, strlen(want));
	result_free(r);

	/* The size cap holds for files too. */
	small.max_size = 1000;
	r = get_full(path, NULL, NULL, &small, 0);
	INT_EQ(r->status, FETCH_ERROR);
	free(want);
	want = xasprintf("%s: response larger than the 1000 bytes limit",
	    path);
	STR_EQ(r->error, want);
	OK(r->body.len <= 1000, "no more than the cap delivered");
	result_free(r);
	small.max_size = 2 << 10;
	r = get_full(path, NULL, NULL, &small, 0);
	free(want);
	want = xasprintf("%s: response larger than the 2 KiB limit", path);
	STR_EQ(r->error, want);
	result_free(r);

	/* The consumer can stop a transfer with its reason. */
	r = get_full(path, NULL, NULL, NULL, 10);
	INT_EQ(r->status, FETCH_ERROR);
	free(want);
	want = xasprintf("%s: the parser gave up", path);
	STR_EQ(r->error, want);
	result_free(r);

	missing = xasprintf("%s/missing.xml", dir);
	r = get(missing);
	free(want);
	want = xasprintf("%s: No such file or directory", missing);
	STR_EQ(r->error, want);
	result_free(r);
	r = get(dir);
	free(want);
	want = xasprintf("%s: Is a directory", dir);
	STR_EQ(r->error, want);
	result_free(r);

	r = get("ftp://127.0.0.1/feed.xml");
	STR_EQ(r->error, "ftp://127.0.0.1/feed.xml: unsupported URL scheme "
	    "(only http, https and file)");
	result_free(r);
	r = get("gopher:x");
	STR_EQ(r->error, "gopher:x: unsupported URL scheme (only http, "
	    "https and file)");
	result_free(r);

	unlink(path);
	free(missing);
	free(want);
	free(url);
	free(path);
}

static void
test_no_server(void)
{
	struct result *r;
	char *url, *want;
	int p = closed_port();

	url = xasprintf("http://127.0.0.1:%d/feed.xml", p);
	r = get(url);
	INT_EQ(r->status, FETCH_ERROR);
	want = xasprintf("%s: cannot connect: Connection refused", url);
	STR_EQ(r->error, want);
	result_free(r);
	free(want);
	free(url);

	r = get("http://nonexistent.invalid/feed.xml");
	STR_EQ(r->error, "http://nonexistent.invalid/feed.xml: cannot "
	    "resolve host name nonexistent.invalid");
	result_free(r);

	STR_EQ(url = fetch_url("https://x/"), "https://x/");
	free(url);
	STR_EQ(url = fetch_url("/a b"), "file:///a%20b");
	free(url);
}

static void
test_http_basic(void)
{
	struct result *r, *r2;
	char *url, *want, *path, *log, *p;

	path = xasprintf("%s/updates-1.atom", root);
	want = slurp(path);
	url = url_for("/f/updates-1.atom?ctype=application/atom%2bxml;"
	    "%20charset=%22ISO-8859-1%22");
	r = get(url);
	INT_EQ(r->status, FETCH_OK);
	INT_EQ(r->code, 200);
	STR_EQ(r->error, NULL);
	STR_EQ(r->charset, "ISO-8859-1");
	STR_EQ(r->effective, url);
	OK(r->etag != NULL && strlen(r->etag) == 18 && r->etag[0] == '"',
	    "etag %s", r->etag);
	OK(r->lm != NULL && strstr(r->lm, " GMT") != NULL, "lm %s", r->lm);
	INT_EQ(r->body.len, strlen(want));
	OK(r->body.len > 0 && memcmp(r->body.data, want, r->body.len) == 0,
	    "http body");

	/* The second fetch is conditional and gets 304 without a body. */
	r2 = get_full(url, r->etag, r->lm, NULL, 0);
	INT_EQ(r2->status, FETCH_NOT_MODIFIED);
	INT_EQ(r2->code, 304);
	INT_EQ(r2->body.len, 0);
	INT_EQ(r2->chunks, 0);
	STR_EQ(r2->error, NULL);
	result_free(r2);
	/* Only Last-Modified known: If-Modified-Since alone works too. */
	r2 = get_full(url, NULL, r->lm, NULL, 0);
	INT_EQ(r2->status, FETCH_NOT_MODIFIED);
	result_free(r2);
	/* A stale ETag gets the full body. */
	r2 = get_full(url, "\"stale\"", NULL, NULL, 0);
	INT_EQ(r2->status, FETCH_OK);
	INT_EQ(r2->body.len, strlen(want));
	result_free(r2);

	/* What the server saw. */
	log = slurp(logpath);
	OK(strstr(log, "User-Agent: mesosnews/" PACKAGE_VERSION "\n") !=
	    NULL, "user agent");
	p = xasprintf("If-None-Match: %s\nIf-Modified-Since: %s\n", r->etag,
	    r->lm);
	OK(strstr(log, p) != NULL, "conditional headers: %s", log);
	free(p);
	OK(strstr(log, "Accept-Encoding: ") != NULL &&
	    strstr(strstr(log, "Accept-Encoding: "), "gzip") != NULL,
	    "accepts gzip");
	free(log);
	result_free(r);
	free(url);

	/* Compressed and chunked bodies arrive decoded. */
	url = url_for("/f/updates-1.atom?gzip");
	r = get(url);
	INT_EQ(r->status, FETCH_OK);
	INT_EQ(r->body.len, strlen(want));
	OK(r->body.len > 0 && memcmp(r->body.data, want, r->body.len) == 0,
	    "gzip body");
	result_free(r);
	free(url);
	url = url_for("/f/updates-1.atom?gzip&chunked");
	r = get(url);
	INT_EQ(r->body.len, strlen(want));
	result_free(r);
	free(url);

	/* 204 is a success with no body: the parser will say it is empty. */
	url = url_for("/f/updates-1.atom?status=204");
	r = get(url);
	INT_EQ(r->status, FETCH_OK);
	INT_EQ(r->code, 204);
	INT_EQ(r->body.len, 0);
	result_free(r);
	free(url);

	/* Up to five redirects are followed. */
	url = url_for("/redirect/4/f/updates-1.atom?noetag");
	r = get(url);
	INT_EQ(r->status, FETCH_OK);
	INT_EQ(r->body.len, strlen(want));
	free(url);
	url = url_for("/f/updates-1.atom?noetag");
	STR_EQ(r->effective, url);
	STR_EQ(r->etag, NULL);
	result_free(r);
	free(url);
	free(want);
	free(path);
}

static void
check_error(const char *path, const char *reason,
    const struct fetch_limits *limits)
{
	struct result *r;
	char *url = url_for(path), *want = xasprintf("%s: %s", url, reason);

	r = get_full(url, NULL, NULL, limits, 0);
	INT_EQ(r->status, FETCH_ERROR);
	STR_EQ(r->error, want);
	result_free(r);
	free(want);
	free(url);
}

static void
test_http_errors(void)
{
	struct fetch_limits limits = FETCH_LIMITS_DEFAULT;
	double start;

	check_error("/f/nothere.atom", "HTTP 404 Not Found", NULL);
	check_error("/f/updates-1.atom?status=500",
	    "HTTP 500 Internal Server Error", NULL);
	check_error("/redirect/5/f/updates-1.atom",
	    "too many redirects (more than 5)", NULL);
	check_error("/loop", "too many redirects (more than 5)", NULL);
	check_error("/redirect-to?url=ftp://127.0.0.1/x",
	    "redirected to a URL that is not http or https", NULL);
	check_error("/redirect-to?url=file:///etc/passwd",
	    "redirected to a URL that is not http or https", NULL);
	check_error("/f/updates-1.atom?truncate=100", "truncated: the "
	    "connection closed before the end of the response", NULL);
	check_error("/f/updates-1.atom?badgzip", "cannot decompress the "
	    "response (bad Content-Encoding data)", NULL);
	check_error("/close", "the server closed the connection without a "
	    "response", NULL);

	/* Size cap: announced, chunked, and compressed. */
	limits.max_size = 1 << 20;
	check_error("/big?size=2000000", "response larger than the 1 MiB "
	    "limit", &limits);
	check_error("/big?size=2000000&chunked", "response larger than the "
	    "1 MiB limit", &limits);
	check_error("/big?size=2000000&gzip", "response larger than the "
	    "1 MiB limit", &limits);
	limits.max_size = 1500000;
	check_error("/big?size=2000000&gzip&chunked", "response larger than "
	    "the 1500000 bytes limit", &limits);

	/* A slow drip stalls; a slow server times out. */
	limits.max_size = 1 << 20;
	limits.stall_timeout = 1;
	start = harness_now();
	check_error("/f/updates-1.atom?drip=100",
	    "transfer stalled: under 64 bytes/s for 1 s", &limits);
	OK(harness_now() - start < 4, "stall detected in %.1f s", harness_now() - start);
	limits.stall_timeout = 30;
	limits.total_timeout = 1;
	check_error("/f/updates-1.atom?delay=3000", "timed out after 1 s",
	    &limits);
}

/* Transfers run in parallel: ten answers delayed 400 ms each take far
 * less than ten times that. */
static void
test_parallel(void)
{
	struct fetch *f = fetch_new(NULL);
	struct fetch_request req = { NULL, NULL, NULL, NULL };
	struct result r[10];
	char *urls[10], *cause = NULL;
	double start = harness_now();
	int i, ok = 0;

	memset(r, 0, sizeof r);
	for (i = 0; i < 10; i++) {
		urls[i] = xasprintf("http://127.0.0.1:%d/f/updates-%d.atom?"
		    "delay=400&n=%d", port, 1 + i % 2, i);
		req.url = urls[i];
		INT_EQ(fetch_add(f, &req, body_cb, done_cb, &r[i], &cause), 0);
	}
	INT_EQ(fetch_running(f), 10);
	while (fetch_running(f) > 0 && harness_now() - start < 10)
		fetch_wait(f, -1);
	OK(harness_now() - start < 2.0, "10 x 400 ms took %.2f s", harness_now() - start);
	for (i = 0; i < 10; i++) {
		ok += r[i].done == 1 && r[i].status == FETCH_OK &&
		    r[i].body.len > 1000;
		free(r[i].error);
		free(r[i].etag);
		free(r[i].lm);
		free(r[i].charset);
		free(r[i].effective);
		buf_free(&r[i].body);
		free(urls[i]);
	}
	INT_EQ(ok, 10);
	fetch_free(f);
}

/* The caller's own poll loop drives the fetch and sees its own
 * descriptor (the keyboard, here a pipe) while a transfer is under way. */
static void
test_poll_loop(void)
{
	struct fetch *f = fetch_new(NULL);
	struct fetch_request req = { NULL, NULL, NULL, NULL };
	struct result r;
	struct pollfd fds[32];
	char *url = url_for("/f/updates-2.atom?delay=600"), *cause = NULL, c;
	double start = harness_now(), key_at = 0;
	int pipefd[2], timeout;
	size_t n;

	memset(&r, 0, sizeof r);
	if (pipe(pipefd) != 0)
		exit(99);
	req.url = url;
	INT_EQ(fetch_add(f, &req, body_cb, done_cb, &r, &cause), 0);
	while (fetch_running(f) > 0 && harness_now() - start < 10) {
		if (harness_now() - start > 0.2 && key_at == 0 &&
		    write(pipefd[1], "k", 1) != 1)
			exit(99);
		fds[0].fd = pipefd[0];
		fds[0].events = POLLIN;
		fds[0].revents = 0;
		n = fetch_pollfds(f, fds + 1, nitems(fds) - 1);
		OK(n < nitems(fds), "%zu descriptors", n);
		timeout = fetch_timeout(f);
		if (timeout < 0 || timeout > 50)
			timeout = 50;
		if (poll(fds, n + 1, timeout) < 0)
			exit(99);
		if (fds[0].revents & POLLIN) {
			if (read(pipefd[0], &c, 1) != 1)
				exit(99);
			key_at = harness_now() - start;
			OK(fetch_running(f) == 1, "key seen mid-transfer");
		}
		fetch_perform(f, fds, n + 1);
	}
	OK(key_at > 0.15 && key_at < 0.5, "key handled at %.2f s", key_at);
	INT_EQ(r.done, 1);
	INT_EQ(r.status, FETCH_OK);
	OK(harness_now() - start >= 0.6, "transfer took the delay");
	fetch_free(f);
	free(r.error);
	free(r.etag);
	free(r.lm);
	free(r.charset);
	free(r.effective);
	buf_free(&r.body);
	free(url);
	close(pipefd[0]);
	close(pipefd[1]);
}

int
main(void)
{
	const char *p;

	HARNESS_INIT();
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_local();
	test_no_server();
	if ((p = getenv("FETCH_TEST_PORT")) != NULL) {
		port = atoi(p);
		root = getenv("FETCH_TEST_ROOT");
		logpath = getenv("FETCH_TEST_LOG");
		if (port <= 0 || root == NULL || logpath == NULL) {
			fprintf(stderr, "FETCH_TEST_ROOT and _LOG needed\n");
			return 99;
		}
		test_http_basic();
		test_http_errors();
		test_parallel();
		test_poll_loop();
	}
	rmdir(dir);
	DONE();
}
