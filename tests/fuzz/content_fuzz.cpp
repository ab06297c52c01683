// libFuzzer target for load_content: the input replaces one content file and small valid
// stand-ins fill the others, so the cross-checks run too while each run stays fast. The file it
// replaces is named by the input's first key ({"devices": ...} replaces content/devices.json), so
// content/*.json and the broken fixtures are the seed corpus.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "core/content/search.h"

namespace {

// Small valid files that reference each other, for every file the input does not replace.
const std::map<std::string, std::string>& stand_ins() {
    static const std::map<std::string, std::string> files = {
        {"content/sources.json",
         R"({"sources": [{"id": "s", "title": "T", "publisher": "P", "year": 2024, "url": "https://x", "licence": "L", "reliability": "high"}]})"},
        {"content/materials.json",
         R"({"materials": [{"id": "cobalt", "name": {"nl": "Kobalt"}, "critical": true, "strategic": true, "annex": ["I", "II"], "list_sources": ["s"]}]})"},
        {"content/devices.json",
         R"({"devices": [{"id": "smartphone", "name": {"nl": "Smartphone"}, "group": "phones-tablets", "ords_category": "Mobile", "search_words": {"nl": ["telefoon"]}, "data": ["android"], "battery": "built-in"}]})"},
        {"content/compositions.json",
         R"({"compositions": [{"device": "smartphone", "material": "cobalt", "unit": "g", "figures": [{"value": 6.3, "method": "estimated", "sources": ["s"]}]}]})"},
        {"content/repair_odds.json",
         R"({"attribution": "A", "licence": "CC BY-SA 4.0", "sources": ["s"], "method": {"nl": "M"}, "min_n": 20, "categories": [{"category": "Mobile", "n": 3, "fixed": 1, "repairable": 1, "end_of_life": 1}], "ages": [], "faults": []})"},
        {"content/municipalities.json",
         R"({"provinces": [{"id": "noord-holland", "name": {"nl": "Noord-Holland"}, "box": {"south": 52.16, "west": 4.49, "north": 53.22, "east": 5.33}, "sources": ["s"]}], "municipalities": [{"id": "amsterdam", "name": "Amsterdam", "province": "noord-holland", "sources": ["s"], "waste_company": {"unknown": true, "note": {"nl": "N"}}}]})"},
        {"content/places.json",
         R"({"places": [{"id": "p", "kind": "repair-cafe", "name": "P", "municipality": "amsterdam", "address": "A 1", "city": "Amsterdam", "location": {"lat": 52.37, "lon": 4.89}, "schedule": {"text": {"nl": "T"}, "rules": [{"every": "month", "days": ["tu"], "nth": [1, -1], "start": "13:00", "end": "17:00"}]}, "sources": ["s"], "checked": "2026-11-28"}]})"},
        {"content/guidance.json",
         R"({"guidance": [{"id": "g", "topic": "guarantee", "title": {"nl": "G"}, "points": [{"text": {"nl": "P"}, "sources": ["s"]}], "facts": [{"id": "f", "value": 12, "unit": "months", "sources": ["s"]}]}]})"},
    };
    return files;
}

std::string target_path(std::string_view input) {
    static const std::vector<std::pair<std::string_view, std::string_view>> first_keys = {
        {"\"attribution\"", "content/repair_odds.json"}, {"\"provinces\"", "content/municipalities.json"},
        {"\"materials\"", "content/materials.json"},     {"\"devices\"", "content/devices.json"},
        {"\"compositions\"", "content/compositions.json"}, {"\"places\"", "content/places.json"},
        {"\"guidance\"", "content/guidance.json"},         {"\"sources\"", "content/sources.json"}};
    std::string_view head = input.substr(0, 48);
    for (const auto& [key, path] : first_keys)
        if (head.find(key) != std::string_view::npos) return std::string(path);
    const auto& paths = stadsmijn::content_file_paths();
    return paths[input.size() % paths.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string replaced = target_path(input);
    std::vector<stadsmijn::ContentFile> files;
    for (const auto& [path, bytes] : stand_ins())
        files.push_back({path, path == replaced ? input : std::string_view(bytes)});
    stadsmijn::LoadedContent loaded = stadsmijn::load_content(files);
    // Use what was loaded the way the screens do, so a half-read value cannot hide.
    for (const auto& device : loaded.content.devices) {
        (void)loaded.content.compositions_of(device.id);
        (void)stadsmijn::find_repair_odds(loaded.content.repair_odds, device.ords_category, "Screen", 3.0);
    }
    for (const auto& place : loaded.content.places)
        if (place.schedule) (void)stadsmijn::next_opening(*place.schedule, {2026, 3, 9, 12, 0});
    (void)stadsmijn::search_devices(loaded.content.devices, input.substr(0, 32));
    return 0;
}
