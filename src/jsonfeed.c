/* jsonfeed.c - the only json-c code: JSON Feed 1.0 and 1.1 to issues.
 *
 * feed.c hands over a whole document that starts with '{' (a JSON Feed is
 * parsed as one value: it is bounded by the same document cap as XML).
 * Field rules are those of the XML formats: one-line fields sanitised,
 * links resolved against the document's URL, ids from "id", else the
 * link, else a hash.
 */
#include "config.h"

#include <string.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "buf.h"
#include "feed.h"
#include "feed_ids.h"
#include "jsonfeed.h"
#include "uri.h"
#include "utf8.h"
#include "util.h"

#define JSON_MAX_DEPTH	32

/* A member of obj as a string (numbers are written out), or NULL. */
static const char *
member(json_object *obj, const char *key, size_t *len)
{
	json_object *v;

	if (obj == NULL || !json_object_is_type(obj, json_type_object) ||
	    !json_object_object_get_ex(obj, key, &v) || v == NULL)
		return NULL;
	if (!json_object_is_type(v, json_type_string) &&
	    !json_object_is_type(v, json_type_int) &&
	    !json_object_is_type(v, json_type_double))
		return NULL;
	if (len != NULL)
		*len = (size_t)json_object_get_string_len(v);
	return json_object_get_string(v);
}

static json_object *
array_member(json_object *obj, const char *key)
{
	json_object *v;

	if (obj == NULL || !json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_array))
		return NULL;
	return v;
}

/* A clean one-line copy of a member, or NULL when absent or empty. */
static char *
oneline(json_object *obj, const char *key)
{
	const char *s;
	size_t len;

	if ((s = member(obj, key, &len)) == NULL)
		return NULL;
	return feed_oneline(s, len);
}

static char *
link_member(json_object *obj, const char *key, const char *base)
{
	char *raw, *abs;

	if ((raw = oneline(obj, key)) == NULL)
		return NULL;
	abs = uri_resolve(base, raw);
	free(raw);
	return abs;
}

/* The first author's name: 1.1 "authors", else 1.0 "author". */
static char *
author_of(json_object *obj)
{
	json_object *authors, *a;
	char *name;
	size_t i, n;

	if ((authors = array_member(obj, "authors")) != NULL) {
		n = json_object_array_length(authors);
		for (i = 0; i < n; i++) {
			a = json_object_array_get_idx(authors, i);
			if ((name = oneline(a, "name")) != NULL)
				return name;
		}
	}
	if (json_object_object_get_ex(obj, "author", &a))
		return oneline(a, "name");
	return NULL;
}

