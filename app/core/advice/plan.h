// A plan per device: what to do with this device, in order, and why; with the battery safety
// flags, what to take out before it leaves the house and the data-wiping checklists to show.
//
// The options come in groups, in this order: what may cost nothing (the seller under the legal
// guarantee, the manufacturer under the right to repair), repair (repair café, professional, do it
// yourself), reuse (sell, give away, trade in), return (shop, drop-off point). Which groups appear
// follows from the situation: a broken device the citizen keeps gets repair, then return when repair
// fails; a device the citizen lets go gets reuse, then return; a battery pack is never opened or
// passed on; a swollen battery goes to a collection point first. Within a group the options are
// alternatives, shown side by side.
//
//   PlanSituation s;
//   s.state = DeviceState::broken;
//   s.fault = "Screen";                    // an ORDS fault type from faults_for_category()
//   s.keep = true;
//   s.today = LocalDate{2026, 11, 28};
//   s.municipality = "amsterdam";          // or s.location, only with the citizen's permission
//   s.now = LocalDateTime{2026, 11, 28, 10, 0};
//   DevicePlan plan = plan_for_device(content, "smartphone", s);
//   for (const auto& option : plan.options) draw(option.kind, option.reasons, option.places);
//   for (const auto* steps : plan.wiping) draw(steps->title, steps->points);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/advice/estimate.h"
#include "core/advice/guarantee.h"
#include "core/content/content.h"

namespace stadsmijn {

enum class DeviceState { works, unused, broken };
enum class BatteryCondition { normal, swollen_or_damaged };

struct PlanSituation {
    DeviceState state = DeviceState::unused;
    std::string fault;  // ORDS fault type when broken ("Screen"); empty: not known
    std::optional<double> age_years;
    bool keep = false;  // the citizen wants to keep using it
    BatteryCondition battery = BatteryCondition::normal;
    std::optional<GuaranteeOutlook> guarantee;  // from check_guarantee, once the citizen has done it
    std::optional<LocalDate> today;             // for the right-to-repair date; without it that option is left out
    std::string municipality;                   // municipality id, to list places in it
    std::optional<GeoPoint> location;           // nearest places instead (stays on the device)
    std::optional<LocalDateTime> now;           // for each place's next opening
    std::size_t places_per_option = 3;
};

enum class OptionGroup { free_first, repair, reuse, return_it };

enum class OptionKind {
    ask_seller,           // legal guarantee
    manufacturer_repair,  // right to repair, directive (EU) 2024/1799
    repair_cafe,
    repair_professional,
    repair_diy,
    sell,
    give_away,
    trade_in,          // to a refurbisher or a shop's trade-in scheme
    hand_in_shop,      // a shop's take-back, or a battery collection point
    hand_in_drop_off,  // the municipal drop-off point (milieustraat)
};

enum class OptionReason {
    guarantee_likely,       // the seller probably has to put it right, free
    guarantee_possible,     // you may still claim; you must show the fault was there at delivery
    guarantee_unchecked,    // check the legal guarantee first: the repair may be free
    manufacturer_duty,      // since {date} the manufacturer must offer repair, also after the guarantee
    repair_odds,            // at repair events {fixed} of {n} were fixed (see DevicePlan::odds)
    repair_odds_unknown,    // no repair data for this kind of device
    repair_cafe_free,       // the repair is free, a contribution is customary, parts you pay
    check_what_it_repairs,  // not every café takes every device: see what it repairs
    professional_cost,      // usually {low} to {high} euros (DevicePlan cost in `euro`)
    ask_for_quote,          // most who think repair too dear never ask for a quote
    diy_battery_risk,       // a built-in lithium battery: a punctured battery can catch fire
    never_open_battery,     // a battery pack is never opened; leave it to a professional
    swollen_battery_first,  // a swollen battery goes to a collection point first
    reuse_cuts_impact,      // a second life has far less impact than a new device
    say_what_is_broken,     // tell the next owner what is wrong
    wipe_first,             // wipe your data first: see the checklist
    shop_takes_back,        // shops take back small devices, and old for new
    shop_takes_batteries,   // where batteries are sold they are taken back; e-bike batteries at a bike shop
    large_device_drop_off,  // a medium or large device without a new purchase: the drop-off point
    drop_off_free,          // the municipal drop-off point takes it for free
    not_in_bin,             // never in the household bin
};

struct OptionReasonItem {
    OptionReason code = OptionReason::not_in_bin;
    std::vector<std::string> sources;
    std::string guidance_id;  // a guidance entry to link to, when there is one
    Estimate euro;            // {low} .. {high} for professional_cost
    std::optional<LocalDate> date;
};

struct PlanPlace {
    const Place* place = nullptr;
    std::optional<double> km;                        // from the location, or from the municipality's centre
    bool km_approximate = false;                     // measured to or from a municipality centre: say "about"
    bool in_municipality = false;                    // in the citizen's municipality or a neighbour point it uses
    HandlesAnswer handles = HandlesAnswer::unknown;  // unknown: ask the place first
    std::optional<Opening> next;                     // when `now` was given and the place has rules
};

struct PlanOption {
    OptionKind kind = OptionKind::hand_in_drop_off;
    OptionGroup group = OptionGroup::return_it;
    std::vector<OptionReasonItem> reasons;
    std::vector<PlaceKind> place_kinds;  // where to look for it
    std::vector<PlanPlace> places;       // nearest that take this device, across municipal borders
    // For a drop-off option without places: what we know of the municipality's arrangement (a
    // neighbour's point, or a deep link and why we know no more). Null when none.
    const DropOffArrangement* drop_off_info = nullptr;

