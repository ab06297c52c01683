// The chain screens (issue 16) drawn headless by calling their draw functions directly, until the
// lead wires #/chain/<material>, #/region and #/actors into the route table.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "tests/ui/ui_harness.h"
#include "ui/screens/chain_screens.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

namespace {

// One frame with `draw` as the page body, inside a page window as draw_app makes it.
UiActions draw_once(HeadlessApp& app, const std::function<void(UiFrame&)>& draw) {
    ImGui::NewFrame();
    UiActions actions;
    UiFrame f{app.content, app.problems, app.translator, app.state, app.fonts, light_palette(),
              app.semantics, actions, app.ui, app.page_input};
    f.semantics.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration);
    f.column_right = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(f.column_right);
    draw(f);
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::Render();
    app.page_input = {};
    return actions;
}

bool shows(const HeadlessApp& app, const std::string& part) {
    return std::any_of(app.semantics.nodes().begin(), app.semantics.nodes().end(),
                       [&](const SemanticNode& n) { return n.name.find(part) != std::string::npos; });
}

const SemanticNode* first_with_role(const HeadlessApp& app, Role role, const std::string& part = {}) {
    for (const auto& n : app.semantics.nodes())
        if (n.role == role && n.name.find(part) != std::string::npos) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("the chain of cobalt shows its steps as a chart whose text names every step and place, and as a table") {
    HeadlessApp app;
    app.go("#/");
    REQUIRE(app.problems.empty());
    draw_once(app, [](UiFrame& f) { draw_chain(f, "cobalt"); });
    auto steps = chain_steps_of(app.content.chain, "cobalt");
    REQUIRE(steps.size() >= 3);
    const SemanticNode* chart = first_with_role(app, Role::image);
    REQUIRE(chart != nullptr);
    for (const ChainStep* step : steps) {
        CAPTURE(step->id);
        CHECK(chart->name.find(step->title.nl) != std::string::npos);
    }
    CHECK(chart->name.find(app.translator.text("chain.where.europe")) != std::string::npos);
    CHECK(first_with_role(app, Role::table) != nullptr);
    CHECK(shows(app, "Van Peperzeel"));  // the battery sorter in Lelystad handles cobalt
    CHECK(shows(app, app.translator.text("chain.recovered.where", {{"material", "Kobalt"}, {"where", app.translator.text("chain.where.europe")}})));
}

TEST_CASE("a material no source places says unknown, and an unknown material id says so without a crash") {
    HeadlessApp app;
    app.go("#/?lang=en");
    draw_once(app, [](UiFrame& f) { draw_chain(f, "tantalum"); });
    CHECK(shows(app, app.translator.text("chain.where.unknown")));
    draw_once(app, [](UiFrame& f) { draw_chain(f, "unobtainium"); });
    CHECK(shows(app, app.translator.text("chain.unknown_material.title")));
}

TEST_CASE("the region lists every material's chain and counts the directory per link in chart and table alike") {
    HeadlessApp app;
    app.go("#/");
    draw_once(app, [](UiFrame& f) { draw_region(f); });
    const SemanticNode* chart = first_with_role(app, Role::image);
    REQUIRE(chart != nullptr);
    std::size_t recyclers = find_actors(app.content.actors, {.link = ChainLink::recycling}).size();
    REQUIRE(recyclers > 0);
    CHECK(chart->name.find(app.translator.text("region.chart_bar", {{"link", app.translator.text("chain.link.recycling")},
                                                                    {"count", std::to_string(recyclers)}})) !=
          std::string::npos);
    for (const MaterialChain& entry : app.content.chain.materials) {
        CAPTURE(entry.material);
        CHECK(app.semantics.find(Role::link, app.translator.text("region.open", {{"material", app.content.find_material(entry.material)->name.nl}})));
    }
}

TEST_CASE("the directory filters by the query, and choosing a link keeps the other choices in the route") {
    HeadlessApp app;
    app.go("#/?lang=en");
    app.state.route.query["municipality"] = "lelystad";
    draw_once(app, [](UiFrame& f) { draw_actors(f); });
    CHECK(shows(app, "Van Peperzeel"));
    CHECK_FALSE(shows(app, "Recco Non-Ferro Metals"));
    std::size_t in_lelystad = find_actors(app.content.actors, {.municipality = "lelystad"}).size();
    CHECK(shows(app, app.translator.plural("actors.found", static_cast<long long>(in_lelystad))));

    // Choose "recycling" through the page (a screen reader or keyboard activates the toggle).
    const SemanticNode* toggle = nullptr;
    for (const auto& n : app.semantics.nodes())
        if (n.name == app.translator.text("chain.link.recycling")) toggle = &n;
    REQUIRE(toggle != nullptr);
    app.page_input.activate = toggle->id;
    UiActions actions = draw_once(app, [](UiFrame& f) { draw_actors(f); });
    REQUIRE(actions.replace_route);
    CHECK(actions.replace_route->query.at("link") == "recycling");
    CHECK(actions.replace_route->query.at("municipality") == "lelystad");

    app.state.route = *actions.replace_route;
    draw_once(app, [](UiFrame& f) { draw_actors(f); });
    CHECK(shows(app, app.translator.text("actors.none")));  // Lelystad's actor collects and sorts
}

TEST_CASE("the return screen's section links each material of a smartphone to its chain") {
    HeadlessApp app;
    app.go("#/");
    draw_once(app, [](UiFrame& f) { draw_what_happens_next(f, "smartphone"); });
    CHECK(shows(app, app.translator.text("chain.next.title")));
    const SemanticNode* link = first_with_role(app, Role::link, "Kobalt");
    REQUIRE(link != nullptr);
}
