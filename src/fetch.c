/* fetch.c - the only libcurl code: a curl multi driven by the caller's
 * poll loop through the socket and timer callbacks. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include <curl/curl.h>

#include "buf.h"
#include "fetch.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

#define USER_AGENT	"mesosnews/" PACKAGE_VERSION
#define FILE_BUFFER	(256L << 10)	/* read size for file URLs */

/* rc = curl_easy_setopt(...) unless an earlier option failed. */
#define SETOPT(rc, e, opt, val) do {					\
	if ((rc) == CURLE_OK)						\
		(rc) = curl_easy_setopt((e), (opt), (val));		\
} while (0)

#ifndef CURL_WRITEFUNC_ERROR
#define CURL_WRITEFUNC_ERROR 0xFFFFFFFF
#endif

struct transfer {
	struct fetch		*f;
	CURL			*easy;
	struct transfer		*next;
	char			*url;		/* as given */
	bool			 is_file;
	struct fetch_limits	 limits;
	struct curl_slist	*headers;
	fetch_body_fn		 body;
	fetch_done_fn		 done;
	void			*arg;
	char			 errbuf[CURL_ERROR_SIZE];

	/* Of the latest response (a redirect starts a new one). */
	long			 code;
	char			*reason;
	char			*etag;
	char			*last_modified;
	char			*charset;

	size_t			 size;
	bool			 started;	/* body has begun */
	char			*error;		/* why we stopped */
};

struct sock {
	curl_socket_t		 fd;
	int			 what;		/* CURL_POLL_* */
};

struct fetch {
	CURLM			*multi;
	struct fetch_limits	 limits;
	struct transfer		*list;
	size_t			 running;
	struct sock		*socks;
	size_t			 nsocks;
	size_t			 socks_cap;
	long long		 deadline;	/* ms, monotonic; -1 none */
};

static int
socket_cb(CURL *easy, curl_socket_t fd, int what, void *userp, void *sockp)
{
	struct fetch *f = userp;
	size_t i;

	for (i = 0; i < f->nsocks; i++)
		if (f->socks[i].fd == fd)
			break;
	if (what == CURL_POLL_REMOVE) {
		if (i < f->nsocks)
			f->socks[i] = f->socks[--f->nsocks];
		return 0;
	}
	if (i == f->nsocks) {
		if (f->nsocks == f->socks_cap) {
			f->socks_cap = f->socks_cap ? f->socks_cap * 2 : 8;
			f->socks = xreallocarray(f->socks, f->socks_cap,
			    sizeof *f->socks);
		}
		f->nsocks++;
	}
	f->socks[i].fd = fd;
	f->socks[i].what = what;
	return 0;
}

static int
timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
	struct fetch *f = userp;

	f->deadline = timeout_ms < 0 ? -1 : util_now_ms() + timeout_ms;
	return 0;
}

struct fetch *
fetch_new(const struct fetch_limits *limits)
{
	static bool initialised;
	static const struct fetch_limits defaults = FETCH_LIMITS_DEFAULT;
	struct fetch *f;

	if (!initialised) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
			fatal("cannot initialise libcurl");
		initialised = true;
	}
	f = xcalloc(1, sizeof *f);
	f->limits = limits != NULL ? *limits : defaults;
	f->deadline = -1;
	if ((f->multi = curl_multi_init()) == NULL)
		fatal("cannot initialise libcurl");
	/* Any number of feeds, a sane number of connections: the rest
	 * wait in libcurl's queue (where no stall timer runs). */
	if (curl_multi_setopt(f->multi, CURLMOPT_SOCKETFUNCTION, socket_cb) !=
	    CURLM_OK ||
	    curl_multi_setopt(f->multi, CURLMOPT_SOCKETDATA, f) != CURLM_OK ||
	    curl_multi_setopt(f->multi, CURLMOPT_TIMERFUNCTION, timer_cb) !=
	    CURLM_OK ||
	    curl_multi_setopt(f->multi, CURLMOPT_TIMERDATA, f) != CURLM_OK ||
	    curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)FETCH_MAX_CONNECTIONS) != CURLM_OK ||
	    curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)FETCH_MAX_HOST_CONNECTIONS) != CURLM_OK)
		fatal("cannot set up libcurl");
	return f;
}

static void
response_reset(struct transfer *t)
{
	t->code = 0;
	free(t->reason);
	free(t->etag);
	free(t->last_modified);
	free(t->charset);
	t->reason = t->etag = t->last_modified = t->charset = NULL;
}

