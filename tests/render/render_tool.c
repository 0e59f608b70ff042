/* render_tool.c - render a fixture through text_print_issue, for the
 * golden tests (tests/render.sh) and for looking at output by hand. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "doc.h"
#include "feed.h"
#include "text.h"
#include "util.h"

static void
usage(void)
{
	fprintf(stderr, "usage: render_tool [-acln] [-P bytes] [-w width] [-k md|html|"
	    "text] [-s section] [-b base] [-T title] [-D yyyy-mm-dd] "
	    "[-A author] [-L link] file\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct text_opts opts;
	struct issue is;
	struct buf b = BUF_INIT;
	struct tm tm;
	char chunk[65536], *cause = NULL;
	const char *kind = NULL, *dot;
	FILE *f;
	size_t n;
	int ch;

	setlocale(LC_ALL, "");
	memset(&opts, 0, sizeof opts);
	memset(&is, 0, sizeof is);
	is.published = is.updated = (time_t)-1;
	opts.width = 80;
	while ((ch = getopt(argc, argv, "aA:b:cD:k:lL:nP:rs:T:w:")) != -1) {
		switch (ch) {
		case 'a':
			opts.ascii = true;
			break;
		case 'A':
			is.author = optarg;
			break;
		case 'b':
			is.base = optarg;
			break;
		case 'c':
			opts.color = true;
			break;
		case 'D':
			memset(&tm, 0, sizeof tm);
			if (strptime(optarg, "%Y-%m-%d", &tm) == NULL)
				usage();
			is.published = timegm(&tm);
			break;
		case 'k':
			kind = optarg;
			break;
		case 'l':
			opts.links_only = true;
			break;
		case 'L':
			is.link = optarg;
			break;
		case 'n':
			opts.no_header = true;
			break;
		case 'P':
			/* Markdown in pieces of at least this many bytes. */
			md_set_piece((size_t)strtoul(optarg, NULL, 10));
			break;
		case 'r':
			opts.no_references = true;
			break;
		case 's':
			opts.section = optarg;
			break;
		case 'T':
			is.title = optarg;
			break;
		case 'w':
			opts.width = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (optind + 1 != argc)
		usage();
	if ((f = fopen(argv[optind], "rb")) == NULL) {
		perror(argv[optind]);
		return 1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_str(&b);
	if (kind == NULL) {
		dot = strrchr(argv[optind], '.');
		kind = dot != NULL && strcmp(dot, ".md") == 0 ? "md" :
		    dot != NULL && strcmp(dot, ".txt") == 0 ? "text" : "html";
	}
	is.kind = strcmp(kind, "md") == 0 ? CONTENT_MARKDOWN :
	    strcmp(kind, "text") == 0 ? CONTENT_TEXT : CONTENT_HTML;
	is.content = b.data;
	if (text_print_issue(stdout, &is, &opts, &cause) == -1) {
		fprintf(stderr, "render_tool: %s\n", cause);
		free(cause);
		buf_free(&b);
		return 1;
	}
	buf_free(&b);
	return 0;
}
