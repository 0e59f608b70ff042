/* keys.c - the key table: what each key does where, and its names.
 *
 * The input handler, the status-line hints and the help overlay all read
 * this one table, so a rebinding in the configuration changes all three
 * at once. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "buf.h"
#include "conf.h"
#include "utf8.h"
#include "util.h"

#define PANES	(CTX_ISSUES | CTX_ARTICLE | CTX_LINKS)
#define READING	(CTX_ARTICLE | CTX_LINKS)

/*
 * NOTE: order carries meaning.  When a key has several bindings in a
 * context they are tried in this order until one applies: in the article
 * 'n' finds the next match while a find is active and goes to the next
 * issue otherwise.  The first key of an action is the one its status-line
 * hint shows.
 */
static const struct binding defaults[] = {
	{ 'j',			PANES,		ACT_DOWN },
	{ KEYF(KEY_DOWN),	PANES,		ACT_DOWN },
	{ 'k',			PANES,		ACT_UP },
	{ KEYF(KEY_UP),		PANES,		ACT_UP },
	{ ' ',			PANES,		ACT_PAGE_DOWN },
	{ KEYF(KEY_NPAGE),	PANES,		ACT_PAGE_DOWN },
	{ 'b',			PANES,		ACT_PAGE_UP },
	{ KEYF(KEY_PPAGE),	PANES,		ACT_PAGE_UP },
	{ 'g',			PANES,		ACT_TOP },
	{ KEYF(KEY_HOME),	PANES,		ACT_TOP },
	{ 'G',			PANES,		ACT_BOTTOM },
	{ KEYF(KEY_END),	PANES,		ACT_BOTTOM },
	{ '\n',			PANES,		ACT_OPEN },
	{ '\r',			PANES,		ACT_OPEN },
	{ KEYF(KEY_ENTER),	PANES,		ACT_OPEN },
	{ 'n',			CTX_ARTICLE,	ACT_FIND_NEXT },
	{ 'N',			CTX_ARTICLE,	ACT_FIND_PREV },
	{ 'J',			READING,	ACT_NEXT_ISSUE },
	{ 'K',			READING,	ACT_PREV_ISSUE },
	/* Unread, as newsboat: n and p go to the next and previous unread
	 * issue (J and K, as there, to the next and previous one); C marks
	 * every feed read where A marks the feeds shown. */
	{ 'n',			PANES,		ACT_NEXT_UNREAD },
	{ 'p',			PANES,		ACT_PREV_UNREAD },
	{ 'U',			CTX_ISSUES,	ACT_UNREAD_ONLY },
	{ 'C',			CTX_ISSUES,	ACT_MARK_EVERYTHING_READ },
	{ '\t',			READING,	ACT_NEXT_SECTION },
	{ ']',			READING,	ACT_NEXT_SECTION },
	{ KEYF(KEY_BTAB),	READING,	ACT_PREV_SECTION },
	{ '[',			READING,	ACT_PREV_SECTION },
	{ '0',			READING,	ACT_DIGIT },
	{ '1',			READING,	ACT_DIGIT },
	{ '2',			READING,	ACT_DIGIT },
	{ '3',			READING,	ACT_DIGIT },
	{ '4',			READING,	ACT_DIGIT },
	{ '5',			READING,	ACT_DIGIT },
	{ '6',			READING,	ACT_DIGIT },
	{ '7',			READING,	ACT_DIGIT },
	{ '8',			READING,	ACT_DIGIT },
	{ '9',			READING,	ACT_DIGIT },
	{ 'v',			CTX_ARTICLE,	ACT_CONTINUOUS },
	{ 'l',			READING,	ACT_LINKS },
	{ 'o',			PANES,		ACT_OPEN_LINK },
	{ '/',			PANES,		ACT_SEARCH },
	{ 'r',			CTX_ANY,	ACT_REFRESH },
	{ 'u',			CTX_ISSUES | CTX_ARTICLE,
						ACT_TOGGLE_READ },
	{ 'A',			CTX_ISSUES,	ACT_MARK_ALL_READ },
	{ 'f',			CTX_ISSUES,	ACT_NEXT_FEED },
	{ 'F',			CTX_ISSUES,	ACT_PREV_FEED },
	{ '|',			CTX_ISSUES | CTX_ARTICLE, ACT_PIPE },
	{ 's',			PANES,		ACT_SAVE },
	{ 'y',			PANES,		ACT_YANK },
	{ 'E',			PANES,		ACT_EVENTS },
	{ KEYF(KEY_LEFT),	CTX_ARTICLE,	ACT_SCROLL_LEFT },
	{ KEYF(KEY_RIGHT),	CTX_ARTICLE,	ACT_SCROLL_RIGHT },
	{ '>',			PANES,		ACT_LIST_WIDER },
	{ '<',			PANES,		ACT_LIST_NARROWER },
	{ 'w',			CTX_ISSUES,	ACT_EXPORT },
	/* mutt's change-folder; tmux's show-messages. */
	{ 'c',			PANES,		ACT_FEEDS },
	{ '~',			CTX_ANY,	ACT_MESSAGES },
	{ '?',			CTX_ANY,	ACT_HELP },
	{ KEY_ESC,		CTX_ANY,	ACT_CANCEL },
	{ KEY_CTRL('l'),	CTX_ANY,	ACT_REDRAW },
	{ 'q',			CTX_ISSUES,	ACT_QUIT },
	{ 'q',			READING,	ACT_QUIT },
};

