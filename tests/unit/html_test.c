/* html_test.c - HTML through libxml2's parser: elements, entities, white
 * space, dropped content, silence, and nesting without bound. */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#include "content.h"
#include "doc.h"
#include "html.h"
#include "layout.h"
#include "util.h"

#include "../render/testutil.h"

static char *
html(const char *s, int width)
{
	return render(s, CONTENT_HTML, width, false);
}

static void
test_inline(void)
{
	char *s;

	s = html("<p>&amp; &lt;&gt; &eacute;&#x4e2d;&#20013; a&nbsp;b "
	    "&unknown; &quot;</p>", 80);
	/* A no-break space is drawn as a space that does not break. */
	STR_EQ(s, "& <> \xc3\xa9\xe4\xb8\xad\xe4\xb8\xad a b "
	    "&unknown; \"\n");
	free(s);

	s = html("<p>a<script>evil()</script>b<style>p{}</style>c<iframe "
	    "src=\"x\">no</iframe>d<input value=\"v\"><select><option>o"
	    "</option></select><textarea>t</textarea><button>btn</button>e"
	    "<noscript>f</noscript><template>t</template>g</p>"
	    "<form><label>Name</label><input name=\"n\"></form>", 80);
	STR_EQ(s, "abcdefg\n\nName\n");
	free(s);

	s = html("<p>one<br>two<br/>three</p><p>x <q>said</q> "
	    "<em>it</em> <del>gone</del> <sub>2</sub></p>", 80);
	STR_EQ(s, "one\ntwo\nthree\n\nx \xe2\x80\x9csaid\xe2\x80\x9d it "
	    "gone 2\n");
	free(s);

	/* No <p>: text in divs is still paragraphs. */
	s = html("text<div>in a div</div>tail<h2>Head</h2>after", 80);
	STR_EQ(s, "text\n\nin a div\n\ntail\n\nHead\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\nafter\n");
	free(s);
}

static void
test_blocks(void)
{
	char *s;

	/* pre keeps its white space; the first newline is not content. */
	s = html("<pre>\n  a  b\n    <b>c</b><br>d</pre>", 80);
	STR_EQ(s, "\xe2\x94\x83   a  b\n\xe2\x94\x83     c\n"
	    "\xe2\x94\x83 d\n");
	free(s);

	s = html("<ol start=\"98\"><li>x</li><li>y</li><li>z</li></ol>", 80);
	STR_EQ(s, " 98. x\n 99. y\n100. z\n");
	free(s);

	s = html("<blockquote><p>a</p><blockquote>b</blockquote></blockquote>"
	    "<hr><figure><img src=\"i.png\" alt=\"pic\"><figcaption>Cap"
	    "</figcaption></figure>", 16);
	STR_EQ(s, "\xe2\x94\x82 a\n\xe2\x94\x82\n"
	    "\xe2\x94\x82 \xe2\x94\x82 b\n\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\n\n[image: pic][1]\n\nCap\n");
	free(s);

	s = html("<table><tr><th>a</th><th align=right>bb</th></tr>"
	    "<tr><td>1</td><td align=right>2</td></tr>"
	    "<tr><td colspan=2>wide cell</td></tr></table>", 40);
	/* The spanning cell widens the last column it spans. */
	STR_EQ(s, "a \xe2\x94\x82    bb\n\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\xbc\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\n1 \xe2\x94\x82     2\nwide cell\n");
	free(s);
}

/* Check a layout of deep nesting: done, text kept, and no line of
 * indentation only. */
static void
check_deep(const char *what, const char *doc, const char *want, int width)
{
	struct layout *L;
	struct doc *d;
	const struct layout_line *l;
	char *cause = NULL, *text;
	clock_t t0 = clock();
	int i, k, maxindent = 0, indent;
	bool content, pure = false;
	double secs;

	d = content_parse(doc, strlen(doc), CONTENT_HTML, NULL, &cause);
	OK(d != NULL, "%s: %s", what, cause ? cause : "");
	if (d == NULL)
		return;
	L = layout_new(d, width, NULL);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	/* Only a runaway (quadratic nesting) takes this long, even under
	 * valgrind on a loaded machine: a bound that cannot flake. */
	OK(secs < 120.0, "%s took %.2f s", what, secs);
	for (i = 0; i < layout_nlines(L); i++) {
		l = layout_line(L, i);
		content = false;
		indent = 0;
		for (k = 0; k < l->ncells; k++) {
			if (l->cells[k].role == LAYOUT_NORMAL ||
			    l->cells[k].role == LAYOUT_MARKER)
				content = true;
			else if (!content)
				indent += l->cells[k].width;
		}
		if (indent > maxindent)
			maxindent = indent;
		if (!content && indent > width / 2)
			pure = true;
	}
	OK(!pure, "%s: a line of indentation only", what);
	OK(maxindent <= width / 2, "%s: indent %d at width %d", what,
	    maxindent, width);
	text = layout_text(L);
	OK(strstr(text, want) != NULL, "%s: \"%s\" missing", what, want);
	free(text);
	layout_free(L);
	doc_free(d);
}

