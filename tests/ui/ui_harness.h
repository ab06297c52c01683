// Draws the app's screens headless (an ImGui context with no window and no GPU) so tests can
// check what a screen shows and what a click does, through the frame's Semantics.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "platform/bundle.h"
#include "platform/bundled_data.h"
#include "ui/app_ui.h"

namespace stadsmijn::ui::testing {

class HeadlessApp {
public:
    // `text_scale` as the citizen's text size setting (1.0 to 2.0) builds the fonts and style at that size.
    explicit HeadlessApp(float width = 390, float height = 844, float text_scale = 1.0f) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        LoadedContent loaded = load_bundled_content();
        content = std::move(loaded.content);
        problems = std::move(loaded.problems);
        add_bundled_catalogs(translator, catalog_problems);
        auto bytes = [](const char* path) -> std::span<const unsigned char> {
            const EmbeddedFile* file = find_embedded(path);
            return file ? std::span<const unsigned char>(file->data, file->size) : std::span<const unsigned char>();
        };
        fonts = build_fonts(*io.Fonts, {bytes("fonts/Inter-Regular.otf"), bytes("fonts/Inter-SemiBold.otf")}, 1.0f, text_scale);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(light_palette(), text_scale);
        state.preferences.text_scale = text_scale;
    }
    ~HeadlessApp() { ImGui::DestroyContext(); }

    void go(const std::string& fragment) {
        state.route = parse_route(fragment);
        translator.set_language(state.route.language.empty() ? "nl" : state.route.language);
    }

    // Draws one frame; returns what the screens asked for.
    // Every frame also checks that no text the screens asked for is missing in Dutch.
    UiActions frame() {
        translator.reset_missing();
        ImGui::NewFrame();
        UiActions actions;
        UiFrame f{content, problems, translator, state, fonts, light_palette(), semantics, actions, ui, page_input};
        f.random32 = [this] { return next_random++; };
        f.page_edits_text = page_edits_text;
        draw_app(f);
        ImGui::Render();
        const std::string missing = translator.missing_keys().empty() ? "" : translator.missing_keys().front();
        CHECK_MESSAGE(translator.missing_lookups() == 0, "a screen asked for a text Dutch does not have: " << missing);
        page_input = {};
        carry_out(actions);
        return actions;
    }

    // What the platform would do with a frame's requests, kept for the tests to look at:
    // storage is written (or fails when `storage_fails`), requests and downloads are recorded.
    void carry_out(UiActions& actions) {
        if (actions.preferences) {
            state.preferences = *actions.preferences;
            actions.store["preferences"] = preferences_to_json(state.preferences);
        }
        for (auto& [key, value] : actions.store) {
            if (storage_fails) {
                state.storage_errors[key] = "the browser storage is full";
            } else {
                state.stored[key] = value;
                state.storage_errors.erase(key);
            }
        }
        if (actions.replace_route && !actions.navigate) state.route = *actions.replace_route;
        for (const auto& tag : actions.forget_responses) state.responses.erase(tag);
        for (const auto& request : actions.requests) {
            state.pending_requests.insert(request.tag);
            sent_requests.push_back(request);
        }
        if (actions.download) downloads.push_back(*actions.download);
        if (actions.pick_file) picks.push_back(*actions.pick_file);
        if (actions.request_location) state.location_status = LocationStatus::asking;
        for (const auto& message : actions.announce) announcements.push_back(message);
        if (actions.language) translator.set_language(*actions.language);
    }

    // The server (or the file chooser, the browser's location) answers.
    void answer(const std::string& tag, int status, std::string body) {
        state.pending_requests.erase(tag);
        state.responses[tag] = HttpResponse{status, std::move(body)};
    }

    // A screen reader or keyboard activates a widget through the page's mirror.
    UiActions activate(Role role, const std::string& name) {
        frame();
        const SemanticNode* node = semantics.find(role, name);
        if (!node) return {};
        page_input.activate = node->id;
        return frame();
    }

    // Text typed into a field's real <input> in the page.
    void type(const std::string& label, const std::string& text) {
        page_edits_text = true;  // as on the web: the page's <input> holds the text
        frame();
        const SemanticNode* node = semantics.find(Role::textbox, label);
        if (!node) node = semantics.find(Role::searchbox, label);
        if (!node) return;
        page_input.texts[node->id] = text;
        frame();
    }

    // Follows a navigation the last frame asked for, as the runtime does.
    void follow(const UiActions& actions) {
        if (actions.navigate) state.route = *actions.navigate;
    }

    // Presses and releases the pointer on a widget, drawing the frames a real click spans.
    UiActions click(Role role, const std::string& name) {
        frame();
        const SemanticNode* node = semantics.find(role, name);
        if (!node) return {};
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(node->x + node->width / 2, node->y + node->height / 2);
        frame();
        io.MouseDown[0] = true;
        UiActions pressed = frame();
        io.MouseDown[0] = false;
        UiActions released = frame();
        return released.navigate || released.language || released.open_url ? released : pressed;
    }

    Content content;
    Problems problems;
    Problems catalog_problems;
    Translator translator;
    AppState state;
    Fonts fonts;
    Semantics semantics;
    UiState ui;
    PageInput page_input;
    std::uint32_t next_random = 1;
    bool storage_fails = false;
    bool page_edits_text = false;  // set by type(): text fields then take their text from page_input
    std::vector<HttpRequest> sent_requests;
    std::vector<FileDownload> downloads;
    std::vector<std::string> picks;
    std::vector<std::string> announcements;
};

// Whether any node the last frame drew has `part` in its name.
inline bool has_text_containing(const HeadlessApp& app, const std::string& part) {
    for (const auto& node : app.semantics.nodes())
        if (node.name.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace stadsmijn::ui::testing
