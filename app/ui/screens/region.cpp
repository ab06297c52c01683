// #/region: the region's link in the chain. Per critical material in our devices: where it is
// recovered and who in Noord-Holland and Flevoland works with it; a bar chart of the directory
// per link of the chain, with its text and table equivalent; the cited figures.
#include <imgui.h>

#include <algorithm>

#include "core/routes.h"
#include "ui/guide_parts.h"
#include "ui/screens/chain_screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

void draw_region(UiFrame& f) {
    const std::string lang = f.t.language();
    heading(f, f.text("region.title"), 1);
    paragraph(f, f.text("region.intro"));

    heading(f, f.text("region.materials.title"), 2);
    std::vector<std::vector<std::string>> rows;
    for (const MaterialChain& entry : f.content.chain.materials) {
        auto steps = chain_steps_of(f.content.chain, entry.material);
        long long in_region = std::count_if(steps.begin(), steps.end(),
                                            [](const ChainStep* s) { return s->where == ChainWhere::region; });
        auto actors = chain_actors_of(f.content.chain, f.content.actors, entry.material);
        std::string name = material_name_text(f, entry.material);
        rows.push_back({name, chain_where_text(f, entry.recovered_where),
                        std::to_string(in_region) + " / " + std::to_string(steps.size()),
                        std::to_string(actors.size())});
    }
    data_table(f, "##region-materials", f.text("region.materials.caption"),
               {f.text("region.col.material"), f.text("region.col.recovered"), f.text("region.col.steps_in_region"),
                f.text("region.col.actors")},
               rows);
    for (const MaterialChain& entry : f.content.chain.materials) {
        ImGui::PushID(entry.material.c_str());
        route_link(f, "##chain", f.text("region.open", {{"material", material_name_text(f, entry.material)}}),
                   parse_route(chain_fragment(f, entry.material)));
        ImGui::PopID();
    }

    // How many organisations of the directory stand at each link: bars with their words and a table.
    heading(f, f.text("region.links.title"), 2);
    std::vector<std::pair<ChainLink, std::size_t>> counts;
    std::size_t most = 1;
    for (ChainLink link : kChainLinks) {
        ActorFilter only_link;
        only_link.link = link;
        std::size_t n = find_actors(f.content.actors, only_link).size();
        counts.push_back({link, n});
        most = std::max(most, n);
    }
    std::string equivalent = f.text("region.chart_intro");
    for (const auto& [link, n] : counts)
        equivalent += " " + f.text("region.chart_bar", {{"link", chain_link_text(f, link)}, {"count", std::to_string(n)}});
    float line = ImGui::GetTextLineHeightWithSpacing();
    float width = std::min(f.available_width(), line * 24.0f);
    float height = counts.size() * line * 1.2f;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    image_box(f, "##region-links-chart", width, height, equivalent);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto ink = [](Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); };
    float label_width = width * 0.45f;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        float top = origin.y + i * line * 1.2f;
        std::string label = chain_link_text(f, counts[i].first);
        draw->PushClipRect(ImVec2(origin.x, top), ImVec2(origin.x + label_width, top + line), true);
        draw->AddText(ImVec2(origin.x, top), ink(f.palette.text), label.c_str());
        draw->PopClipRect();
        float bar = (width - label_width - line * 2) * counts[i].second / most;
        draw->AddRectFilled(ImVec2(origin.x + label_width, top + 2), ImVec2(origin.x + label_width + bar, top + line - 2),
                            ink(f.palette.accent));
        draw->AddText(ImVec2(origin.x + label_width + bar + 4, top), ink(f.palette.text),
                      std::to_string(counts[i].second).c_str());
    }
    std::vector<std::vector<std::string>> link_rows;
    for (const auto& [link, n] : counts) link_rows.push_back({chain_link_text(f, link), std::to_string(n)});
    data_table(f, "##region-links", f.text("region.links.caption"), {f.text("region.col.link"), f.text("region.col.actors")},
               link_rows);
    route_link(f, "##to-directory", f.text("actors.title"), with_language(f, parse_route("#/actors")));

    heading(f, f.text("chain.figures.title"), 2);
    for (const ChainFigure* figure : chain_figures_for(f.content.chain, "", true)) {
        ImGui::PushID(figure->id.c_str());
        paragraph(f, number_text(f, figure->value) + " " + figure->unit + " " + figure->text.in(lang) + " (" +
                         (figure->year ? std::to_string(figure->year) : f.text("chain.year_unknown")) + ")");
        source_links(f, "##sources", figure->sources);
        ImGui::PopID();
    }
    muted(f, f.text("region.unknowns"));
}

}  // namespace stadsmijn::ui
