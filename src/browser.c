/* browser.c - open a link in the user's browser, never through a shell. */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

/* NOTE: browsers that take over the terminal, by program name. */
static const char *terminal_browsers[] = {
	"browsh", "elinks", "links", "links2", "lynx", "w3m", "www-browser",
};

static void
add_word(char ***argv, size_t *n, struct buf *w)
{
	*argv = xreallocarray(*argv, *n + 2, sizeof **argv);
	(*argv)[(*n)++] = buf_detach(w);
	(*argv)[*n] = NULL;
}

char **
browser_argv(const char *command, const char *url)
{
	struct buf w = BUF_INIT;
	char **argv = NULL;
	size_t n = 0;
	bool inword = false, used = false;
	const char *p;

	for (p = command; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t') {
			if (inword)
				add_word(&argv, &n, &w);
			inword = false;
			continue;
		}
		inword = true;
		if (p[0] == '%' && p[1] == 's' && url != NULL) {
			buf_adds(&w, url);
			used = true;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			buf_addc(&w, '%');
			p++;
		} else
			buf_addc(&w, *p);
	}
	if (inword)
		add_word(&argv, &n, &w);
	if (n == 0) {
		buf_free(&w);
		return NULL;
	}
	if (!used && url != NULL) {
		buf_adds(&w, url);
		add_word(&argv, &n, &w);
	}
	return argv;
}

void
browser_argv_free(char **argv)
{
	size_t i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

static bool
is_terminal_browser(const char *prog)
{
	const char *base = strrchr(prog, '/');
	size_t i;

	base = base ? base + 1 : prog;
	for (i = 0; i < nitems(terminal_browsers); i++)
		if (strcmp(base, terminal_browsers[i]) == 0)
			return true;
	return false;
}

/*
 * Run argv.  A pipe closed on exec tells the parent whether execvp
 * worked: it reads EOF on success and the errno otherwise.  A detached
 * browser runs in a grandchild, so nothing is left to reap.
 */
int
browser_run(char **argv, bool terminal, int *err)
{
	int fds[2], status, e = 0, fd;
	pid_t pid, gpid;
	ssize_t n;

	if (pipe2(fds, O_CLOEXEC) == -1) {
		*err = errno;
		return -1;
	}
	if ((pid = fork()) == -1) {
		*err = errno;
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		if (!terminal) {
			setsid();
			if ((gpid = fork()) != 0)
				_exit(gpid == -1 ? 127 : 0);
			if ((fd = open("/dev/null", O_RDWR)) != -1) {
				dup2(fd, 0);
				dup2(fd, 1);
				dup2(fd, 2);
				if (fd > 2)
					close(fd);
			}
		}
		execvp(argv[0], argv);
		e = errno;
		(void)!write(fds[1], &e, sizeof e);
		_exit(127);
	}
	close(fds[1]);
	do
		n = read(fds[0], &e, sizeof e);
	while (n == -1 && errno == EINTR);
	close(fds[0]);
	/* A terminal browser is waited for; a detached one's intermediate
	 * child exits at once. */
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (n > 0) {
		*err = e;
		return -1;
	}
	return 0;
}

static int
try_command(const char *command, const char *url,
    const struct browser_opts *o, bool configured, char **msg, int *err)
{
	char **argv;
	bool terminal;
	int rc;

	if ((argv = browser_argv(command, url)) == NULL) {
		*err = ENOENT;
		return -1;
	}
	terminal = (configured && o->terminal) || is_terminal_browser(argv[0]);
	if (terminal && o->suspend != NULL)
		o->suspend();
	rc = browser_run(argv, terminal, err);
	if (terminal && o->resume != NULL)
		o->resume();
	if (rc == 0)
		*msg = xasprintf("opened %s in %s", url, argv[0]);
	browser_argv_free(argv);
	return rc;
}

static int
open_url(const char *url, const struct browser_opts *o, char **msg,
    char **cause)
{
	static const struct browser_opts none;
	const char *env;
	char *list, *entry, *save = NULL;
	int err = ENOENT;

	if (o == NULL)
		o = &none;
	if (o->command != NULL && o->command[0] != '\0') {
		if (try_command(o->command, url, o, true, msg, &err) == 0)
			return 0;
		*cause = xasprintf("cannot run browser '%s': %s", o->command,
		    strerror(err));
		return -1;
	}
	if ((env = getenv("BROWSER")) != NULL && env[0] != '\0') {
		list = xstrdup(env);
		for (entry = strtok_r(list, ":", &save); entry != NULL;
		    entry = strtok_r(NULL, ":", &save)) {
			if (try_command(entry, url, o, false, msg, &err) == 0) {
				free(list);
				return 0;
			}
		}
		free(list);
		*cause = xasprintf("no browser in $BROWSER could be run: %s",
		    strerror(err));
		return -1;
	}
#ifdef __APPLE__
	if (try_command("open", url, o, false, msg, &err) == 0)
		return 0;
#else
	if (try_command("xdg-open", url, o, false, msg, &err) == 0)
		return 0;
#endif
	*cause = xasprintf("no browser found (set $BROWSER): %s",
	    strerror(err));
	return -1;
}

int
browser_open(const char *raw, const struct browser_opts *o, char **msg,
    char **cause)
{
	char *url, *clean;
	int rc;

	if (!uri_is_openable(raw)) {
		clean = utf8_sanitize(raw, strlen(raw), UTF8_ONELINE);
		*cause = xasprintf("refusing to open %s: only http, https and "
		    "mailto links are opened", clean);
		free(clean);
		return -1;
	}
	/* Whoever asks (the link pane, an issue's own link), one form. */
	url = uri_encode_spaces(raw);
	rc = open_url(url, o, msg, cause);
	free(url);
	return rc;
}
