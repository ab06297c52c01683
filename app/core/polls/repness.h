// What each opinion group stands for, and what most people agree on: Pol.is's formulas.
//
// Counts come from the vote matrix (agree +1), so "agree" here is Pol.is's database -1.
//   representative_statements  Pol.is `repness` + `select-rep-comments`: per group, statements the
//                              group agrees (or disagrees) with significantly more than the rest,
//                              up to 5, agrees first.
//   consensus_statements       Pol.is `select-consensus-comments`: over everyone, statements with
//                              p > 0.5 and a significant one-sample test, top 5 each way.
//   group_informed_consensus   Pol.is GIC: the product over groups of (agrees + 1) / (seen + 2).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/polls/votes.h"

namespace stadsmijn::polls {

struct VoteCounts {
    int agree = 0;
    int disagree = 0;
    int seen = 0;  // agree + disagree + pass
    int pass() const { return seen - agree - disagree; }
};

// counts[g][s]: votes on statement s by the members of group g (group[p] == g; -1 is nobody's).
std::vector<std::vector<VoteCounts>> count_votes_by_group(const VoteMatrix& votes, std::span<const int> group,
                                                          int group_count);
std::vector<VoteCounts> count_votes(const VoteMatrix& votes);

// Pol.is's z-tests (stats.clj), kept exactly, pseudocounts included.
double proportion_test(double successes, double trials);
double two_proportion_test(double successes_in, double successes_out, double trials_in, double trials_out);
inline constexpr double significant_at_90 = 1.2816;

struct RepresentativeStatement {
    StatementId statement = 0;
    bool agree = true;        // what the group does more than the others: agree or disagree
    int successes = 0;        // group members who agreed (or disagreed)
    int trials = 0;           // group members who saw it
    double probability = 0;   // (successes + 1) / (trials + 2)
    double probability_test = 0;
    double repness = 0;       // probability in the group / probability outside it
    double repness_test = 0;  // two-proportion z
    bool best_agree = false;  // the group's most telling agreement, always listed first
};

// counts as from count_votes_by_group; moderated_out[s] statements are never chosen.
std::vector<std::vector<RepresentativeStatement>> representative_statements(
    const std::vector<std::vector<VoteCounts>>& counts, std::span<const StatementId> statement_ids,
    std::span<const char> moderated_out);

struct ConsensusStatement {
    StatementId statement = 0;
    int successes = 0;
    int trials = 0;
    double probability = 0;
    double probability_test = 0;
};

struct Consensus {
    std::vector<ConsensusStatement> agree;     // most widely agreed, strongest first
    std::vector<ConsensusStatement> disagree;  // most widely disagreed
};

Consensus consensus_statements(std::span<const VoteCounts> counts, std::span<const StatementId> statement_ids,
                               std::span<const char> moderated_out);

// Per statement; 0 groups gives 1 for every statement (the empty product).
std::vector<double> group_informed_consensus(const std::vector<std::vector<VoteCounts>>& counts,
                                             std::size_t statement_count);

}  // namespace stadsmijn::polls
