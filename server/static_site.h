// The built web app, held in memory and served with the right headers.
//
// Every file of the web build's dist folder is read once at start, with its precompressed
// `.br` and `.gz` twins. Content-hashed names (`app.3f2a9c1b.js`) are cached for a year;
// everything else (index.html) is revalidated every time by its ETag.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace stadsmijn::server {

struct StaticFile {
    std::string content_type;
    std::string identity;
    std::string gzip;    // empty when there is no .gz
    std::string brotli;  // empty when there is no .br
    std::string etag;    // strong ETag of the identity bytes
    bool immutable = false;
};

struct ChosenBody {
    const std::string* body;
    const char* encoding;  // nullptr for identity, else "br" or "gzip"
};

class StaticSite {
public:
    static Result<StaticSite> load(const std::filesystem::path& directory);

    // "/" and "/index.html" give index.html; other paths must name a file exactly.
    const StaticFile* find(std::string_view url_path) const;
    std::size_t size() const { return files_.size(); }

private:
    std::map<std::string, StaticFile, std::less<>> files_;
};

const char* content_type_for(std::string_view file_name);
// True for names with a content hash before the extension: `name.0123abcd.ext`.
bool is_content_hashed(std::string_view file_name);
// The best encoding the client accepts (brotli, then gzip, then identity), honouring q=0.
ChosenBody choose_body(const StaticFile& file, std::string_view accept_encoding);

}  // namespace stadsmijn::server
