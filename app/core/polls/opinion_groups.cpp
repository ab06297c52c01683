#include "core/polls/opinion_groups.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/polls/adjusted_rand_index.h"
#include "core/polls/random.h"

namespace stadsmijn::polls {
namespace {

struct Settings {
    std::uint64_t seed;
    int min_votes, greedy_fill, base_clusters, max_groups, fixed_groups, k_buffer;
    int pca_iterations, base_iterations, base_restarts, group_iterations, group_restarts;
    ClusterStart start;
    PcaMethod pca_method;
    bool count_moderated_as_seen;
    int stability_runs;
    double stability_fraction;
};

Settings resolve(const OpinionGroupsDesc& desc) {
    const OpinionGroupsDesc d = with_defaults(desc);
    Settings s{};
    s.seed = d.seed;
    s.min_votes = d.min_votes;
    s.greedy_fill = std::max(0, d.greedy_fill);
    s.base_clusters = d.base_clusters;
    s.max_groups = d.max_groups;
    s.fixed_groups = d.fixed_groups;
    s.k_buffer = d.k_buffer;
    s.pca_iterations = d.pca_iterations;
    s.base_iterations = d.base_iterations;
    s.base_restarts = d.base_restarts;
    s.group_iterations = d.group_iterations;
    s.group_restarts = d.group_restarts;
    s.start = d.start;
    s.pca_method = d.pca_method;
    s.count_moderated_as_seen = !d.exclude_moderated_from_scaling;
    s.stability_runs = std::max(0, d.stability_runs);
    s.stability_fraction = d.stability_fraction;
    return s;
}

// Everything one pass of the pipeline decides about one vote matrix.
struct Pass {
    GroupingStatus status = GroupingStatus::grouped;
    Pca pca;
    std::vector<Point> places;
    std::vector<char> in_conversation;
    std::vector<int> group;  // per participant, -1 when not grouped; numbered canonically
    int k = 0;
    int best_k = 0;
    std::vector<std::pair<int, double>> silhouettes;
    int base_count = 0;
    int last_k = 0, last_k_count = 0, smoothed_k = 0;
};

std::vector<char> moderated_flags(const VoteMatrix& votes, std::span<const StatementId> moderated_out) {
    std::vector<char> flags(votes.statement_count(), 0);
    for (StatementId id : moderated_out)
        if (const auto s = votes.statement_index(id)) flags[*s] = 1;
    return flags;
}

// Pol.is's in-conv rule, with the previous members kept.
std::vector<char> choose_in_conversation(const VoteMatrix& votes, const Settings& s,
                                         std::span<const ParticipantId> previous) {
    const std::size_t n = votes.participant_count();
    const auto threshold =
        std::min<std::size_t>(static_cast<std::size_t>(s.min_votes), votes.statement_count());
    std::vector<char> in(n, 0);
    std::size_t count = 0;
    for (ParticipantId id : previous)
        if (const auto p = votes.participant_index(id); p && !in[*p]) {
            in[*p] = 1;
            ++count;
        }
    for (std::size_t p = 0; p < n; ++p)
        if (!in[p] && votes.row(p).size() >= threshold) {
            in[p] = 1;
            ++count;
        }
    if (count < static_cast<std::size_t>(s.greedy_fill)) {
        std::vector<std::size_t> rest;
        for (std::size_t p = 0; p < n; ++p)
            if (!in[p]) rest.push_back(p);
        std::stable_sort(rest.begin(), rest.end(),
                         [&](std::size_t a, std::size_t b) { return votes.row(a).size() > votes.row(b).size(); });
        for (std::size_t i = 0; i < rest.size() && count < static_cast<std::size_t>(s.greedy_fill); ++i) {
            in[rest[i]] = 1;
            ++count;
        }
    }
    return in;
}

// Number groups so they follow the previous run's groups where people overlap most, and
// otherwise read left to right (then bottom to top) on the map.
std::vector<int> stable_labels(const std::vector<std::vector<ParticipantId>>& members,
                               const std::vector<Point>& centers,
                               std::span<const std::pair<ParticipantId, int>> previous) {
    const std::size_t k = members.size();
    std::vector<std::size_t> geometric(k);
    std::iota(geometric.begin(), geometric.end(), std::size_t{0});
    std::stable_sort(geometric.begin(), geometric.end(), [&](std::size_t a, std::size_t b) {
        if (centers[a].x != centers[b].x) return centers[a].x < centers[b].x;
        return centers[a].y < centers[b].y;
    });
    std::vector<int> label(k, 0);
    for (std::size_t i = 0; i < k; ++i) label[geometric[i]] = static_cast<int>(i);
    if (previous.empty() || k > 8) return label;

    // overlap[i][l]: members of new group i who were in previous group l.
    std::vector<std::vector<long>> overlap(k, std::vector<long>(k, 0));
    std::vector<std::pair<ParticipantId, int>> prev(previous.begin(), previous.end());
    std::sort(prev.begin(), prev.end());
    for (std::size_t i = 0; i < k; ++i)
        for (ParticipantId id : members[i]) {
            const auto it = std::lower_bound(prev.begin(), prev.end(), std::make_pair(id, -1));
            if (it != prev.end() && it->first == id && it->second >= 0 && it->second < static_cast<int>(k))
                ++overlap[i][static_cast<std::size_t>(it->second)];
        }
    // Try every assignment of labels (k <= 8); the first best in geometric order wins ties.
    std::vector<int> perm(k);
    std::iota(perm.begin(), perm.end(), 0);
    long best_total = -1;
    std::vector<int> best = label;
    do {
        long total = 0;
        for (std::size_t r = 0; r < k; ++r) total += overlap[geometric[r]][static_cast<std::size_t>(perm[r])];
        if (total > best_total) {
            best_total = total;
            for (std::size_t r = 0; r < k; ++r) best[geometric[r]] = perm[r];
        }
    } while (std::next_permutation(perm.begin(), perm.end()));
    return best;
}

Pass run_pass(const VoteMatrix& votes, const std::vector<char>& moderated, const Settings& s,
              const OpinionGroupsState& previous, std::span<const ParticipantId> participant_order, int forced_k) {
    Pass pass;
    const SplitMix64 root(s.seed);

    PcaDesc pca_desc;
    pca_desc.method = s.pca_method;
    pca_desc.max_iterations = s.pca_iterations;
    pca_desc.seed = root.fork(1).next();
    if (!previous.component_statements.empty()) {
        // Pol.is pads the previous components with 1 for statements they did not cover.
        const double fresh = s.pca_method == PcaMethod::polis_power_iteration ? 1.0 : 0.0;
        for (std::size_t c = 0; c < 2; ++c) {
            if (previous.components[c].size() != previous.component_statements.size()) continue;
            pca_desc.previous[c].assign(votes.statement_count(), fresh);
            for (std::size_t i = 0; i < previous.component_statements.size(); ++i)
                if (const auto st = votes.statement_index(previous.component_statements[i]))
                    pca_desc.previous[c][*st] = previous.components[c][i];
        }
    }
    pass.pca = principal_components(votes, moderated, pca_desc);
    pass.places = project_participants(votes, moderated, pass.pca, s.count_moderated_as_seen);
    pass.in_conversation = choose_in_conversation(votes, s, previous.in_conversation);
    pass.group.assign(votes.participant_count(), -1);

    // The order points are offered to k-means; only first_distinct_points depends on it.
    std::vector<std::size_t> order;
    if (s.start == ClusterStart::first_distinct_points && !participant_order.empty()) {
        std::vector<char> placed(votes.participant_count(), 0);
        for (ParticipantId id : participant_order)
            if (const auto p = votes.participant_index(id); p && !placed[*p]) {
                placed[*p] = 1;
                order.push_back(*p);
            }
        for (std::size_t p = 0; p < votes.participant_count(); ++p)
            if (!placed[p]) order.push_back(p);
    } else {
        order.resize(votes.participant_count());
        std::iota(order.begin(), order.end(), std::size_t{0});
    }
    std::vector<std::size_t> members;
    std::vector<Point> points;
    for (std::size_t p : order)
        if (pass.in_conversation[p]) {
            members.push_back(p);
            points.push_back(pass.places[p]);
        }

    if (pass.pca.eigenvalues[0] == 0.0) {
        pass.status = GroupingStatus::no_disagreement;
        return pass;
    }
    const std::size_t distinct = distinct_point_count(points);
    if (distinct < 2) {
        pass.status = GroupingStatus::too_few_participants;
        return pass;
    }

    KMeansDesc base_desc;
    base_desc.k = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(s.base_clusters), distinct));
    base_desc.max_iterations = s.base_iterations;
    base_desc.start = s.start;
    base_desc.restarts = s.base_restarts;
    base_desc.seed = root.fork(2).next();
    const Clustering base = kmeans(points, {}, base_desc);
    pass.base_count = static_cast<int>(base.centers.size());

