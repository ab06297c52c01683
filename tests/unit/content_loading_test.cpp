#include <doctest/doctest.h>

#include "core/content/content.h"
#include "platform/bundle.h"

using namespace stadsmijn;

namespace {
// Problems in one file only: the loader also reports the other files a partial set lacks.
std::vector<std::string> problems_in(const LoadedContent& loaded, const std::string& file) {
    std::vector<std::string> lines;
    for (const auto& p : loaded.problems)
        if (p.file == file) lines.push_back(p.to_string());
    return lines;
}

std::vector<ContentFile> bundled_content() {
    std::vector<ContentFile> files;
    for (const auto& file : embedded_files())
        if (std::string_view(file.path).starts_with("content/")) files.push_back({file.path, file.text()});
    return files;
}
}  // namespace

TEST_CASE("the content bundled into the app loads without a single problem") {
    LoadedContent loaded = load_content(bundled_content());
    std::string all;
    for (const auto& problem : loaded.problems) all += problem.to_string() + "\n";
    INFO(all);
    CHECK(loaded.problems.empty());
    CHECK_FALSE(loaded.content.sources.empty());
}

TEST_CASE("a source with wrong types is reported by file and JSON path, the others still load") {
    const char* json = R"({"sources": [
        {"id": "good", "title": "T", "publisher": "P", "year": 2024, "url": "https://x", "licence": "L", "reliability": "high"},
        {"id": "bad", "title": "T", "publisher": "P", "year": "2024", "url": "ftp://x", "licence": "L", "reliability": "sure"}
    ]})";
    LoadedContent loaded = load_content({{"content/sources.json", json}});
    REQUIRE(loaded.content.sources.size() == 2);
    CHECK(loaded.content.find_source("good") != nullptr);
    CHECK(problems_in(loaded, "content/sources.json") == std::vector<std::string>{
                       "content/sources.json: sources[1].year: expected a whole number, found a string",
                       "content/sources.json: sources[1].reliability: must be high, medium or low, found 'sure'",
                       "content/sources.json: sources[1].url: must start with https:// or http://",
                   });
}

TEST_CASE("a content file that is not JSON gives its line and column, and nothing crashes") {
    LoadedContent loaded = load_content({{"content/sources.json", "{\"sources\": [\n  {\"id\": }\n]}"}});
    auto lines = problems_in(loaded, "content/sources.json");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with("content/sources.json: not valid JSON at line 2"));
    CHECK(loaded.content.sources.empty());
}

TEST_CASE("a missing source registry is reported") {
    LoadedContent loaded = load_content({});
    CHECK(problems_in(loaded, "content/sources.json").size() == 1);
}

TEST_CASE("duplicate ids and unknown fields in the registry are reported") {
    const char* json = R"({"sources": [
        {"id": "a", "title": "T", "publisher": "P", "year": 2024, "url": "https://x", "licence": "L", "reliability": "low"},
        {"id": "a", "title": "T", "publisher": "P", "year": 2024, "url": "https://x", "licence": "L", "reliability": "low", "titel": "typo"}
    ]})";
    LoadedContent loaded = load_content({{"content/sources.json", json}});
    CHECK(problems_in(loaded, "content/sources.json") ==
          std::vector<std::string>{"content/sources.json: sources[1].titel: unknown field (a typo?)",
                                   "content/sources.json: sources[1].id: 'a' is used by an earlier source too"});
}
