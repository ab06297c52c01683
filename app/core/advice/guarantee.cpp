#include "core/advice/guarantee.h"

#include <algorithm>
#include <cmath>

#include "core/civil_date.h"

namespace stadsmijn {

namespace {

// Rules without a number, with the sources content/guidance.json cites for them.
const std::vector<std::string> kConformity = {"bw-7-17"};                            // art. 7:17, 7:18a BW
const std::vector<std::string> kExpectations = {"consumentenbond-levensduur-2016"};  // price, brand, promises
const std::vector<std::string> kMisuse = {"consumentenbond-garantie-2012"};          // misuse; proof of purchase

struct MonthsFact {
    int months = 0;
    std::vector<std::string> sources;
};

struct DateFact {
    LocalDate date;
    std::vector<std::string> sources;
};

std::optional<MonthsFact> months_fact(const Content& content, const char* guidance, const char* id) {
    const GuidanceFact* fact = content.guidance_fact(guidance, id);
    if (!fact || fact->unit != "months" || fact->value < 1 || fact->value > 120 ||
        std::floor(fact->value) != fact->value)
        return std::nullopt;
    return MonthsFact{static_cast<int>(fact->value), fact->sources};
}

std::optional<DateFact> date_fact(const Content& content, const char* guidance, const char* id) {
    const GuidanceFact* fact = content.guidance_fact(guidance, id);
    if (!fact || fact->unit != "date") return std::nullopt;
    auto date = date_from_number(fact->value);
    if (!date) return std::nullopt;
    return DateFact{*date, fact->sources};
}

// The numbers of the Dutch rules; all required.
struct LegalFacts {
    MonthsFact presumption;         // 12 months since the 2022 act
    MonthsFact presumption_before;  // 6 months before it
    DateFact twelve_from;           // the earliest date the 12 months may apply from
    DateFact twelve_from_latest;    // the date from which they certainly apply
};

std::optional<LegalFacts> legal_facts(const Content& content) {
    auto presumption = months_fact(content, "legal-guarantee", "burden-of-proof-months");
    auto before = months_fact(content, "legal-guarantee", "burden-of-proof-months-before-2022");
    auto from = date_fact(content, "legal-guarantee", "burden-of-proof-12-months-from");
    auto latest = date_fact(content, "legal-guarantee", "burden-of-proof-12-months-from-latest");
    if (!presumption || !before || !from) return std::nullopt;
    if (!latest || latest->date < from->date) latest = from;  // no disagreement recorded
    return LegalFacts{*presumption, *before, *from, *latest};
}

std::vector<std::string> joined(std::initializer_list<const std::vector<std::string>*> lists) {
    std::vector<std::string> all;
    for (const auto* list : lists)
        for (const auto& id : *list)
            if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(id);
    return all;
}

bool valid_price(double price) {
    return std::isfinite(price) && price >= 0;
}

}  // namespace

bool GuaranteeVerdict::has(GuaranteeReason code) const {
    return std::any_of(reasons.begin(), reasons.end(), [&](const auto& r) { return r.code == code; });
}

std::vector<std::string> GuaranteeVerdict::sources() const {
    std::vector<std::string> all;
    for (const auto& reason : reasons)
        for (const auto& id : reason.sources)
            if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(id);
    return all;
}

const std::vector<std::string>& guarantee_rule_sources() {
    static const std::vector<std::string> all = joined({&kConformity, &kExpectations, &kMisuse});
    return all;
}

GuaranteeVerdict check_guarantee(const Content& content, const GuaranteeQuestion& q) {
    GuaranteeVerdict v;
    auto problem = [&](GuaranteeProblem p) { v.problems.push_back(p); };

    const bool today_ok = is_valid_date(q.today);
    if (!today_ok) problem(GuaranteeProblem::today_invalid);
    if (!q.purchased)
        problem(GuaranteeProblem::purchase_missing);
    else if (!is_valid_date(*q.purchased))
        problem(GuaranteeProblem::purchase_invalid);
    else if (today_ok && *q.purchased > q.today)
        problem(GuaranteeProblem::purchase_in_future);
    const bool purchase_ok = q.purchased && is_valid_date(*q.purchased);

    LocalDate delivered = purchase_ok ? *q.purchased : LocalDate{};
    if (q.delivered) {
        if (!is_valid_date(*q.delivered))
            problem(GuaranteeProblem::delivery_invalid);
        else if (purchase_ok && *q.delivered < *q.purchased)
            problem(GuaranteeProblem::delivery_before_purchase);
        else if (today_ok && *q.delivered > q.today)
            problem(GuaranteeProblem::delivery_in_future);
        else
            delivered = *q.delivered;
    }
    LocalDate fault_day = q.today;
    if (q.fault_appeared) {
        if (!is_valid_date(*q.fault_appeared))
            problem(GuaranteeProblem::fault_invalid);
        else if (today_ok && *q.fault_appeared > q.today)
            problem(GuaranteeProblem::fault_in_future);
        else if (purchase_ok && *q.fault_appeared < delivered)
            problem(GuaranteeProblem::fault_before_delivery);
        else
            fault_day = *q.fault_appeared;
    }
    if (q.price_euro && !valid_price(*q.price_euro)) problem(GuaranteeProblem::price_invalid);

    const Device* device = nullptr;
    if (!q.device_id.empty()) {
        device = content.find_device(q.device_id);
        if (!device) problem(GuaranteeProblem::unknown_device);
    }
    auto facts = legal_facts(content);
    if (!facts) problem(GuaranteeProblem::content_missing);
    if (!v.problems.empty()) return v;

    const LocalDate purchased = *q.purchased;
    v.days_since_delivery = days_between(delivered, fault_day);
    v.age_years = years_between(delivered, fault_day);

    // Which presumption period applies: 6 months before the 2022 act, 12 after; in between the
    // sources disagree, and the seller's burden is certain only within the shorter period.
    const bool old_rules = purchased < facts->twelve_from.date;
    const bool unclear_rules = !old_rules && purchased < facts->twelve_from_latest.date;
    v.presumption_months = old_rules ? facts->presumption_before.months : facts->presumption.months;
    v.presumption_ends = add_months(delivered, v.presumption_months);
    const bool within = fault_day <= *v.presumption_ends;
    const bool within_short = fault_day <= add_months(delivered, facts->presumption_before.months);
    if (within && (!unclear_rules || within_short))
        v.burden = BurdenOfProof::seller;
    else if (within)
        v.burden = BurdenOfProof::unclear;
    else
        v.burden = BurdenOfProof::buyer;

    auto reason = [&](GuaranteeReason code, std::vector<std::string> sources) -> GuaranteeReasonItem& {
        GuaranteeReasonItem item;
        item.code = code;
        item.sources = std::move(sources);
        v.reasons.push_back(std::move(item));
        return v.reasons.back();
    };

    if (q.seller == Seller::private_person) {
        v.outlook = GuaranteeOutlook::not_covered;
        reason(GuaranteeReason::private_seller_not_covered, kConformity);
    } else if (q.cause == FaultCause::accident) {
        v.outlook = GuaranteeOutlook::not_covered;
        reason(GuaranteeReason::accident_not_covered, kMisuse);
    } else {
        v.outlook =
            v.burden == BurdenOfProof::seller ? GuaranteeOutlook::likely_covered : GuaranteeOutlook::may_be_covered;
        if (v.burden == BurdenOfProof::seller) {
            auto& r = reason(GuaranteeReason::presumption_period,
                             old_rules ? facts->presumption_before.sources : facts->presumption.sources);
            r.months = v.presumption_months;
            r.date = v.presumption_ends;
        } else if (v.burden == BurdenOfProof::unclear) {
            auto& r = reason(GuaranteeReason::presumption_start_unclear,
                             joined({&facts->twelve_from.sources, &facts->twelve_from_latest.sources}));
            r.date = facts->twelve_from.date;
            r.until = add_days(facts->twelve_from_latest.date, -1);
            r.months = v.presumption_months;
        } else {
            auto& r = reason(GuaranteeReason::presumption_period_over,
                             old_rules ? facts->presumption_before.sources : facts->presumption.sources);
            r.months = v.presumption_months;
            r.date = v.presumption_ends;
        }
        if (old_rules) {
            auto& r = reason(GuaranteeReason::older_rules,
                             joined({&facts->presumption_before.sources, &facts->twelve_from.sources}));
            r.months = facts->presumption_before.months;
            r.date = facts->twelve_from.date;
        }
        if (q.seller == Seller::not_sure) reason(GuaranteeReason::seller_not_sure, kConformity);
        if (q.cause == FaultCause::not_sure) reason(GuaranteeReason::cause_not_sure, kMisuse);
        reason(GuaranteeReason::no_fixed_term, kConformity);

        if (device && device->lifetime_years) {
            const CitedRange& life = *device->lifetime_years;
            auto& r = reason(
                v.age_years > life.max ? GuaranteeReason::older_than_usual_use : GuaranteeReason::within_usual_use,
                life.sources);
            r.years = Estimate::between(life.min, life.max);
            r.age_years = v.age_years;
        } else {
            reason(GuaranteeReason::usual_use_unknown, kExpectations).age_years = v.age_years;
        }
        if (q.second_hand) reason(GuaranteeReason::second_hand_lower_expectations, kConformity);
        if (q.price_euro)
            reason(GuaranteeReason::price_counts, kExpectations).price_euro = *q.price_euro;
        else
            reason(GuaranteeReason::price_not_given, kExpectations);
        if (v.burden != BurdenOfProof::seller) reason(GuaranteeReason::cost_sharing_possible, kConformity);
        reason(GuaranteeReason::remedies, kConformity);
        reason(GuaranteeReason::keep_proof_of_purchase, kMisuse);
    }

    // What the right-to-repair directive adds, when content has its dates.
    auto r2r_from = date_fact(content, "right-to-repair", "applies-from");
    auto extension = months_fact(content, "right-to-repair", "repair-extension-months");
    if (r2r_from && extension && v.outlook != GuaranteeOutlook::not_covered && purchased >= r2r_from->date) {
        auto& r = reason(GuaranteeReason::repair_extends_liability, joined({&extension->sources, &r2r_from->sources}));
        r.months = extension->months;
        r.date = r2r_from->date;
    }
    const ManufacturerRepairDuty& duty = content.repair_economics.manufacturer_repair;
    if (r2r_from && device && duty.covers(device->id)) {
        bool in_force = q.today >= r2r_from->date;
        auto& r = reason(
            in_force ? GuaranteeReason::manufacturer_must_repair : GuaranteeReason::manufacturer_must_repair_from,
            joined({&duty.sources, &r2r_from->sources}));
        r.date = r2r_from->date;
    }
    return v;
}

const char* guarantee_outlook_name(GuaranteeOutlook outlook) {
    switch (outlook) {
        case GuaranteeOutlook::likely_covered:
            return "likely-covered";
        case GuaranteeOutlook::may_be_covered:
            return "may-be-covered";
        case GuaranteeOutlook::not_covered:
            return "not-covered";
    }
    return "may-be-covered";
}

const char* burden_of_proof_name(BurdenOfProof burden) {
    switch (burden) {
        case BurdenOfProof::seller:
            return "seller";
        case BurdenOfProof::buyer:
            return "buyer";
        case BurdenOfProof::unclear:
            return "unclear";
    }
    return "unclear";
}

const char* guarantee_reason_name(GuaranteeReason reason) {
    switch (reason) {
        case GuaranteeReason::presumption_period:
            return "presumption-period";
        case GuaranteeReason::presumption_period_over:
            return "presumption-period-over";
        case GuaranteeReason::presumption_start_unclear:
            return "presumption-start-unclear";
        case GuaranteeReason::older_rules:
            return "older-rules";
        case GuaranteeReason::no_fixed_term:
            return "no-fixed-term";
        case GuaranteeReason::older_than_usual_use:
            return "older-than-usual-use";
        case GuaranteeReason::within_usual_use:
            return "within-usual-use";
        case GuaranteeReason::usual_use_unknown:
            return "usual-use-unknown";
        case GuaranteeReason::price_counts:
            return "price-counts";
        case GuaranteeReason::price_not_given:
            return "price-not-given";
        case GuaranteeReason::keep_proof_of_purchase:
            return "keep-proof-of-purchase";
        case GuaranteeReason::cost_sharing_possible:
            return "cost-sharing-possible";
        case GuaranteeReason::second_hand_lower_expectations:
            return "second-hand-lower-expectations";
        case GuaranteeReason::seller_not_sure:
            return "seller-not-sure";
        case GuaranteeReason::private_seller_not_covered:
            return "private-seller-not-covered";
        case GuaranteeReason::accident_not_covered:
            return "accident-not-covered";
        case GuaranteeReason::cause_not_sure:
            return "cause-not-sure";
        case GuaranteeReason::remedies:
            return "remedies";
        case GuaranteeReason::repair_extends_liability:
            return "repair-extends-liability";
        case GuaranteeReason::manufacturer_must_repair:
            return "manufacturer-must-repair";
        case GuaranteeReason::manufacturer_must_repair_from:
            return "manufacturer-must-repair-from";
    }
    return "no-fixed-term";
}

const char* guarantee_problem_name(GuaranteeProblem problem) {
    switch (problem) {
        case GuaranteeProblem::today_invalid:
            return "today-invalid";
        case GuaranteeProblem::purchase_missing:
            return "purchase-missing";
        case GuaranteeProblem::purchase_invalid:
            return "purchase-invalid";
        case GuaranteeProblem::purchase_in_future:
            return "purchase-in-future";
        case GuaranteeProblem::delivery_invalid:
            return "delivery-invalid";
        case GuaranteeProblem::delivery_before_purchase:
            return "delivery-before-purchase";
        case GuaranteeProblem::delivery_in_future:
            return "delivery-in-future";
        case GuaranteeProblem::fault_invalid:
            return "fault-invalid";
        case GuaranteeProblem::fault_before_delivery:
            return "fault-before-delivery";
        case GuaranteeProblem::fault_in_future:
            return "fault-in-future";
        case GuaranteeProblem::price_invalid:
            return "price-invalid";
        case GuaranteeProblem::unknown_device:
            return "unknown-device";
        case GuaranteeProblem::content_missing:
            return "content-missing";
    }
    return "content-missing";
}

const char* fault_cause_name(FaultCause cause) {
    switch (cause) {
        case FaultCause::not_sure:
            return "not-sure";
        case FaultCause::by_itself:
            return "by-itself";
        case FaultCause::accident:
            return "accident";
    }
    return "not-sure";
}

const char* seller_name(Seller seller) {
    switch (seller) {
        case Seller::business:
            return "business";
        case Seller::private_person:
            return "private-person";
        case Seller::not_sure:
            return "not-sure";
    }
    return "not-sure";
}

}  // namespace stadsmijn
