/* util.c - allocation that cannot fail, and the one fatal path. */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static void (*fatal_hook)(void);

void
util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

/* Print "mesosnews: message" to stderr after restoring the terminal, exit 2. */
void
fatal(const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook != NULL) {
		void (*hook)(void) = fatal_hook;

		fatal_hook = NULL;
		hook();
	}
	fputs("mesosnews: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *
xmalloc(size_t size)
{
	void *p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		fatal("out of memory allocating %zu bytes", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		fatal("out of memory allocating %zu×%zu bytes", n, size);
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		fatal("allocation overflow (%zu×%zu)", n, size);
	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = realloc(old, n * size)) == NULL)
		fatal("out of memory allocating %zu×%zu bytes", n, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t
util_vlen(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("bad format string");
	return (size_t)n;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	size_t n = util_vlen(fmt, ap);
	char *p;

	p = xmalloc(n + 1);
	vsnprintf(p, n + 1, fmt, ap);
	return p;
}

/* Return a newly allocated formatted string; the caller frees it. */
char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

long long
util_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#define BULK_ALIGN	((size_t)2 << 20)

static size_t
bulk_size(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (n > SIZE_MAX - BULK_ALIGN - page)
		fatal("out of memory");
	return (n + page - 1) / page * page;
}

void *
util_bulk_alloc(size_t n)
{
	char *p, *a;
	size_t len;

	n = bulk_size(n);
	len = n + BULK_ALIGN;
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		fatal("out of memory");
	/* Keep the aligned part: huge pages need 2 MiB alignment. */
	a = (char *)(((uintptr_t)p + BULK_ALIGN - 1) & ~(uintptr_t)(BULK_ALIGN -
	    1));
	if (a > p)
		munmap(p, (size_t)(a - p));
	if (p + len > a + n)
		munmap(a + n, (size_t)(p + len - (a + n)));
#ifdef MADV_HUGEPAGE
	(void)madvise(a, n, MADV_HUGEPAGE);
#endif
	return a;
}

void
util_bulk_free(void *p, size_t n)
{
	if (p != NULL)
		munmap(p, bulk_size(n));
}

int
util_make_parents(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;
	struct stat sb;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST &&
		    (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
			*cause = xasprintf("cannot create %s: %s", dir,
			    strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int
util_write_atomic(const char *path, const void *data, size_t len,
    char **cause)
{
	const char *p = data;
	char *tmp;
	ssize_t n;
	int fd, e;

	tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, path) == -1) {
		fd = -1;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	e = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	*cause = xasprintf("%s: %s", path, strerror(e));
	free(tmp);
	return -1;
}

bool
util_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return false;
	return true;
}
