// The guide's screens drawn headless: find a device, what is inside, repair, reuse, return.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/ui/ui_harness.h"

using namespace stadsmijn;
using namespace stadsmijn::ui;
using stadsmijn::ui::testing::HeadlessApp;
using stadsmijn::ui::testing::has_text_containing;

namespace {

std::vector<const SemanticNode*> children_of(const HeadlessApp& app, unsigned parent, Role role) {
    std::vector<const SemanticNode*> found;
    for (const auto& n : app.semantics.nodes())
        if (n.parent == parent && n.role == role) found.push_back(&n);
    return found;
}

void set_today(HeadlessApp& app) { app.state.now = LocalDateTime{2026, 11, 28, 10, 0}; }

}  // namespace

TEST_CASE("searching 'telefoon' on the devices screen lists the smartphone, linking to what is inside") {
    HeadlessApp app;
    app.go("#/devices");
    app.type(app.translator.text("guide.devices.search_label"), "telefoon");
    app.frame();
    const SemanticNode* card = app.semantics.find(Role::link, "Smartphone");
    REQUIRE(card != nullptr);
    CHECK(card->value == "#/device/smartphone");
}

TEST_CASE("an English search with a synonym finds the device too, and keeps the language in the link") {
    HeadlessApp app;
    app.go("#/devices?lang=en");
    app.type("Find your device", "e-bike battery");
    app.frame();
    const SemanticNode* card = app.semantics.find(Role::link, "E-bike battery");
    REQUIRE(card != nullptr);
    CHECK(card->value == "#/device/e-bike-battery?lang=en");
}

TEST_CASE("a search that finds nothing says so and still offers the groups") {
    HeadlessApp app;
    app.go("#/devices");
    app.type(app.translator.text("guide.devices.search_label"), "zzzqqq");
    app.frame();
    CHECK(has_text_containing(app, "Niets gevonden"));
    CHECK(app.semantics.find(Role::radio, "Telefoons en tablets") != nullptr);
}

TEST_CASE("picking a group lists its devices") {
    HeadlessApp app;
    app.go("#/devices");
    app.activate(Role::radio, "Computers en printers");
    app.frame();
    CHECK(app.semantics.find(Role::link, "Laptop") != nullptr);
    CHECK(app.semantics.find(Role::radio, "Computers en printers")->checked);
}

TEST_CASE("the what's-inside table has a row for every composition, unknown ones saying 'onbekend'") {
    HeadlessApp app;
    app.go("#/device/smartphone");
    app.frame();
    const SemanticNode* table = nullptr;
    for (const auto& n : app.semantics.nodes())
        if (n.role == Role::table) table = &n;
    REQUIRE(table != nullptr);
    auto compositions = app.content.compositions_of("smartphone");
    auto rows = children_of(app, table->id, Role::row);
    CHECK(rows.size() == compositions.size() + 1);  // and the header row
    for (const Composition* c : compositions) {
        const Material* m = app.content.find_material(c->material);
        REQUIRE(m != nullptr);
        CAPTURE(c->material);
        const SemanticNode* row = nullptr;
        for (const SemanticNode* r : rows)
            for (const SemanticNode* cell : children_of(app, r->id, Role::cell))
                if (cell->name == m->name.nl) row = r;
        REQUIRE(row != nullptr);
        auto cells = children_of(app, row->id, Role::cell);
        REQUIRE(cells.size() == 4);
        if (c->unknown) CHECK(cells[2]->name == "onbekend");
        else CHECK(cells[2]->name != "onbekend");
    }
}

TEST_CASE("the grams chart is an image with a text equivalent that marks critical materials in words") {
    HeadlessApp app;
    app.go("#/device/smartphone");
    app.frame();
    const SemanticNode* chart = nullptr;
    for (const auto& n : app.semantics.nodes())
        if (n.role == Role::image) chart = &n;
    REQUIRE(chart != nullptr);
    CHECK(chart->name.find("Kobalt (kritiek en strategisch)") != std::string::npos);
    CHECK(chart->name.find("onbekend") != std::string::npos);
}

