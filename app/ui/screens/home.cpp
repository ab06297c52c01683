// #/ : what Stadsmijn is, and the ways in.
#include <imgui.h>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {
Route to(Screen screen) {
    Route route;
    route.screen = screen;
    return route;
}
}  // namespace

void draw_home(UiFrame& f) {
    heading(f, f.text("app.name"), 1);
    paragraph(f, f.text("home.tagline"));
    ImGui::Spacing();

    entry_card(f, "##guide", f.text("home.guide.title"), f.text("home.guide.text"), with_language(f, to(Screen::devices)));
    entry_card(f, "##drawer", f.text("home.drawer.title"), f.text("home.drawer.text"),
               with_language(f, to(Screen::drawer)));
    entry_card(f, "##debate", f.text("home.debate.title"), f.text("home.debate.text"),
               with_language(f, to(Screen::debate)));
    ImGui::Spacing();
    route_link(f, "##about", f.text("home.about_link"), with_language(f, to(Screen::about)));
    ImGui::Spacing();
    route_link(f, "##embed", f.text("home.embed_link"), with_language(f, to(Screen::embed_builder)));
}

}  // namespace stadsmijn::ui
