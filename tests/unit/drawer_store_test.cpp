#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "advice_content.h"
#include "core/drawer/drawer_store.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

const std::vector<Device>& devices() {
    return shipped_content().devices;
}

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(STADSMIJN_SOURCE_DIR) + "/tests/fixtures/drawer/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Drawer sample_drawer() {
    Drawer drawer;
    DrawerEntry phone;
    phone.id = "20261128-abc";
    phone.device = "smartphone";
    phone.label = "Oma's iPhone — kapot \"scherm\"";
    phone.added = LocalDate{2026, 11, 28};
    phone.plan = DrawerPlan::repair;
    phone.status = DrawerStatus::in_progress;
    phone.age_years = 4.5;
    DrawerEntry laptop;
    laptop.id = "20261127-x";
    laptop.device = "laptop";
    laptop.added = LocalDate{2026, 11, 27};
    drawer.entries = {phone, laptop};
    return drawer;
}

std::vector<DrawerIssueKind> kinds(const DrawerLoad& load) {
    std::vector<DrawerIssueKind> all;
    for (const auto& issue : load.issues) all.push_back(issue.kind);
    return all;
}

// A pretend format history: version 2 appends " (v2)" to each label, version 3 " (v3)".
void label_v2(Json& document, std::vector<DrawerIssue>&) {
    for (auto& entry : document["entries"])
        if (entry.is_object() && entry.contains("label") && entry["label"].is_string())
            entry["label"] = entry["label"].get<std::string>() + " (v2)";
}
void label_v3(Json& document, std::vector<DrawerIssue>&) {
    for (auto& entry : document["entries"])
        if (entry.is_object() && entry.contains("label") && entry["label"].is_string())
            entry["label"] = entry["label"].get<std::string>() + " (v3)";
}

}  // namespace

TEST_CASE("a drawer saved and loaded again is the same drawer, in the versioned format") {
    Drawer drawer = sample_drawer();
    std::string text = save_drawer(drawer);
    CHECK(text.find(R"("format": "stadsmijn-drawer")") != std::string::npos);
    CHECK(text.find(R"("version": 1)") != std::string::npos);
    DrawerLoad loaded = load_drawer(text, devices());
    CHECK(loaded.clean());
    CHECK(loaded.readable);
    CHECK(loaded.stored_version == 1);
    CHECK(loaded.drawer == drawer);
    CHECK(loaded.original == text);
    CHECK(save_drawer(loaded.drawer) == text);
}

TEST_CASE("nothing stored yet is an empty drawer without issues") {
    DrawerLoad loaded = load_drawer("", devices());
    CHECK(loaded.empty_store);
    CHECK(loaded.clean());
    CHECK(loaded.drawer.entries.empty());
    CHECK(load_drawer("  \n", devices()).empty_store);
}

TEST_CASE("a hand-written version 1 store loads into the current model") {
    std::string v1 = fixture("v1.json");
    REQUIRE_FALSE(v1.empty());
    DrawerLoad loaded = load_drawer(v1, devices());
    CHECK(loaded.clean());
    CHECK(loaded.stored_version == 1);
    REQUIRE(loaded.drawer.entries.size() == 3);
    const DrawerEntry& phone = loaded.drawer.entries[0];
    CHECK(phone.id == "20260312-a1b2c3");
    CHECK(phone.device == "smartphone");
    CHECK(phone.label == "Oma's iPhone — scherm gebarsten");
    CHECK(phone.added == LocalDate{2026, 3, 12});
    CHECK(phone.plan == DrawerPlan::repair);
    CHECK(phone.status == DrawerStatus::in_progress);
    CHECK(phone.age_years == 4);
    CHECK(loaded.drawer.entries[1].label.empty());
    CHECK_FALSE(loaded.drawer.entries[1].age_years);
    CHECK(loaded.drawer.entries[2].plan == DrawerPlan::return_it);
    CHECK(loaded.drawer.entries[2].status == DrawerStatus::done);
    CHECK(loaded.drawer.entries[2].age_years == 7.5);
}

