/* text_test.c - text mode: header, sections, References, links only,
 * ANSI styles that every line closes. */
#include "config.h"

#include "harness.h"

#include "feed.h"
#include "text.h"
#include "util.h"

#include "../render/testutil.h"

static const char post[] =
    "Intro with [a link](http://a.example/).\n\n"
    "### Here are some recent highlights:\n\n"
    "* One [first](http://b.example/) and [again](http://a.example/).\n\n"
    "### Upcoming events:\n\n"
    "* Two [second](http://c.example/).\n";

static void
init(struct issue *is, const char *content, enum content_kind kind)
{
	memset(is, 0, sizeof *is);
	is->id = (char *)"id";
	is->title = (char *)"Mesos Community Update #2";
	is->author = (char *)"Dana Example";
	is->link = (char *)"http://mesos.apache.org/blog/u2/";
	is->published = 1396310400;	/* 2014-04-01 00:00:00 UTC */
	is->updated = (time_t)-1;
	is->content = (char *)content;
	is->kind = kind;
}

/* Render with opts; returns the output (or NULL and *cause). */
static char *
print(const struct issue *is, const struct text_opts *o, char **cause)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f;
	int rc;

	f = open_memstream(&out, &len);
	*cause = NULL;
	rc = text_print_issue(f, is, o, cause);
	fclose(f);
	if (rc == -1) {
		free(out);
		return NULL;
	}
	return out;
}

static void
test_plain(void)
{
	struct text_opts o;
	struct issue is;
	char *out, *cause;

	memset(&o, 0, sizeof o);
	o.width = 40;
	init(&is, post, CONTENT_MARKDOWN);
	out = print(&is, &o, &cause);
	STR_EQ(out,
	    "Mesos Community Update #2\n"
	    "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90"
	    "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90"
	    "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90"
	    "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90"
	    "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\n"
	    "2014-04-01 \xc2\xb7 Dana Example\n"
	    "http://mesos.apache.org/blog/u2/\n"
	    "\n"
	    "Intro with a link[1].\n"
	    "\n"
	    "Here are some recent highlights:\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\n"
	    "\n"
	    "\xe2\x80\xa2 One first[2] and again[1].\n"
	    "\n"
	    "Upcoming events:\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\n"
	    "\n"
	    "\xe2\x80\xa2 Two second[3].\n"
	    "\n"
	    "References\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n"
	    "\n"
	    "[1] http://a.example/\n"
	    "[2] http://b.example/\n"
	    "[3] http://c.example/\n");
	free(out);

	/* ASCII, unknown date shown as written, no author, no link. */
	o.ascii = true;
	o.no_references = true;
	is.published = (time_t)-1;
	is.date_raw = (char *)"Tuesday";
	is.author = NULL;
	is.link = NULL;
	is.content = (char *)"plain\n\ntext";
	is.kind = CONTENT_TEXT;
	out = print(&is, &o, &cause);
	STR_EQ(out, "Mesos Community Update #2\n"
	    "=========================\nTuesday\n\nplain\n\ntext\n");
	free(out);

	/* No links, no References; no title, no header. */
	o.no_references = false;
	init(&is, "<p>just text</p>", CONTENT_HTML);
	is.title = is.author = is.link = NULL;
	is.published = (time_t)-1;
	out = print(&is, &o, &cause);
	STR_EQ(out, "just text\n");
	free(out);
}

static void
test_sections(void)
{
	struct text_opts o;
	struct issue is;
	char *out, *cause;

	memset(&o, 0, sizeof o);
	o.width = 60;
	o.no_header = true;
	o.section = "HIGHLIGHTS";
	init(&is, post, CONTENT_MARKDOWN);
	out = print(&is, &o, &cause);
	/* Numbers stay those of the whole issue. */
	STR_EQ(out, "Here are some recent highlights:\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\n\n"
	    "\xe2\x80\xa2 One first[2] and again[1].\n\n"
	    "References\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\n"
	    "[1] http://a.example/\n"
	    "[2] http://b.example/\n");
	free(out);

	/* Several sections match: each once, in order. */
	o.section = "e";
	o.links_only = true;
	out = print(&is, &o, &cause);
	STR_EQ(out, "[1] http://a.example/\n[2] http://b.example/\n"
	    "[3] http://c.example/\n");
	free(out);
	o.section = "upcoming";
	out = print(&is, &o, &cause);
	STR_EQ(out, "[3] http://c.example/\n");
	free(out);

	o.section = "nothing like it";
	out = print(&is, &o, &cause);
	OK(out == NULL, "no match is an error");
	STR_EQ(cause, "no section matches \"nothing like it\" (sections: "
	    "\"Intro\", \"Here are some recent highlights\", "
	    "\"Upcoming events\")");
	free(cause);
}

