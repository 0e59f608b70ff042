/* index.c - the issue index printed by --list. */
#include "config.h"

#include "index.h"
