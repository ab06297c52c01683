// #/device/{id}/return : where to hand it in near you (a municipality you choose, remembered, or the
// browser's location with permission; it never leaves the device), what each place accepts and
// when it is next open, battery safety, and what recycling recovers of its materials.
#include <imgui.h>

#include "core/advice/plan.h"
#include "ui/guide_parts.h"
#include "ui/screens/chain_screens.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

void waste_company(UiFrame& f, const std::string& municipality_id) {
    const Municipality* m = f.content.find_municipality(municipality_id);
    if (!m) return;
    const WasteCompany& w = m->waste_company;
    if (!w.known || w.name.empty()) {
        muted(f, f.text("guide.return.waste_company_unknown", {{"municipality", m->name}}));
        return;
    }
    paragraph(f, f.text("guide.return.waste_company", {{"municipality", m->name}, {"company", w.name}}));
    if (!w.note.empty()) muted(f, w.note.in(f.t.language()));
    if (!w.website.empty()) web_link(f, "##guide-waste-company", f.text("guide.return.waste_company_site", {{"company", w.name}}), w.website);
    source_links(f, "##guide-waste-company-sources", w.sources);
}

void recovery_section(UiFrame& f, const Device& device) {
    const std::string& language = f.t.language();
    heading(f, f.text("guide.return.recovery_title"), 2);
    std::vector<GramsRow> rows = grams_rows(f, device);
    if (rows.empty()) {
        paragraph(f, f.text("guide.inside.nothing_known"));
        return;
    }
    paragraph(f, f.text("guide.return.recovery_intro"));
    for (const GramsRow& row : rows) {
        ImGui::PushID(row.material_id.c_str());
        std::string marks = material_marks(f, row.material);
        heading(f, marks.empty() ? row.name : row.name + " (" + marks + ")", 3);
        if (row.material && !row.material->recycling.empty()) {
            paragraph(f, row.material->recycling.in(language));
            source_links(f, "##recycling-sources", row.material->recycling_sources);
        } else {
            paragraph(f, f.text("guide.inside.recycling_unknown"));
        }
        ImGui::PopID();
    }
}

}  // namespace

void draw_device_return(UiFrame& f) {
    const Device* device = guide_device_or_not_found(f);
    if (!device) return;
    const std::string& language = f.t.language();
    device_header(f, *device);
    paragraph(f, f.text("guide.return.intro"));

    std::optional<GeoPoint> location;
    std::string municipality = municipality_picker(f, location);
    if (!municipality.empty()) waste_company(f, municipality);

    PlanSituation s;
    s.state = DeviceState::unused;
    s.keep = false;
    s.municipality = municipality;
    s.location = location;
    s.now = f.state.now;
    if (f.state.now) s.today = LocalDate{f.state.now->year, f.state.now->month, f.state.now->day};
    DevicePlan plan = plan_for_device(f.content, device->id, s);

    std::vector<const PlanOption*> hand_in;
    bool reusable = false;
    for (const PlanOption& o : plan.options) {
        if (o.group == OptionGroup::return_it) hand_in.push_back(&o);
        if (o.group == OptionGroup::reuse) reusable = true;
    }
    gap(0.5f);
    heading(f, f.text("guide.return.where_title"), 2);
    places_overlay_notice(f);
    const bool has_place = !municipality.empty() || location.has_value();
    option_cards(f, "##guide-return-options", hand_in.size(), 260.0f, [&](std::size_t i) {
        const PlanOption& o = *hand_in[i];
        heading(f, f.text(std::string("guide.option.") + option_kind_name(o.kind)), 3);
        option_reasons(f, o.reasons);
        if (!o.places.empty()) {
            for (const PlanPlace& place : o.places) place_block(f, place);
        } else if (o.drop_off_info) {
            // No address known: what the municipality's arrangement is, and its own page.
            if (!o.drop_off_info->note.empty()) muted(f, o.drop_off_info->note.in(language));
            if (!o.drop_off_info->link.empty())
                web_link(f, "##drop-off-more", f.text("guide.return.drop_off_more"), o.drop_off_info->link);
            source_links(f, "##drop-off-sources", o.drop_off_info->sources);
        } else {
            // Drop-off points carry an address but rarely coordinates: a location alone finds few.
            const char* key = !has_place             ? "guide.return.choose_place_first"
                              : municipality.empty() ? "guide.return.no_places_near_location"
                                                     : "guide.return.no_places_here";
            muted(f, f.text(key));
        }
    });

    if (!plan.safety.empty()) {
        gap(0.5f);
        heading(f, f.text("guide.safety.title"), 2);
        for (std::size_t i = 0; i < plan.safety.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            paragraph(f, "- " + f.text(std::string("guide.safety.") + safety_flag_name(plan.safety[i].flag)));
            source_links(f, "##safety-sources", plan.safety[i].sources);
            ImGui::PopID();
        }
        for (const Guidance* g : f.content.guidance_for(GuidanceTopic::battery_safety)) {
            if (g->id != "battery-safety") continue;
            ImGui::PushID(g->id.c_str());
            heading(f, g->title.in(language), 3);
            for (std::size_t i = 0; i < g->points.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                paragraph(f, "- " + g->points[i].text.in(language));
                source_links(f, "##point-sources", g->points[i].sources);
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    // "Wipe your data first: see the list below" (a reason above) points here.
    if (!plan.wiping.empty() || !plan.activation_locks.empty()) wiping_checklist(f, *device, plan);
    if (!plan.remove.empty()) {
        heading(f, f.text("guide.reuse.remove_title"), 2);
        for (const RemoveStep& step : plan.remove) {
            ImGui::PushID(remove_item_name(step.item));
            paragraph(f, "- " + f.text(std::string("guide.remove.") + remove_item_name(step.item)));
            source_links(f, "##remove-sources", step.sources);
            ImGui::PopID();
        }
    }
    if (reusable) {
        Route to_reuse;
        to_reuse.screen = Screen::device_reuse;
        to_reuse.device_id = device->id;
        paragraph(f, f.text("guide.return.still_works"));
        route_link(f, "##guide-return-to-reuse", f.text("title.device_reuse"), with_language(f, to_reuse));
    }
    gap();
    recovery_section(f, *device);
    gap();
    draw_what_happens_next(f, device->id);
}

}  // namespace stadsmijn::ui
