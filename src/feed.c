/* feed.c - placeholder while the parser is written (see issue 2). */
#include "config.h"

#include "feed.h"
