// The registry of sources: every figure a citizen sees cites one or more of these by id.
#pragma once

#include <string>
#include <vector>

#include "core/json_reader.h"

namespace stadsmijn {

enum class Reliability { high, medium, low };

struct Source {
    std::string id;         // kebab-case, cited by other content files
    std::string title;
    std::string publisher;
    int year = 0;
    std::string url;
    std::string licence;    // e.g. "CC BY-SA 4.0", "public sector information", "quoted figure"
    Reliability reliability = Reliability::medium;
    std::string note;       // optional: why it is rated so, or what to keep in mind
};

// Reads `{"sources": [ ... ]}`; problems (duplicate ids, bad urls, unknown reliability) are added.
std::vector<Source> read_sources(const JsonReader& root);

const char* reliability_name(Reliability reliability);

}  // namespace stadsmijn
