// The places municipal editors changed, laid over the places bundled from content/places.json.
//
// The server keeps edited places (with a version each) and serves them all at once as
// GET /api/places/overlay: {"version": 12, "places": [<place>, ...]}; the app caches that document
// and applies it over the bundled places, so an edit reaches residents without a rebuild.
//
//   auto overlay = read_place_overlay(body);            // Result: a clear message when broken
//   if (overlay) places = apply_place_overlay(content.places, overlay.value());
//   std::string json = place_to_json(place);           // an entry as content/places.json writes it
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content/place_checks.h"
#include "core/content/places.h"
#include "core/result.h"

namespace stadsmijn {

struct PlaceOverlay {
    std::int64_t version = 0;  // grows with every edit; the ETag of GET /api/places/overlay
    std::vector<Place> places; // edited and added places, each with its own version
};

// The body of GET /api/places/overlay. Fails, with the first problems named, on anything but a
// whole, valid document, so a broken answer never replaces an overlay the app already has.
Result<PlaceOverlay> read_place_overlay(std::string_view json);

// Bundled places with the overlay applied: an overlay place with a bundled id replaces it (in its
// place in the list); new ids are added at the end; closed places stay, with closed = true.
std::vector<Place> apply_place_overlay(const std::vector<Place>& bundled, const PlaceOverlay& overlay);

// A place as an entry of content/places.json, plus "closed" when closed, "entered" when entered by
// an editor and "version" when edited (> 0). read_place (overlay) reads it back unchanged.
nlohmann::json place_json(const Place& place);
std::string place_to_json(const Place& place);
std::string place_overlay_to_json(const PlaceOverlay& overlay);

// One place as an editor sends it (PUT /api/places/{id}): its form is read, and every problem
// lands in `errors` by field path ("schedule.rules[0].start"); nothing when it is not a JSON object.
// The checks on its meaning are check_place's.
std::optional<Place> read_place_json(std::string_view json, std::vector<FieldError>& errors);

}  // namespace stadsmijn
