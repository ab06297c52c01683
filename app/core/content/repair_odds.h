// Repair odds: how often volunteers at repair events fixed a kind of device, derived from Open
// Repair Data by tools/ords-derive (CC BY-SA 4.0; the attribution travels with the table).
//
// Counts are stored, not percentages, so the sample size is always at hand:
//
//   auto odds = find_repair_odds(content.repair_odds, "Mobile", "Screen", 3.0);
//   if (odds) show(odds->counts.fixed_share(), odds->counts.n(), odds->basis);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/json_reader.h"

namespace stadsmijn {

struct OutcomeCounts {
    int fixed = 0;
    int repairable = 0;
    int end_of_life = 0;

    int n() const { return fixed + repairable + end_of_life; }
    double fixed_share() const { return n() ? double(fixed) / n() : 0; }
    double repairable_share() const { return n() ? double(repairable) / n() : 0; }
    double end_of_life_share() const { return n() ? double(end_of_life) / n() : 0; }
};

struct CategoryOdds {
    std::string category;  // ORDS product category
    OutcomeCounts counts;
};

struct AgeOdds {
    std::string category;
    std::string age;       // "0-2", "2-5", "5-10", "10-20", "20+" (years, lower bound included)
    OutcomeCounts counts;
};

struct FaultOdds {
    std::string category;
    std::string fault;     // ORDS quest fault type, e.g. "Screen"
    LocalText name;        // Dutch and English name of the fault
    std::string quest;     // the ORDS quest that classified it, e.g. "MobiFix"
    OutcomeCounts counts;
};

struct RepairOdds {
    std::string attribution;  // the text CC BY-SA 4.0 requires; show it beside any figure
    std::string licence;
    std::vector<std::string> sources;
    LocalText method;
    int min_n = 0;
    std::vector<CategoryOdds> categories;
    std::vector<AgeOdds> ages;
    std::vector<FaultOdds> faults;
};

RepairOdds read_repair_odds(const JsonReader& root);

// The age band a product age (in years) falls in, as named in the file.
std::string age_band_of(double years);

enum class OddsBasis { fault, age, category };

struct OddsAnswer {
    OutcomeCounts counts;
    OddsBasis basis = OddsBasis::category;  // what the counts are about: the fallback chosen
    LocalText fault_name;                    // set when basis == fault
    std::string age;                         // set when basis == age
};

// The most specific odds the data has: for the fault when given and known (fault type is the
// stronger predictor), else for the age band when an age is given and known, else for the whole
// category. Nothing when the category has no data at all.
std::optional<OddsAnswer> find_repair_odds(const RepairOdds& odds, std::string_view category,
                                           std::string_view fault = {}, std::optional<double> age_years = {});

// The faults the data knows for a category, most often seen first (for a "what is wrong?" list).
std::vector<const FaultOdds*> faults_for_category(const RepairOdds& odds, std::string_view category);

}  // namespace stadsmijn
