#include "core/advice/plan.h"

#include <algorithm>

#include "core/civil_date.h"

namespace stadsmijn {

namespace {

// Rules without a number, with the sources content/guidance.json cites for them.
const std::vector<std::string> kGuarantee = {"bw-7-17", "rijksoverheid-garantie-2022"};
const std::vector<std::string> kQuote = {"gfk-uneto-mc-2017"};
const std::vector<std::string> kPuncture = {"tubantia-opgezwollen-accu-2022"};
const std::vector<std::string> kBatteries = {"stibat-batteries"};
const std::vector<std::string> kSwollen = {"afvalscheidingswijzer-batterij", "tubantia-opgezwollen-accu-2022"};
const std::vector<std::string> kFires = {"nvrd-fires"};
const std::vector<std::string> kBuiltIn = {"stichting-open-li-ion", "stibat-batteries"};
const std::vector<std::string> kReuse = {"milieu-centraal-2025"};
const std::vector<std::string> kWipe = {"consumentenbond-wipe"};
const std::vector<std::string> kAccounts = {"nu-nl-wipe"};
const std::vector<std::string> kShopTakeBack = {"ilt-aeea", "weee-directive-2012"};
const std::vector<std::string> kLargeDropOff = {"stichting-open-li-ion"};

bool has_data(const Device& device, DataKind kind) {
    return std::find(device.data.begin(), device.data.end(), kind) != device.data.end();
}

bool holds_data(const Device& device) {
    return std::any_of(device.data.begin(), device.data.end(), [](DataKind k) { return k != DataKind::none; });
}

class PlanBuilder {
public:
    PlanBuilder(const Content& content, const Device& device, const PlanSituation& situation, DevicePlan& plan)
        : content_(content), device_(device), s_(situation), plan_(plan) {}

    PlanOption& option(OptionKind kind, OptionGroup group, std::vector<PlaceKind> place_kinds = {}) {
        PlanOption o;
        o.kind = kind;
        o.group = group;
        o.place_kinds = std::move(place_kinds);
        plan_.options.push_back(std::move(o));
        return plan_.options.back();
    }

    static OptionReasonItem& reason(PlanOption& o, OptionReason code, std::vector<std::string> sources = {},
                                    std::string guidance_id = {}) {
        OptionReasonItem item;
        item.code = code;
        item.sources = std::move(sources);
        item.guidance_id = std::move(guidance_id);
        o.reasons.push_back(std::move(item));
        return o.reasons.back();
    }

    void free_first() {
        if (s_.state != DeviceState::broken) return;
        if (!s_.guarantee) {
            reason(option(OptionKind::ask_seller, OptionGroup::free_first), OptionReason::guarantee_unchecked,
                   kGuarantee, "legal-guarantee");
        } else if (*s_.guarantee != GuaranteeOutlook::not_covered) {
            bool likely = *s_.guarantee == GuaranteeOutlook::likely_covered;
            reason(option(OptionKind::ask_seller, OptionGroup::free_first),
                   likely ? OptionReason::guarantee_likely : OptionReason::guarantee_possible, kGuarantee,
                   "legal-guarantee");
        }
        const ManufacturerRepairDuty& duty = content_.repair_economics.manufacturer_repair;
        const GuidanceFact* from = content_.guidance_fact("right-to-repair", "applies-from");
        auto from_date = from && from->unit == "date" ? date_from_number(from->value) : std::nullopt;
        if (s_.today && from_date && *s_.today >= *from_date && duty.covers(device_.id)) {
            std::vector<std::string> sources = duty.sources;
            for (const auto& id : from->sources)
                if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
            auto& r = reason(option(OptionKind::manufacturer_repair, OptionGroup::free_first),
                             OptionReason::manufacturer_duty, std::move(sources), "right-to-repair");
            r.date = from_date;
        }
    }

    void repair() {
        const bool pack = device_.battery == BatteryKind::is_battery;
        const bool swollen = s_.battery == BatteryCondition::swollen_or_damaged;
        if (pack || swollen) {
            professional(pack ? OptionReason::never_open_battery : OptionReason::swollen_battery_first);
            if (!pack) repair_cafe();
            return;
        }
        repair_cafe();
        professional(std::nullopt);
        auto& diy = option(OptionKind::repair_diy, OptionGroup::repair);
        if (device_.battery == BatteryKind::built_in) reason(diy, OptionReason::diy_battery_risk, kPuncture);
    }

