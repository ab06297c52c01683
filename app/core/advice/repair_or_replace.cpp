#include "core/advice/repair_or_replace.h"

#include <algorithm>

namespace stadsmijn {

namespace {

Assumption from_content(const CitedRange& range) {
    return {Estimate::between(range.min, range.max), AssumptionOrigin::content, range.sources};
}

Assumption from_content(const std::optional<CitedRange>& range) {
    return range ? from_content(*range) : Assumption{};
}

bool acceptable_edit(const Estimate& value) {
    return !value.known() || value.low() >= 0;
}

void add_sources(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& id : from)
        if (std::find(to.begin(), to.end(), id) == to.end()) to.push_back(id);
}

OptionFigures figures(const Estimate& euro, const Estimate& kg_co2e, const Estimate& years) {
    return {euro, kg_co2e, years, euro / years, kg_co2e / years};
}

}  // namespace

bool RepairOrReplace::ok() const {
    return std::find(problems.begin(), problems.end(), RepairOrReplaceProblem::unknown_device) == problems.end();
}

Estimate extra_years_after_repair(const Estimate& lifetime, const Estimate& age, const RemainingLifeRule& rule) {
    if (!lifetime.known() || !age.known() || rule.before_share <= 0) return Estimate::unknown();
    // On each side of the seam (age == before_share * lifetime) the years grow with the lifetime
    // and shrink with the age, so the extremes lie at the corners of the two ranges or where the
    // seam crosses their edges; at the seam both sides count (they meet only when the shares add
    // up to one, as in the source).
    auto years = [&](double life, double a) {
        return a < rule.before_share * life ? life - a : rule.after_share * life;
    };
    double low = years(lifetime.low(), age.high());
    double high = years(lifetime.high(), age.low());
    auto consider = [&](double y) {
        low = std::min(low, y);
        high = std::max(high, y);
    };
    auto at_seam = [&](double life, double a) {
        consider(life - a);
        consider(rule.after_share * life);
    };
    for (double life : {lifetime.low(), lifetime.high()})
        for (double a : {age.low(), age.high()}) consider(years(life, a));
    for (double life : {lifetime.low(), lifetime.high()}) {
        double seam = rule.before_share * life;
        if (seam >= age.low() && seam <= age.high()) at_seam(life, seam);
    }
    for (double a : {age.low(), age.high()}) {
        double life = a / rule.before_share;
        if (life >= lifetime.low() && life <= lifetime.high()) at_seam(life, a);
    }
    return Estimate::between(std::max(low, 0.0), std::max(high, 0.0));
}

RepairOrReplaceAssumptions default_assumptions(const Content& content, std::string_view device_id, RepairRoute route) {
    RepairOrReplaceAssumptions a;
    const Device* device = content.find_device(device_id);
    const DeviceRepairEconomics* economics = content.repair_economics.find(device_id);
    if (economics) {
        if (const CitedRange* cost = economics->cost_for(route))
            a[AssumptionId::repair_cost_euro] = from_content(*cost);
        a[AssumptionId::repair_kg_co2e] = from_content(economics->repair_kg_co2e);
    }
    if (device) {
        a[AssumptionId::new_kg_co2e] = from_content(device->production_kg_co2e);
        a[AssumptionId::new_lifetime_years] = from_content(device->lifetime_years);
    }
    return a;
}

