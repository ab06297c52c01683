#include "core/polls/repness.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace stadsmijn::polls {

std::vector<std::vector<VoteCounts>> count_votes_by_group(const VoteMatrix& votes, std::span<const int> group,
                                                          int group_count) {
    std::vector<std::vector<VoteCounts>> counts(static_cast<std::size_t>(std::max(group_count, 0)),
                                                std::vector<VoteCounts>(votes.statement_count()));
    for (std::size_t p = 0; p < votes.participant_count(); ++p) {
        const int g = group[p];
        if (g < 0 || g >= group_count) continue;
        auto& row = counts[static_cast<std::size_t>(g)];
        for (const VoteCell& cell : votes.row(p)) {
            VoteCounts& c = row[cell.statement];
            ++c.seen;
            if (cell.vote == Vote::agree) ++c.agree;
            if (cell.vote == Vote::disagree) ++c.disagree;
        }
    }
    return counts;
}

std::vector<VoteCounts> count_votes(const VoteMatrix& votes) {
    std::vector<int> everyone(votes.participant_count(), 0);
    return count_votes_by_group(votes, everyone, 1)[0];
}

double proportion_test(double successes, double trials) {
    const double s = successes + 1;
    const double n = trials + 1;
    return 2 * std::sqrt(n) * (s / n - 0.5);
}

