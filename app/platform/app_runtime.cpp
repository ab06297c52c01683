#include "platform/app_runtime.h"

#include <SDL.h>
#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cfloat>
#include <nlohmann/json.hpp>
#include <cmath>
#include <cstdio>

#include "platform/bundle.h"
#include "platform/bundled_data.h"
#include "ui/app_ui.h"
#include "ui/theme.h"

namespace stadsmijn {

namespace {
// Enough frames for ImGui to settle hover, focus and layout after an input.
constexpr int settle_frames = 4;

std::span<const unsigned char> bytes_of(const char* path) {
    const EmbeddedFile* file = find_embedded(path);
    if (!file) return {};
    return {file->data, file->size};
}
}  // namespace

namespace {
std::string css_colour(ui::Rgb c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", c.r, c.g, c.b);
    return text;
}
}  // namespace

std::string semantics_json(const ui::Semantics& semantics, const ui::Palette& palette, float content_height,
                           const std::string& campaign, const std::string& screen) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& node : semantics.nodes()) {
        nlohmann::json item = {{"id", node.id},       {"role", ui::role_name(node.role)},
                               {"name", node.name},   {"x", node.x},
                               {"y", node.y},         {"w", node.width},
                               {"h", node.height}};
        if (node.parent) item["parent"] = node.parent;
        if (!node.value.empty()) item["value"] = node.value;
        if (!node.description.empty()) item["description"] = node.description;
        if (node.level) item["level"] = node.level;
        if (node.checked) item["checked"] = true;
        if (node.disabled) item["disabled"] = true;
        if (node.role == ui::Role::slider) {
            item["min"] = node.min;
            item["max"] = node.max;
            item["step"] = node.step;
            item["number"] = node.number;
        }
        nodes.push_back(std::move(item));
    }
    nlohmann::json page = {{"nodes", std::move(nodes)},
                           {"text", css_colour(palette.text)},
                           {"focus", css_colour(palette.focus)},
                           {"background", css_colour(palette.background)},
                           {"accent", css_colour(palette.accent)},
                           {"link", css_colour(palette.link)}};
    if (content_height > 0) page["content_height"] = std::ceil(content_height);
    if (!campaign.empty()) page["campaign"] = campaign;
    if (!screen.empty()) page["screen"] = screen;
    // Replace, not throw, on invalid UTF-8: the web build has no exceptions.
    return page.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

AppRuntime::AppRuntime(HostHooks hooks) : hooks_(std::move(hooks)) {}

void AppRuntime::load_bundle() {
    const std::uint64_t started = SDL_GetPerformanceCounter();
    LoadedContent loaded;
    if (hooks_.content_pack) {
        auto [name, pack] = hooks_.content_pack();
        loaded = load_packed_content(pack, name.empty() ? "content pack" : name);
    } else {
        loaded = load_bundled_content();
    }
    content_load_ms_ = 1000.0 * static_cast<double>(SDL_GetPerformanceCounter() - started) /
                       static_cast<double>(SDL_GetPerformanceFrequency());
    content_ = std::move(loaded.content);
    problems_ = std::move(loaded.problems);
    catalogs_to_fetch_ = add_bundled_catalogs(translator_, problems_);

    font_bytes_ = {bytes_of("fonts/Inter-Regular.otf"), bytes_of("fonts/Inter-SemiBold.otf")};
    if (font_bytes_.regular.empty() || font_bytes_.semibold.empty())
        problems_.push_back({"fonts/", "", "the UI font is missing from the build; using a fallback font"});
    if (!problems_.empty()) last_error_ = problems_.front().to_string();
}

void AppRuntime::start(SDL_Window* window, void* gl_context, const char* glsl_version, std::string_view fragment,
                       const std::vector<std::string>& browser_languages) {
    window_ = window;
    load_bundle();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written behind the citizen's back
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(window, gl_context);
    ImGui_ImplOpenGL3_Init(glsl_version);

    if (hooks_.load_storage) state_.stored = hooks_.load_storage();
    if (auto it = state_.stored.find("preferences"); it != state_.stored.end())
        state_.preferences = preferences_from_json(it->second);

    Route route = parse_route(fragment);
    adopt_campaign(route);
    std::string code = choose_language(route.language, state_.preferences.language, browser_languages,
                                       translator_.languages());
    translator_.set_language(code);
    if (hooks_.set_document_language) hooks_.set_document_language(code);
    state_.route = route;
    show_route(route, false);
    frames_to_settle_ = settle_frames;
}