static void
test_deep(void)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "deep text");
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "</div>");
	buf_adds(&b, "<p>after</p>");
	check_deep("100000 divs", buf_str(&b), "after", 80);
	check_deep("100000 divs", buf_str(&b), "deep text", 80);

	buf_reset(&b);
	for (i = 0; i < 20000; i++)
		buf_adds(&b, "<ul><li>item");
	buf_adds(&b, "deepest");
	for (i = 0; i < 20000; i++)
		buf_adds(&b, "</li></ul>");
	buf_adds(&b, "<p>after lists</p>");
	check_deep("20000 lists", buf_str(&b), "after lists", 80);
	check_deep("20000 lists", buf_str(&b), "itemdeepest", 40);

	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "<blockquote><ol><li><table><tr><td><b>");
	buf_adds(&b, "bottom");
	check_deep("100000 mixed", buf_str(&b), "bottom", 30);

	/* Unclosed everything, at the end of the input. */
	check_deep("unclosed", "<ul><li><a href=x><table><tr><td><pre>code",
	    "code", 20);
	buf_free(&b);
}

/* The parser never writes to stderr, whatever the input. */
static void
test_silent(void)
{
	char path[] = "/tmp/html_test.XXXXXX", *s;
	int fd, saved;
	struct stat st;

	fd = mkstemp(path);
	OK(fd != -1, "mkstemp");
	if (fd == -1)
		return;
	fflush(stderr);
	saved = dup(2);
	dup2(fd, 2);
	s = html("<p><b><i>mis</b>nested</i><table><td>x</tr></p></p>"
	    "<foo:bar xmlns=x>&bogus; \xff\xfe <!-- <a href='</div>'>"
	    "<meta charset=\"iso-8859-1\"><?php x ?><![CDATA[y]]>", 40);
	free(s);
	/* A UTF-16 byte order mark is not believed (libxml2 guessed UTF-16,
	 * lost the text and wrote "encoding error" to stderr; html fuzz). */
	s = html("\xfe\xff<p>one</p><p>t\xda</td>wo</p>", 40);
	OK(s != NULL && strstr(s, "\n\none\n\nt") != NULL, "text after a BOM: %s",
	    s ? s : "(null)");
	free(s);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	OK(fstat(fd, &st) == 0 && st.st_size == 0, "parser wrote to stderr");
	close(fd);
	unlink(path);
}

/* No tag keeps more than 1000 attributes (libxml2 compares each with all
 * before it): the 1001st and later are cut, in any form of value, and a
 * quoted ">" does not end the tag early.  Counted exactly: an href that
 * is attribute 1000 makes a link, attribute 1001 does not. */
static void
test_attributes(void)
{
	struct buf b = BUF_INIT;
	char *s;
	int i, n;

	for (n = 999; n <= 1000; n++) {
		buf_reset(&b);
		buf_adds(&b, "<!-- <p a b c> --><p><a");
		for (i = 0; i < n; i++)
			buf_printf(&b, i % 3 == 0 ? " a%d=\"x>y\"" :
			    i % 3 == 1 ? " a%d = 'v' " : " a%d", i);
		buf_adds(&b, " href=\"http://h.example/\">link</a> after</p>");
		s = html(buf_str(&b), 80);
		STR_EQ(s, n == 999 ? "link[1] after\n" : "link after\n");
		free(s);
	}
	/* Many tags over the cap, text between them kept (the time bound
	 * is hostile.sh's html-attrs-200k). */
	buf_reset(&b);
	for (n = 0; n < 3; n++) {
		buf_printf(&b, "<p id=%d", n);
		for (i = 0; i < 3000; i++)
			buf_printf(&b, " a%d=v", i);
		buf_printf(&b, ">para %d</p>", n);
	}
	s = html(buf_str(&b), 80);
	STR_EQ(s, "para 0\n\npara 1\n\npara 2\n");
	free(s);
	buf_free(&b);
}

/* html_text: the one HTML-to-text path (titles, the search index). */
static void
test_text(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "  a \n\t b  ", "a b" },
		{ "<b>bold</b> and <i>it</i>al", "bold and ital" },
		{ "a<script>evil(\"<b>\")</script>b<style>p{}</style>c", "abc" },
		{ "<p>one</p><p>two</p>three<br>four", "one two three four" },
		{ "&amp; &lt;&gt; &eacute;&#x4e2d;&#20013; &quot;&apos;",
		    "& <> \xc3\xa9\xe4\xb8\xad\xe4\xb8\xad \"'" },
		{ "AT&T & friends", "AT&T & friends" },
		{ "<head><title>t</title></head><body>x</body>", "x" },
		{ "<q>quoted</q>", "\xe2\x80\x9cquoted\xe2\x80\x9d" },
		{ "<ul><li>a</li><li>b</li></ul>", "a b" },
		{ "\xfe\xff<b>not UTF-16</b>", "\xc3\xbe\xc3\xbfnot UTF-16" },
	};
	size_t i;
	char *s;

	for (i = 0; i < nitems(cases); i++) {
		s = html_text(cases[i].in, strlen(cases[i].in));
		STR_EQ(s, cases[i].want);
		free(s);
	}
}

int
main(void)
{
	HARNESS_INIT();
	test_inline();
	test_blocks();
	test_deep();
	test_silent();
	test_attributes();
	test_text();
	DONE();
}
