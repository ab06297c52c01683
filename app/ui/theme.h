// Colours and spacing. The palettes are plain data so a test can check every pair of text and
// background against WCAG contrast without a window.
#pragma once

#include <string_view>

#include "core/content/campaigns.h"
#include "core/preferences.h"

namespace stadsmijn::ui {

struct Rgb {
    unsigned char r = 0, g = 0, b = 0;
};

struct Palette {
    std::string_view name;
    Rgb background;      // the page
    Rgb surface;         // cards, inputs
    Rgb text;            // body text on background and surface
    Rgb muted_text;      // secondary text on background and surface
    Rgb link;            // links on background and surface
    Rgb accent;          // primary buttons
    Rgb accent_text;     // text on accent
    Rgb accent_hovered;  // primary button under the pointer (text stays accent_text)
    Rgb border;          // card and control outlines (a UI part: 3:1 against background)
    Rgb focus;           // keyboard focus ring (3:1 against background)
    Rgb warning_surface; // the content-problem banner
    Rgb warning_text;
};

const Palette& light_palette();
const Palette& dark_palette();
const Palette& high_contrast_palette();

// The palette for a choice, given whether the system prefers dark.
const Palette& palette_for(ThemeChoice choice, bool system_prefers_dark);

// The palette of an embed: the campaign's five colours (checked for contrast by the content
// loader), the other roles derived from them so every pair still meets WCAG. Built once per
// campaign; the reference stays valid for the program's life.
const Palette& campaign_palette(const Campaign& campaign);

// WCAG 2.1 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21) of two colours.
double relative_luminance(Rgb colour);
double contrast_ratio(Rgb a, Rgb b);

// Sets ImGui's style from a palette and the text scale (spacing grows with the text).
void apply_theme(const Palette& palette, float text_scale);

}  // namespace stadsmijn::ui
