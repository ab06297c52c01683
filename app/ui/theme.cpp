#include "ui/theme.h"

#include <imgui.h>

#include <cmath>
#include <utility>

#include <map>
#include <string>

namespace stadsmijn::ui {

namespace {
constexpr Rgb hex(unsigned value) {
    return Rgb{static_cast<unsigned char>(value >> 16), static_cast<unsigned char>(value >> 8),
               static_cast<unsigned char>(value)};
}

ImVec4 colour(Rgb c, float alpha = 1.0f) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha); }
}  // namespace

const Palette& light_palette() {
    static const Palette palette{"light",        hex(0xF7F5F0), hex(0xFFFFFF), hex(0x1B1B1B), hex(0x4F4F4F),
                                 hex(0x0B57A4),  hex(0x1D6B47), hex(0xFFFFFF), hex(0x15563A), hex(0x767676),
                                 hex(0x0B57A4),  hex(0xFFF1C2), hex(0x4A3500)};
    return palette;
}

const Palette& dark_palette() {
    static const Palette palette{"dark",         hex(0x141618), hex(0x1F2326), hex(0xEDEDED), hex(0xBDBDBD),
                                 hex(0x8CB8FF),  hex(0x5CCB94), hex(0x0B1F15), hex(0x7AD9AA), hex(0x858D93),
                                 hex(0x8CB8FF),  hex(0x3D3100), hex(0xFFE9A6)};
    return palette;
}

const Palette& high_contrast_palette() {
    static const Palette palette{"high-contrast", hex(0x000000), hex(0x000000), hex(0xFFFFFF), hex(0xFFFFFF),
                                 hex(0xFFE500),   hex(0xFFFFFF), hex(0x000000), hex(0xFFE500), hex(0xFFFFFF),
                                 hex(0xFFE500),   hex(0x000000), hex(0xFFE500)};
    return palette;
}

double relative_luminance(Rgb colour) {
    auto linear = [](unsigned char channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b);
}

double contrast_ratio(Rgb a, Rgb b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

const Palette& palette_for(ThemeChoice choice, bool system_prefers_dark) {
    switch (choice) {
        case ThemeChoice::light: return light_palette();
        case ThemeChoice::dark: return dark_palette();
        case ThemeChoice::high_contrast: return high_contrast_palette();
        case ThemeChoice::system: break;
    }
    return system_prefers_dark ? dark_palette() : light_palette();
}

void apply_theme(const Palette& p, float text_scale) {
    ImGuiStyle style;
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(14, 10);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.TouchExtraPadding = ImVec2(2, 2);
    style.ScrollbarSize = 12;
    style.FrameRounding = 8;
    style.ChildRounding = 10;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.ChildBorderSize = 1;
    style.ScaleAllSizes(text_scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = colour(p.text);
    c[ImGuiCol_TextDisabled] = colour(p.muted_text);
    c[ImGuiCol_WindowBg] = colour(p.background);
    c[ImGuiCol_ChildBg] = colour(p.surface);
    c[ImGuiCol_PopupBg] = colour(p.surface);
    c[ImGuiCol_Border] = colour(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = colour(p.surface);
    c[ImGuiCol_FrameBgHovered] = colour(p.surface);
    c[ImGuiCol_FrameBgActive] = colour(p.surface);
    c[ImGuiCol_Button] = colour(p.accent);
    c[ImGuiCol_ButtonHovered] = colour(p.accent_hovered);
    c[ImGuiCol_ButtonActive] = colour(p.accent_hovered);
    c[ImGuiCol_Header] = colour(p.surface);
    c[ImGuiCol_HeaderHovered] = colour(p.surface);
    c[ImGuiCol_HeaderActive] = colour(p.surface);
    c[ImGuiCol_Separator] = colour(p.border);
    c[ImGuiCol_ScrollbarBg] = colour(p.background);
    c[ImGuiCol_ScrollbarGrab] = colour(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = colour(p.muted_text);
    c[ImGuiCol_ScrollbarGrabActive] = colour(p.text);
    c[ImGuiCol_CheckMark] = colour(p.accent);
    c[ImGuiCol_SliderGrab] = colour(p.accent);
    c[ImGuiCol_SliderGrabActive] = colour(p.accent_hovered);
    // Tables take the palette too; ImGui's defaults are dark greys meant for its dark style.
    c[ImGuiCol_TableHeaderBg] = colour(p.surface);
    c[ImGuiCol_TableBorderStrong] = colour(p.border);
    c[ImGuiCol_TableBorderLight] = colour(p.border);
    c[ImGuiCol_TableRowBg] = colour(p.background);
    c[ImGuiCol_TableRowBgAlt] = colour(p.surface);
    c[ImGuiCol_NavHighlight] = colour(p.focus);
    c[ImGuiCol_TextSelectedBg] = colour(p.link, 0.35f);
    ImGui::GetStyle() = style;
}

namespace {
Rgb rgb(RgbColour c) { return Rgb{c.r, c.g, c.b}; }
RgbColour core_colour(Rgb c) { return RgbColour{c.r, c.g, c.b}; }
double contrast(Rgb a, Rgb b) { return wcag_contrast(core_colour(a), core_colour(b)); }
Rgb mix(Rgb a, Rgb b, double t) {
    auto channel = [t](unsigned char x, unsigned char y) {
        return static_cast<unsigned char>(x + (y - x) * t + 0.5);
    };
    return Rgb{channel(a.r, b.r), channel(a.g, b.g), channel(a.b, b.b)};
}
}  // namespace

const Palette& campaign_palette(const Campaign& campaign) {
    static std::map<std::string, Palette> built;
    auto found = built.find(campaign.id);
    if (found != built.end()) return found->second;

    const CampaignColours& c = campaign.colours;
    const bool light = wcag_luminance(c.background) > 0.4;
    Palette p = light ? light_palette() : dark_palette();
    p.background = rgb(c.background);
    p.text = rgb(c.text);
    p.link = rgb(c.link);
    p.accent = rgb(c.accent);
    p.accent_text = rgb(c.accent_text);
    p.focus = p.link;
    // Cards a shade off the page; kept only while text and links still read on them.
    p.surface = mix(p.background, light ? Rgb{255, 255, 255} : p.text, light ? 0.7 : 0.06);
    if (contrast(p.text, p.surface) < kTextContrast || contrast(p.link, p.surface) < kTextContrast)
        p.surface = p.background;
    p.muted_text = mix(p.text, p.background, 0.3);
    if (contrast(p.muted_text, p.background) < kTextContrast || contrast(p.muted_text, p.surface) < kTextContrast)
        p.muted_text = p.text;
    p.border = mix(p.text, p.background, 0.45);
    if (contrast(p.border, p.background) < kPartContrast) p.border = p.muted_text;
    p.accent_hovered = mix(p.accent, light ? Rgb{0, 0, 0} : Rgb{255, 255, 255}, 0.15);
    if (contrast(p.accent_text, p.accent_hovered) < kTextContrast) p.accent_hovered = p.accent;

    auto inserted = built.emplace(campaign.id, p).first;
    inserted->second.name = inserted->first;
    return inserted->second;
}

}  // namespace stadsmijn::ui
