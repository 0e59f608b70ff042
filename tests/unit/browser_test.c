/* browser_test.c - links reach the browser as exactly one argv element,
 * never through a shell, and only for http, https and mailto. */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <unistd.h>

#include "browser.h"
#include "harness.h"
#include "util.h"

static char dir[] = "/tmp/mn-browser-XXXXXX";
static char rec[256], script[256];

static char *
slurp(const char *path)
{
	static char data[8192];
	FILE *fp;
	size_t n;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	n = fread(data, 1, sizeof data - 1, fp);
	data[n] = '\0';
	fclose(fp);
	return data;
}

/* Open url with $BROWSER set to cmd; return what the recorder saw. */
static char *
open_with(const char *cmd, const char *url, int *rc, char **cause)
{
	char *msg = NULL;

	unlink(rec);
	setenv("BROWSER", cmd, 1);
	*cause = NULL;
	*rc = browser_open(url, NULL, &msg, cause);
	free(msg);
	return slurp(rec);
}

/* url reaches the browser as one argument, as given (but for spaces, as
 * %20: one form for every caller). */
static void
hostile_as(const char *url, const char *as)
{
	char *got, *cause, *want;
	int rc;

	got = open_with(script, url, &rc, &cause);
	want = xasprintf("1\n[%s]\n", as);
	INT_EQ(rc, 0);
	STR_EQ(got, want);
	free(want);
	free(cause);
}

static void
hostile(const char *url)
{
	hostile_as(url, url);
}

static void
refused(const char *url, const char *want_cause)
{
	char *got, *cause;
	int rc;

	got = open_with(script, url, &rc, &cause);
	INT_EQ(rc, -1);
	OK(got == NULL, "browser ran for %s", url);
	STR_EQ(cause, want_cause);
	free(cause);
}

int
main(void)
{
	char *got, *cause, *cmd, **argv;
	int rc;
	FILE *fp;

	HARNESS_INIT();
	if (mkdtemp(dir) == NULL)
		return 99;
	/* Named w3m, so it is run as a terminal browser and waited for. */
	snprintf(script, sizeof script, "%s/w3m", dir);
	snprintf(rec, sizeof rec, "%s/argv", dir);
	setenv("REC", rec, 1);
	fp = fopen(script, "w");
	fprintf(fp, "#!/bin/sh\n{ printf '%%s\\n' \"$#\"; "
	    "for a; do printf '[%%s]\\n' \"$a\"; done; } >\"$REC\"\n");
	fclose(fp);
	chmod(script, 0755);
	chdir(dir);

	hostile_as("http://x/$(touch pwned)", "http://x/$(touch%20pwned)");
	hostile_as("http://x/`touch pwned`", "http://x/`touch%20pwned`");
	hostile_as("http://x/;touch pwned", "http://x/;touch%20pwned");
	hostile("http://x/$(touch${IFS}pwned)");
	hostile_as("http://x/'a'\"b\" c|d&e>f", "http://x/'a'\"b\"%20c|d&e>f");
	hostile_as("https://example.org/a b", "https://example.org/a%20b");
	hostile("mailto:community@mesosphere.io");
	OK(access("pwned", F_OK) == -1, "a shell ran");

	refused("-oProxyCommand=touch pwned",
	    "refusing to open -oProxyCommand=touch pwned: only http, https "
	    "and mailto links are opened");
	refused("javascript:alert(1)",
	    "refusing to open javascript:alert(1): only http, https and "
	    "mailto links are opened");
	refused("file:///etc/passwd",
	    "refusing to open file:///etc/passwd: only http, https and "
	    "mailto links are opened");
	refused("data:text/html,x",
	    "refusing to open data:text/html,x: only http, https and "
	    "mailto links are opened");

	/* %s is replaced in place; extra words stay separate. */
	cmd = xasprintf("%s --new-tab=%%s -x", script);
	got = open_with(cmd, "http://x/y", &rc, &cause);
	STR_EQ(got, "2\n[--new-tab=http://x/y]\n[-x]\n");
	free(cmd);

	/* The first runnable entry of a colon-separated list wins. */
	cmd = xasprintf("/nonexistent/browser:%s", script);
	got = open_with(cmd, "http://x/", &rc, &cause);
	INT_EQ(rc, 0);
	STR_EQ(got, "1\n[http://x/]\n");
	free(cmd);

	got = open_with("/nonexistent/browser", "http://x/", &rc, &cause);
	INT_EQ(rc, -1);
	STR_EQ(cause, "no browser in $BROWSER could be run: No such file or "
	    "directory");
	free(cause);

	argv = browser_argv("  lynx   -accept_all_cookies ", "http://a/");
	STR_EQ(argv[0], "lynx");
	STR_EQ(argv[1], "-accept_all_cookies");
	STR_EQ(argv[2], "http://a/");
	OK(argv[3] == NULL, "extra words");
	browser_argv_free(argv);
	argv = browser_argv("100%% %s", "http://a/");
	STR_EQ(argv[0], "100%");
	STR_EQ(argv[1], "http://a/");
	browser_argv_free(argv);

	unlink(rec);
	unlink(script);
	rmdir(dir);
	DONE();
}
