#include <doctest/doctest.h>

#include <algorithm>

#include "advice_content.h"
#include "core/advice/repair_or_replace.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

bool cites(const std::vector<std::string>& sources, const std::string& id) {
    return std::find(sources.begin(), sources.end(), id) != sources.end();
}

bool has_note(const RepairOrReplace& r, RepairOrReplaceNote code) {
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const auto& n) { return n.code == code; });
}

void check_range(const Estimate& e, double low, double high) {
    REQUIRE(e.known());
    CHECK(e.low() == doctest::Approx(low));
    CHECK(e.high() == doctest::Approx(high));
}

}  // namespace

TEST_CASE("a phone repair starts from sourced defaults and leaves unknown what no source gives") {
    auto r = repair_or_replace(shipped_content(), {.device_id = "smartphone", .route = RepairRoute::professional});
    REQUIRE(r.ok());
    const auto& cost = r.assumptions[AssumptionId::repair_cost_euro];
    CHECK(cost.origin == AssumptionOrigin::content);
    CHECK(cost.value == Estimate::between(40, 100));
    CHECK(cites(cost.sources, "gfk-uneto-mc-2017"));
    CHECK(r.assumptions[AssumptionId::new_kg_co2e].value == Estimate::between(35.82, 51.1));
    CHECK(r.assumptions[AssumptionId::new_lifetime_years].value == Estimate::between(2.5, 3));

    // No source gives a new price, a phone repair's footprint or the citizen's age of the phone.
    CHECK(r.assumptions[AssumptionId::new_price_euro].origin == AssumptionOrigin::unknown);
    CHECK(r.assumptions[AssumptionId::repair_kg_co2e].origin == AssumptionOrigin::unknown);
    CHECK(r.assumptions[AssumptionId::extra_years].origin == AssumptionOrigin::unknown);
    CHECK_FALSE(r.replace.euro.known());
    CHECK_FALSE(r.repair.kg_co2e.known());  // unknown, not zero
    CHECK(r.replace.kg_co2e_per_year.known());
    CHECK(r.euro_per_year == Ordering::unknown);
    CHECK(has_note(r, RepairOrReplaceNote::new_price_needed));
    CHECK(has_note(r, RepairOrReplaceNote::use_phase_not_counted));
}

TEST_CASE("with the phone's age and a new price entered, repair is cheaper per year and the edits are marked") {
    RepairOrReplaceQuestion q{.device_id = "smartphone", .route = RepairRoute::professional};
    q.edits.set(AssumptionId::device_age_years, Estimate::exactly(1));
    q.edits.set(AssumptionId::new_price_euro, Estimate::exactly(450));
    auto r = repair_or_replace(shipped_content(), q);
    REQUIRE(r.ok());

    // Younger than 3/4 of a 2.5-3 year life: the rest of that life, 1.5 to 2 years.
    const auto& extra = r.assumptions[AssumptionId::extra_years];
    CHECK(extra.origin == AssumptionOrigin::derived);
    check_range(extra.value, 1.5, 2);
    CHECK(cites(extra.sources, "sharepair-impact"));

    check_range(r.repair.euro_per_year, 20, 100.0 / 1.5);
    check_range(r.replace.euro_per_year, 150, 180);
    CHECK(r.euro_per_year == Ordering::lower);
    check_range(r.break_even_years_euro, 40.0 / 180, 100.0 / 150);

    CHECK(r.changed_by_citizen(AssumptionId::device_age_years));
    CHECK(r.changed_by_citizen(AssumptionId::new_price_euro));
    CHECK_FALSE(r.changed_by_citizen(AssumptionId::repair_cost_euro));
    CHECK_FALSE(has_note(r, RepairOrReplaceNote::new_price_needed));
}

TEST_CASE("an old phone gains only a quarter of its lifetime from a repair, so a dear repair can lose") {
    RepairOrReplaceQuestion q{.device_id = "smartphone", .route = RepairRoute::professional};
    q.edits.set(AssumptionId::device_age_years, Estimate::exactly(2.5));
    q.edits.set(AssumptionId::new_price_euro, Estimate::exactly(200));
    q.edits.set(AssumptionId::repair_cost_euro, Estimate::exactly(120));
    auto r = repair_or_replace(shipped_content(), q);
    check_range(r.assumptions[AssumptionId::extra_years].value, 0.625, 0.75);
    check_range(r.repair.euro_per_year, 160, 192);
    check_range(r.replace.euro_per_year, 200.0 / 3, 80);
    CHECK(r.euro_per_year == Ordering::higher);
}

