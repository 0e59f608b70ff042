/* docint.h - the document's insides, shared by doc.c (blocks, containers,
 * tables, sections) and doclink.c (the links table); no other file
 * includes it. */
#ifndef MN_DOCINT_H
#define MN_DOCINT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "doc.h"

#define STYLE_STACK	64

/* Grow array a (n used, cap allocated) to hold one more element. */
#define GROW(a, n, cap) do {						\
	if ((n) >= (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 16;				\
		(a) = xreallocarray((a), (cap), sizeof *(a));		\
	}								\
} while (0)

enum open_type {
	OPEN_QUOTE,
	OPEN_LIST,
	OPEN_ITEM,
	OPEN_INDENT,
};

/* One open begin/end pair, real or flattened. */
struct open {
	uint8_t		 type;
	bool		 real;		/* pushed a container or a list */
	bool		 autolist;	/* a list made for a stray item */
	char		 numtype;	/* lists */
	int		 idx;		/* lists: index in lists */
	int		 next;		/* lists: number of the next item */
};

struct link {
	struct doc_link	 pub;		/* url and text are owned */
	uint64_t	 hash;		/* of url */
	int		 first_block;
	bool		 plain;		/* url is an href of its own */
};

struct section {
	char		*name;
	int		 block;
};

/* A slot of the links' hash: the top of the hash is there to compare, so
 * that a probe only looks at the link itself on a likely match. */
struct lslot {
	int32_t		 link;		/* index, -1 empty */
	uint32_t	 top;		/* hash >> 32 */
};

/* An href as a front-end gave it, and the link it made. */
struct href {
	char		*href;		/* NULL: an empty slot */
	uint64_t	 hash;
	uint32_t	 link;		/* 0: not a usable link */
};

struct doc {
	char		*base;
	struct buf	 text;

	struct doc_run	*runs;
	size_t		 nruns, caprun;
	struct doc_block *blocks;
	size_t		 nblocks, capblock;
	int		*frames;
	size_t		 nframes_all, capframes;
	struct doc_container *conts;
	size_t		 nconts, capcont;
	struct doc_list	*lists;
	size_t		 nlists, caplist;
	struct doc_table *tables;
	size_t		 ntables, captable;
	struct doc_cell	*cells;
	size_t		 ncells, capcell;

	struct link	*links;
	size_t		 nlinks, caplink;
	struct lslot	*hash;		/* open addressing */
	size_t		 hashcap;
	struct href	*hrefs;		/* open addressing */
	size_t		 nhrefs, hrefcap;

	struct section	*sections;
	size_t		 nsections;
	int		 section_level;

	char		**meta;		/* key, value, key, value... */
	size_t		 nmeta;
	struct buf	 scratch;

	/* Blocks handed out as they are done (doc_set_each). */
	doc_blocks_fn	 each;
	void		*each_arg;
	size_t		 released;	/* blocks before this have no runs */
	struct section	*heads;		/* their depth-0 headings' names */
	size_t		 nheads, capheads;

	/* Build state. */
	struct open	*open;
	size_t		 nopen, capopen;
	int		 cstack[DOC_MAX_DEPTH];	/* real containers */
	int		 ncstack;
	int		 listlevel;
	int		 leaf;		/* open para/heading block, -1 */
	bool		 space;		/* skip the next white space */
	uint8_t		 styles[STYLE_STACK];
	int		 nstyles, style_over;
	uint8_t		 style;
	int		 linkdepth;
	uint32_t	 link;		/* number of the open link, 0 */
	bool		 link_new;
	size_t		 link_run;	/* first run of the open link */
	int		 table;		/* open table, -1 */
	int		 table_over;	/* tables nested in it */
	int		 cell;		/* open cell, -1 */
	int		 row, col;
	bool		 row_header;
	bool		 finished;
};

/* Open a paragraph or heading block in the current containers. */
void	 doc_leaf_begin(struct doc *, enum doc_block_type, int level);
/* Append len bytes of s, already clean, as a run of the current style
 * and link, merged with the last run where it can be. */
void	 doc_add_run(struct doc *, enum doc_run_kind, const char *s,
	    size_t len);
/* The plain text of runs [first, last), one line, trimmed; the caller
 * frees it. */
char	*doc_runs_text(struct doc *, size_t first, size_t last);

#endif
