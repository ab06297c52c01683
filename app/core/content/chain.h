// What happens after hand-in: the steps a returned device goes through in this region (collection,
// sorting, recycling, incineration), per critical material the steps that apply and where it is
// recovered (in the region, elsewhere in the Netherlands, in Europe or unknown), and a few cited
// figures. From content/chain.json; rates per material stay in materials.json (`recycling`).
//
//   const MaterialChain* m = find_material_chain(content.chain, "cobalt");
//   for (const ChainStep* step : chain_steps_of(content.chain, "cobalt")) show(step->title, step->where);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/actors.h"
#include "core/content/local_text.h"
#include "core/content/materials.h"
#include "core/content/schedule.h"
#include "core/content/sources.h"
#include "core/json_reader.h"

namespace stadsmijn {

struct Composition;
struct Municipality;

// Where a step happens, seen from Noord-Holland and Flevoland.
enum class ChainWhere { region, netherlands, europe, unknown };

const char* chain_where_name(ChainWhere where);  // "region", "netherlands", "europe", "unknown"
std::optional<ChainWhere> chain_where_from_name(std::string_view name);

struct ChainStep {
    std::string id;
    ChainLink link = ChainLink::collection;
    ChainWhere where = ChainWhere::unknown;
    LocalText title;
    LocalText text;
    std::vector<std::string> actors;  // actor ids
    std::vector<std::string> sources;
    LocalDate checked;
    LocalText note;
};

struct MaterialChain {
    std::string material;            // material id
    std::vector<std::string> steps;  // step ids, in the order a device goes through them
    ChainWhere recovered_where = ChainWhere::unknown;
    std::vector<std::string> sources;  // required unless recovered_where is unknown
    std::optional<LocalDate> checked;
    LocalText note;
};

enum class FigureScope { region, netherlands, world };

struct ChainFigure {
    std::string id;
    std::string material;  // optional material id
    double value = 0;
    std::string unit;      // "%", "kg", "million kg"
    int year = 0;          // the year the figure is about; 0 when the source does not say
    FigureScope scope = FigureScope::netherlands;
    LocalText text;        // reads after the number: "78 % <text>"
    std::vector<std::string> sources;
    LocalDate checked;
    LocalText note;
};

struct Chain {
    std::vector<ChainStep> steps;
    std::vector<MaterialChain> materials;
    std::vector<ChainFigure> figures;
};

const ChainStep* find_chain_step(const Chain& chain, std::string_view id);
const MaterialChain* find_material_chain(const Chain& chain, std::string_view material);
// The steps of a material in its order; empty when the material has no chain.
std::vector<const ChainStep*> chain_steps_of(const Chain& chain, std::string_view material);
// Figures about one material, then (when `general`) those about no material in particular.
std::vector<const ChainFigure*> chain_figures_for(const Chain& chain, std::string_view material, bool general = false);
// Actors of the region named in the material's steps or handling the material, without repeats.
std::vector<const Actor*> chain_actors_of(const Chain& chain, const std::vector<Actor>& actors, std::string_view material);

// Reads content/chain.json: ids, known links and places, dates, step ids within the file.
Chain read_chain(const JsonReader& root);

// Checks what chain.json and actors.json name in other files: actors, materials, municipalities,
// sources; and that every material in a device composition has a chain. An empty list means its
// file failed to load and is skipped (no flood of problems).
void check_chain_references(const Chain& chain, const std::vector<Actor>& actors, const std::vector<Source>& sources,
                            const std::vector<Material>& materials, const std::vector<Municipality>& municipalities,
                            const std::vector<Composition>& compositions, Problems& problems);

}  // namespace stadsmijn
