// The poll service: what each API route does, without HTTP. Takes request bodies and query
// values as strings, returns a status and a JSON (or CSV) body. poll_api.cpp wires it to routes.
//
//   auto service = PollService::create(content, *store, {});
//   ApiResponse answer = service.value()->cast_vote("grondstoffen-repareren-inleveren", body);
//
// The checks are the app's own (core/polls/vote_request.h), so app and server refuse the same
// requests with the same words. Polls come from content/polls (and from Pol.is imports in the
// store); their statements and participants' accepted statements are what people vote on.
//
// Results are cached per poll and filter. A results request serves the cached JSON; at most once
// per `results_refresh` it asks the store whether anything changed (a cheap query), and only
// then recomputes, carrying the previous opinion-group state forward (warm start, sticky
// in-conversation set, k smoothing). While one request recomputes, the others get the previous
// answer instead of queueing behind it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/content/content.h"
#include "core/polls/opinion_groups.h"
#include "core/result.h"
#include "server/rate_limit.h"
#include "server/vote_store.h"

namespace stadsmijn::server {

struct ApiResponse {
    int status = 200;
    std::string body;
    std::string content_type = "application/json; charset=utf-8";
    int retry_after_seconds = 0;  // for 429 and 503
    std::string download_name{};  // exports: the file name offered to save as
    // Cached answers: shared bodies (no copy per request) and their gzip twin, compressed once.
    std::shared_ptr<const std::string> shared_body{};
    std::shared_ptr<const std::string> shared_gzip{};
};

ApiResponse json_error(int status, const std::string& message);

// The limits and their reasons are in server/README.md ("Abuse limits"). "Per address" means per
// keyed hash of the client's address (ClientAddresses), which lives in memory only.
struct PollServiceConfig {
    RateLimit votes_per_participant{.per_second = 5, .burst = 60};
    RateLimit statements_per_participant{.per_second = 1.0 / 60, .burst = 5};
    std::chrono::milliseconds results_refresh{1000};
    int stability_runs = 0;  // 0: the maths' default; negative: none (tests)

    // New participants (a pseudonym's first vote), per address: a room of 100 at once, then 100
    // an hour, at most 500 a day.
    RateLimit new_participants_per_address{.per_second = 100.0 / 3600, .burst = 100};
    std::int64_t new_participants_per_address_per_day = 500;  // 0: no cap
    // ... and from everyone together, per poll and per (poll, municipality): a ceiling that many
    // addresses cannot pass either.
    RateLimit new_participants_per_poll{.per_second = 2000.0 / 3600, .burst = 2000};
    RateLimit new_participants_per_municipality{.per_second = 300.0 / 3600, .burst = 300};
    // Statements, per address (20 at once, then 20 an hour, at most 60 a day) and per poll.
    RateLimit statements_per_address{.per_second = 20.0 / 3600, .burst = 20};
    std::int64_t statements_per_address_per_day = 60;  // 0: no cap
    RateLimit statements_per_poll{.per_second = 300.0 / 3600, .burst = 300};
    // Results of the whole poll, and per municipality or province, only from this many participants.
    int minimum_participants_per_area = 10;
};

// The limits on new participants and statements (per address and the ceilings) off, the
// per-participant ones kept: for benchmarks and tests where one loopback address plays thousands
// of people (stadsmijn-server --no-abuse-limits).
PollServiceConfig without_abuse_limits(PollServiceConfig config);

class PollService {
public:
    static Result<std::unique_ptr<PollService>> create(Content content, VoteStore& store,
                                                       PollServiceConfig config = {});

    ApiResponse list_polls();
    ApiResponse poll(std::string_view poll_id);
    // `client`: the keyed hash of the sender's address (ClientAddresses::key), for the limits on
    // new participants and statements; never stored.
    ApiResponse cast_vote(std::string_view poll_id, std::string_view body, const std::string& client = {});
    ApiResponse submit_statement(std::string_view poll_id, std::string_view body, const std::string& client = {});
    // municipality and province: ids, or empty for the whole region.
    ApiResponse results(std::string_view poll_id, std::string_view municipality, std::string_view province);

