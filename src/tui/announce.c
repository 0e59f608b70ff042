/* announce.c - new issues said beyond the status line: the terminal's
 * bell ("bell yes") and the notify-program, for a reader left running in
 * another window. */
#include "config.h"

#include <stdlib.h>

#include "app.h"
#include "library.h"
#include "notify.h"
#include "util.h"

void
announce_new(struct app *a)
{
	const char **titles;
	size_t *idx, i, n;
	char *cause = NULL;

	if (!a->opts->bell && a->opts->notify == NULL)
		return;
	idx = xcalloc(library_count(a->lib) + 1, sizeof *idx);
	n = library_refresh_new(a->lib, idx, library_count(a->lib));
	if (n == 0) {
		free(idx);
		return;
	}
	if (a->opts->bell)
		beep();
	if (a->opts->notify != NULL) {
		titles = xcalloc(n, sizeof *titles);
		for (i = 0; i < n; i++)
			titles[i] = library_entry(a->lib, idx[i])->title;
		if (notify_run(a->opts->notify, titles, n, &cause) == -1) {
			app_message(a, true, "%s", cause);
			free(cause);
		}
		free(titles);
	}
	free(idx);
}
