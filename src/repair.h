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

/* What the filter does with bytes 0x80-0xff. */
enum repair_mode {
	REPAIR_UTF8,		/* UTF-8; each invalid byte becomes U+FFFD */
	REPAIR_CP1252,		/* windows-1252 (WHATWG), written as UTF-8 */
	REPAIR_UTF8_CP1252,	/* UTF-8, invalid bytes read as windows-1252 */
	REPAIR_OFF,		/* another charset: libxml2 converts it */
};

/* A filter for one document, in REPAIR_UTF8 mode until told otherwise
 * (before the first byte).  Freed with repair_free. */
struct repair	*repair_new(void);
void		 repair_free(struct repair *);
void		 repair_set_mode(struct repair *, enum repair_mode);
/* The valid multi-byte UTF-8 sequences seen so far. */
size_t		 repair_utf8_sequences(const struct repair *);

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
