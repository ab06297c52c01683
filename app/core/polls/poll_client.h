// The app's side of one poll: the participant's pseudonym, the outbox of votes, the answers the
// server gave, and which statement is on screen. The poll screen only draws what this says.
//
//   PollClient& client = clients[poll_id];           // one per poll, owned by the app model
//   ClientEffects out;
//   client.update(state, now_ms, out);               // every frame, on any screen: restore from
//                                                    // storage once, settle answers, send what is due
//   client.showing(statement);                       // the statement the screen draws
//   client.cast(statement, Vote::agree, {municipality, random32}, state, now_ms, out);
//   then apply `out`: storage writes first, then requests; `client.next_due_ms()` says when to
//   wake the app for a retry.
//
// Delivery is the outbox's (outbox.h): a vote is stored before it is shown as saved, sent with
// its idempotency key, counted only after the server's 200, and sent again after a pause (1 s,
// 2 s, 4 s, ...) or at once when the network returns (AppState::network_returns) or the
// participant asks ("Send now"). A tap within kTapGuardMs of the last vote (or of going back or
// forward) is ignored: a double tap on "agree" must not vote on the next statement, unread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/polls/outbox.h"

namespace stadsmijn::polls {

// What the client asks of the platform; the app applies it after the frame.
struct ClientEffects {
    std::map<std::string, std::string> store;  // storage key -> value
    std::vector<HttpRequest> requests;
    std::vector<std::string> forget_responses;
    unsigned votes_counted = 0;  // votes the server confirmed in this update (to announce)
};

enum class CastOutcome {
    queued,     // stored in the outbox (and being sent)
    ignored,    // not the statement on screen, or tapped before it could be read
    no_random,  // the platform gave no random bytes: no pseudonym or key could be made
    not_saved,  // the outbox refused it (full, or malformed)
};

// Where the participant's vote on a statement is.
enum class VoteState { none, saving, storage_failed, sending, waiting, rejected, counted };

struct VoteStatus {
    VoteState state = VoteState::none;
    std::string reason;  // storage_failed: the browser's words; rejected: the server's
};

struct CastContext {
    std::string municipality;                 // sent with the vote; empty when not chosen
    std::function<std::uint32_t()> random32;  // the platform's cryptographic random numbers
};

class PollClient {
public:
    static constexpr std::int64_t kTapGuardMs = 400;  // the two taps of a double tap are 90-300 ms apart

    PollClient() = default;
    explicit PollClient(std::string poll) : poll_(std::move(poll)) {}

    const std::string& poll() const { return poll_; }

    void update(const AppState& state, std::int64_t now_ms, ClientEffects& out);

    // The statement the screen shows this frame. Only a vote on it is taken, and not within
    // kTapGuardMs of the last vote or move (back, forward): that is the same tap again.
    void showing(StatementId statement) { shown_ = statement; }
    CastOutcome cast(StatementId statement, Vote vote, const CastContext& context, const AppState& state,
                     std::int64_t now_ms, ClientEffects& out);
    // "Send now": everything waiting goes at once.
    void send_now(std::int64_t now_ms, ClientEffects& out);

    // The statement to show: the one the participant went back to, else the first without a
    // vote in `order` (the poll's statements); nothing when every statement has a vote.
    std::optional<StatementId> current(const std::vector<StatementId>& order) const;
    // Back to the statement before the current one (its vote can be changed), and forward again.
    bool can_go_back(const std::vector<StatementId>& order) const;
    void go_back(const std::vector<StatementId>& order, std::int64_t now_ms);
    void go_forward(std::int64_t now_ms);
    bool reviewing() const { return reviewing_.has_value(); }

    std::optional<Vote> own_vote(StatementId statement) const;  // waiting or counted
    VoteStatus status(StatementId statement, const AppState& state) const;
    std::optional<StatementId> last_statement() const { return last_statement_; }
    std::size_t waiting() const;  // votes not sent or not answered after a first failure
    std::optional<std::int64_t> next_due_ms() const { return outbox_.next_due_ms(); }
    const std::map<StatementId, Vote>& counted() const { return counted_; }
    const Outbox& outbox() const { return outbox_; }

    // The poll's pseudonym, made and stored the first time it is needed.
    std::optional<std::string> participant(const AppState& state, const std::function<std::uint32_t()>& random32,
                                           ClientEffects& out);
    // The idempotency key for a statement of the participant's own: the same text sent again
    // (after a failure) keeps its key, so the server stores it once.
    std::string statement_key(const std::string& normalized_text, const std::function<std::uint32_t()>& random32);
    const std::string& statement_text() const { return statement_text_; }

    // Storage keys and request tags, shared with the tests.
    std::string participant_key() const { return "poll." + poll_ + ".participant"; }
    std::string outbox_key() const { return "poll." + poll_ + ".outbox"; }
    std::string counted_key() const { return "poll." + poll_ + ".counted"; }
    std::string vote_tag(const std::string& key) const { return "poll." + poll_ + ".vote." + key; }

private:
    void restore(const AppState& state, std::int64_t now_ms, ClientEffects& out);
    void settle_answers(const AppState& state, std::int64_t now_ms, ClientEffects& out);
    void send_due(std::int64_t now_ms, ClientEffects& out);

    std::string poll_;
    bool restored_ = false;
    unsigned network_returns_seen_ = 0;
    Outbox outbox_;
    std::map<StatementId, Vote> counted_;  // acknowledged by the server (200)
    std::optional<StatementId> last_statement_;
    std::optional<StatementId> reviewing_;
    std::optional<StatementId> shown_;
    std::optional<std::int64_t> last_transition_ms_;  // the last vote or move between statements
    // Made in this tab but perhaps not in storage (an embed where storage is refused): one
    // person stays one participant.
    std::string made_participant_;
    std::string statement_key_, statement_text_;
};

}  // namespace stadsmijn::polls
