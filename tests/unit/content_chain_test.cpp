// What happens after hand-in (content/chain.json) and the matchmaking directory
// (content/actors.json): reading, the lookups the screens call, and the shipped files themselves.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/content/content.h"

using namespace stadsmijn;
namespace fs = std::filesystem;

namespace {

Problems problems_of_chain(const std::string& text, Chain* out = nullptr) {
    Problems problems;
    auto doc = parse_json(text, "content/chain.json", problems);
    REQUIRE(doc);
    Chain chain = read_chain(JsonReader(*doc, "content/chain.json", problems));
    if (out) *out = chain;
    return problems;
}

std::vector<Actor> actors_of(const std::string& text, Problems& problems) {
    auto doc = parse_json(text, "content/actors.json", problems);
    REQUIRE(doc);
    return read_actors(JsonReader(*doc, "content/actors.json", problems));
}

Actor actor(std::string id, std::vector<ChainLink> links, std::vector<std::string> materials,
            std::vector<std::string> municipalities) {
    Actor a;
    a.id = std::move(id);
    a.links = std::move(links);
    a.materials = std::move(materials);
    a.municipalities = std::move(municipalities);
    return a;
}

std::vector<std::string> ids(const std::vector<const Actor*>& actors) {
    std::vector<std::string> out;
    for (const Actor* a : actors) out.push_back(a->id);
    return out;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

LoadedContent load_real_content() {
    const fs::path root = STADSMIJN_SOURCE_DIR;
    static std::vector<std::pair<std::string, std::string>> texts;
    if (texts.empty())
        for (const auto& entry : fs::recursive_directory_iterator(root / "content"))
            if (entry.is_regular_file() && entry.path().extension() == ".json")
                texts.emplace_back(fs::relative(entry.path(), root).generic_string(), read_text(entry.path()));
    std::vector<ContentFile> files;
    for (const auto& [path, bytes] : texts) files.push_back({path, bytes});
    return load_content(files);
}

const char* kSmallChain = R"({
  "steps": [
    {"id": "hand-in", "link": "collection", "where": "region", "title": {"nl": "Inleveren"}, "text": {"nl": "Bij de milieustraat."},
     "actors": ["sorter"], "sources": ["s1"], "checked": "2026-12-04"},
    {"id": "smelt", "link": "recycling", "where": "europe", "title": {"nl": "Smelten"}, "text": {"nl": "In Europa."},
     "sources": ["s1"], "checked": "2026-12-04"}
  ],
  "materials": [
    {"material": "copper", "steps": ["smelt", "hand-in"], "recovered_where": "europe", "sources": ["s1"], "checked": "2026-12-04"},
    {"material": "gallium", "steps": ["hand-in"], "recovered_where": "unknown"}
  ],
  "figures": [
    {"id": "f1", "material": "copper", "value": 78, "unit": "%", "year": 2022, "scope": "netherlands", "text": {"nl": "x"}, "sources": ["s1"], "checked": "2026-12-04"},
    {"id": "f2", "value": 22.3, "unit": "%", "scope": "world", "text": {"nl": "y"}, "sources": ["s1"], "checked": "2026-12-04"}
  ]
})";

}  // namespace

TEST_CASE("a chain link and a place of recovery read back from their names, and nothing else does") {
    for (ChainLink link : kChainLinks) CHECK(chain_link_from_name(chain_link_name(link)) == link);
    CHECK_FALSE(chain_link_from_name("smelting"));
    CHECK_FALSE(chain_link_from_name("Recycling"));
    for (ChainWhere where : {ChainWhere::region, ChainWhere::netherlands, ChainWhere::europe, ChainWhere::unknown})
        CHECK(chain_where_from_name(chain_where_name(where)) == where);
    CHECK_FALSE(chain_where_from_name("abroad"));
}

TEST_CASE("the chain of a material lists its steps in the material's own order, and nothing for a material without one") {
    Chain chain;
    CHECK(problems_of_chain(kSmallChain, &chain).empty());
    auto steps = chain_steps_of(chain, "copper");
    REQUIRE(steps.size() == 2);
    CHECK(steps[0]->id == "smelt");
    CHECK(steps[1]->id == "hand-in");
    CHECK(steps[0]->where == ChainWhere::europe);
    CHECK(chain_steps_of(chain, "lithium").empty());
    REQUIRE(find_material_chain(chain, "gallium"));
    CHECK(find_material_chain(chain, "gallium")->recovered_where == ChainWhere::unknown);
    CHECK(find_material_chain(chain, "gallium")->sources.empty());
}

