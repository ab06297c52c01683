#include "core/content/chain.h"

#include <algorithm>
#include <set>

#include "core/content/compositions.h"
#include "core/content/places.h"

namespace stadsmijn {

namespace {

const std::string kChainFile = "content/chain.json";
const std::string kActorsFile = "content/actors.json";

std::optional<FigureScope> scope_from_name(std::string_view name) {
    if (name == "region") return FigureScope::region;
    if (name == "netherlands") return FigureScope::netherlands;
    if (name == "world") return FigureScope::world;
    return std::nullopt;
}

LocalDate read_date(const JsonReader& item, const char* key) {
    std::string text = item.string(key);
    if (auto date = parse_date(text)) return *date;
    if (!text.empty()) item.problem_at(key, "must be a date as YYYY-MM-DD, found '" + text + "'");
    return {};
}

ChainWhere read_where(const JsonReader& item, const char* key) {
    std::string name = item.string(key);
    if (auto where = chain_where_from_name(name)) return *where;
    if (!name.empty()) item.problem_at(key, "must be region, netherlands, europe or unknown, found '" + name + "'");
    return ChainWhere::unknown;
}

template <typename T, typename Id>
bool has_id(const std::vector<T>& items, const std::string& id, Id get) {
    return std::any_of(items.begin(), items.end(), [&](const T& item) { return get(item) == id; });
}

}  // namespace

const char* chain_where_name(ChainWhere where) {
    switch (where) {
        case ChainWhere::region: return "region";
        case ChainWhere::netherlands: return "netherlands";
        case ChainWhere::europe: return "europe";
        case ChainWhere::unknown: return "unknown";
    }
    return "unknown";
}

std::optional<ChainWhere> chain_where_from_name(std::string_view name) {
    for (ChainWhere where : {ChainWhere::region, ChainWhere::netherlands, ChainWhere::europe, ChainWhere::unknown})
        if (name == chain_where_name(where)) return where;
    return std::nullopt;
}

const ChainStep* find_chain_step(const Chain& chain, std::string_view id) {
    for (const auto& step : chain.steps)
        if (step.id == id) return &step;
    return nullptr;
}

const MaterialChain* find_material_chain(const Chain& chain, std::string_view material) {
    for (const auto& entry : chain.materials)
        if (entry.material == material) return &entry;
    return nullptr;
}

std::vector<const ChainStep*> chain_steps_of(const Chain& chain, std::string_view material) {
    std::vector<const ChainStep*> steps;
    if (const MaterialChain* entry = find_material_chain(chain, material))
        for (const auto& id : entry->steps)
            if (const ChainStep* step = find_chain_step(chain, id)) steps.push_back(step);
    return steps;
}

std::vector<const ChainFigure*> chain_figures_for(const Chain& chain, std::string_view material, bool general) {
    std::vector<const ChainFigure*> found;
    for (const auto& figure : chain.figures)
        if (!material.empty() && figure.material == material) found.push_back(&figure);
    if (general)
        for (const auto& figure : chain.figures)
            if (figure.material.empty()) found.push_back(&figure);
    return found;
}

std::vector<const Actor*> chain_actors_of(const Chain& chain, const std::vector<Actor>& actors, std::string_view material) {
    std::vector<const Actor*> found;
    auto add = [&](const Actor* actor) {
        if (actor && std::find(found.begin(), found.end(), actor) == found.end()) found.push_back(actor);
    };
    for (const ChainStep* step : chain_steps_of(chain, material))
        for (const auto& id : step->actors) add(find_actor(actors, id));
    for (const auto& actor : actors)
        if (actor.handles(material)) add(&actor);
    return found;
}

Chain read_chain(const JsonReader& root) {
    Chain chain;
    if (!root.expect_object()) return chain;
    root.reject_unknown_keys({"note", "steps", "materials", "figures"});

    std::set<std::string> step_ids;
    root.each("steps", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "link", "where", "title", "text", "actors", "sources", "checked", "note"});
        ChainStep step;
        step.id = item.string("id");
        if (!step.id.empty() && !step_ids.insert(step.id).second)
            item.problem_at("id", "'" + step.id + "' is used twice; every step needs its own id");
        std::string link = item.string("link");
        if (auto known = chain_link_from_name(link))
            step.link = *known;
        else if (!link.empty())
            item.problem_at("link", "'" + link + "' is not a link in the chain");
        step.where = read_where(item, "where");
        step.title = read_local_text(item, "title");
        step.text = read_local_text(item, "text");
        if (item.has("actors")) step.actors = item.strings("actors");
        step.sources = read_source_ids(item);
        step.checked = read_date(item, "checked");
        step.note = read_local_text(item, "note", false);
        chain.steps.push_back(std::move(step));
    });

    std::set<std::string> materials_seen;
    root.each("materials", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"material", "steps", "recovered_where", "sources", "checked", "note"});
        MaterialChain entry;
        entry.material = item.string("material");
        if (!entry.material.empty() && !materials_seen.insert(entry.material).second)
            item.problem_at("material", "'" + entry.material + "' has two chains; give each material one");
        entry.steps = item.strings("steps");
        for (const auto& id : entry.steps)
            if (!step_ids.count(id)) item.problem_at("steps", "'" + id + "' is not a step in this file");
        entry.recovered_where = read_where(item, "recovered_where");
        // A place of recovery is a claim: it needs a source; "unknown" needs none.
        entry.sources = read_source_ids(item, "sources", entry.recovered_where != ChainWhere::unknown);
        if (item.has("checked")) entry.checked = read_date(item, "checked");
        if (!entry.sources.empty() && !entry.checked)
            item.problem_at("checked", "is required with sources: the day they were compared");
        entry.note = read_local_text(item, "note", false);
        chain.materials.push_back(std::move(entry));
    });

    std::set<std::string> figure_ids;
    if (root.has("figures"))
        root.each("figures", [&](JsonReader item) {
            if (!item.expect_object()) return;
            item.reject_unknown_keys(
                {"id", "material", "value", "unit", "year", "scope", "text", "sources", "checked", "note"});
            ChainFigure figure;
            figure.id = item.string("id");
            if (!figure.id.empty() && !figure_ids.insert(figure.id).second)
                item.problem_at("id", "'" + figure.id + "' is used twice");
            figure.material = item.optional_string("material").value_or("");
            figure.value = item.number("value", {.min = 0});
            figure.unit = item.string("unit");
            if (item.has("year")) figure.year = item.integer("year", {.min = 1990, .max = 2100});  // absent: the source gives none
            std::string scope = item.string("scope");
            if (auto known = scope_from_name(scope))
                figure.scope = *known;
            else if (!scope.empty())
                item.problem_at("scope", "must be region, netherlands or world, found '" + scope + "'");
            figure.text = read_local_text(item, "text");
            figure.sources = read_source_ids(item);
            figure.checked = read_date(item, "checked");
            figure.note = read_local_text(item, "note", false);
            chain.figures.push_back(std::move(figure));
        });
    return chain;
}

