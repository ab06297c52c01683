#include "core/preferences.h"

#include <algorithm>
#include <cctype>

namespace stadsmijn {

namespace {

std::string primary_subtag(std::string_view tag) {
    std::string primary;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return primary;
}

}  // namespace

std::string choose_language(std::string_view from_url, std::string_view stored,
                            const std::vector<std::string>& browser_preferences,
                            const std::vector<std::string>& available) {
    auto supported = [&](const std::string& code) {
        return std::find(available.begin(), available.end(), code) != available.end();
    };
    if (std::string code = primary_subtag(from_url); supported(code)) return code;
    if (std::string code = primary_subtag(stored); supported(code)) return code;
    for (const auto& tag : browser_preferences)
        if (std::string code = primary_subtag(tag); supported(code)) return code;
    return supported("nl") || available.empty() ? "nl" : available.front();
}

}  // namespace stadsmijn

#include <cmath>

#include <nlohmann/json.hpp>

namespace stadsmijn {

const char* theme_choice_name(ThemeChoice theme) {
    switch (theme) {
        case ThemeChoice::system: return "system";
        case ThemeChoice::light: return "light";
        case ThemeChoice::dark: return "dark";
        case ThemeChoice::high_contrast: return "high-contrast";
    }
    return "system";
}

std::string preferences_to_json(const Preferences& preferences) {
    nlohmann::json out = nlohmann::json::object();
    if (!preferences.language.empty()) out["language"] = preferences.language;
    out["text_scale"] = preferences.text_scale;
    out["theme"] = theme_choice_name(preferences.theme);
    return out.dump();
}

Preferences preferences_from_json(std::string_view text) {
    Preferences preferences;
    nlohmann::json in = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (!in.is_object()) return preferences;
    if (auto it = in.find("language"); it != in.end() && it->is_string() && it->get<std::string>().size() <= 8)
        preferences.language = it->get<std::string>();
    if (auto it = in.find("text_scale"); it != in.end() && it->is_number()) {
        double scale = it->get<double>();
        if (std::isfinite(scale)) preferences.text_scale = static_cast<float>(std::clamp(scale, 1.0, 2.0));
    }
    if (auto it = in.find("theme"); it != in.end() && it->is_string()) {
        for (ThemeChoice choice : {ThemeChoice::system, ThemeChoice::light, ThemeChoice::dark, ThemeChoice::high_contrast})
            if (it->get<std::string>() == theme_choice_name(choice)) preferences.theme = choice;
    }
    return preferences;
}

}  // namespace stadsmijn
