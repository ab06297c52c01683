#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "advice_content.h"
#include "core/advice/plan.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

std::vector<std::string> order_of(const DevicePlan& plan) {
    std::vector<std::string> kinds;
    for (const auto& o : plan.options) kinds.push_back(option_kind_name(o.kind));
    return kinds;
}

std::vector<std::string> wiping_ids(const DevicePlan& plan) {
    std::vector<std::string> ids;
    for (const auto* g : plan.wiping) ids.push_back(g->id);
    return ids;
}

bool removes(const DevicePlan& plan, RemoveItem item) {
    return std::any_of(plan.remove.begin(), plan.remove.end(), [&](const auto& r) { return r.item == item; });
}

bool locks(const DevicePlan& plan, ActivationLock lock) {
    return std::any_of(plan.activation_locks.begin(), plan.activation_locks.end(),
                       [&](const auto& l) { return l.lock == lock; });
}

PlanSituation broken_screen() {
    PlanSituation s;
    s.state = DeviceState::broken;
    s.fault = "Screen";
    s.age_years = 2;
    s.keep = true;
    s.today = LocalDate{2026, 11, 28};
    s.municipality = "amsterdam";
    s.now = LocalDateTime{2026, 11, 28, 10, 0};
    return s;
}

}  // namespace

TEST_CASE(
    "a smartphone with a broken screen: guarantee and manufacturer first, then café, professional, DIY, then return") {
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", broken_screen());
    REQUIRE(plan.ok());
    CHECK(order_of(plan) == std::vector<std::string>{"ask-seller", "manufacturer-repair", "repair-cafe",
                                                     "repair-professional", "repair-diy", "hand-in-shop",
                                                     "hand-in-drop-off"});
    CHECK(plan.find(OptionKind::ask_seller)->has(OptionReason::guarantee_unchecked));

    // The odds are the screen's own, with their sample size.
    REQUIRE(plan.odds);
    CHECK(plan.odds->basis == OddsBasis::fault);
    CHECK(plan.odds->fault_name.en == "Screen");
    CHECK(plan.odds->counts.n() >= 20);
    CHECK(plan.find(OptionKind::repair_cafe)->has(OptionReason::repair_odds));

    const PlanOption* pro = plan.find(OptionKind::repair_professional);
    auto cost = std::find_if(pro->reasons.begin(), pro->reasons.end(),
                             [](const auto& r) { return r.code == OptionReason::professional_cost; });
    REQUIRE(cost != pro->reasons.end());
    CHECK(cost->euro == Estimate::between(40, 100));

    CHECK(plan.find(OptionKind::repair_diy)->has(OptionReason::diy_battery_risk));
    CHECK(plan.has(SafetyFlag::battery_not_in_bin));
    CHECK(plan.has(SafetyFlag::hand_in_whole));
    CHECK(plan.has(SafetyFlag::diy_battery_risk));
    CHECK(removes(plan, RemoveItem::sim_card));
    CHECK(removes(plan, RemoveItem::memory_card));
    CHECK_FALSE(removes(plan, RemoveItem::battery));  // built in: it stays in
    CHECK(wiping_ids(plan) == std::vector<std::string>{"wipe-android", "wipe-ios"});
    CHECK(locks(plan, ActivationLock::apple_find_my));
    CHECK(locks(plan, ActivationLock::google_account));
}

TEST_CASE("the repair café option lists cafés in the municipality with their next opening") {
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", broken_screen());
    const PlanOption* cafe = plan.find(OptionKind::repair_cafe);
    REQUIRE(cafe);
    REQUIRE(cafe->places.size() == 3);
    for (const auto& p : cafe->places) {
        CHECK(p.place->kind == PlaceKind::repair_cafe);
        CHECK(p.place->municipality == "amsterdam");
        // From the municipality's cited centre, not from the citizen: the distance is approximate.
        if (p.km) CHECK(p.km_approximate);
        CHECK(p.handles != HandlesAnswer::no);
        if (p.place->schedule && !p.place->schedule->rules.empty()) CHECK(p.next);
    }
}

