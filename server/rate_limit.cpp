#include "server/rate_limit.h"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace stadsmijn::server {

using std::chrono::milliseconds;

// ---- token buckets ----

RateLimiter::Bucket* RateLimiter::bucket(std::string_view key, Clock::time_point now) {
    auto found = buckets_.find(std::string(key));
    if (found == buckets_.end()) {
        if (buckets_.size() >= max_keys_) forget_full_buckets(now);
        // Still full of active keys: refuse rather than grow without bound under a flood.
        if (buckets_.size() >= max_keys_) return nullptr;
        found = buckets_.emplace(std::string(key), Bucket{limit_.burst, now}).first;
    }
    Bucket& bucket = found->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(limit_.burst, bucket.tokens + std::max(0.0, elapsed) * limit_.per_second);
    bucket.updated = now;
    return &bucket;
}

std::optional<milliseconds> RateLimiter::wait(std::string_view key, Clock::time_point now) {
    if (limit_.per_second <= 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    Bucket* b = bucket(key, now);
    if (!b) return milliseconds(1000);
    if (b->tokens >= 1) return std::nullopt;
    const double wait_seconds = (1 - b->tokens) / limit_.per_second;
    return milliseconds(static_cast<std::int64_t>(std::ceil(wait_seconds * 1000)));
}

void RateLimiter::consume(std::string_view key, Clock::time_point now) {
    if (limit_.per_second <= 0) return;
    std::lock_guard lock(mutex_);
    if (Bucket* b = bucket(key, now)) b->tokens = std::max(0.0, b->tokens - 1);
}

void RateLimiter::refund(std::string_view key, Clock::time_point now) {
    if (limit_.per_second <= 0) return;
    std::lock_guard lock(mutex_);
    if (Bucket* b = bucket(key, now)) b->tokens = std::min(limit_.burst, b->tokens + 1);
}

std::optional<milliseconds> RateLimiter::take(std::string_view key, Clock::time_point now) {
    if (limit_.per_second <= 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    Bucket* b = bucket(key, now);
    if (!b) return milliseconds(1000);
    if (b->tokens >= 1) {
        b->tokens -= 1;
        return std::nullopt;
    }
    const double wait_seconds = (1 - b->tokens) / limit_.per_second;
    return milliseconds(static_cast<std::int64_t>(std::ceil(wait_seconds * 1000)));
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

// ---- daily caps ----

std::int64_t utc_day_number() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::hours>(now).count() / 24;
}

milliseconds until_utc_midnight() {
    const auto now = std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch());
    constexpr std::int64_t day_ms = 24LL * 3600 * 1000;
    return milliseconds(day_ms - now.count() % day_ms);
}

void DailyCap::roll_over() {
    const std::int64_t today = utc_day_number();
    if (today != day_) {
        counts_.clear();
        day_ = today;
    }
}

std::optional<milliseconds> DailyCap::wait(std::string_view key, Clock::time_point) {
    if (per_day_ <= 0) return std::nullopt;
    std::lock_guard lock(mutex_);
    roll_over();
    auto found = counts_.find(std::string(key));
    const std::int64_t used = found == counts_.end() ? 0 : found->second;
    if (used < per_day_ && (found != counts_.end() || counts_.size() < max_keys_)) return std::nullopt;
    return until_utc_midnight();
}

void DailyCap::consume(std::string_view key, Clock::time_point) {
    if (per_day_ <= 0) return;
    std::lock_guard lock(mutex_);
    roll_over();
    auto found = counts_.find(std::string(key));
    if (found != counts_.end())
        found->second += 1;
    else if (counts_.size() < max_keys_)
        counts_.emplace(std::string(key), 1);
}

std::optional<milliseconds> take_all(std::initializer_list<Charge> charges, KeyedLimit::Clock::time_point now) {
    // One lock around looking and taking, so two requests cannot both pass on the last token of
    // one limit, and a refusal by one limit costs nothing in the others.
    static std::mutex together;
    std::lock_guard lock(together);
    std::optional<milliseconds> longest;
    for (const Charge& charge : charges) {
        if (!charge.limit) continue;
        if (auto wait = charge.limit->wait(charge.key, now))
            longest = std::max(longest.value_or(milliseconds(0)), *wait);
    }
    if (longest) return longest;
    for (const Charge& charge : charges)
        if (charge.limit) charge.limit->consume(charge.key, now);
    return std::nullopt;
}

// ---- client addresses ----

namespace {

struct AddressKey {
    std::mutex mutex;
    std::int64_t day = -1;
    unsigned char key[crypto_shorthash_KEYBYTES];
};

AddressKey& address_key() {
    static AddressKey* key = [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
        return new AddressKey();  // lives as long as the process; never written anywhere
    }();
    return *key;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::string address_hash(std::string_view address) {
    AddressKey& k = address_key();
    unsigned char hash[crypto_shorthash_BYTES];
    {
        std::lock_guard lock(k.mutex);
        const std::int64_t today = utc_day_number();
        if (today != k.day) {
            crypto_shorthash_keygen(k.key);  // yesterday's key is gone: its hashes link to nothing
            k.day = today;
        }
        crypto_shorthash(hash, reinterpret_cast<const unsigned char*>(address.data()), address.size(), k.key);
    }
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned char byte : hash) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    return hex;
}

ClientAddresses::ClientAddresses(std::vector<std::string> trusted_proxies) : trusted_(std::move(trusted_proxies)) {}

bool ClientAddresses::trusts(std::string_view peer) const {
    return std::find(trusted_.begin(), trusted_.end(), peer) != trusted_.end();
}

std::string ClientAddresses::address(std::string_view peer, std::string_view real_ip,
                                     std::string_view forwarded_for) const {
    if (!trusts(peer)) return std::string(peer);
    auto usable = [](std::string_view text) {
        text = trim(text);
        unsigned char bytes[16];
        const std::string copy(text.substr(0, 64));
        return (inet_pton(AF_INET, copy.c_str(), bytes) == 1 || inet_pton(AF_INET6, copy.c_str(), bytes) == 1)
                   ? copy
                   : std::string();
    };
    if (std::string from_header = usable(real_ip); !from_header.empty()) return from_header;
    // The last entry is the one our proxy appended ($proxy_add_x_forwarded_for); earlier entries
    // are whatever the client claimed.
    const std::size_t comma = forwarded_for.rfind(',');
    const std::string_view last = comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
    if (std::string from_header = usable(last); !from_header.empty()) return from_header;
    return std::string(peer);
}

std::string ClientAddresses::key(std::string_view peer, std::string_view real_ip,
                                 std::string_view forwarded_for) const {
    const std::string client = address(peer, real_ip, forwarded_for);
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, client.c_str(), bytes) == 1) {
        static const unsigned char v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::memcmp(bytes, v4_mapped, 12) == 0)
            return address_hash(std::string_view(reinterpret_cast<const char*>(bytes + 12), 4));
        return address_hash(std::string_view(reinterpret_cast<const char*>(bytes), 8));  // the /64
    }
    if (inet_pton(AF_INET, client.c_str(), bytes) == 1)
        return address_hash(std::string_view(reinterpret_cast<const char*>(bytes), 4));
    return address_hash(client);
}

}  // namespace stadsmijn::server
