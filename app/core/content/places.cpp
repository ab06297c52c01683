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

const std::vector<std::string>& handles_vocabulary() {
    static const std::vector<std::string> words = {
        "electronics", "phones",    "tablets",    "computers", "screens",         "printers",         "cameras",
        "audio",       "small-appliances", "coffee-machines", "microwaves", "large-appliances", "lamps",
        "batteries",   "e-bike-batteries", "cables",   "bicycles",  "e-bikes",         "clothing",         "furniture",
        "toys"};
    return words;
}

const char* handles_answer_name(HandlesAnswer answer) {
    switch (answer) {
        case HandlesAnswer::yes: return "yes";
        case HandlesAnswer::no: return "no";
        case HandlesAnswer::unknown: return "unknown";
    }
    return "unknown";
}

std::vector<std::string> device_terms(const Device& device) {
    const std::string& id = device.id;
    std::vector<std::string> terms;
    auto add = [&](std::initializer_list<const char*> words) {
        for (const char* w : words) terms.emplace_back(w);
    };
    if (id == "smartphone" || id == "feature-phone") add({"phones"});
    else if (id == "tablet") add({"tablets"});
    else if (id == "laptop" || id == "desktop-computer") add({"computers"});
    else if (id == "printer") add({"printers"});
    else if (id == "digital-camera") add({"cameras"});
    else if (id == "coffee-maker") add({"coffee-machines", "small-appliances"});
    else if (id == "microwave") add({"microwaves"});
    else if (id == "e-bike-battery" || id == "power-tool-battery") add({"e-bike-batteries", "batteries"});
    else if (id == "power-bank") add({"batteries"});
    else if (id == "e-bike") add({"e-bikes", "bicycles"});
    else if (id == "charger" || id == "cables") add({"cables"});
    switch (device.group) {
        case DeviceGroup::screens: add({"screens"}); break;
        case DeviceGroup::audio_video: add({"audio"}); break;
        case DeviceGroup::small_appliances: add({"small-appliances"}); break;
        case DeviceGroup::large_appliances: add({"large-appliances"}); break;
        case DeviceGroup::lighting: add({"lamps"}); break;
        default: break;
    }
    // Every device here is electrical; "electronics" stands for the small ones.
    if (device.group != DeviceGroup::large_appliances && id != "e-bike" && id != "e-bike-battery" &&
        id != "power-tool-battery")
        add({"electronics"});
    return terms;
}

