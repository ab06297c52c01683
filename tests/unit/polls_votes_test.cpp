// The vote matrix: latest vote wins, order of arrival does not matter, signs convert at the border.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/polls/votes.h"

using namespace stadsmijn::polls;

TEST_CASE("a later vote on the same statement replaces the earlier one") {
    const std::vector<VoteRecord> records = {
        {7, 1, Vote::agree, 100}, {7, 1, Vote::disagree, 200}, {7, 2, Vote::pass, 150}};
    const auto m = VoteMatrix::from_records(records);
    REQUIRE(m.ok());
    CHECK(m.value().vote_count() == 2);
    CHECK(m.value().vote(0, 0) == Vote::disagree);
    CHECK(m.value().vote(0, 1) == Vote::pass);
}

TEST_CASE("votes at the same time keep the order they were given in") {
    const std::vector<VoteRecord> records = {{1, 5, Vote::disagree, 0}, {1, 5, Vote::agree, 0}};
    const auto m = VoteMatrix::from_records(records);
    REQUIRE(m.ok());
    CHECK(m.value().vote(0, 0) == Vote::agree);
}

TEST_CASE("the vote matrix does not depend on the order records arrive in") {
    std::vector<VoteRecord> records = {{3, 10, Vote::agree, 1},   {1, 10, Vote::disagree, 2}, {2, 11, Vote::pass, 3},
                                       {1, 12, Vote::agree, 4},   {3, 12, Vote::disagree, 5}, {2, 10, Vote::agree, 6}};
    const auto a = VoteMatrix::from_records(records);
    std::reverse(records.begin(), records.end());
    const auto b = VoteMatrix::from_records(records);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value().participants() == std::vector<ParticipantId>{1, 2, 3});
    CHECK(a.value().statements() == std::vector<StatementId>{10, 11, 12});
    CHECK(a.value().participants() == b.value().participants());
    for (std::size_t p = 0; p < 3; ++p)
        for (std::size_t s = 0; s < 3; ++s) CHECK(a.value().vote(p, s) == b.value().vote(p, s));
}

TEST_CASE("Pol.is's database sign (agree -1) reads as agree when asked for") {
    CHECK(vote_from_number(-1, SignConvention::agree_negative).value() == Vote::agree);
    CHECK(vote_from_number(1, SignConvention::agree_negative).value() == Vote::disagree);
    CHECK(vote_from_number(1, SignConvention::agree_positive).value() == Vote::agree);
    CHECK(vote_from_number(0, SignConvention::agree_negative).value() == Vote::pass);
    CHECK(vote_to_number(Vote::agree, SignConvention::agree_negative) == -1);
    CHECK(vote_to_number(Vote::agree, SignConvention::agree_positive) == 1);
}

TEST_CASE("a vote that is not 1, -1 or 0 is refused with the value in the message") {
    const auto v = vote_from_number(2, SignConvention::agree_positive);
    REQUIRE_FALSE(v.ok());
    CHECK(v.error().find("2") != std::string::npos);
}

TEST_CASE("a subset keeps only the chosen participants and the statements they voted on") {
    const std::vector<VoteRecord> records = {{1, 10, Vote::agree, 0}, {2, 11, Vote::disagree, 0}, {3, 10, Vote::pass, 0}};
    const auto m = VoteMatrix::from_records(records).value();
    const std::vector<std::size_t> rows = {0, 2};
    const VoteMatrix s = m.subset(rows);
    CHECK(s.participants() == std::vector<ParticipantId>{1, 3});
    CHECK(s.statements() == std::vector<StatementId>{10});
    CHECK(s.vote(1, 0) == Vote::pass);
}
