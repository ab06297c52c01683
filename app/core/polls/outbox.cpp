#include "core/polls/outbox.h"

#include <algorithm>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace stadsmijn::polls {

namespace {

using Json = nlohmann::json;

constexpr const char* kFormat = "stadsmijn-outbox";
constexpr int kVersion = 1;
constexpr std::int64_t kMaxRetryDelayMs = 5 * 60 * 1000;

bool same_target(const VoteRequest& a, const VoteRequest& b) {
    return a.poll == b.poll && a.participant == b.participant && a.statement == b.statement;
}

Json vote_to_json(const VoteRequest& vote) {
    return Json{{"poll", vote.poll},
                {"participant", vote.participant},
                {"statement", vote.statement},
                {"vote", vote_name(vote.vote)},
                {"key", vote.key},
                {"municipality", vote.municipality}};
}

// A stored vote goes through the same parser as a request, so a stored entry is exactly as
// trustworthy as one just made.
Result<VoteRequest> vote_from_json(const Json& entry) {
    if (!entry.is_object()) return fail("is not an object");
    auto poll = entry.find("poll");
    if (poll == entry.end() || !poll->is_string()) return fail("has no poll id");
    Json body = Json::object();
    for (const char* field : {"participant", "statement", "vote", "key", "municipality"}) {
        auto found = entry.find(field);
        if (found != entry.end()) body[field] = *found;
    }
    return parse_vote_request(poll->get_ref<const std::string&>(), body.dump());
}

std::int64_t read_time(const Json& entry, const char* field) {
    auto found = entry.find(field);
    if (found == entry.end() || !found->is_number_integer()) return 0;
    return found->get<std::int64_t>();
}

}  // namespace

DeliveryOutcome classify_delivery(int http_status) {
    if (http_status >= 200 && http_status < 300) return DeliveryOutcome::delivered;
    if (http_status == 0 || http_status == 408 || http_status == 425 || http_status == 429 || http_status >= 500)
        return DeliveryOutcome::retry_later;
    return DeliveryOutcome::rejected;
}

std::int64_t retry_delay_ms(int failed_attempts) {
    if (failed_attempts <= 0) return 0;
    std::int64_t delay = 1000;
    for (int i = 1; i < failed_attempts && delay < kMaxRetryDelayMs; ++i) delay *= 2;
    return std::min(delay, kMaxRetryDelayMs);
}

Result<bool> Outbox::add(VoteRequest vote, std::int64_t now_ms) {
    // Checked again here so that nothing malformed ever reaches storage or the network.
    auto checked = parse_vote_request(vote.poll, vote_request_body(vote));
    if (!checked) return fail(checked.error());
    for (const auto& pending : pending_)
        if (pending.vote.key == vote.key)
            return fail("key: this vote key is already in the outbox; make a new key per vote");
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
        if (!same_target(it->vote, vote)) continue;
        if (!it->in_flight && it->attempts == 0) {
            // Never sent: the server has not seen it, so the newer vote simply takes its place.
            it->vote = std::move(vote);
            it->queued_at_ms = now_ms;
            it->next_attempt_ms = now_ms;
            return true;
        }
        break;
    }
    if (pending_.size() >= kMaxPending)
        return fail("the outbox holds " + std::to_string(kMaxPending) + " unsent votes; wait until they are delivered");
    pending_.push_back({.vote = std::move(vote), .queued_at_ms = now_ms, .next_attempt_ms = now_ms});
    return true;
}

std::vector<PendingVote> Outbox::take_due(std::int64_t now_ms, std::size_t limit) {
    std::vector<PendingVote> due;
    std::vector<const VoteRequest*> blocked;  // targets with an earlier vote still undelivered
    for (auto& pending : pending_) {
        if (due.size() >= limit) break;
        bool behind_earlier = std::any_of(blocked.begin(), blocked.end(), [&](const VoteRequest* earlier) {
            return same_target(*earlier, pending.vote);
        });
        if (!behind_earlier && !pending.in_flight && pending.next_attempt_ms <= now_ms) {
            pending.in_flight = true;
            pending.attempts += 1;
            due.push_back(pending);
        }
        blocked.push_back(&pending.vote);
    }
    return due;
}

std::optional<DeliveryOutcome> Outbox::settle(std::string_view key, int http_status, std::int64_t now_ms,
                                              std::optional<std::int64_t> retry_after_ms,
                                              std::string_view error_message) {
    auto found =
        std::find_if(pending_.begin(), pending_.end(), [&](const PendingVote& p) { return p.vote.key == key; });
    if (found == pending_.end()) return std::nullopt;
    DeliveryOutcome outcome = classify_delivery(http_status);
    switch (outcome) {
        case DeliveryOutcome::delivered:
            pending_.erase(found);
            break;
        case DeliveryOutcome::retry_later: {
            found->in_flight = false;
            std::int64_t delay = retry_delay_ms(found->attempts);
            if (retry_after_ms && *retry_after_ms > delay) delay = std::min(*retry_after_ms, kMaxRetryDelayMs);
            found->next_attempt_ms = now_ms + delay;
            break;
        }
        case DeliveryOutcome::rejected:
            rejected_.push_back({found->vote, std::string(error_message.substr(0, 500)), http_status});
            if (rejected_.size() > kMaxRejected) rejected_.erase(rejected_.begin());
            pending_.erase(found);
            break;
    }
    return outcome;
}

