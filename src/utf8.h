/* utf8.h - decoding, display width, and the one sanitiser for feed text. */
#ifndef MN_UTF8_H
#define MN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define UTF8_REPLACEMENT 0xFFFDu

/* Sanitiser flags. */
#define UTF8_ONELINE	0x1	/* \t \n \r become spaces; runs collapse; trim */
#define UTF8_KEEP_NL	0x2	/* keep \n and \t, drop \r (for pre-formatted text) */

/* Decode one code point from s (len > 0 bytes).  Returns the bytes consumed
 * (1 to 4); an invalid, overlong, surrogate or truncated sequence yields
 * U+FFFD and consumes exactly one byte. */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t	 utf8_encode(uint32_t cp, char *out);
void	 utf8_addcp(struct buf *, uint32_t);

/* Columns cp occupies on a terminal, from libunistring's uc_width: 0 for
 * combining marks and zero-width characters, 2 for wide ones, 1 otherwise
 * (including U+FFFD and anything the table does not know); 0 for the
 * unsafe controls. */
int	 utf8_cpwidth(uint32_t cp);
/* Whether cp continues the grapheme cluster (UAX #29) that prev ends: an
 * emoji modifier, a combining mark, what a zero-width joiner joins, the
 * second half of a flag.  *state carries what a pair cannot see: one
 * variable passed along a text, 0 at its start (1 if its first code
 * point is a regional indicator). */
bool	 utf8_joins(uint32_t prev, uint32_t cp, unsigned int *state);
/* The width of a cluster of width w once cp joins it: its widest part,
 * and 2 for a flag. */
int	 utf8_join_width(int w, uint32_t cp);
/* The length in bytes of the grapheme cluster at s (len > 0), and its
 * width in *width. */
size_t	 utf8_cluster(const char *s, size_t len, int *width);
/* Display width of a NUL-terminated string, by grapheme clusters. */
size_t	 utf8_width(const char *);
size_t	 utf8_nwidth(const char *, size_t);

/* True for code points that must never reach a terminal: C0 and C1
 * controls, DEL, and bidirectional embeddings, overrides and isolates. */
bool	 utf8_is_unsafe(uint32_t cp);

/* Append the sanitised form of s[0..len) to b: invalid bytes become U+FFFD,
 * unsafe code points are dropped (see flags for whitespace).  This is the
 * only gate between feed text and anything that is displayed. */
void	 utf8_sanitize_into(struct buf *b, const char *s, size_t len, int flags);
/* Same, returning a new string the caller frees. */
char	*utf8_sanitize(const char *s, size_t len, int flags);
/* Append the sanitised form of s[0..len) to b as flowing text: as
 * utf8_sanitize_into with flags 0, but every run of white space (line
 * breaks and tabs included) becomes one space, none where *space is set
 * (after white space, or at the start of a line), and soft hyphens go.
 * *space says on return whether the text now ends in white space, so a
 * text can be added in pieces. */
void	 utf8_sanitize_flow(struct buf *b, const char *s, size_t len,
	    bool *space);
/* True if s[0..len) would pass the sanitiser unchanged with flags 0 except
 * for allowed \n and \t (used by tests and fuzz invariants). */
bool	 utf8_is_clean(const char *s, size_t len);

/* Append s to b cut or padded to exactly width columns; an over-long string
 * ends in "…" (or "~" when ascii is set).  s must be sanitised. */
void	 utf8_fit(struct buf *b, const char *s, size_t width, bool ascii);

#endif
