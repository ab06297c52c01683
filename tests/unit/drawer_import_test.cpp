#include <doctest/doctest.h>

#include <string>

#include "advice_content.h"
#include "core/drawer/drawer_store.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

const std::vector<Device>& devices() {
    return shipped_content().devices;
}

DrawerEntry entry(std::string id, std::string device, std::string label) {
    DrawerEntry e;
    e.id = std::move(id);
    e.device = std::move(device);
    e.label = std::move(label);
    e.added = LocalDate{2026, 11, 1};
    return e;
}

Drawer ours() {
    Drawer d;
    d.entries = {entry("a", "smartphone", "mine"), entry("b", "laptop", "work"), entry("c", "tablet", "kids")};
    return d;
}

Drawer theirs() {
    Drawer d;
    d.entries = {entry("a", "smartphone", "mine"),          // identical
                 entry("b", "laptop", "work, now broken"),  // same id, changed
                 entry("d", "e-bike-battery", "shed")};     // new
    return d;
}

}  // namespace

TEST_CASE("importing by merge adds new entries, skips identical ones and keeps the drawer's own on a clash") {
    DrawerImport result = import_drawer(ours(), save_drawer(theirs()), ImportMode::merge, devices());
    CHECK(result.applied);
    CHECK(result.added == 1);
    CHECK(result.already_there == 1);
    CHECK(result.kept_ours == 1);
    REQUIRE(result.drawer.entries.size() == 4);
    CHECK(result.drawer.find("b")->label == "work");
    CHECK(result.drawer.find("d")->device == "e-bike-battery");
    CHECK(result.drawer.entries.back().id == "d");
}

TEST_CASE("importing by replace swaps the drawer for the file's entries") {
    DrawerImport result = import_drawer(ours(), save_drawer(theirs()), ImportMode::replace, devices());
    CHECK(result.applied);
    CHECK(result.replaced == 3);
    CHECK(result.drawer == theirs());
}

TEST_CASE("exporting and importing into an empty drawer gives the same drawer") {
    DrawerImport result = import_drawer(Drawer{}, save_drawer(ours()), ImportMode::merge, devices());
    CHECK(result.drawer == ours());
    CHECK(result.added == 3);
    CHECK(result.file.clean());
}

TEST_CASE("a file that holds no drawer never empties the current one, in either mode") {
    for (ImportMode mode : {ImportMode::merge, ImportMode::replace}) {
        CAPTURE(import_mode_name(mode));
        for (const char* file :
             {"not json at all", "", R"({"format": "other-app"})",
              R"({"format": "stadsmijn-drawer", "version": 1, "entries": [{"device": "hoverboard"}]})"}) {
            CAPTURE(file);
            DrawerImport result = import_drawer(ours(), file, mode, devices());
            CHECK_FALSE(result.applied);
            CHECK(result.drawer == ours());
            CHECK(result.file.original == file);
        }
    }
}

TEST_CASE("a partly damaged file is imported as far as it can be read, with its issues") {
    const char* file = R"({"format": "stadsmijn-drawer", "version": 1, "entries": [
        {"id": "d", "device": "e-bike-battery", "label": "shed"},
        {"id": "e", "device": "jetpack"}
    ]})";
    DrawerImport result = import_drawer(ours(), file, ImportMode::merge, devices());
    CHECK(result.applied);
    CHECK(result.added == 1);
    CHECK(result.file.entries_dropped == 1);
    CHECK(result.file.lost_data());
    CHECK(result.drawer.entries.size() == 4);
}
