/* feed.h - the only feed-XML code: documents and Markdown posts to issues. */
#ifndef MN_FEED_H
#define MN_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum content_kind {
	CONTENT_NONE = 0,
	CONTENT_TEXT,
	CONTENT_HTML,
	CONTENT_XHTML,		/* serialised XHTML; render as HTML */
	CONTENT_MARKDOWN,
};

enum feed_format {
	FEED_UNKNOWN = 0,
	FEED_ATOM10,
	FEED_ATOM03,
	FEED_RSS20,
	FEED_RSS09,		/* RSS 0.91, 0.92, 0.93, 0.94 */
	FEED_RSS10,		/* RDF */
	FEED_MARKDOWN,		/* posts with YAML front matter */
	FEED_JSON,		/* JSON Feed 1.0 and 1.1 */
	FEED_CDF,		/* Microsoft's Channel Definition Format */
};

/* One entry of a feed: an issue of the newsletter.  Every string is
 * sanitised UTF-8 (see utf8_sanitize) or NULL; title, author and link are
 * single lines.  Links are absolute where a base was known. */
struct issue {
	char		*id;		/* never NULL after parsing */
	char		*title;
	char		*link;
	char		*author;
	time_t		 published;	/* (time_t)-1 when unknown */
	time_t		 updated;	/* (time_t)-1 when unknown */
	char		*date_raw;	/* the date as written, if unparseable */
	char		*content;	/* raw markup: not yet sanitised */
	enum content_kind kind;
	char		*summary;	/* raw markup, same kind as content */
	enum content_kind summary_kind;
	char		*tags;		/* comma-separated, or NULL */
	char		*base;		/* base URI for links inside content */
};

/* Feed-level facts, filled in as the parse goes. */
struct feed_meta {
	enum feed_format format;
	char		*title;
	char		*link;
};

#define FEED_DEFAULT_MAX_DOC	(64u << 20)
#define FEED_DEFAULT_MAX_FIELD	(16u << 20)
#define FEED_DEFAULT_MAX_DEPTH	256

/* Zero fields take the defaults above. */
struct feed_limits {
	size_t		 max_doc;	/* bytes of input; default 64 MiB */
	size_t		 max_field;	/* bytes of one field; default 16 MiB */
	int		 max_depth;	/* element nesting; default 256 */
	bool		 skip_content;	/* don't keep content/summary (--list) */
	/* Read past well-formedness errors (libxml2's recover mode) and
	 * keep the entries that come out whole, with a warning "line N:
	 * reason; read K entries, the rest may be missing"; a document
	 * with no whole entry still fails.  The hardening is the same
	 * either way.  feed_load_local always sets it. */
	bool		 recover;
	/* Markdown posts: the site's http(s) URL (e.g. --base-url), which
	 * with a post's permalink makes its link and the base of its
	 * relative links.  NULL: both stay as written. */
	const char	*base_url;
};

/* Called for each issue as soon as it is complete; the issue and its
 * strings belong to the parser and are valid only during the call.
 * Return 0 to go on, FEED_NO_CONTENT to go on without the content and
 * summary of the issues after this one (as skip_content does), -1 to stop
 * the parse (feed_parser_* then fail with cause "stopped"). */
typedef int (*feed_issue_fn)(const struct issue *, void *);
#define FEED_NO_CONTENT	1

/* Set up libxml2 before a thread parses: its first use sets up globals
 * in a way that is not thread-safe.  Called from one thread; may be
 * called again. */
void	 feed_init(void);

struct feed_parser;

/* A streaming parser for one document.  url is the document's own URL
 * (http(s) or file://), the base for relative links; charset, if not NULL,
 * is the charset a server declared.  limits may be NULL for defaults. */
struct feed_parser *feed_parser_new(const char *url, const char *charset,
	    const struct feed_limits *limits, feed_issue_fn fn, void *arg);
/* Feed the next bytes of the document.  Returns 0, or -1 with *cause set
 * (the caller frees it) naming the line of the error. */
int	 feed_parser_push(struct feed_parser *, const void *, size_t,
	    char **cause);
/* Signal the end of the document; -1 with *cause if it was incomplete. */
int	 feed_parser_finish(struct feed_parser *, char **cause);
const struct feed_meta *feed_parser_meta(struct feed_parser *);
/* One line describing repairs made to a malformed but usable document
 * (e.g. bare ampersands), or NULL.  Owned by the parser. */
const char *feed_parser_warning(struct feed_parser *);
void	 feed_parser_free(struct feed_parser *);

/* Parse a local source: a feed file, a file:// URL, a Markdown post (*.md,
 * *.markdown) or a directory of posts.  Issues go to fn; *warning, if
 * not NULL, receives an allocated warning or NULL.  Feeds are read with
 * limits->recover set.  Returns 0, or -1 with an allocated *cause
 * (without the source's name in it). */
int	 feed_load_local(const char *source, const struct feed_limits *,
	    feed_issue_fn fn, void *arg, struct feed_meta *meta,
	    char **warning, char **cause);
/* True if source names a Markdown post or a directory. */
bool	 feed_is_markdown_source(const char *source);

/* Called for each outline of an OPML document that has an xmlUrl: the
 * URL and the title (or text, or NULL), sanitised single lines.  Return
 * -1 to stop. */
typedef int (*feed_outline_fn)(const char *url, const char *title, void *);
/* Read an OPML document of len bytes with the feed parser's hardening and
 * call fn for each feed outline, at any depth, in document order.
 * Returns the number of feeds, or -1 with an allocated *cause ("line N:
 * ...") for a malformed document or one that declares entities. */
int	 feed_opml_parse(const char *, size_t, feed_outline_fn fn, void *arg,
	    char **cause);

/* A one-line field (title, author, id, tags...) of len bytes as an issue
 * keeps it: sanitised (utf8_sanitize's UTF8_ONELINE), cut to at most
 * FEED_MAX_ONELINE bytes at a character cluster with "…" when longer, or
 * NULL when nothing is left.  No title needs more, and a field at the
 * 16 MiB cap would otherwise be listed, indexed and laid out whole. */
#define FEED_MAX_ONELINE	4096
char	*feed_oneline(const char *s, size_t len);

/* The id of an issue that has none: a stable hash of its title and
 * dates as written (any may be NULL).  The caller frees it. */
char	*feed_fallback_id(const char *title, const char *d1, const char *d2,
	    const char *d3);

/* Free an issue's strings and reset it (dates unknown, no kind). */
void	 feed_issue_clear(struct issue *);

/* A deep copy of an issue, and its release. */
struct issue *feed_issue_dup(const struct issue *);
void	 feed_issue_free(struct issue *);
void	 feed_meta_clear(struct feed_meta *);
const char *feed_format_name(enum feed_format);
const char *feed_kind_name(enum content_kind);
enum content_kind feed_kind_from_name(const char *);

/* Dates: RFC 822/1123 (with obsolete zone names) and RFC 3339/ISO 8601.
 * Returns (time_t)-1 when s cannot be parsed. */
time_t	 feed_parse_date(const char *s);

#endif
