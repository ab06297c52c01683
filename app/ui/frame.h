// Everything a screen needs to draw one frame, and what it asks the platform to do.
#pragma once

#include <map>
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

// What the page did to the widgets since the last frame, through the DOM mirror: a screen
// reader or keyboard activating a button, text typed into a real <input>, a slider moved.
struct PageInput {
    unsigned activate = 0;                    // the id of a widget activated in the page
    std::map<unsigned, std::string> texts;   // text field id -> its new contents
    std::map<unsigned, double> numbers;      // slider id -> its new value
};

// View state the screens keep between frames (what is typed in a search field, an open
// section): not the citizen's data, which changes only through UiActions.
struct UiState {
    std::map<std::string, std::string> fields;
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
    UiState& ui;
    const PageInput& page_input;
    bool page_edits_text = false;  // web: text is typed into real <input>s of the mirror
    bool reset_scroll = false;      // a new route starts at the top of the page
    unsigned scroll_to_widget = 0;  // keyboard focus moved to this widget: bring it into view
    float column_right = 0;  // right edge of the reading column, window coordinates; set by draw_app


    // Width from the cursor to the column's right edge: full-width widgets use this.
    float available_width() const;
    bool activated(unsigned id) const { return id != 0 && page_input.activate == id; }
    std::string text(std::string_view key, const TextArgs& args = {}) const { return t.text(key, args); }
};

}  // namespace stadsmijn::ui
