#!/usr/bin/env bash
# Subsets a UI font from a Debian package to the characters the app draws: Basic Latin, Latin-1,
# Latin Extended-A (Turkish, Polish), general punctuation (dashes, quotes) and the euro sign.
# usage: subset_font.sh INPUT.otf OUTPUT.otf
set -euo pipefail
/usr/bin/python3 -m fontTools.subset "$1" --output-file="$2" \
  --unicodes='U+0020-007E,U+00A0-00FF,U+0100-017F,U+2010-2027,U+20AC' \
  --layout-features='' --no-hinting --desubroutinize --name-IDs='' --notdef-outline
