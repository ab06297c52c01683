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
