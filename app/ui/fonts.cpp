#include "ui/fonts.h"

#include <imgui.h>

namespace stadsmijn::ui {

namespace {
// Basic Latin, Latin-1, Latin Extended-A (Turkish, Polish), dashes and quotes, the euro sign:
// the same set tools/build/subset_font.sh keeps.
const ImWchar glyph_ranges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};

ImFont* add(ImFontAtlas& atlas, std::span<const unsigned char> bytes, float size) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes live in the bundle for the program's life
    config.OversampleH = 1;               // already rasterised at device pixels
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), size,
                                      &config, glyph_ranges);
}
}  // namespace

Fonts build_fonts(ImFontAtlas& atlas, const FontBytes& bytes, float pixel_ratio, float text_scale) {
    atlas.Clear();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    Fonts fonts;
    fonts.pixel_ratio = pixel_ratio;
    fonts.text_scale = text_scale;
    float scale = pixel_ratio * text_scale;
    if (bytes.regular.empty() || bytes.semibold.empty()) {
        // A broken bundle still shows text (ImGui's built-in font) rather than nothing.
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale;
        fonts.body = fonts.strong = fonts.heading = fonts.subheading = atlas.AddFontDefault(&fallback);
        return fonts;
    }
    fonts.body = add(atlas, bytes.regular, body_size * scale);
    fonts.strong = add(atlas, bytes.semibold, body_size * scale);
    fonts.heading = add(atlas, bytes.semibold, 30.0f * scale);
    fonts.subheading = add(atlas, bytes.semibold, 22.0f * scale);
    return fonts;
}

}  // namespace stadsmijn::ui
