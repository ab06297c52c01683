// The citizen's display preferences and how the app chooses its language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stadsmijn {

enum class ThemeChoice { system, light, dark, high_contrast };

struct Preferences {
    std::string language;          // empty: not chosen by the citizen
    float text_scale = 1.0f;       // 1.0 to 2.0 (WCAG 1.4.4: text up to 200 %)
    ThemeChoice theme = ThemeChoice::system;
};

// The language to show: the URL's if supported, else the citizen's stored choice, else the first
// of the browser's preferred languages we have (matching "nl-BE" to "nl"), else Dutch.
std::string choose_language(std::string_view from_url, std::string_view stored,
                            const std::vector<std::string>& browser_preferences,
                            const std::vector<std::string>& available);

}  // namespace stadsmijn

namespace stadsmijn {

// The stored form of the preferences ({"language":"en","text_scale":1.5,"theme":"high-contrast"}).
// Reading never fails: a damaged or older text gives the defaults for what it lacks.
std::string preferences_to_json(const Preferences& preferences);
Preferences preferences_from_json(std::string_view text);
const char* theme_choice_name(ThemeChoice theme);

}  // namespace stadsmijn
