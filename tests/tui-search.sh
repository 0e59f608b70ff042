#!/bin/sh
# Issue 15, search: a word is a prefix ("contain" finds "containers"),
# results come best first with their dates; "a phrase", -word and title:
# work as mesosnews(1) says; opening a result shows its first match,
# highlighted, and n and N step through them saying "match i of N".
. "$srcdir/tests/tuilib.sh"

tui_start 80 12 --offline
settle "sample"
press "best first" / c o n t a i n Enter
expect_eq "contain: every issue with a word that starts so, ranked" \
    "$SCREEN" \
' mesosnews · Apache Mesos Blog (bundled sample) · 8 issues, 8 unread · search "…
›2014-04-03 +● Mesos Community Update #2
 2014-09-04 +● Mesos Community Update #8
 2014-04-17 +● Mesos Community Update #3
 2014-08-07 +● Mesos Community Update #7
 2014-06-12 +● Mesos Community Update #5





5 issues match "contain", best first'
press "match 1 of 3" Enter
expect_eq "Enter: the article at its first match" \
    "$(printf '%s\n' "$SCREEN" | sed -n 6,7p)" \
" • Mesosphere released Deimos[1], an external containerizer that lets Mesos
   launch tasks in Docker[2] containers. It builds on the pluggable isolation"
esc=$(printf '\033')
check "the match is highlighted" sh -c 'printf "%s" "$1" | sed -n 6p |
    grep -q "$2\[[0-9;]*mcontain$2\["' sh "$(capture -e)" "$esc"
press "match 2 of 3" n
press "match 3 of 3" n
press "match 1 of 3: find wrapped around" n
press "match 3 of 3: find wrapped around" N
press "match 2 of 3" N
press 'search "' q
press "8 issues, 7 unread · offline" Escape

press "best first" / c o n t a i n " " - d o c k e r Enter
expect_eq "-docker leaves out the issues with docker" \
    "$(printf '%s\n' "$SCREEN" | sed -n '2,3p;12p')" \
"›2014-04-17 +● Mesos Community Update #3
 2014-06-12 +● Mesos Community Update #5
2 issues match \"contain -docker\", best first"
press "" Escape
press "best first" / '"' i n " " d o c k e r '"' Enter
expect_eq "a phrase" "$(printf '%s\n' "$SCREEN" | sed -n '2,3p;12p')" \
"›2014-09-04 +● Mesos Community Update #8
 2014-04-03 +  Mesos Community Update #2
2 issues match \"\"in docker\"\", best first"
press "" Escape
press "best first" / t i t l e : "#" 3 Enter
expect_eq "title: the titles only" "$(printf '%s\n' "$SCREEN" |
    sed -n '2,3p;12p')" \
"›2014-04-17 +● Mesos Community Update #3

1 issue matches \"title:#3\", best first"
# A word only in the title: the issue opens at its top, with no find.
press "Intro" Enter
on_screen "no match in the text: no find" \
    "Enter:open  Tab:section  v:whole  l:links  /:search"
done_testing