    bool has(OptionReason code) const;
};

enum class SafetyFlag {
    battery_not_in_bin,  // a device with a battery never goes in the household bin
    hand_in_whole,       // a built-in battery stays in: hand the device in whole
    tape_terminals,      // tape the poles of a (lithium) battery
    swollen_battery,     // wrap it, keep it apart from batteries and flammables, bring it in soon
    diy_battery_risk,    // opening a device with a built-in battery can puncture it
};

struct SafetyItem {
    SafetyFlag flag = SafetyFlag::battery_not_in_bin;
    std::string guidance_id;
    std::vector<std::string> sources;
};

enum class RemoveItem { sim_card, memory_card, battery };

struct RemoveStep {
    RemoveItem item = RemoveItem::sim_card;
    std::vector<std::string> sources;
};

// Accounts that lock a device to its owner until signed out (activation locks).
enum class ActivationLock { apple_find_my, google_account, cloud_accounts, maker_account };

struct ActivationLockStep {
    ActivationLock lock = ActivationLock::cloud_accounts;
    std::vector<std::string> sources;
};

enum class PlanProblem { unknown_device };

struct DevicePlan {
    std::vector<PlanProblem> problems;  // unknown_device: nothing below is set
    const Device* device = nullptr;
    std::optional<OddsAnswer> odds;   // for a broken device: the most specific repair odds
    std::vector<PlanOption> options;  // in the recommended order
    std::vector<SafetyItem> safety;
    std::vector<RemoveStep> remove;                    // before it leaves the house
    std::vector<const Guidance*> wiping;               // checklists, one per kind of data the device holds
    std::vector<ActivationLockStep> activation_locks;  // sign out before it leaves the house

    bool ok() const { return problems.empty(); }
    const PlanOption* find(OptionKind kind) const;
    // Position of an option in the order, or -1 when it is not offered.
    int rank(OptionKind kind) const;
    bool has(SafetyFlag flag) const;
};

DevicePlan plan_for_device(const Content& content, std::string_view device_id, const PlanSituation& situation);

const char* option_kind_name(OptionKind kind);  // "ask-seller", "repair-cafe", ...
const char* option_group_name(OptionGroup group);
const char* option_reason_name(OptionReason reason);
const char* safety_flag_name(SafetyFlag flag);
const char* remove_item_name(RemoveItem item);
const char* activation_lock_name(ActivationLock lock);
const char* device_state_name(DeviceState state);

// Source ids the plan cites for rules without a number, for a test against the registry.
const std::vector<std::string>& plan_rule_sources();

}  // namespace stadsmijn
