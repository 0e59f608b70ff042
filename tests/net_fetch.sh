#!/bin/sh
# The fetcher against the loopback test server: every HTTP case of
# tests/unit/fetch_test (conditional GET, compression, redirects, each
# failure with its message, parallel transfers, the caller's poll loop).
. "$srcdir/tests/netlib.sh"
net_setup
FETCH_TEST_PORT=$HTTPD_PORT FETCH_TEST_ROOT=$WWW FETCH_TEST_LOG=$HTTPD_LOG \
    "$top_builddir/tests/unit/fetch_test"