HandlesAnswer place_handles(const Place& place, const Device& device) {
    if (!place.handles.known) return HandlesAnswer::unknown;
    auto terms = device_terms(device);
    auto in = [](const std::vector<std::string>& list, const std::string& word) {
        return std::find(list.begin(), list.end(), word) != list.end();
    };
    for (const auto& t : terms)
        if (in(place.handles.refuses, t)) return HandlesAnswer::no;
    for (const auto& t : terms)
        if (in(place.handles.accepts, t)) return HandlesAnswer::yes;
    return HandlesAnswer::no;
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

Place read_place(const JsonReader& item, bool overlay) {
    Place place;
    if (!item.expect_object()) return place;
    if (overlay)
        item.reject_unknown_keys({"id", "kind", "name", "municipality", "district", "address", "city", "location",
                                  "schedule", "repairs", "refuses", "handles", "website", "sources", "checked",
                                  "checked_how", "note", "closed", "entered", "version"});
    else
        item.reject_unknown_keys({"id", "kind", "name", "municipality", "district", "address", "city", "location",
                                  "schedule", "repairs", "refuses", "handles", "website", "sources", "checked",
                                  "checked_how", "note", "closed", "entered"});
    place.id = item.string("id");
    std::string kind = item.string("kind");
    if (auto parsed = kind_from_name(kind))
        place.kind = *parsed;
    else if (!kind.empty())
        item.problem_at("kind", "must be repair-cafe, drop-off, battery-collection, shop-take-back or reuse-shop, found '" +
                                    kind + "'");
    place.name = item.string("name");
    place.municipality = item.string("municipality");
    place.district = item.optional_string("district").value_or("");
    place.address = item.optional_string("address").value_or("");  // some sources name only the town
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
    if (item.has("handles")) {
        if (auto handles = item.child("handles")) {
            handles->reject_unknown_keys({"unknown", "accepts", "refuses"});
            bool unknown = handles->has("unknown") && handles->boolean("unknown");
            if (handles->has("accepts")) place.handles.accepts = handles->strings("accepts");
            if (handles->has("refuses")) place.handles.refuses = handles->strings("refuses");
            place.handles.known = !unknown;
        }
    } else if (place.kind == PlaceKind::repair_cafe) {
        item.problem_at("handles", "missing; a repair café says what it repairs ({\"accepts\": [...]}) or "
                                   "{\"unknown\": true}");
    }
    place.website = item.optional_string("website").value_or("");
    if (item.has("entered")) {
        if (auto entered = item.child("entered")) {
            entered->reject_unknown_keys({"municipality", "editor", "on"});
            PlaceEntered who;
            who.municipality = entered->string("municipality");
            who.editor = entered->string("editor");
            std::string on = entered->string("on");
            auto date = parse_date(on);
            if (!on.empty() && !date) entered->problem_at("on", "must be a date as YYYY-MM-DD, found '" + on + "'");
            who.on = date.value_or(LocalDate{});
            place.entered = who;
        }
    }
    // A place entered by its municipality cites no source and was checked when it was entered;
    // an editor's place (overlay) may leave "checked" out: the server dates it.
    place.sources = read_source_ids(item, "sources", false);
    if ((place.entered || overlay) && !item.has("checked"))
        place.checked = place.entered ? place.entered->on : LocalDate{};
    else
        place.checked = read_checked(item);
    if (auto how = item.optional_string("checked_how")) {
        if (*how == "research-note")
            place.checked_how = CheckedHow::research_note;
        else if (*how != "compared")
            item.problem_at("checked_how", "must be \"compared\" or \"research-note\", found '" + *how + "'");
    }
    place.note = read_local_text(item, "note", false);
    if (item.has("closed")) place.closed = item.boolean("closed");
    if (overlay && item.has("version")) {
        const Json& version = item.node()["version"];
        if (version.is_number_integer() && version.get<long long>() >= 0)
            place.version = version.get<std::int64_t>();
        else
            item.problem_at("version", "must be a whole number of at least 0");
    }
    return place;
}

std::vector<Place> read_places(const JsonReader& root) {
    std::vector<Place> places;
    std::set<std::string> seen;
    if (!root.expect_object()) return places;
    root.reject_unknown_keys({"places", "note"});
    root.each("places", [&](JsonReader item) {
        if (!item.is_object()) {
            item.expect_object();
            return;
        }
        Place place = read_place(item);
        if (!place.id.empty() && !seen.insert(place.id).second)
            item.problem_at("id", "'" + place.id + "' is used by an earlier place too");
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
        item.reject_unknown_keys({"id", "name", "province", "sources", "waste_company", "centre", "drop_off", "note"});
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
        if (item.has("centre")) {
            if (auto centre = item.child("centre")) {
                centre->reject_unknown_keys({"lat", "lon", "sources"});
                CitedPoint point;
                point.point.lat = centre->number("lat", {.min = -90, .max = 90});
                point.point.lon = centre->number("lon", {.min = -180, .max = 180});
                point.sources = read_source_ids(*centre);
                municipality.centre = point;
            }
        }
        if (item.has("drop_off")) {
            if (auto drop = item.child("drop_off")) {
                drop->reject_unknown_keys({"unknown", "uses", "link", "note", "sources", "checked"});
                DropOffArrangement& d = municipality.drop_off;
                d.unknown = drop->has("unknown") && drop->boolean("unknown");
                if (drop->has("uses")) d.uses = drop->strings("uses");
                d.link = drop->optional_string("link").value_or("");
                if (!d.link.empty() && !d.link.starts_with("https://") && !d.link.starts_with("http://"))
                    drop->problem_at("link", "must start with https:// or http://");
                d.note = read_local_text(*drop, "note");
                d.sources = read_source_ids(*drop, "sources", !d.unknown);
                d.checked = read_checked(*drop);
                if (d.empty()) drop->problem_at("uses", "missing; name the places residents use, or give a \"link\"");
            }
        }
        municipality.note = read_local_text(item, "note", false);
        municipalities.push_back(std::move(municipality));
    });
}

std::vector<PlaceChoice> choose_places(const std::vector<Place>& places,
                                       const std::vector<Municipality>& municipalities, const PlaceQuery& q) {
    auto find_municipality = [&](std::string_view id) -> const Municipality* {
        for (const auto& m : municipalities)
            if (m.id == id) return &m;
        return nullptr;
    };
    const Municipality* home = q.municipality.empty() ? nullptr : find_municipality(q.municipality);
    std::optional<GeoPoint> from = q.from;
    bool from_centre = false;
    if (!from && home && home->centre) {
        from = home->centre->point;
        from_centre = true;
    }
    std::vector<PlaceChoice> chosen;
    for (const auto& place : places) {
        if (std::find(q.kinds.begin(), q.kinds.end(), place.kind) == q.kinds.end()) continue;
        PlaceChoice c;
        c.place = &place;
        c.handles = q.device ? place_handles(place, *q.device) : HandlesAnswer::yes;
        if (c.handles == HandlesAnswer::no) continue;
        c.in_municipality = home && (place.municipality == home->id ||
                                     std::find(home->drop_off.uses.begin(), home->drop_off.uses.end(), place.id) !=
                                         home->drop_off.uses.end());
        if (from) {
            if (place.location) {
                c.km = distance_km(*from, *place.location);
                c.km_approximate = from_centre;
            } else if (const Municipality* m = find_municipality(place.municipality);
                       m && m->centre && m != home) {  // in one's own municipality "0 km" says nothing
                c.km = distance_km(*from, m->centre->point);
                c.km_approximate = true;
            }
        }
        if (!c.in_municipality && (!c.km || *c.km > q.max_km)) continue;  // not near by measure or municipality
        // A municipal drop-off point is for its own residents (and those of municipalities a source
        // says use it): across a border only when we do not know the citizen's municipality and the
        // point's own coordinates put it near.
        if (place.kind == PlaceKind::drop_off && !c.in_municipality && (home || !place.location || c.km_approximate))
            continue;
        chosen.push_back(c);
    }
    // Own municipality without a distance first (it is near, we cannot say how near), then nearest;
    // a place known to take the device comes before one whose source does not say unless that one
    // is more than 10 km nearer.
    auto key = [](const PlaceChoice& c) {
        double km = c.km ? *c.km : (c.in_municipality ? -1.0 : 1e9);
        if (c.handles == HandlesAnswer::unknown) km += 10.0;
        return km;
    };
    std::stable_sort(chosen.begin(), chosen.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    if (chosen.size() > q.limit) chosen.resize(q.limit);
    return chosen;
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
