/* uri.h - RFC 3986 reference resolution and the scheme allow-list. */
#ifndef MN_URI_H
#define MN_URI_H

#include <stdbool.h>

/* Resolve ref against base (RFC 3986 section 5.2).  Either may be NULL;
 * a NULL or non-absolute base leaves ref as it is.  Leading and trailing
 * white space of ref is ignored.  Returns a new string the caller frees. */
char	*uri_resolve(const char *base, const char *ref);
/* s with each space as %20: a URL is one word, on screen and to a
 * browser.  The caller frees it. */
char	*uri_encode_spaces(const char *s);
/* True if s starts with a scheme ("name:"), i.e. is an absolute URI. */
bool	 uri_is_absolute(const char *s);
/* True for the schemes mesosnews hands to a browser: http, https, mailto. */
bool	 uri_is_openable(const char *s);
/* True for http and https URLs. */
bool	 uri_is_remote(const char *s);
/* A file:// URI for a local path (made absolute against the current
 * directory), percent-encoding what needs it.  The caller frees it. */
char	*uri_from_path(const char *path);
/* The local path of a file:// URI, percent-decoded, or NULL when s is not
 * a local file URI.  The caller frees it. */
char	*uri_to_path(const char *s);
/* The host part of an absolute URI as a new string, or NULL. */
char	*uri_host(const char *s);

#endif
