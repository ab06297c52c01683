#include "ui/app_ui.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/screens/chain_screens.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

void draw_screen(UiFrame& f) {
    switch (f.state.route.screen) {
        case Screen::home: draw_home(f); break;
        case Screen::about: draw_about(f); break;
        case Screen::not_found: draw_not_found(f); break;
        case Screen::devices: draw_devices(f); break;
        case Screen::device: draw_device_inside(f); break;
        case Screen::device_repair: draw_device_repair(f); break;
        case Screen::device_reuse: draw_device_reuse(f); break;
        case Screen::device_return: draw_device_return(f); break;
        case Screen::drawer: draw_drawer(f); break;
        case Screen::settings: draw_settings(f); break;
        case Screen::debate: draw_debate(f); break;
        case Screen::poll: draw_poll(f); break;
        case Screen::accessibility: draw_accessibility(f); break;
        case Screen::embed_builder: draw_embed_builder(f); break;
        case Screen::chain: draw_chain(f, f.state.route.material_id); break;
        case Screen::region: draw_region(f); break;
        case Screen::actors: draw_actors(f); break;
    }
}

void language_switch(UiFrame& f) {
    const auto languages = f.t.languages();
    std::vector<std::string> labels, spoken;
    int selected = 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    float total = 0;
    ImGui::PushFont(f.fonts.strong);  // measured in the wider weight, so the row never overflows
    for (std::size_t i = 0; i < languages.size(); ++i) {
        std::string label = languages[i];
        for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        total += ImGui::CalcTextSize(label.c_str()).x + 2 * style.FramePadding.x + 6;
        labels.push_back(label);
        spoken.push_back(f.t.text("language.name." + languages[i]));
        if (languages[i] == f.t.language()) selected = static_cast<int>(i);
    }
    ImGui::PopFont();
    total += style.ItemSpacing.x * static_cast<float>(languages.size() - 1);
    // Beside the name when both fit, else right-aligned on a line of its own (four languages on a
    // 360 px phone, 200 % text or zoom), so nothing overlaps.
    float name_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    float start = std::max(0.0f, f.column_right - total);
    if (name_end + style.ItemSpacing.x <= start)
        ImGui::SameLine(start);
    else
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), start));
    int chosen = radio_row(f, "##language", f.text("language.label"), labels, spoken, selected);
    if (chosen >= 0) f.actions.language = languages[static_cast<std::size_t>(chosen)];
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

// Embedded by a campaign: its name and line on top, its organiser named in the footer.
void campaign_intro(UiFrame& f) {
    const Campaign* campaign = f.content.find_campaign(f.state.campaign);
    if (!campaign) return;
    heading(f, campaign->name.in(f.t.language()), 2);
    if (!campaign->intro.empty()) paragraph(f, campaign->intro.in(f.t.language()));
    ImGui::Spacing();
}

void footer(UiFrame& f) {
    ImGui::Spacing();
    ImGui::Separator();
    if (const Campaign* campaign = f.content.find_campaign(f.state.campaign)) {
        muted(f, f.text("embed.frame.organiser", {{"name", campaign->organiser_name}}));
        web_link(f, "##campaign-organiser", campaign->organiser_name, campaign->organiser_url);
        ImGui::Spacing();
    }
    Route about;
    about.screen = Screen::about;
    route_link(f, "##footer-about", f.text("title.about"), with_language(f, about));
    ImGui::SameLine(0, 24);
    Route accessibility;
    accessibility.screen = Screen::accessibility;
    std::string a11y_label = f.text("title.accessibility");
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(a11y_label.c_str()).x > f.column_right) ImGui::NewLine();
    route_link(f, "##footer-a11y", a11y_label, with_language(f, accessibility));
    ImGui::SameLine(0, 24);
    // Wraps to the next line rather than running off a narrow screen.
    Route settings;
    settings.screen = Screen::settings;
    std::string label = f.text("title.settings");
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(label.c_str()).x > f.column_right) ImGui::NewLine();
    route_link(f, "##footer-settings", label, with_language(f, settings));
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

// Keyboard focus moved (in the page's mirror) to a widget outside the visible part of the
// page: scroll so it shows, with some room around it.
void bring_into_view(const UiFrame& f) {
    if (!f.scroll_to_widget) return;
    const SemanticNode* node = f.semantics.find_id(f.scroll_to_widget);
    if (!node) return;
    float view = ImGui::GetWindowHeight();
    float margin = 48.0f;
    if (node->y < margin)
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + node->y - margin));
    else if (node->y + node->height > view - margin)
        ImGui::SetScrollY(ImGui::GetScrollY() + node->y + node->height - view + margin);
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
    campaign_intro(f);
    if (!f.content_problems.empty()) {
        warning_banner(f, f.text("content.problem_title"),
                       f.t.plural("content.problem_count", static_cast<long long>(f.content_problems.size()),
                                  {{"first", f.content_problems.front().to_string()}}));
        ImGui::Spacing();
    }
    if (!f.state.texts_unavailable.empty() && f.state.texts_unavailable == f.t.language()) {
        std::string language = f.text("language.name." + f.state.texts_unavailable);
        warning_banner(f, f.text("app.texts_unavailable.title", {{"language", language}}),
                       f.text("app.texts_unavailable.text", {{"language", language}}));
        if (secondary_button(f, "##texts-try-again", f.text("app.texts_unavailable.retry")))
            f.actions.language = f.state.texts_unavailable;
        ImGui::Spacing();
    }
    update_poll_clients(f);
    draw_screen(f);
    footer(f);

    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    if (margin > 0) ImGui::Unindent(margin);
    drag_to_scroll();
    bring_into_view(f);
    ImGui::End();
}

}  // namespace stadsmijn::ui