void AppRuntime::shutdown() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

void AppRuntime::handle_event(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    // SDL turns touches into mouse events from SDL_TOUCH_MOUSEID. Without a pointer to hover, the
    // button last tapped would stay drawn as hovered: on a poll, the next statement would show
    // that vote as if already chosen.
    if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) {
        touch_lifted_ = true;
    } else if (event.type == SDL_MOUSEBUTTONDOWN ||
               (event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID)) {
        touch_lifted_ = false;
        pointer_hidden_ = false;
    }
    frames_to_settle_ = settle_frames;
}

void AppRuntime::wake() { frames_to_settle_ = std::max(frames_to_settle_, settle_frames); }

void AppRuntime::on_network_online() {
    ++state_.network_returns;
    wake();
}

void AppRuntime::activate_from_page(unsigned widget_id) {
    page_input_.activate = widget_id;
    wake();
}

void AppRuntime::text_from_page(unsigned widget_id, std::string text) {
    page_input_.texts[widget_id] = std::move(text);
    wake();
}

void AppRuntime::number_from_page(unsigned widget_id, double value) {
    page_input_.numbers[widget_id] = value;
    wake();
}

void AppRuntime::focus_from_page(unsigned widget_id) {
    scroll_to_widget_ = widget_id;
    wake();
}

void AppRuntime::on_http_response(const std::string& tag, int status, std::string body) {
    state_.pending_requests.erase(tag);
    state_.responses[tag] = HttpResponse{status, std::move(body)};
    wake();
}

void AppRuntime::on_file_picked(const std::string& tag, PickedFile file) {
    state_.picked_files[tag] = std::move(file);
    wake();
}

void AppRuntime::on_location(LocationStatus status, std::optional<GeoPoint> point) {
    state_.location_status = status;
    state_.location = point;
    wake();
}

// What the screens asked of the platform this frame. Storage is written first and synchronously,
// so that a screen only ever shows "saved" for what is in storage.
void AppRuntime::carry_out_services(ui::UiActions& actions) {
    if (actions.preferences) {
        state_.preferences = *actions.preferences;
        actions.store["preferences"] = preferences_to_json(state_.preferences);
    }
    for (auto& [key, value] : actions.store) {
        std::string error = hooks_.store ? hooks_.store(key, value) : std::string();
        if (error.empty()) {
            state_.stored[key] = value;
            state_.storage_errors.erase(key);
        } else {
            // Not an app error: the screen that saves tells the citizen (storage full, or refused
            // in an embed); the app keeps working with what is in memory.
            state_.storage_errors[key] = error;
        }
    }
    for (const auto& tag : actions.forget_responses) state_.responses.erase(tag);
    for (const auto& request : actions.requests) {
        state_.responses.erase(request.tag);
        if (hooks_.fetch) {
            state_.pending_requests.insert(request.tag);
            hooks_.fetch(request);
        } else {
            state_.responses[request.tag] = HttpResponse{};  // no network here
        }
    }
    if (actions.download && hooks_.download) hooks_.download(*actions.download);
    if (actions.pick_file) {
        state_.picked_files.erase(*actions.pick_file);
        if (hooks_.pick_file) hooks_.pick_file(*actions.pick_file);
    }
    if (actions.request_location && state_.location_status != LocationStatus::asking) {
        if (hooks_.request_location) {
            state_.location_status = LocationStatus::asking;
            hooks_.request_location();
        } else {
            state_.location_status = LocationStatus::unavailable;
        }
    }
    if (actions.copy_text && hooks_.copy_text) hooks_.copy_text(*actions.copy_text);
    if (hooks_.announce)
        for (const auto& message : actions.announce) hooks_.announce(message);
    bool changed = actions.preferences || !actions.store.empty() || !actions.requests.empty() ||
                   actions.pick_file || actions.request_location || !actions.forget_responses.empty();
    if (changed) wake();
}

void AppRuntime::set_system_prefers_dark(bool dark) {
    state_.system_prefers_dark = dark;
    wake();
}

void AppRuntime::on_url_changed(std::string_view fragment) {
    Route route = parse_route(fragment);
    if (route == state_.route) return;
    if (!route.language.empty() && translator_.has_language(route.language)) apply_language(route.language);
    show_route(route, false);
    wake();
}

void AppRuntime::apply_language(const std::string& code) {
    if (!translator_.set_language(code)) return;
    if (hooks_.set_document_language) hooks_.set_document_language(code);
    if (state_.texts_unavailable == code) state_.texts_unavailable.clear();  // chosen again: try again
}

