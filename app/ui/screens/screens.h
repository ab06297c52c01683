// One function per screen, named after its route. Each draws the body of the page; the frame
// around it (top bar, footer) is app_ui.cpp's.
#pragma once

#include "ui/frame.h"

namespace stadsmijn::ui {

void draw_home(UiFrame& f);                 // #/
void draw_about(UiFrame& f);                // #/about
void draw_not_found(UiFrame& f);            // anything else
void draw_coming_soon(UiFrame& f);          // a part not built yet

// The guide: find a device, what is inside, repair, reuse, return.
void draw_devices(UiFrame& f);              // #/devices
void draw_device_inside(UiFrame& f);        // #/device/{id}
void draw_device_repair(UiFrame& f);        // #/device/{id}/repair
void draw_device_reuse(UiFrame& f);         // #/device/{id}/reuse
void draw_device_return(UiFrame& f);        // #/device/{id}/return

void draw_drawer(UiFrame& f);               // #/drawer
void draw_settings(UiFrame& f);             // #/settings

void draw_debate(UiFrame& f);               // #/debate: the polls
void draw_poll(UiFrame& f);                 // #/poll/{id}: vote, add a statement, results
// Every frame, on any screen: the poll clients settle answers and send votes that are due.
void update_poll_clients(UiFrame& f);

void draw_accessibility(UiFrame& f);        // #/accessibility: the accessibility statement
void draw_embed_builder(UiFrame& f);        // #/embed: the snippet builder for campaigns

}  // namespace stadsmijn::ui
