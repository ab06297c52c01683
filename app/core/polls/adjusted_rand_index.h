// Adjusted Rand index: how alike two groupings of the same people are, corrected for chance.
// 1 means the same partition (labels may differ), about 0 what random labels would give, and it
// can go below 0. Used to compare our groups with Pol.is's and with our own resampled runs.
#pragma once

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "core/polls/votes.h"

namespace stadsmijn::polls {

// a[i] and b[i] are the group labels of person i (any non-negative numbers). When both sides put
// everyone in one group, or everyone alone, the partitions are identical and the index is 1.
double adjusted_rand_index(std::span<const int> a, std::span<const int> b);

struct GroupingComparison {
    double adjusted_rand_index = 0;
    std::size_t common = 0;   // participants grouped on both sides, the ones compared
    std::size_t only_a = 0;   // grouped in a only
    std::size_t only_b = 0;
};

// Compares two (participant, group) lists over the participants both group; negative groups
// mean "not grouped" and are ignored.
GroupingComparison compare_groupings(std::span<const std::pair<ParticipantId, int>> a,
                                     std::span<const std::pair<ParticipantId, int>> b);

}  // namespace stadsmijn::polls
