// Votes and the vote matrix: who said what about which statement.
//
// Usage:
//     std::vector<polls::VoteRecord> records = ...;            // from the store or an import
//     auto matrix = polls::VoteMatrix::from_records(records);  // latest vote per pair wins
//     if (!matrix) show(matrix.error());
//
// Internally agree is +1, disagree -1 and pass 0, as in Pol.is's CSV exports. Pol.is's database,
// its vote API and some 2024 `votes.csv` files use the opposite sign (agree -1): convert at the
// border with vote_from_number(value, SignConvention::agree_negative).
//
// Participants and statements are numbered by the caller (the server's row ids, Pol.is's pid and
// tid). The matrix keeps them sorted, so the order records arrive in never changes a result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace stadsmijn::polls {

using ParticipantId = std::int64_t;
using StatementId = std::int64_t;

enum class Vote : std::int8_t { disagree = -1, pass = 0, agree = 1 };

// Which number means "agree" in a file or an API.
enum class SignConvention {
    agree_positive,  // Pol.is CSV exports, Stadsmijn: agree +1, disagree -1
    agree_negative,  // Pol.is database and vote API: agree -1, disagree +1
};

Result<Vote> vote_from_number(long value, SignConvention convention);
int vote_to_number(Vote vote, SignConvention convention);
const char* vote_name(Vote vote);  // "agree", "disagree", "pass"

struct VoteRecord {
    ParticipantId participant = 0;
    StatementId statement = 0;
    Vote vote = Vote::pass;
    // Any increasing clock (Pol.is uses milliseconds). A later vote on the same statement by the
    // same participant replaces the earlier one; equal times keep input order.
    std::int64_t time = 0;
};

// One filled cell of a participant's row.
struct VoteCell {
    std::uint32_t statement;  // index into VoteMatrix::statements()
    Vote vote;
};

// Participants x statements, sparse: each participant's row holds only the statements they voted
// on, sorted by statement index. Statements appear once someone has voted on them.
class VoteMatrix {
public:
    VoteMatrix() = default;

    static Result<VoteMatrix> from_records(std::span<const VoteRecord> records);

    const std::vector<ParticipantId>& participants() const { return participants_; }  // ascending
    const std::vector<StatementId>& statements() const { return statements_; }        // ascending
    std::size_t participant_count() const { return participants_.size(); }
    std::size_t statement_count() const { return statements_.size(); }
    std::size_t vote_count() const { return cells_.size(); }

    std::span<const VoteCell> row(std::size_t participant_index) const {
        return {cells_.data() + row_start_[participant_index],
                cells_.data() + row_start_[participant_index + 1]};
    }

    std::optional<std::size_t> participant_index(ParticipantId id) const;
    std::optional<std::size_t> statement_index(StatementId id) const;
    std::optional<Vote> vote(std::size_t participant_index, std::size_t statement_index) const;

    // The matrix restricted to the given participant rows (indices into participants()), for
    // resampling. Statements nobody in the subset voted on are dropped.
    VoteMatrix subset(std::span<const std::size_t> participant_indices) const;

    // Back to records, one per filled cell, ordered by participant then statement.
    std::vector<VoteRecord> records() const;

private:
    std::vector<ParticipantId> participants_;
    std::vector<StatementId> statements_;
    std::vector<std::size_t> row_start_{0};
    std::vector<VoteCell> cells_;
};

}  // namespace stadsmijn::polls
