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
#define STADSMIJN_DRAW_CASE(name, path, example, draw) \
    case Screen::name: draw(f); break;
        STADSMIJN_ROUTES(STADSMIJN_DRAW_CASE)
#undef STADSMIJN_DRAW_CASE
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
// drag past a small threshold moves the page 1:1 with the finger and cancels the press, so a
// swipe never clicks. A flick keeps the page moving after the finger lifts and slows it the way
// phones do (iOS's normal rate: the speed times 0.998 each millisecond); reaching an end shows a
// glow at that edge that fades. Frames are asked for only while something moves.
struct Kinetic {
    bool scrolling = false;    // this drag moves the page
    float press_scroll = 0;    // the page's scroll when the finger went down
    float velocity = 0;        // px per second the scroll moves by after a flick
    float edge = 0;            // glow strength at an end: < 0 top, > 0 bottom, in px pulled
    double sample_time[6] = {};
    float sample_y[6] = {};
    int samples = 0;
};
Kinetic kinetic;
PageScrollRequest pending_scroll;

constexpr float kDecelerationPerMs = 0.998f;
constexpr float kMinFlingSpeed = 60.0f;   // px/s: slower than this, a release just stops
constexpr float kStopSpeed = 12.0f;

// Scrolls to `y` within the page; returns how far past an end it asked for (< 0: the top).
float set_scroll(float y) {
    float max = ImGui::GetScrollMaxY();
    ImGui::SetScrollY(std::clamp(y, 0.0f, max));
    return y < 0 ? y : (y > max ? y - max : 0.0f);
}

// Keys from the page (web/app.js) when no control takes them: lines, pages, top and end.
void keyboard_scroll(const UiFrame& f) {
    PageScrollRequest request = pending_scroll;
    pending_scroll = {};
    if (request.kind == PageScroll::none) return;
    kinetic.velocity = 0;
    float line = ImGui::GetTextLineHeightWithSpacing() * 2;
    float page = std::max(line, ImGui::GetWindowHeight() - 2 * line);
    switch (request.kind) {
        case PageScroll::lines: ImGui::SetScrollY(ImGui::GetScrollY() + request.amount * line); break;
        case PageScroll::pages: ImGui::SetScrollY(ImGui::GetScrollY() + request.amount * page); break;
        case PageScroll::top: ImGui::SetScrollY(0); break;
        case PageScroll::end: ImGui::SetScrollY(ImGui::GetScrollMaxY()); break;
        case PageScroll::none: break;
    }
    (void)f;
}

void drag_to_scroll(UiFrame& f) {
    ImGuiIO& io = ImGui::GetIO();
    const float dt = io.DeltaTime;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        // A touch during a flick stops the page and presses nothing.
        bool was_moving = std::fabs(kinetic.velocity) > kMinFlingSpeed;
        kinetic = Kinetic{};
        kinetic.press_scroll = ImGui::GetScrollY();
        if (was_moving) ImGui::ClearActiveID();
    }
    bool held = io.MouseDown[ImGuiMouseButton_Left];
    if (held && !io.WantTextInput && !slider_takes_drag() &&
        (kinetic.scrolling || ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f))) {
        kinetic.scrolling = true;
        float past = set_scroll(kinetic.press_scroll - (io.MousePos.y - io.MouseClickedPos[ImGuiMouseButton_Left].y));
        kinetic.edge = std::clamp(past * 0.5f, -80.0f, 80.0f);
        if (kinetic.samples == 6) {
            std::copy(kinetic.sample_time + 1, kinetic.sample_time + 6, kinetic.sample_time);
            std::copy(kinetic.sample_y + 1, kinetic.sample_y + 6, kinetic.sample_y);
            --kinetic.samples;
        }
        kinetic.sample_time[kinetic.samples] = ImGui::GetTime();
        kinetic.sample_y[kinetic.samples] = io.MousePos.y;
        ++kinetic.samples;
        if (ImGui::GetActiveID() == 0 || ImGui::GetCurrentContext()->ActiveIdIsAlive) ImGui::ClearActiveID();
    } else if (kinetic.scrolling && !held) {
        // Released: the speed over the last 100 ms of the drag (none if the finger had stopped).
        kinetic.scrolling = false;
        double now = ImGui::GetTime();
        int first = 0;
        while (first < kinetic.samples - 1 && now - kinetic.sample_time[first] > 0.1) ++first;
        int last = kinetic.samples - 1;
        double span = last > first ? kinetic.sample_time[last] - kinetic.sample_time[first] : 0;
        float speed = span > 0 ? -static_cast<float>((kinetic.sample_y[last] - kinetic.sample_y[first]) / span) : 0;
        kinetic.velocity = std::fabs(speed) >= kMinFlingSpeed ? speed : 0;
    } else if (kinetic.velocity != 0) {
        float past = set_scroll(ImGui::GetScrollY() + kinetic.velocity * dt);
        kinetic.velocity *= std::pow(kDecelerationPerMs, dt * 1000.0f);
        if (past != 0) {
            kinetic.edge = std::clamp(kinetic.velocity * 0.05f, -80.0f, 80.0f);
            kinetic.velocity = 0;
        }
        if (std::fabs(kinetic.velocity) < kStopSpeed) kinetic.velocity = 0;
    }
    if (kinetic.edge != 0) {
        // The edge glow: a band of the accent colour at the end reached, as strong as the pull.
        float strength = std::min(1.0f, std::fabs(kinetic.edge) / 80.0f);
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        float band = 24.0f * f.fonts.text_scale;
        Rgb c = f.palette.accent;
        ImU32 strong = IM_COL32(c.r, c.g, c.b, static_cast<int>(90 * strength));
        ImU32 clear = IM_COL32(c.r, c.g, c.b, 0);
        if (kinetic.edge < 0)
            draw->AddRectFilledMultiColor(pos, ImVec2(pos.x + size.x, pos.y + band), strong, strong, clear, clear);
        else
            draw->AddRectFilledMultiColor(ImVec2(pos.x, pos.y + size.y - band), ImVec2(pos.x + size.x, pos.y + size.y),
                                          clear, clear, strong, strong);
        if (!held) {
            kinetic.edge *= std::pow(0.5f, dt / 0.06f);
            if (std::fabs(kinetic.edge) < 1.0f) kinetic.edge = 0;
        }
    }
    if (kinetic.velocity != 0 || (kinetic.edge != 0 && !held)) f.actions.wants_another_frame = true;
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

