// Issue 13, drawn headless: lines break at spaces only and never split a number from its unit,
// the return screen has the wiping list its advice points to, and the ticks of that list are
// kept in storage (versioned; a damaged store is reported and kept aside).
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "tests/ui/ui_harness.h"
#include "ui/widgets.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Break `text` at every width from narrow to wide, in the app's body font.
template <typename Check>
void at_every_width(HeadlessApp& app, const std::string& text, Check check) {
    ImGui::NewFrame();
    ImGui::PushFont(app.fonts.body);
    for (float width = 20; width < 400; width += 7) check(break_lines(text, width), width);
    ImGui::PopFont();
    ImGui::EndFrame();
}

std::vector<const SemanticNode*> checkboxes(const HeadlessApp& app) {
    std::vector<const SemanticNode*> found;
    for (const auto& n : app.semantics.nodes())
        if (n.role == Role::checkbox) found.push_back(&n);
    return found;
}

}  // namespace

TEST_CASE("a range with its unit is never split, and a word is split only when it alone is too wide") {
    HeadlessApp app;
    at_every_width(app, "Kobalt (kritiek): 0,01 - 0,03 gram", [](const std::string& broken, float width) {
        CAPTURE(width);
        CAPTURE(broken);
        bool whole = broken.find("0,01 - 0,03 gram") != std::string::npos;
        // Narrower than the range itself, it may break at its spaces, never after the comma.
        if (width > 60)
            for (const auto& line : lines_of(broken)) CHECK(line.back() != ',');
        if (width > 150) CHECK(whole);
    });
    at_every_width(app, "Bronnen 49,8 % Kobalt", [&](const std::string& broken, float width) {
        CAPTURE(broken);
        ImGui::PushFont(app.fonts.body);
        bool fits = ImGui::CalcTextSize("Bronnen").x <= width;
        ImGui::PopFont();
        const auto lines = lines_of(broken);
        if (fits) CHECK(std::find(lines.begin(), lines.end(), "Bronn") == lines.end());
        if (fits)
            for (const auto& line : lines) CHECK(line != "49,");
    });
}

TEST_CASE("the laptop's return screen has the wiping list its advice points to") {
    HeadlessApp app;
    app.go("#/device/laptop/return");
    app.frame();
    CHECK(app.semantics.find(Role::heading, "Je gegevens wissen") != nullptr);
    CHECK(!checkboxes(app).empty());
    // Per system: a Mac and a Chromebook have their own steps, each with its maker's source.
    CHECK(app.semantics.find(Role::heading, "Een Mac wissen (macOS)") != nullptr);
    CHECK(app.semantics.find(Role::heading, "Een Chromebook wissen (ChromeOS)") != nullptr);
}

TEST_CASE("the wipe checklist's ticks survive a reload; a damaged store is reported and kept aside") {
    std::map<std::string, std::string> stored;
    {
        HeadlessApp app;
        app.go("#/device/laptop/reuse");
        app.frame();
        auto boxes = checkboxes(app);
        REQUIRE(!boxes.empty());
        std::string first = boxes.front()->name;
        app.activate(Role::checkbox, first);
        REQUIRE(app.state.stored.count("wipe"));
        CHECK(app.state.stored["wipe"].find("\"format\":\"stadsmijn-wipe\"") != std::string::npos);
        CHECK(app.state.stored["wipe"].find("\"version\":1") != std::string::npos);
        stored = app.state.stored;
    }
    {
        HeadlessApp reloaded;
        reloaded.state.stored = stored;
        reloaded.go("#/device/laptop/reuse");
        reloaded.frame();
        auto boxes = checkboxes(reloaded);
        REQUIRE(!boxes.empty());
        CHECK(boxes.front()->checked);
        // The same ticks on the return screen: it is the same list.
        reloaded.go("#/device/laptop/return");
        reloaded.frame();
        CHECK(checkboxes(reloaded).front()->checked);
    }
    {
        HeadlessApp damaged;
        damaged.state.stored["wipe"] = "{not json";
        damaged.go("#/device/laptop/reuse");
        damaged.frame();
        CHECK(damaged.semantics.find(Role::text,
                                     "Je afgevinkte stappen konden niet worden gelezen. De lijst begint weer leeg; wat "
                                     "er bewaard stond, blijft apart bewaard.") != nullptr);
        damaged.activate(Role::checkbox, checkboxes(damaged).front()->name);
        CHECK(damaged.state.stored["wipe.damaged"] == "{not json");
        CHECK(damaged.state.stored["wipe"].find("stadsmijn-wipe") != std::string::npos);
    }
}

TEST_CASE("drawer dates read as in the guide: dd-mm-yyyy in Dutch") {
    HeadlessApp app;
    app.state.now = LocalDateTime{2026, 12, 4, 10, 0};
    app.go("#/drawer?add=laptop");
    app.frame();
    app.activate(Role::button, "In mijn la zetten");
    app.frame();
    CHECK(app.semantics.find(Role::text, "In je la gezet op 04-12-2026") != nullptr);
}
