// Everything a screen needs to draw one frame, and what it asks the platform to do.
#pragma once

#include <optional>
#include <string>

#include "core/app_state.h"
#include "core/content/content.h"
#include "core/i18n.h"
#include "ui/fonts.h"
#include "ui/semantics.h"
#include "ui/theme.h"

namespace stadsmijn::ui {

// What the citizen asked for this frame; the platform layer carries it out after the frame.
struct UiActions {
    std::optional<Route> navigate;        // a new history entry
    std::optional<std::string> language;  // switch language (the URL is updated in place)
    std::optional<std::string> open_url;  // in a new tab
    bool wants_another_frame = false;     // an animation is running
};

struct UiFrame {
    const Content& content;
    const Problems& content_problems;  // shown to the citizen, never hidden
    const Translator& t;
    const AppState& state;
    const Fonts& fonts;
    const Palette& palette;
    Semantics& semantics;
    UiActions& actions;
    bool reset_scroll = false;  // a new route starts at the top of the page
    float column_right = 0;  // right edge of the reading column, window coordinates; set by draw_app


    // Width from the cursor to the column's right edge: full-width widgets use this.
    float available_width() const;
    std::string text(std::string_view key, const TextArgs& args = {}) const { return t.text(key, args); }
};

}  // namespace stadsmijn::ui
