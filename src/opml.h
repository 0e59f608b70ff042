/* opml.h - OPML subscription lists: read one, write the feed list. */
#ifndef MN_OPML_H
#define MN_OPML_H

#include <stdio.h>

/* Called for each feed outline: its xmlUrl and its title (or text), both
 * sanitised single lines; title may be NULL.  Return -1 to stop. */
typedef int (*opml_feed_fn)(const char *url, const char *title, void *);

/* Read the OPML file at path and call fn for each outline with an xmlUrl,
 * at any depth, in document order.  Returns the number of feeds, or -1
 * with an allocated *cause ("line N: ...") on a malformed file. */
int	 opml_read(const char *path, opml_feed_fn fn, void *arg, char **cause);

/* Write an OPML 2.0 document listing urls[i] with titles[i] (NULL for
 * none) to fp.  Returns 0, or -1 on a write error. */
int	 opml_write(FILE *fp, const char *const *urls,
	    const char *const *titles, size_t n);

#endif
