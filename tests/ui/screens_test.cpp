#include <doctest/doctest.h>

#include "tests/ui/ui_harness.h"
#include "ui/widgets.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

TEST_CASE("the home screen shows the product name, its explanation and the journeys' entry points") {
    HeadlessApp app;
    app.go("#/");
    app.frame();
    CHECK(app.semantics.find(Role::heading, "Stadsmijn") != nullptr);
    CHECK(app.semantics.find(Role::text, app.translator.text("home.tagline")) != nullptr);
    for (const char* key : {"home.guide.title", "home.drawer.title", "home.debate.title"}) {
        std::string name = app.translator.text(key);
        CAPTURE(name);
        CHECK(app.semantics.find(Role::link, name) != nullptr);
    }
}

TEST_CASE("clicking an entry point asks to navigate to its route, keeping the language") {
    HeadlessApp app;
    app.go("#/?lang=en");
    std::string name = app.translator.text("home.drawer.title");
    UiActions actions = app.click(Role::link, name);
    REQUIRE(actions.navigate.has_value());
    CHECK(format_route(*actions.navigate) == "#/drawer?lang=en");
}

TEST_CASE("the language switch offers every catalog and asks for the one clicked") {
    HeadlessApp app;
    app.go("#/about");
    app.frame();
    const SemanticNode* dutch = app.semantics.find(Role::radio, "Nederlands");
    REQUIRE(dutch != nullptr);
    CHECK(dutch->checked);
    UiActions actions = app.click(Role::radio, "English");
    REQUIRE(actions.language.has_value());
    CHECK(*actions.language == "en");
}

TEST_CASE("every screen draws in Dutch and English without a missing text") {
    for (const char* language : {"nl", "en"}) {
        for (const char* path : {"#/", "#/about", "#/devices", "#/drawer", "#/debate", "#/device/smartphone",
                                 "#/device/laptop/repair", "#/accessibility", "#/nowhere"}) {
            HeadlessApp app;
            app.go(std::string(path) + "?lang=" + language);
            app.frame();
            CAPTURE(path);
            CAPTURE(language);
            CHECK_FALSE(app.semantics.nodes().empty());
            for (const auto& node : app.semantics.nodes()) {
                CAPTURE(node.name);
                // A missing key shows as the key itself: lowercase words joined by dots.
                bool looks_like_key = node.name.find('.') != std::string::npos && node.name.find(' ') == std::string::npos;
                CHECK_FALSE(looks_like_key);
            }
        }
    }
}

TEST_CASE("the about screen lists every source with its licence") {
    HeadlessApp app;
    app.go("#/about?lang=en");
    app.frame();
    for (const Source& source : app.content.sources) {
        CAPTURE(source.id);
        const SemanticNode* link = app.semantics.find(Role::link, source.title);
        REQUIRE(link != nullptr);
        CHECK(link->value == source.url);
    }
}

TEST_CASE("a page title names the screen in the current language") {
    HeadlessApp app;
    app.go("#/about?lang=en");
    CHECK(page_title(app.translator, app.state.route) == "About Stadsmijn · Stadsmijn");
    app.go("#/about");
    CHECK(page_title(app.translator, app.state.route) == "Over Stadsmijn · Stadsmijn");
}

TEST_CASE("nothing is wider than a 360 pixel phone screen") {
    HeadlessApp app(360, 740);
    for (const char* path : {"#/", "#/about", "#/drawer"}) {
        app.go(path);
        app.frame();
        for (const auto& node : app.semantics.nodes()) {
            CAPTURE(path);
            CAPTURE(node.name);
            CHECK(node.x >= 0);
            CHECK(node.x + node.width <= 360.5f);
        }
    }
}

TEST_CASE("table columns: short ones keep their width, long ones wrap, and they fill the width") {
    auto sum = [](const std::vector<float>& w) {
        float s = 0;
        for (float x : w) s += x;
        return s;
    };
    // The groups table on a 328 px column: "Group" and "People" are short, the third is a sentence.
    auto widths = table_column_widths({70, 80, 900}, {70, 80, 110}, 328);
    CHECK(sum(widths) == doctest::Approx(328).epsilon(0.001));
    CHECK(widths[0] == doctest::Approx(70));
    CHECK(widths[1] == doctest::Approx(80));
    CHECK(widths[2] == doctest::Approx(178).epsilon(0.001));

    // Two long columns share the room evenly, never below their longest word.
    widths = table_column_widths({600, 500, 40}, {90, 100, 40}, 300);
    CHECK(sum(widths) == doctest::Approx(300).epsilon(0.001));
    CHECK(widths[2] == doctest::Approx(40));
    CHECK(widths[0] == doctest::Approx(130).epsilon(0.001));
    CHECK(widths[1] == doctest::Approx(130).epsilon(0.001));
    widths = table_column_widths({600, 500, 40}, {50, 200, 40}, 300);
    CHECK(widths[1] == doctest::Approx(200).epsilon(0.001));
    CHECK(widths[0] == doctest::Approx(60).epsilon(0.001));

    // Everything fits: the spare room is shared in proportion; nothing fits: the words shrink alike.
    widths = table_column_widths({100, 50}, {60, 30}, 300);
    CHECK(widths[0] == doctest::Approx(200));
    CHECK(widths[1] == doctest::Approx(100));
    widths = table_column_widths({400, 400}, {200, 100}, 150);
    CHECK(widths[0] == doctest::Approx(100));
    CHECK(widths[1] == doctest::Approx(50));
    CHECK(table_column_widths({}, {}, 300).empty());
}