void check_chain_references(const Chain& chain, const std::vector<Actor>& actors, const std::vector<Source>& sources,
                            const std::vector<Material>& materials, const std::vector<Municipality>& municipalities,
                            const std::vector<Composition>& compositions, Problems& problems) {
    auto at = [](const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; };
    auto source_ok = [&](const std::string& id) { return sources.empty() || has_id(sources, id, [](const Source& s) { return s.id; }); };
    auto material_ok = [&](const std::string& id) {
        return materials.empty() || has_id(materials, id, [](const Material& m) { return m.id; });
    };
    auto cited = [&](const std::string& file, const std::string& path, const std::vector<std::string>& ids) {
        for (const auto& id : ids)
            if (!source_ok(id))
                problems.push_back({file, path + ".sources", "cites '" + id + "', which is not in content/sources.json"});
    };

    for (std::size_t i = 0; i < chain.steps.size(); ++i) {
        const ChainStep& step = chain.steps[i];
        cited(kChainFile, at("steps", i), step.sources);
        for (const auto& id : step.actors)
            if (!actors.empty() && !find_actor(actors, id))
                problems.push_back({kChainFile, at("steps", i) + ".actors", "'" + id + "' is not an actor in content/actors.json"});
    }
    for (std::size_t i = 0; i < chain.materials.size(); ++i) {
        const MaterialChain& entry = chain.materials[i];
        cited(kChainFile, at("materials", i), entry.sources);
        if (!entry.material.empty() && !material_ok(entry.material))
            problems.push_back({kChainFile, at("materials", i) + ".material",
                                "'" + entry.material + "' is not a material in content/materials.json"});
    }
    for (std::size_t i = 0; i < chain.figures.size(); ++i) {
        const ChainFigure& figure = chain.figures[i];
        cited(kChainFile, at("figures", i), figure.sources);
        if (!figure.material.empty() && !material_ok(figure.material))
            problems.push_back({kChainFile, at("figures", i) + ".material",
                                "'" + figure.material + "' is not a material in content/materials.json"});
    }
    // "What happens next" must exist for every material a device is known or said to hold.
    std::set<std::string> reported;
    for (const auto& composition : compositions)
        if (!composition.material.empty() && !find_material_chain(chain, composition.material) &&
            reported.insert(composition.material).second)
            problems.push_back({kChainFile, "materials",
                                "has no chain for '" + composition.material +
                                    "', which content/compositions.json lists in a device; add one (recovered_where "
                                    "\"unknown\" when no source tells)"});

    for (std::size_t i = 0; i < actors.size(); ++i) {
        const Actor& actor = actors[i];
        cited(kActorsFile, at("actors", i), actor.sources);
        for (const auto& id : actor.materials)
            if (!material_ok(id))
                problems.push_back({kActorsFile, at("actors", i) + ".materials",
                                    "'" + id + "' is not a material in content/materials.json"});
        for (const auto& id : actor.municipalities)
            if (!municipalities.empty() &&
                !has_id(municipalities, id, [](const Municipality& m) { return m.id; }))
                problems.push_back({kActorsFile, at("actors", i) + ".municipalities",
                                    "'" + id + "' is not a municipality of Noord-Holland or Flevoland in content/municipalities.json"});
    }
}

}  // namespace stadsmijn
