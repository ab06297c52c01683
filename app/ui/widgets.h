// The widgets every screen is made of. Each draws with ImGui and records what it is in the
// frame's Semantics, so screen readers, keyboard users and tests know what is on screen; each
// that can be activated also answers to activation from the page (PageInput).
#pragma once

#include <string>
#include <vector>

#include "core/routes.h"
#include "ui/frame.h"

namespace stadsmijn::ui {

void heading(UiFrame& f, const std::string& text, int level = 1);
void paragraph(UiFrame& f, const std::string& text);
void muted(UiFrame& f, const std::string& text);

// A full-width card that opens a route: the entry points of the journeys.
// `id` keeps the widget's identity when the language changes its label.
void entry_card(UiFrame& f, const char* id, const std::string& title, const std::string& subtitle,
                const Route& target, const std::string& badge = {});

// An inline link to a route inside the app, or to a web page (opens in a new tab).
void route_link(UiFrame& f, const char* id, const std::string& label, const Route& target);
void web_link(UiFrame& f, const char* id, const std::string& label, const std::string& url);

// A button; returns true when activated (by pointer, keyboard or screen reader).
bool primary_button(UiFrame& f, const char* id, const std::string& label);
bool secondary_button(UiFrame& f, const char* id, const std::string& label);

// One choice out of several, shown as a row of toggle buttons. Returns the index chosen this
// frame, or -1.
// `show_label`: the group's label is also drawn above it (where nothing else on screen names it).
int radio_row(UiFrame& f, const char* id, const std::string& group_label, const std::vector<std::string>& labels,
              const std::vector<std::string>& spoken_labels, int selected, bool show_label = false);

bool checkbox(UiFrame& f, const char* id, const std::string& label, bool& value);

// A slider with the value spoken as `value_text`; returns true when the value changed.
bool slider(UiFrame& f, const char* id, const std::string& label, float& value, float min, float max, float step,
            const std::string& value_text);

// A single-line text field; the text lives in `value`. Returns true when it changed.
bool text_field(UiFrame& f, const char* id, const std::string& label, std::string& value,
                const std::string& placeholder = {}, bool search = false);

// `text` with a line break ('\n') wherever it must wrap to fit `width` with the current font:
// at spaces only, never between a number and its unit or inside a range ("0,01 - 0,03 gram");
// inside a word only when that word alone is wider than `width`.
std::string break_lines(const std::string& text, float width);
// The width of the longest part of `text` that break_lines never splits.
float widest_unit(const std::string& text);

// True while a slider is being dragged: dragging the page to scroll must leave it alone.
bool slider_takes_drag();

// An answer that appears lower on the page when the citizen chooses something above it:
// ask_to_reveal(f, "key") when the choice is made, reveal_here(f, "key") where the answer
// starts; the page then scrolls so the answer's top shows.
void ask_to_reveal(UiFrame& f, const char* key);
void reveal_here(UiFrame& f, const char* key);

// A table with a caption, header row and text cells (also the text equivalent of a chart).
void data_table(UiFrame& f, const char* id, const std::string& caption, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows);

// How data_table shares `available` width between columns, given each column's width unwrapped
// (`natural`) and its longest word (`least`): columns that fit keep their natural width, long
// ones wrap at an even level, none goes below its longest word unless nothing else fits. The
// widths always add up to `available`.
std::vector<float> table_column_widths(const std::vector<float>& natural, const std::vector<float>& least,
                                       float available);

// A yellow banner with a message that must not be missed (a broken content file, an error).
void warning_banner(UiFrame& f, const std::string& title, const std::string& detail);

// The same route, with the language of the current one: links keep the citizen's language.
Route with_language(const UiFrame& f, Route target);

// A bulleted list of wrapped texts; a screen reader hears a list and how many items it has.
void bullet_list(UiFrame& f, const char* id, const std::vector<std::string>& items);

// Reserves a width x height box for a chart or picture the caller then draws into
// (ImGui::GetItemRectMin/Max); `text_equivalent` says what it shows, and a screen reader hears
// it as an image with that name.
void image_box(UiFrame& f, const char* id, float width, float height, const std::string& text_equivalent);

}  // namespace stadsmijn::ui
