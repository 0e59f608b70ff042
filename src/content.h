/* content.h - the choice of parser for a content kind: HTML through
 * html.c, Markdown through md.c, text split into paragraphs; all of them
 * build a doc (doc.h), which knows nothing of where its blocks came from. */
#ifndef MN_CONTENT_H
#define MN_CONTENT_H

#include <stddef.h>

#include "doc.h"
#include "feed.h"

/* Parse content of the given kind into a document: HTML and XHTML go
 * through html.c, Markdown (front matter stripped, its title, date,
 * author and permalink kept as the doc's meta) through md.c, text is
 * split into paragraphs at blank lines.  Relative links are resolved
 * against base_url (may be NULL).  Returns NULL with an allocated *cause
 * on failure; the caller frees the document with doc_free. */
struct doc	*content_parse(const char *content, size_t len,
		    enum content_kind kind, const char *base_url,
		    char **cause);

/* As content_parse, but blocks are handed to fn, in order, as soon as
 * nothing can change them, and their text and runs are then let go:
 * memory stays about that of one top-level block, plus a few bytes per
 * block and link.  fn sees the links table as far as it goes, and the
 * meta.  The document returned has its links, sections and meta, but no
 * text in its blocks: they have all been handed out. */
struct doc	*content_parse_each(const char *content, size_t len,
		    enum content_kind kind, const char *base_url,
		    doc_blocks_fn fn, void *arg, char **cause);

#endif