static void
transfer_free(struct transfer *t)
{
	if (t->easy != NULL) {
		curl_multi_remove_handle(t->f->multi, t->easy);
		curl_easy_cleanup(t->easy);
	}
	curl_slist_free_all(t->headers);
	response_reset(t);
	free(t->url);
	free(t->error);
	free(t);
}

void
fetch_free(struct fetch *f)
{
	struct transfer *t, *next;

	if (f == NULL)
		return;
	for (t = f->list; t != NULL; t = next) {
		next = t->next;
		transfer_free(t);
	}
	curl_multi_cleanup(f->multi);
	free(f->socks);
	free(f);
}

char *
fetch_url(const char *source)
{
	if (uri_is_absolute(source))
		return xstrdup(source);
	return uri_from_path(source);
}

static bool
has_scheme(const char *url, const char *scheme)
{
	size_t len = strlen(scheme);

	return strncasecmp(url, scheme, len) == 0 && url[len] == ':';
}

/* A header value fit to send back: one line, no controls, bounded. */
static bool
header_value_ok(const char *s)
{
	size_t len = 0;

	for (; *s != '\0'; s++, len++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return len > 0 && len < 1024;
}

static void
add_header(struct transfer *t, const char *name, const char *value)
{
	char *line;

	if (value == NULL || !header_value_ok(value))
		return;
	line = xasprintf("%s: %s", name, value);
	t->headers = curl_slist_append(t->headers, line);
	free(line);
	if (t->headers == NULL)
		fatal("out of memory");
}

/* The value of Content-Type's charset parameter, reduced to the
 * characters a charset name may hold. */
static char *
parse_charset(const char *ctype)
{
	const char *p;
	char *out;
	size_t n = 0;

	for (p = ctype; (p = strchr(p, ';')) != NULL; ) {
		p++;
		p += strspn(p, " \t");
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7 + strspn(p + 7, " \t");
		if (*p != '=')
			continue;
		p++;
		p += strspn(p, " \t\"'");
		out = xmalloc(41);
		while (n < 40 && p[n] != '\0' &&
		    strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:",
		    p[n]) != NULL) {
			out[n] = p[n];
			n++;
		}
		out[n] = '\0';
		if (n > 0)
			return out;
		free(out);
		return NULL;
	}
	return NULL;
}

static size_t
header_cb(char *data, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	size_t len = size * nmemb, vlen;
	const char *colon, *v;
	char *value;

	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	if (len > 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* "HTTP/1.1 404 Not Found": a new response begins. */
		response_reset(t);
		v = memchr(data, ' ', len);
		if (v != NULL) {
			t->code = strtol(v + 1, NULL, 10);
			v += 1 + strspn(v + 1, "0123456789");
			v += strspn(v, " ");
			if (v < data + len)
				t->reason = utf8_sanitize(v, data + len - v,
				    UTF8_ONELINE);
		}
		return size * nmemb;
	}
	if ((colon = memchr(data, ':', len)) == NULL)
		return size * nmemb;
	v = colon + 1;
	while (v < data + len && (*v == ' ' || *v == '\t'))
		v++;
	vlen = data + len - v;
	while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
		vlen--;
	value = utf8_sanitize(v, vlen, UTF8_ONELINE);
#define IS(name) ((size_t)(colon - data) == sizeof(name) - 1 &&	\
	    strncasecmp(data, name, sizeof(name) - 1) == 0)
	if (IS("ETag")) {
		free(t->etag);
		t->etag = value;
	} else if (IS("Last-Modified")) {
		free(t->last_modified);
		t->last_modified = value;
	} else if (IS("Content-Type")) {
		free(t->charset);
		t->charset = parse_charset(value);
		free(value);
	} else
		free(value);
#undef IS
	return size * nmemb;
}

static void
fill_info(struct transfer *t, struct fetch_info *info)
{
	char *eff = NULL;

	memset(info, 0, sizeof *info);
	info->status = FETCH_OK;
	info->url = t->url;
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &eff);
	info->effective_url = eff != NULL ? eff : t->url;
	if (!t->is_file) {
		info->http_code = t->code;
		info->etag = t->etag;
		info->last_modified = t->last_modified;
		info->charset = t->charset;
	}
	info->size = t->size;
}

static char *
size_text(size_t n)
{
	if (n >= (1 << 30) && n % (1 << 30) == 0)
		return xasprintf("%zu GiB", n >> 30);
	if (n >= (1 << 20) && n % (1 << 20) == 0)
		return xasprintf("%zu MiB", n >> 20);
	if (n >= (1 << 10) && n % (1 << 10) == 0)
		return xasprintf("%zu KiB", n >> 10);
	return xasprintf("%zu bytes", n);
}