void Outbox::wake(std::int64_t now_ms) {
    for (auto& pending : pending_) {
        pending.in_flight = false;
        pending.next_attempt_ms = std::min(pending.next_attempt_ms, now_ms);
    }
}

std::optional<std::int64_t> Outbox::next_due_ms() const {
    std::optional<std::int64_t> earliest;
    for (const auto& pending : pending_)
        if (!pending.in_flight && (!earliest || pending.next_attempt_ms < *earliest))
            earliest = pending.next_attempt_ms;
    return earliest;
}

std::optional<Vote> Outbox::latest_vote(std::string_view poll, StatementId statement) const {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it)
        if (it->vote.poll == poll && it->vote.statement == statement) return it->vote.vote;
    return std::nullopt;
}

std::string Outbox::to_json() const {
    Json pending = Json::array();
    for (const auto& entry : pending_) {
        Json item = vote_to_json(entry.vote);
        item["queued_at"] = entry.queued_at_ms;
        item["attempts"] = entry.attempts;
        item["next_attempt"] = entry.next_attempt_ms;
        pending.push_back(std::move(item));
    }
    Json rejected = Json::array();
    for (const auto& entry : rejected_) {
        Json item = vote_to_json(entry.vote);
        item["reason"] = entry.reason;
        item["status"] = entry.status;
        rejected.push_back(std::move(item));
    }
    return Json{{"format", kFormat}, {"version", kVersion}, {"pending", pending}, {"rejected", rejected}}.dump(
        -1, ' ', false, Json::error_handler_t::replace);
}

Outbox::Restored Outbox::restore(std::string_view stored) {
    Restored restored;
    if (stored.empty()) return restored;
    auto set_aside = [&](std::string problem) {
        restored.problems.push_back(std::move(problem));
        restored.keep_stored_text = true;
        return std::move(restored);
    };
    Json document = Json::parse(stored.begin(), stored.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return set_aside("the stored outbox is not readable JSON (" + std::to_string(stored.size()) +
                         " bytes); it was set aside and no vote could be read from it");
    auto format = document.find("format");
    if (format == document.end() || !format->is_string() || *format != kFormat)
        return set_aside("the stored text is not a stadsmijn-outbox; it was set aside");
    auto version = document.find("version");
    if (version == document.end() || !version->is_number_integer())
        return set_aside("the stored outbox has no version number; it was set aside");
    if (version->get<std::int64_t>() != kVersion)
        return set_aside("the stored outbox has version " + version->dump() + ", this app reads version " +
                         std::to_string(kVersion) + "; it was set aside for a newer app");

    std::set<std::string> keys;
    auto pending = document.find("pending");
    if (pending != document.end() && !pending->is_array()) {
        restored.problems.push_back("the stored outbox's \"pending\" is not a list; no vote could be read from it");
        restored.keep_stored_text = true;
    } else if (pending != document.end()) {
        std::size_t index = 0;
        for (const auto& entry : *pending) {
            auto vote = vote_from_json(entry);
            if (!vote || !keys.insert(vote.value().key).second || restored.outbox.pending_.size() >= kMaxPending) {
                restored.problems.push_back(
                    "stored vote " + std::to_string(index) + " was dropped: " +
                    (vote ? std::string("its key is a duplicate or the outbox is full") : vote.error()));
                restored.dropped += 1;
                restored.keep_stored_text = true;
            } else {
                std::int64_t queued_at = read_time(entry, "queued_at");
                int attempts = static_cast<int>(std::clamp<std::int64_t>(read_time(entry, "attempts"), 0, 1000));
                restored.outbox.pending_.push_back({.vote = std::move(vote).value(),
                                                    .queued_at_ms = queued_at,
                                                    .attempts = attempts,
                                                    .next_attempt_ms = read_time(entry, "next_attempt")});
                restored.recovered += 1;
            }
            ++index;
        }
    }
    auto rejected = document.find("rejected");
    if (rejected != document.end() && rejected->is_array()) {
        for (const auto& entry : *rejected) {
            auto vote = vote_from_json(entry);
            if (!vote) continue;  // only a notice for the screen: not worth a problem report
            auto reason = entry.find("reason");
            std::string text =
                reason != entry.end() && reason->is_string() ? reason->get<std::string>().substr(0, 500) : "";
            int status = static_cast<int>(std::clamp<std::int64_t>(read_time(entry, "status"), 0, 999));
            restored.outbox.rejected_.push_back({std::move(vote).value(), std::move(text), status});
            if (restored.outbox.rejected_.size() > kMaxRejected)
                restored.outbox.rejected_.erase(restored.outbox.rejected_.begin());
        }
    }
    return restored;
}

}  // namespace stadsmijn::polls
