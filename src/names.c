/* names.c - the names the configuration file gives the reader's actions,
 * colour roles and key contexts. */
#include "config.h"

#include <string.h>

#include "names.h"
#include "util.h"

#define ACTION_NAME(id, name)	name,
/* NOTE: indexed by enum action less one. */
static const char *const action_names[ACT_COUNT - 1] = {
	TUI_ACTIONS(ACTION_NAME)
};
#define ROLE_NAME(id, name)	name,
static const char *const role_names[R_COUNT] = { TUI_ROLES(ROLE_NAME) };
/* NOTE: indexed as context_bits. */
static const char *const context_names[] = {
	"list", "article", "links", "all",
};
static const int context_bits[] = {
	CTX_ISSUES, CTX_ARTICLE, CTX_LINKS, CTX_ANY,
};

static int
find(const char *const *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(v[i], name) == 0)
			return (int)i;
	return -1;
}

enum action
names_action(const char *name)
{
	int i = find(action_names, nitems(action_names), name);

	return i < 0 ? ACT_NONE : (enum action)(i + 1);
}

int
names_role(const char *name)
{
	return find(role_names, nitems(role_names), name);
}

int
names_context(const char *name)
{
	int i = find(context_names, nitems(context_names), name);

	return i < 0 ? 0 : context_bits[i];
}

const char *
names_action_name(enum action act)
{
	if (act <= ACT_NONE || act >= ACT_COUNT)
		return NULL;
	return action_names[act - 1];
}

const char *
names_role_name(enum role r)
{
	return (int)r >= 0 && r < R_COUNT ? role_names[r] : NULL;
}

const char *const *
names_actions(size_t *n)
{
	*n = nitems(action_names);
	return action_names;
}

const char *const *
names_roles(size_t *n)
{
	*n = nitems(role_names);
	return role_names;
}

const char *const *
names_contexts(size_t *n)
{
	*n = nitems(context_names);
	return context_names;
}
