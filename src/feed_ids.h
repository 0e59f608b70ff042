/* feed_ids.h - keeping the ids of one feed's entries unique (shared by
 * the feed readers; not for callers of feed.h). */
#ifndef MN_FEED_IDS_H
#define MN_FEED_IDS_H

struct feed_ids;

struct feed_ids	*feed_ids_new(void);
void		 feed_ids_free(struct feed_ids *);
/* Make *id (allocated; the caller's) unique among the ids of this feed
 * so far: a duplicate is replaced by one made from the entry's link,
 * title and date (any may be NULL) and its id as written, then numbered
 * until unique, so that the same feed gives the same ids every time. */
void		 feed_ids_unique(struct feed_ids *, char **id,
		    const char *link, const char *title, const char *date);

#endif
