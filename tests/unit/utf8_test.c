#include "config.h"
#include "harness.h"
#include "utf8.h"
int main(void) { HARNESS_INIT(); OK(1, "x"); DONE(); }
