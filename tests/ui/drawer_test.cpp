// My drawer (#/drawer) and the settings (#/settings), drawn headless: what the citizen sees, what
// reaches storage, and that nothing stored is lost when the store is damaged.
#include <doctest/doctest.h>

#include "core/drawer/drawer_store.h"
#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;

namespace {

void open_drawer(HeadlessApp& app, const std::string& fragment = "#/drawer") {
    app.go(fragment);
    app.state.now = LocalDateTime{2026, 11, 28, 10, 30};
}

std::string t(HeadlessApp& app, const std::string& key, const TextArgs& args = {}) {
    return app.translator.text(key, args);
}

bool shows_text(const HeadlessApp& app, const std::string& text) {
    for (const auto& node : app.semantics.nodes())
        if (node.name == text) return true;
    return false;
}

bool shows_text_containing(const HeadlessApp& app, const std::string& part) {
    for (const auto& node : app.semantics.nodes())
        if (node.name.find(part) != std::string::npos) return true;
    return false;
}

Drawer stored_drawer(const HeadlessApp& app) {
    auto it = app.state.stored.find("drawer");
    REQUIRE(it != app.state.stored.end());
    DrawerLoad load = load_drawer(it->second, app.content.devices);
    CHECK(load.clean());
    return load.drawer;
}

void add_device(HeadlessApp& app, const std::string& search, const std::string& device_name,
                const std::string& label = {}) {
    app.type(t(app, "drawer.add.search"), search);
    app.activate(Role::radio, device_name);
    if (!label.empty()) app.type(t(app, "drawer.add.label"), label);
    app.activate(Role::button, t(app, "drawer.add.button"));
    app.frame();
}

}  // namespace

TEST_CASE("adding a device found by search writes the drawer to storage, and 'saved' shows only once it is there") {
    HeadlessApp app;
    open_drawer(app);
    app.frame();
    CHECK_FALSE(shows_text(app, t(app, "drawer.saved")));
    CHECK(app.state.stored.count("drawer") == 0);

    add_device(app, "mobiele telefoon", "Smartphone", "Oma's telefoon");
    Drawer drawer = stored_drawer(app);
    REQUIRE(drawer.entries.size() == 1);
    CHECK(drawer.entries[0].device == "smartphone");
    CHECK(drawer.entries[0].label == "Oma's telefoon");
    REQUIRE(drawer.entries[0].added.has_value());
    CHECK(*drawer.entries[0].added == LocalDate{2026, 11, 28});
    CHECK(shows_text(app, t(app, "drawer.saved")));
    CHECK(app.semantics.find(Role::heading, "Oma's telefoon") != nullptr);
    CHECK(std::count(app.announcements.begin(), app.announcements.end(), t(app, "drawer.saved")) == 1);
}

TEST_CASE("when storage refuses the write, the drawer stays on screen with a clear error and an export, never 'saved'") {
    HeadlessApp app;
    open_drawer(app, "#/drawer?lang=en");
    app.storage_fails = true;
    add_device(app, "laptop", "Laptop");
    app.frame();
    CHECK(app.state.stored.count("drawer") == 0);
    CHECK_FALSE(shows_text(app, t(app, "drawer.saved")));
    CHECK(shows_text_containing(app, t(app, "drawer.storage_error.title")));
    CHECK(app.semantics.find(Role::heading, "Laptop") != nullptr);
    app.activate(Role::button, t(app, "drawer.export.button"));
    REQUIRE(app.downloads.size() == 1);
    CHECK(app.downloads[0].filename == "stadsmijn-la-2026-11-28.json");
    CHECK(load_drawer(app.downloads[0].text, app.content.devices).drawer.entries.size() == 1);

    app.storage_fails = false;
    app.activate(Role::button, t(app, "drawer.storage_error.retry"));
    app.frame();
    CHECK(stored_drawer(app).entries.size() == 1);
    CHECK(shows_text(app, t(app, "drawer.saved")));
}

TEST_CASE("the ?add= link of a device screen pre-selects that device") {
    HeadlessApp app;
    open_drawer(app, "#/drawer?add=laptop");
    app.frame();
    CHECK(shows_text(app, t(app, "drawer.add.chosen", {{"device", "Laptop"}})));
    app.activate(Role::button, t(app, "drawer.add.button"));
    app.frame();
    CHECK(stored_drawer(app).entries.at(0).device == "laptop");
}

