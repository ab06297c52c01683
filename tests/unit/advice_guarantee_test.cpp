#include <doctest/doctest.h>

#include <algorithm>

#include "advice_content.h"
#include "core/advice/guarantee.h"
#include "core/civil_date.h"

using namespace stadsmijn;
using stadsmijn::testing::shipped_content;

namespace {

GuaranteeQuestion phone_bought(LocalDate purchased, LocalDate fault_day) {
    GuaranteeQuestion q;
    q.device_id = "smartphone";
    q.purchased = purchased;
    q.today = fault_day;
    q.price_euro = 329;
    q.cause = FaultCause::by_itself;
    return q;
}

const GuaranteeReasonItem* find_reason(const GuaranteeVerdict& v, GuaranteeReason code) {
    for (const auto& r : v.reasons)
        if (r.code == code) return &r;
    return nullptr;
}

bool cites(const std::vector<std::string>& sources, const std::string& id) {
    return std::find(sources.begin(), sources.end(), id) != sources.end();
}

}  // namespace

TEST_CASE("a fault on day 364 and day 365 after delivery is the seller's to disprove, on day 366 the buyer's") {
    const LocalDate delivered{2025, 3, 10};
    REQUIRE(days_between(delivered, {2026, 3, 10}) == 365);

    auto day364 = check_guarantee(shipped_content(), phone_bought(delivered, add_days(delivered, 364)));
    auto day365 = check_guarantee(shipped_content(), phone_bought(delivered, add_days(delivered, 365)));
    auto day366 = check_guarantee(shipped_content(), phone_bought(delivered, add_days(delivered, 366)));
    REQUIRE(day364.ok());
    REQUIRE(day365.ok());
    REQUIRE(day366.ok());

    CHECK(day364.burden == BurdenOfProof::seller);
    CHECK(day364.outlook == GuaranteeOutlook::likely_covered);
    CHECK(day365.burden == BurdenOfProof::seller);
    CHECK(day365.presumption_ends == LocalDate{2026, 3, 10});
    CHECK(day366.burden == BurdenOfProof::buyer);
    CHECK(day366.outlook == GuaranteeOutlook::may_be_covered);
    CHECK(day366.days_since_delivery == 366);

    const auto* over = find_reason(day366, GuaranteeReason::presumption_period_over);
    REQUIRE(over);
    CHECK(over->months == 12);
    CHECK(over->date == LocalDate{2026, 3, 10});
    CHECK(day366.has(GuaranteeReason::cost_sharing_possible));
    CHECK_FALSE(day365.has(GuaranteeReason::cost_sharing_possible));
}

TEST_CASE("across a 29 February the twelve months last 366 days") {
    const LocalDate delivered{2023, 3, 10};
    auto day366 = check_guarantee(shipped_content(), phone_bought(delivered, add_days(delivered, 366)));
    auto day367 = check_guarantee(shipped_content(), phone_bought(delivered, add_days(delivered, 367)));
    CHECK(day366.presumption_ends == LocalDate{2024, 3, 10});
    CHECK(day366.burden == BurdenOfProof::seller);
    CHECK(day367.burden == BurdenOfProof::buyer);
}

TEST_CASE("delivered on 29 February, the twelve months end on 28 February of the next year") {
    const LocalDate delivered{2024, 2, 29};
    auto last_day = check_guarantee(shipped_content(), phone_bought(delivered, {2025, 2, 28}));
    auto next_day = check_guarantee(shipped_content(), phone_bought(delivered, {2025, 3, 1}));
    CHECK(last_day.presumption_ends == LocalDate{2025, 2, 28});
    CHECK(last_day.burden == BurdenOfProof::seller);
    CHECK(next_day.burden == BurdenOfProof::buyer);
}

TEST_CASE("the period runs from delivery, not from the purchase, when the goods came later") {
    auto q = phone_bought({2025, 3, 1}, {2026, 3, 15});
    CHECK(check_guarantee(shipped_content(), q).burden == BurdenOfProof::buyer);
    q.delivered = LocalDate{2025, 3, 20};
    auto v = check_guarantee(shipped_content(), q);
    CHECK(v.burden == BurdenOfProof::seller);
    CHECK(v.presumption_ends == LocalDate{2026, 3, 20});
}

TEST_CASE("a purchase date in the future is rejected and gives no verdict") {
    auto q = phone_bought({2026, 12, 1}, {2026, 11, 28});
    auto v = check_guarantee(shipped_content(), q);
    CHECK_FALSE(v.ok());
    CHECK(v.problems == std::vector<GuaranteeProblem>{GuaranteeProblem::purchase_in_future});
    CHECK(v.reasons.empty());
    CHECK(std::string(guarantee_problem_name(v.problems[0])) == "purchase-in-future");
}

TEST_CASE("a purchase on today's date is accepted") {
    auto v = check_guarantee(shipped_content(), phone_bought({2026, 11, 28}, {2026, 11, 28}));
    CHECK(v.ok());
    CHECK(v.days_since_delivery == 0);
    CHECK(v.outlook == GuaranteeOutlook::likely_covered);
}

