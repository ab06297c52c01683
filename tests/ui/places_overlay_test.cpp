// Places edited by municipal teams reach residents without a rebuild (issue 18): the return
// screen asks for the overlay, shows a place the overlay adds with who entered it and its next
// opening, hides a closed one, and says so when the overlay could not be fetched.
#include <doctest/doctest.h>

#include "core/content/place_overlay.h"
#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;
using stadsmijn::ui::testing::has_text_containing;

namespace {

// A made-up station (test data only, never shipped), as an editor of Urk would enter it.
const char* kOverlay = R"({"version": 5, "places": [{"id": "proefstation-urk", "kind": "drop-off",
  "name": "Proefstation Urk", "municipality": "urk", "address": "Teststraat 1", "city": "Urk",
  "schedule": {"text": {"nl": "Di 9:00 - 16:00", "en": "Tue 9:00 - 16:00"},
               "rules": [{"every": "week", "days": ["tu"], "start": "09:00", "end": "16:00"}]},
  "handles": {"accepts": ["electronics"]}, "version": 5,
  "entered": {"municipality": "urk", "editor": "Team Afval Urk", "on": "2026-12-04"}}]})";

bool asked_for_overlay(const HeadlessApp& app) {
    for (const auto& r : app.sent_requests)
        if (r.url == PlacesOverlayClient::kUrl) return true;
    return false;
}

}  // namespace

TEST_CASE("a station an editor adds for Urk shows on a resident's return screen, with who entered it") {
    HeadlessApp app;
    app.state.now = LocalDateTime{2026, 12, 4, 10, 0};  // a Friday: next open Tuesday 8 December
    app.state.stored["municipality"] = "urk";
    app.go("#/device/smartphone/return");
    app.frame();
    REQUIRE(asked_for_overlay(app));
    CHECK_FALSE(has_text_containing(app, "Proefstation Urk"));

    app.answer(PlacesOverlayClient::kTag, 200, kOverlay);
    app.frame();
    app.frame();
    CHECK(has_text_containing(app, "Proefstation Urk"));
    CHECK(has_text_containing(app, "Ingevoerd door gemeente Urk op"));
    CHECK(has_text_containing(app, "Volgende keer open: dinsdag 08-12-2026, 09:00 - 16:00"));
    CHECK(app.state.stored.at(PlacesOverlayClient::kStorageKey) == kOverlay);  // works offline from now on
    CHECK_FALSE(has_text_containing(app, app.translator.text("guide.places.overlay_unreachable")));
}

TEST_CASE("without a network the return screen says the municipalities' changes could not be fetched") {
    HeadlessApp app;
    app.state.now = LocalDateTime{2026, 12, 4, 10, 0};
    app.state.stored["municipality"] = "haarlem";
    app.state.stored[PlacesOverlayClient::kStorageKey] = "{broken";  // corrupt storage: ignored
    app.go("#/device/smartphone/return");
    app.frame();
    app.answer(PlacesOverlayClient::kTag, 0, "");
    app.frame();
    app.frame();
    CHECK(has_text_containing(app, app.translator.text("guide.places.overlay_unreachable")));
    CHECK(has_text_containing(app, "Je gemeente: Haarlem"));
}

TEST_CASE("a resident reports wrong opening hours of a place and is told it reached the municipality") {
    HeadlessApp app;
    app.state.now = LocalDateTime{2026, 12, 4, 10, 0};
    app.state.stored["municipality"] = "urk";
    app.state.stored[PlacesOverlayClient::kStorageKey] = kOverlay;
    app.go("#/device/smartphone/return");
    app.frame();
    app.activate(Role::button, "Probleem melden");
    app.activate(Role::button, "Melding versturen");  // nothing chosen yet: asks for it, sends nothing
    app.frame();
    CHECK(has_text_containing(app, "Kies eerst wat er niet klopt."));
    app.activate(Role::radio, "Verkeerde openingstijden");
    app.type("Toelichting (niet verplicht)", "Dinsdag dicht");
    app.sent_requests.clear();
    app.activate(Role::button, "Melding versturen");
    const HttpRequest* sent = nullptr;
    for (const auto& r : app.sent_requests)
        if (r.method == "POST") sent = &r;
    REQUIRE(sent);
    app.frame();
    CHECK(sent->url == "/api/places/proefstation-urk/reports");
    CHECK(sent->body == R"({"note":"Dinsdag dicht","problem":"wrong-hours"})");
    CHECK(has_text_containing(app, "Melding wordt verstuurd"));

    app.answer(place_report_tag("proefstation-urk"), 0, "");  // offline: says so, can send again
    app.frame();
    CHECK(has_text_containing(app, "Niet verstuurd"));
    app.sent_requests.clear();
    app.activate(Role::button, "Melding versturen");
    REQUIRE(app.sent_requests.size() >= 1);
    app.answer(place_report_tag("proefstation-urk"), 202, R"({"report": 1, "status": "received"})");
    app.frame();
    CHECK(has_text_containing(app, "Bedankt. Je melding is doorgegeven aan de gemeente."));
    CHECK(app.state.responses.count(place_report_tag("proefstation-urk")) == 0);
}