TEST_CASE("an ?add= link to a device content does not know is said, and nothing is added") {
    HeadlessApp other;
    open_drawer(other, "#/drawer?add=flux-capacitor");
    other.frame();
    CHECK(shows_text(other, t(other, "drawer.add.unknown_device", {{"id", "flux-capacitor"}})));
    CHECK(shows_text(other, t(other, "drawer.add.choose_first")));
}

TEST_CASE("a device can be picked from its group without typing") {
    HeadlessApp app;
    open_drawer(app);
    app.activate(Role::radio, t(app, "drawer.group.batteries"));
    app.activate(Role::radio, "Accu van een elektrische fiets");
    app.frame();
    CHECK(shows_text(app, t(app, "drawer.add.chosen", {{"device", "Accu van een elektrische fiets"}})));
}

TEST_CASE("plan and status are saved, and the plan's link leads to the device's matching screen") {
    HeadlessApp app;
    open_drawer(app);
    add_device(app, "smartphone", "Smartphone");
    app.activate(Role::radio, t(app, "drawer.plan.reuse"));
    app.activate(Role::radio, t(app, "drawer.status.in-progress"));
    app.frame();
    Drawer drawer = stored_drawer(app);
    CHECK(drawer.entries.at(0).plan == DrawerPlan::reuse);
    CHECK(drawer.entries.at(0).status == DrawerStatus::in_progress);
    const SemanticNode* link = app.semantics.find(Role::link, t(app, "drawer.entry.go.reuse"));
    REQUIRE(link != nullptr);
    CHECK(link->value == "#/device/smartphone/reuse");
}

TEST_CASE("removing a device takes effect at once and can be undone") {
    HeadlessApp app;
    open_drawer(app);
    add_device(app, "smartphone", "Smartphone");
    add_device(app, "laptop", "Laptop");
    REQUIRE(stored_drawer(app).entries.size() == 2);
    app.activate(Role::button, t(app, "drawer.entry.remove"));  // the first entry's
    app.frame();
    CHECK(stored_drawer(app).entries.size() == 1);
    CHECK(shows_text(app, t(app, "drawer.entry.removed", {{"name", "Smartphone"}})));
    app.activate(Role::button, t(app, "drawer.undo"));
    app.frame();
    Drawer drawer = stored_drawer(app);
    REQUIRE(drawer.entries.size() == 2);
    CHECK(drawer.entries[0].device == "smartphone");
}

TEST_CASE("the totals table names critical and strategic materials in words and counts unknown amounts apart") {
    HeadlessApp app;
    open_drawer(app);
    add_device(app, "smartphone", "Smartphone");
    add_device(app, "laptop", "Laptop");
    const SemanticNode* table = app.semantics.find(Role::table, t(app, "drawer.totals.caption"));
    REQUIRE(table != nullptr);
    CHECK(shows_text_containing(app, "(" + t(app, "drawer.totals.critical_strategic") + ")"));
    DrawerTotals totals = drawer_totals(stored_drawer(app), app.content);
    for (const auto& m : totals.materials) {
        if (m.devices_with_figures == 0) continue;
        // Every figure shown names its sources.
        CHECK_FALSE(m.sources.empty());
    }
}

TEST_CASE("a damaged store is reported, its original kept apart and offered as a download, and not written over "
          "until the citizen goes on") {
    HeadlessApp app;
    open_drawer(app);
    app.state.stored["drawer"] = "{broken";
    app.frame();
    app.frame();
    CHECK(shows_text_containing(app, t(app, "drawer.recovery.title_lost")));
    CHECK(shows_text(app, "- " + t(app, "drawer.issue.not-json")));
    CHECK(app.state.stored["drawer.damaged-2026-11-28"] == "{broken");
    CHECK(app.state.stored["drawer"] == "{broken");
    CHECK(shows_text(app, t(app, "drawer.recovery.copy_kept", {{"key", "drawer.damaged-2026-11-28"}})));

    app.activate(Role::button, t(app, "drawer.recovery.download"));
    REQUIRE(app.downloads.size() == 1);
    CHECK(app.downloads[0].text == "{broken");
    CHECK(app.state.stored["drawer"] == "{broken");

    app.activate(Role::button, t(app, "drawer.recovery.continue"));
    app.frame();
    CHECK(stored_drawer(app).entries.empty());
    CHECK(app.state.stored["drawer.damaged-2026-11-28"] == "{broken");
    CHECK_FALSE(shows_text_containing(app, t(app, "drawer.recovery.title_lost")));
}

