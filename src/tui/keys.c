/* keys.c - the key table: what each key does where, and its names.
 *
 * The input handler, the status-line hints and the help overlay all read
 * this one table, so a rebinding (a later config option) changes all
 * three at once. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "util.h"

#define PANES	(CTX_ISSUES | CTX_ARTICLE | CTX_LINKS)
#define READING	(CTX_ARTICLE | CTX_LINKS)

/*
 * NOTE: order carries meaning.  When a key has several bindings in a
 * context they are tried in this order until one applies: in the article
 * 'n' finds the next match while a find is active and goes to the next
 * issue otherwise.  The first binding of an action that has a hint gives
 * its status-line label.
 */
static struct binding table[] = {
	{ 'j',			PANES,		ACT_DOWN,	NULL },
	{ KEYF(KEY_DOWN),	PANES,		ACT_DOWN,	NULL },
	{ 'k',			PANES,		ACT_UP,		NULL },
	{ KEYF(KEY_UP),		PANES,		ACT_UP,		NULL },
	{ ' ',			PANES,		ACT_PAGE_DOWN,	NULL },
	{ KEYF(KEY_NPAGE),	PANES,		ACT_PAGE_DOWN,	NULL },
	{ 'b',			PANES,		ACT_PAGE_UP,	NULL },
	{ KEYF(KEY_PPAGE),	PANES,		ACT_PAGE_UP,	NULL },
	{ 'g',			PANES,		ACT_TOP,	NULL },
	{ KEYF(KEY_HOME),	PANES,		ACT_TOP,	NULL },
	{ 'G',			PANES,		ACT_BOTTOM,	NULL },
	{ KEYF(KEY_END),	PANES,		ACT_BOTTOM,	NULL },
	{ '\n',			PANES,		ACT_OPEN,	"open" },
	{ '\r',			PANES,		ACT_OPEN,	NULL },
	{ KEYF(KEY_ENTER),	PANES,		ACT_OPEN,	NULL },
	{ 'n',			CTX_ARTICLE,	ACT_FIND_NEXT,	NULL },
	{ 'N',			CTX_ARTICLE,	ACT_FIND_PREV,	NULL },
	{ 'n',			READING,	ACT_NEXT_ISSUE,	NULL },
	{ 'J',			READING,	ACT_NEXT_ISSUE,	NULL },
	{ 'p',			READING,	ACT_PREV_ISSUE,	NULL },
	{ 'K',			READING,	ACT_PREV_ISSUE,	NULL },
	{ '\t',			READING,	ACT_NEXT_SECTION, "section" },
	{ ']',			READING,	ACT_NEXT_SECTION, NULL },
	{ KEYF(KEY_BTAB),	READING,	ACT_PREV_SECTION, NULL },
	{ '[',			READING,	ACT_PREV_SECTION, NULL },
	{ '0',			READING,	ACT_DIGIT,	NULL },
	{ '1',			READING,	ACT_DIGIT,	NULL },
	{ '2',			READING,	ACT_DIGIT,	NULL },
	{ '3',			READING,	ACT_DIGIT,	NULL },
	{ '4',			READING,	ACT_DIGIT,	NULL },
	{ '5',			READING,	ACT_DIGIT,	NULL },
	{ '6',			READING,	ACT_DIGIT,	NULL },
	{ '7',			READING,	ACT_DIGIT,	NULL },
	{ '8',			READING,	ACT_DIGIT,	NULL },
	{ '9',			READING,	ACT_DIGIT,	NULL },
	{ 'v',			CTX_ARTICLE,	ACT_CONTINUOUS,	"whole" },
	{ 'l',			READING,	ACT_LINKS,	"links" },
	{ 'o',			PANES,		ACT_OPEN_LINK,	NULL },
	{ '/',			PANES,		ACT_SEARCH,	"search" },
	{ 'r',			CTX_ANY,	ACT_REFRESH,	"refresh" },
	{ 'u',			CTX_ISSUES | CTX_ARTICLE, ACT_TOGGLE_READ, NULL },
	{ 'A',			CTX_ISSUES,	ACT_MARK_ALL_READ, NULL },
	{ '|',			CTX_ISSUES | CTX_ARTICLE, ACT_PIPE, NULL },
	{ '?',			CTX_ANY,	ACT_HELP,	"help" },
	{ KEY_ESC,		CTX_ANY,	ACT_CANCEL,	NULL },
	{ KEY_CTRL('l'),	CTX_ANY,	ACT_REDRAW,	NULL },
	{ 'q',			CTX_ISSUES,	ACT_QUIT,	"quit" },
	{ 'q',			READING,	ACT_QUIT,	"back" },
};

