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

// Scrolling the page from the keyboard (PageUp/PageDown, Space, Home/End, arrows), asked by the
// page when no control takes the key; applied in the next frame.
enum class PageScroll { none, lines, pages, top, end };
struct PageScrollRequest {
    PageScroll kind = PageScroll::none;
    float amount = 0;  // lines or pages; negative: up
};
void request_page_scroll(PageScroll kind, float amount);

// The width of the reading column for a display width, in CSS pixels.
float column_width(float display_width, float text_scale);

}  // namespace stadsmijn::ui