TEST_CASE("with a location the nearest places come first, nearest first") {
    PlanSituation s = broken_screen();
    s.municipality.clear();
    s.location = GeoPoint{52.3731, 4.8922};  // Dam, Amsterdam
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", s);
    const PlanOption* cafe = plan.find(OptionKind::repair_cafe);
    REQUIRE(cafe);
    REQUIRE(cafe->places.size() == 3);
    CHECK(*cafe->places[0].km <= *cafe->places[1].km);
    CHECK(*cafe->places[1].km <= *cafe->places[2].km);
    CHECK(*cafe->places[2].km < 10);
}

TEST_CASE("a guarantee the citizen checked changes the first option, and drops it when not covered") {
    PlanSituation s = broken_screen();
    s.guarantee = GuaranteeOutlook::likely_covered;
    CHECK(plan_for_device(shipped_content(), "smartphone", s)
              .find(OptionKind::ask_seller)
              ->has(OptionReason::guarantee_likely));
    s.guarantee = GuaranteeOutlook::not_covered;
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", s);
    CHECK(plan.rank(OptionKind::ask_seller) == -1);
    CHECK(plan.rank(OptionKind::manufacturer_repair) == 0);
}

TEST_CASE("the manufacturer's repair duty is offered only from the date content gives") {
    PlanSituation s = broken_screen();
    s.today = LocalDate{2026, 7, 30};
    CHECK(plan_for_device(shipped_content(), "smartphone", s).rank(OptionKind::manufacturer_repair) == -1);
    s.today = LocalDate{2026, 7, 31};
    CHECK(plan_for_device(shipped_content(), "smartphone", s).rank(OptionKind::manufacturer_repair) == 1);
    s.today.reset();
    CHECK(plan_for_device(shipped_content(), "smartphone", s).rank(OptionKind::manufacturer_repair) == -1);
}

TEST_CASE("a laptop to give away: reuse first with the computer wiping checklist, then return; no repair") {
    PlanSituation s;
    s.state = DeviceState::works;
    s.keep = false;
    DevicePlan plan = plan_for_device(shipped_content(), "laptop", s);
    REQUIRE(plan.ok());
    CHECK(order_of(plan) ==
          std::vector<std::string>{"sell", "give-away", "trade-in", "hand-in-shop", "hand-in-drop-off"});
    const PlanOption* give = plan.find(OptionKind::give_away);
    CHECK(give->group == OptionGroup::reuse);
    CHECK(give->has(OptionReason::wipe_first));
    CHECK(give->has(OptionReason::reuse_cuts_impact));
    CHECK_FALSE(give->has(OptionReason::say_what_is_broken));
    CHECK(give->place_kinds == std::vector{PlaceKind::reuse_shop});
    // A laptop may run Windows, macOS or ChromeOS: the general steps and each system's own.
    CHECK(wiping_ids(plan) == std::vector<std::string>{"wipe-computer", "wipe-mac", "wipe-chromebook"});
    CHECK(locks(plan, ActivationLock::cloud_accounts));
    CHECK_FALSE(removes(plan, RemoveItem::sim_card));
    CHECK(plan.has(SafetyFlag::hand_in_whole));
    CHECK_FALSE(plan.odds);
}

TEST_CASE(
    "an e-bike battery to return goes to a shop that takes batteries or the drop-off point, taped, never in the bin") {
    PlanSituation s;
    s.state = DeviceState::unused;
    s.keep = false;
    s.today = LocalDate{2026, 11, 28};
    DevicePlan plan = plan_for_device(shipped_content(), "e-bike-battery", s);
    REQUIRE(plan.ok());
    CHECK(order_of(plan) == std::vector<std::string>{"hand-in-shop", "hand-in-drop-off"});
    const PlanOption* shop = plan.find(OptionKind::hand_in_shop);
    CHECK(shop->has(OptionReason::shop_takes_batteries));
    CHECK(shop->has(OptionReason::not_in_bin));
    CHECK(std::find(shop->place_kinds.begin(), shop->place_kinds.end(), PlaceKind::battery_collection) !=
          shop->place_kinds.end());
    CHECK(plan.find(OptionKind::hand_in_drop_off)->has(OptionReason::not_in_bin));
    CHECK(plan.has(SafetyFlag::battery_not_in_bin));
    CHECK(plan.has(SafetyFlag::tape_terminals));
    CHECK_FALSE(plan.has(SafetyFlag::hand_in_whole));
    CHECK(plan.wiping.empty());
    CHECK(plan.remove.empty());
}

