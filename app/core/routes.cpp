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

// The Route member a "{...}" segment of a path pattern fills; null for a literal segment.
std::string* id_field(Route& route, std::string_view segment) {
    if (segment == "{device}") return &route.device_id;
    if (segment == "{poll}") return &route.poll_id;
    if (segment == "{material}") return &route.material_id;
    if (segment == "{place}") return &route.place_id;
    return nullptr;
}

// The enum follows the table's order, so a screen's row is found by index.
const RouteInfo& find_row(Screen screen) { return route_table()[static_cast<std::size_t>(screen)]; }

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
    for (const RouteInfo& row : route_table()) {
        if (row.screen == Screen::not_found) continue;
        auto pattern = split_path(row.path);
        if (pattern.size() != parts.size()) continue;
        Route candidate = route;
        candidate.screen = row.screen;
        bool match = true;
        for (std::size_t i = 0; match && i < parts.size(); ++i) {
            if (std::string* id = id_field(candidate, pattern[i])) {
                match = is_valid_id(parts[i]);
                *id = std::string(parts[i]);
            } else {
                match = pattern[i] == parts[i];
            }
        }
        if (match) return candidate;
    }
    Route missing;
    missing.screen = Screen::not_found;
    missing.language = route.language;
    missing.unknown_path = "/" + std::string(path.substr(path.starts_with("/") ? 1 : 0));
    return missing;
}

std::string format_route(const Route& route) {
    std::string path;
    if (route.screen == Screen::not_found) {
        path = route.unknown_path.empty() ? "/" : route.unknown_path;
    } else {
        Route copy = route;  // id_field hands out pointers into a route
        for (std::string_view part : split_path(find_row(route.screen).path)) {
            const std::string* id = id_field(copy, part);
            path += "/" + (id ? *id : std::string(part));
        }
        if (path.empty()) path = "/";
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

const std::vector<RouteInfo>& route_table() {
    static const std::vector<RouteInfo> rows = {
#define STADSMIJN_ROUTE_ROW(name, path, example, draw) {Screen::name, #name, path, example},
        STADSMIJN_ROUTES(STADSMIJN_ROUTE_ROW)
#undef STADSMIJN_ROUTE_ROW
    };
    return rows;
}

const char* screen_name(Screen screen) { return find_row(screen).name; }

}  // namespace stadsmijn
