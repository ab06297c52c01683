// The legal guarantee check: what a citizen can ask of the seller under Dutch law, and what the
// EU right-to-repair directive (2024/1799) adds, from the purchase date, today's date, the price,
// the kind of device and how the fault came about.
//
// Dutch law has no fixed guarantee term: a product must last as long as may reasonably be
// expected (art. 7:17 BW). In the first months after delivery the seller must prove a fault was
// not there at delivery (art. 7:18a BW: 12 months since 2022, 6 before); after that the buyer
// must show it was. The check never claims legal certainty: it gives an outlook, the reasons for
// it and the sources to show. Every month count and date comes from content/guidance.json.
//
//   GuaranteeQuestion q;
//   q.device_id = "smartphone";
//   q.purchased = LocalDate{2026, 1, 15};
//   q.today = LocalDate{2026, 11, 28};           // from the platform, never a clock in the core
//   q.price_euro = 329.0;
//   q.cause = FaultCause::by_itself;
//   GuaranteeVerdict v = check_guarantee(content, q);
//   if (!v.ok()) for (auto p : v.problems) show(t("advice.guarantee.problem." + name(p)));
//   show(t("advice.guarantee.outlook." + std::string(guarantee_outlook_name(v.outlook))));
//   for (const auto& r : v.reasons) show(t("advice.guarantee.reason." + ..., {{"months", ...}, {"date", ...}}));
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/advice/estimate.h"
#include "core/content/content.h"

namespace stadsmijn {

enum class Seller { business, private_person, not_sure };

// How the fault came about: a defect of the product itself, or damage (a fall, water) that the
// guarantee does not cover.
enum class FaultCause { not_sure, by_itself, accident };

struct GuaranteeQuestion {
    std::string device_id;                    // a content device id; empty when the kind is not known
    std::optional<LocalDate> purchased;       // required: when the sales contract was made
    std::optional<LocalDate> delivered;       // when later than the purchase (an order delivered later)
    std::optional<LocalDate> fault_appeared;  // when the fault showed; today when not given
    LocalDate today;
    std::optional<double> price_euro;  // what was paid; may be missing
    Seller seller = Seller::business;
    bool second_hand = false;
    FaultCause cause = FaultCause::not_sure;
};

// Why no verdict could be given: the UI shows these next to the field to correct.
enum class GuaranteeProblem {
    today_invalid,
    purchase_missing,
    purchase_invalid,
    purchase_in_future,
    delivery_invalid,
    delivery_before_purchase,
    delivery_in_future,
    fault_invalid,
    fault_before_delivery,
    fault_in_future,
    price_invalid,  // negative or not a number
    unknown_device,
    content_missing,  // a month count or date the check needs is not in content/guidance.json
};

enum class GuaranteeOutlook {
    likely_covered,  // the seller is presumed liable: ask the seller first
    may_be_covered,  // you may still claim, but must show the fault was there at delivery
    not_covered,     // bought from a private person, or damage the buyer caused
};

// Who has to prove that the fault was (not) there at delivery.
enum class BurdenOfProof { seller, buyer, unclear };

enum class GuaranteeReason {
    presumption_period,         // {months} months after delivery, until {date}: the seller must prove
    presumption_period_over,    // the {months} months ended on {date}: you must show the fault was there
    presumption_start_unclear,  // bought between {date} and {until}: 6 or 12 months is not certain
    older_rules,                // bought before {date}: {months} months applied
    no_fixed_term,              // no fixed term: as long as may reasonably be expected
    older_than_usual_use,       // {age} years old; such devices are usually used {years} years
    within_usual_use,           // {age} years old; such devices are usually used {years} years
    usual_use_unknown,          // no reliable figure for how long such devices are used
    price_counts,               // {price} paid: price, brand and promises shape what you may expect
    price_not_given,            // the price counts for what you may expect; add it if you know it
    keep_proof_of_purchase,     // the receipt, or a bank statement
    cost_sharing_possible,      // for an older product part of the cost may be yours
    second_hand_lower_expectations,
    seller_not_sure,  // the guarantee holds against a business, not a private person
    private_seller_not_covered,
    accident_not_covered,      // a fall or water damage is not a defect
    cause_not_sure,            // if it fell or got wet, the guarantee does not cover it
    remedies,                  // free repair or replacement, else price reduction or refund
    repair_extends_liability,  // choose repair: the seller is liable {months} months longer (contracts from {date})
    manufacturer_must_repair,  // since {date} the manufacturer must offer repair, also after the guarantee
    manufacturer_must_repair_from,  // from {date} the manufacturer must offer repair
};

struct GuaranteeReasonItem {
    GuaranteeReason code = GuaranteeReason::no_fixed_term;
    std::vector<std::string> sources;  // source ids to show beside the reason
    int months = 0;                    // {months}
    std::optional<LocalDate> date;     // {date}
    std::optional<LocalDate> until;    // {until}
    Estimate years;                    // {years}: usual years of use
    double age_years = 0;              // {age}
    double price_euro = 0;             // {price}
};

struct GuaranteeVerdict {
    std::vector<GuaranteeProblem> problems;  // when not empty, nothing below is set
    GuaranteeOutlook outlook = GuaranteeOutlook::may_be_covered;
    BurdenOfProof burden = BurdenOfProof::buyer;
    int presumption_months = 0;                 // the period that applies (12 when unclear between 6 and 12)
    std::optional<LocalDate> presumption_ends;  // the last day of that period
    long long days_since_delivery = 0;          // to the day the fault appeared
    double age_years = 0;
    std::vector<GuaranteeReasonItem> reasons;  // in the order to show

    bool ok() const { return problems.empty(); }
    bool has(GuaranteeReason code) const;
    // Every source id of every reason, once, in order of first use.
    std::vector<std::string> sources() const;
};

GuaranteeVerdict check_guarantee(const Content& content, const GuaranteeQuestion& question);

// Stable names for i18n keys and the test API ("likely-covered", "presumption-period", ...).
const char* guarantee_outlook_name(GuaranteeOutlook outlook);
const char* burden_of_proof_name(BurdenOfProof burden);
const char* guarantee_reason_name(GuaranteeReason reason);
const char* guarantee_problem_name(GuaranteeProblem problem);
const char* fault_cause_name(FaultCause cause);
const char* seller_name(Seller seller);

// The source ids the check cites for rules that have no number (the numbers bring their own
// sources from content). Kept in one place so a test can check them against the registry.
const std::vector<std::string>& guarantee_rule_sources();

}  // namespace stadsmijn