/* The labels of the status line, in the order it shows them, each with
 * the first key of its action in the context. */
static const struct {
	enum action	 act;
	int		 ctx;
	const char	*label;
} hints[] = {
	{ ACT_OPEN,		PANES,		"open" },
	{ ACT_NEXT_SECTION,	READING,	"section" },
	{ ACT_CONTINUOUS,	CTX_ARTICLE,	"whole" },
	{ ACT_LINKS,		READING,	"links" },
	{ ACT_SEARCH,		PANES,		"search" },
	{ ACT_REFRESH,		CTX_ANY,	"refresh" },
	{ ACT_HELP,		CTX_ANY,	"help" },
	{ ACT_QUIT,		CTX_ISSUES,	"quit" },
	{ ACT_QUIT,		READING,	"back" },
};

/* The table in force: the defaults, with the configuration's bindings
 * first (in the order of the file) and its unbindings taken out. */
static struct binding *table;
static size_t ntable, nuser;

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
	[ACT_FIND_NEXT] = "next match of a find; with none, next unread",
	[ACT_FIND_PREV] = "previous match of a find in the article",
	[ACT_NEXT_ISSUE] = "next issue, from the article",
	[ACT_PREV_ISSUE] = "previous issue, from the article",
	[ACT_NEXT_SECTION] = "next section",
	[ACT_PREV_SECTION] = "previous section",
	[ACT_DIGIT] = "section 1-9; a link's number, then Enter: open it",
	[ACT_CONTINUOUS] = "sections / the whole issue at once",
	[ACT_LINKS] = "show or hide the link pane",
	[ACT_OPEN_LINK] = "open the selected link in the browser",
	[ACT_SEARCH] = "search all issues (list); find (article)",
	[ACT_REFRESH] = "refresh the feeds in the background",
	[ACT_TOGGLE_READ] = "mark the issue read or unread",
	[ACT_MARK_ALL_READ] = "mark every issue of the feeds shown read",
	[ACT_NEXT_UNREAD] = "next unread issue (from the article: open it)",
	[ACT_PREV_UNREAD] = "previous unread issue",
	[ACT_UNREAD_ONLY] = "list only the unread issues, or all again",
	[ACT_MARK_EVERYTHING_READ] = "mark every issue of every feed read",
	[ACT_NEXT_FEED] = "show the next feed alone, then all of them",
	[ACT_PREV_FEED] = "show the previous feed alone, then all of them",
	[ACT_PIPE] = "pipe the issue as text into $PAGER",
	[ACT_SAVE] = "save the issue to a file (.md/.html: its source)",
	[ACT_YANK] = "copy the link's URL (or the issue's) to the clipboard",
	[ACT_EVENTS] = "the events of every issue, by month",
	[ACT_SCROLL_LEFT] = "scroll wide lines (code) left",
	[ACT_SCROLL_RIGHT] = "scroll wide lines (code) right",
	[ACT_LIST_WIDER] = "a wider list beside the article",
	[ACT_LIST_NARROWER] = "a narrower list beside the article",
	[ACT_EXPORT] = "in the events view: export them as iCalendar",
	[ACT_FEEDS] = "the feeds' unread/total and errors; Enter shows one",
	[ACT_MESSAGES] = "the last 20 messages of the status line",
	[ACT_HELP] = "this help",
	[ACT_CANCEL] = "clear a search, find or number; else back (no quit)",
	[ACT_REDRAW] = "redraw the screen",
	[ACT_QUIT] = "back; quit from the issue list",
};

void
keys_reset(void)
{
	free(table);
	table = xreallocarray(NULL, nitems(defaults), sizeof *table);
	memcpy(table, defaults, sizeof defaults);
	ntable = nitems(defaults);
	nuser = 0;
}

static void
ensure(void)
{
	if (table == NULL)
		keys_reset();
}

const struct binding *
keys_table(size_t *n)
{
	ensure();
	*n = ntable;
	return table;
}

