// Places in Noord-Holland and Flevoland (repair cafés, drop-off points, battery collection,
// shop take-back) and every municipality of the two provinces with what a source confirms.
//
// A place records where its facts come from and when they were last checked; coordinates and
// hours appear only where a source gives them. A municipality may hold nothing but the name of
// the company that collects its waste, or even that marked unknown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/devices.h"
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

// What a place takes, in a small vocabulary (kHandlesVocabulary), read from its source's words:
//   "handles": {"accepts": ["electronics", "clothing"], "refuses": ["phones", "large-appliances"]}
// or "handles": {"unknown": true} when the source does not say.
struct Handles {
    bool known = false;
    std::vector<std::string> accepts;
    std::vector<std::string> refuses;
};

// The words `accepts` and `refuses` may use. "electronics" means small electrical and electronic
// devices in general (not large appliances, bicycles or batteries on their own).
const std::vector<std::string>& handles_vocabulary();

// How an entry was checked: compared with its source on `checked`, or taken over from a research
// note (the note's date) without a fresh comparison.
enum class CheckedHow { compared, research_note };

// Who entered a place through the editors' API instead of citing a source: residents read
// "ingevoerd door gemeente X op <date>". A place with `entered` needs no `sources`.
struct PlaceEntered {
    std::string municipality;  // municipality id of the team that entered it
    std::string editor;        // the editor account's name
    LocalDate on;
};

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
    Handles handles;              // the same, as vocabulary the app can match a device against
    std::string website;
    std::vector<std::string> sources;
    LocalDate checked;            // when the sources were last checked
    CheckedHow checked_how = CheckedHow::compared;
    LocalText note;
    bool closed = false;                 // closed for good: screens skip or mark it
    std::optional<PlaceEntered> entered; // entered by a municipal editor (place_overlay.h)
    std::int64_t version = 0;            // overlay version; 0: the bundled entry, never edited
};

struct WasteCompany {
    bool known = false;
    std::string name;             // "HVC", "Meerlanden", "GAD", "Gemeente Almere"
    std::string website;
    std::vector<std::string> sources;
    LocalDate checked;
    LocalText note;               // e.g. the contract's end date when a source gives it
};

// Where residents bring e-waste when the municipality has no drop-off point of its own in
// places.json: a neighbour's point a source names (`uses`), or, when no source gives one, the
// deepest page of the municipality or its waste company that does (`link`) with what we know.
struct DropOffArrangement {
    bool unknown = false;           // searched and found nothing: the note says what was looked for
    std::vector<std::string> uses;  // place ids (drop-off points elsewhere residents may use)
    std::string link;               // a deep link, never a home page
    LocalText note;
    std::vector<std::string> sources;
    LocalDate checked;
    bool empty() const { return !unknown && uses.empty() && link.empty(); }
};

struct CitedPoint {
    GeoPoint point;
    std::vector<std::string> sources;
};

struct Municipality {
    std::string id;               // kebab-case: "dijk-en-waard"
    std::string name;             // as written officially: "Dijk en Waard"
    std::string province;         // province id
    std::vector<std::string> sources;  // that it exists as a municipality (and of mergers)
    WasteCompany waste_company;
    std::optional<CitedPoint> centre;  // a point a source gives for the municipality, for distances
    DropOffArrangement drop_off;
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
// One place object as content/places.json writes it (an overlay place may also carry "version").
// Only the form is checked here (types, unknown keys, dates, times); what a place must say is
// check_place (place_checks.h), which content-lint and the editors' API both apply.
Place read_place(const JsonReader& item, bool overlay = false);
void read_municipalities(const JsonReader& root, std::vector<Province>& provinces,
                         std::vector<Municipality>& municipalities);

const char* place_kind_name(PlaceKind kind);

struct NearPlace {
    const Place* place = nullptr;
    double km = 0;
};

enum class HandlesAnswer { yes, no, unknown };
const char* handles_answer_name(HandlesAnswer answer);

// The vocabulary words a device answers to ("smartphone" -> phones, electronics).
std::vector<std::string> device_terms(const Device& device);
// Whether a place takes this device: no when it refuses one of the device's words or accepts
// only other things; unknown when the place's source does not say.
HandlesAnswer place_handles(const Place& place, const Device& device);

// A place chosen for a citizen: distance from their location or municipality centre, measured to
// the place's own coordinates or, when the source gives none, to its municipality's centre.
struct PlaceChoice {
    const Place* place = nullptr;
    std::optional<double> km;
    bool km_approximate = false;  // measured to a municipality centre, not to the place itself
    bool in_municipality = false; // in the citizen's municipality, or a neighbour's point it uses
    HandlesAnswer handles = HandlesAnswer::unknown;
};

struct PlaceQuery {
    std::vector<PlaceKind> kinds;
    const Device* device = nullptr;  // filter by what the place handles; nothing: no filter
    std::string municipality;        // the citizen's municipality id, when known
    std::optional<GeoPoint> from;    // the citizen's location, when they shared it
    double max_km = 25;              // farther is no help (own municipality is always kept)
    std::size_t limit = 3;
};

// Places of the wanted kinds that take the device, own municipality (and the neighbour points it
// uses) first when no distance is known, otherwise nearest first across borders; places that
// refuse the device never appear. Municipality centres come from `municipalities`. Drop-off
// points are residents' facilities: another municipality's point appears only when a source says
// the citizen's municipality uses it, or (municipality unknown) by its own coordinates.
std::vector<PlaceChoice> choose_places(const std::vector<Place>& places,
                                       const std::vector<Municipality>& municipalities, const PlaceQuery& query);

// Places with coordinates, nearest first, optionally of one kind, at most `limit` of them.
std::vector<NearPlace> nearest_places(const std::vector<Place>& places, const GeoPoint& from, std::size_t limit,
                                      std::optional<PlaceKind> kind = {});
// Places in a municipality (by id), optionally of one kind, in file order.
std::vector<const Place*> places_in(const std::vector<Place>& places, std::string_view municipality,
                                    std::optional<PlaceKind> kind = {});

}  // namespace stadsmijn
