#include "config.h"
#include "harness.h"
#include "frontmatter.h"
int main(void) { HARNESS_INIT(); OK(1, "x"); DONE(); }
