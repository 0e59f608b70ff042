/* pager.c - '|': the issue, rendered as text mode renders it, piped into
 * $PAGER (default "less -R").  The command is split into words and run
 * with execvp: never a shell. */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "buf.h"
#include "library.h"
#include "text.h"
#include "util.h"

static char **
split(const char *cmd)
{
	char **argv = NULL, *copy, *w, *save = NULL;
	size_t n = 0;

	copy = xstrdup(cmd);
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		argv = xreallocarray(argv, n + 2, sizeof *argv);
		argv[n++] = xstrdup(w);
		argv[n] = NULL;
	}
	free(copy);
	return argv;
}

static void
free_argv(char **argv)
{
	size_t i;

	for (i = 0; argv != NULL && argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

static bool
want_color(const struct app *a)
{
	const char *nc = getenv("NO_COLOR");

	if (a->opts->color == TUI_COLOR_NEVER)
		return false;
	if (a->opts->color == TUI_COLOR_AUTO && nc != NULL && nc[0] != '\0')
		return false;
	return true;
}

void
pager_pipe(struct app *a, size_t i)
{
	struct issue *is;
	struct text_opts to;
	const char *cmd = a->opts->pager;
	char **argv, *cause = NULL;
	int data[2], err[2], e = 0, status;
	pid_t pid;
	ssize_t n;
	FILE *fp;

	if ((is = library_get(a->lib, i, &cause)) == NULL) {
		app_message(a, true, "%s", cause);
		free(cause);
		return;
	}
	if (cmd == NULL || cmd[0] == '\0')
		cmd = getenv("PAGER");
	if (cmd == NULL || cmd[0] == '\0')
		cmd = "less -R";
	if ((argv = split(cmd)) == NULL) {
		app_message(a, true, "the pager command is empty");
		feed_issue_free(is);
		return;
	}
	if (pipe2(data, O_CLOEXEC) == -1) {
		app_message(a, true, "pipe: %s", strerror(errno));
		goto out;
	}
	if (pipe2(err, O_CLOEXEC) == -1) {
		app_message(a, true, "pipe: %s", strerror(errno));
		close(data[0]);
		close(data[1]);
		goto out;
	}
	app_suspend();
	if ((pid = fork()) == -1) {
		e = errno;
		close(data[0]);
		close(data[1]);
		close(err[0]);
		close(err[1]);
		app_resume();
		app_message(a, true, "fork: %s", strerror(e));
		goto out;
	}
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		dup2(data[0], STDIN_FILENO);
		execvp(argv[0], argv);
		e = errno;
		(void)!write(err[1], &e, sizeof e);
		_exit(127);
	}
	close(data[0]);
	close(err[1]);
	memset(&to, 0, sizeof to);
	to.width = a->opts->width > 0 && a->opts->width < a->cols ?
	    a->opts->width : a->cols;
	to.color = want_color(a);
	to.ascii = a->ascii;
	if ((fp = fdopen(data[1], "w")) != NULL) {
		/* A pager quit early makes the write fail: not an error. */
		if (text_print_issue(fp, is, &to, &cause) == -1) {
			free(cause);
			cause = NULL;
		}
		fclose(fp);
	} else
		close(data[1]);
	do
		n = read(err[0], &e, sizeof e);
	while (n == -1 && errno == EINTR);
	close(err[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	app_resume();
	if (n > 0)
		app_message(a, true, "cannot run the pager %s: %s", argv[0],
		    strerror(e));
out:
	free_argv(argv);
	feed_issue_free(is);
}
