// Content and catalogs as the app and the UI tests read them from the bundle.
//
//   LoadedContent loaded = load_bundled_content();     // content/**.json, validated
//   Translator t;  Problems problems;
//   auto fetch_later = add_bundled_catalogs(t, problems); // i18n/<language>/<part>.json, Dutch first
#pragma once

#include <map>
#include <string>

#include "core/content/content.h"
#include "core/i18n.h"

namespace stadsmijn {

LoadedContent load_bundled_content();

// The web build fetches content/ as one file (tools/build/content_pack.py) instead of carrying it
// in the wasm. `name` says where problems come from. A pack that is not one (cut short, a wrong
// size, an HTML error page) is a problem of its own, and the files it lost are reported missing.
LoadedContent load_packed_content(std::string_view pack, const std::string& name);

// Every file under i18n/<language>/ becomes part of that language's catalog; Dutch, the
// reference, is added first so that it is the starting language.
//
// The web build bundles only the names of some catalogs (i18n-lazy/<language>): each such
// language is added empty (it can be chosen, and reads English until its texts arrive), and
// the result maps it to the file to fetch, which add_fetched_catalog then adds.
std::map<std::string, std::string> add_bundled_catalogs(Translator& translator, Problems& problems);

// Adds a catalog fetched from the server (the merged parts of one language). False, with the
// problems added, when the text is not a catalog.
bool add_fetched_catalog(Translator& translator, const std::string& language, const std::string& file,
                         std::string_view json_text, Problems& problems);

}  // namespace stadsmijn