TEST_CASE("a partly damaged store keeps what it can, lists what was dropped, and a second damaged copy does not "
          "overwrite the first") {
    HeadlessApp app;
    open_drawer(app, "#/drawer?lang=en");
    app.state.stored["drawer.damaged-2026-11-28"] = "an earlier damaged text";
    app.state.stored["drawer"] = R"({"format": "stadsmijn-drawer", "version": 1, "entries": [
        {"id": "20261101-aaaa", "device": "laptop", "label": "Work laptop", "plan": "repair"},
        {"id": "20261101-bbbb", "device": "time-machine"}]})";
    app.frame();
    app.frame();
    CHECK(shows_text_containing(app, t(app, "drawer.recovery.title_lost")));
    CHECK(shows_text(app, "- " + t(app, "drawer.issue.device-unknown", {{"entry", "2"}, {"found", "time-machine"}})));
    CHECK(app.semantics.find(Role::heading, "Work laptop") != nullptr);
    CHECK(app.state.stored["drawer.damaged-2026-11-28"] == "an earlier damaged text");
    CHECK(app.state.stored["drawer.damaged-2026-11-28-2"] == app.state.stored["drawer"]);

    // A change is saved once the original is safe, and the notice stays until dismissed.
    app.activate(Role::radio, t(app, "drawer.status.done"));
    app.frame();
    Drawer drawer = stored_drawer(app);
    REQUIRE(drawer.entries.size() == 1);
    CHECK(drawer.entries[0].status == DrawerStatus::done);
    CHECK(shows_text_containing(app, t(app, "drawer.recovery.title_lost")));
}

TEST_CASE("when the original of a damaged store cannot be kept apart, nothing overwrites it until it is downloaded") {
    HeadlessApp app;
    open_drawer(app);
    app.state.stored["drawer"] = "[1, 2, 3]";
    app.storage_fails = true;
    app.frame();
    add_device(app, "laptop", "Laptop");
    CHECK(app.state.stored["drawer"] == "[1, 2, 3]");
    CHECK(app.state.stored.count("drawer.damaged-2026-11-28") == 0);
    CHECK(shows_text_containing(app, t(app, "drawer.recovery.copy_failed", {{"error", "the browser storage is full"}})));
    app.storage_fails = false;
    app.activate(Role::button, t(app, "drawer.recovery.download"));
    app.frame();
    CHECK(stored_drawer(app).entries.size() == 1);
}

TEST_CASE("an exported file read into an empty drawer restores its entries, with a report") {
    // One HeadlessApp at a time: each owns the ImGui context.
    FileDownload file;
    Drawer exported;
    {
        HeadlessApp first;
        open_drawer(first);
        add_device(first, "smartphone", "Smartphone", "Oude telefoon");
        add_device(first, "laptop", "Laptop");
        first.activate(Role::button, t(first, "drawer.export.button"));
        REQUIRE(first.downloads.size() == 1);
        file = first.downloads[0];
        CHECK(file.filename == "stadsmijn-la-2026-11-28.json");
        CHECK(file.mime == "application/json");
        exported = stored_drawer(first);
    }

    HeadlessApp second;
    open_drawer(second);
    second.activate(Role::button, t(second, "drawer.import.button"));
    REQUIRE(second.picks.size() == 1);
    CHECK(second.picks[0] == "drawer-import");
    second.state.picked_files["drawer-import"] = PickedFile{file.filename, file.text, ""};
    second.frame();
    second.frame();
    CHECK(stored_drawer(second) == exported);
    CHECK(shows_text(second, second.translator.plural("drawer.import.added", 2)));

    // The same file again adds nothing; a file that is no drawer changes nothing.
    second.activate(Role::button, t(second, "drawer.import.button"));
    second.state.picked_files["drawer-import"] = PickedFile{"notes.txt", "shopping list", ""};
    second.frame();
    second.frame();
    CHECK(shows_text(second, t(second, "drawer.import.not_a_drawer", {{"file", "notes.txt"}})));
    CHECK(stored_drawer(second).entries.size() == 2);
}

