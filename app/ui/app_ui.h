// The whole page: top bar, the screen of the current route, footer.
//
//   Semantics semantics; UiActions actions;
//   UiFrame frame{content, problems, translator, state, fonts, palette, semantics, actions};
//   ImGui::NewFrame(); draw_app(frame); ImGui::Render();
//   then carry out `actions` (navigate, switch language, open a link).
#pragma once

#include <string>

#include "ui/frame.h"

namespace stadsmijn::ui {

void draw_app(UiFrame& f);

// The document title for a route, e.g. "Over Stadsmijn · Stadsmijn".
std::string page_title(const Translator& t, const Route& route);

// The width of the reading column for a display width, in CSS pixels.
float column_width(float display_width, float text_scale);

}  // namespace stadsmijn::ui
