// Principal components of a vote matrix, the way Pol.is computes them, on sparse data.
//
// Pol.is fills every missing vote with its statement's mean, centres each statement on that mean
// and finds two components by power iteration with deflation (`pca.clj`, `powerit-pca`). After
// imputing and centring, a missing cell is exactly zero, so the centred matrix has as many
// non-zeros as there are votes. Each step multiplies by X^T X either over the votes (O(votes)) or
// with X^T X formed once (O(statements^2) a step), whichever costs less for the matrix at hand;
// both give the same vectors up to rounding.
//
// Moderated-out statements are zero for every participant, as Pol.is's `zero-out-columns` makes
// them: they carry no variance, but they do count as "seen" when a participant is projected.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/polls/votes.h"

namespace stadsmijn::polls {

enum class PcaMethod {
    // Pol.is's `power-iteration`: each component on its own, the second on the matrix with the
    // first factored out; start from a random vector in [0, 1) per statement (seeded here) or the
    // previous component; stop after max_iterations + 1 products or as soon as the length of
    // X^T X v equals the previous step's exactly. The default.
    polis_power_iteration,
    // Both components at once on a 2-D subspace with a Rayleigh-Ritz rotation, stopping when no
    // entry moves more than `tolerance`: converges much faster when two axes are nearly as strong.
    subspace_iteration,
};

struct PcaDesc {
    PcaMethod method = PcaMethod::polis_power_iteration;
    int max_iterations = 0;           // per component; 0 means 100 (Pol.is's pca-iters), 200 for subspace
    double tolerance = 0;             // subspace only: stop when no entry moves more; 0 means 1e-11
    std::uint64_t seed = 0;           // start vector when there is no warm start
    // Components from an earlier run, one value per statement index (may be empty). Used as the
    // start vector and to keep the map's orientation from flipping between updates.
    std::array<std::vector<double>, 2> previous;
};

struct Pca {
    std::vector<double> center;                   // per statement: mean of the votes cast
    std::array<std::vector<double>, 2> components;  // unit length, or all zero when there is no variance
    std::array<double, 2> eigenvalues{};          // variance carried, unnormalised
    std::array<int, 2> iterations{};
};

// moderated_out[s] is true for statements whose votes must not shape the map.
Pca principal_components(const VoteMatrix& votes, std::span<const char> moderated_out, const PcaDesc& desc);

struct Point {
    double x = 0;
    double y = 0;
};

// Pol.is's sparsity-aware projection: the dot product over the statements a participant voted
// on, scaled by sqrt(statements / statements seen) so that people with few votes are not all
// pulled into the centre. With count_moderated_as_seen (Pol.is's behaviour), moderated-out
// statements count as seen by everyone.
std::vector<Point> project_participants(const VoteMatrix& votes, std::span<const char> moderated_out,
                                        const Pca& pca, bool count_moderated_as_seen);

// Where one participant lands from their own votes, projected like project_participants (no
// statement moderated out): `votes` holds (statement index, vote) pairs, indices into `pca`.
// Pairs outside the range are ignored; nothing when no vote is left. The app uses it to show
// "you" on the server's map from the components the server sends.
std::optional<Point> project_votes(const Pca& pca, std::span<const std::pair<std::size_t, Vote>> votes);

// Where a participant who agreed with only that statement would land (Pol.is's comment projection).
std::vector<Point> project_statements(const Pca& pca);

}  // namespace stadsmijn::polls
