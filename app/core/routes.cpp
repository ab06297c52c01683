#include "core/routes.h"

#include <vector>

namespace stadsmijn {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    while (!path.empty()) {
        auto slash = path.find('/');
        std::string_view part = path.substr(0, slash);
        if (!part.empty()) parts.push_back(part);
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return parts;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    char previous = 0;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) return false;
        previous = c;
    }
    return true;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

Route parse_route(std::string_view fragment) {
    Route route;
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);

    std::string_view path = fragment, query;
    if (auto mark = fragment.find('?'); mark != std::string_view::npos) {
        path = fragment.substr(0, mark);
        query = fragment.substr(mark + 1);
    }
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        auto equals = pair.find('=');
        std::string key = percent_decode(pair.substr(0, equals));
        std::string value = equals == std::string_view::npos ? "" : percent_decode(pair.substr(equals + 1));
        if (key == "lang") {
            route.language = value;
        } else if (!key.empty()) {
            route.query[key] = value;
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }

    auto parts = split_path(path);
    auto is = [&](std::size_t i, std::string_view word) { return parts.size() > i && parts[i] == word; };
    auto not_found = [&] {
        Route missing;
        missing.screen = Screen::not_found;
        missing.language = route.language;
        missing.unknown_path = "/" + std::string(path.substr(path.starts_with("/") ? 1 : 0));
        return missing;
    };

    if (parts.empty()) {
        route.screen = Screen::home;
    } else if (parts.size() == 1 && is(0, "about")) {
        route.screen = Screen::about;
    } else if (parts.size() == 1 && is(0, "devices")) {
        route.screen = Screen::devices;
    } else if (parts.size() == 1 && is(0, "drawer")) {
        route.screen = Screen::drawer;
    } else if (parts.size() == 1 && is(0, "debate")) {
        route.screen = Screen::debate;
    } else if (parts.size() == 1 && is(0, "accessibility")) {
        route.screen = Screen::accessibility;
    } else if (parts.size() == 1 && is(0, "settings")) {
        route.screen = Screen::settings;
    } else if (parts.size() == 1 && is(0, "embed")) {
        route.screen = Screen::embed_builder;
    } else if (parts.size() == 1 && is(0, "region")) {
        route.screen = Screen::region;
    } else if (parts.size() == 1 && is(0, "actors")) {
        route.screen = Screen::actors;
    } else if (parts.size() == 2 && is(0, "chain") && is_valid_id(parts[1])) {
        route.screen = Screen::chain;
        route.material_id = std::string(parts[1]);
    } else if (parts.size() == 2 && is(0, "poll") && is_valid_id(parts[1])) {
        route.screen = Screen::poll;
        route.poll_id = std::string(parts[1]);
    } else if ((parts.size() == 2 || parts.size() == 3) && is(0, "device") && is_valid_id(parts[1])) {
        route.device_id = std::string(parts[1]);
        if (parts.size() == 2)
            route.screen = Screen::device;
        else if (is(2, "repair"))
            route.screen = Screen::device_repair;
        else if (is(2, "reuse"))
            route.screen = Screen::device_reuse;
        else if (is(2, "return"))
            route.screen = Screen::device_return;
        else
            return not_found();
    } else {
        return not_found();
    }
    return route;
}

std::string format_route(const Route& route) {
    std::string path;
    switch (route.screen) {
        case Screen::home: path = "/"; break;
        case Screen::about: path = "/about"; break;
        case Screen::devices: path = "/devices"; break;
        case Screen::device: path = "/device/" + route.device_id; break;
        case Screen::device_repair: path = "/device/" + route.device_id + "/repair"; break;
        case Screen::device_reuse: path = "/device/" + route.device_id + "/reuse"; break;
        case Screen::device_return: path = "/device/" + route.device_id + "/return"; break;
        case Screen::drawer: path = "/drawer"; break;
        case Screen::debate: path = "/debate"; break;
        case Screen::poll: path = "/poll/" + route.poll_id; break;
        case Screen::accessibility: path = "/accessibility"; break;
        case Screen::embed_builder: path = "/embed"; break;
        case Screen::settings: path = "/settings"; break;
        case Screen::chain: path = "/chain/" + route.material_id; break;
        case Screen::region: path = "/region"; break;
        case Screen::actors: path = "/actors"; break;
        case Screen::not_found: path = route.unknown_path.empty() ? "/" : route.unknown_path; break;
    }
    std::string query;
    auto add = [&](const std::string& key, const std::string& value) {
        query += query.empty() ? "?" : "&";
        query += percent_encode(key) + "=" + percent_encode(value);
    };
    if (!route.language.empty()) add("lang", route.language);
    for (const auto& [key, value] : route.query) add(key, value);
    return "#" + path + query;
}

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::home: return "home";
        case Screen::about: return "about";
        case Screen::devices: return "devices";
        case Screen::device: return "device";
        case Screen::device_repair: return "device_repair";
        case Screen::device_reuse: return "device_reuse";
        case Screen::device_return: return "device_return";
        case Screen::drawer: return "drawer";
        case Screen::debate: return "debate";
        case Screen::poll: return "poll";
        case Screen::accessibility: return "accessibility";
        case Screen::embed_builder: return "embed_builder";
        case Screen::settings: return "settings";
        case Screen::chain: return "chain";
        case Screen::region: return "region";
        case Screen::actors: return "actors";
        case Screen::not_found: return "not_found";
    }
    return "not_found";
}

}  // namespace stadsmijn
