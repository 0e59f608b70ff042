/* index.h - the issue index of a source: numbered, newest first. */
#ifndef MN_INDEX_H
#define MN_INDEX_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "feed.h"

struct index;

/* One line of the index; strings are sanitised single lines. */
struct index_entry {
	char		*id;
	char		*title;
	char		*author;
	time_t		 date;		/* published, else updated, or -1 */
	char		*date_raw;
	size_t		 order;		/* position in the document */
	int		 source;	/* as set by index_set_source */
};

/* An empty index; add issues with index_add (a feed_issue_fn).  Ids are
 * kept only when asked for (index_find by id needs them). */
struct index *index_new(bool ids);
int	 index_add(const struct issue *, void *index);
/* Tag the issues added from now on with the number of their source. */
void	 index_set_source(struct index *, int);
/* Sort newest first; undated issues last, in document order. */
void	 index_sort(struct index *);
/* The date an issue sorts by (published, else updated, or -1), and the
 * order of two such dates: negative when x comes first (is newer). */
time_t	 index_issue_date(const struct issue *);
int	 index_date_cmp(time_t x, time_t y);
size_t	 index_count(const struct index *);
/* Entry n, 1-based as printed; NULL when out of range. */
const struct index_entry *index_get(const struct index *, size_t n);
/* Find by "latest", a number as printed, or an id; 0 when not found,
 * else the 1-based number. */
size_t	 index_find(const struct index *, const char *which);
/* Print "N  YYYY-MM-DD  title  author" lines fitted to width columns. */
void	 index_print(const struct index *, FILE *, size_t width, int ascii);
void	 index_free(struct index *);

/* The date as YYYY-MM-DD in local time, or "" when unknown. */
void	 index_format_date(time_t, char out[11]);

#endif
