// #/actors: the matchmaking directory, filterable by material, link of the chain and
// municipality; the choices live in the URL's query so a filtered list can be shared.
#include <imgui.h>

#include <algorithm>
#include <set>

#include "core/routes.h"
#include "ui/guide_parts.h"
#include "ui/screens/chain_screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

std::string query_value(const UiFrame& f, const char* key) {
    auto it = f.state.route.query.find(key);
    return it == f.state.route.query.end() ? std::string() : it->second;
}

// A row of choices "all" + values; a new choice replaces the route's query value.
void filter_row(UiFrame& f, const char* id, const char* key, const std::string& label,
                const std::vector<std::string>& values, const std::vector<std::string>& names) {
    std::vector<std::string> labels = {f.text("actors.all")};
    labels.insert(labels.end(), names.begin(), names.end());
    std::string current = query_value(f, key);
    int selected = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == current) selected = static_cast<int>(i) + 1;
    int chosen = radio_row(f, id, label, labels, labels, selected);
    if (chosen >= 0 && chosen != selected) {
        Route route = f.state.route;
        if (chosen == 0)
            route.query.erase(key);
        else
            route.query[key] = values[chosen - 1];
        f.actions.replace_route = route;
    }
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

void draw_actors(UiFrame& f) {
    const std::string lang = f.t.language();
    heading(f, f.text("actors.title"), 1);
    paragraph(f, f.text("actors.intro"));

    // Only choices that find someone: materials and municipalities the directory names.
    std::set<std::string> material_set, municipality_set;
    for (const Actor& a : f.content.actors) {
        material_set.insert(a.materials.begin(), a.materials.end());
        municipality_set.insert(a.municipalities.begin(), a.municipalities.end());
    }
    std::vector<std::string> materials(material_set.begin(), material_set.end()), material_names;
    for (const auto& m : materials) material_names.push_back(material_name_text(f, m));
    std::vector<std::string> links, link_names;
    for (ChainLink link : kChainLinks) {
        ActorFilter only_link;
        only_link.link = link;
        if (!find_actors(f.content.actors, only_link).empty()) {
            links.push_back(chain_link_name(link));
            link_names.push_back(chain_link_text(f, link));
        }
    }
    std::vector<std::string> places(municipality_set.begin(), municipality_set.end()), place_names;
    for (const auto& id : places) {
        const Municipality* m = f.content.find_municipality(id);
        place_names.push_back(m ? m->name : id);
    }
    filter_row(f, "##filter-material", "material", f.text("actors.filter.material"), materials, material_names);
    filter_row(f, "##filter-link", "link", f.text("actors.filter.link"), links, link_names);
    filter_row(f, "##filter-municipality", "municipality", f.text("actors.filter.municipality"), places, place_names);

    ActorFilter filter;
    filter.material = query_value(f, "material");
    filter.link = chain_link_from_name(query_value(f, "link"));
    filter.municipality = query_value(f, "municipality");
    auto found = find_actors(f.content.actors, filter);
    heading(f, f.t.plural("actors.found", static_cast<long long>(found.size())), 2);
    if (found.empty()) paragraph(f, f.text("actors.none"));
    for (const Actor* a : found) {
        ImGui::PushID(a->id.c_str());
        heading(f, a->name, 3);
        paragraph(f, a->what.in(lang));
        std::vector<std::string> words;
        for (ChainLink link : a->links) words.push_back(chain_link_text(f, link));
        muted(f, f.text("actors.links_line", {{"links", joined(words)}}));
        words.clear();
        for (const auto& m : a->materials) words.push_back(material_name_text(f, m));
        muted(f, words.empty() ? f.text("actors.materials_none") : f.text("actors.materials_line", {{"materials", joined(words)}}));
        words.clear();
        for (const auto& id : a->municipalities) {
            const Municipality* m = f.content.find_municipality(id);
            words.push_back(m ? m->name : id);
        }
        muted(f, words.empty() ? f.text("actors.place_unknown") : f.text("actors.place_line", {{"places", joined(words)}}));
        if (!a->note.empty()) muted(f, a->note.in(lang));
        if (!a->website.empty()) web_link(f, "##website", f.text("actors.website", {{"name", a->name}}), a->website);
        source_links(f, "##sources", a->sources);
        muted(f, f.text("chain.checked", {{"date", date_text(f, a->checked)}}));
        ImGui::PopID();
        ImGui::Spacing();
    }
}

}  // namespace stadsmijn::ui
