/* keep.c - keeping things: yank a URL to the clipboard (OSC 52), save an
 * issue to a file, as text or as its own Markdown or HTML. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "app.h"
#include "buf.h"
#include "doc.h"
#include "library.h"
#include "text.h"
#include "utf8.h"
#include "util.h"

/* The index in the library's list of the issue the keys act on: the open
 * one when the article or its links have the focus, else the selected
 * one; (size_t)-1 when there is none. */
static size_t
current_issue(const struct app *a)
{
	if (a->focus != PANE_LIST && a->art.issue_id != 0)
		return library_find_key(a->lib, a->art.issue_id);
	if (a->list.sel < a->list.nshown)
		return a->list.shown[a->list.sel];
	return (size_t)-1;
}

static void
base64(struct buf *b, const unsigned char *s, size_t n)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long v;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 |
		    s[i + 2];
		buf_addc(b, digits[v >> 18 & 63]);
		buf_addc(b, digits[v >> 12 & 63]);
		buf_addc(b, digits[v >> 6 & 63]);
		buf_addc(b, digits[v & 63]);
	}
	if (i < n) {
		v = (unsigned long)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)s[i + 1] << 8;
		buf_addc(b, digits[v >> 18 & 63]);
		buf_addc(b, digits[v >> 12 & 63]);
		buf_addc(b, i + 1 < n ? digits[v >> 6 & 63] : '=');
		buf_addc(b, '=');
	}
}

/* Put url on the terminal's clipboard: OSC 52, which xterm, tmux, kitty,
 * foot, iTerm2 and others take.  The URL is sanitised and base64'd: no
 * byte of it reaches the terminal as itself. */
static void
yank_url(struct app *a, const char *url, const char *what)
{
	struct buf b = BUF_INIT;
	char *clean;

	clean = utf8_sanitize(url, strlen(url), UTF8_ONELINE);
	buf_adds(&b, "\033]52;c;");
	base64(&b, (const unsigned char *)clean, strlen(clean));
	buf_adds(&b, "\a");
	/* Between two frames: curses has flushed what it wrote. */
	fflush(stdout);
	if (write(STDOUT_FILENO, b.data, b.len) != (ssize_t)b.len)
		app_message(a, true, "cannot yank: the terminal did not take "
		    "it");
	else
		app_message(a, false, "yanked %s: %s", what, clean);
	buf_free(&b);
	free(clean);
}

void
keep_yank(struct app *a)
{
	const struct doc_link *l;
	char *link;
	size_t i;

	if (a->focus == PANE_LINKS && a->art.doc != NULL &&
	    (l = doc_link(a->art.doc, a->links.sel + 1)) != NULL) {
		yank_url(a, l->url, "the link");
		return;
	}
	if ((i = current_issue(a)) == (size_t)-1 ||
	    (link = app_issue_link(a, i)) == NULL)
		return;
	yank_url(a, link, "the issue's link");
	free(link);
}

/* The name ends in one of the suffixes of the issue's own markup. */
static bool
wants_source(const char *path, enum content_kind kind)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return false;
	if (kind == CONTENT_MARKDOWN)
		return strcasecmp(dot, ".md") == 0 ||
		    strcasecmp(dot, ".markdown") == 0;
	if (kind == CONTENT_HTML || kind == CONTENT_XHTML)
		return strcasecmp(dot, ".html") == 0 ||
		    strcasecmp(dot, ".htm") == 0;
	return false;
}

static size_t save_index;

/* Write the issue to path: its Markdown or HTML when the name asks for
 * that (.md, .html), else the text text mode prints, plain.  The file is
 * written whole or not at all (util_write_atomic). */
static void
save_done(struct app *a, const char *path)
{
	struct text_opts to;
	struct issue *is;
	struct buf b = BUF_INIT;
	char *cause = NULL, *data = NULL, *clean;
	size_t len = 0;
	FILE *fp;

	if (path == NULL || path[0] == '\0')
		return;
	clean = utf8_sanitize(path, strlen(path), UTF8_ONELINE);
	if ((is = library_get(a->lib, save_index, &cause)) == NULL)
		goto fail;
	if (is->content != NULL && wants_source(path, is->kind))
		buf_adds(&b, is->content);
	else {
		memset(&to, 0, sizeof to);
		to.width = a->opts->width > 0 ? a->opts->width : 80;
		to.ascii = a->ascii;
		if ((fp = open_memstream(&data, &len)) == NULL) {
			cause = xstrdup("out of memory");
			goto fail;
		}
		if (text_print_issue(fp, is, &to, &cause) == -1) {
			fclose(fp);
			free(data);
			goto fail;
		}
		fclose(fp);
		buf_add(&b, data, len);
		free(data);
	}
	if (util_write_atomic(path, b.data, b.len, &cause) == -1)
		goto fail;
	app_message(a, false, "saved %zu bytes to %s", b.len, clean);
	goto out;
fail:
	app_message(a, true, "cannot save to %s: %s", clean, cause);
	free(cause);
out:
	feed_issue_free(is);
	buf_free(&b);
	free(clean);
}

void
keep_save(struct app *a)
{
	if ((save_index = current_issue(a)) == (size_t)-1)
		return;
	prompt_start(a, "save as (.md/.html: the source): ", save_done);
}
