/* main.c - options, locale, and the choice of front-end. */
#include "config.h"

#include <sys/ioctl.h>

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "feed.h"
#include "index.h"
#include "source.h"
#include "utf8.h"
#include "util.h"

/* Exit statuses, as documented in mesosnews(1). */
#define EXIT_OK		0
#define EXIT_SOURCE	1	/* a source could not be read or parsed */
#define EXIT_USAGE	2	/* bad options (and fatal errors) */

enum mode {
	MODE_DEFAULT,
	MODE_LIST,
};

struct options {
	enum mode	 mode;
	int		 width;		/* 0: from the terminal */
	int		 ascii;		/* the locale cannot show UTF-8 */
	char		**sources;
	int		 nsources;
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: mesosnews [OPTION]... [SOURCE]...\n"
"Read the Apache Mesos community update, or any RSS/Atom feed or Markdown\n"
"posts, in the terminal.  SOURCE is a feed file, a file:// URL, a Markdown\n"
"post or a directory of posts; without one, the bundled sample is used.\n"
"\n"
"  -l, --list          print the issue index: number, date, title, author\n"
"  -w, --width=N       lay text out N columns wide\n"
"  -h, --help          show this help and exit\n"
"  -V, --version       show the version and exit\n"
"\n"
"Exit status: 0 on success, 1 when a source cannot be read, 2 on usage\n"
"errors.\n"
"Report bugs to: " PACKAGE_BUGREPORT "\n");
}

static void
init_locale(struct options *o)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0)
		return;
	/* Text is measured as UTF-8 all the same; show ASCII decorations. */
	o->ascii = 1;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

static size_t
output_width(const struct options *o)
{
	struct winsize ws;
	const char *cols;
	long n;

	if (o->width > 0)
		return (size_t)o->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col;
	if ((cols = getenv("COLUMNS")) != NULL && (n = atol(cols)) > 0 &&
	    n < 10000)
		return (size_t)n;
	return 80;
}

/* Print "mesosnews: SOURCE: [warning: ]message" as one sanitised line. */
static void
report(const char *source, const char *kind, const char *message)
{
	char *s = utf8_sanitize(source, strlen(source), UTF8_ONELINE);
	char *m = utf8_sanitize(message, strlen(message), UTF8_ONELINE);

	fprintf(stderr, "mesosnews: %s: %s%s\n", s, kind, m);
	free(s);
	free(m);
}

static int
cmd_list(const struct options *o)
{
	struct feed_limits lim = { 0 };
	struct index *idx;
	char *cause = NULL, *warning = NULL;
	int i, rc = EXIT_OK;

	lim.skip_content = true;
	idx = index_new();
	for (i = 0; i < o->nsources; i++) {
		if (source_load(o->sources[i], &lim, index_add, idx, NULL,
		    &warning, &cause) == -1) {
			report(o->sources[i], "", cause);
			free(cause);
			rc = EXIT_SOURCE;
			break;
		}
		if (warning != NULL) {
			report(o->sources[i], "warning: ", warning);
			free(warning);
		}
	}
	if (rc == EXIT_OK) {
		index_sort(idx);
		index_print(idx, stdout, output_width(o), o->ascii);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "mesosnews: write error\n");
			rc = EXIT_SOURCE;
		}
	}
	index_free(idx);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help",	no_argument,		NULL, 'h' },
		{ "list",	no_argument,		NULL, 'l' },
		{ "version",	no_argument,		NULL, 'V' },
		{ "width",	required_argument,	NULL, 'w' },
		{ NULL,		0,			NULL, 0 }
	};
	struct options o;
	static char *sample[1];
	char *end;
	long n;
	int c;

	memset(&o, 0, sizeof o);
	init_locale(&o);
	while ((c = getopt_long(argc, argv, "hlVw:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'l':
			o.mode = MODE_LIST;
			break;
		case 'V':
			printf("mesosnews %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		case 'w':
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1 ||
			    n > 10000) {
				fprintf(stderr, "mesosnews: --width: expected "
				    "a number from 1 to 10000\n");
				return EXIT_USAGE;
			}
			o.width = (int)n;
			break;
		default:
			fprintf(stderr, "Try 'mesosnews --help' for more "
			    "information.\n");
			return EXIT_USAGE;
		}
	}
	o.sources = argv + optind;
	o.nsources = argc - optind;
	if (o.nsources == 0) {
		sample[0] = (char *)source_sample_path();
		o.sources = sample;
		o.nsources = 1;
	}
	/* Until the reading views exist, the default is the index. */
	return cmd_list(&o);
}