static char *
too_large(struct transfer *t)
{
	char *limit = size_text(t->limits.max_size), *msg;

	msg = xasprintf("response larger than the %s limit", limit);
	free(limit);
	return msg;
}

static size_t
write_cb(char *data, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	struct fetch_info info;
	size_t len = size * nmemb;
	char *cause = NULL;

	if (!t->is_file && (t->code < 200 || t->code > 299)) {
		/* An error page is not the feed: stop reading it.  The
		 * status is reported when the transfer completes. */
		return CURL_WRITEFUNC_ERROR;
	}
	if (len > t->limits.max_size - t->size) {
		/* Counted here as well as by CURLOPT_MAXFILESIZE: chunked
		 * and compressed responses do not announce their size. */
		t->error = too_large(t);
		return CURL_WRITEFUNC_ERROR;
	}
	t->size += len;
	t->started = true;
	if (t->body == NULL)
		return len;
	fill_info(t, &info);
	if (t->body(&info, data, len, t->arg, &cause) != 0) {
		t->error = cause != NULL ? cause : xstrdup("stopped");
		return CURL_WRITEFUNC_ERROR;
	}
	return len;
}

int
fetch_add(struct fetch *f, const struct fetch_request *req,
    fetch_body_fn body, fetch_done_fn done, void *arg, char **cause)
{
	struct transfer *t;
	struct stat sb;
	char *url, *path;
	CURLcode rc;
	CURLMcode mrc;
	int errnum;
	CURL *e;

	url = fetch_url(req->url);
	if (!has_scheme(url, "http") && !has_scheme(url, "https") &&
	    !has_scheme(url, "file")) {
		*cause = xasprintf("%s: unsupported URL scheme (only http, "
		    "https and file)", req->url);
		free(url);
		return -1;
	}
	if (has_scheme(url, "file") && (path = uri_to_path(url)) != NULL) {
		/* libcurl reads a directory as an empty file. */
		errnum = stat(path, &sb) != 0 ? errno :
		    S_ISDIR(sb.st_mode) ? EISDIR : 0;
		if (errnum != 0) {
			*cause = xasprintf("%s: %s", req->url,
			    strerror(errnum));
			free(path);
			free(url);
			return -1;
		}
		free(path);
	}
	t = xcalloc(1, sizeof *t);
	t->f = f;
	t->url = xstrdup(req->url);
	t->is_file = has_scheme(url, "file");
	t->limits = req->limits != NULL ? *req->limits : f->limits;
	t->body = body;
	t->done = done;
	t->arg = arg;
	if ((e = t->easy = curl_easy_init()) == NULL)
		fatal("cannot initialise libcurl");

	/* Each option is checked: one that fails (an older libcurl, no
	 * memory) must not leave a transfer with defaults we refuse. */
	rc = CURLE_OK;
	SETOPT(rc, e, CURLOPT_URL, url);
	free(url);
	SETOPT(rc, e, CURLOPT_PRIVATE, t);
	SETOPT(rc, e, CURLOPT_ERRORBUFFER, t->errbuf);
	SETOPT(rc, e, CURLOPT_NOSIGNAL, 1L);
	SETOPT(rc, e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	SETOPT(rc, e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	SETOPT(rc, e, CURLOPT_FOLLOWLOCATION, 1L);
	SETOPT(rc, e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	SETOPT(rc, e, CURLOPT_ACCEPT_ENCODING, "");
	SETOPT(rc, e, CURLOPT_USERAGENT, USER_AGENT);
	SETOPT(rc, e, CURLOPT_CONNECTTIMEOUT, t->limits.connect_timeout);
	SETOPT(rc, e, CURLOPT_LOW_SPEED_LIMIT, (long)FETCH_STALL_BYTES);
	SETOPT(rc, e, CURLOPT_LOW_SPEED_TIME, t->limits.stall_timeout);
	SETOPT(rc, e, CURLOPT_TIMEOUT, t->limits.total_timeout);
	SETOPT(rc, e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)t->limits.max_size);
	SETOPT(rc, e, CURLOPT_HEADERFUNCTION, header_cb);
	SETOPT(rc, e, CURLOPT_HEADERDATA, t);
	SETOPT(rc, e, CURLOPT_WRITEFUNCTION, write_cb);
	SETOPT(rc, e, CURLOPT_WRITEDATA, t);
	/* A file is read in large pieces: fewer calls to the body
	 * callback (the network delivers what it has, whatever this). */
	if (t->is_file)
		SETOPT(rc, e, CURLOPT_BUFFERSIZE, FILE_BUFFER);
	if (!t->is_file) {
		add_header(t, "If-None-Match", req->etag);
		add_header(t, "If-Modified-Since", req->last_modified);
		if (t->headers != NULL)
			SETOPT(rc, e, CURLOPT_HTTPHEADER, t->headers);
	}
	if (rc != CURLE_OK) {
		*cause = xasprintf("%s: cannot set up the transfer: %s",
		    req->url, curl_easy_strerror(rc));
		goto error;
	}
	if ((mrc = curl_multi_add_handle(f->multi, e)) != CURLM_OK) {
		*cause = xasprintf("%s: cannot start the transfer: %s",
		    req->url, curl_multi_strerror(mrc));
		goto error;
	}
	t->next = f->list;
	f->list = t;
	f->running++;
	return 0;

error:
	curl_easy_cleanup(e);
	curl_slist_free_all(t->headers);
	free(t->url);
	free(t);
	return -1;
}

size_t
fetch_running(struct fetch *f)
{
	return f->running;
}

size_t
fetch_pollfds(struct fetch *f, struct pollfd *fds, size_t max)
{
	size_t i;

	for (i = 0; i < f->nsocks && i < max; i++) {
		fds[i].fd = f->socks[i].fd;
		fds[i].events = 0;
		fds[i].revents = 0;
		if (f->socks[i].what & CURL_POLL_IN)
			fds[i].events |= POLLIN;
		if (f->socks[i].what & CURL_POLL_OUT)
			fds[i].events |= POLLOUT;
	}
	return f->nsocks;
}

int
fetch_timeout(struct fetch *f)
{
	long long left;

	if (f->deadline < 0)
		return -1;
	left = f->deadline - util_now_ms();
	if (left <= 0)
		return 0;
	return left > 60000 ? 60000 : (int)left;
}

/* The reason a transfer failed, in words, without the URL. */
static char *
failure(struct transfer *t, CURLcode rc)
{
	curl_off_t connect_us = 0, total_us = 0;
	long os_errno = 0;
	char *host, *msg, *path;
	const char *detail;
	struct stat sb;

	if (t->error != NULL)
		return xstrdup(t->error);
	detail = t->errbuf[0] != '\0' ? t->errbuf : curl_easy_strerror(rc);
	switch (rc) {
	case CURLE_OK:
		if (t->code == 0)
			return xstrdup("no response");
		return xasprintf("HTTP %ld%s%s", t->code,
		    t->reason != NULL && *t->reason != '\0' ? " " : "",
		    t->reason != NULL ? t->reason : "");
	case CURLE_WRITE_ERROR:
		if (!t->is_file && (t->code < 200 || t->code > 299))
			return failure(t, CURLE_OK);
		return xasprintf("cannot accept the data: %s", detail);
	case CURLE_COULDNT_RESOLVE_HOST:
		host = uri_host(t->url);
		msg = xasprintf("cannot resolve host name %s",
		    host != NULL ? host : "");
		free(host);
		return msg;
	case CURLE_COULDNT_RESOLVE_PROXY:
		return xasprintf("cannot resolve the proxy: %s", detail);
	case CURLE_COULDNT_CONNECT:
		curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, &os_errno);
		if (os_errno != 0)
			return xasprintf("cannot connect: %s",
			    strerror((int)os_errno));
		return xasprintf("cannot connect: %s", detail);
	case CURLE_OPERATION_TIMEDOUT:
		curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T,
		    &connect_us);
		curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME_T, &total_us);
		/* libcurl says "Operation too slow" for the low-speed
		 * limit; otherwise the phase tells which timeout it was. */
		if (strstr(t->errbuf, "too slow") != NULL)
			return xasprintf("transfer stalled: under %d bytes/s "
			    "for %ld s", FETCH_STALL_BYTES,
			    t->limits.stall_timeout);
		if (connect_us == 0 && !t->is_file &&
		    total_us < (curl_off_t)t->limits.total_timeout * 1000000)
			return xasprintf("connection timed out after %ld s",
			    t->limits.connect_timeout);
		return xasprintf("timed out after %ld s",
		    t->limits.total_timeout);
	case CURLE_TOO_MANY_REDIRECTS:
		return xasprintf("too many redirects (more than %d)",
		    FETCH_MAX_REDIRECTS);
	case CURLE_UNSUPPORTED_PROTOCOL:
		/* fetch_add checked the URL itself: this was a redirect. */
		return xstrdup("redirected to a URL that is not http or "
		    "https");
	case CURLE_PARTIAL_FILE:
		return xstrdup("truncated: the connection closed before the "
		    "end of the response");
	case CURLE_BAD_CONTENT_ENCODING:
		return xstrdup("cannot decompress the response (bad "
		    "Content-Encoding data)");
	case CURLE_FILESIZE_EXCEEDED:
		return too_large(t);
	case CURLE_GOT_NOTHING:
		return xstrdup("the server closed the connection without "
		    "a response");
	case CURLE_FILE_COULDNT_READ_FILE:
		path = uri_to_path(curl_easy_getinfo(t->easy,
		    CURLINFO_EFFECTIVE_URL, &msg) == CURLE_OK ? msg : "");
		if (path != NULL && stat(path, &sb) != 0)
			msg = xstrdup(strerror(errno));
		else if (path != NULL && S_ISDIR(sb.st_mode))
			msg = xstrdup(strerror(EISDIR));
		else
			msg = xasprintf("cannot read the file: %s", detail);
		free(path);
		return msg;
	default:
		return xstrdup(detail);
	}
}

