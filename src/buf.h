/* buf.h - a growable byte buffer, always NUL-terminated after use. */
#ifndef MN_BUF_H
#define MN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, int);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);
void	 buf_truncate(struct buf *, size_t);
const char *buf_str(struct buf *);
char	*buf_detach(struct buf *);
void	 buf_free(struct buf *);

#endif
