#include "server/content_folder.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace stadsmijn::server {

namespace fs = std::filesystem;

Result<LoadedContent> load_content_folder(const fs::path& content_dir) {
    std::error_code error;
    if (!fs::is_directory(content_dir, error)) return fail("no content folder at " + content_dir.string());
    const fs::path root = content_dir.parent_path();
    std::vector<std::pair<std::string, std::string>> texts;
    for (auto it = fs::recursive_directory_iterator(content_dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file() || it->path().extension() != ".json") continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        texts.emplace_back("content/" + fs::relative(it->path(), content_dir).generic_string(), bytes.str());
    }
    if (error) return fail("cannot read " + content_dir.string() + ": " + error.message());
    std::sort(texts.begin(), texts.end());
    std::vector<ContentFile> files;
    for (const auto& [path, bytes] : texts) files.push_back({path, bytes});
    return load_content(files);
}

}  // namespace stadsmijn::server
