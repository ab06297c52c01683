// The two things a participant sends: a vote and a statement of their own. Parsing and checking
// live here so that the app refuses a bad request before it is queued and the server refuses it
// with the same words.
//
//   POST /api/polls/{poll}/votes
//     {"participant": "k3v...", "statement": 4, "vote": "agree", "key": "q7x...", "municipality": "haarlem"}
//   POST /api/polls/{poll}/statements
//     {"participant": "k3v...", "text": "...", "language": "nl", "key": "z2m...", "municipality": "haarlem"}
//
//   auto vote = polls::parse_vote_request(poll_id, body);          // shape, types, formats
//   if (!vote) return bad_request(vote.error());                    // "vote: must be ..."
//   if (auto problem = polls::check_vote_targets(vote.value(), known)) return not_found(*problem);
//
// `participant` is the per-poll pseudonym (pseudonym.h), `key` the idempotency key: sending the
// same key again changes nothing. `municipality` is optional (empty or absent: not given).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/polls/votes.h"
#include "core/result.h"

namespace stadsmijn::polls {

inline constexpr std::size_t kTokenMinLength = 16;  // pseudonyms and keys: at least 96 bits in base32/64
inline constexpr std::size_t kTokenMaxLength = 64;
inline constexpr std::size_t kMaxRequestBytes = 4096;  // a vote or statement body, JSON included

bool is_valid_pseudonym(std::string_view text);
bool is_valid_idempotency_key(std::string_view text);
bool is_valid_poll_id(std::string_view text);  // kebab-case, as content ids

Result<Vote> vote_from_name(std::string_view name);  // "agree", "disagree", "pass"

struct VoteRequest {
    std::string poll;  // from the URL path
    std::string participant;
    StatementId statement = 0;
    Vote vote = Vote::pass;
    std::string key;
    std::string municipality;  // empty when not given

    bool operator==(const VoteRequest&) const = default;
};

struct StatementRequest {
    std::string poll;
    std::string participant;
    std::string text;      // normalized: trimmed, single spaces
    std::string language;  // "nl" or "en"
    std::string key;
    std::string municipality;
};

// Parse the JSON body of a request. Every failure names the field and what it must be.
Result<VoteRequest> parse_vote_request(std::string_view poll, std::string_view body);
Result<StatementRequest> parse_statement_request(std::string_view poll, std::string_view body);

// The JSON body the app sends for a vote (the poll travels in the URL).
std::string vote_request_body(const VoteRequest& vote);
std::string statement_request_body(const StatementRequest& statement);
std::string vote_request_path(std::string_view poll);       // "/api/polls/{poll}/votes"
std::string statement_request_path(std::string_view poll);  // "/api/polls/{poll}/statements"

// What exists: the statements of the poll that take votes, and the municipalities of content/.
struct KnownTargets {
    std::function<bool(StatementId)> statement;
    std::function<bool(std::string_view)> municipality;
};

// Nothing when the vote's statement and municipality exist; otherwise what does not.
std::optional<std::string> check_vote_targets(const VoteRequest& vote, const KnownTargets& known);
std::optional<std::string> check_statement_targets(const StatementRequest& statement, const KnownTargets& known);

}  // namespace stadsmijn::polls