TEST_CASE("a broken e-bike battery the citizen keeps goes to a professional, never opened at home or at a café") {
    PlanSituation s;
    s.state = DeviceState::broken;
    s.keep = true;
    s.today = LocalDate{2026, 11, 28};
    DevicePlan plan = plan_for_device(shipped_content(), "e-bike-battery", s);
    CHECK(order_of(plan) == std::vector<std::string>{"ask-seller", "manufacturer-repair", "repair-professional",
                                                     "hand-in-shop", "hand-in-drop-off"});
    CHECK(plan.find(OptionKind::repair_professional)->has(OptionReason::never_open_battery));
}

TEST_CASE("a phone with a swollen battery is not passed on: wrap it and bring it to a collection point") {
    PlanSituation s;
    s.state = DeviceState::unused;
    s.keep = false;
    s.battery = BatteryCondition::swollen_or_damaged;
    DevicePlan plan = plan_for_device(shipped_content(), "smartphone", s);
    CHECK(order_of(plan) == std::vector<std::string>{"hand-in-shop", "hand-in-drop-off"});
    REQUIRE_FALSE(plan.safety.empty());
    CHECK(plan.safety.front().flag == SafetyFlag::swollen_battery);
    CHECK(plan.safety.front().guidance_id == "swollen-battery");

    s.state = DeviceState::broken;
    s.keep = true;
    DevicePlan repair = plan_for_device(shipped_content(), "smartphone", s);
    CHECK(repair.rank(OptionKind::repair_diy) == -1);
    CHECK(repair.rank(OptionKind::repair_professional) < repair.rank(OptionKind::repair_cafe));
    CHECK(repair.find(OptionKind::repair_professional)->has(OptionReason::swollen_battery_first));
}

TEST_CASE("a removable battery is taken out before handing in, unless it is swollen") {
    PlanSituation s;
    s.keep = false;
    CHECK(removes(plan_for_device(shipped_content(), "digital-camera", s), RemoveItem::battery));
    s.battery = BatteryCondition::swollen_or_damaged;
    CHECK_FALSE(removes(plan_for_device(shipped_content(), "digital-camera", s), RemoveItem::battery));
}

TEST_CASE("a large appliance goes to the drop-off point before the shop") {
    PlanSituation s;
    s.keep = false;
    DevicePlan plan = plan_for_device(shipped_content(), "washing-machine", s);
    CHECK(plan.rank(OptionKind::hand_in_drop_off) < plan.rank(OptionKind::hand_in_shop));
    CHECK(plan.find(OptionKind::hand_in_drop_off)->has(OptionReason::large_device_drop_off));
    CHECK_FALSE(plan.find(OptionKind::hand_in_drop_off)->has(OptionReason::not_in_bin));
}

TEST_CASE("a working device the citizen keeps needs no steps, and an unknown device is reported") {
    PlanSituation s;
    s.state = DeviceState::works;
    s.keep = true;
    CHECK(plan_for_device(shipped_content(), "laptop", s).options.empty());
    CHECK(plan_for_device(shipped_content(), "flux-capacitor", s).problems == std::vector{PlanProblem::unknown_device});
}

TEST_CASE("every source and guidance entry a plan refers to exists in content") {
    const Content& content = shipped_content();
    for (const auto& id : plan_rule_sources()) {
        CAPTURE(id);
        CHECK(content.find_source(id));
    }
    for (const char* device : {"smartphone", "laptop", "e-bike-battery", "washing-machine", "digital-camera"}) {
        for (bool keep : {true, false}) {
            PlanSituation s = broken_screen();
            s.keep = keep;
            s.battery = keep ? BatteryCondition::normal : BatteryCondition::swollen_or_damaged;
            DevicePlan plan = plan_for_device(content, device, s);
            for (const auto& o : plan.options)
                for (const auto& r : o.reasons) {
                    CAPTURE(option_reason_name(r.code));
                    for (const auto& id : r.sources) CHECK(content.find_source(id));
                    if (!r.guidance_id.empty()) CHECK(content.find_guidance(r.guidance_id));
                }
            for (const auto& item : plan.safety) CHECK(content.find_guidance(item.guidance_id));
        }
    }
}
