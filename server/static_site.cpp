#include "server/static_site.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

namespace stadsmijn::server {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// FNV-1a, 64 bit: enough to tell versions of one file apart for revalidation.
std::string etag_of(const std::string& bytes) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char text[24];
    std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
    return text;
}

// q-value of a coding in an Accept-Encoding header; -1 when not mentioned.
double quality_of(std::string_view header, std::string_view coding) {
    double star = -1;
    while (!header.empty()) {
        auto comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
        std::string_view name = item.substr(0, item.find(';'));
        while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
        double q = 1.0;
        if (auto at = item.find("q="); at != std::string_view::npos) {
            q = std::atof(std::string(item.substr(at + 2)).c_str());
        }
        bool same = name.size() == coding.size();
        for (std::size_t i = 0; same && i < name.size(); ++i)
            same = std::tolower(static_cast<unsigned char>(name[i])) == coding[i];
        if (same) return q;
        if (name == "*") star = q;
    }
    return star;
}

}  // namespace

const char* content_type_for(std::string_view name) {
    if (ends_with(name, ".html")) return "text/html; charset=utf-8";
    if (ends_with(name, ".js")) return "text/javascript; charset=utf-8";
    if (ends_with(name, ".css")) return "text/css; charset=utf-8";
    if (ends_with(name, ".wasm")) return "application/wasm";
    if (ends_with(name, ".json")) return "application/json; charset=utf-8";
    if (ends_with(name, ".webmanifest")) return "application/manifest+json";
    if (ends_with(name, ".svg")) return "image/svg+xml";
    if (ends_with(name, ".png")) return "image/png";
    if (ends_with(name, ".ico")) return "image/x-icon";
    if (ends_with(name, ".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

bool is_content_hashed(std::string_view name) {
    auto last_dot = name.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0) return false;
    auto hash_dot = name.rfind('.', last_dot - 1);
    if (hash_dot == std::string_view::npos) return false;
    std::string_view hash = name.substr(hash_dot + 1, last_dot - hash_dot - 1);
    if (hash.size() < 8) return false;
    for (char c : hash)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

Result<StaticSite> StaticSite::load(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        return fail("the web build is not at " + directory.string() + ": run `make web` first");
    StaticSite site;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (!entry.is_regular_file()) continue;
        std::string name = entry.path().filename().string();
        if (ends_with(name, ".br") || ends_with(name, ".gz")) continue;
        auto bytes = read_file(entry.path());
        if (!bytes) return fail("cannot read " + entry.path().string());
        StaticFile file;
        file.content_type = content_type_for(name);
        file.identity = std::move(*bytes);
        file.etag = etag_of(file.identity);
        file.immutable = is_content_hashed(name);
        if (auto br = read_file(entry.path().string() + ".br")) file.brotli = std::move(*br);
        if (auto gz = read_file(entry.path().string() + ".gz")) file.gzip = std::move(*gz);
        site.files_.emplace(name, std::move(file));
    }
    if (error) return fail("cannot list " + directory.string() + ": " + error.message());
    if (!site.files_.count("index.html")) return fail("no index.html in " + directory.string());
    return site;
}

const StaticFile* StaticSite::find(std::string_view url_path) const {
    if (url_path == "/" || url_path.empty()) url_path = "/index.html";
    if (url_path.front() != '/') return nullptr;
    url_path.remove_prefix(1);
    // Only names the site holds: no folders, so no way to climb out of it.
    if (url_path.find('/') != std::string_view::npos) return nullptr;
    auto found = files_.find(url_path);
    return found == files_.end() ? nullptr : &found->second;
}

ChosenBody choose_body(const StaticFile& file, std::string_view accept_encoding) {
    if (!file.brotli.empty() && quality_of(accept_encoding, "br") > 0) return {&file.brotli, "br"};
    if (!file.gzip.empty() && quality_of(accept_encoding, "gzip") > 0) return {&file.gzip, "gzip"};
    return {&file.identity, nullptr};
}

}  // namespace stadsmijn::server
