// One function per screen, named after its route. Each draws the body of the page; the frame
// around it (top bar, footer) is app_ui.cpp's.
#pragma once

#include "ui/frame.h"

namespace stadsmijn::ui {

void draw_home(UiFrame& f);                 // #/
void draw_about(UiFrame& f);                // #/about
void draw_coming_soon(UiFrame& f);          // journeys not built yet
void draw_not_found(UiFrame& f);            // anything else

}  // namespace stadsmijn::ui
