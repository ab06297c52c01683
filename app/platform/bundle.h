// The files bundled into the program at build time (content/, i18n/, fonts): see
// tools/build/embed_files.py. The browser build has no filesystem; this is how it reads data.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace stadsmijn {

struct EmbeddedFile {
    const char* path;  // relative to the repository root ("content/sources.json"), or "fonts/..."
    const unsigned char* data;
    std::size_t size;

    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

std::span<const EmbeddedFile> embedded_files();

inline const EmbeddedFile* find_embedded(std::string_view path) {
    for (const auto& file : embedded_files())
        if (path == file.path) return &file;
    return nullptr;
}

}  // namespace stadsmijn
