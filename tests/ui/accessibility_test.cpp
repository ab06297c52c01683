// The accessibility statement, and what the mirror needs from every frame: an id for every node
// (text included) that stays the same from frame to frame, and a top bar that fits a phone.
#include <doctest/doctest.h>

#include <set>

#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

TEST_CASE("the accessibility statement says what works, its known limits (right-to-left scripts), how to report and when") {
    for (const char* language : {"nl", "en", "tr", "pl"}) {
        HeadlessApp app;
        app.go(std::string("#/accessibility?lang=") + language);
        app.frame();
        CAPTURE(language);
        const auto& t = app.translator;
        CHECK(app.semantics.find(Role::heading, t.text("a11y.title")) != nullptr);
        for (const char* key : {"a11y.supported.title", "a11y.keys.title", "a11y.limits.title", "a11y.report.title",
                                "a11y.date.title"}) {
            CAPTURE(key);
            CHECK(app.semantics.find(Role::heading, t.text(key)) != nullptr);
        }
        CHECK(app.semantics.find(Role::listitem, t.text("a11y.limits.rtl")) != nullptr);
        const SemanticNode* table = app.semantics.find(Role::table, t.text("a11y.keys.caption"));
        REQUIRE(table != nullptr);
        int headers = 0, cells = 0;
        for (const auto& node : app.semantics.nodes()) {
            if (node.role == Role::columnheader) ++headers;
            if (node.role == Role::cell) ++cells;
        }
        CHECK(headers == 2);
        CHECK(cells == 10);
        std::string report = t.text("a11y.report.text");
        CHECK(app.semantics.find(Role::text, report) != nullptr);
        CHECK(app.semantics.find(Role::heading, t.text("a11y.report.title")) != nullptr);
        CHECK(app.semantics.find(Role::text, t.text("a11y.date.text", {{"date", t.text("a11y.date.value")}})) != nullptr);
    }
}

TEST_CASE("every node of a frame has an id of its own, and the same one in the next frame") {
    for (const char* path : {"#/", "#/about", "#/accessibility", "#/nowhere"}) {
        HeadlessApp app;
        app.go(path);
        app.frame();
        std::vector<unsigned> first;
        std::set<unsigned> unique;
        for (const auto& node : app.semantics.nodes()) {
            CAPTURE(path);
            CAPTURE(node.name);
            CHECK(node.id != 0);
            first.push_back(node.id);
            unique.insert(node.id);
        }
        CHECK(unique.size() == first.size());
        app.frame();
        std::vector<unsigned> second;
        for (const auto& node : app.semantics.nodes()) second.push_back(node.id);
        CHECK(first == second);
    }
}

TEST_CASE("the same text twice gets two ids, and a text keeps its id when a text before it changes") {
    Semantics semantics;
    semantics.begin_frame();
    semantics.add({.role = Role::text, .name = "same"});
    semantics.add({.role = Role::text, .name = "same"});
    semantics.add({.role = Role::text, .name = "other"});
    unsigned a = semantics.nodes()[0].id, b = semantics.nodes()[1].id, other = semantics.nodes()[2].id;
    CHECK(a != b);
    semantics.begin_frame();
    semantics.add({.role = Role::text, .name = "changed"});
    semantics.add({.role = Role::text, .name = "other"});
    CHECK(semantics.nodes()[1].id == other);
}

TEST_CASE("the language row with four languages fits a 360 px phone, right-aligned clear of the name") {
    {
        HeadlessApp app(360, 740);
        app.go("#/");
        app.frame();
        app.frame();
        const SemanticNode* brand = app.semantics.find(Role::link, "Stadsmijn");
        REQUIRE(brand != nullptr);
        int radios = 0;
        for (const auto& node : app.semantics.nodes()) {
            if (node.role != Role::radio) continue;
            ++radios;
            CAPTURE(node.name);
            CHECK(node.x + node.width <= 360.0f);
            CHECK(node.x >= brand->x + brand->width);
        }
        CHECK(radios == 4);
    }
}
