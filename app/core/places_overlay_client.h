// The app's side of the places municipal editors keep (issue 18): fetches the overlay of edited
// places, keeps the last one seen in browser storage so it works offline, and says how current it
// is. The screens only draw what this says; applying it is core/content/place_overlay.h's.
//
//   PlacesOverlayClient& client = ui_state.places_overlay;
//   OverlayEffects out;
//   client.update(state, now_ms, screen_shows_places, out);  // every frame
//   apply out (storage writes, requests, forget_responses);
//   if (client.generation() != seen) places = resident_places(content.places, client.overlay());
//
// Asking: once at start, then whenever a screen that shows places is open and the last ask is a
// minute old or more, never two at once; with If-None-Match "<version>" so an unchanged overlay
// costs a 304. A broken stored copy or a broken answer is ignored (the bundled places, or the
// overlay already held, stay) and named in problem().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/content/place_overlay.h"

namespace stadsmijn {

enum class OverlayStatus {
    bundled,      // nothing asked yet and nothing stored: the places of the build
    checking,     // the first answer is awaited
    current,      // the server answered within the last ask
    unreachable,  // the last ask failed: the overlay last seen (or the build's places) is shown
};
const char* overlay_status_name(OverlayStatus status);

struct OverlayEffects {
    std::map<std::string, std::string> store;
    std::vector<HttpRequest> requests;
    std::vector<std::string> forget_responses;
};

class PlacesOverlayClient {
public:
    static constexpr std::int64_t kMinIntervalMs = 60'000;
    static constexpr const char* kStorageKey = "places-overlay";
    static constexpr const char* kTag = "places-overlay";
    static constexpr const char* kUrl = "/api/places/overlay";
    // An overlay larger than this is not kept in storage (browsers allow about 5 MB in all).
    static constexpr std::size_t kMaxStoredBytes = 2 * 1024 * 1024;

    void update(const AppState& state, std::int64_t now_ms, bool shows_places, OverlayEffects& out);

    OverlayStatus status() const { return status_; }
    const std::optional<PlaceOverlay>& overlay() const { return overlay_; }
    std::int64_t version() const { return overlay_ ? overlay_->version : 0; }
    // Changes whenever overlay() does, so a cache built from it knows to rebuild.
    unsigned generation() const { return generation_; }
    // The last broken stored copy or answer, in English for the log; empty when none.
    const std::string& problem() const { return problem_; }

private:
    void restore(const AppState& state);
    void take_answer(const HttpResponse& response, OverlayEffects& out);

    bool restored_ = false;
    bool asking_ = false;
    std::optional<std::int64_t> last_ask_ms_;
    OverlayStatus status_ = OverlayStatus::bundled;
    std::optional<PlaceOverlay> overlay_;
    unsigned generation_ = 0;
    std::string problem_;
};

// The places residents see: the overlay applied over the bundled places, closed places left out.
std::vector<Place> resident_places(const std::vector<Place>& bundled, const std::optional<PlaceOverlay>& overlay);

}  // namespace stadsmijn
