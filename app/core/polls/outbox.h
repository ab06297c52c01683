// The app's outbox: votes written down before they are shown as cast, and delivered exactly once.
//
// A vote goes into the outbox (and the outbox into browser storage) before the screen says
// "saved". The platform layer then sends what is due, one request per vote, and reports each
// answer back. Exactly once comes from two halves: the outbox resends a vote until the server
// has answered for it (at least once), and the server stores each idempotency key once (at
// most once). A changed vote gets a new key and replaces the old one on the server.
//
//   auto restored = Outbox::restore(storage.read("stadsmijn.outbox"));   // never fails
//   if (restored.keep_stored_text) storage.write("stadsmijn.outbox.unreadable", stored);
//   Outbox outbox = std::move(restored.outbox);
//
//   outbox.add(vote, now_ms);                              // vote.key from make_idempotency_key
//   storage.write("stadsmijn.outbox", outbox.to_json());   // then show the vote as saved
//
//   for (const PendingVote& due : outbox.take_due(now_ms, 4))
//       fetch("POST", vote_request_path(due.vote.poll), vote_request_body(due.vote));
//   ... on each answer (status 0 when the network failed):
//   outbox.settle(key, status, now_ms, retry_after_ms, error_message_from_body);
//   storage.write("stadsmijn.outbox", outbox.to_json());
//
// Ordering: two votes on the same statement by the same participant are delivered in the order
// they were cast (a later one is not sent while an earlier one is in flight), so the server keeps
// the latest. A queued vote that has not been sent yet is simply replaced by a newer one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/polls/vote_request.h"

namespace stadsmijn::polls {

struct PendingVote {
    VoteRequest vote;
    std::int64_t queued_at_ms = 0;
    int attempts = 0;  // requests sent so far
    std::int64_t next_attempt_ms = 0;
    bool in_flight = false;  // sent, answer not in yet (not stored: after a restart it is due again)
};

struct RejectedVote {
    VoteRequest vote;
    std::string reason;  // the server's error message, for the screen
    int status = 0;
};

enum class DeliveryOutcome {
    delivered,    // 200: stored on the server (or already was)
    retry_later,  // no answer, 408, 425, 429, 5xx: send again after a pause
    rejected,     // any other answer: sending again would not help
};

DeliveryOutcome classify_delivery(int http_status);

// The pause before attempt n+1 after n failed attempts: 1 s, 2 s, 4 s, ... at most 5 minutes.
std::int64_t retry_delay_ms(int failed_attempts);

class Outbox {
public:
    static constexpr std::size_t kMaxPending = 2000;  // a participant cannot cast more; protects storage
    static constexpr std::size_t kMaxRejected = 50;   // the most recent are kept for the screen

    // Queues a vote. Fails when the vote is malformed or the outbox is full. A queued, unsent vote
    // by the same participant on the same statement is replaced; an in-flight one is kept and
    // this one goes after it.
    Result<bool> add(VoteRequest vote, std::int64_t now_ms);

    // Votes due at now_ms, oldest first, at most `limit`; they are marked in flight.
    std::vector<PendingVote> take_due(std::int64_t now_ms, std::size_t limit);

    // The answer for the vote with `key`. retry_after_ms: the server's Retry-After, if any.
    // Returns what became of it, or nothing when no vote has that key (an answer for a vote
    // already settled: harmless).
    std::optional<DeliveryOutcome> settle(std::string_view key, int http_status, std::int64_t now_ms,
                                          std::optional<std::int64_t> retry_after_ms = std::nullopt,
                                          std::string_view error_message = {});

    // After the app restarts or the network returns: everything in flight or waiting is due now.
    void wake(std::int64_t now_ms);

    // The earliest time something is due (to set a timer), or nothing when the outbox is empty
    // or everything is in flight.
    std::optional<std::int64_t> next_due_ms() const;

    const std::vector<PendingVote>& pending() const { return pending_; }
    const std::vector<RejectedVote>& rejected() const { return rejected_; }
    bool empty() const { return pending_.empty(); }
    // The vote this participant will end up with on a statement, counting unsent ones.
    std::optional<Vote> latest_vote(std::string_view poll, StatementId statement) const;

    std::string to_json() const;  // versioned: {"format":"stadsmijn-outbox","version":1,...}

    struct Restored;
    // Never fails and never throws: what can be read is kept, the rest is named in `problems`.
    static Restored restore(std::string_view stored);

private:
    std::vector<PendingVote> pending_;  // in the order cast
    std::vector<RejectedVote> rejected_;
};

struct Outbox::Restored {
    Outbox outbox;
    std::vector<std::string> problems;  // what could not be read, in words for a log or a notice
    std::size_t recovered = 0;          // votes read back
    std::size_t dropped = 0;            // entries that could not be read
    // True when some of the stored text could not be used (broken, or from a newer app): keep it
    // aside before the outbox is stored again, so nothing is lost for good.
    bool keep_stored_text = false;
};

}  // namespace stadsmijn::polls