    // Admin (poll_api.cpp checks the token first).
    ApiResponse moderation_queue(std::string_view poll_id, std::string_view status);
    ApiResponse moderate(std::string_view poll_id, std::string_view statement_id, std::string_view body);
    ApiResponse export_file(std::string_view poll_id, std::string_view file_name);

    const Content& content() const { return content_; }

private:
    PollService(Content content, VoteStore& store, PollServiceConfig config);

    // A poll as the service sees it: from content/polls, or imported from Pol.is into the store.
    struct PollEntry {
        std::string id;
        const PollDefinition* definition = nullptr;  // content polls
        StoredPoll stored{};                         // imported polls
        bool open() const { return definition && definition->open; }
        std::uint64_t seed() const { return definition ? definition->seed : 0; }
    };
    Result<PollEntry> find_poll(std::string_view poll_id);

    // Statements and their moderation status, refreshed from the store now and then (other
    // instances moderate too) and at once after this instance changes them.
    struct StatementsSnapshot {
        std::vector<StoredStatement> statements;
        std::chrono::steady_clock::time_point loaded;
    };
    Result<std::shared_ptr<const StatementsSnapshot>> statements_of(const std::string& poll_id, bool fresh = false);
    void forget_statements(const std::string& poll_id);

    struct ComputedResults {
        std::shared_ptr<const std::string> body;  // the JSON answer
        std::shared_ptr<const std::string> gzip;  // the same, gzip-compressed (empty if zlib failed)
        ChangeMarker marker;
        polls::OpinionGroupsState previous_state;  // what this computation started from
        polls::OpinionGroups groups;
        polls::OpinionGroupsDesc desc;
        std::vector<StoredStatement> statements;
        std::int64_t computed_at_ms = 0;
    };
    struct ResultsEntry {
        std::mutex compute_mutex;  // one computation at a time for this poll and filter
        std::mutex read_mutex;     // guards the two fields below
        std::shared_ptr<const ComputedResults> latest;
        std::chrono::steady_clock::time_point checked;
    };
    Result<std::shared_ptr<const ComputedResults>> cached_results(const PollEntry& poll,
                                                                  const std::string& municipality,
                                                                  const std::string& province, bool force_fresh);
    Result<std::shared_ptr<const ComputedResults>> compute_results(const PollEntry& poll,
                                                                   const std::string& municipality,
                                                                   const std::string& province,
                                                                   const ChangeMarker& marker,
                                                                   const polls::OpinionGroupsState& previous);

    nlohmann::json poll_json(const PollEntry& poll, const StatementsSnapshot& statements) const;

    Content content_;
    VoteStore& store_;
    PollServiceConfig config_;
    RateLimiter vote_limiter_;
    RateLimiter statement_limiter_;
    RateLimiter new_per_address_;
    DailyCap new_per_address_daily_;
    RateLimiter new_per_poll_;
    RateLimiter new_per_municipality_;
    RateLimiter statements_per_address_;
    DailyCap statements_per_address_daily_;
    RateLimiter statements_per_poll_;

    // A new participant or a change of municipality must pass the limits on new participants:
    // nothing when it may, else the 429. Participants already admitted (key: poll, newline,
    // pseudonym; value: their municipality) are remembered so a returning voter costs no query.
    std::optional<ApiResponse> admit_participant(const std::string& poll, const std::string& pseudonym,
                                                 const std::string& municipality, const std::string& client);
    void remember_participant(const std::string& poll, const std::string& pseudonym, const std::string& municipality);
    std::mutex admitted_mutex_;
    std::unordered_map<std::string, std::string> admitted_;

    std::mutex statements_mutex_;
    std::map<std::string, std::shared_ptr<const StatementsSnapshot>, std::less<>> statements_;

    std::mutex results_mutex_;
    std::map<std::string, std::shared_ptr<ResultsEntry>, std::less<>> results_;
};

// Today's time in milliseconds since 1970, the store's clock.
std::int64_t now_ms();

}  // namespace stadsmijn::server
