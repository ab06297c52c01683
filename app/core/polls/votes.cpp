#include "core/polls/votes.h"

#include <algorithm>
#include <numeric>

namespace stadsmijn::polls {

Result<Vote> vote_from_number(long value, SignConvention convention) {
    const long agree = convention == SignConvention::agree_positive ? 1 : -1;
    if (value == 0) return Vote::pass;
    if (value == agree) return Vote::agree;
    if (value == -agree) return Vote::disagree;
    return fail("a vote must be 1, -1 or 0 (pass), not " + std::to_string(value));
}

int vote_to_number(Vote vote, SignConvention convention) {
    const int value = static_cast<int>(vote);
    return convention == SignConvention::agree_positive ? value : -value;
}

const char* vote_name(Vote vote) {
    switch (vote) {
        case Vote::agree: return "agree";
        case Vote::disagree: return "disagree";
        case Vote::pass: return "pass";
    }
    return "pass";
}

Result<VoteMatrix> VoteMatrix::from_records(std::span<const VoteRecord> records) {
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto v = static_cast<int>(records[i].vote);
        if (v < -1 || v > 1) {
            return fail("vote " + std::to_string(i + 1) + " (participant " +
                        std::to_string(records[i].participant) + ", statement " +
                        std::to_string(records[i].statement) + ") is not agree, disagree or pass");
        }
    }

    // Sort record positions so each (participant, statement) pair ends with its latest vote.
    std::vector<std::size_t> order(records.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const VoteRecord& x = records[a];
        const VoteRecord& y = records[b];
        if (x.participant != y.participant) return x.participant < y.participant;
        if (x.statement != y.statement) return x.statement < y.statement;
        if (x.time != y.time) return x.time < y.time;
        return a < b;
    });

    VoteMatrix m;
    m.statements_.reserve(records.size() / 8 + 1);
    for (const VoteRecord& r : records) m.statements_.push_back(r.statement);
    std::sort(m.statements_.begin(), m.statements_.end());
    m.statements_.erase(std::unique(m.statements_.begin(), m.statements_.end()), m.statements_.end());

    m.cells_.reserve(records.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const VoteRecord& r = records[order[i]];
        const bool last_of_pair = i + 1 == order.size() ||
                                  records[order[i + 1]].participant != r.participant ||
                                  records[order[i + 1]].statement != r.statement;
        if (!last_of_pair) continue;
        if (m.participants_.empty() || m.participants_.back() != r.participant) {
            if (!m.participants_.empty()) m.row_start_.push_back(m.cells_.size());
            m.participants_.push_back(r.participant);
        }
        const auto s = std::lower_bound(m.statements_.begin(), m.statements_.end(), r.statement) -
                       m.statements_.begin();
        m.cells_.push_back({static_cast<std::uint32_t>(s), r.vote});
    }
    if (!m.participants_.empty()) m.row_start_.push_back(m.cells_.size());
    return m;
}

std::optional<std::size_t> VoteMatrix::participant_index(ParticipantId id) const {
    const auto it = std::lower_bound(participants_.begin(), participants_.end(), id);
    if (it == participants_.end() || *it != id) return std::nullopt;
    return static_cast<std::size_t>(it - participants_.begin());
}

std::optional<std::size_t> VoteMatrix::statement_index(StatementId id) const {
    const auto it = std::lower_bound(statements_.begin(), statements_.end(), id);
    if (it == statements_.end() || *it != id) return std::nullopt;
    return static_cast<std::size_t>(it - statements_.begin());
}

std::optional<Vote> VoteMatrix::vote(std::size_t p, std::size_t s) const {
    const auto cells = row(p);
    const auto it = std::lower_bound(cells.begin(), cells.end(), s,
                                     [](const VoteCell& c, std::size_t v) { return c.statement < v; });
    if (it == cells.end() || it->statement != s) return std::nullopt;
    return it->vote;
}

VoteMatrix VoteMatrix::subset(std::span<const std::size_t> participant_indices) const {
    std::vector<std::size_t> rows(participant_indices.begin(), participant_indices.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    std::vector<char> used(statements_.size(), 0);
    for (std::size_t p : rows)
        for (const VoteCell& c : row(p)) used[c.statement] = 1;
    std::vector<std::uint32_t> remap(statements_.size(), 0);
    VoteMatrix m;
    for (std::size_t s = 0; s < statements_.size(); ++s) {
        if (!used[s]) continue;
        remap[s] = static_cast<std::uint32_t>(m.statements_.size());
        m.statements_.push_back(statements_[s]);
    }
    for (std::size_t p : rows) {
        const auto cells = row(p);
        if (cells.empty()) continue;
        m.participants_.push_back(participants_[p]);
        for (const VoteCell& c : cells) m.cells_.push_back({remap[c.statement], c.vote});
        m.row_start_.push_back(m.cells_.size());
    }
    return m;
}

std::vector<VoteRecord> VoteMatrix::records() const {
    std::vector<VoteRecord> out;
    out.reserve(cells_.size());
    for (std::size_t p = 0; p < participants_.size(); ++p)
        for (const VoteCell& c : row(p)) out.push_back({participants_[p], statements_[c.statement], c.vote, 0});
    return out;
}

}  // namespace stadsmijn::polls
