// The journeys that are not built yet: say so plainly, and offer the way back.
#include <imgui.h>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

void draw_coming_soon(UiFrame& f) {
    heading(f, f.text(std::string("title.") + screen_name(f.state.route.screen)), 1);
    paragraph(f, f.text("common.coming_soon_text"));
    Route home;
    route_link(f, "##home", f.text("common.back_home"), with_language(f, home));
}

}  // namespace stadsmijn::ui
