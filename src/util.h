/* util.h - allocation that cannot fail, and the one fatal path. */
#ifndef MN_UTIL_H
#define MN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define nitems(a) (sizeof(a) / sizeof((a)[0]))

/* True when s[0 .. len) is only white space (or empty). */
bool	 util_blank(const char *s, size_t len);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));
/* The length of what fmt makes of ap (ap is left as it was); a bad
 * format is fatal. */
size_t	 util_vlen(const char *fmt, va_list ap);
char	*xvasprintf(const char *, va_list);

/* Memory for an arena's large chunks, straight from the kernel, 2 MiB
 * aligned and asked to be backed by huge pages where the system allows
 * (madvise MADV_HUGEPAGE, "madvise" mode of transparent huge pages): a big
 * document's tree then costs a few page faults instead of thousands.  Not
 * zeroed as far as the caller knows; free with util_bulk_free(p, n). */
void	*util_bulk_alloc(size_t n);
void	 util_bulk_free(void *p, size_t n);

/* A monotonic clock in milliseconds, for deadlines and timeouts. */
long long util_now_ms(void);

/* Create the directories above path (mkdir -p of its dirname), mode 0700.
 * Returns 0, or -1 with an allocated *cause. */
int	 util_make_parents(const char *path, char **cause);
/* Replace the file at path with data, atomically: a temporary file in the
 * same directory, written, synced and renamed over it.  On failure the
 * old file is untouched.  Returns 0, or -1 with an allocated *cause. */
int	 util_write_atomic(const char *path, const void *data, size_t len,
	    char **cause);

/* Called by fatal() before it prints, so a curses front-end can restore the
 * terminal.  NULL to unset. */
void	 util_set_fatal_hook(void (*)(void));
void	 fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

#endif
