// Content and catalogs as the app and the UI tests read them from the bundle.
//
//   LoadedContent loaded = load_bundled_content();     // content/**.json, validated
//   Translator t;  Problems problems;
//   add_bundled_catalogs(t, problems);                  // i18n/<language>/<part>.json, Dutch first
#pragma once

#include "core/content/content.h"
#include "core/i18n.h"

namespace stadsmijn {

LoadedContent load_bundled_content();

// Every file under i18n/<language>/ becomes part of that language's catalog; Dutch, the
// reference, is added first so that it is the starting language.
void add_bundled_catalogs(Translator& translator, Problems& problems);

}  // namespace stadsmijn
