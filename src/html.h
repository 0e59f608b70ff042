/* html.h - HTML reduced to its plain text, with the HTML parser that
 * html_parse (doc.h) uses for documents. */
#ifndef MN_HTML_H
#define MN_HTML_H

#include <stddef.h>

/* The text of the HTML in s (len bytes of UTF-8) as the reader would show
 * it on one line: tags gone, entities decoded, the content of script,
 * style and the other dropped elements left out, white space (and block
 * boundaries) collapsed to single spaces, no space at either end.  Not
 * yet sanitised (see utf8_sanitize).  Never NULL; the caller frees it. */
char	*html_text(const char *s, size_t len);

#endif
