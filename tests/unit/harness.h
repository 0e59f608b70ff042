/* harness.h - a tiny unit test harness: checks count, failures print where
 * and what, main() ends with DONE() which prints "N passed, N failed" and
 * sets the exit status (automake's harness reads it). */
#ifndef MN_HARNESS_H
#define MN_HARNESS_H

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"

static int harness_pass, harness_fail;

#define OK(cond, ...) do {						\
	if (cond)							\
		harness_pass++;						\
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s: ", __FILE__, __LINE__,	\
		    #cond);						\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
	}								\
} while (0)

#define STR_EQ(got, want) do {						\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0)		\
		harness_pass++;						\
	else if (g_ == NULL && w_ == NULL)				\
		harness_pass++;						\
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s\n  got:  \"%s\"\n"	\
		    "  want: \"%s\"\n", __FILE__, __LINE__, #got,	\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
	}								\
} while (0)

#define INT_EQ(got, want) do {						\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (g_ == w_)							\
		harness_pass++;						\
	else {								\
		harness_fail++;						\
		fprintf(stderr, "%s:%d: FAIL: %s\n  got:  %lld\n"	\
		    "  want: %lld\n", __FILE__, __LINE__, #got, g_, w_);	\
	}								\
} while (0)

/* A monotonic clock in seconds, for the tests that bound a wait. */
static inline double
harness_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The whole file, NUL-terminated, or NULL if it cannot be opened; *len
 * (if len is not NULL) its size. */
static inline char *
harness_slurp(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *fp;

	if (len != NULL)
		*len = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	if (len != NULL)
		*len = b.len;
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

/* Remove a test's scratch directory (made by mkdtemp: no quote in it);
 * 0, or -1 when rm failed. */
static inline int
harness_rmtree(const char *dir)
{
	char cmd[4096];

	if (snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir) >= (int)sizeof cmd)
		return -1;
	return system(cmd) == 0 ? 0 : -1;
}

/* Tests run in a fixed UTF-8 locale so widths do not depend on the host. */
#define HARNESS_INIT() do {						\
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)			\
		setlocale(LC_ALL, "");					\
} while (0)

#define DONE() do {							\
	printf("%d passed, %d failed\n", harness_pass, harness_fail);	\
	return harness_fail == 0 && harness_pass > 0 ? 0 : 1;		\
} while (0)

#endif
