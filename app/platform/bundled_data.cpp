#include "platform/bundled_data.h"

#include <algorithm>
#include <string>
#include <vector>

#include "platform/bundle.h"

namespace stadsmijn {

LoadedContent load_bundled_content() {
    std::vector<ContentFile> files;
    for (const EmbeddedFile& file : embedded_files()) {
        std::string_view path = file.path;
        if (path.starts_with("content/")) files.push_back({file.path, file.text()});
    }
    return load_content(files);
}

LoadedContent load_packed_content(std::string_view pack, const std::string& name) {
    constexpr std::string_view magic = "stadsmijn-content 1\n";
    std::vector<ContentFile> files;
    std::string broken;
    if (!pack.starts_with(magic)) {
        broken = "not a content pack (it does not start with \"stadsmijn-content 1\")";
    } else {
        std::size_t at = magic.size();
        while (at < pack.size()) {
            std::size_t line_end = pack.find('\n', at);
            std::string_view header = pack.substr(at, line_end == std::string_view::npos ? std::string_view::npos : line_end - at);
            std::size_t space = header.rfind(' ');
            std::size_t size = 0;
            bool size_ok = space != std::string_view::npos && space + 1 < header.size() && header.size() - space <= 10;
            for (std::size_t i = space + 1; size_ok && i < header.size(); ++i) {
                size_ok = header[i] >= '0' && header[i] <= '9';
                size = size * 10 + static_cast<std::size_t>(header[i] - '0');
            }
            if (line_end == std::string_view::npos || !size_ok || space == 0) {
                broken = "broken entry header at byte " + std::to_string(at);
                break;
            }
            std::size_t body = line_end + 1;
            if (size > pack.size() - body || body + size >= pack.size() || pack[body + size] != '\n') {
                broken = "cut short in " + std::string(header.substr(0, space));
                break;
            }
            files.push_back({std::string(header.substr(0, space)), pack.substr(body, size)});
            at = body + size + 1;
        }
    }
    LoadedContent loaded = load_content(files);
    if (!broken.empty()) loaded.problems.insert(loaded.problems.begin(), {name, "", broken});
    return loaded;
}

std::map<std::string, std::string> add_bundled_catalogs(Translator& translator, Problems& problems) {
    std::map<std::string, std::string> fetch_later;
    struct CatalogFile {
        std::string language;
        const EmbeddedFile* file;
    };
    std::vector<CatalogFile> catalogs;
    for (const EmbeddedFile& file : embedded_files()) {
        std::string_view path = file.path;     // i18n/nl/app.json
        if (path.starts_with("i18n-lazy/")) {  // i18n-lazy/tr, holding "i18n-tr.<hash>.json"
            fetch_later[std::string(path.substr(10))] = std::string(file.text());
            continue;
        }
        if (!path.starts_with("i18n/") || !path.ends_with(".json")) continue;
        std::string_view rest = path.substr(5);
        auto slash = rest.find('/');
        if (slash == std::string_view::npos) {
            problems.push_back({std::string(path), "", "a catalog belongs in a language folder: i18n/<language>/<part>.json"});
            continue;
        }
        catalogs.push_back({std::string(rest.substr(0, slash)), &file});
    }
    std::stable_partition(catalogs.begin(), catalogs.end(), [](const CatalogFile& c) { return c.language == "nl"; });
    for (const CatalogFile& c : catalogs)
        translator.add(Catalog::parse(c.file->text(), c.language, c.file->path, problems));
    for (const auto& [language, file] : fetch_later)
        if (!translator.has_language(language)) translator.add(Catalog::parse("{}", language, file, problems));
    if (!translator.has_language("nl")) problems.push_back({"i18n/nl/", "", "missing: Dutch is the reference"});
    return fetch_later;
}

bool add_fetched_catalog(Translator& translator, const std::string& language, const std::string& file,
                         std::string_view json_text, Problems& problems) {
    std::size_t before = problems.size();
    Catalog catalog = Catalog::parse(json_text, language, file, problems);
    if (catalog.entries().empty()) {
        if (problems.size() == before) problems.push_back({file, "", "the catalog holds no texts"});
        return false;
    }
    translator.add(std::move(catalog));
    return true;
}

}  // namespace stadsmijn