TEST_CASE("an older store goes through every migration step in order before it is read") {
    const DrawerMigration steps[] = {{2, label_v3}, {1, label_v2}};  // order in the table does not matter
    DrawerLoad loaded = load_drawer(fixture("v1.json"), devices(), {.current_version = 3, .migrations = steps});
    CHECK(loaded.clean());
    CHECK(loaded.migrated);
    CHECK(loaded.stored_version == 1);
    REQUIRE(loaded.drawer.entries.size() == 3);
    CHECK(loaded.drawer.entries[0].label == "Oma's iPhone — scherm gebarsten (v2) (v3)");
    CHECK(loaded.drawer.entries[1].label == " (v2) (v3)");
}

TEST_CASE("an older store without a migration step is reported and read as far as possible") {
    const DrawerMigration steps[] = {{2, label_v3}};
    DrawerLoad loaded = load_drawer(fixture("v1.json"), devices(), {.current_version = 3, .migrations = steps});
    CHECK(kinds(loaded) == std::vector{DrawerIssueKind::no_migration});
    CHECK(loaded.issues[0].found == "1");
    CHECK(loaded.lost_data());
    CHECK(loaded.drawer.entries.size() == 3);
}

TEST_CASE("a store that is not JSON gives an empty drawer, the original text and no crash") {
    std::string saved = save_drawer(sample_drawer());
    std::string cut = saved.substr(0, saved.size() / 2);  // a write interrupted half-way
    DrawerLoad loaded = load_drawer(cut, devices());
    CHECK(kinds(loaded) == std::vector{DrawerIssueKind::not_json});
    CHECK_FALSE(loaded.readable);
    CHECK(loaded.drawer.entries.empty());
    CHECK(loaded.original == cut);
    CHECK(loaded.lost_data());
    CHECK(kinds(load_drawer("\xff\xfe garbage", devices())) == std::vector{DrawerIssueKind::not_json});
}

TEST_CASE("JSON that is not a drawer is reported, not read") {
    CHECK(kinds(load_drawer("[1, 2, 3]", devices())) == std::vector{DrawerIssueKind::not_a_drawer});
    CHECK(kinds(load_drawer(R"({"format": "other-app", "entries": []})", devices())) ==
          std::vector{DrawerIssueKind::not_a_drawer});
    CHECK(kinds(load_drawer(R"({"theme": "dark"})", devices())) == std::vector{DrawerIssueKind::not_a_drawer});
    CHECK(kinds(load_drawer("42", devices())) == std::vector{DrawerIssueKind::not_a_drawer});
}

TEST_CASE("fields with wrong types are reset to their defaults and reported, the entry kept") {
    DrawerLoad loaded = load_drawer(R"({"format": "stadsmijn-drawer", "version": 1, "entries": [
        {"id": "a1", "device": "laptop", "label": 42, "added": "yesterday", "plan": "burn", "status": 3, "age_years": -2}
    ]})",
                                    devices());
    REQUIRE(loaded.drawer.entries.size() == 1);
    const DrawerEntry& laptop = loaded.drawer.entries[0];
    CHECK(laptop.id == "a1");
    CHECK(laptop.label.empty());
    CHECK_FALSE(laptop.added);
    CHECK(laptop.plan == DrawerPlan::undecided);
    CHECK(laptop.status == DrawerStatus::to_do);
    CHECK_FALSE(laptop.age_years);
    REQUIRE(loaded.issues.size() == 5);
    std::vector<std::string> fields;
    for (const auto& issue : loaded.issues) {
        CHECK(issue.kind == DrawerIssueKind::field_invalid);
        CHECK(issue.entry == 0);
        fields.push_back(issue.field);
    }
    CHECK(fields == std::vector<std::string>{"label", "added", "plan", "status", "age_years"});
    CHECK(loaded.issues[2].found == "burn");
    CHECK(loaded.lost_data());
}

