/* repair.h - the byte filter in front of the feed parser: bare
 * ampersands and less-than signs, HTML entity names, invalid UTF-8 and control characters
 * repaired so that the malformed feeds found in the wild load. */
#ifndef MN_REPAIR_H
#define MN_REPAIR_H

#include <stddef.h>

#include "buf.h"

/* libxml2 checks each attribute of a start tag against all the earlier
 * ones: bound the count so that a tag cannot cost quadratic time. */
#define REPAIR_MAX_ATTRIBUTES	1000

struct repair;

/* A filter for one document, repairing invalid UTF-8 unless told the
 * document is in another charset (repair_set_utf8).  Freed with
 * repair_free. */
struct repair	*repair_new(void);
void		 repair_free(struct repair *);
void		 repair_set_utf8(struct repair *, int);

/* Append the repaired bytes of s to out; bytes that cannot be judged
 * yet (a reference or UTF-8 sequence split across calls) are held for
 * the next call, or flushed when final is set.  Returns 0, or -1 at a
 * tag with more than REPAIR_MAX_ATTRIBUTES attributes: out then ends
 * before it and the rest of the document is dropped. */
int		 repair_filter(struct repair *, const void *s, size_t len,
		    int final, struct buf *out);

/* UTF-16 documents are not filtered, but their tags are counted:
 * returns the offset in s of the code unit that goes over the
 * attribute limit, or len.  be: big-endian. */
size_t		 repair_count_utf16(struct repair *, const void *s,
		    size_t len, int be);

/* What was repaired so far. */
void		 repair_counts(const struct repair *, size_t *amps,
		    size_t *lts, size_t *badbytes, size_t *controls);

#endif
