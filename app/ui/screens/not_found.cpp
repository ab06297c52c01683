// A link that leads nowhere: say what was asked for and offer the way home.
#include <imgui.h>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

void draw_not_found(UiFrame& f) {
    heading(f, f.text("title.not_found"), 1);
    paragraph(f, f.text("not_found.text", {{"path", f.state.route.unknown_path}}));
    Route home;
    route_link(f, "##home", f.text("common.back_home"), with_language(f, home));
}

}  // namespace stadsmijn::ui
