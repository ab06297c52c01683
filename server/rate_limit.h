// Token buckets per key: a burst is allowed, then a steady rate.
//
//   RateLimiter votes({.per_second = 5, .burst = 60});
//   if (auto wait = votes.take(poll + "/" + pseudonym, now)) return too_many_requests(*wait);
//
// Keys live in memory only and are forgotten once their bucket is full again, so the table stays
// small; nothing here is written anywhere. A rate of 0 turns the limiter off.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stadsmijn::server {

struct RateLimit {
    double per_second = 0;  // 0: unlimited
    double burst = 1;
};

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimit limit, std::size_t max_keys = 100000) : limit_(limit), max_keys_(max_keys) {}

    // Takes one token; nothing when allowed, else how long until a token is there.
    std::optional<std::chrono::milliseconds> take(std::string_view key, Clock::time_point now = Clock::now());

    std::size_t tracked_keys();

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    void forget_full_buckets(Clock::time_point now);

    RateLimit limit_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace stadsmijn::server
