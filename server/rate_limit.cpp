#include "server/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace stadsmijn::server {

std::optional<std::chrono::milliseconds> RateLimiter::take(std::string_view key, Clock::time_point now) {
    if (limit_.per_second <= 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto found = buckets_.find(std::string(key));
    if (found == buckets_.end()) {
        if (buckets_.size() >= max_keys_) forget_full_buckets(now);
        // Still full of active keys: refuse rather than grow without bound under a flood.
        if (buckets_.size() >= max_keys_) return std::chrono::milliseconds(1000);
        found = buckets_.emplace(std::string(key), Bucket{limit_.burst, now}).first;
    }
    Bucket& bucket = found->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(limit_.burst, bucket.tokens + std::max(0.0, elapsed) * limit_.per_second);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return std::nullopt;
    }
    const double wait_seconds = (1 - bucket.tokens) / limit_.per_second;
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(wait_seconds * 1000)));
}

std::size_t RateLimiter::tracked_keys() {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

void RateLimiter::forget_full_buckets(Clock::time_point now) {
    std::erase_if(buckets_, [&](const auto& entry) {
        const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
        return entry.second.tokens + elapsed * limit_.per_second >= limit_.burst;
    });
}

}  // namespace stadsmijn::server
