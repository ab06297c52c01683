// Opinion groups: Pol.is's pipeline from votes to groups, what each group stands for, what
// most people agree on, and how stable the groups are. Pure, seeded and deterministic.
//
// Usage (a server recomputing a poll after new votes):
//     auto votes = polls::VoteMatrix::from_records(records);           // agree +1
//     polls::OpinionGroupsDesc desc;                                   // zero means default
//     desc.seed = poll_seed;
//     auto groups = polls::compute_opinion_groups(*votes, rejected_statement_ids, desc, last_state);
//     if (!groups) return error(groups.error());
//     store(groups.value().state);                                     // feed it to the next run
//
// The steps, as in Pol.is's Clojure (`polismath/math/{conversation,pca,clusters}.clj`, the
// small-conversation path); notes/opinion-groups.md says where and why we still depart:
//   1. vote matrix; moderated-out and meta statements zeroed as whole columns (`zero-out-columns`);
//   2. missing votes imputed with the statement mean, columns centred, two components by power
//      iteration with deflation, from a random [0, 1) start (seeded here) or the previous
//      components, at most 101 products each, stopping early when ||X^T X v|| repeats exactly;
//   3. every participant projected over the cells they filled, zeroed columns included, scaled by
//      sqrt(statements / statements seen);
//   4. in the conversation: at least min(7, statements) votes (passes count), once in always in,
//      topped up to 15 with the most active voters while fewer qualify;
//   5. base clusters: k-means with k = 100 started from the first 100 distinct places in row order
//      (`participant_order`, else ascending id), up to 101 steps;
//   6. the base-cluster centres, in base-cluster order and weighted by size, grouped by k-means
//      started from the first k distinct centres, for k = 2..min(5, 2 + bases/12), up to 21 steps
//      (Pol.is passes `:cluster-iters`, which its kmeans ignores, so its default 20 holds); the k
//      with the best silhouette over base centres wins (a lone base cluster scores 0, a tie goes to
//      the larger k), smoothed over updates (a new k must win 4 times);
//   7. representative statements per group, consensus, group-informed consensus (repness.h).
// Where we differ from Pol.is, on purpose: its random numbers are seeded here; group numbers
// follow the previous run's groups (or, on a first run, the map from left to right); the map is
// turned so its largest entry is positive; and we measure stability. Options not on by default:
// seeded k-means++ with restarts (order-free), subspace-iteration PCA.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/polls/kmeans.h"
#include "core/polls/pca.h"
#include "core/polls/repness.h"
#include "core/polls/votes.h"
#include "core/result.h"

namespace stadsmijn::polls {

struct OpinionGroupsDesc {
    std::uint64_t seed = 0;
    int min_votes = 0;        // votes needed to join the conversation; 0 means 7
    int greedy_fill = 0;      // top up to this many participants; 0 means 15, negative means none
    int base_clusters = 0;    // 0 means 100
    int max_groups = 0;       // 0 means 5
    int fixed_groups = 0;     // 0: choose k by silhouette (smoothed); otherwise exactly this k
    int k_buffer = 0;         // updates a new k must win before it is used; 0 means 4
    int pca_iterations = 0;   // 0 means 100 (Pol.is's pca-iters; 200 for subspace iteration)
    int base_iterations = 0;  // 0 means 100
    int base_restarts = 0;    // k-means++ restarts for the base clusters; 0 means 1
    int group_iterations = 0; // 0 means 20 (what Pol.is runs, see its quirk Q3)
    int group_restarts = 0;   // k-means++ restarts per k at group level; 0 means 32
    ClusterStart start = ClusterStart::first_distinct_points;
    PcaMethod pca_method = PcaMethod::polis_power_iteration;
    // Only for ClusterStart::first_distinct_points: the row order Pol.is would see (participants
    // in order of their first vote). Empty means ascending participant id.
    std::vector<ParticipantId> participant_order;
    // Pol.is counts moderated-out statements as seen by everyone when scaling projections.
    bool exclude_moderated_from_scaling = false;
    int stability_runs = 0;          // resampled reruns; 0 means 10, negative means none
    double stability_fraction = 0;   // share of participants kept per rerun; 0 means 0.8
};

// What one computation hands to the next, so that groups evolve the way Pol.is's do: who is in
// the conversation (sticky), the k smoother, the previous groups (for stable numbering) and the
// previous components (so the map does not flip). Empty on the first run.
struct OpinionGroupsState {
    std::vector<ParticipantId> in_conversation;  // ascending
    int last_k = 0;
    int last_k_count = 0;
    int smoothed_k = 0;
    std::vector<std::pair<ParticipantId, int>> groups;  // (participant, group) of the last run
    std::vector<StatementId> component_statements;
    std::array<std::vector<double>, 2> components;
};

struct ParticipantPlace {
    ParticipantId participant = 0;
    Point place;
    int votes = 0;                  // statements voted on, passes included
    bool in_conversation = false;
    int group = -1;                 // -1 when not grouped
};

struct OpinionGroup {
    int id = 0;                     // 0, 1, ... shown as A, B, ...
    std::vector<ParticipantId> members;
    Point center;                   // weighted centre on the map
    std::vector<RepresentativeStatement> representative;
    double stability = 0;           // mean best-match Jaccard over resampled reruns (0..1)
};

struct StatementResult {
    StatementId statement = 0;
    bool moderated_out = false;
    VoteCounts everyone;
    std::vector<VoteCounts> by_group;  // per group id
    double group_informed_consensus = 0;
    Point place;                    // where someone who agreed only with this would sit
    double extremity = 0;           // distance of that place from the centre
};

struct Stability {
    int runs = 0;
    double fraction = 0;            // share of participants kept per run
    double mean_adjusted_rand = 0;  // agreement of each rerun's groups with ours, on shared people
    double min_adjusted_rand = 0;
    double same_k_share = 0;        // reruns whose silhouette picks the same k as ours
};

enum class GroupingStatus {
    grouped,
    too_few_participants,  // fewer than two distinct positions among participants in the conversation
    no_disagreement,       // every vote agrees with the average: the map is a single point
};

struct OpinionGroups {
    GroupingStatus status = GroupingStatus::grouped;
    std::vector<ParticipantPlace> participants;  // everyone who voted, ascending id
    std::vector<OpinionGroup> groups;
    std::vector<StatementResult> statements;     // ascending id
    Consensus consensus;
    std::vector<std::pair<int, double>> silhouettes;  // (k, silhouette) for every k tried
    int best_silhouette_k = 0;                   // before smoothing
    int base_cluster_count = 0;
    Stability stability;
    Pca pca;
    OpinionGroupsState state;                    // pass to the next compute_opinion_groups
};

// The description with every zero replaced by the default it stands for (for manifests and logs).
OpinionGroupsDesc with_defaults(const OpinionGroupsDesc& desc);

// Fails only on input it cannot use (no votes at all); too few participants is a result
// (status too_few_participants) with places but no groups.
Result<OpinionGroups> compute_opinion_groups(const VoteMatrix& votes,
                                             std::span<const StatementId> moderated_out,
                                             const OpinionGroupsDesc& desc = {},
                                             const OpinionGroupsState& previous = {});

// The (participant, group) pairs of a result, for comparison and export.
std::vector<std::pair<ParticipantId, int>> group_assignments(const OpinionGroups& groups);

}  // namespace stadsmijn::polls
