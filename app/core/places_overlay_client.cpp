#include "core/places_overlay_client.h"

#include <algorithm>

namespace stadsmijn {

const char* overlay_status_name(OverlayStatus status) {
    switch (status) {
        case OverlayStatus::bundled: return "bundled";
        case OverlayStatus::checking: return "checking";
        case OverlayStatus::current: return "current";
        case OverlayStatus::unreachable: return "unreachable";
    }
    return "bundled";
}

void PlacesOverlayClient::restore(const AppState& state) {
    restored_ = true;
    auto stored = state.stored.find(kStorageKey);
    if (stored == state.stored.end() || stored->second.empty()) return;
    auto overlay = read_place_overlay(stored->second);
    if (!overlay) {
        // Corrupt or from an older app: ignored, the next answer replaces it.
        problem_ = "stored places overlay ignored: " + overlay.error();
        return;
    }
    overlay_ = std::move(overlay).value();
    ++generation_;
}

void PlacesOverlayClient::take_answer(const HttpResponse& response, OverlayEffects& out) {
    asking_ = false;
    out.forget_responses.push_back(kTag);
    if (response.status == 304) {
        status_ = OverlayStatus::current;
        return;
    }
    if (!response.ok()) {
        status_ = OverlayStatus::unreachable;
        return;
    }
    auto overlay = read_place_overlay(response.body);
    if (!overlay) {
        problem_ = "places overlay from the server ignored: " + overlay.error();
        status_ = OverlayStatus::unreachable;
        return;
    }
    status_ = OverlayStatus::current;
    if (overlay_ && overlay_->version == overlay.value().version) return;
    overlay_ = std::move(overlay).value();
    ++generation_;
    if (response.body.size() <= kMaxStoredBytes) out.store[kStorageKey] = response.body;
}

void PlacesOverlayClient::update(const AppState& state, std::int64_t now_ms, bool shows_places, OverlayEffects& out) {
    if (!restored_) restore(state);
    if (asking_) {
        auto answer = state.responses.find(kTag);
        if (answer != state.responses.end()) take_answer(answer->second, out);
        return;
    }
    bool first = !last_ask_ms_.has_value();
    if (!first && !(shows_places && now_ms - *last_ask_ms_ >= kMinIntervalMs)) return;
    HttpRequest request{kTag, "GET", kUrl, {}, {}};
    if (overlay_) request.headers["If-None-Match"] = "\"" + std::to_string(overlay_->version) + "\"";
    out.requests.push_back(std::move(request));
    asking_ = true;
    last_ask_ms_ = now_ms;
    if (status_ == OverlayStatus::bundled) status_ = OverlayStatus::checking;
}

std::vector<Place> resident_places(const std::vector<Place>& bundled, const std::optional<PlaceOverlay>& overlay) {
    if (!overlay) return bundled;
    std::vector<Place> places = apply_place_overlay(bundled, *overlay);
    std::erase_if(places, [](const Place& place) { return place.closed; });
    return places;
}

}  // namespace stadsmijn