static char *
tags_of(json_object *item)
{
	struct buf b = BUF_INIT;
	json_object *tags, *t;
	size_t i, n;

	if ((tags = array_member(item, "tags")) == NULL)
		return NULL;
	n = json_object_array_length(tags);
	for (i = 0; i < n && b.len < 4096; i++) {
		t = json_object_array_get_idx(tags, i);
		if (t == NULL || !json_object_is_type(t, json_type_string))
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		utf8_sanitize_into(&b, json_object_get_string(t),
		    (size_t)json_object_get_string_len(t), UTF8_ONELINE);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* Take a date member: parsed, or kept as written when unparseable. */
static void
take_date(struct issue *is, time_t *t, json_object *item, const char *key)
{
	char *s;

	if ((s = oneline(item, key)) == NULL)
		return;
	*t = feed_parse_date(s);
	if (*t == (time_t)-1 && is->date_raw == NULL)
		is->date_raw = s;
	else
		free(s);
}

/* Raw content (the renderer sanitises it), or NULL; -1 if too large. */
static int
content(json_object *item, const char *key, size_t max, char **out)
{
	const char *s;
	size_t len;

	*out = NULL;
	if ((s = member(item, key, &len)) == NULL || len == 0)
		return 0;
	if (len > max)
		return -1;
	*out = xstrndup(s, len);
	return 0;
}

/* One item to an issue, handed to fn.  Returns 0 (FEED_NO_CONTENT if fn
 * did), or -1 with *cause. */
static int
item(json_object *it, const char *url, const char *feed_author,
    struct feed_ids *ids, const struct feed_limits *lim, feed_issue_fn fn,
    void *arg, char **cause)
{
	struct issue is;
	char *html = NULL, *text = NULL, *summary = NULL, **first;
	int rc = 0;

	memset(&is, 0, sizeof is);
	is.published = is.updated = (time_t)-1;
	is.title = oneline(it, "title");
	is.link = link_member(it, "url", url);
	if (is.link == NULL)
		is.link = link_member(it, "external_url", url);
	if ((is.author = author_of(it)) == NULL && feed_author != NULL)
		is.author = xstrdup(feed_author);
	take_date(&is, &is.published, it, "date_published");
	take_date(&is, &is.updated, it, "date_modified");
	is.id = oneline(it, "id");
	if (is.id == NULL && is.link != NULL)
		is.id = xstrdup(is.link);
	if (is.id == NULL)
		is.id = feed_fallback_id(is.title, member(it, "date_published",
		    NULL), member(it, "date_modified", NULL), NULL);
	feed_ids_unique(ids, &is.id, is.link, is.title,
	    member(it, "date_published", NULL) != NULL ?
	    member(it, "date_published", NULL) :
	    member(it, "date_modified", NULL));
	is.tags = tags_of(it);
	if (!lim->skip_content) {
		if (content(it, "content_html", lim->max_field, &html) == -1 ||
		    content(it, "content_text", lim->max_field, &text) == -1 ||
		    content(it, "summary", lim->max_field, &summary) == -1) {
			*cause = xasprintf("a field is larger than %zu bytes",
			    lim->max_field);
			rc = -1;
			goto out;
		}
		/* The first of the HTML, the text and the summary is the
		 * content (a summary that is all there is: in one copy). */
		first = html != NULL ? &html : text != NULL ? &text : &summary;
		if (*first != NULL) {
			is.content = *first;
			is.kind = first == &html ? CONTENT_HTML : CONTENT_TEXT;
			*first = NULL;
		}
		if (summary != NULL) {
			is.summary = summary;
			is.summary_kind = CONTENT_TEXT;
			summary = NULL;
		}
		is.base = url ? xstrdup(url) : NULL;
	}
	if ((rc = fn(&is, arg)) == -1)
		*cause = xstrdup("stopped");
	else if (rc != FEED_NO_CONTENT)
		rc = 0;
out:
	free(html);
	free(text);
	free(summary);
	feed_issue_clear(&is);
	return rc;
}

static int
line_of(const char *s, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

int
jsonfeed_parse(const char *s, size_t len, const char *url,
    const struct feed_limits *lim, feed_issue_fn fn, void *arg,
    struct feed_meta *meta, char **cause)
{
	struct feed_limits l = *lim;
	struct feed_ids *ids = feed_ids_new();
	struct json_tokener *tok;
	enum json_tokener_error err;
	json_object *root, *items;
	const char *version;
	char *feed_author = NULL, *feed_url = NULL;
	size_t i, n, end;
	int rc = -1;

	if (len > INT32_MAX) {
		*cause = xstrdup("document too large");
		return -1;
	}
	tok = json_tokener_new_ex(JSON_MAX_DEPTH);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	root = json_tokener_parse_ex(tok, s, (int)len);
	err = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (root == NULL || err != json_tokener_success) {
		if (err == json_tokener_continue)
			*cause = xasprintf("line %d: JSON document is "
			    "truncated", line_of(s, len));
		else
			*cause = xasprintf("line %d: malformed JSON (%s)",
			    line_of(s, end), json_tokener_error_desc(err));
		goto out;
	}
	version = member(root, "version", NULL);
	items = array_member(root, "items");
	if (version == NULL || strncmp(version,
	    "https://jsonfeed.org/version/", 29) != 0 || items == NULL) {
		*cause = xstrdup("line 1: JSON, but not a JSON Feed (it needs "
		    "\"version\" and \"items\")");
		goto out;
	}
	/* The feed says where it lives: a better base than a local copy's
	 * path. */
	if ((feed_url = oneline(root, "feed_url")) != NULL &&
	    uri_is_remote(feed_url))
		url = feed_url;
	else if (url != NULL && !uri_is_remote(url))
		/* A local copy that states no home: relative links stay
		 * as written, not file:// URLs. */
		url = NULL;
	meta->format = FEED_JSON;
	meta->title = oneline(root, "title");
	meta->link = link_member(root, "home_page_url", url);
	feed_author = author_of(root);
	n = json_object_array_length(items);
	for (i = 0; i < n; i++) {
		switch (item(json_object_array_get_idx(items, i), url,
		    feed_author, ids, &l, fn, arg, cause)) {
		case -1:
			goto out;
		case FEED_NO_CONTENT:
			l.skip_content = true;
			break;
		}
	}
	rc = 0;
out:
	feed_ids_free(ids);
	free(feed_author);
	free(feed_url);
	if (root != NULL)
		json_object_put(root);
	json_tokener_free(tok);
	return rc;
}
