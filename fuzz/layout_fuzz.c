/* layout_fuzz.c - any kind of content, laid out at two widths chosen by
 * the input and printed by the text view: nothing unclean comes out. */
#include "config.h"

#include <stdint.h>

#include "invariants.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum content_kind kinds[] = {
		CONTENT_HTML, CONTENT_MARKDOWN, CONTENT_TEXT, CONTENT_XHTML,
	};
	struct text_opts to;
	struct issue is;
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
	check_document(is.content, strlen(is.content), is.kind, w1);
	check_document(is.content, strlen(is.content), is.kind, w2);

	memset(&to, 0, sizeof to);
	to.width = w1;
	if ((fp = open_memstream(&out, &outlen)) != NULL) {
		if (text_print_issue(fp, &is, &to, &cause) == -1)
			free(cause);
		fclose(fp);
		FUZZ_ASSERT(utf8_is_clean(out, outlen), "text output unclean");
		free(out);
	}
	free(is.content);
	return 0;
}
