// The state the screens are drawn from: where the citizen is, how they like to read, and what
// the platform answered (stored data, network answers, a chosen file, the location).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "core/content/places.h"
#include "core/content/schedule.h"
#include "core/preferences.h"
#include "core/routes.h"

namespace stadsmijn {

// An answer from the network. `status` 0 means no answer: offline, or the server unreachable.
struct HttpResponse {
    int status = 0;
    std::string body;
    bool ok() const { return status >= 200 && status < 300; }
};

// A request a screen or a protocol (the poll client) asks the platform to send.
struct HttpRequest {
    std::string tag;     // the answer arrives in AppState::responses[tag]
    std::string method;  // "GET", "POST"
    std::string url;     // same-origin path ("/api/polls")
    std::string body;    // JSON, for POST
    // Extra request headers: If-None-Match, If-Match, Authorization (the editors' token).
    std::map<std::string, std::string> headers = {};  // "= {}": positional initialisers may leave it out
};

struct PickedFile {
    std::string name;
    std::string text;
    std::string error;  // could not be read (too large, not text)
};

enum class LocationStatus { not_asked, asking, known, refused, unavailable };

struct AppState {
    Route route;
    Preferences preferences;
    bool system_prefers_dark = false;  // the browser's prefers-color-scheme
    bool embedded = false;             // shown inside another site's page (embed.js)
    std::string campaign;              // the campaign that embeds the app (?embed=), when known
    std::string origin;                // the page's origin ("https://stadsmijn.nl"); empty on the desktop

    // The local clock at the start of the frame; unset when the platform has none (tests set it).
    std::optional<LocalDateTime> now;

    // Browser storage, as durably written: a key appears here only after the write succeeded,
    // so a screen can say "saved" truthfully. Keys are the app's own ("drawer", "preferences").
    std::map<std::string, std::string> stored;
    std::map<std::string, std::string> storage_errors;  // key -> why the last write failed

    // Network requests by the tag the screen gave them: pending until answered.
    std::set<std::string> pending_requests;
    std::map<std::string, HttpResponse> responses;
    // How often the browser said the network came back (`online`): waiting votes go at once.
    unsigned network_returns = 0;

    std::map<std::string, PickedFile> picked_files;  // by the tag of the pick_file action

    // A language whose texts are fetched when chosen (the web build) and could not be: its
    // screens read English, and the app says so.
    std::string texts_unavailable;

    LocationStatus location_status = LocationStatus::not_asked;
    std::optional<GeoPoint> location;  // only with the citizen's permission; never leaves the device
};

}  // namespace stadsmijn
