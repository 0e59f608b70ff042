/* layout_fuzz.c - any kind of content (text and XHTML too, which the html
 * and md targets do not see), laid out at a width chosen by the input and
 * printed by the text view at a narrow one: the layout keeps its
 * invariants and nothing unclean comes out. */
#include "config.h"

#include <stdint.h>

#include "invariants.h"
#include "text.h"

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
	static const enum content_kind kinds[] = {
		CONTENT_HTML, CONTENT_MARKDOWN, CONTENT_TEXT, CONTENT_XHTML,
	};
	struct text_opts to;
	struct issue is;
	struct doc *d;
	char *out = NULL, *cause = NULL;
	size_t outlen = 0;
	FILE *fp;
	int w1, w2;

	if (size < 3)
		return 0;
	w1 = data[0] % 200 + 1;
	w2 = data[1] % 40 + 1;
	memset(&is, 0, sizeof is);
	is.kind = kinds[data[2] % 4];
	is.content = strndup((const char *)data + 3, size - 3);
	is.title = "Fuzz";
	is.id = "fuzz";
	is.published = is.updated = (time_t)-1;
	if ((d = check_parse(is.content, strlen(is.content), is.kind)) !=
	    NULL) {
		check_doc_layout(d, w1);
		doc_free(d);
	}

	/* The text view lays the document out again, so at the other
	 * width; its options come from the third byte's high bits (0 for
	 * the seeds: everything shown).  A third layout (w2 checked cell
	 * by cell) cost a third of the runs. */
	memset(&to, 0, sizeof to);
	to.width = w2;
	to.ascii = (data[2] & 4) != 0;
	to.links_only = (data[2] & 8) != 0;
	to.no_references = (data[2] & 16) != 0;
	to.no_header = (data[2] & 32) != 0;
	to.section = (data[2] & 64) != 0 ? "e" : NULL;
	if ((fp = open_memstream(&out, &outlen)) != NULL) {
		if (text_print_issue(fp, &is, &to, &cause) == -1) {
			FUZZ_ASSERT(cause != NULL, "failure without a cause");
			check_oneline(cause);
			free(cause);
		}
		fclose(fp);
		FUZZ_ASSERT(utf8_is_clean(out, outlen), "text output unclean");
		free(out);
	}
	free(is.content);
	return 0;
}
