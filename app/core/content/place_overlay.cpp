#include "core/content/place_overlay.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/civil_date.h"

namespace stadsmijn {

namespace {

constexpr std::array<const char*, 7> kDayNames = {"mo", "tu", "we", "th", "fr", "sa", "su"};

Json local_text_json(const LocalText& text) {
    Json out = {{"nl", text.nl}};
    if (!text.en.empty()) out["en"] = text.en;
    return out;
}

std::string two_digits(long long n) {
    std::string text = std::to_string(n);
    return n < 10 ? "0" + text : text;
}

// A closed range written back in a form parse_closed_range reads as the same range.
std::string closed_range_text(const ClosedRange& range) {
    if (range.yearly) {
        auto point = [](long long key) { return two_digits(key / 100) + "-" + two_digits(key % 100); };
        return point(range.from) + ":" + point(range.to);
    }
    std::string from = format_date(civil_from_days(range.from));
    return range.from == range.to ? from : from + ":" + format_date(civil_from_days(range.to));
}

Json schedule_json(const Schedule& schedule) {
    Json out = {{"text", local_text_json(schedule.text)}};
    if (!schedule.rules.empty()) {
        Json rules = Json::array();
        for (const auto& rule : schedule.rules) {
            Json days = Json::array();
            for (int day : rule.weekdays) days.push_back(kDayNames[static_cast<std::size_t>(day)]);
            Json item = {{"every", rule.every == Every::week ? "week" : "month"},
                         {"days", days},
                         {"start", format_minutes(rule.start_minute)},
                         {"end", format_minutes(rule.end_minute)}};
            if (rule.every == Every::month) item["nth"] = rule.nth;
            rules.push_back(std::move(item));
        }
        out["rules"] = std::move(rules);
    }
    if (!schedule.closed_months.empty()) out["closed_months"] = schedule.closed_months;
    if (!schedule.closed.empty()) {
        Json closed = Json::array();
        for (const auto& range : schedule.closed) closed.push_back(closed_range_text(range));
        out["closed"] = std::move(closed);
    }
    if (!schedule.closed_text.empty()) out["closed_text"] = local_text_json(schedule.closed_text);
    return out;
}

std::vector<FieldError> field_errors(const Problems& problems) {
    std::vector<FieldError> errors;
    for (const auto& problem : problems) errors.push_back({problem.path, problem.message});
    return errors;
}

}  // namespace

Json place_json(const Place& place) {
    Json out = {{"id", place.id},
                {"kind", place_kind_name(place.kind)},
                {"name", place.name},
                {"municipality", place.municipality},
                {"city", place.city}};
    if (!place.district.empty()) out["district"] = place.district;
    if (!place.address.empty()) out["address"] = place.address;
    if (place.location) out["location"] = {{"lat", place.location->lat}, {"lon", place.location->lon}};
    if (place.schedule) out["schedule"] = schedule_json(*place.schedule);
    if (!place.repairs.empty()) out["repairs"] = local_text_json(place.repairs);
    if (!place.refuses.empty()) out["refuses"] = local_text_json(place.refuses);
    if (place.handles.known) {
        out["handles"] = {{"accepts", place.handles.accepts}};
        if (!place.handles.refuses.empty()) out["handles"]["refuses"] = place.handles.refuses;
    } else {
        out["handles"] = {{"unknown", true}};
    }
    if (!place.website.empty()) out["website"] = place.website;
    if (!place.sources.empty() || !place.entered) out["sources"] = place.sources;
    out["checked"] = format_date(place.checked);
    if (place.checked_how == CheckedHow::research_note) out["checked_how"] = "research-note";
    if (!place.note.empty()) out["note"] = local_text_json(place.note);
    if (place.closed) out["closed"] = true;
    if (place.entered)
        out["entered"] = {{"municipality", place.entered->municipality},
                          {"editor", place.entered->editor},
                          {"on", format_date(place.entered->on)}};
    if (place.version > 0) out["version"] = place.version;
    return out;
}

std::string place_to_json(const Place& place) { return place_json(place).dump(); }

std::string place_overlay_to_json(const PlaceOverlay& overlay) {
    Json places = Json::array();
    for (const auto& place : overlay.places) places.push_back(place_json(place));
    return Json{{"version", overlay.version}, {"places", std::move(places)}}.dump();
}

std::optional<Place> read_place_json(std::string_view json, std::vector<FieldError>& errors) {
    Problems problems;
    auto document = parse_json(json, "place", problems);
    if (!document || !document->is_object()) {
        if (problems.empty()) problems.push_back({"place", "", "expected a JSON object"});
        for (const auto& e : field_errors(problems)) errors.push_back(e);
        return std::nullopt;
    }
    Place place = read_place(JsonReader(*document, "place", problems), true);
    for (const auto& e : field_errors(problems)) errors.push_back(e);
    return place;
}

Result<PlaceOverlay> read_place_overlay(std::string_view json) {
    Problems problems;
    auto document = parse_json(json, "places overlay", problems);
    PlaceOverlay overlay;
    if (document) {
        JsonReader root(*document, "places overlay", problems);
        if (root.expect_object()) {
            root.reject_unknown_keys({"version", "places"});
            const Json* version = document->contains("version") ? &(*document)["version"] : nullptr;
            if (version && version->is_number_integer() && version->get<long long>() >= 0)
                overlay.version = version->get<std::int64_t>();
            else
                root.problem_at("version", "must be a whole number of at least 0");
            std::vector<std::string> ids;
            root.each("places", [&](JsonReader item) {
                Place place = read_place(item, true);
                if (std::find(ids.begin(), ids.end(), place.id) != ids.end())
                    item.problem_at("id", "'" + place.id + "' appears twice");
                ids.push_back(place.id);
                for (const auto& error : check_place(place, {}))
                    item.problem_at(error.field.c_str(), error.message);
                overlay.places.push_back(std::move(place));
            });
        }
    }
    if (!problems.empty()) {
        std::string message = "the places overlay is not valid: " + problems.front().to_string();
        if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more)";
        return fail(message);
    }
    return overlay;
}

std::vector<Place> apply_place_overlay(const std::vector<Place>& bundled, const PlaceOverlay& overlay) {
    std::vector<Place> places = bundled;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < places.size(); ++i) index.emplace(places[i].id, i);
    for (const auto& place : overlay.places) {
        if (auto found = index.find(place.id); found != index.end()) {
            places[found->second] = place;
        } else {
            index.emplace(place.id, places.size());
            places.push_back(place);
        }
    }
    return places;
}

}  // namespace stadsmijn
