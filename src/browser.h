/* browser.h - open a link in the user's browser, never through a shell. */
#ifndef MN_BROWSER_H
#define MN_BROWSER_H

#include <stdbool.h>

struct browser_opts {
	const char	*command;	/* from the config, or NULL */
	bool		 terminal;	/* the configured one runs in the tty */
	void		(*suspend)(void);	/* give the screen away */
	void		(*resume)(void);	/* and take it back */
};

/*
 * Open url, which must be an http, https or mailto URI, in the browser:
 * opts->command, else each entry of $BROWSER (colon-separated) in turn,
 * else xdg-open (open on macOS).  A command is split into words at white
 * space, "%s" in a word is replaced by the URL, and without one the URL is
 * appended as the last argument: the URL is always exactly one argv
 * element.  Terminal browsers (lynx, w3m, elinks, links, or opts->terminal)
 * get the screen until they exit; others are detached with stdio on
 * /dev/null.  Returns 0 with *msg (allocated) saying what ran, or -1 with
 * an allocated *cause.
 */
int	 browser_open(const char *url, const struct browser_opts *,
	    char **msg, char **cause);

/* Split a command into argv words with %s replaced by url (or url
 * appended; url NULL: the words alone, "%s" kept).  The caller frees the
 * array and its strings. */
char	**browser_argv(const char *command, const char *url);
void	 browser_argv_free(char **);
/* Run argv (never through a shell): in the terminal, waited for, or
 * detached with stdio on /dev/null.  Returns 0 once it has started, or
 * -1 with *err the errno of fork or execvp. */
int	 browser_run(char **argv, bool terminal, int *err);

#endif
