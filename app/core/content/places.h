// Places in Noord-Holland and Flevoland (repair cafés, drop-off points, battery collection,
// shop take-back) and every municipality of the two provinces with what a source confirms.
//
// A place records where its facts come from and when they were last checked; coordinates and
// hours appear only where a source gives them. A municipality may hold nothing but the name of
// the company that collects its waste, or even that marked unknown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/local_text.h"
#include "core/content/schedule.h"
#include "core/json_reader.h"

namespace stadsmijn {

struct GeoPoint {
    double lat = 0;
    double lon = 0;
};

// Great-circle distance in kilometres.
double distance_km(const GeoPoint& a, const GeoPoint& b);

enum class PlaceKind { repair_cafe, drop_off, battery_collection, shop_take_back, reuse_shop };

struct Place {
    std::string id;
    PlaceKind kind = PlaceKind::repair_cafe;
    std::string name;
    std::string municipality;     // municipality id
    std::string district;         // optional, e.g. "Oost"
    std::string address;          // street and number as the source gives them
    std::string city;
    std::optional<GeoPoint> location;  // only where a source gives coordinates
    std::optional<Schedule> schedule;
    LocalText repairs;            // what a repair café repairs / a point accepts
    LocalText refuses;            // what it does not take
    std::string website;
    std::vector<std::string> sources;
    LocalDate checked;            // when the sources were last checked
    LocalText note;
};

struct WasteCompany {
    bool known = false;
    std::string name;             // "HVC", "Meerlanden", "GAD", "Gemeente Almere"
    std::string website;
    std::vector<std::string> sources;
    LocalDate checked;
    LocalText note;               // e.g. the contract's end date when a source gives it
};

struct Municipality {
    std::string id;               // kebab-case: "dijk-en-waard"
    std::string name;             // as written officially: "Dijk en Waard"
    std::string province;         // province id
    std::vector<std::string> sources;  // that it exists as a municipality (and of mergers)
    WasteCompany waste_company;
    LocalText note;               // mergers, former municipalities
};

// A generous rectangle around a province, for sanity checks of coordinates (not a border).
struct GeoBox {
    double south = 0, west = 0, north = 0, east = 0;
    bool contains(const GeoPoint& p) const { return p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east; }
};

struct Province {
    std::string id;
    LocalText name;
    GeoBox box;
    std::vector<std::string> sources;
};

std::vector<Place> read_places(const JsonReader& root);
void read_municipalities(const JsonReader& root, std::vector<Province>& provinces,
                         std::vector<Municipality>& municipalities);

const char* place_kind_name(PlaceKind kind);

struct NearPlace {
    const Place* place = nullptr;
    double km = 0;
};

// Places with coordinates, nearest first, optionally of one kind, at most `limit` of them.
std::vector<NearPlace> nearest_places(const std::vector<Place>& places, const GeoPoint& from, std::size_t limit,
                                      std::optional<PlaceKind> kind = {});
// Places in a municipality (by id), optionally of one kind, in file order.
std::vector<const Place*> places_in(const std::vector<Place>& places, std::string_view municipality,
                                    std::optional<PlaceKind> kind = {});

}  // namespace stadsmijn