TEST_CASE("every source of a figure on the what's-inside screen is a link to its address") {
    HeadlessApp app;
    app.go("#/device/smartphone");
    app.frame();
    std::vector<std::string> urls;
    for (const auto& n : app.semantics.nodes())
        if (n.role == Role::link) urls.push_back(n.value);
    for (const Composition* c : app.content.compositions_of("smartphone"))
        for (const auto& figure : c->figures)
            for (const auto& id : figure.grams.sources) {
                const Source* s = app.content.find_source(id);
                REQUIRE(s != nullptr);
                CAPTURE(id);
                CHECK(std::find(urls.begin(), urls.end(), s->url) != urls.end());
            }
}

TEST_CASE("the what's-inside screen leads to repair, reuse, return and adds to the drawer by route") {
    HeadlessApp app;
    app.go("#/device/laptop?lang=en");
    app.frame();
    const SemanticNode* add = app.semantics.find(Role::link, "Add to my drawer");
    REQUIRE(add != nullptr);
    CHECK(add->value == "#/drawer?lang=en&add=laptop");
    for (const char* title : {"Repair", "Reuse", "Return"}) {
        bool found = false;
        for (const auto& n : app.semantics.nodes())
            found = found || (n.role == Role::link && n.name == title);
        CHECK(found);
    }
}

TEST_CASE("an unknown device id shows a clear message with a link to the device list") {
    for (const char* path : {"#/device/toaster-9000", "#/device/toaster-9000/repair", "#/device/toaster-9000/reuse",
                             "#/device/toaster-9000/return"}) {
        HeadlessApp app;
        app.go(path);
        app.frame();
        CAPTURE(path);
        CHECK(app.semantics.find(Role::heading, "Dit apparaat kennen we niet") != nullptr);
        const SemanticNode* link = app.semantics.find(Role::link, "Zoek je apparaat in de lijst");
        REQUIRE(link != nullptr);
        CHECK(link->value == "#/devices");
    }
}

TEST_CASE("choosing the fault 'Scherm' shows the odds with the sample size and that they are for this fault") {
    HeadlessApp app;
    set_today(app);
    app.go("#/device/smartphone/repair");
    app.activate(Role::radio, "Scherm");
    app.frame();
    auto odds = find_repair_odds(app.content.repair_odds, "Mobile", "Screen");
    REQUIRE(odds.has_value());
    REQUIRE(odds->basis == OddsBasis::fault);
    std::string n = std::to_string(odds->counts.n());
    CHECK(has_text_containing(app, "van de " + n + " keer"));
    CHECK(has_text_containing(app, "Dit geldt voor dit probleem: Scherm"));
    CHECK(app.semantics.find(Role::heading, "Zelf repareren") != nullptr);
    CHECK(app.semantics.find(Role::heading, "Repair café") != nullptr);
    CHECK(app.semantics.find(Role::heading, "Reparateur") != nullptr);
    // The choice is in the URL (no new history entry), so a reload or a shared link keeps it.
    CHECK(format_route(app.state.route) == "#/device/smartphone/repair?fault=Screen");
}

TEST_CASE("a fault in the URL is chosen when the repair screen opens (a reload, a shared link)") {
    HeadlessApp reloaded;
    set_today(reloaded);
    reloaded.go("#/device/smartphone/repair?fault=Screen");
    reloaded.frame();
    const SemanticNode* chosen = reloaded.semantics.find(Role::radio, "Scherm");
    REQUIRE(chosen != nullptr);
    CHECK(chosen->checked);
    CHECK(has_text_containing(reloaded, "Dit geldt voor dit probleem: Scherm"));
}

