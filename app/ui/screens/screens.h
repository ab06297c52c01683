// One function per screen, named in its row of the route table (core/route_table.h), e.g.
// draw_device_repair for #/device/{id}/repair. Each draws the body of the page; the frame around
// it (top bar, footer) is app_ui.cpp's.
#pragma once

#include "core/route_table.h"
#include "ui/frame.h"

namespace stadsmijn::ui {

// The draw function of every row of the route table.
#define STADSMIJN_DECLARE_DRAW(name, path, example, draw) void draw(UiFrame& f);
STADSMIJN_ROUTES(STADSMIJN_DECLARE_DRAW)
#undef STADSMIJN_DECLARE_DRAW

void draw_coming_soon(UiFrame& f);  // a part not built yet

// Every frame, on any screen: the poll clients settle answers and send votes that are due.
void update_poll_clients(UiFrame& f);

}  // namespace stadsmijn::ui