    const int bases = pass.base_count;
    const int max_k = std::max(2, std::min({s.max_groups, 2 + bases / 12, bases}));
    std::vector<Clustering> by_k(static_cast<std::size_t>(max_k + 1));
    double best_silhouette = -2;
    for (int k = 2; k <= max_k; ++k) {
        KMeansDesc group_desc;
        group_desc.k = k;
        group_desc.max_iterations = s.group_iterations;
        group_desc.start = s.start;
        group_desc.restarts = s.group_restarts;
        group_desc.seed = root.fork(10 + static_cast<std::uint64_t>(k)).next();
        by_k[static_cast<std::size_t>(k)] = kmeans(base.centers, base.weights, group_desc);
        const double sil = silhouette(base.centers, by_k[static_cast<std::size_t>(k)].assignment);
        pass.silhouettes.emplace_back(k, sil);
        if (sil >= best_silhouette) {  // Pol.is's max-key: a tie goes to the larger k
            best_silhouette = sil;
            pass.best_k = k;
        }
    }

    // Pol.is's group-k-smoother: a new best k is used only once it has won k_buffer times in a row.
    const bool same = previous.last_k != 0 && previous.last_k == pass.best_k;
    pass.last_k = pass.best_k;
    pass.last_k_count = same ? previous.last_k_count + 1 : 1;
    pass.smoothed_k = pass.last_k_count >= s.k_buffer ? pass.best_k
                      : previous.smoothed_k != 0     ? previous.smoothed_k
                                                     : pass.best_k;
    int k = forced_k > 0 ? forced_k : s.fixed_groups > 0 ? s.fixed_groups : pass.smoothed_k;
    k = std::clamp(k, 2, max_k);  // as Pol.is #2536: a stale k larger than possible is clamped
    pass.k = k;

