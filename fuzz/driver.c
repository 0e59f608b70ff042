/* driver.c - run a fuzz target over files, without libFuzzer: make check
 * replays the regression inputs and the fixtures through the same
 * invariant checks.  Prints "N passed, 0 failed"; a broken invariant
 * aborts. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *fp;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			buf_free(&b);
			return 99;
		}
		buf_reset(&b);
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			buf_add(&b, chunk, n);
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)(b.data ? b.data : ""),
		    b.len);
	}
	buf_free(&b);
	printf("%d passed, 0 failed\n", argc - 1);
	return 0;
}
