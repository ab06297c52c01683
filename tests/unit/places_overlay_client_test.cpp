// The app's places overlay client (issue 18): when it asks, what it keeps, and that a broken
// stored copy or answer never costs the places residents already see.
#include <doctest/doctest.h>

#include <algorithm>

#include "advice_content.h"
#include "core/content/place_overlay.h"
#include "core/places_overlay_client.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

// An overlay with one place of the build closed and one changed, as the server writes it.
std::string overlay_body(std::int64_t version) {
    const Content& c = shipped_content();
    PlaceOverlay overlay;
    overlay.version = version;
    Place closed = *c.find_place("milieuplein-haarlem");
    closed.closed = true;
    closed.version = version;
    Place changed = *c.find_place("rc-haarlem-west-badhuis");
    changed.name = "Repair Café Haarlem West (v" + std::to_string(version) + ")";
    changed.version = version;
    changed.entered = PlaceEntered{"haarlem", "Team Haarlem", LocalDate{2026, 12, 4}};
    overlay.places = {closed, changed};
    return place_overlay_to_json(overlay);
}

// One frame: update, then carry out the effects the way the app runtime does.
OverlayEffects frame(PlacesOverlayClient& client, AppState& state, std::int64_t now_ms, bool shows_places = true) {
    OverlayEffects out;
    client.update(state, now_ms, shows_places, out);
    for (const auto& [key, value] : out.store) state.stored[key] = value;
    for (const auto& tag : out.forget_responses) state.responses.erase(tag);
    for (const auto& request : out.requests) state.pending_requests.insert(request.tag);
    return out;
}

void answer(AppState& state, int status, std::string body = {}) {
    state.pending_requests.erase(PlacesOverlayClient::kTag);
    state.responses[PlacesOverlayClient::kTag] = HttpResponse{status, std::move(body)};
}

const Place* find(const std::vector<Place>& places, std::string_view id) {
    auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.id == id; });
    return it == places.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("the overlay is asked for at start, applied, stored, and then asked with If-None-Match") {
    PlacesOverlayClient client;
    AppState state;
    auto first = frame(client, state, 0, false);  // at start, even on a screen without places
    REQUIRE(first.requests.size() == 1);
    CHECK(first.requests[0].method == "GET");
    CHECK(first.requests[0].url == "/api/places/overlay");
    CHECK(first.requests[0].headers.count("If-None-Match") == 0);
    CHECK(client.status() == OverlayStatus::checking);
    CHECK(frame(client, state, 10).requests.empty());  // never two at once

    answer(state, 200, overlay_body(4));
    frame(client, state, 20);
    CHECK(client.status() == OverlayStatus::current);
    CHECK(client.version() == 4);
    CHECK(state.stored.at(PlacesOverlayClient::kStorageKey) == overlay_body(4));
    CHECK(state.responses.empty());

    auto places = resident_places(shipped_content().places, client.overlay());
    CHECK(find(places, "milieuplein-haarlem") == nullptr);  // closed: residents no longer see it
    REQUIRE(find(places, "rc-haarlem-west-badhuis"));
    CHECK(find(places, "rc-haarlem-west-badhuis")->entered->editor == "Team Haarlem");

    // Within the minute nothing is asked, even on a screen with places; after it, with the version.
    CHECK(frame(client, state, 59'000).requests.empty());
    CHECK(frame(client, state, 61'000, false).requests.empty());  // no screen with places open
    auto again = frame(client, state, 61'000, true);
    REQUIRE(again.requests.size() == 1);
    CHECK(again.requests[0].headers.at("If-None-Match") == "\"4\"");
    unsigned generation = client.generation();
    answer(state, 304);
    frame(client, state, 61'100);
    CHECK(client.status() == OverlayStatus::current);
    CHECK(client.generation() == generation);  // unchanged: nothing to rebuild
}

TEST_CASE("offline, the overlay last seen comes from storage and the app says it could not check") {
    AppState state;
    state.stored[PlacesOverlayClient::kStorageKey] = overlay_body(7);
    PlacesOverlayClient client;
    auto out = frame(client, state, 0);
    CHECK(client.version() == 7);  // shown at once, before any answer
    REQUIRE(out.requests.size() == 1);
    CHECK(out.requests[0].headers.at("If-None-Match") == "\"7\"");
    answer(state, 0);  // no network
    frame(client, state, 5);
    CHECK(client.status() == OverlayStatus::unreachable);
    CHECK(client.version() == 7);
    CHECK(find(resident_places(shipped_content().places, client.overlay()), "milieuplein-haarlem") == nullptr);
}

TEST_CASE("a corrupt stored overlay and a broken answer are ignored, the build's places stay") {
    for (const char* stored : {"{not json", "{\"version\": 3}", "[]", "{\"version\": 2, \"places\": [{\"id\": \"x\"}]}"}) {
        CAPTURE(stored);
        AppState state;
        state.stored[PlacesOverlayClient::kStorageKey] = stored;
        PlacesOverlayClient client;
        frame(client, state, 0);
        CHECK_FALSE(client.overlay().has_value());
        CHECK(client.problem().find("stored places overlay ignored") != std::string::npos);
        CHECK(resident_places(shipped_content().places, client.overlay()).size() == shipped_content().places.size());

        answer(state, 200, "{\"version\": 9, \"places\": [{\"id\": \"x\"}]}");  // a broken answer
        frame(client, state, 10);
        CHECK(client.status() == OverlayStatus::unreachable);
        CHECK_FALSE(client.overlay().has_value());
        CHECK(state.stored.at(PlacesOverlayClient::kStorageKey) == stored);  // not overwritten
    }
}

TEST_CASE("a newer overlay replaces the one held; a server error keeps it") {
    AppState state;
    PlacesOverlayClient client;
    frame(client, state, 0);
    answer(state, 200, overlay_body(1));
    frame(client, state, 1);
    unsigned generation = client.generation();
    frame(client, state, 70'000);
    answer(state, 200, overlay_body(2));
    frame(client, state, 70'001);
    CHECK(client.version() == 2);
    CHECK(client.generation() != generation);
    frame(client, state, 140'000);
    answer(state, 503, "busy");
    frame(client, state, 140'001);
    CHECK(client.status() == OverlayStatus::unreachable);
    CHECK(client.version() == 2);
}
