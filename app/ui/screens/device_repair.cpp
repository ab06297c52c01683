// #/device/{id}/repair : what is wrong, how often repairs of it succeed (with the sample size),
// the options side by side (do it yourself, a repair café near you, a professional), the legal
// guarantee check, and repair versus buying new in euros and kg CO2e with editable assumptions.
#include <imgui.h>

#include <cmath>
#include <cstdlib>

#include "core/advice/guarantee.h"
#include "core/advice/plan.h"
#include "core/advice/repair_or_replace.h"
#include "ui/guide_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

std::string percent_text(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))); }

// "15-01-2026", "15-1-2026" or "2026-01-15".
std::optional<LocalDate> read_date(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (auto iso = parse_date(text)) return iso;
    int parts[3] = {0, 0, 0};
    int index = 0, digits = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            parts[index] = parts[index] * 10 + (c - '0');
            if (++digits > 4) return std::nullopt;
        } else if ((c == '-' || c == '/' || c == '.') && digits > 0 && index < 2) {
            ++index;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (index != 2 || digits != 4) return std::nullopt;
    LocalDate date{parts[2], parts[1], parts[0]};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

// "329", "329,95", "40-100" (a range); nothing when not a non-negative number.
std::optional<double> read_number(std::string text) {
    for (char& c : text)
        if (c == ',') c = '.';
    if (auto euro = text.find("\u20ac"); euro != std::string::npos) text.erase(euro, 3);
    while (!text.empty() && text.front() == ' ') text.erase(0, 1);
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    while (end && *end == ' ') ++end;
    if (!end || *end != '\0' || !std::isfinite(value) || value < 0) return std::nullopt;
    return value;
}

std::optional<Estimate> read_estimate(const std::string& text) {
    auto dash = text.find('-');
    if (dash == std::string::npos) {
        auto value = read_number(text);
        return value ? std::optional<Estimate>(Estimate::exactly(*value)) : std::nullopt;
    }
    auto low = read_number(text.substr(0, dash));
    auto high = read_number(text.substr(dash + 1));
    if (!low || !high) return std::nullopt;
    return Estimate::between(*low, *high);
}

void odds_section(UiFrame& f, const Device& device, const DevicePlan& plan, const std::string& fault) {
    const std::string& language = f.t.language();
    const RepairOdds& data = f.content.repair_odds;
    heading(f, f.text("guide.repair.odds_title"), 3);
    if (!plan.odds) {
        paragraph(f, f.text("guide.repair.odds_none"));
        return;
    }
    const OddsAnswer& odds = *plan.odds;
    const OutcomeCounts& c = odds.counts;
    TextArgs args{{"fixed", std::to_string(c.fixed)},
                  {"n", std::to_string(c.n())},
                  {"percent", percent_text(c.fixed_share())},
                  {"repairable", std::to_string(c.repairable)},
                  {"end_of_life", std::to_string(c.end_of_life)},
                  {"fault", odds.fault_name.in(language)},
                  {"age", odds.age},
                  {"category", device.ords_category},
                  {"min_n", std::to_string(data.min_n)}};
    paragraph(f, f.text("guide.repair.odds_fixed", args));
    paragraph(f, f.text("guide.repair.odds_rest", args));
    switch (odds.basis) {
        case OddsBasis::fault: muted(f, f.text("guide.repair.basis_fault", args)); break;
        case OddsBasis::age: muted(f, f.text("guide.repair.basis_age", args)); break;
        case OddsBasis::category:
            muted(f, f.text(fault.empty() ? "guide.repair.basis_category" : "guide.repair.basis_fallback", args));
            break;
    }
    if (c.n() < 100) muted(f, f.text("guide.repair.small_sample", args));
    muted(f, data.method.in(language));
    muted(f, data.attribution);
    source_links(f, "##guide-odds-sources", data.sources);
}

void option_card(UiFrame& f, const Device& device, const PlanOption& option, bool has_place_choice) {
    heading(f, f.text(std::string("guide.option.") + option_kind_name(option.kind)), 3);
    if (option.kind == OptionKind::repair_diy) {
        paragraph(f, f.text("guide.repair.diy_unknown"));
        if (device.battery == BatteryKind::built_in || device.battery == BatteryKind::is_battery)
            paragraph(f, f.text("guide.repair.diy_battery"));
    }
    option_reasons(f, option.reasons);
    if (option.kind == OptionKind::repair_cafe) {
        places_overlay_notice(f);
        if (!option.places.empty()) {
            for (const PlanPlace& place : option.places) place_block(f, place);
        } else if (has_place_choice) {
            muted(f, f.text("guide.repair.no_cafe_here"));
        } else {
            muted(f, f.text("guide.repair.choose_place_first"));
        }
    }
}

void guarantee_section(UiFrame& f, const Device& device) {
    heading(f, f.text("guide.guarantee.title"), 2);
    paragraph(f, f.text("guide.guarantee.intro"));
    std::string& date = f.ui.fields["guide.purchase_date"];
    std::string& price = f.ui.fields["guide.purchase_price"];
    text_field(f, "##guide-purchase-date", f.text("guide.guarantee.date_label"), date, f.text("guide.guarantee.date_placeholder"));
    text_field(f, "##guide-purchase-price", f.text("guide.guarantee.price_label"), price, f.text("guide.guarantee.price_placeholder"));

    std::string& cause_field = f.ui.fields["guide.fault_cause"];
    const FaultCause causes[] = {FaultCause::by_itself, FaultCause::accident, FaultCause::not_sure};
    std::vector<std::string> cause_labels;
    int cause_index = 2;
    for (int i = 0; i < 3; ++i) {
        cause_labels.push_back(f.text(std::string("guide.guarantee.cause.") + fault_cause_name(causes[i])));
        if (cause_field == fault_cause_name(causes[i])) cause_index = i;
    }
    int chosen = choice_list(f, "##guide-fault-cause", f.text("guide.guarantee.cause_label"), cause_labels, cause_index);
    if (chosen >= 0) cause_field = fault_cause_name(causes[chosen]), cause_index = chosen;
    bool private_seller = f.ui.fields["guide.private_seller"] == "1";
    if (check_item(f, "##guide-private-seller", f.text("guide.guarantee.private_seller"), private_seller))
        f.ui.fields["guide.private_seller"] = std::string(private_seller ? "1" : "0");
    bool second_hand = f.ui.fields["guide.second_hand"] == "1";
    if (check_item(f, "##guide-second-hand", f.text("guide.guarantee.second_hand"), second_hand))
        f.ui.fields["guide.second_hand"] = std::string(second_hand ? "1" : "0");

    if (date.empty()) {
        muted(f, f.text("guide.guarantee.fill_in"));
        return;
    }
    if (!f.state.now) {
        paragraph(f, f.text("guide.guarantee.no_today"));
        return;
    }
    GuaranteeQuestion q;
    q.device_id = device.id;
    q.purchased = read_date(date);
    q.today = LocalDate{f.state.now->year, f.state.now->month, f.state.now->day};
    q.cause = causes[cause_index];
    q.seller = private_seller ? Seller::private_person : Seller::business;
    q.second_hand = second_hand;
    if (!price.empty()) q.price_euro = read_number(price).value_or(-1);
    if (!q.purchased) {
        paragraph(f, f.text("guide.guarantee.date_unreadable", {{"text", date}}));
        return;
    }
    GuaranteeVerdict v = check_guarantee(f.content, q);
    if (!v.ok()) {
        for (GuaranteeProblem p : v.problems)
            paragraph(f, f.text(std::string("guide.guarantee.problem.") + guarantee_problem_name(p)));
        return;
    }
    std::string outlook = f.text(std::string("guide.guarantee.outlook.") + guarantee_outlook_name(v.outlook));
    heading(f, outlook, 3);
    announce_on_change(f, "guarantee", outlook);
    paragraph(f, f.text(std::string("guide.guarantee.burden.") + burden_of_proof_name(v.burden)));
    for (std::size_t i = 0; i < v.reasons.size(); ++i) {
        const GuaranteeReasonItem& r = v.reasons[i];
        ImGui::PushID(static_cast<int>(i));
        TextArgs args{{"months", std::to_string(r.months)},
                      {"date", r.date ? date_text(f, *r.date) : std::string()},
                      {"until", r.until ? date_text(f, *r.until) : std::string()},
                      {"years", estimate_text(f, r.years)},
                      {"age", number_text(f, std::round(r.age_years * 10) / 10)},
                      {"price", number_text(f, r.price_euro)}};
        paragraph(f, "- " + f.text(std::string("guide.guarantee.reason.") + guarantee_reason_name(r.code), args));
        source_links(f, "##guarantee-sources", r.sources);
        ImGui::PopID();
    }
    muted(f, f.text("guide.guarantee.no_legal_advice"));
}

void repair_or_new_section(UiFrame& f, const Device& device) {
    heading(f, f.text("guide.rr.title"), 2);
    paragraph(f, f.text("guide.rr.intro"));
    const RepairRoute routes[] = {RepairRoute::professional, RepairRoute::repair_cafe, RepairRoute::diy};
    std::string& route_field = f.ui.fields["guide.rr_route"];
    std::vector<std::string> labels;
    int route_index = 0;
    for (int i = 0; i < 3; ++i) {
        labels.push_back(f.text(std::string("guide.rr.route.") + repair_route_name(routes[i])));
        if (route_field == repair_route_name(routes[i])) route_index = i;
    }
    int chosen = choice_list(f, "##guide-rr-route", f.text("guide.rr.route_label"), labels, route_index);
    if (chosen >= 0) route_field = repair_route_name(routes[chosen]), route_index = chosen;

    RepairOrReplaceQuestion q;
    q.device_id = device.id;
    q.route = routes[route_index];
    std::vector<bool> unreadable(kAssumptionCount, false);
    for (std::size_t i = 0; i < kAssumptionCount; ++i) {
        auto id = static_cast<AssumptionId>(i);
        const std::string& text = f.ui.fields[std::string("guide.rr.") + assumption_name(id)];
        if (text.empty()) continue;
        if (auto value = read_estimate(text))
            q.edits.set(id, *value);
        else
            unreadable[i] = true;
    }
    RepairOrReplace r = repair_or_replace(f.content, q);
    if (!r.ok() && !r.problems.empty() && r.problems.front() == RepairOrReplaceProblem::unknown_device) return;

    const char* rows_keys[] = {"guide.rr.row.euro", "guide.rr.row.co2", "guide.rr.row.years", "guide.rr.row.euro_per_year",
                               "guide.rr.row.co2_per_year"};
    auto with_unit = [&](const Estimate& value, const char* unit) {
        return value.known() ? f.text(unit, {{"value", estimate_text(f, value)}}) : f.text("guide.unknown");
    };
    auto column = [&](const OptionFigures& o) {
        return std::vector<std::string>{with_unit(o.euro, "guide.rr.unit.euro"), with_unit(o.kg_co2e, "guide.rr.unit.kg"),
                                        with_unit(o.years, "guide.rr.unit.years"),
                                        with_unit(o.euro_per_year, "guide.rr.unit.euro"),
                                        with_unit(o.kg_co2e_per_year, "guide.rr.unit.kg")};
    };
    auto repair = column(r.repair), replace = column(r.replace);
    std::vector<std::vector<std::string>> cells;
    for (std::size_t i = 0; i < 5; ++i) cells.push_back({f.text(rows_keys[i]), repair[i], replace[i]});
    data_table(f, "##guide-rr-table", f.text("guide.rr.table_caption"),
               {f.text("guide.rr.col_what"), f.text("guide.rr.col_repair"), f.text("guide.rr.col_new")}, cells);
    std::string euro_verdict = f.text(std::string("guide.rr.euro.") + ordering_name(r.euro_per_year));
    std::string co2_verdict = f.text(std::string("guide.rr.co2.") + ordering_name(r.kg_co2e_per_year));
    paragraph(f, euro_verdict);
    paragraph(f, co2_verdict);
    if (r.break_even_years_euro.known())
        paragraph(f, f.text("guide.rr.break_even_euro", {{"years", estimate_text(f, r.break_even_years_euro)}}));
    if (r.break_even_years_co2e.known())
        paragraph(f, f.text("guide.rr.break_even_co2", {{"years", estimate_text(f, r.break_even_years_co2e)}}));
    for (std::size_t i = 0; i < r.notes.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        muted(f, "- " + f.text(std::string("guide.rr.note.") + repair_or_replace_note_name(r.notes[i].code)));
        source_links(f, "##note-sources", r.notes[i].sources);
        ImGui::PopID();
    }

    heading(f, f.text("guide.rr.assumptions_title"), 3);
    muted(f, f.text("guide.rr.assumptions_intro"));
    for (std::size_t i = 0; i < kAssumptionCount; ++i) {
        auto id = static_cast<AssumptionId>(i);
        const Assumption& a = r.assumptions[id];
        std::string name = f.text(std::string("guide.rr.assume.") + assumption_name(id));
        ImGui::PushID(static_cast<int>(i));
        paragraph(f, f.text("guide.rr.assumption_line",
                            {{"name", name},
                             {"value", estimate_text(f, a.value)},
                             {"origin", f.text(std::string("guide.rr.origin.") + assumption_origin_name(a.origin))}}));
        source_links(f, "##assumption-sources", a.sources);
        std::string& text = f.ui.fields[std::string("guide.rr.") + assumption_name(id)];
        text_field(f, "##guide-rr-edit", f.text("guide.rr.your_value", {{"name", name}}), text,
                   f.text("guide.rr.your_value_placeholder"));
        if (unreadable[i]) muted(f, f.text("guide.rr.unreadable"));
        gap(0.3f);
        ImGui::PopID();
    }
}

}  // namespace

