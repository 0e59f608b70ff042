/* feed_xml.h - what the two halves of the feed-XML reader share: the
 * parser's state (feed_xml.c reads elements, feed_parser.c drives libxml2
 * and the byte filter).  Not for callers of feed.h. */
#ifndef MN_FEED_XML_H
#define MN_FEED_XML_H

#include <libxml/parser.h>

#include "buf.h"
#include "feed.h"

struct feed_ids;
struct repair;

enum ns {
	NS_NONE = 0,
	NS_ATOM,
	NS_ATOM03,
	NS_RSS,		/* RSS 1.0 and 0.90 element namespaces */
	NS_RDF,
	NS_CONTENT,
	NS_DC,
	NS_MEDIA,
	NS_ITUNES,
	NS_XHTML,
	NS_OTHER,
};

enum tag {
	T_OTHER = 0,
	T_AUTHOR, T_CATEGORY, T_CONTENT, T_CREATED, T_CREATOR, T_DATE,
	T_DESCRIPTION, T_ENCODED, T_ENTRY, T_FEED, T_GUID, T_ID, T_ISSUED,
	T_ITEM, T_LINK, T_MODIFIED, T_NAME, T_PUBDATE, T_PUBLISHED, T_RDF,
	T_RSS, T_SOURCE, T_SUMMARY, T_TITLE, T_UPDATED, T_CHANNEL,
	T_ABSTRACT, T_BODY, T_FULLITEM,
};

/* The text fields collected for the entry (or the feed) being parsed. */
enum field {
	F_ID, F_TITLE, F_LINK, F_AUTHOR, F_PUBLISHED, F_UPDATED, F_DCDATE,
	F_CONTENT, F_DESCRIPTION, F_SUMMARY, F_TAGS, F_GUID, F_ALTTITLE,
	F_FEED_TITLE, F_FEED_LINK, F_FEED_AUTHOR,
	F_COUNT
};

enum capture {
	CAP_TEXT,		/* characters only, at any depth */
	CAP_MARKUP,		/* characters and child elements (xhtml) */
};

struct frame {
	char		*base;		/* xml:base in scope (NULL: none), owned
					   if own */
	int		 own;
};

struct feed_parser {
	xmlParserCtxtPtr ctxt;
	xmlSAXHandler	 sax;
	struct feed_limits lim;
	feed_issue_fn	 fn;
	void		*arg;
	char		*url;
	char		*cause;
	char		*warning;
	char		*broken;	/* first well-formedness error, read past */
	char		*charset;	/* the server's, if not UTF-8 */
	int		 options;	/* libxml2's */
	int		 lenient;	/* UTF-8 or windows-1252 by the bytes */
	size_t		 emitted;	/* issues handed over */
	struct feed_ids	*ids;
	struct feed_meta meta;

	/* The repair filter. */
	struct repair	*repair;
	struct buf	 out;		/* filtered bytes for libxml2 */
	int		 started;
	int		 finishing;	/* the last chunk is being parsed */
	int		 filter;	/* off for UTF-16 documents */
	int		 utf16_be;	/* their byte order */
	int		 too_many_attrs;
	size_t		 total;

	/* The SAX state. */
	int		 depth;
	int		 nframes;
	struct frame	*frames;
	int		 root_seen;
	int		 in_entry;	/* depth of the entry element, or 0 */
	int		 in_author;	/* depth of author, or 0 */
	int		 in_channel;
	int		 skip_depth;	/* depth of a subtree to ignore, or 0 */
	int		 feed_title_html;
	struct buf	 head;		/* the start, until it can be sniffed */
	int		 json;		/* a JSON Feed: kept whole in jdoc */
	struct buf	 jdoc;
	enum field	 cap_field;
	int		 cap_depth;	/* 0: not capturing */
	enum capture	 cap_mode;
	int		 title_html;	/* the title is HTML: reduce to text */
	int		 title_b64;	/* Atom 0.3 mode="base64" */
	int		 content_b64, summary_b64;
	int		 alt_rank;	/* dc 3, media 2, itunes 1: F_ALTTITLE */
	int		 guid_not_link;	/* isPermaLink="false" */
	int		 damaged;	/* a structural error inside the entry */
	enum ns		 root_ns;
	int		 skipping;	/* cap exceeded, content dropped */
	enum content_kind content_kind, summary_kind, desc_kind;
	char		*content_base;	/* "" for the document's base */
	char		*home;		/* the http(s) URL it gives itself */
	int		 home_rank;	/* 2 rel="self", 1 alternate */
	int		 link_rank;	/* quality of the link taken so far */
	int		 feed_link_rank;
	struct buf	 f[F_COUNT];
	struct buf	 attrbuf[3];
	int		 has[F_COUNT];
	struct issue	 cur;
};

/* Record the first error (later ones are its consequences) as "line N:
 * ..." and stop the parse. */
void	 feed_xml_fail(struct feed_parser *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Fill sax with the reader's handlers (their context is the parser). */
void	 feed_xml_handlers(xmlSAXHandler *sax);
/* A single-line, sanitised copy of a field (reduced to text if html), or
 * NULL when empty. */
char	*feed_xml_oneline(struct buf *, int has, int html);
/* Release the xml:base frames still open. */
void	 feed_xml_pop_frames(struct feed_parser *);

#endif
