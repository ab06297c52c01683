// Pol.is's CSV export set, read from and written to strings.
//
// Reading (from bytes; files are the caller's business):
//     auto table = polls::parse_participants_votes_csv(text);        // agree +1, as exported
//     auto comments = polls::parse_comments_csv(comments_text);
//     auto matrix = polls::VoteMatrix::from_records(table.value().votes);
//     auto mod_out = polls::moderated_out_statements(comments.value());
// Errors name the file, the line and the column, e.g.
//     "participants-votes.csv line 14, column \"37\": a vote must be 1, -1, 0 or empty, not \"x\"".
//
// Sign conventions: Pol.is's CSV exports write agree as +1 (the default here). Its database and
// some 2024 server `votes.csv` files write agree as -1; pass SignConvention::agree_negative for
// those, or let check_sign_convention compare a file's votes with comments.csv's agree counts.
//
// Writing produces the same columns, in Pol.is's order, with agree +1.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/polls/votes.h"
#include "core/result.h"

namespace stadsmijn::polls {

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; a UTF-8
// byte order mark is skipped. file_name only labels error messages.
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, std::string_view file_name);

struct PolisParticipant {
    ParticipantId participant = 0;
    std::string xid;                 // only in exports that carry it
    std::optional<int> group;        // Pol.is's opinion group, when it grouped this participant
    int comments = 0, votes = 0, agrees = 0, disagrees = 0;  // as the file states them
};

struct PolisParticipantVotes {
    std::vector<StatementId> statements;        // the comment columns, in file order
    std::vector<PolisParticipant> participants; // in file order
    std::vector<VoteRecord> votes;              // one per filled cell, agree +1 internally
    std::vector<std::string> warnings;          // odd but usable: counts that do not add up, ...
};

Result<PolisParticipantVotes> parse_participants_votes_csv(
    std::string_view text, SignConvention convention = SignConvention::agree_positive);

struct PolisComment {
    StatementId comment = 0;
    ParticipantId author = 0;
    std::int64_t timestamp = 0;  // milliseconds (Pol.is's Clojure export) or as given
    int agrees = 0, disagrees = 0;
    int moderated = 0;           // -1 moderated out, 0 unmoderated, 1 accepted
    bool is_meta = false;        // only in exports that carry it; Pol.is zeroes meta columns
    std::string body;
    bool is_seed = false;        // only in exports that carry it; seeded by the moderator (no effect on groups)
};

Result<std::vector<PolisComment>> parse_comments_csv(std::string_view text);

// votes.csv: every vote ever cast, with its time; VoteMatrix::from_records keeps the latest.
Result<std::vector<VoteRecord>> parse_votes_csv(std::string_view text,
                                                SignConvention convention = SignConvention::agree_positive);

// The statements Pol.is leaves out of the maths: moderated out (-1) or meta.
std::vector<StatementId> moderated_out_statements(std::span<const PolisComment> comments);

// Compares a matrix read with agree +1 against comments.csv's agree/disagree counts. Old exports
// do not always match exactly (compdemocracy/openData#6), so this counts which reading fits more
// comments; a file read with the wrong sign shows up as agrees and disagrees swapped.
struct SignCheck {
    SignConvention likely = SignConvention::agree_positive;
    std::size_t fit_agree_positive = 0;  // comments whose counts match reading agree as +1
    std::size_t fit_agree_negative = 0;  // ... reading agree as -1
    std::size_t compared = 0;
};
SignCheck check_sign_convention(const VoteMatrix& read_as_agree_positive, std::span<const PolisComment> comments);

// Writers. `groups` holds (participant, group) for the grouped; others get an empty group-id.
std::string write_participants_votes_csv(const VoteMatrix& votes,
                                         std::span<const std::pair<ParticipantId, int>> groups,
                                         std::span<const PolisComment> comments = {});
// Recounts agrees and disagrees from the matrix, as Pol.is's exporter does.
std::string write_comments_csv(std::span<const PolisComment> comments, const VoteMatrix& votes);
// time is written both as milliseconds and as JavaScript Date text in UTC.
std::string write_votes_csv(std::span<const VoteRecord> votes);

// "Tue Oct 22 2024 20:32:15 GMT+0000 (Coordinated Universal Time)" for milliseconds since 1970.
std::string javascript_date_text(std::int64_t milliseconds);

}  // namespace stadsmijn::polls
