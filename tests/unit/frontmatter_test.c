/* frontmatter_test.c - the YAML header of Markdown posts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "frontmatter.h"
#include "harness.h"

static struct frontmatter *
parse(const char *text, char **cause)
{
	*cause = NULL;
	return frontmatter_parse(text, strlen(text), cause);
}

/* The header of the first community update, as its author wrote it. */
static void
test_seed_shape(void)
{
	static const char text[] =
	    "---\n"
	    "layout: post\n"
	    "title: \"Mesos Community Update #1\"\n"
	    "permalink: /blog/mesos-community-update-1/\n"
	    "published: true\n"
	    "post_author:\n"
	    "  display_name: Matt Trifiro\n"
	    "  twitter: mtrifiro\n"
	    "tags: Community\n"
	    "canonical_url: http://mesosphere.io/community/2014/03/20/"
	    "mesos-community-update-1/\n"
	    "---\n"
	    "\n"
	    "_A cross post._\n";
	struct frontmatter *fm;
	char *cause;
	size_t off;
	int line = 0;

	fm = parse(text, &cause);
	OK(fm != NULL, "parse: %s", cause ? cause : "");
	if (fm == NULL) {
		free(cause);
		return;
	}
	STR_EQ(frontmatter_get(fm, "layout"), "post");
	STR_EQ(frontmatter_get(fm, "title"), "Mesos Community Update #1");
	STR_EQ(frontmatter_get(fm, "permalink"),
	    "/blog/mesos-community-update-1/");
	STR_EQ(frontmatter_get(fm, "published"), "true");
	STR_EQ(frontmatter_get(fm, "post_author.display_name"),
	    "Matt Trifiro");
	STR_EQ(frontmatter_get(fm, "post_author.twitter"), "mtrifiro");
	STR_EQ(frontmatter_get(fm, "tags"), "Community");
	STR_EQ(frontmatter_get(fm, "canonical_url"),
	    "http://mesosphere.io/community/2014/03/20/"
	    "mesos-community-update-1/");
	STR_EQ(frontmatter_get(fm, "display_name"), NULL);
	STR_EQ(frontmatter_get(fm, "twitter"), NULL);
	STR_EQ(frontmatter_get(fm, "date"), NULL);
	STR_EQ(frontmatter_get(fm, "Title"), NULL);
	off = frontmatter_body(fm, &line);
	STR_EQ(text + off, "\n_A cross post._\n");
	INT_EQ(line, 12);
	OK(cause == NULL, "no cause on success");
	frontmatter_free(fm);
}

static void
test_scalars(void)
{
	static const char text[] =
	    "---\n"
	    "# A comment line, then a blank one.\n"
	    "\n"
	    "plain: Mesos 0.20.0 is out\n"
	    "hash: Mesos Community Update #2\n"
	    "comment: post # the layout\n"
	    "dq: \"Say \\\"hi\\\" to Mesos\"\n"
	    "dq_escapes: \"tab\\there\\nnewline \\\\ done\"\n"
	    "sq: 'Ann''s update'\n"
	    "sq_hash: '#3: the # stays'\n"
	    "dq_comment: \"quoted\"   # and a comment\n"
	    "url: https://mesos.apache.org/blog/feed.xml\n"
	    "colon_in_value: Mesos: the data center kernel\n"
	    "empty:\n"
	    "empty_dq: \"\"\n"
	    "spaces:    lots of room    \n"
	    "date: 2014-03-20 10:00:00 -0700\n"
	    "author: Ann & Bob\n"
	    "utf8: caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87\n"
	    "...\n"
	    "body";
	struct frontmatter *fm;
	char *cause;
	int line = 0;

	fm = parse(text, &cause);
	OK(fm != NULL, "parse: %s", cause ? cause : "");
	if (fm == NULL) {
		free(cause);
		return;
	}
	STR_EQ(frontmatter_get(fm, "plain"), "Mesos 0.20.0 is out");
	/* In YAML " #" starts a comment, also in a title. */
	STR_EQ(frontmatter_get(fm, "hash"), "Mesos Community Update");
	STR_EQ(frontmatter_get(fm, "comment"), "post");
	STR_EQ(frontmatter_get(fm, "dq"), "Say \"hi\" to Mesos");
	STR_EQ(frontmatter_get(fm, "dq_escapes"),
	    "tab\there\nnewline \\ done");
	STR_EQ(frontmatter_get(fm, "sq"), "Ann's update");
	STR_EQ(frontmatter_get(fm, "sq_hash"), "#3: the # stays");
	STR_EQ(frontmatter_get(fm, "dq_comment"), "quoted");
	STR_EQ(frontmatter_get(fm, "url"),
	    "https://mesos.apache.org/blog/feed.xml");
	STR_EQ(frontmatter_get(fm, "colon_in_value"),
	    "Mesos: the data center kernel");
	STR_EQ(frontmatter_get(fm, "empty"), "");
	STR_EQ(frontmatter_get(fm, "empty_dq"), "");
	STR_EQ(frontmatter_get(fm, "spaces"), "lots of room");
	STR_EQ(frontmatter_get(fm, "date"), "2014-03-20 10:00:00 -0700");
	STR_EQ(frontmatter_get(fm, "author"), "Ann & Bob");
	STR_EQ(frontmatter_get(fm, "utf8"),
	    "caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87");
	/* "..." also ends the header. */
	STR_EQ(text + frontmatter_body(fm, &line), "body");
	INT_EQ(line, 21);
	frontmatter_free(fm);
}

