// #/chain/<material>: what happens to one critical material after a device is handed in, step by
// step with where each step happens, a chart of the chain with its text and table equivalent,
// the recovery rate from materials.json, cited figures and who in the region works with it.
// Also the "what happens next" section of the return screen.
#include <imgui.h>

#include <algorithm>
#include <set>

#include "core/routes.h"
#include "ui/guide_parts.h"
#include "ui/screens/chain_screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

std::string chain_where_text(const UiFrame& f, ChainWhere where) {
    return f.text(std::string("chain.where.") + chain_where_name(where));
}

std::string chain_link_text(const UiFrame& f, ChainLink link) {
    return f.text(std::string("chain.link.") + chain_link_name(link));
}

std::string material_name_text(const UiFrame& f, std::string_view material) {
    const Material* m = f.content.find_material(material);
    return m ? m->name.in(f.t.language()) : std::string(material);
}

std::string chain_fragment(const UiFrame& f, std::string_view material) {
    std::string fragment = "#/chain/" + std::string(material);
    if (!f.t.language().empty() && f.t.language() != "nl") fragment += "?lang=" + f.t.language();
    return fragment;
}

namespace {

ImU32 ink(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

ImU32 where_colour(const UiFrame& f, ChainWhere where) {
    // Colour is never the only cue: every box also carries the words of its place.
    switch (where) {
        case ChainWhere::region: return ink(f.palette.accent);
        case ChainWhere::netherlands: return ink(f.palette.text);
        case ChainWhere::europe: return ink(f.palette.muted_text);
        case ChainWhere::unknown: return ink(f.palette.border);
    }
    return ink(f.palette.border);
}

// The chain as boxes from top to bottom (a phone column is narrow), each with its title and place.
void chain_chart(UiFrame& f, const std::string& material_name, const std::vector<const ChainStep*>& steps) {
    const std::string lang = f.t.language();
    std::string equivalent =
        f.t.plural("chain.chart_intro", static_cast<long long>(steps.size()), {{"material", material_name}});
    for (std::size_t i = 0; i < steps.size(); ++i)
        equivalent += " " + f.text("chain.chart_step", {{"number", std::to_string(i + 1)},
                                                         {"title", steps[i]->title.in(lang)},
                                                         {"link", chain_link_text(f, steps[i]->link)},
                                                         {"where", chain_where_text(f, steps[i]->where)}});
    float line = ImGui::GetTextLineHeightWithSpacing();
    float width = std::min(f.available_width(), line * 24.0f);
    float box = line * 2.4f, gap = line * 0.8f;
    float height = steps.empty() ? line : steps.size() * box + (steps.size() - 1) * gap;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    image_box(f, "##chain-chart", width, height, equivalent);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        float top = origin.y + i * (box + gap);
        ImU32 colour = where_colour(f, steps[i]->where);
        draw->AddRect(ImVec2(origin.x, top), ImVec2(origin.x + width, top + box), colour, 4.0f, 0, 2.0f);
        draw->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + line * 0.4f, top + box), colour, 4.0f);
        float x = origin.x + line * 0.8f;
        draw->PushClipRect(ImVec2(origin.x, top), ImVec2(origin.x + width, top + box), true);
        draw->AddText(ImVec2(x, top + line * 0.2f), ink(f.palette.text),
                      (std::to_string(i + 1) + ". " + steps[i]->title.in(lang)).c_str());
        draw->AddText(ImVec2(x, top + line * 1.2f), ink(f.palette.muted_text),
                      (chain_link_text(f, steps[i]->link) + " · " + chain_where_text(f, steps[i]->where)).c_str());
        draw->PopClipRect();
        if (i + 1 < steps.size()) {
            float cx = origin.x + width * 0.5f, y0 = top + box, y1 = top + box + gap;
            draw->AddLine(ImVec2(cx, y0), ImVec2(cx, y1 - 4), ink(f.palette.muted_text), 2.0f);
            draw->AddTriangleFilled(ImVec2(cx - 5, y1 - 8), ImVec2(cx + 5, y1 - 8), ImVec2(cx, y1),
                                    ink(f.palette.muted_text));
        }
    }
}

std::string actor_names(const UiFrame& f, const std::vector<std::string>& ids) {
    std::string names;
    for (const auto& id : ids) {
        const Actor* a = find_actor(f.content.actors, id);
        if (!names.empty()) names += ", ";
        names += a ? a->name : id;
    }
    return names;
}

