// #/device/{id} : what is inside a device: grams of each material as a chart and as a table,
// which are critical or strategic for the EU, where they come from and what recycling recovers;
// every figure with its source. Then the ways on: repair, reuse, return, my drawer.
#include <imgui.h>

#include "ui/guide_parts.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

Route to(const UiFrame& f, Screen screen, const std::string& device_id) {
    Route route;
    route.screen = screen;
    route.device_id = device_id;
    return with_language(f, route);
}

void supply_lines(UiFrame& f, const Material& material) {
    const std::string& language = f.t.language();
    if (material.supply.empty()) {
        paragraph(f, f.text("guide.inside.supply_unknown"));
        return;
    }
    for (std::size_t i = 0; i < material.supply.size(); ++i) {
        const SupplyShare& share = material.supply[i];
        ImGui::PushID(static_cast<int>(i));
        paragraph(f, f.text("guide.inside.supply_line",
                            {{"country", share.country.in(language)},
                             {"percent", range_text(f, share.percent.min, share.percent.max)},
                             {"stage", f.text(std::string("guide.stage.") + supply_stage_name(share.stage))},
                             {"year", std::to_string(share.year)}}));
        source_links(f, "##supply-sources", share.percent.sources);
        ImGui::PopID();
    }
}

void material_details(UiFrame& f, const GramsRow& row) {
    const std::string& language = f.t.language();
    ImGui::PushID(row.material_id.c_str());
    std::string marks = material_marks(f, row.material);
    heading(f, marks.empty() ? row.name : row.name + " (" + marks + ")", 3);
    if (row.unknown) {
        paragraph(f, f.text("guide.inside.amount_unknown"));
    } else {
        paragraph(f, f.text("guide.inside.amount", {{"amount", range_text(f, row.low, row.high)}}));
    }
    if (!row.note.empty()) muted(f, row.note);
    source_links(f, "##amount-sources", row.sources);
    if (row.material) {
        const Material& m = *row.material;
        if (!m.list_sources.empty()) {
            muted(f, f.text(m.strategic ? "guide.inside.list_strategic"
                                        : (m.critical ? "guide.inside.list_critical" : "guide.inside.list_none")));
            source_links(f, "##list-sources", m.list_sources);
        }
        if (!m.role.empty()) {
            paragraph(f, f.text("guide.inside.role", {{"text", m.role.in(language)}}));
            source_links(f, "##role-sources", m.role_sources);
        }
        supply_lines(f, m);
        if (m.recycling.empty()) {
            paragraph(f, f.text("guide.inside.recycling_unknown"));
        } else {
            paragraph(f, f.text("guide.inside.recycling", {{"text", m.recycling.in(language)}}));
            source_links(f, "##recycling-sources", m.recycling_sources);
        }
    }
    gap(0.5f);
    ImGui::PopID();
}

}  // namespace

void draw_device_inside(UiFrame& f) {
    const Device* device = guide_device_or_not_found(f);
    if (!device) return;
    const std::string& language = f.t.language();
    device_header(f, *device);

    std::vector<GramsRow> rows = grams_rows(f, *device);
    if (rows.empty()) {
        paragraph(f, f.text("guide.inside.nothing_known"));
    } else {
        paragraph(f, f.text("guide.inside.intro", {{"device", device->name.in(language)}}));
        muted(f, f.text("guide.inside.legend"));
        grams_chart(f, "##guide-grams-chart", rows);
        gap(0.5f);
        std::vector<std::vector<std::string>> cells;
        for (const GramsRow& row : rows) {
            std::string marks = material_marks(f, row.material);
            cells.push_back({row.name, marks,
                             row.unknown ? f.text("guide.unknown") : f.text("guide.grams_short", {{"amount", range_text(f, row.low, row.high)}}),
                             row.sources.empty() ? f.text("guide.inside.no_source") : source_names(f, row.sources)});
        }
        data_table(f, "##guide-grams-table", f.text("guide.inside.table_caption", {{"device", device->name.in(language)}}),
                   {f.text("guide.inside.col_material"), f.text("guide.inside.col_list"), f.text("guide.inside.col_grams"),
                    f.text("guide.inside.col_sources")},
                   cells);
    }
    if (!device->note.empty()) muted(f, device->note.in(language));

    gap();
    heading(f, f.text("guide.inside.next_title"), 2);
    entry_card(f, "##guide-to-repair", f.text("title.device_repair"), f.text("guide.inside.to_repair"),
               to(f, Screen::device_repair, device->id));
    entry_card(f, "##guide-to-reuse", f.text("title.device_reuse"), f.text("guide.inside.to_reuse"),
               to(f, Screen::device_reuse, device->id));
    entry_card(f, "##guide-to-return", f.text("title.device_return"), f.text("guide.inside.to_return"),
               to(f, Screen::device_return, device->id));
    Route drawer;
    drawer.screen = Screen::drawer;
    drawer.query["add"] = device->id;
    route_link(f, "##guide-add-to-drawer", f.text("guide.inside.add_to_drawer"), with_language(f, drawer));

    if (!rows.empty()) {
        gap();
        heading(f, f.text("guide.inside.details_title"), 2);
        for (const GramsRow& row : rows) material_details(f, row);
    }
}

}  // namespace stadsmijn::ui
