#include "core/polls/poll_client.h"

#include <algorithm>
#include <cstdlib>

#include "core/polls/poll_wire.h"
#include "core/polls/pseudonym.h"

namespace stadsmijn::polls {

namespace {

constexpr std::size_t kSendsPerUpdate = 4;

const std::string* stored(const AppState& state, const std::string& key) {
    auto found = state.stored.find(key);
    return found == state.stored.end() ? nullptr : &found->second;
}

std::vector<std::uint8_t> random_bytes(const std::function<std::uint32_t()>& random32) {
    std::vector<std::uint8_t> bytes;
    if (!random32) return bytes;
    while (bytes.size() < kRandomBytesPerToken) {
        std::uint32_t word = random32();
        for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(word >> (8 * i)));
    }
    return bytes;
}

std::string counted_to_json(const std::map<StatementId, Vote>& counted) {
    Json json = Json::object();
    for (const auto& [statement, vote] : counted) json[std::to_string(statement)] = vote_name(vote);
    return json.dump();
}

std::map<StatementId, Vote> counted_from_json(const std::string& text) {
    std::map<StatementId, Vote> counted;
    Json parsed = Json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return counted;
    for (const auto& [key, value] : parsed.items()) {
        if (!value.is_string()) continue;
        auto vote = vote_from_name(value.get<std::string>());
        char* end = nullptr;
        long long id = std::strtoll(key.c_str(), &end, 10);
        if (vote && end && *end == '\0' && id > 0) counted[id] = vote.value();
    }
    return counted;
}

}  // namespace

// Reads the outbox and the counted votes back from storage, once: what was in flight when the
// page closed is due again (the server drops a repeated key).
void PollClient::restore(const AppState& state, std::int64_t now_ms, ClientEffects& out) {
    restored_ = true;
    network_returns_seen_ = state.network_returns;
    if (const std::string* text = stored(state, outbox_key())) {
        auto restored = Outbox::restore(*text);
        if (restored.keep_stored_text) out.store[outbox_key() + ".unreadable"] = *text;
        outbox_ = std::move(restored.outbox);
        outbox_.wake(now_ms);
    }
    if (const std::string* text = stored(state, counted_key())) counted_ = counted_from_json(*text);
}

void PollClient::update(const AppState& state, std::int64_t now_ms, ClientEffects& out) {
    if (!restored_) restore(state, now_ms, out);
    if (state.network_returns != network_returns_seen_) {
        network_returns_seen_ = state.network_returns;
        outbox_.wake(now_ms);  // the network is back: no reason to wait out the pause
    }
    settle_answers(state, now_ms, out);
    send_due(now_ms, out);
}

void PollClient::settle_answers(const AppState& state, std::int64_t now_ms, ClientEffects& out) {
    bool changed = false;
    std::vector<PendingVote> answered;
    for (const auto& pending : outbox_.pending())
        if (state.responses.count(vote_tag(pending.vote.key))) answered.push_back(pending);
    for (const PendingVote& pending : answered) {
        const std::string tag = vote_tag(pending.vote.key);
        const HttpResponse& answer = state.responses.at(tag);
        auto outcome = outbox_.settle(pending.vote.key, answer.status, now_ms, std::nullopt, wire_error(answer.body));
        out.forget_responses.push_back(tag);
        changed = true;
        if (outcome != DeliveryOutcome::delivered) continue;
        // A newer vote on the same statement may still wait: it is counted when it lands.
        auto latest = outbox_.latest_vote(poll_, pending.vote.statement);
        if (!latest || *latest == pending.vote.vote) {
            counted_[pending.vote.statement] = pending.vote.vote;
            out.store[counted_key()] = counted_to_json(counted_);
            out.votes_counted += 1;
        }
    }
    // A second answer for a vote already settled (it was sent twice): nothing left to do with it.
    const std::string prefix = "poll." + poll_ + ".vote.";
    for (const auto& [tag, response] : state.responses) {
        if (tag.compare(0, prefix.size(), prefix) != 0) continue;
        std::string key = tag.substr(prefix.size());
        bool pending = std::any_of(outbox_.pending().begin(), outbox_.pending().end(),
                                   [&](const PendingVote& p) { return p.vote.key == key; });
        bool just_settled =
            std::any_of(answered.begin(), answered.end(), [&](const PendingVote& p) { return p.vote.key == key; });
        if (!pending && !just_settled) out.forget_responses.push_back(tag);
    }
    if (changed) out.store[outbox_key()] = outbox_.to_json();
}

void PollClient::send_due(std::int64_t now_ms, ClientEffects& out) {
    auto due = outbox_.take_due(now_ms, kSendsPerUpdate);
    for (const PendingVote& vote : due)
        out.requests.push_back(
            {vote_tag(vote.vote.key), "POST", vote_request_path(poll_), vote_request_body(vote.vote)});
    if (!due.empty()) out.store[outbox_key()] = outbox_.to_json();
}

