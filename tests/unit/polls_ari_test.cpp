// The adjusted Rand index against values worked out by hand from the contingency table.
#include <doctest/doctest.h>

#include <vector>

#include "core/polls/adjusted_rand_index.h"

using namespace stadsmijn::polls;

TEST_CASE("the same partition under other labels scores 1") {
    const std::vector<int> a = {0, 0, 1, 1, 2, 2};
    const std::vector<int> b = {5, 5, 3, 3, 9, 9};
    CHECK(adjusted_rand_index(a, b) == doctest::Approx(1.0));
}

TEST_CASE("a partially matching partition scores as computed by hand") {
    // Contingency [[2 1 0] [0 1 2]]: sum C(n_ij,2) = 2, rows 3+3 -> 6, columns 1+1+1 -> 3, C(6,2) = 15,
    // expected 6*3/15 = 1.2, maximum (6+3)/2 = 4.5, so (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
    const std::vector<int> a = {0, 0, 0, 1, 1, 1};
    const std::vector<int> b = {0, 0, 1, 1, 2, 2};
    CHECK(adjusted_rand_index(a, b) == doctest::Approx(0.8 / 3.3));
}

TEST_CASE("crossed partitions score below zero") {
    // [[1 1] [1 1]]: index 0, rows 2, columns 2, expected 2*2/6, maximum 2: -(2/3)/(4/3) = -0.5.
    const std::vector<int> a = {0, 0, 1, 1};
    const std::vector<int> b = {0, 1, 0, 1};
    CHECK(adjusted_rand_index(a, b) == doctest::Approx(-0.5));
}

TEST_CASE("one group against all singletons scores 0") {
    const std::vector<int> a = {0, 0, 0, 0};
    const std::vector<int> b = {0, 1, 2, 3};
    CHECK(adjusted_rand_index(a, b) == doctest::Approx(0.0));
}

TEST_CASE("comparing groupings uses only the participants both sides group") {
    const std::vector<std::pair<ParticipantId, int>> ours = {{1, 0}, {2, 0}, {3, 1}, {4, 1}, {5, 0}};
    const std::vector<std::pair<ParticipantId, int>> theirs = {{1, 1}, {2, 1}, {3, 0}, {4, 0}, {6, 0}, {7, -1}};
    const GroupingComparison c = compare_groupings(ours, theirs);
    CHECK(c.common == 4);
    CHECK(c.only_a == 1);
    CHECK(c.only_b == 1);
    CHECK(c.adjusted_rand_index == doctest::Approx(1.0));
}