RepairOrReplace repair_or_replace(const Content& content, const RepairOrReplaceQuestion& q) {
    RepairOrReplace r;
    if (!content.find_device(q.device_id)) {
        r.problems.push_back(RepairOrReplaceProblem::unknown_device);
        return r;
    }
    r.assumptions = default_assumptions(content, q.device_id, q.route);

    for (std::size_t i = 0; i < kAssumptionCount; ++i) {
        const auto& edit = q.edits.values[i];
        if (!edit) continue;
        if (!acceptable_edit(*edit)) {
            r.rejected_edits.push_back(static_cast<AssumptionId>(i));
            continue;
        }
        r.assumptions.items[i] = {*edit, AssumptionOrigin::citizen, {}};
    }
    if (!r.rejected_edits.empty()) r.problems.push_back(RepairOrReplaceProblem::edit_rejected);

    const auto& rule = content.repair_economics.remaining_life;
    Assumption& extra = r.assumptions[AssumptionId::extra_years];
    if (extra.origin != AssumptionOrigin::citizen && rule) {
        const Assumption& life = r.assumptions[AssumptionId::new_lifetime_years];
        extra.value = extra_years_after_repair(life.value, r.assumptions[AssumptionId::device_age_years].value, *rule);
        extra.origin = extra.value.known() ? AssumptionOrigin::derived : AssumptionOrigin::unknown;
        extra.sources.clear();
        if (extra.value.known()) {
            add_sources(extra.sources, rule->sources);
            add_sources(extra.sources, life.sources);
        }
    }

    const auto& a = r.assumptions;
    r.repair = figures(a[AssumptionId::repair_cost_euro].value, a[AssumptionId::repair_kg_co2e].value,
                       a[AssumptionId::extra_years].value);
    r.replace = figures(a[AssumptionId::new_price_euro].value, a[AssumptionId::new_kg_co2e].value,
                        a[AssumptionId::new_lifetime_years].value);
    r.euro_per_year = compare(r.repair.euro_per_year, r.replace.euro_per_year);
    r.kg_co2e_per_year = compare(r.repair.kg_co2e_per_year, r.replace.kg_co2e_per_year);
    r.break_even_years_euro = r.repair.euro / r.replace.euro_per_year;
    r.break_even_years_co2e = r.repair.kg_co2e / r.replace.kg_co2e_per_year;

    auto note = [&](RepairOrReplaceNote code, std::vector<std::string> sources) {
        r.notes.push_back({code, std::move(sources)});
    };
    note(RepairOrReplaceNote::use_phase_not_counted, rule ? rule->sources : std::vector<std::string>{});
    if (q.route == RepairRoute::repair_cafe)
        if (const CitedRange* labour = content.repair_economics.labour_for(RepairRoute::repair_cafe))
            note(RepairOrReplaceNote::repair_cafe_labour_free, labour->sources);
    if (q.route != RepairRoute::professional && a[AssumptionId::repair_cost_euro].origin != AssumptionOrigin::citizen)
        note(RepairOrReplaceNote::parts_not_included, {});
    note(RepairOrReplaceNote::repair_may_fail, content.repair_odds.sources);
    if (!a[AssumptionId::new_price_euro].value.known()) note(RepairOrReplaceNote::new_price_needed, {});
    return r;
}

const char* assumption_name(AssumptionId id) {
    switch (id) {
        case AssumptionId::repair_cost_euro:
            return "repair-cost-euro";
        case AssumptionId::new_price_euro:
            return "new-price-euro";
        case AssumptionId::repair_kg_co2e:
            return "repair-kg-co2e";
        case AssumptionId::new_kg_co2e:
            return "new-kg-co2e";
        case AssumptionId::new_lifetime_years:
            return "new-lifetime-years";
        case AssumptionId::device_age_years:
            return "device-age-years";
        case AssumptionId::extra_years:
            return "extra-years";
    }
    return "repair-cost-euro";
}

const char* assumption_origin_name(AssumptionOrigin origin) {
    switch (origin) {
        case AssumptionOrigin::content:
            return "content";
        case AssumptionOrigin::derived:
            return "derived";
        case AssumptionOrigin::citizen:
            return "citizen";
        case AssumptionOrigin::unknown:
            return "unknown";
    }
    return "unknown";
}

const char* repair_or_replace_note_name(RepairOrReplaceNote note) {
    switch (note) {
        case RepairOrReplaceNote::use_phase_not_counted:
            return "use-phase-not-counted";
        case RepairOrReplaceNote::repair_cafe_labour_free:
            return "repair-cafe-labour-free";
        case RepairOrReplaceNote::parts_not_included:
            return "parts-not-included";
        case RepairOrReplaceNote::repair_may_fail:
            return "repair-may-fail";
        case RepairOrReplaceNote::new_price_needed:
            return "new-price-needed";
    }
    return "use-phase-not-counted";
}

}  // namespace stadsmijn
