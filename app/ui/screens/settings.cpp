// #/settings : text size (100 to 200 %) and colours (the system's choice, light, dark, high
// contrast). A change is applied at once: the screen hands new Preferences to the platform, which
// rebuilds the fonts and theme and remembers them in storage ("preferences").
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {
constexpr ThemeChoice kThemes[] = {ThemeChoice::system, ThemeChoice::light, ThemeChoice::dark,
                                   ThemeChoice::high_contrast};
constexpr float kMinPercent = 100, kMaxPercent = 200, kStepPercent = 10;
}  // namespace

void draw_settings(UiFrame& f) {
    const Preferences& current = f.state.preferences;
    heading(f, f.text("settings.title"), 1);
    paragraph(f, f.text("settings.intro"));
    ImGui::Spacing();

    heading(f, f.text("settings.text_size.title"), 2);
    float percent = std::round(std::clamp(current.text_scale, 1.0f, 2.0f) * 100.0f);
    std::string value_text = f.text("settings.text_size.value", {{"percent", std::to_string(static_cast<int>(percent))}});
    if (slider(f, "##settings-text-size", f.text("settings.text_size.label"), percent, kMinPercent, kMaxPercent,
               kStepPercent, value_text)) {
        float scale = std::round(percent) / 100.0f;
        if (std::fabs(scale - current.text_scale) > 0.001f) {
            Preferences next = current;
            next.text_scale = scale;
            f.actions.preferences = next;
            f.actions.announce.push_back(
                f.text("settings.text_size.value", {{"percent", std::to_string(static_cast<int>(std::round(percent)))}}));
        }
    }
    muted(f, f.text("settings.text_size.hint"));
    ImGui::Spacing();

    heading(f, f.text("settings.theme.title"), 2);
    std::vector<std::string> labels;
    int selected = 0;
    for (std::size_t i = 0; i < std::size(kThemes); ++i) {
        labels.push_back(f.text(std::string("settings.theme.") + theme_choice_name(kThemes[i])));
        if (kThemes[i] == current.theme) selected = static_cast<int>(i);
    }
    int chosen = radio_row(f, "##settings-theme", f.text("settings.theme.label"), labels, labels, selected);
    if (chosen >= 0) {
        Preferences next = current;
        next.theme = kThemes[chosen];
        f.actions.preferences = next;
        f.actions.announce.push_back(f.text("settings.theme.chosen", {{"theme", labels[static_cast<std::size_t>(chosen)]}}));
    }
    muted(f, f.text(f.state.system_prefers_dark ? "settings.theme.system_is_dark" : "settings.theme.system_is_light"));
    ImGui::Spacing();

    heading(f, f.text("settings.preview.title"), 2);
    paragraph(f, f.text("settings.preview.text"));
    ImGui::Spacing();

    muted(f, f.text("settings.remembered"));
    bool is_default = current.theme == ThemeChoice::system && std::fabs(current.text_scale - 1.0f) < 0.001f;
    if (!is_default && secondary_button(f, "##settings-reset", f.text("settings.reset"))) {
        Preferences next = current;
        next.text_scale = 1.0f;
        next.theme = ThemeChoice::system;
        f.actions.preferences = next;
        f.actions.announce.push_back(f.text("settings.reset_done"));
    }
}

}  // namespace stadsmijn::ui
