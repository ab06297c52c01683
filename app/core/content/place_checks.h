// What a place must say before residents see it: the one set of checks behind content-lint (every
// entry of content/places.json, through load_content) and the editors' API (PUT /api/places/{id}).
//
//   PlaceCheckContext context{&content.municipalities, &content.provinces, &content.sources};
//   for (const FieldError& e : check_place(place, context)) show(e.field, e.message);
//   // {"location", "lies outside Noord-Holland (lat 4.6, lon 52.3): swapped lat and lon?"}
//
// The form of the JSON (types, unknown keys, dates, times) is checked while reading it
// (read_place in places.h, read_place_json in place_overlay.h); these are the checks on its meaning.
#pragma once

#include <string>
#include <vector>

#include "core/content/places.h"
#include "core/content/sources.h"

namespace stadsmijn {

// A problem with one field of an entry: `field` is its JSON path inside the entry
// ("schedule.rules[0].start", "handles.accepts"), empty for the entry as a whole.
struct FieldError {
    std::string field;
    std::string message;
    bool operator==(const FieldError&) const = default;
};

// What a place is checked against; a list left out (nullptr) is not checked, as when its file
// did not load.
struct PlaceCheckContext {
    const std::vector<Municipality>* municipalities = nullptr;
    const std::vector<Province>* provinces = nullptr;
    const std::vector<Source>* sources = nullptr;
};

std::vector<FieldError> check_place(const Place& place, const PlaceCheckContext& context);

}  // namespace stadsmijn
