#!/bin/sh
# valgrind.sh PROGRAM ARGS...: run a program under valgrind, failing on
# any memory error or leak.  make check-valgrind uses it for the unit
# tests and, through $MESOSNEWS, for the text-mode tests.
exec valgrind --quiet --error-exitcode=1 --leak-check=full \
    --child-silent-after-fork=yes \
    --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible \
    --suppressions="${top_srcdir:-.}/tests/valgrind.supp" "$@"