    const Clustering& groups = by_k[static_cast<std::size_t>(k)];
    const auto group_count = groups.centers.size();
    std::vector<std::vector<ParticipantId>> group_members(group_count);
    std::vector<Point> centers(group_count);
    std::vector<double> weight(group_count, 0.0);
    for (std::size_t t = 0; t < members.size(); ++t) {
        const auto b = static_cast<std::size_t>(base.assignment[t]);
        const auto g = static_cast<std::size_t>(groups.assignment[b]);
        group_members[g].push_back(votes.participants()[members[t]]);
        centers[g].x += pass.places[members[t]].x;
        centers[g].y += pass.places[members[t]].y;
        weight[g] += 1;
    }
    for (std::size_t g = 0; g < group_count; ++g) {
        centers[g].x /= weight[g];
        centers[g].y /= weight[g];
        std::sort(group_members[g].begin(), group_members[g].end());
    }
    const std::vector<int> label = stable_labels(group_members, centers, previous.groups);
    for (std::size_t t = 0; t < members.size(); ++t) {
        const auto b = static_cast<std::size_t>(base.assignment[t]);
        pass.group[members[t]] = label[static_cast<std::size_t>(groups.assignment[b])];
    }
    pass.k = static_cast<int>(group_count);
    return pass;
}

std::vector<std::pair<ParticipantId, int>> assignments_of(const VoteMatrix& votes, const std::vector<int>& group) {
    std::vector<std::pair<ParticipantId, int>> out;
    for (std::size_t p = 0; p < votes.participant_count(); ++p)
        if (group[p] >= 0) out.emplace_back(votes.participants()[p], group[p]);
    return out;
}