    void reuse() {
        const bool broken = s_.state == DeviceState::broken;
        for (OptionKind kind : {OptionKind::sell, OptionKind::give_away, OptionKind::trade_in}) {
            if (broken && kind == OptionKind::trade_in) continue;
            auto& o =
                option(kind, OptionGroup::reuse,
                       kind == OptionKind::give_away ? std::vector{PlaceKind::reuse_shop} : std::vector<PlaceKind>{});
            reason(o, OptionReason::reuse_cuts_impact, kReuse, "repair-or-replace");
            if (broken) reason(o, OptionReason::say_what_is_broken);
            if (holds_data(device_)) reason(o, OptionReason::wipe_first, kWipe);
        }
    }

    void return_it() {
        const bool has_battery = device_.battery != BatteryKind::none;
        const bool pack = device_.battery == BatteryKind::is_battery;
        auto shop = [&] {
            std::vector<PlaceKind> kinds = {PlaceKind::shop_take_back};
            if (has_battery) kinds.push_back(PlaceKind::battery_collection);
            auto& o = option(OptionKind::hand_in_shop, OptionGroup::return_it, std::move(kinds));
            if (pack)
                reason(o, OptionReason::shop_takes_batteries, kBatteries, "battery-safety");
            else
                reason(o, OptionReason::shop_takes_back, kShopTakeBack, "take-back");
            return_common(o, has_battery);
        };
        auto drop_off = [&] {
            auto& o = option(OptionKind::hand_in_drop_off, OptionGroup::return_it, {PlaceKind::drop_off});
            if (device_.group == DeviceGroup::large_appliances)
                reason(o, OptionReason::large_device_drop_off, kLargeDropOff, "take-back");
            else
                reason(o, OptionReason::drop_off_free, pack ? kBatteries : std::vector<std::string>{}, "take-back");
            return_common(o, has_battery);
        };
        if (device_.group == DeviceGroup::large_appliances) {
            drop_off();
            shop();
        } else {
            shop();
            drop_off();
        }
    }

    void safety_and_handover() {
        const bool swollen = s_.battery == BatteryCondition::swollen_or_damaged;
        auto flag = [&](SafetyFlag f, std::string guidance, const std::vector<std::string>& sources) {
            plan_.safety.push_back({f, std::move(guidance), sources});
        };
        if (swollen) flag(SafetyFlag::swollen_battery, "swollen-battery", kSwollen);
        if (device_.battery != BatteryKind::none) flag(SafetyFlag::battery_not_in_bin, "battery-safety", kFires);
        if (device_.battery == BatteryKind::built_in) flag(SafetyFlag::hand_in_whole, "battery-safety", kBuiltIn);
        if (device_.battery == BatteryKind::is_battery || device_.battery == BatteryKind::removable)
            flag(SafetyFlag::tape_terminals, "battery-safety", kBatteries);
        if (plan_.find(OptionKind::repair_diy) && device_.battery == BatteryKind::built_in)
            flag(SafetyFlag::diy_battery_risk, "swollen-battery", kPuncture);

        const bool phone_like = device_.group == DeviceGroup::phones_tablets;
        if (phone_like || has_data(device_, DataKind::android) || has_data(device_, DataKind::ios))
            plan_.remove.push_back({RemoveItem::sim_card, kWipe});
        if (has_data(device_, DataKind::android) || has_data(device_, DataKind::other_storage))
            plan_.remove.push_back({RemoveItem::memory_card, kWipe});
        if (device_.battery == BatteryKind::removable && !swollen)
            plan_.remove.push_back({RemoveItem::battery, kBatteries});

        for (DataKind kind : device_.data) {
            if (kind == DataKind::none) continue;
            for (const Guidance* steps : content_.guidance_for(GuidanceTopic::data_wiping, kind))
                if (std::find(plan_.wiping.begin(), plan_.wiping.end(), steps) == plan_.wiping.end())
                    plan_.wiping.push_back(steps);
            ActivationLock lock = kind == DataKind::ios        ? ActivationLock::apple_find_my
                                  : kind == DataKind::android  ? ActivationLock::google_account
                                  : kind == DataKind::computer ? ActivationLock::cloud_accounts
                                                               : ActivationLock::maker_account;
            if (std::none_of(plan_.activation_locks.begin(), plan_.activation_locks.end(),
                             [&](const auto& step) { return step.lock == lock; }))
                plan_.activation_locks.push_back({lock, kAccounts});
        }
    }

