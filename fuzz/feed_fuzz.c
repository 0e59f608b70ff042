/* feed_fuzz.c - the feed parser, fed in chunks whose sizes come from the
 * input: every issue's one-line fields must come out clean. */
#include "config.h"

#include <stdint.h>

#include "feed.h"
#include "frontmatter.h"
#include "invariants.h"

static int
issue_cb(const struct issue *is, void *arg)
{
	(void)arg;
	FUZZ_ASSERT(is->id != NULL, "issue without id");
	check_oneline(is->id);
	check_oneline(is->title);
	check_oneline(is->author);
	check_oneline(is->link);
	check_oneline(is->date_raw);
	check_oneline(is->tags);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_limits lim = { 1u << 20, 1u << 18, 64, false, false,
	    NULL };
	struct feed_parser *p;
	struct frontmatter *fm;
	char *cause = NULL;
	size_t off = 0, n, step;

	if (size < 1)
		return 0;
	/* The first byte picks the chunk size: split points must not
	 * matter. */
	step = (size_t)data[0] % 64 + 1;
	/* Its top bit, whether to read past well-formedness errors. */
	lim.recover = (data[0] & 0x80) != 0;
	data++, size--;
	p = feed_parser_new("https://mesos.apache.org/blog/feed.xml",
	    step == 7 ? "ISO-8859-1" : NULL, &lim, issue_cb, NULL);
	while (off < size) {
		n = size - off < step ? size - off : step;
		if (feed_parser_push(p, data + off, n, &cause) == -1)
			break;
		off += n;
	}
	if (cause == NULL && feed_parser_finish(p, &cause) == 0)
		check_oneline(feed_parser_warning(p));
	if (cause != NULL)
		check_oneline(cause);
	free(cause);
	feed_parser_free(p);

	/* The same bytes as a post's front matter. */
	cause = NULL;
	if ((fm = frontmatter_parse((const char *)data, size, &cause)) != NULL) {
		FUZZ_ASSERT(frontmatter_body(fm, NULL) <= size, "body offset");
		frontmatter_free(fm);
	} else
		free(cause);
	return 0;
}
