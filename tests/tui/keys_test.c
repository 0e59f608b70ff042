/* keys_test.c - the reader's key table (src/tui/keys.c): the defaults, the
 * "bind" and "unbind" lines of the configuration, the names the help
 * overlay shows (each of which bind accepts), and the status-line hints. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "tui/app.h"
#include "util.h"
/* curses has an OK of its own. */
#undef OK
#include "../unit/harness.h"

static char dir[] = "/tmp/mn-keys-XXXXXX";

/* Load text as a configuration and apply its bindings. */
static void
configure(const char *text)
{
	struct conf *cfg = conf_new();
	char *path = xasprintf("%s/config", dir), *cause = NULL;
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fputs(text, fp) == EOF || fclose(fp) != 0) {
		perror(path);
		exit(99);
	}
	OK(conf_load(cfg, path, true, &cause) == 0, "%s", cause);
	free(cause);
	keys_configure(cfg);
	conf_free(cfg);
	unlink(path);
	free(path);
}

/* The keys of an action as the help overlay shows them (ASCII). */
static char *
keys_of(enum action act)
{
	int ctx;

	return keys_for_action(act, &ctx, true);
}

#define KEYS_EQ(act, want) do {					\
	char *k_ = keys_of(act);					\
	STR_EQ(k_, want);						\
	free(k_);							\
} while (0)

#define HINTS_EQ(ctx, want) do {					\
	char *h_ = keys_hints(ctx, true);				\
	STR_EQ(h_, want);						\
	free(h_);							\
} while (0)

static void
test_defaults(void)
{
	char *s;
	int ctx;

	keys_configure(NULL);
	INT_EQ(keys_lookup('j', CTX_ISSUES, 0), ACT_DOWN);
	INT_EQ(keys_lookup(KEYF(KEY_DOWN), CTX_LINKS, 0), ACT_DOWN);
	/* 'n' finds the next match, else goes to the next unread issue. */
	INT_EQ(keys_lookup('n', CTX_ARTICLE, 0), ACT_FIND_NEXT);
	INT_EQ(keys_lookup('n', CTX_ARTICLE, 1), ACT_NEXT_UNREAD);
	INT_EQ(keys_lookup('n', CTX_ARTICLE, 2), ACT_NONE);
	INT_EQ(keys_lookup('n', CTX_ISSUES, 0), ACT_NEXT_UNREAD);
	INT_EQ(keys_lookup('J', CTX_ARTICLE, 0), ACT_NEXT_ISSUE);
	INT_EQ(keys_lookup('r', CTX_LINKS, 0), ACT_REFRESH);
	INT_EQ(keys_lookup('f', CTX_ISSUES, 0), ACT_NEXT_FEED);
	INT_EQ(keys_lookup('F', CTX_ISSUES, 0), ACT_PREV_FEED);
	INT_EQ(keys_lookup('x', CTX_ISSUES, 0), ACT_NONE);
	KEYS_EQ(ACT_DOWN, "j Down");
	KEYS_EQ(ACT_OPEN, "Enter");
	KEYS_EQ(ACT_DIGIT, "0-9");
	KEYS_EQ(ACT_NEXT_SECTION, "Tab ]");
	KEYS_EQ(ACT_PREV_SECTION, "S-Tab [");
	KEYS_EQ(ACT_REDRAW, "^L");
	KEYS_EQ(ACT_NEXT_FEED, "f");
	s = keys_for_action(ACT_UP, &ctx, false);
	STR_EQ(s, "k \xe2\x86\x91");
	INT_EQ(ctx, CTX_ISSUES | CTX_ARTICLE | CTX_LINKS);
	free(s);
	s = keys_for_action(ACT_DIGIT, &ctx, false);
	STR_EQ(s, "0\xe2\x80\x93" "9");
	free(s);
	/* The help lists 'n' once: for the find, which it tries first. */
	s = keys_for_help(ACT_FIND_NEXT, &ctx, true);
	STR_EQ(s, "n");
	free(s);
	s = keys_for_help(ACT_NEXT_ISSUE, &ctx, true);
	STR_EQ(s, "J");
	free(s);
	/* 'n' is the next unread issue when there is no find. */
	s = keys_for_action(ACT_NEXT_UNREAD, &ctx, true);
	STR_EQ(s, "n");
	free(s);
	s = keys_for_help(ACT_NEXT_UNREAD, &ctx, true);
	STR_EQ(s, "");
	free(s);
	s = keys_view_hints(true);
	STR_EQ(s, "Enter:open  /:search  r:refresh  ?:help  q:back");
	free(s);
	HINTS_EQ(CTX_ISSUES, "Enter:open  /:search  r:refresh  ?:help  "
	    "q:quit");
	HINTS_EQ(CTX_ARTICLE, "Enter:open  Tab:section  v:whole  l:links  "
	    "/:search  r:refresh  ?:help  q:back");
	HINTS_EQ(CTX_LINKS, "Enter:open  Tab:section  l:links  /:search  "
	    "r:refresh  ?:help  q:back");
}

