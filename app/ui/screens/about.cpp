// #/about : what Stadsmijn is, where its figures come from, what it does with your data.
#include <imgui.h>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

void draw_about(UiFrame& f) {
    heading(f, f.text("about.title"), 1);
    paragraph(f, f.text("about.what"));
    paragraph(f, f.text("about.why"));

    heading(f, f.text("about.privacy.title"), 2);
    paragraph(f, f.text("about.privacy.text"));

    heading(f, f.text("about.sources.title"), 2);
    paragraph(f, f.t.plural("about.sources.count", static_cast<long long>(f.content.sources.size())));
    for (const Source& source : f.content.sources) {
        ImGui::PushID(source.id.c_str());
        web_link(f, "##source", source.title, source.url);
        muted(f, f.text("about.sources.line", {{"publisher", source.publisher},
                                               {"year", std::to_string(source.year)},
                                               {"licence", source.licence}}));
        ImGui::PopID();
        ImGui::Spacing();
    }

    heading(f, f.text("about.software.title"), 2);
    paragraph(f, f.text("about.software.text"));
}

}  // namespace stadsmijn::ui