    void places() {
        const Municipality* home = s_.municipality.empty() ? nullptr : content_.find_municipality(s_.municipality);
        for (auto& o : plan_.options) {
            if (o.place_kinds.empty() || s_.places_per_option == 0) continue;
            PlaceQuery q;
            q.kinds = o.place_kinds;
            q.device = &device_;
            q.municipality = s_.municipality;
            q.from = s_.location;
            q.limit = s_.places_per_option * 3;  // room for places dropped below
            if (!q.from && !home) continue;
            for (const PlaceChoice& c : choose_places(content_.places, content_.municipalities, q)) {
                if (o.places.size() == s_.places_per_option) break;
                auto next = opening(*c.place);
                // Rules but no opening in the year ahead: the source says it has stopped.
                if (s_.now && c.place->schedule && !c.place->schedule->rules.empty() && !next) continue;
                o.places.push_back({c.place, c.km, c.km_approximate, c.in_municipality, c.handles, next});
            }
            if (o.kind == OptionKind::hand_in_drop_off && home && !home->drop_off.empty())
                o.drop_off_info = &home->drop_off;
        }
    }

private:
    void repair_cafe() {
        auto& o = option(OptionKind::repair_cafe, OptionGroup::repair, {PlaceKind::repair_cafe});
        if (plan_.odds)
            reason(o, OptionReason::repair_odds, content_.repair_odds.sources);
        else
            reason(o, OptionReason::repair_odds_unknown);
        if (const CitedRange* labour = content_.repair_economics.labour_for(RepairRoute::repair_cafe))
            reason(o, OptionReason::repair_cafe_free, labour->sources);
        reason(o, OptionReason::check_what_it_repairs);
    }

    void professional(std::optional<OptionReason> first) {
        auto& o = option(OptionKind::repair_professional, OptionGroup::repair);
        if (first) {
            reason(o, *first, *first == OptionReason::never_open_battery ? kBatteries : kSwollen,
                   *first == OptionReason::never_open_battery ? "battery-safety" : "swollen-battery");
        }
        const DeviceRepairEconomics* economics = content_.repair_economics.find(device_.id);
        if (const CitedRange* cost = economics ? economics->cost_for(RepairRoute::professional) : nullptr)
            reason(o, OptionReason::professional_cost, cost->sources).euro = Estimate::between(cost->min, cost->max);
        reason(o, OptionReason::ask_for_quote, kQuote, "repair-or-replace");
    }

    void return_common(PlanOption& o, bool has_battery) {
        if (has_battery) reason(o, OptionReason::not_in_bin, kFires, "battery-safety");
        if (holds_data(device_)) reason(o, OptionReason::wipe_first, kWipe);
    }

    std::optional<Opening> opening(const Place& place) const {
        if (!s_.now || !place.schedule) return std::nullopt;
        return next_opening(*place.schedule, *s_.now);
    }

    const Content& content_;
    const Device& device_;
    const PlanSituation& s_;
    DevicePlan& plan_;
};

}  // namespace

bool PlanOption::has(OptionReason code) const {
    return std::any_of(reasons.begin(), reasons.end(), [&](const auto& r) { return r.code == code; });
}

const PlanOption* DevicePlan::find(OptionKind kind) const {
    for (const auto& o : options)
        if (o.kind == kind) return &o;
    return nullptr;
}

int DevicePlan::rank(OptionKind kind) const {
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].kind == kind) return static_cast<int>(i);
    return -1;
}

bool DevicePlan::has(SafetyFlag flag) const {
    return std::any_of(safety.begin(), safety.end(), [&](const auto& s) { return s.flag == flag; });
}

DevicePlan plan_for_device(const Content& content, std::string_view device_id, const PlanSituation& s) {
    DevicePlan plan;
    plan.device = content.find_device(device_id);
    if (!plan.device) {
        plan.problems.push_back(PlanProblem::unknown_device);
        return plan;
    }
    const Device& device = *plan.device;
    const bool broken = s.state == DeviceState::broken;
    const bool pack = device.battery == BatteryKind::is_battery;
    const bool swollen = s.battery == BatteryCondition::swollen_or_damaged;
    if (broken) plan.odds = find_repair_odds(content.repair_odds, device.ords_category, s.fault, s.age_years);

    PlanBuilder build(content, device, s, plan);
    build.free_first();
    if (broken && s.keep) {
        build.repair();
        build.return_it();  // when repair fails
    } else if (!s.keep) {
        // A battery pack or a swollen battery is not passed on: it goes to a collection point.
        if (!pack && !swollen) build.reuse();
        build.return_it();
    }
    build.safety_and_handover();
    build.places();
    return plan;
}

