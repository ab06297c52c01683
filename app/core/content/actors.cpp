#include "core/content/actors.h"

#include <algorithm>
#include <set>

#include "core/routes.h"

namespace stadsmijn {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

const char* chain_link_name(ChainLink link) {
    switch (link) {
        case ChainLink::mining: return "mining";
        case ChainLink::refining: return "refining";
        case ChainLink::manufacturing: return "manufacturing";
        case ChainLink::use: return "use";
        case ChainLink::repair: return "repair";
        case ChainLink::collection: return "collection";
        case ChainLink::sorting: return "sorting";
        case ChainLink::recycling: return "recycling";
        case ChainLink::disposal: return "disposal";
        case ChainLink::knowledge: return "knowledge";
    }
    return "use";
}

std::optional<ChainLink> chain_link_from_name(std::string_view name) {
    for (ChainLink link : kChainLinks)
        if (name == chain_link_name(link)) return link;
    return std::nullopt;
}

bool Actor::has_link(ChainLink link) const { return std::find(links.begin(), links.end(), link) != links.end(); }
bool Actor::handles(std::string_view material) const { return contains(materials, material); }
bool Actor::in_municipality(std::string_view municipality) const { return contains(municipalities, municipality); }

std::vector<const Actor*> find_actors(const std::vector<Actor>& actors, const ActorFilter& filter) {
    std::vector<const Actor*> found;
    for (const auto& actor : actors) {
        if (!filter.material.empty() && !actor.handles(filter.material)) continue;
        if (filter.link && !actor.has_link(*filter.link)) continue;
        if (!filter.municipality.empty() && !actor.in_municipality(filter.municipality)) continue;
        found.push_back(&actor);
    }
    return found;
}

const Actor* find_actor(const std::vector<Actor>& actors, std::string_view id) {
    for (const auto& actor : actors)
        if (actor.id == id) return &actor;
    return nullptr;
}

std::vector<Actor> read_actors(const JsonReader& root) {
    std::vector<Actor> actors;
    if (!root.expect_object()) return actors;
    root.reject_unknown_keys({"note", "actors"});
    std::set<std::string> seen;
    root.each("actors", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys(
            {"id", "name", "what", "links", "materials", "municipalities", "website", "sources", "checked", "note"});
        Actor actor;
        actor.id = item.string("id");
        if (!actor.id.empty() && !is_valid_id(actor.id))
            item.problem_at("id", "'" + actor.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
        if (!actor.id.empty() && !seen.insert(actor.id).second)
            item.problem_at("id", "'" + actor.id + "' is used twice; every actor needs its own id");
        actor.name = item.string("name");
        actor.what = read_local_text(item, "what");
        for (const auto& name : item.strings("links")) {
            if (auto link = chain_link_from_name(name)) {
                if (!actor.has_link(*link)) actor.links.push_back(*link);
            } else {
                item.problem_at("links", "'" + name +
                                             "' is not a link in the chain (mining, refining, manufacturing, use, repair, "
                                             "collection, sorting, recycling, disposal, knowledge)");
            }
        }
        if (item.has("links") && item.node()["links"].is_array() && item.node()["links"].empty())
            item.problem_at("links", "names no link; give at least one");
        actor.materials = item.strings("materials");
        if (item.has("municipalities")) actor.municipalities = item.strings("municipalities");
        if (auto website = item.optional_string("website")) {
            actor.website = *website;
            if (!actor.website.starts_with("https://") && !actor.website.starts_with("http://"))
                item.problem_at("website", "must start with https:// or http://, found '" + actor.website + "'");
        }
        actor.sources = read_source_ids(item);
        std::string checked = item.string("checked");
        if (auto date = parse_date(checked))
            actor.checked = *date;
        else if (!checked.empty())
            item.problem_at("checked", "must be a date as YYYY-MM-DD, found '" + checked + "'");
        actor.note = read_local_text(item, "note", false);
        if (actor.municipalities.empty() && actor.note.empty())
            item.problem_at("municipalities", "names no municipality; say in a note why no source places it");
        actors.push_back(std::move(actor));
    });
    return actors;
}

}  // namespace stadsmijn
