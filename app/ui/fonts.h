// The UI fonts: Inter (fonts-inter, SIL OFL 1.1), subset at build time and bundled.
//
// Text is rasterised at its size times the device pixel ratio and drawn at 1/ratio, so it is
// crisp on every screen while ImGui keeps working in CSS pixels (imgui_web.md section 3, "a").
#pragma once

#include <span>

struct ImFont;
struct ImFontAtlas;

namespace stadsmijn::ui {

struct FontBytes {
    std::span<const unsigned char> regular;
    std::span<const unsigned char> semibold;
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* strong = nullptr;
    ImFont* heading = nullptr;  // level 1
    ImFont* subheading = nullptr;
    float pixel_ratio = 1;
    float text_scale = 1;
};

inline constexpr float body_size = 17.0f;  // CSS px at 100 % text size

// Clears the atlas and adds the fonts; the renderer must re-upload the atlas texture afterwards.
Fonts build_fonts(ImFontAtlas& atlas, const FontBytes& bytes, float pixel_ratio, float text_scale);

}  // namespace stadsmijn::ui
