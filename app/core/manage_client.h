// The editors' side (issue 18, #/manage): who is signed in, their municipalities' places, and
// closing or reopening a place with the version it was read at (If-Match), so a change by
// someone else is never overwritten silently. The token is kept in session storage only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/content/places.h"

namespace stadsmijn {

inline constexpr const char* kEditorTokenKey = "session.editor-token";  // sessionStorage (web/app.js)

struct EditorSession {
    std::string role;  // "admin" or "editor"
    std::string name;
    std::vector<std::string> municipalities;  // admin: empty, meaning all
};
std::optional<EditorSession> read_me(std::string_view json);

// A request with the editor's token as `Authorization: Bearer`.
HttpRequest editor_request(std::string tag, std::string method, std::string url, std::string_view token,
                           std::string body = {});

// GET /api/places?municipality=X: the places of X with their versions; nothing when broken.
std::optional<std::vector<Place>> read_managed_places(std::string_view json);

// PUT /api/places/{id} closing (or reopening) `place`, at the version it was read at.
HttpRequest set_place_closed_request(const Place& place, bool closed, std::string_view token);

// What an answer to a change means for the editor: "saved", "stale" (412: someone else changed
// it; reload), "signed_out" (401), "forbidden" (403), "invalid" (422), "offline", "failed".
const char* change_outcome(const HttpResponse& response);

}  // namespace stadsmijn
