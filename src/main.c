/* main.c - options, locale, and the choice of front-end. */
#include "config.h"

#include <stdio.h>

int
main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}