static void
test_bind(void)
{
	char name[32];

	configure("bind x help\n"
	    "unbind ?\n"
	    "bind n next-issue article\n"
	    "bind Enter quit list\n"
	    "bind j down\n"
	    "bind F5 refresh all\n"
	    "bind Backspace page-up\n"
	    "unbind q links\n"
	    "bind ^N next-issue\n"
	    "bind \xc3\xa9 top list\n"
	    "bind Left prev-section\n"
	    "unbind 7\n"
	    "bind 5 digit\n");
	INT_EQ(keys_lookup('x', CTX_ISSUES, 0), ACT_HELP);
	INT_EQ(keys_lookup('x', CTX_LINKS, 0), ACT_HELP);
	INT_EQ(keys_lookup('?', CTX_ISSUES, 0), ACT_NONE);
	INT_EQ(keys_lookup('?', CTX_ARTICLE, 0), ACT_NONE);
	KEYS_EQ(ACT_HELP, "x");
	/* The article's 'n' is next-issue alone now: find-next lost it. */
	INT_EQ(keys_lookup('n', CTX_ARTICLE, 0), ACT_NEXT_ISSUE);
	INT_EQ(keys_lookup('n', CTX_ARTICLE, 1), ACT_NONE);
	INT_EQ(keys_lookup('n', CTX_LINKS, 0), ACT_NEXT_UNREAD);
	KEYS_EQ(ACT_FIND_NEXT, "");
	/* Enter, in all three codes, quits the list and opens elsewhere. */
	INT_EQ(keys_lookup('\r', CTX_ISSUES, 0), ACT_QUIT);
	INT_EQ(keys_lookup('\n', CTX_ISSUES, 0), ACT_QUIT);
	INT_EQ(keys_lookup(KEYF(KEY_ENTER), CTX_ISSUES, 0), ACT_QUIT);
	INT_EQ(keys_lookup('\r', CTX_ISSUES, 1), ACT_NONE);
	INT_EQ(keys_lookup('\r', CTX_ARTICLE, 0), ACT_OPEN);
	KEYS_EQ(ACT_OPEN, "Enter");
	KEYS_EQ(ACT_QUIT, "Enter q");
	/* Binding a key to what it does already changes nothing shown. */
	KEYS_EQ(ACT_DOWN, "j Down");
	INT_EQ(keys_lookup('j', CTX_ARTICLE, 1), ACT_NONE);
	INT_EQ(keys_lookup(KEYF(KEY_F(5)), CTX_LINKS, 0), ACT_REFRESH);
	KEYS_EQ(ACT_REFRESH, "F5 r");
	INT_EQ(keys_lookup(0x7f, CTX_ARTICLE, 0), ACT_PAGE_UP);
	INT_EQ(keys_lookup('\b', CTX_ARTICLE, 0), ACT_PAGE_UP);
	INT_EQ(keys_lookup(KEYF(KEY_BACKSPACE), CTX_ISSUES, 0), ACT_PAGE_UP);
	KEYS_EQ(ACT_PAGE_UP, "Backspace b PgUp");
	INT_EQ(keys_lookup('q', CTX_LINKS, 0), ACT_NONE);
	INT_EQ(keys_lookup('q', CTX_ARTICLE, 0), ACT_QUIT);
	INT_EQ(keys_lookup(0x0e, CTX_LINKS, 0), ACT_NEXT_ISSUE);
	INT_EQ(keys_lookup(0x0e, CTX_ISSUES, 0), ACT_NONE);
	KEYS_EQ(ACT_NEXT_ISSUE, "n ^N J");
	INT_EQ(keys_lookup(0xe9, CTX_ISSUES, 0), ACT_TOP);
	KEYS_EQ(ACT_TOP, "U+00E9 g Home");
	INT_EQ(keys_lookup(KEYF(KEY_LEFT), CTX_ARTICLE, 0), ACT_PREV_SECTION);
	KEYS_EQ(ACT_PREV_SECTION, "Left S-Tab [");
	/* Digits: 7 unbound, 5 bound again (in front). */
	INT_EQ(keys_lookup('7', CTX_ARTICLE, 0), ACT_NONE);
	KEYS_EQ(ACT_DIGIT, "5 0-4 6 8 9");
	/* The hints follow: nothing opens in the list now, F5 (bound first)
	 * refreshes, x helps, Enter quits. */
	HINTS_EQ(CTX_ISSUES, "/:search  F5:refresh  x:help  Enter:quit");
	HINTS_EQ(CTX_LINKS, "Enter:open  Tab:section  l:links  /:search  "
	    "F5:refresh  x:help");
	/* The keys messages name. */
	keys_first(ACT_OPEN, CTX_ISSUES, true, name, sizeof name);
	STR_EQ(name, "?");
	keys_first(ACT_OPEN, CTX_ARTICLE, true, name, sizeof name);
	STR_EQ(name, "Enter");
	keys_first(ACT_REFRESH, CTX_ISSUES, true, name, sizeof name);
	STR_EQ(name, "F5");
	keys_first(ACT_UP, CTX_ISSUES, false, name, sizeof name);
	STR_EQ(name, "k");
	/* A later configuration starts from the defaults again. */
	keys_configure(NULL);
	KEYS_EQ(ACT_HELP, "?");
	KEYS_EQ(ACT_QUIT, "q");
	INT_EQ(keys_lookup('x', CTX_ISSUES, 0), ACT_NONE);
}