static void
test_lists(void)
{
	static const char text[] =
	    "---\n"
	    "flow: [mesos, \"community\", 'update', marathon]\n"
	    "flow_empty: []\n"
	    "flow_one: [Community]\n"
	    "flow_spaced: [ a ,  b  ]\n"
	    "block:\n"
	    "  - mesos\n"
	    "  - \"chronos\"\n"
	    "  # a comment inside the list\n"
	    "  - aurora\n"
	    "block_flush:\n"
	    "- one\n"
	    "- two\n"
	    "after: still read\n"
	    "---\n";
	struct frontmatter *fm;
	char *cause;

	fm = parse(text, &cause);
	OK(fm != NULL, "parse: %s", cause ? cause : "");
	if (fm == NULL) {
		free(cause);
		return;
	}
	STR_EQ(frontmatter_get(fm, "flow"),
	    "mesos, community, update, marathon");
	STR_EQ(frontmatter_get(fm, "flow_empty"), "");
	STR_EQ(frontmatter_get(fm, "flow_one"), "Community");
	STR_EQ(frontmatter_get(fm, "flow_spaced"), "a, b");
	STR_EQ(frontmatter_get(fm, "block"), "mesos, chronos, aurora");
	STR_EQ(frontmatter_get(fm, "block_flush"), "one, two");
	STR_EQ(frontmatter_get(fm, "after"), "still read");
	frontmatter_free(fm);

	/* A comma inside a quoted flow item belongs to the item. */
	fm = parse("---\ntags: [\"Mesos, Docker\", 'a, b', c]\n---\n",
	    &cause);
	OK(fm != NULL, "quoted comma: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "tags"), "Mesos, Docker, a, b, c");
		frontmatter_free(fm);
	} else
		free(cause);
}

/* Valid YAML that front matter sometimes holds must not be an error. */
static void
test_valid_extras(void)
{
	static const char block_scalar[] =
	    "---\n"
	    "title: Update\n"
	    "excerpt: |\n"
	    "  Two lines of\n"
	    "  summary: with a colon.\n"
	    "author: Dave\n"
	    "---\n";
	static const char deep[] =
	    "---\n"
	    "post_author:\n"
	    "  display_name: Matt\n"
	    "  social:\n"
	    "    twitter: mtrifiro\n"
	    "title: Deep\n"
	    "---\n";
	struct frontmatter *fm;
	char *cause;

	fm = parse(block_scalar, &cause);
	OK(fm != NULL, "block scalar: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "title"), "Update");
		STR_EQ(frontmatter_get(fm, "author"), "Dave");
		frontmatter_free(fm);
	} else
		free(cause);

	/* A block line indented less than the first (found by fuzzing: the
	 * cut underflowed). */
	fm = parse("---\nexcerpt: |\n    deep\n  shallow\ntitle: T\n---\n",
	    &cause);
	OK(fm != NULL, "less-indented block line: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "excerpt"), "deep\nshallow");
		STR_EQ(frontmatter_get(fm, "title"), "T");
		frontmatter_free(fm);
	} else
		free(cause);

	fm = parse(deep, &cause);
	OK(fm != NULL, "deep: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "post_author.display_name"),
		    "Matt");
		STR_EQ(frontmatter_get(fm, "post_author.social.twitter"),
		    "mtrifiro");
		STR_EQ(frontmatter_get(fm, "post_author.twitter"), NULL);
		STR_EQ(frontmatter_get(fm, "title"), "Deep");
		frontmatter_free(fm);
	} else
		free(cause);
}