void step_details(UiFrame& f, const std::vector<const ChainStep*>& steps) {
    const std::string lang = f.t.language();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const ChainStep& step = *steps[i];
        ImGui::PushID(step.id.c_str());
        heading(f, std::to_string(i + 1) + ". " + step.title.in(lang), 3);
        muted(f, chain_link_text(f, step.link) + " · " + chain_where_text(f, step.where));
        paragraph(f, step.text.in(lang));
        if (!step.note.empty()) muted(f, step.note.in(lang));
        source_links(f, "##step-sources", step.sources);
        muted(f, f.text("chain.checked", {{"date", date_text(f, step.checked)}}));
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void figure_lines(UiFrame& f, const std::vector<const ChainFigure*>& figures) {
    const std::string lang = f.t.language();
    for (const ChainFigure* figure : figures) {
        ImGui::PushID(figure->id.c_str());
        paragraph(f, f.text("chain.figure_line", {{"value", number_text(f, figure->value)},
                                                  {"unit", figure->unit},
                                                  {"text", figure->text.in(lang)},
                                                  {"scope", f.text(std::string("chain.scope.") +
                                                                   (figure->scope == FigureScope::region        ? "region"
                                                                    : figure->scope == FigureScope::netherlands ? "netherlands"
                                                                                                                : "world"))},
                                                  {"year", figure->year ? std::to_string(figure->year)
                                                                        : f.text("chain.year_unknown")}}));
        if (!figure->note.empty()) muted(f, figure->note.in(lang));
        source_links(f, "##figure-sources", figure->sources);
        ImGui::PopID();
    }
}

}  // namespace

void draw_chain(UiFrame& f) { draw_chain(f, f.state.route.material_id); }

void draw_chain(UiFrame& f, std::string_view material) {
    const std::string lang = f.t.language();
    const Material* m = f.content.find_material(material);
    if (!m) {
        heading(f, f.text("chain.unknown_material.title"), 1);
        paragraph(f, f.text("chain.unknown_material.text", {{"id", std::string(material)}}));
        route_link(f, "##to-region", f.text("region.title"), with_language(f, parse_route("#/region")));
        return;
    }
    std::string name = m->name.in(lang);
    heading(f, f.text("chain.title", {{"material", name}}), 1);
    paragraph(f, f.text("chain.intro"));

    const MaterialChain* entry = find_material_chain(f.content.chain, material);
    if (!entry) {
        paragraph(f, f.text("chain.no_chain", {{"material", name}}));
        return;
    }
    auto steps = chain_steps_of(f.content.chain, material);

    heading(f, f.text("chain.recovered.title"), 2);
    paragraph(f, f.text("chain.recovered.where", {{"material", name}, {"where", chain_where_text(f, entry->recovered_where)}}));
    if (!entry->note.empty()) paragraph(f, entry->note.in(lang));
    source_links(f, "##recovered-sources", entry->sources);
    if (!m->recycling.empty()) {
        paragraph(f, m->recycling.in(lang));
        source_links(f, "##recycling-sources", m->recycling_sources);
    } else {
        paragraph(f, f.text("chain.no_rate", {{"material", name}}));
    }

    heading(f, f.text("chain.steps.title"), 2);
    chain_chart(f, name, steps);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < steps.size(); ++i)
        rows.push_back({std::to_string(i + 1) + ". " + steps[i]->title.in(lang), chain_link_text(f, steps[i]->link),
                        chain_where_text(f, steps[i]->where), actor_names(f, steps[i]->actors),
                        source_names(f, steps[i]->sources)});
    data_table(f, "##chain-table", f.text("chain.table.caption", {{"material", name}}),
               {f.text("chain.col.step"), f.text("chain.col.link"), f.text("chain.col.where"), f.text("chain.col.who"),
                f.text("chain.col.sources")},
               rows);
    step_details(f, steps);

    auto figures = chain_figures_for(f.content.chain, material);
    if (!figures.empty()) {
        heading(f, f.text("chain.figures.title"), 2);
        figure_lines(f, figures);
    }

    heading(f, f.text("chain.actors.title", {{"material", name}}), 2);
    auto actors = chain_actors_of(f.content.chain, f.content.actors, material);
    if (actors.empty()) paragraph(f, f.text("chain.actors.none", {{"material", name}}));
    for (const Actor* a : actors) {
        ImGui::PushID(a->id.c_str());
        heading(f, a->name, 3);
        paragraph(f, a->what.in(lang));
        ImGui::PopID();
    }
    Route directory = parse_route("#/actors");
    directory.query["material"] = std::string(material);
    route_link(f, "##to-directory", f.text("chain.actors.all"), with_language(f, directory));
    route_link(f, "##to-region", f.text("region.title"), with_language(f, parse_route("#/region")));
}

void draw_what_happens_next(UiFrame& f, std::string_view device_id) {
    const std::string lang = f.t.language();
    heading(f, f.text("chain.next.title"), 2);
    paragraph(f, f.text("chain.next.intro"));
    std::set<std::string> seen;
    for (const Composition* composition : f.content.compositions_of(device_id)) {
        if (!seen.insert(composition->material).second) continue;
        const MaterialChain* entry = find_material_chain(f.content.chain, composition->material);
        if (!entry) continue;
        ImGui::PushID(composition->material.c_str());
        route_link(f, "##chain",
                   f.text("chain.next.material", {{"material", material_name_text(f, composition->material)},
                                                  {"where", chain_where_text(f, entry->recovered_where)}}),
                   parse_route(chain_fragment(f, composition->material)));
        ImGui::PopID();
    }
    auto general = chain_figures_for(f.content.chain, "", true);
    if (!general.empty()) figure_lines(f, {general.front()});
}

}  // namespace stadsmijn::ui
