// Draws the app's screens headless (an ImGui context with no window and no GPU) so tests can
// check what a screen shows and what a click does, through the frame's Semantics.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "platform/bundle.h"
#include "ui/app_ui.h"

namespace stadsmijn::ui::testing {

class HeadlessApp {
public:
    explicit HeadlessApp(float width = 390, float height = 844) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        std::vector<ContentFile> files;
        for (const auto& file : embedded_files()) {
            std::string_view path = file.path;
            if (path.starts_with("content/")) files.push_back({file.path, file.text()});
        }
        LoadedContent loaded = load_content(files);
        content = std::move(loaded.content);
        problems = std::move(loaded.problems);
        for (const char* code : {"nl", "en"}) {
            const EmbeddedFile* file = find_embedded(std::string("i18n/") + code + ".json");
            if (file) translator.add(Catalog::parse(file->text(), code, file->path, catalog_problems));
        }
        auto bytes = [](const char* path) -> std::span<const unsigned char> {
            const EmbeddedFile* file = find_embedded(path);
            return file ? std::span<const unsigned char>(file->data, file->size) : std::span<const unsigned char>();
        };
        fonts = build_fonts(*io.Fonts, {bytes("fonts/Inter-Regular.otf"), bytes("fonts/Inter-SemiBold.otf")}, 1.0f, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_theme(light_palette(), 1.0f);
    }
    ~HeadlessApp() { ImGui::DestroyContext(); }

    void go(const std::string& fragment) {
        state.route = parse_route(fragment);
        translator.set_language(state.route.language.empty() ? "nl" : state.route.language);
    }

    // Draws one frame; returns what the screens asked for.
    UiActions frame() {
        ImGui::NewFrame();
        UiActions actions;
        UiFrame f{content, problems, translator, state, fonts, light_palette(), semantics, actions, ui, page_input};
        draw_app(f);
        ImGui::Render();
        return actions;
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
};

}  // namespace stadsmijn::ui::testing
