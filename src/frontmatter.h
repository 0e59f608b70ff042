/* frontmatter.h - the simple YAML header of a Markdown post. */
#ifndef MN_FRONTMATTER_H
#define MN_FRONTMATTER_H

#include <stddef.h>

struct frontmatter;

/* Parse the front matter at the start of text ("---" line, key: value
 * lines, "---" or "..." line).  Nested mappings give dotted keys
 * ("post_author.display_name"), lists are joined with ", ".  Text without
 * front matter gives an empty header and a body offset of 0.  Returns NULL
 * with an allocated *cause ("line N: ...") on a malformed header.  The
 * caller frees the result with frontmatter_free. */
struct frontmatter *frontmatter_parse(const char *text, size_t len,
	    char **cause);
void	 frontmatter_free(struct frontmatter *);
/* The value of key (unsanitised), or NULL. */
const char *frontmatter_get(const struct frontmatter *, const char *key);
/* Offset of the body in the text, and its first line number (1-based). */
size_t	 frontmatter_body(const struct frontmatter *, int *line);

#endif