TEST_CASE("impossible dates, a delivery before the purchase and a negative price are each reported") {
    GuaranteeQuestion q = phone_bought({2026, 2, 30}, {2026, 11, 28});
    CHECK(check_guarantee(shipped_content(), q).problems == std::vector{GuaranteeProblem::purchase_invalid});

    q = phone_bought({2026, 3, 1}, {2026, 11, 28});
    q.delivered = LocalDate{2026, 2, 27};
    q.price_euro = -5;
    CHECK(check_guarantee(shipped_content(), q).problems ==
          std::vector{GuaranteeProblem::delivery_before_purchase, GuaranteeProblem::price_invalid});

    q = phone_bought({2026, 3, 1}, {2026, 11, 28});
    q.purchased.reset();
    q.device_id = "flux-capacitor";
    CHECK(check_guarantee(shipped_content(), q).problems ==
          std::vector{GuaranteeProblem::purchase_missing, GuaranteeProblem::unknown_device});

    q = phone_bought({2026, 3, 1}, {2026, 11, 28});
    q.fault_appeared = LocalDate{2026, 12, 5};
    CHECK(check_guarantee(shipped_content(), q).problems == std::vector{GuaranteeProblem::fault_in_future});
}

TEST_CASE("a missing price still gives a verdict, and asks for the price because it shapes what may be expected") {
    auto q = phone_bought({2026, 1, 15}, {2026, 11, 28});
    q.price_euro.reset();
    auto without = check_guarantee(shipped_content(), q);
    REQUIRE(without.ok());
    CHECK(without.outlook == GuaranteeOutlook::likely_covered);
    CHECK(without.has(GuaranteeReason::price_not_given));
    CHECK_FALSE(without.has(GuaranteeReason::price_counts));

    q.price_euro = 329;
    auto with = check_guarantee(shipped_content(), q);
    const auto* price = find_reason(with, GuaranteeReason::price_counts);
    REQUIRE(price);
    CHECK(price->price_euro == 329);
    CHECK(cites(price->sources, "consumentenbond-levensduur-2016"));
}

TEST_CASE("before 2022 six months applied, from the date content gives") {
    auto q = phone_bought({2021, 6, 1}, {2021, 11, 15});
    auto five_months = check_guarantee(shipped_content(), q);
    CHECK(five_months.presumption_months == 6);
    CHECK(five_months.burden == BurdenOfProof::seller);
    CHECK(five_months.has(GuaranteeReason::older_rules));

    q.today = {2022, 1, 15};
    auto seven_months = check_guarantee(shipped_content(), q);
    CHECK(seven_months.burden == BurdenOfProof::buyer);
    const auto* older = find_reason(seven_months, GuaranteeReason::older_rules);
    REQUIRE(older);
    CHECK(older->months == 6);
    CHECK(older->date == LocalDate{2022, 1, 1});
}

TEST_CASE("bought between 1 January and 27 April 2022, months 7 to 12 are unclear because the sources disagree") {
    const LocalDate bought{2022, 2, 1};
    CHECK(check_guarantee(shipped_content(), phone_bought(bought, {2022, 6, 1})).burden == BurdenOfProof::seller);
    auto eighth_month = check_guarantee(shipped_content(), phone_bought(bought, {2022, 10, 1}));
    CHECK(eighth_month.burden == BurdenOfProof::unclear);
    CHECK(eighth_month.outlook == GuaranteeOutlook::may_be_covered);
    const auto* unclear = find_reason(eighth_month, GuaranteeReason::presumption_start_unclear);
    REQUIRE(unclear);
    CHECK(unclear->date == LocalDate{2022, 1, 1});
    CHECK(unclear->until == LocalDate{2022, 4, 26});
    CHECK(cites(unclear->sources, "nysingh-consumentenkoop-2022"));
    CHECK(cites(unclear->sources, "rijksoverheid-bewijslast-2022"));
    CHECK(check_guarantee(shipped_content(), phone_bought(bought, {2023, 2, 2})).burden == BurdenOfProof::buyer);

    // From 27 April 2022 the twelve months are certain.
    CHECK(check_guarantee(shipped_content(), phone_bought({2022, 4, 27}, {2022, 12, 1})).burden ==
          BurdenOfProof::seller);
}

TEST_CASE("the month counts and dates come from content, not from the code") {
    using stadsmijn::testing::content_with;
    std::string guidance = stadsmijn::testing::bundled_text("content/guidance.json");
    std::string longer = stadsmijn::testing::replaced(guidance, R"("id": "burden-of-proof-months", "value": 12)",
                                                      R"("id": "burden-of-proof-months", "value": 24)");
    LoadedContent changed = content_with("content/guidance.json", longer);
    auto v = check_guarantee(changed.content, phone_bought({2025, 3, 10}, {2026, 6, 1}));
    REQUIRE(v.ok());
    CHECK(v.presumption_months == 24);
    CHECK(v.presumption_ends == LocalDate{2027, 3, 10});
    CHECK(v.burden == BurdenOfProof::seller);

    std::string without = stadsmijn::testing::replaced(guidance, R"("id": "burden-of-proof-months", "value": 12)",
                                                       R"("id": "no-such-fact", "value": 12)");
    LoadedContent missing = content_with("content/guidance.json", without);
    CHECK(check_guarantee(missing.content, phone_bought({2025, 3, 10}, {2026, 6, 1})).problems ==
          std::vector{GuaranteeProblem::content_missing});
}

