// The matchmaking directory: organisations in Noord-Holland and Flevoland that collect, sort,
// repair, recycle or use (critical) raw materials, each with its links in the chain, the
// materials a source names for it, where it sits and its sources. From content/actors.json.
//
//   auto recyclers = find_actors(content.actors, {.material = "copper", .link = ChainLink::recycling});
//   for (const Actor* a : recyclers) show(a->name, a->what.in(lang));
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/content/schedule.h"
#include "core/json_reader.h"

namespace stadsmijn {

// A link in the chain of a raw material, from the mine to the recycler.
enum class ChainLink { mining, refining, manufacturing, use, repair, collection, sorting, recycling, disposal, knowledge };

inline constexpr ChainLink kChainLinks[] = {ChainLink::mining,     ChainLink::refining, ChainLink::manufacturing,
                                            ChainLink::use,        ChainLink::repair,   ChainLink::collection,
                                            ChainLink::sorting,    ChainLink::recycling, ChainLink::disposal,
                                            ChainLink::knowledge};

const char* chain_link_name(ChainLink link);  // "mining", ..., "knowledge"
std::optional<ChainLink> chain_link_from_name(std::string_view name);

struct Actor {
    std::string id;
    std::string name;
    LocalText what;                           // what it does, as its sources say
    std::vector<ChainLink> links;             // at least one
    std::vector<std::string> materials;       // material ids a source names for it; may be empty
    std::vector<std::string> municipalities;  // municipality ids; empty when no source places it
    std::string website;
    std::vector<std::string> sources;
    LocalDate checked;
    LocalText note;

    bool has_link(ChainLink link) const;
    bool handles(std::string_view material) const;
    bool in_municipality(std::string_view municipality) const;
};

// Empty fields match everything.
struct ActorFilter {
    std::string material;
    std::optional<ChainLink> link;
    std::string municipality;
};

// Actors that pass the filter, in file order.
std::vector<const Actor*> find_actors(const std::vector<Actor>& actors, const ActorFilter& filter);
const Actor* find_actor(const std::vector<Actor>& actors, std::string_view id);

// Reads `{"actors": [...]}` with the checks that need nothing else: ids, known links, dates, urls.
// References to other files are checked by check_chain_references (chain.h).
std::vector<Actor> read_actors(const JsonReader& root);

}  // namespace stadsmijn
