// Places edited by municipal teams (issue 18): the overlay over the bundled places, a place
// written back as JSON, and the checks content-lint and the editors' API share (check_place).
#include <doctest/doctest.h>

#include <algorithm>

#include "advice_content.h"
#include "core/content/place_overlay.h"

using namespace stadsmijn;
using stadsmijn::testing::bundled_text;
using stadsmijn::testing::content_with;
using stadsmijn::testing::replaced;
using stadsmijn::testing::shipped_content;

namespace {

PlaceCheckContext everything() {
    const Content& c = shipped_content();
    return {&c.municipalities, &c.provinces, &c.sources};
}

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

bool has_field(const std::vector<FieldError>& errors, const std::string& field) {
    auto list = fields(errors);
    return std::find(list.begin(), list.end(), field) != list.end();
}

// A drop-off station for Urk as an editor would send it: no source, entered by the municipality.
const char* kUrkStation = R"({"id": "milieustraat-urk", "kind": "drop-off", "name": "Milieustraat Urk",
  "municipality": "urk", "address": "Domineesweg 2", "city": "Urk",
  "location": {"lat": 52.66, "lon": 5.60},
  "schedule": {"text": {"nl": "Di en za 9:00 - 16:00"},
               "rules": [{"every": "week", "days": ["tu", "sa"], "start": "09:00", "end": "16:00"}],
               "closed": ["12-25:12-26", "2027-01-01"]},
  "handles": {"accepts": ["electronics", "batteries"]},
  "entered": {"municipality": "urk", "editor": "Team Afval Urk", "on": "2026-12-04"}})";

}  // namespace

TEST_CASE("every shipped place written as JSON reads back as the same place") {
    for (const Place& place : shipped_content().places) {
        CAPTURE(place.id);
        std::vector<FieldError> errors;
        auto again = read_place_json(place_to_json(place), errors);
        REQUIRE(again);
        CHECK(errors.empty());
        CHECK(place_to_json(*again) == place_to_json(place));
        if (place.schedule) {
            // The computed openings are what residents see: the same after the round trip.
            for (LocalDateTime now : {LocalDateTime{2026, 12, 4, 10, 0}, LocalDateTime{2027, 7, 20, 18, 0}}) {
                auto a = next_opening(*place.schedule, now), b = next_opening(*again->schedule, now);
                REQUIRE(a.has_value() == b.has_value());
                if (a) CHECK((a->date == b->date && a->start_minute == b->start_minute));
            }
        }
    }
}

TEST_CASE("a place entered by its municipality needs no source, and says who entered it and when") {
    std::vector<FieldError> errors;
    auto place = read_place_json(kUrkStation, errors);
    REQUIRE(place);
    CHECK(errors.empty());
    CHECK(check_place(*place, everything()).empty());
    REQUIRE(place->entered);
    CHECK(place->entered->editor == "Team Afval Urk");
    CHECK(place->entered->on == LocalDate{2026, 12, 4});
    CHECK(place->checked == LocalDate{2026, 12, 4});
    auto next = next_opening(*place->schedule, {2026, 12, 24, 17, 0});  // Thursday after closing
    REQUIRE(next);
    CHECK(next->date == LocalDate{2026, 12, 29});  // Saturday 26 December is closed

    place->entered.reset();  // without "entered" a place must cite a source
    CHECK(fields(check_place(*place, everything())) == std::vector<std::string>{"sources"});
}

TEST_CASE("content-lint accepts an entered place in content/places.json and still checks it") {
    // On the code before issue 18 "entered" was an unknown key and the missing sources a problem.
    std::string text = replaced(bundled_text("content/places.json"), "\"places\": [",
                                std::string("\"places\": [") + kUrkStation + ",");
    LoadedContent loaded = content_with("content/places.json", text);
    std::vector<std::string> lines;
    for (const auto& p : loaded.problems) lines.push_back(p.to_string());
    CHECK(lines == std::vector<std::string>{});
    REQUIRE(loaded.content.find_place("milieustraat-urk"));

    // The checks moved into check_place still reach content-lint, with the entry's path.
    std::string swapped = replaced(text, "\"lat\": 52.66, \"lon\": 5.60", "\"lat\": 5.60, \"lon\": 52.66");
    LoadedContent broken = content_with("content/places.json", swapped);
    REQUIRE(broken.problems.size() == 1);
    CHECK(broken.problems[0].path == "places[0].location");
    CHECK(broken.problems[0].message.find("swapped lat and lon?") != std::string::npos);
}

