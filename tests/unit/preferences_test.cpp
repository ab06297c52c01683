#include <doctest/doctest.h>

#include "core/preferences.h"

using namespace stadsmijn;

TEST_CASE("the URL's language wins, then the stored choice, then the browser, then Dutch") {
    std::vector<std::string> available{"nl", "en"};
    CHECK(choose_language("en", "nl", {"nl-NL"}, available) == "en");
    CHECK(choose_language("", "en", {"nl-NL"}, available) == "en");
    CHECK(choose_language("", "", {"de-DE", "en-GB", "nl"}, available) == "en");
    CHECK(choose_language("", "", {"de-DE", "fr"}, available) == "nl");
    CHECK(choose_language("xx", "", {}, available) == "nl");
    CHECK(choose_language("EN", "", {}, available) == "en");
}
