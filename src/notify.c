/* notify.c - run the notify-program with the titles of new issues. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "browser.h"
#include "notify.h"
#include "utf8.h"
#include "util.h"

int
notify_run(const char *command, const char *const *titles, size_t n,
    char **cause)
{
	char **argv;
	size_t i, words, shown = n > NOTIFY_MAX_TITLES ? NOTIFY_MAX_TITLES : n;
	int err = 0, rc;

	if ((argv = browser_argv(command, NULL)) == NULL) {
		*cause = xstrdup("notify-program: no command");
		return -1;
	}
	for (words = 0; argv[words] != NULL; words++)
		;
	argv = xreallocarray(argv, words + shown + 2, sizeof *argv);
	/* Titles come from feeds: whatever they hold, the program gets
	 * one line of text each, as the screen does. */
	for (i = 0; i < shown; i++)
		argv[words + i] = utf8_sanitize(titles[i], strlen(titles[i]),
		    UTF8_ONELINE);
	if (n > shown)
		argv[words + i++] = xasprintf("(and %zu more)", n - shown);
	argv[words + i] = NULL;
	if ((rc = browser_run(argv, false, &err)) == -1)
		*cause = xasprintf("notify-program: cannot run %s: %s",
		    argv[0], strerror(err));
	browser_argv_free(argv);
	return rc;
}
