#!/bin/sh
# The format check CTest runs (ctest -R format_check): every file listed in
# tools/format/clean-files.txt must be exactly as clang-format (with the repo's .clang-format)
# writes it. The whole tree is not clean yet, so this is a ratchet: a file joins the list once
# it is clean (format it alone, `clang-format -i path`, in a commit of its own) and never leaves.
# usage: tools/format/check-format.sh [clang-format binary]
set -eu
cd "$(dirname "$0")/../.."
clang_format=${1:-clang-format}
status=0
while read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  if ! "$clang_format" --style=file --dry-run --Werror "$file" 2>/dev/null; then
    echo "not formatted: $file (run: $clang_format -i $file)"
    status=1
  fi
done < tools/format/clean-files.txt
exit $status
