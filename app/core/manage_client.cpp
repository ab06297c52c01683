#include "core/manage_client.h"

#include <nlohmann/json.hpp>

#include "core/content/place_overlay.h"
#include "core/routes.h"

namespace stadsmijn {

std::optional<EditorSession> read_me(std::string_view json) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    if (!doc.is_object() || !doc.contains("role") || !doc["role"].is_string()) return std::nullopt;
    EditorSession session;
    session.role = doc["role"].get<std::string>();
    if (session.role != "admin" && session.role != "editor") return std::nullopt;
    if (doc.contains("name") && doc["name"].is_string()) session.name = doc["name"].get<std::string>();
    if (doc.contains("municipalities") && doc["municipalities"].is_array())
        for (const auto& m : doc["municipalities"])
            if (m.is_string()) session.municipalities.push_back(m.get<std::string>());
    return session;
}

HttpRequest editor_request(std::string tag, std::string method, std::string url, std::string_view token,
                           std::string body) {
    HttpRequest request{std::move(tag), std::move(method), std::move(url), std::move(body)};
    request.headers["Authorization"] = "Bearer " + std::string(token);
    return request;
}

std::optional<std::vector<Place>> read_managed_places(std::string_view json) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    if (!doc.is_object() || !doc.contains("places") || !doc["places"].is_array()) return std::nullopt;
    std::vector<Place> places;
    for (const auto& item : doc["places"]) {
        std::vector<FieldError> errors;
        auto place = read_place_json(item.dump(), errors);
        if (!place) return std::nullopt;
        if (item.contains("version") && item["version"].is_number_integer()) place->version = item["version"].get<std::int64_t>();
        if (item.contains("closed") && item["closed"].is_boolean()) place->closed = item["closed"].get<bool>();
        places.push_back(std::move(*place));
    }
    return places;
}

HttpRequest set_place_closed_request(const Place& place, bool closed, std::string_view token) {
    Place changed = place;
    changed.closed = closed;
    nlohmann::json body = place_json(changed);
    body.erase("version");  // the version travels in If-Match
    HttpRequest request = editor_request("manage-change:" + place.id, "PUT", "/api/places/" + percent_encode(place.id),
                                         token, body.dump());
    request.headers["If-Match"] = "\"" + std::to_string(place.version) + "\"";
    return request;
}

const char* change_outcome(const HttpResponse& response) {
    if (response.ok()) return "saved";
    switch (response.status) {
        case 0: return "offline";
        case 401: return "signed_out";
        case 403: return "forbidden";
        case 412: return "stale";
        case 422: return "invalid";
        default: return "failed";
    }
}

}  // namespace stadsmijn