void request_page_scroll(PageScroll kind, float amount) { pending_scroll = {kind, amount}; }

float column_width(float display_width, float text_scale) {
    return std::min(display_width, 760.0f * std::max(1.0f, text_scale));
}

std::string page_title(const Translator& t, const Route& route) {
    std::string name = t.text("app.name");
    if (route.screen == Screen::home) return name + " · " + t.text("home.title_suffix");
    return t.text(std::string("title.") + screen_name(route.screen)) + " · " + name;
}

namespace {

// Screens that list places ask for the municipal teams' latest edits when they open.
bool shows_places(Screen screen) {
    return screen == Screen::device_repair || screen == Screen::device_reuse || screen == Screen::device_return;
}

// The places overlay: fetched and kept by core, applied here so every screen reads the places
// residents should see (f.content with the overlay laid over the bundled places).
const Content& content_with_overlay(UiFrame& f) {
    UiState& ui = f.ui;
    OverlayEffects out;
    ui.places_overlay.update(f.state, static_cast<std::int64_t>(ImGui::GetTime() * 1000.0),
                             shows_places(f.state.route.screen), out);
    for (auto& [key, value] : out.store) f.actions.store[key] = std::move(value);
    for (auto& request : out.requests) f.actions.requests.push_back(std::move(request));
    for (auto& tag : out.forget_responses) f.actions.forget_responses.push_back(std::move(tag));
    if (!ui.places_overlay.overlay()) return f.content;
    if (!ui.overlaid_content || ui.overlaid_generation != ui.places_overlay.generation()) {
        auto content = std::make_shared<Content>(f.content);
        content->places = resident_places(f.content.places, ui.places_overlay.overlay());
        ui.overlaid_content = std::move(content);
        ui.overlaid_generation = ui.places_overlay.generation();
    }
    return *ui.overlaid_content;
}

void draw_app_with(UiFrame& f);

}  // namespace

void draw_app(UiFrame& f) {
    const Content& content = content_with_overlay(f);
    if (&content == &f.content) return draw_app_with(f);
    UiFrame g{content,          f.content_problems, f.t,           f.state,          f.fonts,
              f.palette,        f.semantics,        f.actions,     f.ui,             f.page_input,
              f.page_edits_text, f.reset_scroll,    f.scroll_to_widget, f.column_right, f.random32};
    draw_app_with(g);
}

namespace {

void draw_app_with(UiFrame& f) {
    f.semantics.begin_frame();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    flags &= ~ImGuiWindowFlags_NoScrollbar;
    ImGui::Begin("##page", nullptr, flags);
    if (f.reset_scroll) {
        ImGui::SetScrollY(0);
        kinetic = Kinetic{};  // a new screen starts still, at its top
    }

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
    keyboard_scroll(f);
    drag_to_scroll(f);
    bring_into_view(f);
    ImGui::End();
}

}  // namespace

}  // namespace stadsmijn::ui
