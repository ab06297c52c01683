#include "core/content/sources.h"

#include <set>

#include "core/routes.h"

namespace stadsmijn {

const char* reliability_name(Reliability reliability) {
    switch (reliability) {
        case Reliability::high: return "high";
        case Reliability::medium: return "medium";
        case Reliability::low: return "low";
    }
    return "medium";
}

std::vector<Source> read_sources(const JsonReader& root) {
    std::vector<Source> sources;
    std::set<std::string> seen;
    if (!root.expect_object()) return sources;
    root.each("sources", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "title", "publisher", "year", "url", "licence", "reliability", "note"});
        Source source;
        source.id = item.string("id");
        source.title = item.string("title");
        source.publisher = item.string("publisher");
        source.year = item.integer("year", {.min = 1900, .max = 2100});
        source.url = item.string("url");
        source.licence = item.string("licence");
        source.note = item.optional_string("note").value_or("");
        std::string reliability = item.string("reliability");
        if (reliability == "high")
            source.reliability = Reliability::high;
        else if (reliability == "medium")
            source.reliability = Reliability::medium;
        else if (reliability == "low")
            source.reliability = Reliability::low;
        else if (!reliability.empty())
            item.problem_at("reliability", "must be high, medium or low, found '" + reliability + "'");

        if (!source.id.empty() && !is_valid_id(source.id))
            item.problem_at("id", "'" + source.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
        if (!source.id.empty() && !seen.insert(source.id).second)
            item.problem_at("id", "'" + source.id + "' is used by an earlier source too");
        if (!source.url.empty() && !source.url.starts_with("https://") && !source.url.starts_with("http://"))
            item.problem_at("url", "must start with https:// or http://");
        sources.push_back(std::move(source));
    });
    return sources;
}

}  // namespace stadsmijn