static void
test_color(void)
{
	struct text_opts o;
	struct issue is;
	char *out, *cause, *line, *last, *save = NULL;
	int lines = 0, styled = 0;
	bool closed = true;

	memset(&o, 0, sizeof o);
	o.width = 30;
	o.color = true;
	init(&is, post, CONTENT_MARKDOWN);
	out = print(&is, &o, &cause);
	OK(out != NULL && strstr(out, "\033[0;4;34ma link\033[0;36m[1]"
	    "\033[0m.") != NULL, "link styles");
	OK(out != NULL && strstr(out, "\033[0;1;35mUpcoming events:\033[0m")
	    != NULL, "heading style");
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		lines++;
		if (strchr(line, '\033') == NULL)
			continue;
		styled++;
		/* The last escape of a line is a reset. */
		last = strrchr(line, '\033');
		if (strncmp(last, "\033[0m", 4) != 0)
			closed = false;
	}
	OK(closed, "a styled line does not end with a reset");
	OK(styled > 10 && lines > styled, "%d lines, %d styled", lines,
	    styled);
	free(out);

	o.color = false;
	out = print(&is, &o, &cause);
	OK(out != NULL && strchr(out, '\033') == NULL, "escape in plain text");
	free(out);
}

/* Issue 13: a long title wrapped whole, code lines verbatim, URLs whole,
 * and References entries as OSC 8 links when hyperlinks are on. */
static void
test_integrity(void)
{
	static const char body[] =
	    "See [the changelog](https://gitbox.apache.org/repos/asf?p=mesos."
	    "git;a=blob_plain;f=CHANGELOG;hb=1.8.1).\n\n"
	    "    docker run --rm -it --net=host mesos/mesos-mini:1.8.1\n";
	const char *url = "https://gitbox.apache.org/repos/asf?p=mesos.git;"
	    "a=blob_plain;f=CHANGELOG;hb=1.8.1";
	struct text_opts o;
	struct issue is;
	char *out, *cause, *want;

	init(&is, body, CONTENT_MARKDOWN);
	is.title = (char *)"A title of many words that cannot fit on one line";
	memset(&o, 0, sizeof o);
	o.width = 20;
	out = print(&is, &o, &cause);
	OK(out != NULL, "integrity renders");
	if (out == NULL)
		return;
	OK(strstr(out, "A title of many\nwords that cannot\nfit on one line\n")
	    == out, "the whole title, wrapped:\n%s", out);
	OK(strstr(out, "\xe2\x94\x83 docker run --rm -it --net=host "
	    "mesos/mesos-mini:1.8.1\n") != NULL, "the code line whole");
	OK(strstr(out, "\xe2\x86\xa9") == NULL, "no continuation mark");
	want = xasprintf("\n[1] %s\n", url);
	OK(strstr(out, want) != NULL, "the URL whole in References");
	free(want);
	free(out);

	o.hyperlinks = true;
	out = print(&is, &o, &cause);
	want = xasprintf("\n[1] \033]8;;%s\033\\%s\033]8;;\033\\\n", url,
	    url);
	OK(out != NULL && strstr(out, want) != NULL,
	    "References entry as an OSC 8 link");
	free(want);
	free(out);

	o.links_only = true;
	o.hyperlinks = false;
	out = print(&is, &o, &cause);
	want = xasprintf("[1] %s\n", url);
	OK(out != NULL && strcmp(out, want) == 0, "--links: one line");
	free(want);
	free(out);
}

int
main(void)
{
	HARNESS_INIT();
	test_plain();
	test_sections();
	test_color();
	test_integrity();
	DONE();
}
