/* place.h - where the reader was in an issue, as the library hands it to
 * the reader and the store keeps it: one type for both. */
#ifndef MN_PLACE_H
#define MN_PLACE_H

#include <stdbool.h>

/* The first block of the document on screen and whether the
 * whole issue was shown; open: the issue was open, not only selected. */
struct place {
	int		 block;		/* -1 when set: keep the block and
					   view kept */
	bool		 whole;
	bool		 open;
};

#endif
