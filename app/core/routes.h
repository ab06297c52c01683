// Routes: the URL fragment <-> the screen it shows.
//
// Every screen has a route, so deep links, the browser's back button, reloads and embeds all
// use one mechanism. The language travels in the query so a shared link opens in the same
// language: `#/device/smartphone/repair?lang=en`.
//
//   Route r = parse_route("#/device/laptop/reuse?lang=en");
//   r.screen == Screen::device_reuse; r.device_id == "laptop"; r.language == "en"
//   format_route(r) == "#/device/laptop/reuse?lang=en"
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/route_table.h"

namespace stadsmijn {

// One value per row of the route table (core/route_table.h), in its order.
enum class Screen {
#define STADSMIJN_SCREEN_ENUM(name, path, example, draw) name,
    STADSMIJN_ROUTES(STADSMIJN_SCREEN_ENUM)
#undef STADSMIJN_SCREEN_ENUM
};

struct Route {
    Screen screen = Screen::home;
    std::string device_id;  // for the device screens
    std::string poll_id;    // for Screen::poll
    std::string material_id;  // for Screen::chain
    std::string place_id;   // for the place editor (#/manage/place/{place})
    std::string language;   // from ?lang=; empty when the URL does not say
    std::map<std::string, std::string> query;  // every other query parameter, decoded
    std::string unknown_path;  // what was asked for, for the not-found screen

    bool operator==(const Route&) const = default;
};

// Accepts "#/about", "/about", "about", "" and "#"; anything unknown yields Screen::not_found.
Route parse_route(std::string_view fragment);
// The canonical fragment, starting with "#/".
std::string format_route(const Route& route);

// A short stable name of the screen ("device_repair"), for the test API and analytics.
const char* screen_name(Screen screen);

// The rows of the route table, for code that lists screens (tests, the test API).
struct RouteInfo {
    Screen screen;
    const char* name;
    const char* path;     // pattern, "" for not_found
    const char* example;  // a real route of the screen
};
const std::vector<RouteInfo>& route_table();

// Ids in routes and content are short kebab-case words: [a-z0-9] with single '-' between.
bool is_valid_id(std::string_view id);

// Percent-decoding of one URL component; '+' stays '+'. Invalid escapes are kept as written.
std::string percent_decode(std::string_view text);
std::string percent_encode(std::string_view text);

}  // namespace stadsmijn
