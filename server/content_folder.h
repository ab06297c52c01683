// Reads content/ from disk for the server, through the app's own load_content (the app gets the
// same files bundled in).
#pragma once

#include <filesystem>

#include "core/content/content.h"
#include "core/result.h"

namespace stadsmijn::server {

// Every content/**/*.json below `repository_root/content`. Fails only when the folder cannot
// be read; problems inside the files are in the result's `problems`.
Result<LoadedContent> load_content_folder(const std::filesystem::path& content_dir);

}  // namespace stadsmijn::server
