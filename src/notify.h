/* notify.h - tell another program that a refresh found new issues. */
#ifndef MN_NOTIFY_H
#define MN_NOTIFY_H

#include <stddef.h>

/* Most titles handed to the program at once: the rest are counted in
 * the last argument. */
#define NOTIFY_MAX_TITLES	50

/*
 * Run command (split into words as the browser setting is: no shell,
 * "%s" has no meaning) with the n titles as arguments after its own
 * words, each cleaned to one line of text; beyond NOTIFY_MAX_TITLES the
 * last argument says how many more there are.  The program runs detached,
 * stdio on /dev/null, and is not waited for.  Returns 0 once it has
 * started, or -1 with an allocated *cause.
 */
int	 notify_run(const char *command, const char *const *titles, size_t n,
	    char **cause);

#endif
