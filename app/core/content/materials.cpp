#include "core/content/materials.h"

#include <set>

#include "core/routes.h"

namespace stadsmijn {

const char* supply_stage_name(SupplyStage stage) {
    switch (stage) {
        case SupplyStage::mining: return "mining";
        case SupplyStage::refining: return "refining";
        case SupplyStage::processing: return "processing";
        case SupplyStage::eu_imports: return "eu-imports";
        case SupplyStage::magnets: return "magnets";
    }
    return "refining";
}

std::optional<CitedRange> read_cited_range(const JsonReader& item, const char* min_key, const char* max_key,
                                           const char* value_key) {
    CitedRange range;
    bool has_value = item.has(value_key);
    bool has_bounds = item.has(min_key) || item.has(max_key);
    if (has_value && has_bounds) {
        item.problem(std::string("give either \"") + value_key + "\" or \"" + min_key + "\" and \"" + max_key +
                     "\", not both");
        return std::nullopt;
    }
    if (has_value) {
        auto value = item.optional_number(value_key, {.min = 0});
        if (!value) return std::nullopt;
        range.min = range.max = *value;
    } else if (has_bounds) {
        auto low = item.optional_number(min_key, {.min = 0});
        auto high = item.optional_number(max_key, {.min = 0});
        if (!item.has(min_key)) item.problem_at(min_key, "missing; a range needs both ends");
        if (!item.has(max_key)) item.problem_at(max_key, "missing; a range needs both ends");
        if (!low || !high) return std::nullopt;
        if (*low > *high) {
            item.problem_at(min_key, "is larger than \"" + std::string(max_key) + "\"");
            return std::nullopt;
        }
        range.min = *low;
        range.max = *high;
    } else {
        item.problem(std::string("needs \"") + value_key + "\" or \"" + min_key + "\" and \"" + max_key + "\"");
        return std::nullopt;
    }
    range.sources = read_source_ids(item);
    range.note = read_local_text(item, "note", false);
    return range;
}

std::vector<CitedText> read_cited_texts(const JsonReader& parent, const char* key) {
    std::vector<CitedText> texts;
    if (!parent.has(key)) return texts;
    parent.each(key, [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"text", "sources"});
        texts.push_back({read_local_text(item, "text"), read_source_ids(item)});
    });
    return texts;
}

namespace {

std::optional<SupplyStage> stage_from_name(const std::string& name) {
    if (name == "mining") return SupplyStage::mining;
    if (name == "refining") return SupplyStage::refining;
    if (name == "processing") return SupplyStage::processing;
    if (name == "eu-imports") return SupplyStage::eu_imports;
    if (name == "magnets") return SupplyStage::magnets;
    return std::nullopt;
}

}  // namespace

std::vector<Material> read_materials(const JsonReader& root) {
    std::vector<Material> materials;
    std::set<std::string> seen;
    if (!root.expect_object()) return materials;
    root.reject_unknown_keys({"materials", "note"});
    root.each("materials", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "name", "symbol", "critical", "strategic", "group", "annex", "list_sources", "role",
                                  "role_sources", "supply", "recycling", "recycling_sources", "facts", "note"});
        Material material;
        material.id = item.string("id");
        if (!material.id.empty() && !is_valid_id(material.id))
            item.problem_at("id", "'" + material.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
        if (!material.id.empty() && !seen.insert(material.id).second)
            item.problem_at("id", "'" + material.id + "' is used by an earlier material too");
        material.name = read_local_text(item, "name");
        material.symbol = item.optional_string("symbol").value_or("");
        material.critical = item.boolean("critical");
        material.strategic = item.boolean("strategic");
        if (material.strategic && !material.critical)
            item.problem_at("strategic", "a strategic raw material is always critical too (Annex II includes Annex I)");
        material.group = item.optional_string("group").value_or("");
        if (item.has("annex")) {
            for (const auto& annex : item.strings("annex")) {
                if (annex == "I")
                    material.annex_i = true;
                else if (annex == "II")
                    material.annex_ii = true;
                else
                    item.problem_at("annex", "must hold \"I\" (strategic) or \"II\" (critical), found '" + annex + "'");
            }
        }
        if (material.annex_i && !material.strategic)
            item.problem_at("annex", "an Annex I entry is a strategic raw material: set \"strategic\": true");
        if (material.annex_ii && !material.critical)
            item.problem_at("annex", "an Annex II entry is a critical raw material: set \"critical\": true");
        material.list_sources = read_source_ids(item, "list_sources");
        material.role = read_local_text(item, "role", false);
        material.role_sources = read_source_ids(item, "role_sources", !material.role.empty());
        if (item.has("supply")) {
            item.each("supply", [&](JsonReader share_item) {
                if (!share_item.expect_object()) return;
                share_item.reject_unknown_keys({"country", "stage", "value", "min", "max", "year", "sources", "note"});
                SupplyShare share;
                share.country = read_local_text(share_item, "country");
                std::string stage = share_item.string("stage");
                if (auto parsed = stage_from_name(stage))
                    share.stage = *parsed;
                else if (!stage.empty())
                    share_item.problem_at("stage", "must be mining, refining, processing, eu-imports or magnets, found '" +
                                                       stage + "'");
                share.year = share_item.integer("year", {.min = 1990, .max = 2100});
                auto percent = read_cited_range(share_item);
                if (percent && percent->max > 100) share_item.problem("a share cannot exceed 100 percent");
                if (percent) share.percent = *percent;
                material.supply.push_back(std::move(share));
            });
        }
        material.recycling = read_local_text(item, "recycling", false);
        material.recycling_sources = read_source_ids(item, "recycling_sources", !material.recycling.empty());
        material.facts = read_cited_texts(item, "facts");
        material.note = read_local_text(item, "note", false);
        materials.push_back(std::move(material));
    });
    return materials;
}

}  // namespace stadsmijn
