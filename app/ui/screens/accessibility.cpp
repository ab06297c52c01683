// #/accessibility : the accessibility statement. What works, which keys do what, the limits we
// know of (said plainly), how to report a problem, and when the statement was written.
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {
std::vector<std::string> texts(const UiFrame& f, std::initializer_list<const char*> keys) {
    std::vector<std::string> out;
    for (const char* key : keys) out.push_back(f.text(key));
    return out;
}
}  // namespace

void draw_accessibility(UiFrame& f) {
    heading(f, f.text("a11y.title"), 1);
    paragraph(f, f.text("a11y.intro"));

    heading(f, f.text("a11y.status.title"), 2);
    paragraph(f, f.text("a11y.status.text"));

    heading(f, f.text("a11y.supported.title"), 2);
    bullet_list(f, "##supported",
                texts(f, {"a11y.supported.screen_reader", "a11y.supported.keyboard", "a11y.supported.announcements",
                          "a11y.supported.contrast", "a11y.supported.colour", "a11y.supported.text_size",
                          "a11y.supported.charts", "a11y.supported.languages"}));
    Route settings;
    settings.screen = Screen::settings;
    route_link(f, "##settings", f.text("title.settings"), with_language(f, settings));

    heading(f, f.text("a11y.keys.title"), 2);
    data_table(f, "##keys", f.text("a11y.keys.caption"),
               {f.text("a11y.keys.header.key"), f.text("a11y.keys.header.action")},
               {{"Tab, Shift+Tab", f.text("a11y.keys.tab")},
                {"Enter", f.text("a11y.keys.enter")},
                {f.text("a11y.keys.space_name"), f.text("a11y.keys.space")},
                {f.text("a11y.keys.arrows_name"), f.text("a11y.keys.arrows")},
                {"Escape", f.text("a11y.keys.escape")}});

    heading(f, f.text("a11y.limits.title"), 2);
    bullet_list(f, "##limits",
                texts(f, {"a11y.limits.rtl", "a11y.limits.scripts", "a11y.limits.content_languages",
                          "a11y.limits.canvas", "a11y.limits.forced_colours", "a11y.limits.requirements",
                          "a11y.limits.testing"}));

    heading(f, f.text("a11y.report.title"), 2);
    paragraph(f, f.text("a11y.report.text"));
    paragraph(f, f.text("a11y.report.ombudsman"));

    heading(f, f.text("a11y.date.title"), 2);
    paragraph(f, f.text("a11y.date.text", {{"date", f.text("a11y.date.value")}}));
}

}  // namespace stadsmijn::ui
