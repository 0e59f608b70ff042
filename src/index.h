/* index.h - the issue index printed by --list. */
#ifndef MN_INDEX_H
#define MN_INDEX_H
#endif