double two_proportion_test(double successes_in, double successes_out, double trials_in, double trials_out) {
    const double s1 = successes_in + 1, s2 = successes_out + 1;
    const double n1 = trials_in + 1, n2 = trials_out + 1;
    const double p1 = s1 / n1, p2 = s2 / n2;
    const double pooled = (s1 + s2) / (n1 + n2);
    if (pooled == 1.0) return 0.0;  // Pol.is returns 0 rather than dividing by zero
    return (p1 - p2) / std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

namespace {

struct GroupStatementStats {
    int na = 0, nd = 0, ns = 0;
    double pa = 0, pd = 0, pat = 0, pdt = 0;
    double ra = 0, rd = 0, rat = 0, rdt = 0;
};

GroupStatementStats stats_for(const VoteCounts& in, const VoteCounts& rest) {
    GroupStatementStats s;
    s.na = in.agree;
    s.nd = in.disagree;
    s.ns = in.seen;
    s.pa = (1.0 + s.na) / (2.0 + s.ns);
    s.pd = (1.0 + s.nd) / (2.0 + s.ns);
    s.pat = proportion_test(s.na, s.ns);
    s.pdt = proportion_test(s.nd, s.ns);
    s.ra = s.pa / ((1.0 + rest.agree) / (2.0 + rest.seen));
    s.rd = s.pd / ((1.0 + rest.disagree) / (2.0 + rest.seen));
    s.rat = two_proportion_test(s.na, rest.agree, s.ns, rest.seen);
    s.rdt = two_proportion_test(s.nd, rest.disagree, s.ns, rest.seen);
    return s;
}

RepresentativeStatement finalize(StatementId id, const GroupStatementStats& s) {
    RepresentativeStatement r;
    r.statement = id;
    r.agree = s.rat > s.rdt;
    r.successes = r.agree ? s.na : s.nd;
    r.trials = s.ns;
    r.probability = r.agree ? s.pa : s.pd;
    r.probability_test = r.agree ? s.pat : s.pdt;
    r.repness = r.agree ? s.ra : s.rd;
    r.repness_test = r.agree ? s.rat : s.rdt;
    return r;
}

double metric(const RepresentativeStatement& r) {
    return r.repness * r.repness_test * r.probability * r.probability_test;
}

bool passes(const GroupStatementStats& s) {
    return (s.rat > significant_at_90 && s.pat > significant_at_90) ||
           (s.rdt > significant_at_90 && s.pdt > significant_at_90);
}

// Pol.is's beats-best-agr?, clause by clause.
bool beats_best_agree(const GroupStatementStats& s, const std::optional<GroupStatementStats>& best) {
    if (s.na == 0 && s.nd == 0) return false;
    if (best && best->ra > 1.0) return s.ra * s.rat * s.pa * s.pat > best->ra * best->rat * best->pa * best->pat;
    if (best) return s.pa * s.pat > best->pa * best->pat;
    return s.pat > significant_at_90 || (s.ra > 1.0 && s.pa > 0.5);
}

}  // namespace

std::vector<std::vector<RepresentativeStatement>> representative_statements(
    const std::vector<std::vector<VoteCounts>>& counts, std::span<const StatementId> statement_ids,
    std::span<const char> moderated_out) {
    const std::size_t groups = counts.size();
    const std::size_t statements = statement_ids.size();
    std::vector<std::vector<RepresentativeStatement>> result(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        std::vector<RepresentativeStatement> sufficient;
        std::optional<RepresentativeStatement> best;
        std::optional<GroupStatementStats> best_agree;
        StatementId best_agree_id = 0;
        for (std::size_t s = 0; s < statements; ++s) {
            if (moderated_out[s]) continue;
            VoteCounts rest;
            for (std::size_t h = 0; h < groups; ++h) {
                if (h == g) continue;
                rest.agree += counts[h][s].agree;
                rest.disagree += counts[h][s].disagree;
                rest.seen += counts[h][s].seen;
            }
            const GroupStatementStats st = stats_for(counts[g][s], rest);
            if (passes(st)) sufficient.push_back(finalize(statement_ids[s], st));
            if (sufficient.empty() && (!best || std::max(st.rat, st.rdt) > best->repness_test))
                best = finalize(statement_ids[s], st);
            if (beats_best_agree(st, best_agree)) {
                best_agree = st;
                best_agree_id = statement_ids[s];
            }
        }
        std::optional<RepresentativeStatement> head;
        if (best_agree) {
            // Pol.is finalises the best agree with the general rule, so it may read as a disagree.
            head = finalize(best_agree_id, *best_agree);
            head->best_agree = true;
        }
        std::vector<RepresentativeStatement> chosen;
        if (sufficient.empty()) {
            if (head) chosen.push_back(*head);
            else if (best) chosen.push_back(*best);
        } else {
            std::vector<RepresentativeStatement> rest;
            for (const auto& r : sufficient)
                if (!head || r.statement != head->statement) rest.push_back(r);
            std::stable_sort(rest.begin(), rest.end(),
                             [](const auto& a, const auto& b) { return metric(a) > metric(b); });
            if (head) chosen.push_back(*head);
            for (const auto& r : rest) chosen.push_back(r);
            if (chosen.size() > 5) chosen.resize(5);
            std::stable_partition(chosen.begin(), chosen.end(), [](const auto& r) { return r.agree; });
        }
        result[g] = std::move(chosen);
    }
    return result;
}

Consensus consensus_statements(std::span<const VoteCounts> counts, std::span<const StatementId> statement_ids,
                               std::span<const char> moderated_out) {
    Consensus out;
    auto top = [&](bool agree) {
        std::vector<ConsensusStatement> list;
        for (std::size_t s = 0; s < counts.size(); ++s) {
            if (moderated_out[s]) continue;
            const VoteCounts& c = counts[s];
            ConsensusStatement cs;
            cs.statement = statement_ids[s];
            cs.successes = agree ? c.agree : c.disagree;
            cs.trials = c.seen;
            cs.probability = (1.0 + cs.successes) / (2.0 + cs.trials);
            cs.probability_test = proportion_test(cs.successes, cs.trials);
            if (cs.probability > 0.5 && cs.probability_test > significant_at_90) list.push_back(cs);
        }
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.probability * a.probability_test > b.probability * b.probability_test;
        });
        if (list.size() > 5) list.resize(5);
        return list;
    };
    out.agree = top(true);
    out.disagree = top(false);
    return out;
}

std::vector<double> group_informed_consensus(const std::vector<std::vector<VoteCounts>>& counts,
                                             std::size_t statement_count) {
    std::vector<double> gic(statement_count, 1.0);
    for (const auto& group : counts)
        for (std::size_t s = 0; s < statement_count; ++s)
            gic[s] *= (group[s].agree + 1.0) / (group[s].seen + 2.0);
    return gic;
}

}  // namespace stadsmijn::polls
