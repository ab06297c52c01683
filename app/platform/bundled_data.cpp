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

void add_bundled_catalogs(Translator& translator, Problems& problems) {
    struct CatalogFile {
        std::string language;
        const EmbeddedFile* file;
    };
    std::vector<CatalogFile> catalogs;
    for (const EmbeddedFile& file : embedded_files()) {
        std::string_view path = file.path;  // i18n/nl/app.json
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
    if (!translator.has_language("nl")) problems.push_back({"i18n/nl/", "", "missing: Dutch is the reference"});
}

}  // namespace stadsmijn
