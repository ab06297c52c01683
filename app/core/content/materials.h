// Materials: the 34 critical raw materials of Regulation (EU) 2024/1252 (17 of them also
// strategic), the elements inside those groups that device data names (neodymium in the rare
// earths, palladium in the platinum group), and a few non-critical metals that devices hold
// (gold, silver, indium, which left the list in 2023) so the app can say they are not critical.
//
// Every fact about a material cites sources; a share or rate nobody reliable gives stays absent
// and the app says "unknown".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/content/local_text.h"
#include "core/json_reader.h"

namespace stadsmijn {

// A figure that is a single value or a range; with the sources that give it.
struct CitedRange {
    double min = 0;
    double max = 0;  // == min for a single value
    std::vector<std::string> sources;
    LocalText note;
    bool is_range() const { return max != min; }
};

enum class SupplyStage { mining, refining, processing, eu_imports, magnets };

struct SupplyShare {
    LocalText country;       // "China", "DR Congo"
    SupplyStage stage = SupplyStage::refining;
    CitedRange percent;      // share of world (or EU import) supply, in percent
    int year = 0;
};

// A sentence with its sources, for facts that are not a single number (e.g. "China is the largest
// supplier to the Netherlands").
struct CitedText {
    LocalText text;
    std::vector<std::string> sources;
};

struct Material {
    std::string id;              // kebab-case: "cobalt", "light-rare-earth-elements"
    LocalText name;
    std::string symbol;          // "Co"; empty for groups
    bool critical = false;       // Annex II of Regulation (EU) 2024/1252
    bool strategic = false;      // Annex I
    std::string group;           // the list entry an element belongs to ("platinum-group-metals"), or empty
    bool annex_i = false;        // this entry is itself a line of Annex I (the 17 strategic raw materials)
    bool annex_ii = false;       // this entry is itself a line of Annex II (the 34 critical raw materials)
    std::vector<std::string> list_sources;  // why it is (or is not) flagged
    LocalText role;              // what it does in a device; empty when not written
    std::vector<std::string> role_sources;
    std::vector<SupplyShare> supply;
    LocalText recycling;         // what happens to it in today's recycling; empty when unknown
    std::vector<std::string> recycling_sources;
    std::vector<CitedText> facts;
    LocalText note;
};

std::vector<Material> read_materials(const JsonReader& root);

const char* supply_stage_name(SupplyStage stage);
// Reads a list of {"text": {...}, "sources": [...]} at `key` (absent: empty).
std::vector<CitedText> read_cited_texts(const JsonReader& parent, const char* key);
// Reads {"value": x} or {"min": a, "max": b} with "sources"; used by several content files.
std::optional<CitedRange> read_cited_range(const JsonReader& item, const char* min_key = "min",
                                           const char* max_key = "max", const char* value_key = "value");

}  // namespace stadsmijn
