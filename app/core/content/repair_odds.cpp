#include "core/content/repair_odds.h"

#include <algorithm>

namespace stadsmijn {

namespace {

OutcomeCounts read_counts(const JsonReader& item) {
    OutcomeCounts counts;
    counts.fixed = item.integer("fixed", {.min = 0});
    counts.repairable = item.integer("repairable", {.min = 0});
    counts.end_of_life = item.integer("end_of_life", {.min = 0});
    int n = item.integer("n", {.min = 0});
    if (n != counts.n())
        item.problem_at("n", "is " + std::to_string(n) + " but fixed + repairable + end_of_life is " +
                                 std::to_string(counts.n()));
    return counts;
}

bool is_age_band(const std::string& age) {
    return age == "0-2" || age == "2-5" || age == "5-10" || age == "10-20" || age == "20+";
}

}  // namespace

RepairOdds read_repair_odds(const JsonReader& root) {
    RepairOdds odds;
    if (!root.expect_object()) return odds;
    root.reject_unknown_keys(
        {"attribution", "licence", "sources", "method", "min_n", "records", "categories", "ages", "faults"});
    odds.attribution = root.string("attribution");
    odds.licence = root.string("licence");
    if (!odds.licence.empty() && odds.licence != "CC BY-SA 4.0")
        root.problem_at("licence", "Open Repair Data is CC BY-SA 4.0; a derived table must keep that licence");
    odds.sources = read_source_ids(root);
    odds.method = read_local_text(root, "method");
    odds.min_n = root.integer("min_n", {.min = 1});
    root.each("categories", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"category", "n", "fixed", "repairable", "end_of_life"});
        odds.categories.push_back({item.string("category"), read_counts(item)});
    });
    root.each("ages", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"category", "age", "n", "fixed", "repairable", "end_of_life"});
        AgeOdds row{item.string("category"), item.string("age"), read_counts(item)};
        if (!row.age.empty() && !is_age_band(row.age))
            item.problem_at("age", "must be 0-2, 2-5, 5-10, 10-20 or 20+, found '" + row.age + "'");
        odds.ages.push_back(std::move(row));
    });
    root.each("faults", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"category", "fault", "name", "quest", "n", "fixed", "repairable", "end_of_life"});
        FaultOdds row;
        row.category = item.string("category");
        row.fault = item.string("fault");
        row.name = read_local_text(item, "name");
        row.quest = item.string("quest");
        row.counts = read_counts(item);
        odds.faults.push_back(std::move(row));
    });
    return odds;
}

std::string age_band_of(double years) {
    if (years < 2) return "0-2";
    if (years < 5) return "2-5";
    if (years < 10) return "5-10";
    if (years < 20) return "10-20";
    return "20+";
}

std::optional<OddsAnswer> find_repair_odds(const RepairOdds& odds, std::string_view category,
                                           std::string_view fault, std::optional<double> age_years) {
    if (!fault.empty()) {
        for (const auto& row : odds.faults)
            if (row.category == category && row.fault == fault && row.counts.n() > 0)
                return OddsAnswer{row.counts, OddsBasis::fault, row.name, {}};
    }
    if (age_years && *age_years >= 0) {
        std::string band = age_band_of(*age_years);
        for (const auto& row : odds.ages)
            if (row.category == category && row.age == band && row.counts.n() > 0)
                return OddsAnswer{row.counts, OddsBasis::age, {}, band};
    }
    for (const auto& row : odds.categories)
        if (row.category == category && row.counts.n() > 0) return OddsAnswer{row.counts, OddsBasis::category, {}, {}};
    return std::nullopt;
}

std::vector<const FaultOdds*> faults_for_category(const RepairOdds& odds, std::string_view category) {
    std::vector<const FaultOdds*> found;
    for (const auto& row : odds.faults)
        if (row.category == category) found.push_back(&row);
    std::stable_sort(found.begin(), found.end(),
                     [](const FaultOdds* a, const FaultOdds* b) { return a->counts.n() > b->counts.n(); });
    return found;
}

}  // namespace stadsmijn