TEST_CASE("figures of a material come first; general figures only when asked") {
    Chain chain;
    problems_of_chain(kSmallChain, &chain);
    auto only = chain_figures_for(chain, "copper");
    REQUIRE(only.size() == 1);
    CHECK(only[0]->id == "f1");
    auto with_general = chain_figures_for(chain, "copper", true);
    REQUIRE(with_general.size() == 2);
    CHECK(with_general[1]->id == "f2");
    CHECK(with_general[0]->year == 2022);
    CHECK(with_general[1]->year == 0);  // no year given: the screen says the year is unknown
    CHECK(chain_figures_for(chain, "gallium").empty());
}

TEST_CASE("a place of recovery is a claim that needs a source; unknown needs none") {
    auto problems = problems_of_chain(R"({"steps": [], "materials": [
        {"material": "copper", "steps": [], "recovered_where": "region"},
        {"material": "tin", "steps": [], "recovered_where": "unknown"}]})");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "materials[0].sources");
}

TEST_CASE("the directory filters by material, link and municipality together") {
    std::vector<Actor> actors = {
        actor("battery-sorter", {ChainLink::collection, ChainLink::sorting}, {"lithium", "cobalt"}, {"lelystad"}),
        actor("ash-recycler", {ChainLink::recycling}, {"copper", "gold"}, {"noordoostpolder"}),
        actor("phone-maker", {ChainLink::manufacturing, ChainLink::repair}, {"cobalt", "gold"}, {"amsterdam"}),
        actor("data-centre", {ChainLink::use}, {}, {"hollands-kroon"}),
    };
    CHECK(ids(find_actors(actors, {})) == std::vector<std::string>{"battery-sorter", "ash-recycler", "phone-maker", "data-centre"});
    CHECK(ids(find_actors(actors, {.material = "gold"})) == std::vector<std::string>{"ash-recycler", "phone-maker"});
    CHECK(ids(find_actors(actors, {.material = "cobalt", .link = ChainLink::repair})) == std::vector<std::string>{"phone-maker"});
    CHECK(ids(find_actors(actors, {.municipality = "lelystad"})) == std::vector<std::string>{"battery-sorter"});
    CHECK(find_actors(actors, {.material = "gold", .municipality = "lelystad"}).empty());
    CHECK(ids(find_actors(actors, {.link = ChainLink::use})) == std::vector<std::string>{"data-centre"});
}

TEST_CASE("the actors of a material's chain are those its steps name and those handling it, each once") {
    Chain chain;
    problems_of_chain(kSmallChain, &chain);
    std::vector<Actor> actors = {actor("sorter", {ChainLink::sorting}, {"copper"}, {"amsterdam"}),
                                 actor("smelter", {ChainLink::recycling}, {"copper"}, {"velsen"}),
                                 actor("other", {ChainLink::use}, {"lithium"}, {"velsen"})};
    CHECK(ids(chain_actors_of(chain, actors, "copper")) == std::vector<std::string>{"sorter", "smelter"});
    CHECK(ids(chain_actors_of(chain, actors, "lithium")) == std::vector<std::string>{"other"});
}

TEST_CASE("an actor with a repeated link keeps it once; a repeated id is a problem") {
    Problems problems;
    auto actors = actors_of(R"({"actors": [
        {"id": "a", "name": "A", "what": {"nl": "x"}, "links": ["recycling", "recycling"], "materials": [],
         "municipalities": ["velsen"], "sources": ["s"], "checked": "2026-12-04"},
        {"id": "a", "name": "A2", "what": {"nl": "x"}, "links": ["use"], "materials": [],
         "municipalities": ["velsen"], "sources": ["s"], "checked": "2026-12-04", "website": "www.example.org"}]})",
                            problems);
    REQUIRE(actors.size() == 2);
    CHECK(actors[0].links.size() == 1);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "actors[1].id");
    CHECK(problems[1].path == "actors[1].website");
}

TEST_CASE("the shipped chain and directory load without problems and cover every material in a device") {
    LoadedContent loaded = load_real_content();
    for (const auto& p : loaded.problems) INFO(p.to_string());
    CHECK(loaded.problems.empty());
    const Content& c = loaded.content;
    CHECK(c.actors.size() >= 10);
    for (const auto& composition : c.compositions) {
        CAPTURE(composition.material);
        CHECK(find_material_chain(c.chain, composition.material));
    }
    // Every actor lies in one of the two provinces or says why no source places it.
    for (const auto& a : c.actors) {
        CAPTURE(a.id);
        CHECK((!a.municipalities.empty() || !a.note.empty()));
        for (const auto& m : a.municipalities) CHECK(c.find_municipality(m));
    }
    // A place of recovery other than unknown always has a source.
    for (const auto& m : c.chain.materials)
        if (m.recovered_where != ChainWhere::unknown) CHECK_FALSE(m.sources.empty());
}