// Reruns on random subsets of participants (with fresh seeds) and compares with the full run.
void measure_stability(const VoteMatrix& votes, std::span<const StatementId> moderated_out, const Settings& s,
                       const Pass& full, OpinionGroups& out) {
    Stability& st = out.stability;
    st.fraction = s.stability_fraction;
    if (s.stability_runs <= 0 || full.status != GroupingStatus::grouped) return;

    const std::size_t n = votes.participant_count();
    const auto keep = std::max<std::size_t>(
        2, static_cast<std::size_t>(std::llround(s.stability_fraction * static_cast<double>(n))));
    const auto ours = assignments_of(votes, full.group);
    std::vector<double> jaccard_sum(out.groups.size(), 0.0);
    double ari_sum = 0, ari_min = 1;
    int same_k = 0;

    OpinionGroupsState carried;
    for (std::size_t p = 0; p < n; ++p)
        if (full.in_conversation[p]) carried.in_conversation.push_back(votes.participants()[p]);
    carried.component_statements = votes.statements();
    carried.components = full.pca.components;

    const SplitMix64 root(s.seed);
    for (int r = 0; r < s.stability_runs; ++r) {
        SplitMix64 random = root.fork(1000 + static_cast<std::uint64_t>(r));
        std::vector<std::size_t> rows(n);
        std::iota(rows.begin(), rows.end(), std::size_t{0});
        for (std::size_t i = 0; i + 1 < n; ++i) std::swap(rows[i], rows[i + random.below(n - i)]);
        rows.resize(std::min(keep, n));

        const VoteMatrix sample = votes.subset(rows);
        const std::vector<char> moderated = moderated_flags(sample, moderated_out);
        Settings rerun = s;
        rerun.seed = random.next();
        const Pass pass = run_pass(sample, moderated, rerun, carried, {}, full.k);
        if (pass.best_k == full.best_k) ++same_k;
        const auto theirs = assignments_of(sample, pass.group);
        const double ari = compare_groupings(ours, theirs).adjusted_rand_index;
        ari_sum += ari;
        ari_min = std::min(ari_min, ari);

        // Per group: the best Jaccard match among the rerun's groups, on the people both grouped.
        std::vector<std::pair<ParticipantId, int>> sorted_theirs = theirs;
        std::sort(sorted_theirs.begin(), sorted_theirs.end());
        for (std::size_t g = 0; g < out.groups.size(); ++g) {
            std::vector<long> both(static_cast<std::size_t>(pass.k), 0);
            long in_ours = 0;
            std::vector<long> sizes(static_cast<std::size_t>(pass.k), 0);
            for (const auto& assigned : sorted_theirs) ++sizes[static_cast<std::size_t>(assigned.second)];
            // Restrict our group to people who were sampled and grouped in the rerun.
            for (ParticipantId id : out.groups[g].members) {
                const auto it = std::lower_bound(sorted_theirs.begin(), sorted_theirs.end(), std::make_pair(id, -1));
                if (it == sorted_theirs.end() || it->first != id) continue;
                ++in_ours;
                ++both[static_cast<std::size_t>(it->second)];
            }
            double best = 0;
            for (std::size_t h = 0; h < both.size(); ++h) {
                const double uni = static_cast<double>(in_ours + sizes[h] - both[h]);
                if (uni > 0) best = std::max(best, static_cast<double>(both[h]) / uni);
            }
            jaccard_sum[g] += best;
        }
    }
    st.runs = s.stability_runs;
    st.mean_adjusted_rand = ari_sum / s.stability_runs;
    st.min_adjusted_rand = ari_min;
    st.same_k_share = static_cast<double>(same_k) / s.stability_runs;
    for (std::size_t g = 0; g < out.groups.size(); ++g) out.groups[g].stability = jaccard_sum[g] / s.stability_runs;
}

}  // namespace

OpinionGroupsDesc with_defaults(const OpinionGroupsDesc& desc) {
    auto or_default = [](int v, int fallback) { return v != 0 ? v : fallback; };
    OpinionGroupsDesc d = desc;
    d.min_votes = std::max(1, or_default(d.min_votes, 7));
    d.greedy_fill = d.greedy_fill < 0 ? -1 : or_default(d.greedy_fill, 15);
    d.base_clusters = std::max(2, or_default(d.base_clusters, 100));
    d.max_groups = std::max(2, or_default(d.max_groups, 5));
    d.fixed_groups = std::max(0, d.fixed_groups);
    d.k_buffer = std::max(1, or_default(d.k_buffer, 4));
    d.pca_iterations =
        std::max(1, or_default(d.pca_iterations, d.pca_method == PcaMethod::polis_power_iteration ? 100 : 200));
    d.base_iterations = std::max(1, or_default(d.base_iterations, 100));
    d.base_restarts = std::max(1, or_default(d.base_restarts, 1));
    d.group_iterations = std::max(1, or_default(d.group_iterations, 20));
    d.group_restarts = std::max(1, or_default(d.group_restarts, 32));
    d.stability_runs = d.stability_runs < 0 ? -1 : or_default(d.stability_runs, 10);
    d.stability_fraction = d.stability_fraction > 0 && d.stability_fraction <= 1 ? d.stability_fraction : 0.8;
    return d;
}