static void
finish(struct fetch *f, struct transfer *t, CURLcode rc)
{
	struct fetch_info info;
	struct transfer **tp;
	char *reason, *raw;

	fill_info(t, &info);
	raw = NULL;
	if (rc == CURLE_OK && t->error == NULL && !t->is_file &&
	    t->code == 304)
		info.status = FETCH_NOT_MODIFIED;
	else if (rc == CURLE_OK && t->error == NULL &&
	    (t->is_file || (t->code >= 200 && t->code <= 299)))
		info.status = FETCH_OK;
	else {
		info.status = FETCH_ERROR;
		reason = failure(t, rc);
		raw = xasprintf("%s: %s", t->url, reason);
		free(reason);
		/* The reason may quote the server: keep it printable. */
		info.error = utf8_sanitize(raw, strlen(raw), UTF8_ONELINE);
		free(raw);
		raw = (char *)info.error;
	}

	for (tp = &f->list; *tp != NULL; tp = &(*tp)->next)
		if (*tp == t) {
			*tp = t->next;
			break;
		}
	f->running--;
	if (t->done != NULL)
		t->done(&info, t->arg);
	free(raw);
	transfer_free(t);
}

static void
check_done(struct fetch *f)
{
	struct transfer *t;
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		t = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
		if (t != NULL)
			finish(f, t, msg->data.result);
	}
}