// A language whose texts the web build fetches when chosen: ask once; until they arrive (or when
// they cannot be had) its screens read English, the catalogs' fallback.
void AppRuntime::fetch_chosen_catalog() {
    auto wanted = catalogs_to_fetch_.find(translator_.language());
    if (wanted == catalogs_to_fetch_.end()) return;
    const std::string tag = "i18n." + wanted->first;
    if (auto answer = state_.responses.find(tag); answer != state_.responses.end()) {
        HttpResponse response = std::move(answer->second);
        state_.responses.erase(answer);
        Problems problems;
        if (response.ok() && add_fetched_catalog(translator_, wanted->first, wanted->second, response.body, problems)) {
            catalogs_to_fetch_.erase(wanted);
            state_.texts_unavailable.clear();
            std::string title = ui::page_title(translator_, state_.route);
            if (title != title_ && hooks_.set_title) hooks_.set_title(title);
            title_ = title;
        } else {
            state_.texts_unavailable = wanted->first;
            if (!problems.empty()) last_error_ = problems.front().to_string();
        }
        wake();
        return;
    }
    if (state_.pending_requests.count(tag) || state_.texts_unavailable == wanted->first) return;
    ui::UiActions fetch;
    fetch.requests.push_back({tag, "GET", "/" + wanted->second, {}});
    carry_out_services(fetch);
}

void AppRuntime::show_route(Route route, bool push_history) {
    bool screen_changed = !(route.screen == state_.route.screen && route.device_id == state_.route.device_id &&
                            route.poll_id == state_.route.poll_id);
    state_.route = std::move(route);
    if (push_history && hooks_.set_url) hooks_.set_url(format_route(state_.route), false);
    std::string title = ui::page_title(translator_, state_.route);
    if (title != title_) {
        if (hooks_.set_title) hooks_.set_title(title);
        // A screen reader hears where a link or the back button led.
        if (!title_.empty() && hooks_.announce) hooks_.announce(title);
    }
    title_ = title;
    if (screen_changed) reset_scroll_ = true;
}