TEST_CASE("check_place names every field that is wrong") {
    std::vector<FieldError> errors;
    auto place = read_place_json(kUrkStation, errors);
    REQUIRE(place);
    place->id = "Milieustraat Urk";
    place->name.clear();
    place->municipality = "atlantis";
    place->website = "ftp://urk.nl";
    place->handles.accepts = {"electronics", "spaceships"};
    place->sources = {"no-such-source"};
    auto found = check_place(*place, everything());
    for (const char* field : {"id", "name", "municipality", "website", "handles.accepts", "sources"}) {
        CAPTURE(field);
        CHECK(has_field(found, field));
    }
    // A list not given is not checked (as when its file did not load).
    CHECK_FALSE(has_field(check_place(*place, {}), "municipality"));
}

TEST_CASE("a place sent by an editor reports form problems by field path") {
    std::vector<FieldError> errors;
    std::string text = replaced(kUrkStation, "\"start\": \"09:00\"", "\"start\": \"9 uur\"");
    text = replaced(text, "\"on\": \"2026-12-04\"", "\"on\": \"gisteren\"");
    auto place = read_place_json(text, errors);
    REQUIRE(place);
    CHECK(has_field(errors, "schedule.rules[0].start"));
    CHECK(has_field(errors, "entered.on"));

    errors.clear();
    CHECK_FALSE(read_place_json("[1, 2]", errors));
    CHECK_FALSE(errors.empty());
    errors.clear();
    CHECK_FALSE(read_place_json("{\"id\": ", errors));
    CHECK_FALSE(errors.empty());
}

TEST_CASE("the overlay replaces edited places where they stand, adds new ones and keeps closed ones") {
    const Content& c = shipped_content();
    const Place* cafe = c.find_place("rc-haarlem-west-badhuis");
    REQUIRE(cafe);
    std::size_t at = static_cast<std::size_t>(cafe - c.places.data());

    PlaceOverlay overlay;
    overlay.version = 3;
    Place changed = *cafe;
    changed.schedule->rules.at(0).start_minute = 10 * 60;
    changed.version = 2;
    Place closed = *c.find_place("milieuplein-haarlem");
    closed.closed = true;
    closed.version = 1;
    std::vector<FieldError> errors;
    Place added = *read_place_json(kUrkStation, errors);
    added.version = 3;
    overlay.places = {changed, closed, added};

    // Through the wire format, as the app receives it.
    auto read = read_place_overlay(place_overlay_to_json(overlay));
    REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error()));
    CHECK(read.value().version == 3);
    auto places = apply_place_overlay(c.places, read.value());
    REQUIRE(places.size() == c.places.size() + 1);
    CHECK(places[at].id == cafe->id);
    CHECK(places[at].version == 2);
    CHECK(places[at].schedule->rules[0].start_minute == 600);
    const Place* station = nullptr;
    for (const auto& p : places) {
        if (p.id == "milieuplein-haarlem") CHECK(p.closed);
        if (p.id == "milieustraat-urk") station = &p;
    }
    REQUIRE(station);
    CHECK(station->entered->municipality == "urk");
    CHECK(places_in(places, "urk", PlaceKind::drop_off).size() == 1);
}

TEST_CASE("a broken overlay is refused with a message, so the one the app has is kept") {
    for (const char* body : {"", "{\"version\": 1}", "{\"version\": -1, \"places\": []}", "[]",
                             "{\"version\": 2, \"places\": [{\"id\": \"x\"}]}", "{\"version\": 1, \"places\": [], \"x\": 1}"}) {
        CAPTURE(body);
        auto read = read_place_overlay(body);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().find("places overlay") != std::string::npos);
    }
    auto empty = read_place_overlay("{\"version\": 0, \"places\": []}");
    REQUIRE(empty.ok());
    CHECK(empty.value().places.empty());
}