static void
test_line_endings(void)
{
	static const char crlf[] =
	    "---\r\n"
	    "title: Windows\r\n"
	    "tags:\r\n"
	    "  - a\r\n"
	    "  - b\r\n"
	    "---\r\n"
	    "Body\r\n";
	static const char bom[] = "\xef\xbb\xbf---\ntitle: BOM\n---\nx";
	static const char no_final_nl[] = "---\ntitle: T\n---";
	struct frontmatter *fm;
	char *cause;
	int line;

	fm = parse(crlf, &cause);
	OK(fm != NULL, "crlf: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "title"), "Windows");
		STR_EQ(frontmatter_get(fm, "tags"), "a, b");
		STR_EQ(crlf + frontmatter_body(fm, &line), "Body\r\n");
		INT_EQ(line, 7);
		frontmatter_free(fm);
	} else
		free(cause);

	fm = parse(bom, &cause);
	OK(fm != NULL, "bom: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "title"), "BOM");
		STR_EQ(bom + frontmatter_body(fm, NULL), "x");
		frontmatter_free(fm);
	} else
		free(cause);

	fm = parse(no_final_nl, &cause);
	OK(fm != NULL, "no final newline: %s", cause ? cause : "");
	if (fm != NULL) {
		STR_EQ(frontmatter_get(fm, "title"), "T");
		STR_EQ(no_final_nl + frontmatter_body(fm, NULL), "");
		frontmatter_free(fm);
	} else
		free(cause);
}

static void
test_no_header(void)
{
	static const char *const texts[] = {
		"",
		"# Just Markdown\n\nNo header here.\n",
		"---",			/* a rule alone, no newline */
		"----\ntitle: x\n----\n",
		"Intro\n---\ntitle: x\n---\n",
	};
	struct frontmatter *fm;
	char *cause;
	size_t i;
	int line;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		fm = parse(texts[i], &cause);
		OK(fm != NULL, "text %zu: %s", i, cause ? cause : "");
		if (fm == NULL) {
			free(cause);
			continue;
		}
		line = 0;
		INT_EQ(frontmatter_body(fm, &line), 0);
		INT_EQ(line, 1);
		STR_EQ(frontmatter_get(fm, "title"), NULL);
		frontmatter_free(fm);
	}
}

static void
error_is(const char *text, size_t len, const char *want, int line)
{
	struct frontmatter *fm;
	char *cause = NULL;

	fm = frontmatter_parse(text, len, &cause);
	if (fm != NULL) {
		OK(0, "line %d: parsed, want error \"%s\"", line, want);
		frontmatter_free(fm);
		return;
	}
	if (cause == NULL || strcmp(cause, want) != 0)
		OK(0, "line %d: got \"%s\" want \"%s\"", line,
		    cause ? cause : "(null)", want);
	else
		OK(1, "ok");
	free(cause);
}
#define ERROR_IS(t, w) error_is(t, sizeof(t) - 1, w, __LINE__)

static void
test_errors(void)
{
	struct buf b = BUF_INIT;
	int i;

	ERROR_IS("---\ntitle: A\n",
	    "line 2: front matter is not closed by a '---' line");
	ERROR_IS("---\ntitle: A\nauthor: B",
	    "line 3: front matter is not closed by a '---' line");
	ERROR_IS("---\ntitle A\n---\n", "line 2: expected 'key: value'");
	ERROR_IS("---\ntitle: A\n: no key\n---\n",
	    "line 3: expected 'key: value'");
	ERROR_IS("---\ntitle: A\nlayout: post\ntitle: \"Unclosed\n---\n",
	    "line 4: unclosed quote or list");
	ERROR_IS("---\ntitle: 'Unclosed\n---\n",
	    "line 2: unclosed quote or list");
	ERROR_IS("---\ntags: [a, b\n---\n", "line 2: unclosed quote or list");
	ERROR_IS("---\ntags:\n  - \"a\n---\n",
	    "line 3: unclosed quote or list");
	ERROR_IS("---\npost_author:\n\tdisplay_name: X\n---\n",
	    "line 3: tab used for indentation");
	ERROR_IS("---\n- a\n---\n", "line 2: list item without a key");
	ERROR_IS("---\n  title: A\n---\n", "line 2: unexpected indentation");
	ERROR_IS("---\ntitle: a\0b\n---\n",
	    "line 2: NUL byte in front matter");
	ERROR_IS("---\r\nlayout: post\r\ntitle A\r\n---\r\n",
	    "line 3: expected 'key: value'");

	/* A key longer than the parser keeps. */
	buf_adds(&b, "---\n");
	for (i = 0; i < 300; i++)
		buf_addc(&b, 'k');
	buf_adds(&b, ": v\n---\n");
	error_is(b.data, b.len, "line 2: key too long", __LINE__);
	buf_reset(&b);

	/* More keys than the parser keeps. */
	buf_adds(&b, "---\n");
	for (i = 0; i < 300; i++)
		buf_printf(&b, "key%d: v\n", i);
	buf_adds(&b, "---\n");
	error_is(b.data, b.len, "line 258: too many keys", __LINE__);
	buf_free(&b);
}

int
main(void)
{
	HARNESS_INIT();
	test_seed_shape();
	test_scalars();
	test_lists();
	test_valid_extras();
	test_line_endings();
	test_no_header();
	test_errors();
	DONE();
}
