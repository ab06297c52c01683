// Representative statements, consensus and group-informed consensus on hand-built counts.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/polls/repness.h"

using namespace stadsmijn::polls;

namespace {

VoteCounts counts(int agree, int disagree, int pass) { return {agree, disagree, agree + disagree + pass}; }

}  // namespace

TEST_CASE("the proportion tests follow Pol.is's formulas, pseudocounts included") {
    // prop-test(5, 10) = 2 sqrt(11) (6/11 - 1/2)
    CHECK(proportion_test(5, 10) == doctest::Approx(2 * std::sqrt(11.0) * (6.0 / 11 - 0.5)));
    // two-prop-test(4, 1, 5, 5): p1 = 5/6, p2 = 2/6, pooled 7/12 -> 1.75662...
    CHECK(two_proportion_test(4, 1, 5, 5) == doctest::Approx(1.7566201313073595));
    // everyone agreeing on both sides: Pol.is returns 0 instead of dividing by zero
    CHECK(two_proportion_test(5, 5, 5, 5) == doctest::Approx(0.0));
}

TEST_CASE("a statement a group agrees with and the rest rejects represents that group") {
    // Statement 0: group 0 agrees 18 of 20, group 1 agrees 2 of 20. Statement 1: both split evenly.
    const std::vector<std::vector<VoteCounts>> by_group = {{counts(18, 2, 0), counts(10, 10, 0)},
                                                           {counts(2, 18, 0), counts(10, 10, 0)}};
    const std::vector<StatementId> ids = {100, 101};
    const std::vector<char> none(2, 0);
    const auto rep = representative_statements(by_group, ids, none);
    REQUIRE(rep.size() == 2);
    REQUIRE_FALSE(rep[0].empty());
    CHECK(rep[0][0].statement == 100);
    CHECK(rep[0][0].agree);
    CHECK(rep[0][0].successes == 18);
    CHECK(rep[0][0].trials == 20);
    // For group 1 the same statement is telling too, as a disagreement.
    bool group1_disagrees_with_100 = false;
    for (const auto& r : rep[1]) group1_disagrees_with_100 |= r.statement == 100 && !r.agree;
    CHECK(group1_disagrees_with_100);
    for (const auto& r : rep[0]) CHECK(r.statement != 101);
}

TEST_CASE("moderated-out statements are never representative nor consensus") {
    const std::vector<std::vector<VoteCounts>> by_group = {{counts(18, 2, 0), counts(19, 1, 0)},
                                                           {counts(2, 18, 0), counts(19, 1, 0)}};
    const std::vector<StatementId> ids = {1, 2};
    const std::vector<char> moderated = {1, 1};
    const auto rep = representative_statements(by_group, ids, moderated);
    CHECK(rep[0].empty());
    CHECK(rep[1].empty());
    const std::vector<VoteCounts> everyone = {counts(20, 20, 0), counts(38, 2, 0)};
    CHECK(consensus_statements(everyone, ids, moderated).agree.empty());
}

TEST_CASE("consensus lists what most people agree with, not what divides them") {
    const std::vector<VoteCounts> everyone = {counts(40, 2, 3), counts(20, 22, 3), counts(3, 39, 3), counts(0, 0, 1)};
    const std::vector<StatementId> ids = {1, 2, 3, 4};
    const std::vector<char> none(4, 0);
    const Consensus c = consensus_statements(everyone, ids, none);
    REQUIRE(c.agree.size() == 1);
    CHECK(c.agree[0].statement == 1);
    CHECK(c.agree[0].probability == doctest::Approx(41.0 / 47.0));
    REQUIRE(c.disagree.size() == 1);
    CHECK(c.disagree[0].statement == 3);
}

TEST_CASE("group-informed consensus is the product over groups of (agrees + 1) / (seen + 2)") {
    const std::vector<std::vector<VoteCounts>> by_group = {{counts(3, 0, 1)}, {counts(1, 1, 0)}};
    const auto gic = group_informed_consensus(by_group, 1);
    CHECK(gic[0] == doctest::Approx((4.0 / 6.0) * (2.0 / 4.0)));
}

TEST_CASE("vote counts by group count agrees, disagrees and passes of each group's members") {
    const std::vector<VoteRecord> records = {{1, 7, Vote::agree, 0}, {2, 7, Vote::disagree, 0},
                                             {3, 7, Vote::pass, 0},  {4, 7, Vote::agree, 0}};
    const VoteMatrix m = VoteMatrix::from_records(records).value();
    const std::vector<int> group = {0, 1, 1, -1};
    const auto c = count_votes_by_group(m, group, 2);
    CHECK(c[0][0].agree == 1);
    CHECK(c[0][0].seen == 1);
    CHECK(c[1][0].disagree == 1);
    CHECK(c[1][0].pass() == 1);
    CHECK(count_votes(m)[0].seen == 4);
}
