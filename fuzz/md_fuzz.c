/* md_fuzz.c - the md front-end and layout at a width from the input. */
#include "config.h"

#include <stdint.h>

#include "invariants.h"

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
	int width;

	if (size < 1)
		return 0;
	width = data[0] % 200 + 1;
	check_document((const char *)data + 1, size - 1, CONTENT_MARKDOWN, width);
	return 0;
}