TEST_CASE("without a chosen fault the odds fall back to the category and say so") {
    HeadlessApp app;
    app.go("#/device/laptop/repair");
    app.frame();
    CHECK(has_text_containing(app, "Dit geldt voor alle reparaties van dit soort apparaat"));
}

TEST_CASE("the repair café option lists cafés in the chosen municipality with their next opening") {
    HeadlessApp app;
    set_today(app);
    app.state.stored["municipality"] = "amsterdam";
    app.go("#/device/smartphone/repair");
    app.frame();
    CHECK(has_text_containing(app, "Je gemeente: Amsterdam"));
    CHECK(has_text_containing(app, "Volgende keer open:"));
}

TEST_CASE("the guarantee form gives 'likely covered' for a phone bought this year that broke by itself") {
    HeadlessApp app;
    set_today(app);
    app.go("#/device/smartphone/repair");
    app.type(app.translator.text("guide.guarantee.date_label"), "15-01-2026");
    app.type(app.translator.text("guide.guarantee.price_label"), "329");
    app.activate(Role::radio, app.translator.text("guide.guarantee.cause.by-itself"));
    app.frame();
    CHECK(app.semantics.find(Role::heading, app.translator.text("guide.guarantee.outlook.likely-covered")) != nullptr);
    CHECK(has_text_containing(app, "329 euro"));
}

TEST_CASE("the guarantee form says 'not covered' after a fall, and reports an impossible date") {
    HeadlessApp app;
    set_today(app);
    app.go("#/device/smartphone/repair");
    app.type(app.translator.text("guide.guarantee.date_label"), "2026-01-15");
    app.activate(Role::radio, app.translator.text("guide.guarantee.cause.accident"));
    app.frame();
    CHECK(app.semantics.find(Role::heading, app.translator.text("guide.guarantee.outlook.not-covered")) != nullptr);
    app.type(app.translator.text("guide.guarantee.date_label"), "31-02-2026");
    app.frame();
    CHECK(has_text_containing(app, "lezen we niet als datum"));
    app.type(app.translator.text("guide.guarantee.date_label"), "01-01-2027");
    app.frame();
    CHECK(has_text_containing(app, app.translator.text("guide.guarantee.problem.purchase-in-future")));
}

TEST_CASE("repair versus new shows the assumptions and takes the citizen's figure") {
    HeadlessApp app;
    app.go("#/device/smartphone/repair");
    app.frame();
    std::string name = app.translator.text("guide.rr.assume.new-price-euro");
    CHECK(has_text_containing(app, name + ": "));
    app.type(app.translator.text("guide.rr.your_value", {{"name", name}}), "450");
    app.frame();
    CHECK(has_text_containing(app, name + ": 450 (door jou ingevuld)"));
}

TEST_CASE("the reuse screen for a laptop shows the wiping checklist with the activation lock step") {
    HeadlessApp app;
    app.go("#/device/laptop/reuse");
    app.frame();
    CHECK(app.semantics.find(Role::heading, "Je gegevens wissen") != nullptr);
    const Guidance* wipe = app.content.find_guidance("wipe-computer");
    REQUIRE(wipe != nullptr);
    CHECK(app.semantics.find(Role::heading, wipe->title.nl) != nullptr);
    const SemanticNode* step = app.semantics.find(Role::checkbox, wipe->points.front().text.nl);
    REQUIRE(step != nullptr);
    CHECK_FALSE(step->checked);
    app.activate(Role::checkbox, wipe->points.front().text.nl);
    app.frame();
    CHECK(app.semantics.find(Role::checkbox, wipe->points.front().text.nl)->checked);
    CHECK(app.semantics.find(Role::checkbox, app.translator.text("guide.lock.cloud-accounts")) != nullptr);
    CHECK(app.semantics.find(Role::heading, "Weggeven") != nullptr);
}