void draw_device_repair(UiFrame& f) {
    const Device* device = guide_device_or_not_found(f);
    if (!device) return;
    const std::string& language = f.t.language();
    device_header(f, *device);

    // What is wrong: the faults the repair data knows for this kind of device. The choice lives
    // in the URL (?fault=), so a reload, the back button and a shared link keep it.
    auto in_url = f.state.route.query.find("fault");
    std::string fault = in_url == f.state.route.query.end() ? std::string() : in_url->second;
    std::vector<const FaultOdds*> faults = faults_for_category(f.content.repair_odds, device->ords_category);
    if (!faults.empty()) {
        // The repair data's own "Other" is the same answer as ours, "something else, or I do not
        // know": one choice, which uses that data when there is some.
        const FaultOdds* other = nullptr;
        std::erase_if(faults, [&](const FaultOdds* odds) {
            if (odds->fault != "Other") return false;
            other = odds;
            return true;
        });
        const std::string other_fault = other ? other->fault : "-";
        std::vector<std::string> labels;
        int selected = -1;
        for (std::size_t i = 0; i < faults.size(); ++i) {
            labels.push_back(faults[i]->name.in(language));
            if (fault == faults[i]->fault) selected = static_cast<int>(i);
        }
        labels.push_back(f.text("guide.repair.fault_other"));
        if (fault == "-" || fault == other_fault) selected = static_cast<int>(faults.size());
        int chosen = choice_list(f, "##guide-fault", f.text("guide.repair.fault_label"), labels, selected);
        if (chosen >= 0) {
            fault = static_cast<std::size_t>(chosen) < faults.size() ? faults[chosen]->fault : other_fault;
            Route kept = f.state.route;
            kept.query["fault"] = fault;
            f.actions.replace_route = kept;
            ask_to_reveal(f, "guide.fault");
        }
    } else {
        muted(f, f.text("guide.repair.no_faults"));
    }

    gap(0.5f);
    std::optional<GeoPoint> location;
    std::string municipality = municipality_picker(f, location);

    PlanSituation s;
    s.state = DeviceState::broken;
    s.keep = true;
    s.fault = fault == "-" ? std::string() : fault;
    if (f.state.now) s.today = LocalDate{f.state.now->year, f.state.now->month, f.state.now->day};
    s.now = f.state.now;
    s.municipality = municipality;
    s.location = location;
    DevicePlan plan = plan_for_device(f.content, device->id, s);

    gap(0.5f);
    reveal_here(f, "guide.fault");
    heading(f, f.text("guide.repair.plan_title"), 2);
    odds_section(f, *device, plan, s.fault);

    std::vector<const PlanOption*> free_first, repair, back;
    for (const PlanOption& o : plan.options) {
        if (o.group == OptionGroup::free_first) free_first.push_back(&o);
        else if (o.group == OptionGroup::repair) repair.push_back(&o);
        else back.push_back(&o);
    }
    if (!free_first.empty()) {
        heading(f, f.text("guide.repair.free_first_title"), 3);
        for (const PlanOption* o : free_first) {
            ImGui::PushID(option_kind_name(o->kind));
            paragraph(f, f.text(std::string("guide.option.") + option_kind_name(o->kind)));
            option_reasons(f, o->reasons);
            ImGui::PopID();
        }
    }
    if (!repair.empty()) {
        heading(f, f.text("guide.repair.options_title"), 3);
        const bool has_place = !municipality.empty() || location.has_value();
        option_cards(f, "##guide-repair-options", repair.size(), 230.0f,
                     [&](std::size_t i) { option_card(f, *device, *repair[i], has_place); });
    }
    if (!plan.safety.empty()) {
        heading(f, f.text("guide.safety.title"), 3);
        for (std::size_t i = 0; i < plan.safety.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            paragraph(f, "- " + f.text(std::string("guide.safety.") + safety_flag_name(plan.safety[i].flag)));
            source_links(f, "##safety-sources", plan.safety[i].sources);
            ImGui::PopID();
        }
    }
    if (!back.empty()) {
        Route to_return;
        to_return.screen = Screen::device_return;
        to_return.device_id = device->id;
        paragraph(f, f.text("guide.repair.if_it_fails"));
        route_link(f, "##guide-repair-to-return", f.text("title.device_return"), with_language(f, to_return));
    }

    gap();
    guarantee_section(f, *device);
    gap();
    repair_or_new_section(f, *device);
}

}  // namespace stadsmijn::ui