void AppRuntime::refresh_fonts_and_theme() {
    int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
    SDL_GetWindowSize(window_, &window_w, &window_h);
    SDL_GL_GetDrawableSize(window_, &drawable_w, &drawable_h);
    float pixel_ratio = window_w > 0 ? static_cast<float>(drawable_w) / static_cast<float>(window_w) : 1.0f;
    pixel_ratio = std::clamp(std::round(pixel_ratio * 4.0f) / 4.0f, 1.0f, 4.0f);
    float text_scale = std::clamp(state_.preferences.text_scale, 1.0f, 2.0f);

    if (!fonts_.body || fonts_.pixel_ratio != pixel_ratio || fonts_.text_scale != text_scale) {
        ImGuiIO& io = ImGui::GetIO();
        fonts_ = ui::build_fonts(*io.Fonts, font_bytes_, pixel_ratio, text_scale);
        io.FontGlobalScale = 1.0f / pixel_ratio;
        io.FontDefault = fonts_.body;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    const ui::Palette& palette = current_palette();
    if (applied_palette_ != &palette || applied_text_scale_ != text_scale) {
        ui::apply_theme(palette, text_scale);
        applied_palette_ = &palette;
        applied_text_scale_ = text_scale;
    }
}

void AppRuntime::frame() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) handle_event(event);

    refresh_fonts_and_theme();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (pointer_hidden_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    // The frame that sees the finger up (a quick tap's down and up may arrive together, and then
    // the backend reports it down for one frame) takes the tap; the frames after it have no pointer.
    if (touch_lifted_ && !io.MouseDown[0]) {
        touch_lifted_ = false;
        pointer_hidden_ = true;
        wake();
    }
    // ImGui 1.86 asserts on a zero step; browsers that coarsen timers give one (imgui#3644, #6114).
    if (!(io.DeltaTime > 0.0f)) io.DeltaTime = 1.0f / 60.0f;
    // No upper clamp: rendering pauses while nothing changes, and ImGui's clock must still follow
    // the wall clock across a pause. Clamped to 0.25 s, a tap after a 450 ms read arrived "250 ms"
    // after the last vote and the poll's 400 ms double-tap guard threw it away.

    if (hooks_.now) state_.now = hooks_.now();
    fetch_chosen_catalog();
    ImGui::NewFrame();
    ui::UiActions actions;
    const ui::Palette& palette = current_palette();
    ui::UiFrame ui_frame{content_,   problems_,  translator_, state_,
                         fonts_,     palette,    semantics_,  actions,
                         ui_state_,  page_input_, hooks_.page_edits_text, reset_scroll_,
                         scroll_to_widget_, 0.0f, hooks_.random32};
    reset_scroll_ = false;
    scroll_to_widget_ = 0;
    // The screen this frame shows (the route without its query), so the mirror knows when a new
    // screen's nodes have arrived rather than guessing from the address bar.
    std::string drawn_screen = format_route(state_.route);
    drawn_screen = drawn_screen.substr(0, drawn_screen.find('?'));
    ui::draw_app(ui_frame);
    if (ImGuiWindow* page = ImGui::FindWindowByName("##page"))
        content_height_ = page->ContentSize.y + 2 * page->WindowPadding.y;
    page_input_ = {};
    ImGui::Render();

    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(palette.background.r / 255.0f, palette.background.g / 255.0f, palette.background.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(window_);
    ++frames_drawn_;
    if (frames_to_settle_ > 0) --frames_to_settle_;
    wants_animation_ = actions.wants_another_frame;

    report_campaign_events(actions);
    carry_out_services(actions);
    if (actions.wake_in_ms && hooks_.wake_after) {
        // One timer at a time: a new one only when none is pending or this one is due sooner.
        const std::uint64_t now = SDL_GetTicks64();
        const std::uint64_t due = now + static_cast<std::uint64_t>(std::max<std::int64_t>(0, *actions.wake_in_ms));
        if (wake_timer_due_ <= now || due < wake_timer_due_) {
            wake_timer_due_ = due;
            hooks_.wake_after(*actions.wake_in_ms + 20);  // a little late rather than a frame early
        }
    }
    if (actions.language) {
        apply_language(*actions.language);
        Preferences remembered = state_.preferences;
        remembered.language = *actions.language;
        ui::UiActions remember;
        remember.preferences = remembered;
        carry_out_services(remember);
        Route route = state_.route;
        route.language = *actions.language;
        state_.route = route;
        if (hooks_.set_url) hooks_.set_url(format_route(route), true);
        show_route(route, false);
        wake();
    }
    if (actions.navigate) {
        show_route(*actions.navigate, true);
        wake();
    }
    if (actions.replace_route && !actions.navigate) {
        // A choice the screen keeps in the URL (a fault): reload and shared links keep it.
        state_.route = *actions.replace_route;
        if (hooks_.set_url) hooks_.set_url(format_route(state_.route), true);
        wake();
    }
    if (actions.open_url && hooks_.open_url) hooks_.open_url(*actions.open_url);

    std::string json = semantics_json(semantics_, palette, content_height_, state_.campaign, drawn_screen);
    if (json != mirrored_json_) {
        mirrored_json_ = std::move(json);
        if (hooks_.update_mirror) hooks_.update_mirror(mirrored_json_);
    }
}

const ui::Palette& AppRuntime::current_palette() const {
    const Campaign* campaign = state_.campaign.empty() ? nullptr : content_.find_campaign(state_.campaign);
    const ThemeChoice theme = state_.preferences.theme;
    if (campaign && theme != ThemeChoice::dark && theme != ThemeChoice::high_contrast)
        return ui::campaign_palette(*campaign);
    return ui::palette_for(theme, state_.system_prefers_dark);
}

void AppRuntime::adopt_campaign(const Route& route) {
    auto embed = route.query.find("embed");
    if (embed == route.query.end() || !content_.find_campaign(embed->second)) return;
    state_.campaign = embed->second;
    state_.embedded = true;
}

void AppRuntime::report_campaign_events(ui::UiActions& actions) {
    if (state_.campaign.empty()) return;
    FrameActivity activity;
    activity.drawer_saved = actions.store.count("drawer") > 0;
    for (const auto& request : actions.requests)
        if (request.method == "POST" && request.url.starts_with("/api/polls/") && request.url.ends_with("/votes"))
            activity.vote_sent = true;
    for (const auto& event : campaign_events_.observe(state_.route, activity))
        actions.requests.push_back({"campaign-event-" + event, "POST", "/api/events",
                                    campaign_event_body(state_.campaign, event)});
}

bool AppRuntime::wants_frames() const {
    const ImGuiIO& io = ImGui::GetIO();
    bool pointer_held = io.MouseDown[0] || io.MouseDown[1] || io.MouseDown[2];
    return frames_to_settle_ > 0 || pointer_held || io.WantTextInput || wants_animation_;
}

}  // namespace stadsmijn