TEST_CASE("replacing the drawer by an import can be undone") {
    HeadlessApp app;
    open_drawer(app);
    add_device(app, "laptop", "Laptop");
    Drawer other;
    add_to_drawer(other, "smartphone", "", LocalDate{2026, 1, 2}, 7);
    app.activate(Role::radio, t(app, "drawer.import.replace"));
    app.activate(Role::button, t(app, "drawer.import.button"));
    app.state.picked_files["drawer-import"] = PickedFile{"other.json", save_drawer(other), ""};
    app.frame();
    app.frame();
    CHECK(stored_drawer(app) == other);
    CHECK(shows_text(app, app.translator.plural("drawer.import.replaced", 1)));
    app.activate(Role::button, t(app, "drawer.undo"));
    app.frame();
    CHECK(stored_drawer(app).entries.at(0).device == "laptop");
}

TEST_CASE("the drawer fits a 360 px wide phone without sideways scrolling") {
    HeadlessApp app(360, 740);
    open_drawer(app);
    add_device(app, "smartphone", "Smartphone", "Een hele lange eigen naam voor de oude telefoon van oma");
    add_device(app, "e-bike accu", "Accu van een elektrische fiets");
    app.frame();
    for (const auto& node : app.semantics.nodes()) {
        CAPTURE(node.name);
        CHECK(node.x + node.width <= 360.5f);
    }
}

TEST_CASE("settings: text size and colours are handed to the platform at once, and shown as chosen") {
    HeadlessApp app;
    app.go("#/settings");
    app.frame();
    const SemanticNode* slider = app.semantics.find(Role::slider, t(app, "settings.text_size.label"));
    REQUIRE(slider != nullptr);
    CHECK(slider->min == doctest::Approx(100));
    CHECK(slider->max == doctest::Approx(200));
    app.page_input.numbers[slider->id] = 200;
    app.frame();
    CHECK(app.state.preferences.text_scale == doctest::Approx(2.0f));
    CHECK(preferences_from_json(app.state.stored["preferences"]).text_scale == doctest::Approx(2.0f));

    app.activate(Role::radio, t(app, "settings.theme.high-contrast"));
    app.frame();
    CHECK(app.state.preferences.theme == ThemeChoice::high_contrast);
    const SemanticNode* chosen = app.semantics.find(Role::radio, t(app, "settings.theme.high-contrast"));
    REQUIRE(chosen != nullptr);
    CHECK(chosen->checked);
    CHECK(app.semantics.find(Role::text, t(app, "settings.preview.text")) != nullptr);
    CHECK(app.state.preferences.text_scale == doctest::Approx(2.0f));

    app.activate(Role::button, t(app, "settings.reset"));
    CHECK(app.state.preferences.theme == ThemeChoice::system);
    CHECK(app.state.preferences.text_scale == doctest::Approx(1.0f));
}

TEST_CASE("at text size 200 % the drawer, its recovery notice and the settings still fit a 360 px phone") {
    HeadlessApp app(360, 740);
    ImGuiIO& io = ImGui::GetIO();
    auto bytes = [](const char* path) -> std::span<const unsigned char> {
        const EmbeddedFile* file = find_embedded(path);
        return file ? std::span<const unsigned char>(file->data, file->size) : std::span<const unsigned char>();
    };
    app.fonts = build_fonts(*io.Fonts, {bytes("fonts/Inter-Regular.otf"), bytes("fonts/Inter-SemiBold.otf")}, 1.0f, 2.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    apply_theme(light_palette(), 2.0f);
    app.state.preferences.text_scale = 2.0f;

    auto fits = [&](const std::string& where) {
        for (const auto& node : app.semantics.nodes()) {
            CAPTURE(where);
            CAPTURE(node.name);
            CHECK(node.x + node.width <= 360.5f);
        }
    };
    open_drawer(app);
    app.state.stored["drawer"] = R"({"format": "stadsmijn-drawer", "version": 1, "entries": [
        {"id": "20261101-aaaa", "device": "feature-phone", "label": "Een hele lange eigen naam voor de oude telefoon"},
        {"id": "20261101-bbbb", "device": "time-machine"}]})";
    app.frame();
    app.frame();
    fits("drawer with notice");
    app.activate(Role::radio, t(app, "drawer.group.small-appliances"));
    app.type(t(app, "drawer.add.search"), "telefoon");
    app.frame();
    fits("drawer with search results");
    app.go("#/settings");
    app.frame();
    fits("settings");
}
