// Repair or buy new: euros and kg CO2e of each, per year of use, with every assumption shown and
// editable.
//
// The method is SHAREPAIR's (VITO): a new device's production footprint and price are spread over
// its years of use; a repair costs its own price and footprint and buys the old device some extra
// years (the rest of its lifetime while it is younger than three quarters of it, else a quarter of
// the lifetime; both shares from content). Use-phase energy is not counted (the same for both).
//
// Assumptions start from content where a source exists (with its source ids), are unknown where
// none does (never zero), and the citizen may change any of them. The screen keeps the edits in
// its state and calls this again whenever one changes:
//
//   RepairOrReplaceQuestion q{.device_id = "smartphone", .route = RepairRoute::professional};
//   q.edits.set(AssumptionId::new_price_euro, Estimate::exactly(450));
//   q.edits.set(AssumptionId::device_age_years, Estimate::exactly(2));
//   RepairOrReplace r = repair_or_replace(content, q);
//   r.repair.euro_per_year;                   // Estimate: 20 .. 100 euros a year
//   r.assumptions[AssumptionId::repair_cost_euro].origin;   // AssumptionOrigin::content
//   r.euro_per_year;                          // Ordering::lower: repair costs less per year
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/advice/estimate.h"
#include "core/content/content.h"

namespace stadsmijn {

enum class AssumptionId {
    repair_cost_euro,    // the whole repair by the chosen route
    new_price_euro,      // what a comparable new device costs
    repair_kg_co2e,      // footprint of the repair (parts, transport)
    new_kg_co2e,         // production footprint of a new device
    new_lifetime_years,  // years a new device is used
    device_age_years,    // age of the device to repair
    extra_years,         // extra years of use the repair gives
};
inline constexpr std::size_t kAssumptionCount = 7;

enum class AssumptionOrigin {
    content,  // a sourced figure from content (see `sources`)
    derived,  // computed from other assumptions by a sourced rule (extra years)
    citizen,  // the citizen entered or changed it
    unknown,  // nothing reliable: the citizen may fill it in
};

struct Assumption {
    Estimate value;
    AssumptionOrigin origin = AssumptionOrigin::unknown;
    std::vector<std::string> sources;
};

struct RepairOrReplaceAssumptions {
    std::array<Assumption, kAssumptionCount> items;

    const Assumption& operator[](AssumptionId id) const { return items[static_cast<std::size_t>(id)]; }
    Assumption& operator[](AssumptionId id) { return items[static_cast<std::size_t>(id)]; }
};

// What the citizen changed. An edit to Estimate::unknown() means "I do not know either".
struct AssumptionEdits {
    std::array<std::optional<Estimate>, kAssumptionCount> values;

    void set(AssumptionId id, Estimate value) { values[static_cast<std::size_t>(id)] = value; }
    void reset(AssumptionId id) { values[static_cast<std::size_t>(id)].reset(); }
    const std::optional<Estimate>& get(AssumptionId id) const { return values[static_cast<std::size_t>(id)]; }
};

struct RepairOrReplaceQuestion {
    std::string device_id;
    RepairRoute route = RepairRoute::professional;
    AssumptionEdits edits;
};

// One option's figures. Unknown where an assumption it needs is unknown.
struct OptionFigures {
    Estimate euro;     // once
    Estimate kg_co2e;  // once
    Estimate years;    // years of use it gives
    Estimate euro_per_year;
    Estimate kg_co2e_per_year;
};

// Notes the screen shows beside the figures.
enum class RepairOrReplaceNote {
    use_phase_not_counted,    // energy in use is taken as equal for both
    repair_cafe_labour_free,  // the repair itself is free (a contribution is customary); parts extra
    parts_not_included,       // a repair café or DIY cost is the parts: enter their price
    repair_may_fail,          // the figures assume the repair succeeds; see the odds
    new_price_needed,         // no source gives a new price: enter one to compare euros
};

struct RepairOrReplaceNoteItem {
    RepairOrReplaceNote code = RepairOrReplaceNote::use_phase_not_counted;
    std::vector<std::string> sources;
};

enum class RepairOrReplaceProblem { unknown_device, edit_rejected };

struct RepairOrReplace {
    std::vector<RepairOrReplaceProblem> problems;  // unknown_device: nothing below is set
    std::vector<AssumptionId> rejected_edits;      // negative or non-finite values, kept at their default
    RepairOrReplaceAssumptions assumptions;        // as used, with where each came from
    OptionFigures repair;
    OptionFigures replace;
    Ordering euro_per_year = Ordering::unknown;  // repair compared with replace
    Ordering kg_co2e_per_year = Ordering::unknown;
    // The fewest extra years for which repairing costs (or emits) no more per year than buying new.
    Estimate break_even_years_euro;
    Estimate break_even_years_co2e;
    std::vector<RepairOrReplaceNoteItem> notes;

    bool ok() const;
    bool changed_by_citizen(AssumptionId id) const { return assumptions[id].origin == AssumptionOrigin::citizen; }
};

// The defaults alone (what the screen shows before the citizen changes anything).
RepairOrReplaceAssumptions default_assumptions(const Content& content, std::string_view device_id, RepairRoute route);

RepairOrReplace repair_or_replace(const Content& content, const RepairOrReplaceQuestion& question);

// Extra years a repair gives by the remaining-life rule: lifetime - age while age < before_share *
// lifetime, else after_share * lifetime; over ranges, the lowest and highest outcome. Unknown when
// either input is.
Estimate extra_years_after_repair(const Estimate& lifetime, const Estimate& age, const RemainingLifeRule& rule);

const char* assumption_name(AssumptionId id);  // "repair-cost-euro", ...
const char* assumption_origin_name(AssumptionOrigin origin);
const char* repair_or_replace_note_name(RepairOrReplaceNote note);

}  // namespace stadsmijn
