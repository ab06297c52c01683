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
