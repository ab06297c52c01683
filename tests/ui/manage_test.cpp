// The editors' screen (#/manage, issue 18): sign in with a pasted key (session storage only),
// the places of the editor's municipality, closing one with the version it was read at, and a
// change by someone else in between explained.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/content/place_overlay.h"
#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;
using stadsmijn::ui::testing::has_text_containing;

namespace {

const HttpRequest* last_request(const HeadlessApp& app, const std::string& tag_prefix) {
    const HttpRequest* found = nullptr;
    for (const auto& r : app.sent_requests)
        if (r.tag.starts_with(tag_prefix)) found = &r;
    return found;
}

}  // namespace

TEST_CASE("an editor signs in with a key, sees Haarlem's places and closing one at a stale version is explained") {
    HeadlessApp app;
    app.go("#/manage");
    app.type("Sleutel (plakken)", "secret-key");
    app.activate(Role::button, "Inloggen");
    CHECK(app.state.stored.at(kEditorTokenKey) == "secret-key");  // "session." key: sessionStorage on the web
    app.frame();
    const HttpRequest* me = last_request(app, "manage-me");
    REQUIRE(me);
    CHECK(me->headers.at("Authorization") == "Bearer secret-key");
    app.answer("manage-me", 200, R"({"role": "editor", "name": "Team Haarlem", "municipalities": ["haarlem"]})");
    app.frame();
    app.frame();
    CHECK(has_text_containing(app, "Ingelogd als Team Haarlem"));
    const HttpRequest* list = last_request(app, "manage-places");
    REQUIRE(list);
    CHECK(list->url == "/api/places?municipality=haarlem");

    Place cafe = *app.content.find_place("rc-haarlem-west-badhuis");
    nlohmann::json item = place_json(cafe);
    item["version"] = 3;
    app.answer("manage-places", 200, nlohmann::json{{"municipality", "haarlem"}, {"places", {item}}}.dump());
    app.frame();
    app.frame();
    REQUIRE(has_text_containing(app, cafe.name));
    app.activate(Role::button, "Sluiten: " + cafe.name);
    const HttpRequest* change = last_request(app, "manage-change:");
    REQUIRE(change);
    CHECK(change->method == "PUT");
    CHECK(change->url == "/api/places/rc-haarlem-west-badhuis");
    CHECK(change->headers.at("If-Match") == "\"3\"");
    CHECK(nlohmann::json::parse(change->body).at("closed") == true);

    app.answer(change->tag, 412, R"({"error": "stale version"})");
    app.frame();
    app.frame();
    CHECK(has_text_containing(app, "Iemand anders heeft deze plek intussen gewijzigd"));

    app.activate(Role::button, "Uitloggen");
    CHECK(app.state.stored.at(kEditorTokenKey).empty());
}

TEST_CASE("a key the server refuses is forgotten and the editor is told to ask for a new one") {
    HeadlessApp app;
    app.state.stored[kEditorTokenKey] = "revoked";
    app.go("#/manage?lang=en");
    app.frame();
    app.answer("manage-me", 401, R"({"error": "unauthorized"})");
    app.frame();
    app.frame();
    CHECK(app.state.stored.at(kEditorTokenKey).empty());
    CHECK(has_text_containing(app, "This key does not work"));
}