/* NOTE: indexed by enum action. */
static const char *const action_help[ACT_COUNT] = {
	[ACT_NONE] = "",
	[ACT_DOWN] = "next issue or link; scroll down a line",
	[ACT_UP] = "previous issue or link; scroll up a line",
	[ACT_PAGE_DOWN] = "page down",
	[ACT_PAGE_UP] = "page up",
	[ACT_TOP] = "first issue, link or line",
	[ACT_BOTTOM] = "last issue, link or line",
	[ACT_OPEN] = "open the issue or link; after digits, that link",
	[ACT_FIND_NEXT] = "next match of a find in the article",
	[ACT_FIND_PREV] = "previous match of a find in the article",
	[ACT_NEXT_ISSUE] = "next issue, from the article",
	[ACT_PREV_ISSUE] = "previous issue, from the article",
	[ACT_NEXT_SECTION] = "next section",
	[ACT_PREV_SECTION] = "previous section",
	[ACT_DIGIT] = "jump to section; a number then Enter: link",
	[ACT_CONTINUOUS] = "sections / the whole issue at once",
	[ACT_LINKS] = "show or hide the link pane",
	[ACT_OPEN_LINK] = "open the selected link in the browser",
	[ACT_SEARCH] = "search all issues (list); find (article)",
	[ACT_REFRESH] = "refresh the feeds in the background",
	[ACT_TOGGLE_READ] = "mark the issue read or unread",
	[ACT_MARK_ALL_READ] = "mark every issue read",
	[ACT_PIPE] = "pipe the issue as text into $PAGER",
	[ACT_HELP] = "this help",
	[ACT_CANCEL] = "cancel: clear a search, find or number",
	[ACT_REDRAW] = "redraw the screen",
	[ACT_QUIT] = "back; quit from the issue list",
};

const struct binding *
keys_table(size_t *n)
{
	*n = nitems(table);
	return table;
}

enum action
keys_lookup(int key, int ctx, size_t n)
{
	size_t i;

	for (i = 0; i < nitems(table); i++) {
		if (table[i].key != key || (table[i].ctx & (ctx | CTX_ANY)) == 0)
			continue;
		if (n-- == 0)
			return table[i].act;
	}
	return ACT_NONE;
}

const char *
keys_action_help(enum action act)
{
	if ((int)act < 0 || act >= ACT_COUNT)
		return "";
	return action_help[act];
}

void
keys_name(int key, bool ascii, char *out, size_t len)
{
	static const struct {
		int		 key;
		const char	*name;
		const char	*ascii;
	} names[] = {
		{ ' ',			"Space",	"Space" },
		{ '\n',			"Enter",	"Enter" },
		{ '\r',			"Enter",	"Enter" },
		{ '\t',			"Tab",		"Tab" },
		{ KEY_ESC,		"Esc",		"Esc" },
		{ KEYF(KEY_ENTER),	"Enter",	"Enter" },
		{ KEYF(KEY_BTAB),	"S-Tab",	"S-Tab" },
		{ KEYF(KEY_NPAGE),	"PgDn",		"PgDn" },
		{ KEYF(KEY_PPAGE),	"PgUp",		"PgUp" },
		{ KEYF(KEY_HOME),	"Home",		"Home" },
		{ KEYF(KEY_END),	"End",		"End" },
		{ KEYF(KEY_UP),		"\xe2\x86\x91",	"Up" },
		{ KEYF(KEY_DOWN),	"\xe2\x86\x93",	"Down" },
	};
	size_t i;

	for (i = 0; i < nitems(names); i++) {
		if (names[i].key == key) {
			snprintf(out, len, "%s",
			    ascii ? names[i].ascii : names[i].name);
			return;
		}
	}
	if (key >= KEY_FUNC)
		snprintf(out, len, "key%d", key - KEY_FUNC);
	else if (key < 0x20)
		snprintf(out, len, "^%c", key + '@');
	else if (key < 0x7f)
		snprintf(out, len, "%c", key);
	else
		snprintf(out, len, "U+%04X", (unsigned)key);
}

char *
keys_for_action(enum action act, int *ctx, bool ascii)
{
	struct buf b = BUF_INIT;
	char name[32], last[32] = "";
	size_t i, j;

	*ctx = 0;
	for (i = 0; i < nitems(table); i++) {
		if (table[i].act != act)
			continue;
		*ctx |= table[i].ctx;
		/* A run of three or more consecutive characters: "1–9". */
		j = i;
		while (j + 1 < nitems(table) && table[j + 1].act == act &&
		    table[j].key < KEY_FUNC &&
		    table[j + 1].key == table[j].key + 1)
			j++;
		keys_name(table[i].key, ascii, name, sizeof name);
		if (j - i >= 2) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			keys_name(table[j].key, ascii, last, sizeof last);
			buf_printf(&b, "%s%s%s", name,
			    ascii ? "-" : "\xe2\x80\x93", last);
			for (; i < j; i++)
				*ctx |= table[i + 1].ctx;
			continue;
		}
		/* Two codes with one name (\n, \r, KEY_ENTER) show once. */
		if (strcmp(name, last) == 0)
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, name);
		snprintf(last, sizeof last, "%s", name);
	}
	return buf_detach(&b);
}

char *
keys_hints(int ctx, bool ascii)
{
	struct buf b = BUF_INIT;
	char name[32];
	bool seen[ACT_COUNT] = { false };
	size_t i;

	for (i = 0; i < nitems(table); i++) {
		if (table[i].hint == NULL || seen[table[i].act] ||
		    (table[i].ctx & (ctx | CTX_ANY)) == 0)
			continue;
		seen[table[i].act] = true;
		keys_name(table[i].key, ascii, name, sizeof name);
		if (b.len > 0)
			buf_adds(&b, "  ");
		buf_printf(&b, "%s:%s", name, table[i].hint);
	}
	return buf_detach(&b);
}
