#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# tools/tune.sh -- ROUGE of precis built with other scoring constants.
#
#   ./tools/tune.sh "-DW_POSITION=0.30 -DPOSITION_HALF=3" [--set NAME]...
#
# Every constant of lib/weights.h can be overridden with -D; the build
# goes to build/tune (rebuilt each time, so the flags always apply) and
# bench/eval prints precis and Lead on the dev sets of ../shared/EVAL.md.
# docs/quality.md logs what each tried change did.
set -eu
flags="${1:-}"
[ $# -gt 0 ] && shift
dir=build/tune
rm -rf "$dir"
make -s BUILD="$dir" LIBOUT="$dir" CFLAGS="-O2 $flags" "$dir/bench/eval" >/dev/null
"$dir/bench/eval" --shared "${SHARED:-../shared/data}" --data "${DATA:-data}" "$@" |
    grep -E '^[a-z_0-9]+:|  precis|Lead \(our|faithfulness, precis'