TEST_CASE("entries with an unknown or missing device, or that are not objects, are dropped and each reported") {
    DrawerLoad loaded = load_drawer(R"({"format": "stadsmijn-drawer", "version": 1, "entries": [
        {"id": "keep-me", "device": "smartphone"},
        {"id": "gone-1", "device": "hoverboard"},
        {"id": "gone-2"},
        "smartphone",
        {"id": "gone-3", "device": ["laptop"]}
    ]})",
                                    devices());
    CHECK(loaded.entries_found == 5);
    CHECK(loaded.entries_dropped == 4);
    REQUIRE(loaded.drawer.entries.size() == 1);
    CHECK(loaded.drawer.entries[0].id == "keep-me");
    CHECK(kinds(loaded) == std::vector{DrawerIssueKind::device_unknown, DrawerIssueKind::device_missing,
                                       DrawerIssueKind::entry_not_object, DrawerIssueKind::device_missing});
    CHECK(loaded.issues[0].found == "hoverboard");
    CHECK(loaded.issues[0].entry == 1);
    CHECK(loaded.issues[2].entry == 3);
}

TEST_CASE("a store from a newer version is read as far as this version understands, and says so") {
    DrawerLoad loaded = load_drawer(R"({"format": "stadsmijn-drawer", "version": 3, "entries": [
        {"id": "a1", "device": "laptop", "label": "werk", "photo": "data:image/png;base64,AAAA"}
    ]})",
                                    devices());
    CHECK(kinds(loaded) == std::vector{DrawerIssueKind::future_version, DrawerIssueKind::field_unknown});
    CHECK(loaded.issues[0].found == "3");
    CHECK(loaded.issues[1].field == "photo");
    CHECK(loaded.stored_version == 3);
    CHECK(loaded.lost_data());
    REQUIRE(loaded.drawer.entries.size() == 1);
    CHECK(loaded.drawer.entries[0].label == "werk");
}

TEST_CASE("missing, malformed and repeated ids get stable new ids and the entries are kept") {
    const char* text = R"({"format": "stadsmijn-drawer", "version": 1, "entries": [
        {"id": "same", "device": "laptop"},
        {"id": "same", "device": "smartphone"},
        {"device": "tablet"},
        {"id": "Not An Id!", "device": "kettle"}
    ]})";
    DrawerLoad first = load_drawer(text, devices());
    DrawerLoad again = load_drawer(text, devices());
    REQUIRE(first.drawer.entries.size() == 4);
    CHECK(kinds(first) == std::vector(3, DrawerIssueKind::id_replaced));
    CHECK_FALSE(first.lost_data());
    CHECK(first.drawer.entries[0].id == "same");
    CHECK(first.drawer.entries[1].id.starts_with("recovered-"));
    CHECK(first.drawer.entries[1].id != first.drawer.entries[2].id);
    CHECK(first.drawer == again.drawer);
}

TEST_CASE("a store without a format tag or version is still read, with a note") {
    DrawerLoad loaded = load_drawer(R"({"entries": [{"id": "a1", "device": "laptop"}]})", devices());
    CHECK(kinds(loaded) == std::vector{DrawerIssueKind::format_missing, DrawerIssueKind::version_missing});
    CHECK_FALSE(loaded.lost_data());
    CHECK(loaded.drawer.entries.size() == 1);
}

TEST_CASE("a drawer store without a list of entries is reported") {
    DrawerLoad loaded = load_drawer(R"({"format": "stadsmijn-drawer", "version": 1, "entries": {"a": 1}})", devices());
    CHECK(kinds(loaded) == std::vector{DrawerIssueKind::entries_missing});
    CHECK(loaded.lost_data());
}

TEST_CASE("a label with broken UTF-8 is saved with a replacement character instead of failing") {
    Drawer drawer = sample_drawer();
    drawer.entries[0].label = "kapot \xC3";
    std::string text = save_drawer(drawer);
    DrawerLoad loaded = load_drawer(text, devices());
    CHECK(loaded.clean());
    CHECK(loaded.drawer.entries[0].label == "kapot \xEF\xBF\xBD");
}