void
keys_unbind(int key, int ctx)
{
	size_t i, j, user = nuser;
	int c;

	ensure();
	if (ctx == 0 || (ctx & CTX_ANY))
		ctx = CTX_ANY | PANES;
	for (i = j = 0; i < ntable; i++) {
		c = table[i].ctx;
		if (table[i].key == key) {
			/* Everywhere, less where it is unbound. */
			if (c & CTX_ANY)
				c = PANES;
			c &= ~ctx;
		}
		if (c == 0) {
			if (i < user)
				nuser--;
			continue;
		}
		table[j] = table[i];
		table[j++].ctx = c;
	}
	ntable = j;
}

/* The contexts an action has in the defaults. */
static int
default_ctx(enum action act)
{
	size_t i;
	int ctx = 0;

	for (i = 0; i < nitems(defaults); i++)
		if (defaults[i].act == act)
			ctx |= defaults[i].ctx;
	return ctx != 0 ? ctx : CTX_ANY;
}

void
keys_bind(int key, enum action act, int ctx)
{
	ensure();
	if (ctx == 0)
		ctx = default_ctx(act);
	keys_unbind(key, ctx);
	table = xreallocarray(table, ntable + 1, sizeof *table);
	memmove(table + nuser + 1, table + nuser,
	    (ntable - nuser) * sizeof *table);
	table[nuser].key = key;
	table[nuser].ctx = ctx;
	table[nuser].act = act;
	nuser++;
	ntable++;
}

/* The codes curses gives for a key the configuration names; returns how
 * many (at most 3). */
static size_t
curses_keys(int k, int out[3])
{
	static const struct {
		int		 conf, code;
	} fkeys[] = {
		{ CONF_KEY_BTAB,	KEY_BTAB },
		{ CONF_KEY_UP,		KEY_UP },
		{ CONF_KEY_DOWN,	KEY_DOWN },
		{ CONF_KEY_LEFT,	KEY_LEFT },
		{ CONF_KEY_RIGHT,	KEY_RIGHT },
		{ CONF_KEY_PGUP,	KEY_PPAGE },
		{ CONF_KEY_PGDN,	KEY_NPAGE },
		{ CONF_KEY_HOME,	KEY_HOME },
		{ CONF_KEY_END,		KEY_END },
		{ CONF_KEY_INSERT,	KEY_IC },
		{ CONF_KEY_DELETE,	KEY_DC },
	};
	size_t i;

	if (k == CONF_KEY_ENTER) {
		out[0] = '\r';
		out[1] = '\n';
		out[2] = KEYF(KEY_ENTER);
		return 3;
	}
	if (k == CONF_KEY_BACKSPACE) {
		out[0] = KEYF(KEY_BACKSPACE);
		out[1] = 0x7f;
		out[2] = '\b';
		return 3;
	}
	if (k >= CONF_KEY_F(1) && k <= CONF_KEY_F(12)) {
		out[0] = KEYF(KEY_F(k - CONF_KEY_F1 + 1));
		return 1;
	}
	for (i = 0; i < nitems(fkeys); i++)
		if (fkeys[i].conf == k) {
			out[0] = KEYF(fkeys[i].code);
			return 1;
		}
	out[0] = k;
	return 1;
}

void
keys_configure(const struct conf *cfg)
{
	const struct conf_bind *b;
	int codes[3];
	size_t i, j, n;

	keys_reset();
	for (i = 0; cfg != NULL && i < conf_nbinds(cfg); i++) {
		b = conf_bind(cfg, i);
		n = curses_keys(b->key, codes);
		for (j = 0; j < n; j++) {
			if (b->action == NULL)
				keys_unbind(codes[j],
				    names_context(b->context));
			else
				keys_bind(codes[j], names_action(b->action),
				    names_context(b->context));
		}
	}
}