Result<OpinionGroups> compute_opinion_groups(const VoteMatrix& votes, std::span<const StatementId> moderated_out,
                                             const OpinionGroupsDesc& desc, const OpinionGroupsState& previous) {
    if (votes.participant_count() == 0 || votes.statement_count() == 0)
        return fail("there are no votes yet, so there is nothing to group; opinion groups appear once people vote");
    const Settings s = resolve(desc);
    const std::vector<char> moderated = moderated_flags(votes, moderated_out);
    const Pass pass = run_pass(votes, moderated, s, previous, desc.participant_order, 0);

    OpinionGroups out;
    out.status = pass.status;
    out.pca = pass.pca;
    out.silhouettes = pass.silhouettes;
    out.best_silhouette_k = pass.best_k;
    out.base_cluster_count = pass.base_count;

    const std::size_t n = votes.participant_count();
    out.participants.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
        ParticipantPlace& place = out.participants[p];
        place.participant = votes.participants()[p];
        place.place = pass.places[p];
        place.votes = static_cast<int>(votes.row(p).size());
        place.in_conversation = pass.in_conversation[p] != 0;
        place.group = pass.group[p];
    }

    const int k = pass.status == GroupingStatus::grouped ? pass.k : 0;
    out.groups.resize(static_cast<std::size_t>(k));
    for (int g = 0; g < k; ++g) out.groups[static_cast<std::size_t>(g)].id = g;
    std::vector<double> weight(static_cast<std::size_t>(k), 0.0);
    for (std::size_t p = 0; p < n; ++p) {
        const int g = pass.group[p];
        if (g < 0) continue;
        OpinionGroup& group = out.groups[static_cast<std::size_t>(g)];
        group.members.push_back(votes.participants()[p]);
        group.center.x += pass.places[p].x;
        group.center.y += pass.places[p].y;
        weight[static_cast<std::size_t>(g)] += 1;
    }
    for (std::size_t g = 0; g < out.groups.size(); ++g) {
        out.groups[g].center.x /= weight[g];
        out.groups[g].center.y /= weight[g];
    }

    const auto by_group = count_votes_by_group(votes, pass.group, k);
    const auto everyone = count_votes(votes);
    const auto representative = representative_statements(by_group, votes.statements(), moderated);
    for (std::size_t g = 0; g < out.groups.size(); ++g) out.groups[g].representative = representative[g];
    out.consensus = consensus_statements(everyone, votes.statements(), moderated);
    const auto gic = group_informed_consensus(by_group, votes.statement_count());
    const auto statement_places = project_statements(pass.pca);
    out.statements.resize(votes.statement_count());
    for (std::size_t st = 0; st < votes.statement_count(); ++st) {
        StatementResult& r = out.statements[st];
        r.statement = votes.statements()[st];
        r.moderated_out = moderated[st] != 0;
        r.everyone = everyone[st];
        for (int g = 0; g < k; ++g) r.by_group.push_back(by_group[static_cast<std::size_t>(g)][st]);
        r.group_informed_consensus = k > 0 ? gic[st] : 0.0;
        r.place = statement_places[st];
        r.extremity = std::sqrt(r.place.x * r.place.x + r.place.y * r.place.y);
    }

    measure_stability(votes, moderated_out, s, pass, out);

    OpinionGroupsState& state = out.state;
    for (std::size_t p = 0; p < n; ++p)
        if (pass.in_conversation[p]) state.in_conversation.push_back(votes.participants()[p]);
    state.last_k = pass.last_k;
    state.last_k_count = pass.last_k_count;
    state.smoothed_k = pass.smoothed_k != 0 ? pass.smoothed_k : previous.smoothed_k;
    if (pass.status != GroupingStatus::grouped) {
        state.last_k = previous.last_k;
        state.last_k_count = previous.last_k_count;
    }
    state.groups = assignments_of(votes, pass.group);
    state.component_statements = votes.statements();
    state.components = pass.pca.components;
    return out;
}

std::vector<std::pair<ParticipantId, int>> group_assignments(const OpinionGroups& groups) {
    std::vector<std::pair<ParticipantId, int>> out;
    for (const ParticipantPlace& p : groups.participants)
        if (p.group >= 0) out.emplace_back(p.participant, p.group);
    return out;
}

}  // namespace stadsmijn::polls
