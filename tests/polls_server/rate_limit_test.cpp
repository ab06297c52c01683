// The building blocks of the abuse limits (server/rate_limit.h), without HTTP.
#include <doctest/doctest.h>

#include "server/rate_limit.h"

using namespace stadsmijn::server;
using namespace std::chrono_literals;

TEST_CASE("client addresses: proxy headers only from a trusted peer, IPv6 per /64, never the address as key") {
    ClientAddresses direct;
    CHECK(direct.address("198.51.100.7", "203.0.113.1", "203.0.113.2") == "198.51.100.7");
    ClientAddresses behind({"127.0.0.1"});
    CHECK(behind.address("127.0.0.1", "203.0.113.1", "10.0.0.1, 203.0.113.2") == "203.0.113.1");
    CHECK(behind.address("127.0.0.1", "", "10.0.0.1, 203.0.113.2") == "203.0.113.2");  // the proxy's own entry
    CHECK(behind.address("127.0.0.1", "not an address", "neither") == "127.0.0.1");
    CHECK(behind.address("192.0.2.5", "203.0.113.1", "") == "192.0.2.5");

    const std::string key = direct.key("198.51.100.7", "", "");
    CHECK(key.size() == 16);
    CHECK(key.find("198") == std::string::npos);
    CHECK(key == direct.key("198.51.100.7", "", ""));  // the same all day
    CHECK(key != direct.key("198.51.100.8", "", ""));
    CHECK(key == direct.key("::ffff:198.51.100.7", "", ""));  // IPv4-mapped IPv6 is the IPv4 address
    CHECK(direct.key("2001:db8:1:2::1", "", "") == direct.key("2001:db8:1:2:abcd::99", "", ""));
    CHECK(direct.key("2001:db8:1:2::1", "", "") != direct.key("2001:db8:1:3::1", "", ""));
}

TEST_CASE("take_all takes from every limit or from none") {
    RateLimiter narrow({.per_second = 0.001, .burst = 1});
    RateLimiter wide({.per_second = 0.001, .burst = 10});
    DailyCap daily(2);
    const auto now = RateLimiter::Clock::now();
    CHECK(!take_all({{&narrow, "a"}, {&wide, "a"}, {&daily, "a"}}, now));
    // narrow is spent: the others must not pay for the refused attempts.
    for (int i = 0; i < 5; ++i) CHECK(take_all({{&narrow, "a"}, {&wide, "a"}, {&daily, "a"}}, now));
    CHECK(!take_all({{&wide, "a"}, {&daily, "a"}}, now));
    auto wait = take_all({{&wide, "a"}, {&daily, "a"}}, now);  // the daily cap of 2 is reached
    REQUIRE(wait);
    CHECK(*wait <= std::chrono::milliseconds(until_utc_midnight()) + 1s);
    CHECK(!take_all({{&wide, "b"}, {&daily, "b"}, {nullptr, "x"}}, now));
}
