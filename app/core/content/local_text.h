// A text a citizen reads, in Dutch (the reference, always present) and optionally English.
//
//   "name": {"nl": "Smartphone", "en": "Smartphone"}
//
//   LocalText name = read_local_text(item, "name");
//   name.in("en");   // English when written, else the Dutch; Turkish and Polish read it too
#pragma once

#include <string>
#include <string_view>

#include "core/json_reader.h"

namespace stadsmijn {

struct LocalText {
    std::string nl;
    std::string en;  // may be empty: then readers see the Dutch

    // Any language other than Dutch reads English where it is written, as the catalogs fall back.
    const std::string& in(std::string_view language) const { return language != "nl" && !en.empty() ? en : nl; }
    bool empty() const { return nl.empty(); }
};

// Reads `{"nl": ..., "en": ...}` at `key`. A required text must be there with a non-empty Dutch
// text; an optional one may be absent, but when present its Dutch text is required too.
LocalText read_local_text(const JsonReader& parent, const char* key, bool required = true);

// Reads the `sources` list of a cited figure: at least one source id when `required`.
std::vector<std::string> read_source_ids(const JsonReader& parent, const char* key = "sources",
                                         bool required = true);

}  // namespace stadsmijn
