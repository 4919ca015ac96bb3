# SPDX-License-Identifier: BSD-2-Clause
# Sourced by the shell tests that start a precisd of their own.
# wait_for_socket SOCKET PID LOG: return once precisd (PID) has bound
# SOCKET (it listens in the same step, so a client may connect then);
# fail with its log if it exits first.  The ceiling is generous (60 s)
# so a loaded machine only slows the test.
wait_for_socket() {
    _i=0
    while [ ! -S "$1" ]; do
        kill -0 "$2" 2>/dev/null || { cat "$3"; echo "precisd exited"; return 1; }
        _i=$((_i + 1))
        [ $_i -lt 600 ] || { echo "precisd did not bind $1"; return 1; }
        sleep 0.1
    done
}