size_t
fetch_perform(struct fetch *f, const struct pollfd *fds, size_t n)
{
	size_t i, j;
	int mask, running;

	for (i = 0; i < n; i++) {
		if (fds[i].revents == 0)
			continue;
		for (j = 0; j < f->nsocks; j++)
			if (f->socks[j].fd == fds[i].fd)
				break;
		if (j == f->nsocks)
			continue;
		mask = 0;
		if (fds[i].revents & (POLLIN | POLLHUP))
			mask |= CURL_CSELECT_IN;
		if (fds[i].revents & POLLOUT)
			mask |= CURL_CSELECT_OUT;
		if (fds[i].revents & (POLLERR | POLLNVAL))
			mask |= CURL_CSELECT_ERR;
		curl_multi_socket_action(f->multi, fds[i].fd, mask, &running);
	}
	if (f->deadline >= 0 && util_now_ms() >= f->deadline) {
		f->deadline = -1;
		curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT, 0,
		    &running);
	}
	check_done(f);
	return f->running;
}

size_t
fetch_wait(struct fetch *f, int timeout_ms)
{
	struct pollfd stack[16], *fds = stack;
	size_t n;
	int t;

	n = fetch_pollfds(f, fds, nitems(stack));
	if (n > nitems(stack)) {
		fds = xreallocarray(NULL, n, sizeof *fds);
		fetch_pollfds(f, fds, n);
	}
	t = fetch_timeout(f);
	if (t < 0 || (timeout_ms >= 0 && timeout_ms < t))
		t = timeout_ms;
	if (t < 0)
		t = 1000;	/* curl always sets a timer; be safe anyway */
	/* poll fails only for lack of memory or descriptors: the transfers'
	 * own timeouts then end them. */
	if (f->running > 0 && (n > 0 || t != 0) && poll(fds, n, t) < 0 &&
	    errno != EINTR)
		n = 0;
	fetch_perform(f, fds, n);
	if (fds != stack)
		free(fds);
	return f->running;
}
