// Everything a screen needs to draw one frame, and what it asks the platform to do.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>
#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "core/manage_client.h"
#include "core/place_reports.h"
#include "core/places_overlay_client.h"
#include "core/polls/poll_client.h"
#include "ui/fonts.h"
#include "ui/semantics.h"
#include "ui/theme.h"

namespace stadsmijn::ui {

// What the citizen asked for this frame; the platform layer carries it out after the frame.
using HttpRequest = stadsmijn::HttpRequest;

struct FileDownload {
    std::string filename;
    std::string mime;
    std::string text;
};

struct UiActions {
    std::optional<Route> navigate;        // a new history entry
    std::optional<Route> replace_route;   // the same screen with a choice kept in the URL (no new entry)
    std::optional<std::string> language;  // switch language (the URL is updated in place)
    std::optional<std::string> open_url;  // in a new tab
    bool wants_another_frame = false;     // an animation is running

    std::map<std::string, std::string> store;  // key -> value, written to browser storage
    std::vector<HttpRequest> requests;
    std::optional<FileDownload> download;     // save a file (drawer export)
    std::optional<std::string> pick_file;     // open a file chooser; the file lands in picked_files[tag]
    bool request_location = false;            // ask the browser for the location, once
    std::optional<std::string> copy_text;     // to the clipboard (the embed snippet)
    std::vector<std::string> announce;        // results a screen reader must hear ("saved", "vote counted")
    std::optional<Preferences> preferences;   // text size, theme: applied and remembered
    std::vector<std::string> forget_responses;  // tags whose answers the screen has consumed
    // Draw again after this many milliseconds even if nothing happens (a vote's retry is due).
    std::optional<std::int64_t> wake_in_ms;
};

// What the page did to the widgets since the last frame, through the DOM mirror: a screen
// reader or keyboard activating a button, text typed into a real <input>, a slider moved.
struct PageInput {
    unsigned activate = 0;                    // the id of a widget activated in the page
    std::map<unsigned, std::string> texts;   // text field id -> its new contents
    std::map<unsigned, double> numbers;      // slider id -> its new value
};

// View state the screens keep between frames (what is typed in a search field, an open
// section): not the citizen's data, which changes only through UiActions.
struct PollView {
    bool show_results = false;
    bool region_results = false;
    bool choosing_municipality = false;
    std::string municipality_query;
    std::string own_statement;
};

struct DebateState {
    std::map<std::string, polls::PollClient> clients;  // by poll id: the votes of this tab
    std::map<std::string, PollView> views;
};

// A resident's report of a problem with one place (guide_parts.cpp, report_form).
struct PlaceReportView {
    bool open = false;
    int problem = -1;  // index into kReportProblems
    std::string note;
    enum class Stage { editing, sending, received, offline, refused } stage = Stage::editing;
    bool asked_to_choose = false;
};

// The editors' screen (#/manage): what the server said about the signed-in editor and their places.
struct ManageView {
    std::string token_input;
    std::optional<EditorSession> session;
    bool checking = false;
    std::string problem;       // text key of why signing in failed
    std::string municipality;  // whose places are listed
    std::string municipality_input;
    std::optional<std::vector<Place>> places;
    bool loading = false;
    std::string outcome;       // text key of the last change's answer
};

struct DrawerView;  // screens/drawer.cpp

// Each screen's typed state lives here, so a new UiState (a new tab, a new test app) starts fresh
// and nothing is shared through statics. `fields` is the older string map, being replaced.
struct UiState {
    std::map<std::string, std::string> fields;
    DebateState debate;
    std::shared_ptr<DrawerView> drawer;  // shared_ptr: the type is complete only in drawer.cpp
    // Places edited by municipal teams (issue 18), and the content residents see with them applied
    // (rebuilt only when the overlay changes; null while there is none).
    PlacesOverlayClient places_overlay;
    std::map<std::string, PlaceReportView> place_reports;  // by place id
    ManageView manage;
    std::shared_ptr<const Content> overlaid_content;
    unsigned overlaid_generation = 0;
};

struct UiFrame {
    const Content& content;
    const Problems& content_problems;  // shown to the citizen, never hidden
    const Translator& t;
    const AppState& state;
    const Fonts& fonts;
    const Palette& palette;
    Semantics& semantics;
    UiActions& actions;
    UiState& ui;
    const PageInput& page_input;
    bool page_edits_text = false;  // web: text is typed into real <input>s of the mirror
    bool reset_scroll = false;      // a new route starts at the top of the page
    unsigned scroll_to_widget = 0;  // keyboard focus moved to this widget: bring it into view
    float column_right = 0;  // right edge of the reading column, window coordinates; set by draw_app
    std::function<std::uint32_t()> random32;  // the platform's cryptographic random numbers


    // Width from the cursor to the column's right edge: full-width widgets use this.
    float available_width() const;
    bool activated(unsigned id) const { return id != 0 && page_input.activate == id; }
    std::string text(std::string_view key, const TextArgs& args = {}) const { return t.text(key, args); }
};

}  // namespace stadsmijn::ui
