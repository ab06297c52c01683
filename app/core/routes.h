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

namespace stadsmijn {

enum class Screen {
    home,
    about,
    devices,
    device,          // what's inside
    device_repair,
    device_reuse,
    device_return,
    drawer,
    debate,
    poll,
    accessibility,
    embed_builder,
    settings,        // text size and contrast
    chain,           // what happens to a material after hand-in
    region,          // the region's chains, per material
    actors,          // the matchmaking directory of organisations
    not_found,
};

struct Route {
    Screen screen = Screen::home;
    std::string device_id;  // for the device screens
    std::string poll_id;    // for Screen::poll
    std::string material_id;  // for Screen::chain
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

// Ids in routes and content are short kebab-case words: [a-z0-9] with single '-' between.
bool is_valid_id(std::string_view id);

// Percent-decoding of one URL component; '+' stays '+'. Invalid escapes are kept as written.
std::string percent_decode(std::string_view text);
std::string percent_encode(std::string_view text);

}  // namespace stadsmijn