TEST_CASE("a laptop repair's footprint is sourced and beats a new laptop's per year of use") {
    RepairOrReplaceQuestion q{.device_id = "laptop", .route = RepairRoute::professional};
    q.edits.set(AssumptionId::device_age_years, Estimate::exactly(3));
    auto r = repair_or_replace(shipped_content(), q);
    CHECK(r.assumptions[AssumptionId::repair_kg_co2e].value == Estimate::exactly(6.2));
    check_range(r.assumptions[AssumptionId::extra_years].value, 1, 3);
    check_range(r.repair.kg_co2e_per_year, 6.2 / 3, 6.2);
    check_range(r.replace.kg_co2e_per_year, 258.25 / 6, 258.25 / 4);
    CHECK(r.kg_co2e_per_year == Ordering::lower);
    check_range(r.break_even_years_co2e, 6.2 / (258.25 / 4), 6.2 / (258.25 / 6));
    // Nobody gives a laptop repair price: euros stay unknown until the citizen enters one.
    CHECK_FALSE(r.repair.euro.known());
}

TEST_CASE("the citizen may overrule a derived or sourced figure, or say it is unknown") {
    RepairOrReplaceQuestion q{.device_id = "laptop", .route = RepairRoute::professional};
    q.edits.set(AssumptionId::extra_years, Estimate::between(2, 4));
    q.edits.set(AssumptionId::new_kg_co2e, Estimate::unknown());
    auto r = repair_or_replace(shipped_content(), q);
    CHECK(r.assumptions[AssumptionId::extra_years].origin == AssumptionOrigin::citizen);
    CHECK(r.assumptions[AssumptionId::extra_years].value == Estimate::between(2, 4));
    CHECK(r.assumptions[AssumptionId::new_kg_co2e].origin == AssumptionOrigin::citizen);
    CHECK_FALSE(r.replace.kg_co2e.known());
    CHECK(r.kg_co2e_per_year == Ordering::unknown);
}

TEST_CASE("a negative edit is rejected and the default stays") {
    RepairOrReplaceQuestion q{.device_id = "smartphone", .route = RepairRoute::professional};
    q.edits.set(AssumptionId::repair_cost_euro, Estimate::exactly(-20));
    auto r = repair_or_replace(shipped_content(), q);
    CHECK(r.ok());
    CHECK(r.rejected_edits == std::vector{AssumptionId::repair_cost_euro});
    CHECK(r.assumptions[AssumptionId::repair_cost_euro].value == Estimate::between(40, 100));
    CHECK(r.assumptions[AssumptionId::repair_cost_euro].origin == AssumptionOrigin::content);
}

TEST_CASE("at a repair café the labour is free but the parts are unknown until the citizen enters them") {
    RepairOrReplaceQuestion q{.device_id = "smartphone", .route = RepairRoute::repair_cafe};
    auto r = repair_or_replace(shipped_content(), q);
    CHECK_FALSE(r.repair.euro.known());
    CHECK(has_note(r, RepairOrReplaceNote::parts_not_included));
    auto free = std::find_if(r.notes.begin(), r.notes.end(),
                             [](const auto& n) { return n.code == RepairOrReplaceNote::repair_cafe_labour_free; });
    REQUIRE(free != r.notes.end());
    CHECK(cites(free->sources, "bnr-repair-cafe-2012"));

    q.edits.set(AssumptionId::repair_cost_euro, Estimate::exactly(35));
    auto with_part = repair_or_replace(shipped_content(), q);
    CHECK(with_part.repair.euro == Estimate::exactly(35));
    CHECK_FALSE(has_note(with_part, RepairOrReplaceNote::parts_not_included));
}

TEST_CASE("a device content does not know is reported") {
    auto r = repair_or_replace(shipped_content(), {.device_id = "flux-capacitor"});
    CHECK_FALSE(r.ok());
}

TEST_CASE("extra years over ranges cover every combination, also where the rule switches") {
    RemainingLifeRule rule{.before_share = 0.75, .after_share = 0.25};
    // Ages 1..5 across a 4..6 year life: from 0.25*4 = 1 (old, short life) to 6-1 = 5 (young, long life).
    check_range(extra_years_after_repair(Estimate::between(4, 6), Estimate::between(1, 5), rule), 1, 5);
    CHECK_FALSE(extra_years_after_repair(Estimate::unknown(), Estimate::exactly(1), rule).known());
    // A rule whose pieces do not meet: the jump at the seam is inside the range, both sides count.
    RemainingLifeRule jumpy{.before_share = 0.5, .after_share = 0.1};
    check_range(extra_years_after_repair(Estimate::exactly(10), Estimate::between(4, 6), jumpy), 1, 6);
}
