// The few widgets every screen is made of. Each draws with ImGui and records what it is in the
// frame's Semantics, so screen readers and tests know what is on screen.
#pragma once

#include <string>

#include "core/routes.h"
#include "ui/frame.h"

namespace stadsmijn::ui {

void heading(UiFrame& f, const std::string& text, int level = 1);
void paragraph(UiFrame& f, const std::string& text);
void muted(UiFrame& f, const std::string& text);

// A full-width button that opens a route: the entry points of the journeys.
// `id` keeps the widget's identity when the language changes its label.
void entry_card(UiFrame& f, const char* id, const std::string& title, const std::string& subtitle,
                const Route& target, const std::string& badge = {});

// An inline link to a route inside the app, or to a web page (opens in a new tab).
void route_link(UiFrame& f, const char* id, const std::string& label, const Route& target);
void web_link(UiFrame& f, const char* id, const std::string& label, const std::string& url);

// A primary button; returns true when activated.
bool primary_button(UiFrame& f, const char* id, const std::string& label);

// A yellow banner with a message that must not be missed (a broken content file, an error).
void warning_banner(UiFrame& f, const std::string& title, const std::string& detail);

// The same route, with the language of the current one: links keep the citizen's language.
Route with_language(const UiFrame& f, Route target);

}  // namespace stadsmijn::ui
