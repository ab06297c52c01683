#include "core/content/places.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/routes.h"

namespace stadsmijn {

double distance_km(const GeoPoint& a, const GeoPoint& b) {
    constexpr double kEarthRadiusKm = 6371.0088;
    constexpr double kRadians = 3.14159265358979323846 / 180.0;
    double dlat = (b.lat - a.lat) * kRadians, dlon = (b.lon - a.lon) * kRadians;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(a.lat * kRadians) * std::cos(b.lat * kRadians) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

const char* place_kind_name(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::repair_cafe: return "repair-cafe";
        case PlaceKind::drop_off: return "drop-off";
        case PlaceKind::battery_collection: return "battery-collection";
        case PlaceKind::shop_take_back: return "shop-take-back";
        case PlaceKind::reuse_shop: return "reuse-shop";
    }
    return "repair-cafe";
}

namespace {

std::optional<PlaceKind> kind_from_name(const std::string& name) {
    for (PlaceKind kind : {PlaceKind::repair_cafe, PlaceKind::drop_off, PlaceKind::battery_collection,
                           PlaceKind::shop_take_back, PlaceKind::reuse_shop})
        if (name == place_kind_name(kind)) return kind;
    return std::nullopt;
}

LocalDate read_checked(const JsonReader& item) {
    std::string text = item.string("checked");
    auto date = parse_date(text);
    if (!text.empty() && !date) item.problem_at("checked", "must be a date as YYYY-MM-DD, found '" + text + "'");
    return date.value_or(LocalDate{});
}

void check_id(const JsonReader& item, const std::string& id, std::set<std::string>& seen, const char* what) {
    if (!id.empty() && !is_valid_id(id))
        item.problem_at("id", "'" + id + "' is not a kebab-case id (a-z, 0-9 and single dashes)");
    if (!id.empty() && !seen.insert(id).second)
        item.problem_at("id", "'" + id + "' is used by an earlier " + what + " too");
}

}  // namespace

std::vector<Place> read_places(const JsonReader& root) {
    std::vector<Place> places;
    std::set<std::string> seen;
    if (!root.expect_object()) return places;
    root.reject_unknown_keys({"places", "note"});
    root.each("places", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "kind", "name", "municipality", "district", "address", "city", "location",
                                  "schedule", "repairs", "refuses", "website", "sources", "checked", "note"});
        Place place;
        place.id = item.string("id");
        check_id(item, place.id, seen, "place");
        std::string kind = item.string("kind");
        if (auto parsed = kind_from_name(kind))
            place.kind = *parsed;
        else if (!kind.empty())
            item.problem_at("kind", "must be repair-cafe, drop-off, battery-collection, shop-take-back or reuse-shop, found '" +
                                        kind + "'");
        place.name = item.string("name");
        place.municipality = item.string("municipality");
        place.district = item.optional_string("district").value_or("");
        place.address = item.string("address");
        place.city = item.string("city");
        if (item.has("location")) {
            if (auto location = item.child("location")) {
                location->reject_unknown_keys({"lat", "lon"});
                auto lat = location->optional_number("lat", {.min = -90, .max = 90});
                auto lon = location->optional_number("lon", {.min = -180, .max = 180});
                if (!location->has("lat")) location->problem_at("lat", "missing; expected a number");
                if (!location->has("lon")) location->problem_at("lon", "missing; expected a number");
                if (lat && lon) place.location = GeoPoint{*lat, *lon};
            }
        }
        place.schedule = read_schedule(item);
        place.repairs = read_local_text(item, "repairs", false);
        place.refuses = read_local_text(item, "refuses", false);
        place.website = item.optional_string("website").value_or("");
        if (!place.website.empty() && !place.website.starts_with("https://") && !place.website.starts_with("http://"))
            item.problem_at("website", "must start with https:// or http://");
        place.sources = read_source_ids(item);
        place.checked = read_checked(item);
        place.note = read_local_text(item, "note", false);
        places.push_back(std::move(place));
    });
    return places;
}

void read_municipalities(const JsonReader& root, std::vector<Province>& provinces,
                         std::vector<Municipality>& municipalities) {
    if (!root.expect_object()) return;
    root.reject_unknown_keys({"provinces", "municipalities", "note"});
    std::set<std::string> seen_provinces, seen;
    root.each("provinces", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "name", "box", "sources"});
        Province province;
        province.id = item.string("id");
        check_id(item, province.id, seen_provinces, "province");
        province.name = read_local_text(item, "name");
        if (auto box = item.child("box")) {
            box->reject_unknown_keys({"south", "west", "north", "east"});
            province.box.south = box->number("south", {.min = -90, .max = 90});
            province.box.north = box->number("north", {.min = -90, .max = 90});
            province.box.west = box->number("west", {.min = -180, .max = 180});
            province.box.east = box->number("east", {.min = -180, .max = 180});
            if (province.box.south >= province.box.north) box->problem_at("north", "must be more northern than \"south\"");
            if (province.box.west >= province.box.east) box->problem_at("east", "must be more eastern than \"west\"");
        }
        province.sources = read_source_ids(item);
        provinces.push_back(std::move(province));
    });
    root.each("municipalities", [&](JsonReader item) {
        if (!item.expect_object()) return;
        item.reject_unknown_keys({"id", "name", "province", "sources", "waste_company", "note"});
        Municipality municipality;
        municipality.id = item.string("id");
        check_id(item, municipality.id, seen, "municipality");
        municipality.name = item.string("name");
        municipality.province = item.string("province");
        municipality.sources = read_source_ids(item);
        if (auto company = item.child("waste_company")) {
            company->reject_unknown_keys({"unknown", "name", "website", "sources", "checked", "note"});
            bool unknown = company->has("unknown") && company->boolean("unknown");
            WasteCompany& waste = municipality.waste_company;
            waste.note = read_local_text(*company, "note", false);
            if (unknown) {
                if (company->has("name")) company->problem_at("name", "an unknown waste company has no name");
                if (waste.note.empty())
                    company->problem_at("note", "missing; say what was looked for and not found");
                waste.sources = read_source_ids(*company, "sources", false);
                if (company->has("checked")) waste.checked = read_checked(*company);
            } else {
                waste.known = true;
                waste.name = company->string("name");
                waste.website = company->optional_string("website").value_or("");
                waste.sources = read_source_ids(*company);
                waste.checked = read_checked(*company);
            }
        }
        municipality.note = read_local_text(item, "note", false);
        municipalities.push_back(std::move(municipality));
    });
}

std::vector<NearPlace> nearest_places(const std::vector<Place>& places, const GeoPoint& from, std::size_t limit,
                                      std::optional<PlaceKind> kind) {
    std::vector<NearPlace> near;
    for (const auto& place : places) {
        if (!place.location || (kind && place.kind != *kind)) continue;
        near.push_back({&place, distance_km(from, *place.location)});
    }
    std::stable_sort(near.begin(), near.end(), [](const NearPlace& a, const NearPlace& b) { return a.km < b.km; });
    if (near.size() > limit) near.resize(limit);
    return near;
}

std::vector<const Place*> places_in(const std::vector<Place>& places, std::string_view municipality,
                                    std::optional<PlaceKind> kind) {
    std::vector<const Place*> found;
    for (const auto& place : places)
        if (place.municipality == municipality && (!kind || place.kind == *kind)) found.push_back(&place);
    return found;
}

}  // namespace stadsmijn