static void
test_contexts(void)
{
	/* Unbinding a key bound everywhere keeps it where it is not
	 * unbound. */
	configure("unbind r article\nunbind Esc\nbind ? quit list\n");
	INT_EQ(keys_lookup('r', CTX_ARTICLE, 0), ACT_NONE);
	INT_EQ(keys_lookup('r', CTX_ISSUES, 0), ACT_REFRESH);
	INT_EQ(keys_lookup('r', CTX_LINKS, 0), ACT_REFRESH);
	INT_EQ(keys_lookup(KEY_ESC, CTX_LINKS, 0), ACT_NONE);
	KEYS_EQ(ACT_CANCEL, "");
	INT_EQ(keys_lookup('?', CTX_ISSUES, 0), ACT_QUIT);
	INT_EQ(keys_lookup('?', CTX_ARTICLE, 0), ACT_HELP);
	/* An action without a context applies where it does by default; in
	 * "all" everywhere. */
	configure("bind z whole\nbind Z mark-all-read all\n");
	INT_EQ(keys_lookup('z', CTX_ARTICLE, 0), ACT_CONTINUOUS);
	INT_EQ(keys_lookup('z', CTX_ISSUES, 0), ACT_NONE);
	INT_EQ(keys_lookup('Z', CTX_LINKS, 0), ACT_MARK_ALL_READ);
	keys_reset();
}

/* Every key name the help overlay shows, in either locale, is one that
 * bind accepts for that same key. */
static void
test_names_round_trip(void)
{
	const struct binding *t;
	struct binding *copy;
	char name[32], *text;
	size_t n, i;
	int ascii, key;

	keys_reset();
	t = keys_table(&n);
	/* The table changes under the loop. */
	copy = xreallocarray(NULL, n, sizeof *copy);
	memcpy(copy, t, n * sizeof *copy);
	for (i = 0; i < n; i++) {
		for (ascii = 0; ascii < 2; ascii++) {
			keys_name(copy[i].key, ascii, name, sizeof name);
			key = -1;
			OK(conf_parse_key(name, &key) == 0, "'%s'", name);
			text = xasprintf("bind %s help\n", name);
			configure(text);
			free(text);
			INT_EQ(keys_lookup(copy[i].key, CTX_ISSUES, 0),
			    ACT_HELP);
		}
	}
	free(copy);
	/* Keys without a default binding too. */
	configure("bind F1 help\nbind Insert help\nbind Delete help\n"
	    "bind Right help\nbind F12 help\n");
	KEYS_EQ(ACT_HELP, "F1 Insert Delete Right F12 ?");
	keys_reset();
}

int
main(void)
{
	char *path;

	HARNESS_INIT();
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_defaults();
	test_bind();
	test_contexts();
	test_names_round_trip();
	path = xasprintf("%s/config", dir);
	unlink(path);
	free(path);
	rmdir(dir);
	DONE();
}