void PollClient::send_now(std::int64_t now_ms, ClientEffects& out) {
    outbox_.wake(now_ms);
    send_due(now_ms, out);
}

CastOutcome PollClient::cast(StatementId statement, Vote vote, const CastContext& context, const AppState& state,
                             std::int64_t now_ms, ClientEffects& out) {
    if (!shown_ || *shown_ != statement) return CastOutcome::ignored;
    if (last_transition_ms_ && now_ms - *last_transition_ms_ < kTapGuardMs) return CastOutcome::ignored;
    auto who = participant(state, context.random32, out);
    auto key = make_idempotency_key(random_bytes(context.random32));
    if (!who || !key) return CastOutcome::no_random;
    VoteRequest request{.poll = poll_,
                        .participant = *who,
                        .statement = statement,
                        .vote = vote,
                        .key = key.value(),
                        .municipality = context.municipality};
    if (!outbox_.add(request, now_ms)) return CastOutcome::not_saved;
    last_statement_ = statement;
    last_transition_ms_ = now_ms;
    reviewing_.reset();  // a changed vote: on to the first statement without one
    out.store[outbox_key()] = outbox_.to_json();
    send_due(now_ms, out);
    return CastOutcome::queued;
}

std::optional<StatementId> PollClient::current(const std::vector<StatementId>& order) const {
    if (reviewing_ && std::find(order.begin(), order.end(), *reviewing_) != order.end()) return reviewing_;
    for (StatementId statement : order)
        if (!own_vote(statement)) return statement;
    return std::nullopt;
}

bool PollClient::can_go_back(const std::vector<StatementId>& order) const {
    auto shown = current(order);
    auto at = shown ? std::find(order.begin(), order.end(), *shown) : order.end();
    return at != order.begin() && !order.empty();
}

void PollClient::go_back(const std::vector<StatementId>& order, std::int64_t now_ms) {
    if (!can_go_back(order)) return;
    auto shown = current(order);
    auto at = shown ? std::find(order.begin(), order.end(), *shown) : order.end();
    reviewing_ = *(at - 1);
    last_transition_ms_ = now_ms;
}

void PollClient::go_forward(std::int64_t now_ms) {
    reviewing_.reset();
    last_transition_ms_ = now_ms;
}

std::optional<Vote> PollClient::own_vote(StatementId statement) const {
    if (auto waiting = outbox_.latest_vote(poll_, statement)) return waiting;
    auto found = counted_.find(statement);
    if (found != counted_.end()) return found->second;
    return std::nullopt;
}

VoteStatus PollClient::status(StatementId statement, const AppState& state) const {
    for (const auto& pending : outbox_.pending()) {
        if (pending.vote.statement != statement) continue;
        const std::string* text = stored(state, outbox_key());
        if (!text || *text != outbox_.to_json()) {
            auto error = state.storage_errors.find(outbox_key());
            if (error == state.storage_errors.end()) return {VoteState::saving, {}};
            return {VoteState::storage_failed, error->second};
        }
        if (pending.in_flight && pending.attempts <= 1) return {VoteState::sending, {}};
        return {VoteState::waiting, {}};
    }
    for (const auto& rejected : outbox_.rejected())
        if (rejected.vote.statement == statement && !counted_.count(statement))
            return {VoteState::rejected, rejected.reason};
    if (counted_.count(statement)) return {VoteState::counted, {}};
    return {};
}

std::size_t PollClient::waiting() const {
    std::size_t n = 0;
    for (const auto& pending : outbox_.pending())
        if (!pending.in_flight || pending.attempts > 1) ++n;
    return n;
}

std::optional<std::string> PollClient::participant(const AppState& state,
                                                   const std::function<std::uint32_t()>& random32, ClientEffects& out) {
    if (const std::string* own = stored(state, participant_key()); own && is_valid_pseudonym(*own)) return *own;
    if (!made_participant_.empty()) {
        out.store[participant_key()] = made_participant_;  // try storing it again
        return made_participant_;
    }
    auto made = make_pseudonym(random_bytes(random32));
    if (!made) return std::nullopt;
    made_participant_ = made.value();
    out.store[participant_key()] = made_participant_;
    return made_participant_;
}

std::string PollClient::statement_key(const std::string& normalized_text,
                                      const std::function<std::uint32_t()>& random32) {
    if (statement_key_.empty() || statement_text_ != normalized_text) {
        auto key = make_idempotency_key(random_bytes(random32));
        statement_key_ = key ? key.value() : std::string();
        statement_text_ = normalized_text;
    }
    return statement_key_;
}

}  // namespace stadsmijn::polls
