#include <set>
#include <string>

#include <doctest/doctest.h>

#include "core/routes.h"

using namespace stadsmijn;

TEST_CASE("an empty fragment, '#' and '#/' all open the home screen") {
    CHECK(parse_route("").screen == Screen::home);
    CHECK(parse_route("#").screen == Screen::home);
    CHECK(parse_route("#/").screen == Screen::home);
}

TEST_CASE("each journey route opens its screen with its device id") {
    CHECK(parse_route("#/about").screen == Screen::about);
    CHECK(parse_route("#/devices").screen == Screen::devices);
    CHECK(parse_route("#/drawer").screen == Screen::drawer);
    Route repair = parse_route("#/device/smartphone/repair");
    CHECK(repair.screen == Screen::device_repair);
    CHECK(repair.device_id == "smartphone");
    CHECK(parse_route("#/device/laptop").screen == Screen::device);
    CHECK(parse_route("#/device/laptop/reuse").screen == Screen::device_reuse);
    CHECK(parse_route("#/device/e-bike-battery/return").device_id == "e-bike-battery");
    CHECK(parse_route("#/poll/circular-city").poll_id == "circular-city");
}

TEST_CASE("the language travels in the query and other parameters are kept") {
    Route route = parse_route("#/about?lang=en&campaign=zaandam");
    CHECK(route.screen == Screen::about);
    CHECK(route.language == "en");
    CHECK(route.query.at("campaign") == "zaandam");
}

TEST_CASE("formatting a parsed route gives the canonical fragment back") {
    for (const char* fragment : {"#/", "#/about?lang=en", "#/device/smartphone/repair", "#/device/laptop/reuse?lang=nl",
                                 "#/drawer", "#/poll/repair-cafe?lang=en&m=haarlem"}) {
        CAPTURE(fragment);
        CHECK(format_route(parse_route(fragment)) == fragment);
    }
}

TEST_CASE("unknown paths and malformed ids lead to the not-found screen, keeping the language") {
    CHECK(parse_route("#/nowhere").screen == Screen::not_found);
    CHECK(parse_route("#/device/Smart Phone").screen == Screen::not_found);
    CHECK(parse_route("#/device/../etc/passwd").screen == Screen::not_found);
    CHECK(parse_route("#/device/laptop/eat").screen == Screen::not_found);
    CHECK(parse_route("#/about/extra").screen == Screen::not_found);
    Route missing = parse_route("#/nowhere?lang=en");
    CHECK(missing.language == "en");
    CHECK(missing.unknown_path == "/nowhere");
}

TEST_CASE("ids are short kebab-case words") {
    CHECK(is_valid_id("e-bike-battery"));
    CHECK(is_valid_id("tv2"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("-x"));
    CHECK_FALSE(is_valid_id("x-"));
    CHECK_FALSE(is_valid_id("a--b"));
    CHECK_FALSE(is_valid_id("Laptop"));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("percent escapes are decoded in query values and bad escapes are kept") {
    CHECK(parse_route("#/?q=r%C3%A9paration").query.at("q") == "r\xC3\xA9paration");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz") == "%zz");
    CHECK(percent_decode(percent_encode("a b&c=d/é")) == "a b&c=d/é");
}

TEST_CASE("every row of the route table parses its example to its screen and formats it back") {
    std::set<std::string> names;
    for (const RouteInfo& row : route_table()) {
        CAPTURE(row.name);
        CHECK(names.insert(row.name).second);
        CHECK(std::string(screen_name(row.screen)) == row.name);
        Route route = parse_route(row.example);
        CHECK(route.screen == row.screen);
        CHECK(format_route(route) == row.example);
    }
    CHECK(route_table().size() == static_cast<std::size_t>(Screen::not_found) + 1);
}

TEST_CASE("an id segment of the table fills its member of the route") {
    CHECK(parse_route("#/chain/cobalt").material_id == "cobalt");
    CHECK(parse_route("#/chain/Cobalt").screen == Screen::not_found);
    Route chain;
    chain.screen = Screen::chain;
    chain.material_id = "lithium";
    CHECK(format_route(chain) == "#/chain/lithium");
}
