// Broken content, one fixture per mistake an editor can make: tests/fixtures/content/<case>/
// holds the file(s) that replace the real ones in content/, and expected.txt the exact problem
// lines (file: path: message) the loader must report for those files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/content/content.h"

using namespace stadsmijn;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// path relative to the root -> bytes, for every *.json below root/content.
std::map<std::string, std::string> json_files_below(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root / "content"))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files[fs::relative(entry.path(), root).generic_string()] = read_text(entry.path());
    return files;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("every broken content fixture yields exactly its expected problems, with file and JSON path") {
    const fs::path source_dir = STADSMIJN_SOURCE_DIR;
    const std::map<std::string, std::string> real = json_files_below(source_dir);
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(source_dir / "tests/fixtures/content"))
        if (entry.is_directory()) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 15);

    for (const auto& dir : cases) {
        CAPTURE(dir.filename().string());
        std::map<std::string, std::string> files = real;
        std::map<std::string, std::string> replaced = json_files_below(dir);
        for (const auto& [path, bytes] : replaced) files[path] = bytes;
        std::vector<ContentFile> content;
        for (const auto& [path, bytes] : files) content.push_back({path, bytes});

        LoadedContent loaded = load_content(content);
        std::vector<std::string> actual;
        for (const auto& problem : loaded.problems)
            if (replaced.count(problem.file)) actual.push_back(problem.to_string());

        std::string said;
        for (const auto& line : actual) said += line + "\n";
        INFO("the loader said:\n" << said);
        REQUIRE_MESSAGE(fs::exists(dir / "expected.txt"), "expected.txt is missing");
        CHECK(actual == lines_of(read_text(dir / "expected.txt")));
    }
}

TEST_CASE("the real content with one file replaced by a fixture still keeps everything else") {
    const fs::path source_dir = STADSMIJN_SOURCE_DIR;
    std::map<std::string, std::string> files = json_files_below(source_dir);
    files["content/devices.json"] = read_text(source_dir / "tests/fixtures/content/not-json/content/devices.json");
    std::vector<ContentFile> content;
    for (const auto& [path, bytes] : files) content.push_back({path, bytes});
    LoadedContent loaded = load_content(content);
    CHECK(loaded.content.devices.empty());
    CHECK(loaded.content.materials.size() > 30);
    CHECK(loaded.content.places.size() > 40);
    CHECK_FALSE(loaded.content.repair_odds.categories.empty());
}
