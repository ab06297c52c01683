// The content the app ships (content/**/*.json from the bundle), loaded once for the advice and
// drawer tests; and a way to load it with one file changed, to show a number comes from content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "platform/bundle.h"

namespace stadsmijn::testing {

inline std::vector<ContentFile> bundled_content_files() {
    std::vector<ContentFile> files;
    for (const auto& file : embedded_files())
        if (std::string_view(file.path).starts_with("content/")) files.push_back({file.path, file.text()});
    return files;
}

inline const Content& shipped_content() {
    static const LoadedContent loaded = load_content(bundled_content_files());
    return loaded.content;
}

// The shipped content with `path` replaced by `text` (which must outlive the result's use).
inline LoadedContent content_with(const std::string& path, std::string_view text) {
    std::vector<ContentFile> files = bundled_content_files();
    for (auto& file : files)
        if (file.path == path) file.bytes = text;
    return load_content(files);
}

inline std::string bundled_text(std::string_view path) {
    const EmbeddedFile* file = find_embedded(path);
    return file ? std::string(file->text()) : std::string();
}

// Replaces the first `from` in `text` by `to`; the test fails loudly when `from` is not there.
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
    auto at = text.find(from);
    if (at == std::string::npos) return "replaced(): '" + std::string(from) + "' not found";
    return text.replace(at, from.size(), to);
}

}  // namespace stadsmijn::testing