const std::vector<std::string>& plan_rule_sources() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> ids;
        for (const auto* list : {&kGuarantee, &kQuote, &kPuncture, &kBatteries, &kSwollen, &kFires, &kBuiltIn, &kReuse,
                                 &kWipe, &kAccounts, &kShopTakeBack, &kLargeDropOff})
            for (const auto& id : *list)
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        return ids;
    }();
    return all;
}

const char* option_kind_name(OptionKind kind) {
    switch (kind) {
        case OptionKind::ask_seller:
            return "ask-seller";
        case OptionKind::manufacturer_repair:
            return "manufacturer-repair";
        case OptionKind::repair_cafe:
            return "repair-cafe";
        case OptionKind::repair_professional:
            return "repair-professional";
        case OptionKind::repair_diy:
            return "repair-diy";
        case OptionKind::sell:
            return "sell";
        case OptionKind::give_away:
            return "give-away";
        case OptionKind::trade_in:
            return "trade-in";
        case OptionKind::hand_in_shop:
            return "hand-in-shop";
        case OptionKind::hand_in_drop_off:
            return "hand-in-drop-off";
    }
    return "hand-in-drop-off";
}

const char* option_group_name(OptionGroup group) {
    switch (group) {
        case OptionGroup::free_first:
            return "free-first";
        case OptionGroup::repair:
            return "repair";
        case OptionGroup::reuse:
            return "reuse";
        case OptionGroup::return_it:
            return "return";
    }
    return "return";
}

const char* option_reason_name(OptionReason reason) {
    switch (reason) {
        case OptionReason::guarantee_likely:
            return "guarantee-likely";
        case OptionReason::guarantee_possible:
            return "guarantee-possible";
        case OptionReason::guarantee_unchecked:
            return "guarantee-unchecked";
        case OptionReason::manufacturer_duty:
            return "manufacturer-duty";
        case OptionReason::repair_odds:
            return "repair-odds";
        case OptionReason::repair_odds_unknown:
            return "repair-odds-unknown";
        case OptionReason::repair_cafe_free:
            return "repair-cafe-free";
        case OptionReason::check_what_it_repairs:
            return "check-what-it-repairs";
        case OptionReason::professional_cost:
            return "professional-cost";
        case OptionReason::ask_for_quote:
            return "ask-for-quote";
        case OptionReason::diy_battery_risk:
            return "diy-battery-risk";
        case OptionReason::never_open_battery:
            return "never-open-battery";
        case OptionReason::swollen_battery_first:
            return "swollen-battery-first";
        case OptionReason::reuse_cuts_impact:
            return "reuse-cuts-impact";
        case OptionReason::say_what_is_broken:
            return "say-what-is-broken";
        case OptionReason::wipe_first:
            return "wipe-first";
        case OptionReason::shop_takes_back:
            return "shop-takes-back";
        case OptionReason::shop_takes_batteries:
            return "shop-takes-batteries";
        case OptionReason::large_device_drop_off:
            return "large-device-drop-off";
        case OptionReason::drop_off_free:
            return "drop-off-free";
        case OptionReason::not_in_bin:
            return "not-in-bin";
    }
    return "not-in-bin";
}

const char* safety_flag_name(SafetyFlag flag) {
    switch (flag) {
        case SafetyFlag::battery_not_in_bin:
            return "battery-not-in-bin";
        case SafetyFlag::hand_in_whole:
            return "hand-in-whole";
        case SafetyFlag::tape_terminals:
            return "tape-terminals";
        case SafetyFlag::swollen_battery:
            return "swollen-battery";
        case SafetyFlag::diy_battery_risk:
            return "diy-battery-risk";
    }
    return "battery-not-in-bin";
}

const char* remove_item_name(RemoveItem item) {
    switch (item) {
        case RemoveItem::sim_card:
            return "sim-card";
        case RemoveItem::memory_card:
            return "memory-card";
        case RemoveItem::battery:
            return "battery";
    }
    return "sim-card";
}

const char* activation_lock_name(ActivationLock lock) {
    switch (lock) {
        case ActivationLock::apple_find_my:
            return "apple-find-my";
        case ActivationLock::google_account:
            return "google-account";
        case ActivationLock::cloud_accounts:
            return "cloud-accounts";
        case ActivationLock::maker_account:
            return "maker-account";
    }
    return "cloud-accounts";
}

const char* device_state_name(DeviceState state) {
    switch (state) {
        case DeviceState::works:
            return "works";
        case DeviceState::unused:
            return "unused";
        case DeviceState::broken:
            return "broken";
    }
    return "unused";
}

}  // namespace stadsmijn
