// The app between the platform and the screens: loads content and catalogs from the bundle,
// turns SDL events and URL changes into state, draws a frame when one is needed, and carries
// out what the screens ask for through the host's hooks.
//
// Both main loops (web: main_web.cpp, desktop: main_native.cpp) drive it the same way:
//   AppRuntime app(hooks);  app.start(window, gl_context, glsl_version, fragment, languages);
//   on each event: app.handle_event(event);   on a URL change: app.on_url_changed(fragment);
//   app.frame();  and sleep while !app.wants_frames()
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/campaign_events.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/frame.h"
#include "ui/semantics.h"
#include "ui/theme.h"

struct SDL_Window;
union SDL_Event;

namespace stadsmijn {

// What the host (browser page or desktop) does for the app.
struct HostHooks {
    std::function<void(const std::string& fragment, bool replace)> set_url;  // push or replace history
    std::function<void(const std::string& title)> set_title;
    std::function<void(const std::string& code)> set_document_language;
    std::function<void(const std::string& url)> open_url;  // in a new tab
    // The page mirrors the frame's semantics into DOM elements (JSON, see semantics_json);
    // called only when they changed. Empty on the desktop.
    std::function<void(const std::string& json)> update_mirror;
    std::function<void(const std::string& message)> announce;  // aria-live, for route changes and results
    bool page_edits_text = false;  // text fields are edited in the page's real <input>s

    // Services of the platform. Any may be empty (the desktop build has no browser storage).
    std::function<std::map<std::string, std::string>()> load_storage;                // at start
    std::function<std::string(const std::string& key, const std::string& value)> store;  // "" or why it failed
    std::function<void(const ui::HttpRequest& request)> fetch;  // answered through on_http_response
    std::function<void(const ui::FileDownload& file)> download;
    std::function<void(const std::string& tag)> pick_file;  // answered through on_file_picked
    std::function<void()> request_location;                 // answered through on_location
    std::function<void(const std::string& text)> copy_text;
    std::function<std::optional<LocalDateTime>()> now;     // the local clock
    std::function<std::uint32_t()> random32;               // cryptographic random numbers
    // The web build's content (tools/build/content_pack.py), fetched next to the wasm: its name
    // and text. Empty: content comes from the bundle compiled in (desktop, tests).
    std::function<std::pair<std::string, std::string>()> content_pack;
    // Call AppRuntime::wake after `delay_ms`, also while the loop is paused (a vote's retry).
    std::function<void(std::int64_t delay_ms)> wake_after;
};

// The semantics of a frame as JSON, for the page's test API and (later) its DOM mirror.
// `content_height`: the page's full height in CSS pixels (an embed sizes its frame to it).
// `screen`: the route these nodes were drawn for, without its query (the mirror moves focus to
// a new screen's heading once that screen's nodes arrive).
std::string semantics_json(const ui::Semantics& semantics, const ui::Palette& palette, float content_height = 0,
                           const std::string& campaign = {}, const std::string& screen = {});

class AppRuntime {
public:
    explicit AppRuntime(HostHooks hooks);

    // Loads the bundle and sets up ImGui on an existing GL context. `fragment` is the URL's
    // fragment at start ("#/about?lang=en"); `browser_languages` the browser's preferences.
    void start(SDL_Window* window, void* gl_context, const char* glsl_version, std::string_view fragment,
               const std::vector<std::string>& browser_languages);
    void shutdown();

    void handle_event(const SDL_Event& event);
    void on_url_changed(std::string_view fragment);  // the back button, a typed URL
    void set_system_prefers_dark(bool dark);
    void wake();  // something outside wants a frame (a network answer, a resize)
    void on_network_online();  // the browser's `online` event: waiting votes go at once

    // Input from the page's DOM mirror (a screen reader, the keyboard, a phone's keyboard),
    // applied in the next frame.
    void activate_from_page(unsigned widget_id);
    void text_from_page(unsigned widget_id, std::string text);
    void number_from_page(unsigned widget_id, double value);
    // A mirror element got keyboard focus: scroll the page so its widget is in view.
    void focus_from_page(unsigned widget_id);

    // Answers of the platform's services (see HostHooks).
    void on_http_response(const std::string& tag, int status, std::string body);
    void on_file_picked(const std::string& tag, PickedFile file);
    void on_location(LocationStatus status, std::optional<GeoPoint> point);
    void set_embedded(bool embedded) { state_.embedded = embedded; }
    void set_origin(std::string origin) { state_.origin = std::move(origin); }  // for the embed snippet

    void frame();
    bool wants_frames() const;

    unsigned frames_drawn() const { return frames_drawn_; }
    std::string current_fragment() const { return format_route(state_.route); }
    const std::string& language() const { return translator_.language(); }
    const Translator& translator() const { return translator_; }  // its missing-text counter, for tests
    const std::string& last_error() const { return last_error_; }
    double content_load_ms() const { return content_load_ms_; }  // unpacking, parsing and checking content
    float font_pixel_ratio() const { return fonts_.pixel_ratio; }  // the atlas's device pixels per CSS pixel
    const ui::Semantics& semantics() const { return semantics_; }
    const std::string& mirror_json() const { return mirrored_json_; }  // the last frame's semantics_json

private:
    void load_bundle();
    void apply_language(const std::string& code);
    void fetch_chosen_catalog();
    void show_route(Route route, bool push_history);
    void refresh_fonts_and_theme();
    void carry_out_services(ui::UiActions& actions);
    // Embedded by a campaign: its colours (unless the citizen chose dark or high contrast), and
    // its anonymous events added to the frame's requests.
    const ui::Palette& current_palette() const;
    void adopt_campaign(const Route& route);
    void report_campaign_events(ui::UiActions& actions);

    HostHooks hooks_;
    SDL_Window* window_ = nullptr;
    Content content_;
    Problems problems_;
    Translator translator_;
    std::map<std::string, std::string> catalogs_to_fetch_;  // language -> file, until fetched
    AppState state_;
    ui::Fonts fonts_;
    ui::FontBytes font_bytes_;
    ui::Semantics semantics_;
    ui::UiState ui_state_;
    ui::PageInput page_input_;
    unsigned scroll_to_widget_ = 0;
    std::string mirrored_json_;
    const void* applied_palette_ = nullptr;
    float applied_text_scale_ = 0;
    unsigned frames_drawn_ = 0;
    int frames_to_settle_ = 0;  // ImGui needs a few frames after input to finish what it started
    bool wants_animation_ = false;
    // A finger lifted: after the frame that takes the tap, the pointer is gone until the next
    // touch or mouse movement, so nothing stays drawn as hovered on a touch screen.
    bool touch_lifted_ = false;
    bool pointer_hidden_ = false;
    bool reset_scroll_ = false;
    std::string title_;
    std::string last_error_;
    CampaignEventLog campaign_events_;
    std::uint64_t wake_timer_due_ = 0;  // SDL ticks when the timer asked of wake_after fires
    float content_height_ = 0;
    double content_load_ms_ = 0;
};

}  // namespace stadsmijn
