#include <doctest/doctest.h>

#include "advice_content.h"
#include "core/drawer/drawer.h"
#include "core/routes.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

const MaterialTotal* total_of(const DrawerTotals& totals, const std::string& material) {
    for (const auto& m : totals.materials)
        if (m.material == material) return &m;
    return nullptr;
}

}  // namespace

TEST_CASE("new entries get distinct valid ids from the date and the platform's random number") {
    Drawer drawer;
    const LocalDate today{2026, 11, 28};
    std::string first = add_to_drawer(drawer, "smartphone", "", today, 12345).id;
    std::string second = add_to_drawer(drawer, "smartphone", "", today, 12345).id;  // same random: still unique
    CHECK(first == "20261128-9ix");
    CHECK(second == "20261128-9ix-2");
    CHECK(is_valid_id(first));
    CHECK(is_valid_id(second));
    CHECK(drawer.find(first)->plan == DrawerPlan::undecided);
    CHECK(drawer.find(first)->status == DrawerStatus::to_do);
    CHECK(drawer.find(first)->added == today);
    CHECK(remove_from_drawer(drawer, first));
    CHECK_FALSE(remove_from_drawer(drawer, first));
    CHECK(drawer.entries.size() == 1);
}

TEST_CASE("the drawer's totals add the composition ranges per material and count unknowns apart") {
    Drawer drawer;
    const LocalDate today{2026, 11, 28};
    add_to_drawer(drawer, "smartphone", "", today, 1);
    add_to_drawer(drawer, "smartphone", "", today, 2);
    add_to_drawer(drawer, "laptop", "", today, 3);
    DrawerTotals totals = drawer_totals(drawer, shipped_content());
    CHECK(totals.devices == 3);
    CHECK(totals.devices_without_data == 0);

    // Cobalt: the phone's battery estimates disagree (3.8 to 8 g each); the laptop has one figure (49.7 g).
    const MaterialTotal* cobalt = total_of(totals, "cobalt");
    REQUIRE(cobalt);
    REQUIRE(cobalt->grams.known());
    CHECK(cobalt->grams.low() == doctest::Approx(2 * 3.8 + 49.7));
    CHECK(cobalt->grams.high() == doctest::Approx(2 * 8 + 49.7));
    CHECK(cobalt->devices_with_figures == 3);
    CHECK(cobalt->devices_unknown == 0);
    CHECK(cobalt->critical);
    CHECK(cobalt->strategic);
    CHECK_FALSE(cobalt->sources.empty());

    // Gallium: nobody gives a figure for either device: unknown, and counted as such, not zero.
    const MaterialTotal* gallium = total_of(totals, "gallium");
    REQUIRE(gallium);
    CHECK_FALSE(gallium->grams.known());
    CHECK(gallium->devices_unknown == 3);
    CHECK(gallium->devices_with_figures == 0);

    // Tungsten: known for phones only; the laptop does not mention it at all.
    const MaterialTotal* tungsten = total_of(totals, "tungsten");
    REQUIRE(tungsten);
    CHECK(tungsten->grams == Estimate::exactly(1.8));
    CHECK(tungsten->devices_with_figures == 2);

    const MaterialTotal* gold = total_of(totals, "gold");
    REQUIRE(gold);
    CHECK_FALSE(gold->critical);
}

TEST_CASE("devices that are done have left the drawer and are not counted") {
    Drawer drawer;
    const LocalDate today{2026, 11, 28};
    add_to_drawer(drawer, "laptop", "", today, 1);
    std::string phone = add_to_drawer(drawer, "smartphone", "", today, 2).id;
    drawer.find(phone)->status = DrawerStatus::done;
    add_to_drawer(drawer, "kettle", "", today, 3);
    DrawerTotals totals = drawer_totals(drawer, shipped_content());
    CHECK(totals.devices == 2);
    CHECK(totals.devices_done == 1);
    CHECK(totals.devices_without_data == 1);  // nothing is known of what is in a kettle
    CHECK(total_of(totals, "tungsten") == nullptr);
    CHECK(total_of(totals, "cobalt")->grams == Estimate::exactly(49.7));
}

TEST_CASE("an empty drawer has no totals") {
    DrawerTotals totals = drawer_totals(Drawer{}, shipped_content());
    CHECK(totals.materials.empty());
    CHECK(totals.devices == 0);
}
