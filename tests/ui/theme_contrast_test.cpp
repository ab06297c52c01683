// WCAG 2.1 contrast of every palette (1.4.3 text, 1.4.11 UI parts), on the palette's colours and
// on the ImGui style the palette sets, so a colour changed in either place is checked.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/theme.h"

using namespace stadsmijn::ui;

namespace {

constexpr double text_minimum = 4.5;  // body text (WCAG 1.4.3)
constexpr double part_minimum = 3.0;  // large text, control outlines, focus ring (1.4.3, 1.4.11)

struct Pair {
    const char* what;
    Rgb foreground;
    Rgb background;
    double minimum;
};

std::vector<const Palette*> every_palette() { return {&light_palette(), &dark_palette(), &high_contrast_palette()}; }

std::vector<Pair> pairs_of(const Palette& p) {
    return {
        {"text on the page", p.text, p.background, text_minimum},
        {"text on a card or field", p.text, p.surface, text_minimum},
        {"secondary text on the page", p.muted_text, p.background, text_minimum},
        {"secondary text on a card", p.muted_text, p.surface, text_minimum},
        {"a link on the page", p.link, p.background, text_minimum},
        {"a link (card title) on a card", p.link, p.surface, text_minimum},
        {"primary button text", p.accent_text, p.accent, text_minimum},
        {"primary button text under the pointer", p.accent_text, p.accent_hovered, text_minimum},
        {"primary button against the page", p.accent, p.background, part_minimum},
        {"primary button against a card", p.accent, p.surface, part_minimum},
        {"card and field outline against the page", p.border, p.background, part_minimum},
        {"field outline against the field", p.border, p.surface, part_minimum},
        {"focus ring against the page", p.focus, p.background, part_minimum},
        {"focus ring against a card", p.focus, p.surface, part_minimum},
        {"warning text on the warning banner", p.warning_text, p.warning_surface, text_minimum},
        {"warning banner outline against the page", p.warning_text, p.background, part_minimum},
        {"selected language outline (text colour) against the page", p.text, p.background, part_minimum},
    };
}

Rgb rgb(const ImVec4& c) {
    auto channel = [](float v) { return static_cast<unsigned char>(v * 255.0f + 0.5f); };
    return Rgb{channel(c.x), channel(c.y), channel(c.z)};
}

}  // namespace

TEST_CASE("the contrast ratio follows WCAG 2.1: black on white is 21:1, a colour on itself 1:1") {
    CHECK(contrast_ratio(Rgb{0, 0, 0}, Rgb{255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio(Rgb{255, 255, 255}, Rgb{0, 0, 0}) == doctest::Approx(21.0));
    CHECK(contrast_ratio(Rgb{0x76, 0x76, 0x76}, Rgb{255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    CHECK(contrast_ratio(Rgb{12, 34, 56}, Rgb{12, 34, 56}) == doctest::Approx(1.0));
}

TEST_CASE("every text and UI part of every palette has at least 4.5:1 (text) or 3:1 (UI parts) contrast") {
    for (const Palette* palette : every_palette()) {
        for (const Pair& pair : pairs_of(*palette)) {
            double ratio = contrast_ratio(pair.foreground, pair.background);
            CAPTURE(palette->name);
            CAPTURE(pair.what);
            CAPTURE(ratio);
            CHECK(ratio >= pair.minimum);
        }
    }
}

TEST_CASE("the ImGui style each palette sets keeps the same contrast where ImGui draws text and controls") {
    ImGui::CreateContext();
    for (const Palette* palette : every_palette()) {
        apply_theme(*palette, 1.0f);
        const ImVec4* c = ImGui::GetStyle().Colors;
        struct StylePair {
            const char* what;
            ImGuiCol foreground, background;
            double minimum;
        };
        const StylePair style_pairs[] = {
            {"Text on WindowBg", ImGuiCol_Text, ImGuiCol_WindowBg, text_minimum},
            {"Text on FrameBg", ImGuiCol_Text, ImGuiCol_FrameBg, text_minimum},
            {"Text on ChildBg", ImGuiCol_Text, ImGuiCol_ChildBg, text_minimum},
            {"Text on PopupBg", ImGuiCol_Text, ImGuiCol_PopupBg, text_minimum},
            {"Text on Header", ImGuiCol_Text, ImGuiCol_Header, text_minimum},
            {"Text on TableHeaderBg", ImGuiCol_Text, ImGuiCol_TableHeaderBg, text_minimum},
            {"Text on TableRowBg", ImGuiCol_Text, ImGuiCol_TableRowBg, text_minimum},
            {"Text on TableRowBgAlt", ImGuiCol_Text, ImGuiCol_TableRowBgAlt, text_minimum},
            {"TextDisabled on WindowBg", ImGuiCol_TextDisabled, ImGuiCol_WindowBg, text_minimum},
            {"TextDisabled on FrameBg", ImGuiCol_TextDisabled, ImGuiCol_FrameBg, text_minimum},
            {"Border against WindowBg", ImGuiCol_Border, ImGuiCol_WindowBg, part_minimum},
            {"CheckMark in FrameBg", ImGuiCol_CheckMark, ImGuiCol_FrameBg, part_minimum},
            {"SliderGrab in FrameBg", ImGuiCol_SliderGrab, ImGuiCol_FrameBg, part_minimum},
            {"Button against WindowBg", ImGuiCol_Button, ImGuiCol_WindowBg, part_minimum},
            {"ScrollbarGrab on ScrollbarBg", ImGuiCol_ScrollbarGrab, ImGuiCol_ScrollbarBg, part_minimum},
            {"NavHighlight against WindowBg", ImGuiCol_NavHighlight, ImGuiCol_WindowBg, part_minimum},
        };
        for (const StylePair& pair : style_pairs) {
            CAPTURE(palette->name);
            CAPTURE(pair.what);
            CHECK(c[pair.foreground].w == doctest::Approx(1.0f));
            CHECK(c[pair.background].w == doctest::Approx(1.0f));
            double ratio = contrast_ratio(rgb(c[pair.foreground]), rgb(c[pair.background]));
            CAPTURE(ratio);
            CHECK(ratio >= pair.minimum);
        }
    }
    ImGui::DestroyContext();
}

TEST_CASE("the three palettes are told apart by name and the system choice follows the colour scheme") {
    CHECK(palette_for(stadsmijn::ThemeChoice::system, false).name == "light");
    CHECK(palette_for(stadsmijn::ThemeChoice::system, true).name == "dark");
    CHECK(palette_for(stadsmijn::ThemeChoice::high_contrast, false).name == "high-contrast");
}
