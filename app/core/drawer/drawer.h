// My drawer: the devices a household keeps unused, each with a plan and a status, and the totals
// of the materials they hold. The model only; drawer_store.h turns it into text and back.
//
//   Drawer drawer;
//   const DrawerEntry& phone = add_to_drawer(drawer, "smartphone", "Oma's iPhone", today, random32);
//   drawer.find(phone.id)->plan = DrawerPlan::reuse;
//   DrawerTotals totals = drawer_totals(drawer, content);
//   for (const auto& m : totals.materials) show(m.material, m.grams, m.devices_unknown, m.critical);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/advice/estimate.h"
#include "core/content/content.h"

namespace stadsmijn {

enum class DrawerPlan { undecided, repair, reuse, return_it };
enum class DrawerStatus { to_do, in_progress, done };

struct DrawerEntry {
    std::string id;                  // unique in the drawer, kept through export and import
    std::string device;              // a content device id
    std::string label;               // the citizen's own words ("Oma's iPhone"); may be empty
    std::optional<LocalDate> added;  // unknown only after a damaged store was recovered
    DrawerPlan plan = DrawerPlan::undecided;
    DrawerStatus status = DrawerStatus::to_do;
    std::optional<double> age_years;

    bool operator==(const DrawerEntry&) const = default;
};

struct Drawer {
    std::vector<DrawerEntry> entries;  // in the order they were added

    const DrawerEntry* find(std::string_view id) const;
    DrawerEntry* find(std::string_view id);
    bool operator==(const Drawer&) const = default;
};

// A new entry id, "20261128-k3x9ab": the date it was added and a random number from the platform
// (the browser's crypto), so that drawers of different households can be merged without clashes.
// Unique within `drawer`.
std::string new_entry_id(const Drawer& drawer, const LocalDate& added, std::uint32_t random);

// Adds an entry (undecided, to do) and returns it; the reference is valid until the next change.
const DrawerEntry& add_to_drawer(Drawer& drawer, std::string device, std::string label, const LocalDate& added,
                                 std::uint32_t random);
bool remove_from_drawer(Drawer& drawer, std::string_view id);

// The grams of one material over the devices still in the drawer.
struct MaterialTotal {
    std::string material;  // material id
    bool critical = false;
    bool strategic = false;
    Estimate grams;  // the sum over devices with figures; unknown when no device has one
    int devices_with_figures = 0;
    int devices_unknown = 0;  // devices for which content says this amount is unknown
    std::vector<std::string> sources;
};

struct DrawerTotals {
    std::vector<MaterialTotal> materials;  // in the order of content/materials.json
    int devices = 0;                       // entries counted: every entry that is not done
    int devices_done = 0;                  // done: repaired, passed on or handed in, no longer in the drawer
    int devices_without_data = 0;          // counted, but content knows nothing of what is inside
};

DrawerTotals drawer_totals(const Drawer& drawer, const Content& content);

const char* drawer_plan_name(DrawerPlan plan);        // "undecided", "repair", "reuse", "return"
const char* drawer_status_name(DrawerStatus status);  // "to-do", "in-progress", "done"
std::optional<DrawerPlan> drawer_plan_from_name(std::string_view name);
std::optional<DrawerStatus> drawer_status_from_name(std::string_view name);

}  // namespace stadsmijn