TEST_CASE("choosing a municipality on the return screen remembers it and lists its places and battery safety") {
    HeadlessApp app;
    set_today(app);
    app.go("#/device/e-bike-battery/return");
    app.type(app.translator.text("guide.place.search_label"), "Haarlem");
    UiActions chosen = app.activate(Role::button, "Haarlem");
    CHECK(chosen.store.count("municipality") == 1);
    app.frame();
    CHECK(app.state.stored["municipality"] == "haarlem");
    CHECK(has_text_containing(app, "Je gemeente: Haarlem"));
    CHECK(has_text_containing(app, "Onthouden in deze browser"));
    CHECK(app.semantics.find(Role::heading, "Milieuplein Spaarnelanden") != nullptr);
    CHECK(app.semantics.find(Role::heading, app.translator.text("guide.safety.title")) != nullptr);
    CHECK(has_text_containing(app, app.translator.text("guide.safety.tape-terminals")));
}

TEST_CASE("asking for the location asks the platform, and lists the nearest repair cafés once it is known") {
    HeadlessApp app;
    set_today(app);
    app.go("#/device/smartphone/repair");
    UiActions asked = app.activate(Role::button, app.translator.text("guide.place.use_location"));
    CHECK(asked.request_location);
    app.state.location_status = LocationStatus::known;
    app.state.location = GeoPoint{52.37, 4.89};
    app.frame();
    CHECK(has_text_containing(app, app.translator.text("guide.place.using_location")));
    CHECK(has_text_containing(app, "km van je locatie"));
}

TEST_CASE("returning with only a location says no drop-off point is known there and asks for the municipality") {
    HeadlessApp app;
    set_today(app);
    app.go("#/device/e-bike-battery/return");
    app.activate(Role::button, app.translator.text("guide.place.use_location"));
    app.state.location_status = LocationStatus::known;
    app.state.location = GeoPoint{52.38, 4.64};  // Haarlem: its drop-off point has an address, no coordinates
    app.frame();
    CHECK(has_text_containing(app, app.translator.text("guide.return.no_places_near_location")));
    CHECK_FALSE(has_text_containing(app, app.translator.text("guide.return.no_places_here")));
}

TEST_CASE("the guide's screens fit a 360 pixel phone screen without sideways scrolling") {
    HeadlessApp app(360, 740);
    set_today(app);
    app.state.stored["municipality"] = "haarlem";
    for (const char* path : {"#/devices", "#/device/smartphone", "#/device/smartphone/repair", "#/device/laptop/reuse",
                             "#/device/e-bike-battery/return", "#/device/smartphone?lang=en"}) {
        app.go(path);
        app.frame();
        app.frame();
        for (const auto& node : app.semantics.nodes()) {
            CAPTURE(path);
            CAPTURE(node.name);
            CHECK(node.x >= 0);
            CHECK(node.x + node.width <= 360.5f);
        }
    }
}

TEST_CASE("every guide text exists in English as in Dutch") {
    HeadlessApp app;
    for (const char* path : {"#/devices", "#/device/smartphone", "#/device/smartphone/repair", "#/device/laptop/reuse",
                             "#/device/e-bike-battery/return"}) {
        for (const char* language : {"nl", "en"}) {
            app.go(std::string(path) + "?lang=" + language);
            app.frame();
            for (const auto& node : app.semantics.nodes()) {
                CAPTURE(path);
                CAPTURE(node.name);
                CHECK(node.name.find("guide.") == std::string::npos);
            }
        }
    }
}

TEST_CASE("at twice the text size the guide's screens still fit a 360 pixel phone screen") {
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
    set_today(app);
    app.state.stored["municipality"] = "haarlem";
    for (const char* path : {"#/devices", "#/device/smartphone", "#/device/smartphone/repair", "#/device/laptop/reuse",
                             "#/device/e-bike-battery/return"}) {
        app.go(path);
        app.frame();
        app.frame();
        for (const auto& node : app.semantics.nodes()) {
            CAPTURE(path);
            CAPTURE(node.name);
            CHECK(node.x + node.width <= 360.5f);
        }
    }
}
