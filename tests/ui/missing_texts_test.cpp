// Every screen of every device, and every fixed route, drawn in Dutch and English: the harness
// fails a frame in which a screen asked for a text that Dutch does not have (the translator
// counts such lookups), so a removed or misspelt key cannot hide behind a screen no test visits.
#include <doctest/doctest.h>

#include <string>

#include "tests/ui/ui_harness.h"

using stadsmijn::ui::testing::HeadlessApp;

TEST_CASE("every device screen and every fixed route finds all its texts in Dutch") {
    HeadlessApp app(390, 844);
    for (const std::string language : {"nl", "en"}) {
        CAPTURE(language);
        for (const auto& device : app.content.devices) {
            for (const char* part : {"", "/repair", "/reuse", "/return"}) {
                std::string route = "#/device/" + device.id + part + "?lang=" + language;
                CAPTURE(route);
                app.go(route);
                app.frame();
                app.frame();
            }
        }
        for (const char* route : {"#/", "#/about", "#/devices", "#/drawer", "#/settings", "#/debate", "#/accessibility",
                                  "#/embed", "#/region", "#/actors", "#/chain/cobalt", "#/nothing-here"}) {
            CAPTURE(route);
            app.go(std::string(route) + "?lang=" + language);
            app.frame();
            app.frame();
        }
    }
}