TEST_CASE("a device bought from a private person or broken by a fall is not covered, and says why") {
    auto q = phone_bought({2026, 9, 1}, {2026, 11, 28});
    q.seller = Seller::private_person;
    auto marktplaats = check_guarantee(shipped_content(), q);
    CHECK(marktplaats.outlook == GuaranteeOutlook::not_covered);
    CHECK(marktplaats.reasons.front().code == GuaranteeReason::private_seller_not_covered);
    CHECK_FALSE(marktplaats.has(GuaranteeReason::remedies));

    q.seller = Seller::business;
    q.cause = FaultCause::accident;
    auto dropped = check_guarantee(shipped_content(), q);
    CHECK(dropped.outlook == GuaranteeOutlook::not_covered);
    CHECK(dropped.reasons.front().code == GuaranteeReason::accident_not_covered);

    q.cause = FaultCause::not_sure;
    auto unsure = check_guarantee(shipped_content(), q);
    CHECK(unsure.outlook == GuaranteeOutlook::likely_covered);
    CHECK(unsure.has(GuaranteeReason::cause_not_sure));
}

TEST_CASE(
    "the right-to-repair extension applies to purchases from the date in content, the manufacturer duty from that day "
    "on") {
    auto after = check_guarantee(shipped_content(), phone_bought({2026, 8, 15}, {2026, 11, 28}));
    const auto* extension = find_reason(after, GuaranteeReason::repair_extends_liability);
    REQUIRE(extension);
    CHECK(extension->months == 12);
    CHECK(extension->date == LocalDate{2026, 7, 31});
    CHECK(after.has(GuaranteeReason::manufacturer_must_repair));

    auto on_the_day = check_guarantee(shipped_content(), phone_bought({2026, 7, 31}, {2026, 11, 28}));
    CHECK(on_the_day.has(GuaranteeReason::repair_extends_liability));
    auto before = check_guarantee(shipped_content(), phone_bought({2026, 7, 30}, {2026, 11, 28}));
    CHECK_FALSE(before.has(GuaranteeReason::repair_extends_liability));

    auto earlier_today = check_guarantee(shipped_content(), phone_bought({2025, 10, 1}, {2026, 7, 30}));
    CHECK(earlier_today.has(GuaranteeReason::manufacturer_must_repair_from));
    CHECK_FALSE(earlier_today.has(GuaranteeReason::manufacturer_must_repair));

    // A laptop is not among the kinds the directive obliges manufacturers to repair.
    auto laptop = phone_bought({2026, 8, 15}, {2026, 11, 28});
    laptop.device_id = "laptop";
    CHECK_FALSE(check_guarantee(shipped_content(), laptop).has(GuaranteeReason::manufacturer_must_repair));

    // The manufacturer's duty does not depend on the seller.
    auto q = phone_bought({2026, 8, 15}, {2026, 11, 28});
    q.seller = Seller::private_person;
    CHECK(check_guarantee(shipped_content(), q).has(GuaranteeReason::manufacturer_must_repair));
}

TEST_CASE("the age is compared with how long such devices are usually used, with that figure's sources") {
    auto young = check_guarantee(shipped_content(), phone_bought({2025, 3, 1}, {2026, 11, 28}));
    const auto* within = find_reason(young, GuaranteeReason::within_usual_use);
    REQUIRE(within);
    CHECK(within->years == Estimate::between(2.5, 3));
    CHECK(cites(within->sources, "techniek-nl-2025"));

    auto old = check_guarantee(shipped_content(), phone_bought({2022, 6, 1}, {2026, 11, 28}));
    CHECK(old.has(GuaranteeReason::older_than_usual_use));
    CHECK(old.outlook == GuaranteeOutlook::may_be_covered);  // old is harder, never excluded

    auto kettle = phone_bought({2025, 3, 1}, {2026, 11, 28});
    kettle.device_id = "kettle";
    CHECK(check_guarantee(shipped_content(), kettle).has(GuaranteeReason::usual_use_unknown));
}

TEST_CASE("every source a verdict can cite is in the registry and on the guarantee guidance") {
    const Content& content = shipped_content();
    const Guidance* legal = content.find_guidance("legal-guarantee");
    REQUIRE(legal);
    std::vector<std::string> on_screen;
    for (const auto& point : legal->points)
        on_screen.insert(on_screen.end(), point.sources.begin(), point.sources.end());
    for (const auto& id : guarantee_rule_sources()) {
        CAPTURE(id);
        CHECK(content.find_source(id) != nullptr);
        CHECK(cites(on_screen, id));
    }
    auto v = check_guarantee(content, phone_bought({2026, 8, 15}, {2026, 11, 28}));
    for (const auto& id : v.sources()) {
        CAPTURE(id);
        CHECK(content.find_source(id) != nullptr);
    }
}
