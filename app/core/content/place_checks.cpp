#include "core/content/place_checks.h"

#include <algorithm>

#include "core/routes.h"

namespace stadsmijn {

namespace {

template <typename T>
const T* find_id(const std::vector<T>* items, std::string_view id) {
    if (!items) return nullptr;
    for (const auto& item : *items)
        if (item.id == id) return &item;
    return nullptr;
}

void check_words(const std::vector<std::string>& words, const char* field, std::vector<FieldError>& errors) {
    const auto& vocabulary = handles_vocabulary();
    for (const auto& word : words)
        if (std::find(vocabulary.begin(), vocabulary.end(), word) == vocabulary.end())
            errors.push_back({field, "'" + word + "' is not a known word (see handles_vocabulary() in "
                                                  "app/core/content/places.cpp)"});
}

}  // namespace

std::vector<FieldError> check_place(const Place& place, const PlaceCheckContext& context) {
    std::vector<FieldError> errors;
    if (!place.id.empty() && !is_valid_id(place.id))
        errors.push_back({"id", "'" + place.id + "' is not a kebab-case id (a-z, 0-9 and single dashes)"});
    if (place.id.empty()) errors.push_back({"id", "missing; a kebab-case id such as \"kringloop-haarlem-noord\""});
    if (place.name.empty()) errors.push_back({"name", "missing; the name residents see"});
    if (place.city.empty()) errors.push_back({"city", "missing; the town or city"});

    const Municipality* municipality = nullptr;
    if (place.municipality.empty()) {
        errors.push_back({"municipality", "missing; the id of the municipality the place lies in"});
    } else if (context.municipalities) {
        municipality = find_id(context.municipalities, place.municipality);
        if (!municipality)
            errors.push_back({"municipality",
                              "'" + place.municipality + "' is not a municipality in content/municipalities.json"});
    }
    if (place.location && municipality) {
        const Province* province = find_id(context.provinces, municipality->province);
        if (province && !province->box.contains(*place.location))
            errors.push_back({"location", "lies outside " + province->name.nl + " (lat " +
                                              std::to_string(place.location->lat) + ", lon " +
                                              std::to_string(place.location->lon) + "): swapped lat and lon?"});
    }

    check_words(place.handles.accepts, "handles.accepts", errors);
    check_words(place.handles.refuses, "handles.refuses", errors);
    if (!place.handles.known && (!place.handles.accepts.empty() || !place.handles.refuses.empty()))
        errors.push_back({"handles.unknown", "an unknown \"handles\" has no accepts or refuses"});
    if (place.handles.known && place.handles.accepts.empty())
        errors.push_back({"handles.accepts", "missing; say what the place takes, or {\"unknown\": true}"});

    if (!place.website.empty() && !place.website.starts_with("https://") && !place.website.starts_with("http://"))
        errors.push_back({"website", "must start with https:// or http://"});

    if (place.entered) {
        if (place.entered->municipality.empty())
            errors.push_back({"entered.municipality", "missing; the municipality whose team entered the place"});
        else if (context.municipalities && !find_id(context.municipalities, place.entered->municipality))
            errors.push_back({"entered.municipality", "'" + place.entered->municipality +
                                                          "' is not a municipality in content/municipalities.json"});
        if (place.entered->editor.empty()) errors.push_back({"entered.editor", "missing; who entered the place"});
    } else if (place.sources.empty()) {
        errors.push_back({"sources", "cites no source; every place needs at least one source id from "
                                     "content/sources.json, or \"entered\" by its municipality"});
    }
    if (context.sources)
        for (const auto& id : place.sources)
            if (!find_id(context.sources, id))
                errors.push_back({"sources", "cites '" + id + "', which is not in content/sources.json"});
    return errors;
}

}  // namespace stadsmijn
