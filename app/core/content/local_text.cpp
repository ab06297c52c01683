#include "core/content/local_text.h"

namespace stadsmijn {

LocalText read_local_text(const JsonReader& parent, const char* key, bool required) {
    LocalText text;
    if (!required && !parent.has(key)) return text;
    auto node = parent.child(key, required);
    if (!node) return text;
    node->reject_unknown_keys({"nl", "en"});
    if (!node->has("nl")) {
        node->problem("the Dutch text (\"nl\") is missing; Dutch is the reference language");
    } else {
        text.nl = node->string("nl");
        if (text.nl.empty() && node->node()["nl"].is_string())
            node->problem_at("nl", "is empty; Dutch is the reference language and must be written");
    }
    text.en = node->optional_string("en").value_or("");
    return text;
}

std::vector<std::string> read_source_ids(const JsonReader& parent, const char* key, bool required) {
    if (!required && !parent.has(key)) return {};
    std::vector<std::string> ids = parent.strings(key);
    if (required && ids.empty() && parent.has(key) && parent.node()[key].is_array())
        parent.problem_at(key, "cites no source; every figure needs at least one source id from content/sources.json");
    return ids;
}

}  // namespace stadsmijn