enum action
keys_lookup(int key, int ctx, size_t n)
{
	size_t i;

	ensure();
	for (i = 0; i < ntable; i++) {
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
		{ '\b',			"Backspace",	NULL },
		{ 0x7f,			"Backspace",	NULL },
		{ KEYF(KEY_BACKSPACE),	"Backspace",	NULL },
		{ KEYF(KEY_ENTER),	"Enter",	"Enter" },
		{ KEYF(KEY_BTAB),	"S-Tab",	"S-Tab" },
		{ KEYF(KEY_NPAGE),	"PgDn",		"PgDn" },
		{ KEYF(KEY_PPAGE),	"PgUp",		"PgUp" },
		{ KEYF(KEY_HOME),	"Home",		"Home" },
		{ KEYF(KEY_END),	"End",		"End" },
		{ KEYF(KEY_IC),		"Insert",	"Insert" },
		{ KEYF(KEY_DC),		"Delete",	"Delete" },
		{ KEYF(KEY_UP),		"\xe2\x86\x91",	"Up" },
		{ KEYF(KEY_DOWN),	"\xe2\x86\x93",	"Down" },
		{ KEYF(KEY_LEFT),	"\xe2\x86\x90",	"Left" },
		{ KEYF(KEY_RIGHT),	"\xe2\x86\x92",	"Right" },
	};
	char u[5];
	size_t i;

	for (i = 0; i < nitems(names); i++) {
		if (names[i].key == key) {
			snprintf(out, len, "%s", ascii &&
			    names[i].ascii != NULL ? names[i].ascii :
			    names[i].name);
			return;
		}
	}
	if (key >= KEYF(KEY_F(1)) && key <= KEYF(KEY_F(12)))
		snprintf(out, len, "F%d", key - KEYF(KEY_F(0)));
	else if (key >= KEY_FUNC)
		snprintf(out, len, "key%d", key - KEY_FUNC);
	else if (key < 0x20)
		snprintf(out, len, "^%c", key + '@');
	else if (key < 0x7f)
		snprintf(out, len, "%c", key);
	else if (!ascii && key < 0x110000 && !utf8_is_unsafe((uint32_t)key)) {
		u[utf8_encode((uint32_t)key, u)] = '\0';
		snprintf(out, len, "%s", u);
	} else
		snprintf(out, len, "U+%04X", (unsigned)key);
}

/* Whether the space-separated words of b include w. */
static bool
has_word(const struct buf *b, const char *w)
{
	size_t n = strlen(w), i = 0, e;

	while (i < b->len) {
		e = i;
		while (e < b->len && b->data[e] != ' ')
			e++;
		if (e - i == n && memcmp(b->data + i, w, n) == 0)
			return true;
		i = e + 1;
	}
	return false;
}

/* Whether the binding at i is shadowed: an earlier one gives its key
 * another action in a context they share, so that one is tried first. */
static bool
shadowed(size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (table[k].key == table[i].key &&
		    table[k].act != table[i].act &&
		    (table[k].ctx & table[i].ctx) != 0)
			return true;
	return false;
}

static char *
for_action(enum action act, int *ctx, bool ascii, bool first)
{
	struct buf b = BUF_INIT;
	char name[32], last[32];
	size_t i, j;

	ensure();
	*ctx = 0;
	for (i = 0; i < ntable; i++) {
		if (table[i].act != act || (first && shadowed(i)))
			continue;
		*ctx |= table[i].ctx;
		/* A run of three or more consecutive characters: "1–9". */
		j = i;
		while (j + 1 < ntable && table[j + 1].act == act &&
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
		/* Codes with one name (\n, \r, KEY_ENTER) show once. */
		if (has_word(&b, name))
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_adds(&b, name);
	}
	return buf_detach(&b);
}

char *
keys_for_action(enum action act, int *ctx, bool ascii)
{
	return for_action(act, ctx, ascii, false);
}

char *
keys_for_help(enum action act, int *ctx, bool ascii)
{
	return for_action(act, ctx, ascii, true);
}

void
keys_first(enum action act, int ctx, bool ascii, char *out, size_t len)
{
	size_t i;

	ensure();
	for (i = 0; i < ntable; i++)
		if (table[i].act == act &&
		    (table[i].ctx & (ctx | CTX_ANY)) != 0) {
			keys_name(table[i].key, ascii, out, len);
			return;
		}
	snprintf(out, len, "?");
}

/* back: q goes back from a view that has the list's place, not quit. */
static char *
hints_for(int ctx, bool ascii, bool back)
{
	struct buf b = BUF_INIT;
	char name[32];
	size_t h, i;

	ensure();
	for (h = 0; h < nitems(hints); h++) {
		if ((hints[h].ctx & (ctx | CTX_ANY)) == 0)
			continue;
		for (i = 0; i < ntable; i++)
			if (table[i].act == hints[h].act &&
			    (table[i].ctx & (ctx | CTX_ANY)) != 0)
				break;
		if (i == ntable)
			continue;
		keys_name(table[i].key, ascii, name, sizeof name);
		if (b.len > 0)
			buf_adds(&b, "  ");
		buf_printf(&b, "%s:%s", name, back && hints[h].act == ACT_QUIT ?
		    "back" : hints[h].label);
	}
	return buf_detach(&b);
}

char *
keys_hints(int ctx, bool ascii)
{
	return hints_for(ctx, ascii, false);
}

char *
keys_view_hints(bool ascii)
{
	return hints_for(CTX_ISSUES, ascii, true);
}
