#include "core/content/guidance.h"

#include <array>
#include <set>

#include "core/routes.h"

namespace stadsmijn {

namespace {

constexpr std::array<std::pair<const char*, GuidanceTopic>, 7> kTopics = {{
    {"guarantee", GuidanceTopic::guarantee},
    {"right-to-repair", GuidanceTopic::right_to_repair},
    {"energy-label", GuidanceTopic::energy_label},
    {"battery-safety", GuidanceTopic::battery_safety},
    {"data-wiping", GuidanceTopic::data_wiping},
    {"take-back", GuidanceTopic::take_back},
    {"repair-choice", GuidanceTopic::repair_choice},
}};

}  // namespace

const char* guidance_topic_name(GuidanceTopic topic) {
    for (const auto& [name, value] : kTopics)
        if (value == topic) return name;
    return "guarantee";
}

std::vector<Guidance> read_guidance(const JsonReader& root) {
    std::vector<Guidance> all;
    std::set<std::string> seen;
    if (!root.expect_object()) return all;
    root.reject_unknown_keys({"guidance", "note"});
    root.each("guidance", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "topic", "title", "summary", "data", "points", "facts"});
        Guidance guidance;
        guidance.id = item.string("id");
        if (!guidance.id.empty() && !is_valid_id(guidance.id))
            item.problem_at("id", "'" + guidance.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
        if (!guidance.id.empty() && !seen.insert(guidance.id).second)
            item.problem_at("id", "'" + guidance.id + "' is used by an earlier guidance entry too");
        std::string topic = item.string("topic");
        bool found = false;
        for (const auto& [name, value] : kTopics)
            if (topic == name) {
                guidance.topic = value;
                found = true;
            }
        if (!found && !topic.empty())
            item.problem_at("topic", "must be guarantee, right-to-repair, energy-label, battery-safety, data-wiping, "
                                     "take-back or repair-choice, found '" + topic + "'");
        guidance.title = read_local_text(item, "title");
        guidance.summary = read_local_text(item, "summary", false);
        if (auto data = item.optional_string("data")) {
            bool known = false;
            for (DataKind kind : {DataKind::none, DataKind::android, DataKind::ios, DataKind::computer,
                                  DataKind::other_storage})
                if (*data == data_kind_name(kind)) {
                    guidance.data = kind;
                    known = true;
                }
            if (!known) item.problem_at("data", "must be android, ios, computer or other-storage, found '" + *data + "'");
        }
        item.each("points", [&](JsonReader point_item) {
            if (!point_item.expect_object()) return;
            point_item.reject_unknown_keys({"text", "sources"});
            guidance.points.push_back({read_local_text(point_item, "text"), read_source_ids(point_item)});
        });
        if (item.has("facts")) {
            item.each("facts", [&](JsonReader fact_item) {
                if (!fact_item.expect_object()) return;
                fact_item.reject_unknown_keys({"id", "value", "unit", "sources"});
                GuidanceFact fact;
                fact.id = fact_item.string("id");
                fact.value = fact_item.number("value");
                fact.unit = fact_item.string("unit");
                fact.sources = read_source_ids(fact_item);
                guidance.facts.push_back(std::move(fact));
            });
        }
        all.push_back(std::move(guidance));
    });
    return all;
}

}  // namespace stadsmijn
