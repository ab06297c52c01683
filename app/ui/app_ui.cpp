#include "ui/app_ui.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

void draw_screen(UiFrame& f) {
    switch (f.state.route.screen) {
        case Screen::home: draw_home(f); break;
        case Screen::about: draw_about(f); break;
        case Screen::not_found: draw_not_found(f); break;
        default: draw_coming_soon(f); break;
    }
}

void language_switch(UiFrame& f) {
    const auto languages = f.t.languages();
    const ImGuiStyle& style = ImGui::GetStyle();
    float total = 0;
    ImGui::PushFont(f.fonts.strong);  // measured in the wider weight, so the row never overflows
    for (const auto& code : languages) total += ImGui::CalcTextSize(code.c_str()).x + 2 * style.FramePadding.x + 4;
    ImGui::PopFont();
    total += style.ItemSpacing.x * static_cast<float>(languages.size() - 1);
    ImGui::SameLine(std::max(0.0f, f.column_right - total));
    bool first = true;
    for (const auto& code : languages) {
        if (!first) ImGui::SameLine();
        first = false;
        bool current = code == f.t.language();
        std::string label = code;
        for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        ImGui::PushID(code.c_str());
        ImGui::PushFont(current ? f.fonts.strong : f.fonts.body);
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(current ? ImGuiCol_FrameBg : ImGuiCol_WindowBg));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, current ? 2.0f : 1.0f);
        bool clicked = ImGui::Button(label.c_str());
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(3);
        ImGui::PopFont();
        SemanticNode node;
        node.id = ImGui::GetItemID();
        node.role = Role::radio;
        node.name = f.t.text("language.name." + code);
        node.checked = current;
        ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        node.x = min.x, node.y = min.y, node.width = max.x - min.x, node.height = max.y - min.y;
        f.semantics.add(node);
        if (clicked && !current) f.actions.language = code;
        ImGui::PopID();
    }
}

void top_bar(UiFrame& f) {
    Route home;
    home.language = f.state.route.language;
    ImGui::PushFont(f.fonts.strong);
    ImGui::AlignTextToFramePadding();
    route_link(f, "##brand", f.text("app.name"), home);
    ImGui::PopFont();
    language_switch(f);
    ImGui::Separator();
    ImGui::Spacing();
}

void footer(UiFrame& f) {
    ImGui::Spacing();
    ImGui::Separator();
    Route about;
    about.screen = Screen::about;
    route_link(f, "##footer-about", f.text("title.about"), with_language(f, about));
    ImGui::SameLine(0, 24);
    Route accessibility;
    accessibility.screen = Screen::accessibility;
    route_link(f, "##footer-a11y", f.text("title.accessibility"), with_language(f, accessibility));
}

// Touch screens scroll by dragging the page; ImGui 1.86 only scrolls with a wheel. A vertical
// drag past a small threshold scrolls and cancels the press, so a swipe never clicks.
void drag_to_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f)) return;
    if (ImGui::GetIO().WantTextInput) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    if (ImGui::GetActiveID() != 0 && !ImGui::GetCurrentContext()->ActiveIdIsAlive) return;
    ImGui::ClearActiveID();
}

}  // namespace

float column_width(float display_width, float text_scale) {
    return std::min(display_width, 760.0f * std::max(1.0f, text_scale));
}

std::string page_title(const Translator& t, const Route& route) {
    std::string name = t.text("app.name");
    if (route.screen == Screen::home) return name + " · " + t.text("home.title_suffix");
    return t.text(std::string("title.") + screen_name(route.screen)) + " · " + name;
}

void draw_app(UiFrame& f) {
    f.semantics.begin_frame();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    flags &= ~ImGuiWindowFlags_NoScrollbar;
    ImGui::Begin("##page", nullptr, flags);
    if (f.reset_scroll) ImGui::SetScrollY(0);

    float available = ImGui::GetContentRegionAvail().x;
    float column = column_width(available, f.fonts.text_scale);
    float margin = std::floor((available - column) * 0.5f);
    if (margin > 0) ImGui::Indent(margin);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::PushItemWidth(column);

    f.column_right = ImGui::GetCursorPosX() + column;
    top_bar(f);
    if (!f.content_problems.empty()) {
        warning_banner(f, f.text("content.problem_title"),
                       f.t.plural("content.problem_count", static_cast<long long>(f.content_problems.size()),
                                  {{"first", f.content_problems.front().to_string()}}));
        ImGui::Spacing();
    }
    draw_screen(f);
    footer(f);

    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    if (margin > 0) ImGui::Unindent(margin);
    drag_to_scroll();
    ImGui::End();
}

}  // namespace stadsmijn::ui
