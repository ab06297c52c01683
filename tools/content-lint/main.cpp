// content-lint [REPO_ROOT]: loads content/ from disk through the app's own load_content and
// prints one line per problem ("file: path: message"). Exit code 0 when there are none, 1 when
// there are, 2 when the folder cannot be read.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/content/content.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    fs::path root = argc > 1 ? fs::path(argv[1]) : fs::current_path();
    fs::path content_dir = root / "content";
    std::error_code error;
    if (!fs::is_directory(content_dir, error)) {
        std::cerr << "content-lint: no content/ folder in " << root.string() << "\n";
        return 2;
    }
    // The same set the app bundles: every content/**/*.json, keyed by its path from the root.
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto& entry : fs::recursive_directory_iterator(content_dir, error)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        texts.emplace_back(fs::relative(entry.path(), root).generic_string(), bytes.str());
    }
    std::sort(texts.begin(), texts.end());
    std::vector<stadsmijn::ContentFile> files;
    for (const auto& [path, bytes] : texts) files.push_back({path, bytes});

    stadsmijn::LoadedContent loaded = stadsmijn::load_content(files);
    for (const auto& problem : loaded.problems) std::cout << problem.to_string() << "\n";

    const auto& c = loaded.content;
    std::size_t known = 0, unknown = 0;
    for (const auto& composition : c.compositions) (composition.unknown ? unknown : known)++;
    std::cerr << "content-lint: " << c.sources.size() << " sources, " << c.materials.size() << " materials, "
              << c.devices.size() << " devices, " << known << " compositions with figures and " << unknown
              << " unknown, " << c.repair_odds.categories.size() + c.repair_odds.ages.size() + c.repair_odds.faults.size()
              << " repair-odds rows, " << c.places.size() << " places, " << c.municipalities.size()
              << " municipalities, " << c.campaigns.size() << " campaigns; " << loaded.problems.size()
              << " problem(s)\n";
    return loaded.problems.empty() ? 0 : 1;
}
