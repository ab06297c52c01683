// Token buckets per key: a burst is allowed, then a steady rate. Daily caps. Client addresses as
// keyed hashes.
//
//   RateLimiter votes({.per_second = 5, .burst = 60});
//   if (auto wait = votes.take(poll + "/" + pseudonym, now)) return too_many_requests(*wait);
//
//   ClientAddresses addresses({"127.0.0.1"});                // trusted reverse proxies
//   std::string who = addresses.key(peer, x_real_ip, x_forwarded_for);   // "a3f0..." (16 hex)
//   DailyCap new_people_per_address(500);
//   if (auto wait = take_all({{&hourly, who}, {&new_people_per_address, who}})) ...
//
// Keys live in memory only and are forgotten once their bucket is full again, so the table stays
// small; nothing here is written anywhere. A rate of 0 turns the limiter off.
//
// Privacy: an address never becomes a key as such. ClientAddresses hashes it with SipHash
// (libsodium crypto_shorthash) under a random key that exists only in this process's memory and
// is replaced at every UTC midnight; after that, not even this process can tell which address a
// stored hash came from, or link yesterday's hash to today's.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stadsmijn::server {

struct RateLimit {
    double per_second = 0;  // 0: unlimited
    double burst = 1;
};

// What take_all needs of a limit: how long until `key` may pass, and taking one.
class KeyedLimit {
public:
    using Clock = std::chrono::steady_clock;
    virtual ~KeyedLimit() = default;
    virtual std::optional<std::chrono::milliseconds> wait(std::string_view key, Clock::time_point now) = 0;
    virtual void consume(std::string_view key, Clock::time_point now) = 0;
};

class RateLimiter : public KeyedLimit {
public:
    explicit RateLimiter(RateLimit limit, std::size_t max_keys = 100000) : limit_(limit), max_keys_(max_keys) {}

    // Takes one token; nothing when allowed, else how long until a token is there.
    std::optional<std::chrono::milliseconds> take(std::string_view key, Clock::time_point now = Clock::now());

    std::optional<std::chrono::milliseconds> wait(std::string_view key, Clock::time_point now) override;
    void consume(std::string_view key, Clock::time_point now) override;
    // Gives back one token taken before (a check that turned out to cost nothing).
    void refund(std::string_view key, Clock::time_point now = Clock::now());

    std::size_t tracked_keys();

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    // The key's bucket brought up to `now`; null when the table is full of active keys.
    Bucket* bucket(std::string_view key, Clock::time_point now);
    void forget_full_buckets(Clock::time_point now);

    RateLimit limit_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

// At most `per_day` per key and UTC day (0: unlimited). The table is emptied at UTC midnight.
class DailyCap : public KeyedLimit {
public:
    explicit DailyCap(std::int64_t per_day, std::size_t max_keys = 200000) : per_day_(per_day), max_keys_(max_keys) {}
    std::optional<std::chrono::milliseconds> wait(std::string_view key, Clock::time_point now) override;
    void consume(std::string_view key, Clock::time_point now) override;

private:
    void roll_over();  // under mutex_
    std::int64_t per_day_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::int64_t day_ = -1;
    std::unordered_map<std::string, std::int64_t> counts_;
};

struct Charge {
    KeyedLimit* limit = nullptr;  // null: skipped
    std::string key;
};
// Takes one from every limit, or from none: nothing when all allowed, else the longest wait.
std::optional<std::chrono::milliseconds> take_all(std::initializer_list<Charge> charges,
                                                  KeyedLimit::Clock::time_point now = KeyedLimit::Clock::now());

// The UTC day number (days since 1970-01-01) and the time until the next UTC midnight.
std::int64_t utc_day_number();
std::chrono::milliseconds until_utc_midnight();

// Who a request comes from, for per-address limits, as a keyed hash (see the top of this file).
class ClientAddresses {
public:
    // `trusted_proxies`: peer addresses (e.g. "127.0.0.1" for nginx on this machine) whose
    // X-Real-IP / X-Forwarded-For are believed. Anyone else's headers are ignored.
    explicit ClientAddresses(std::vector<std::string> trusted_proxies = {});

    // The client's address: the peer itself, or, when the peer is a trusted proxy, X-Real-IP, else
    // the last X-Forwarded-For entry (the one the proxy added); the peer when neither is usable.
    std::string address(std::string_view peer, std::string_view real_ip, std::string_view forwarded_for) const;
    // The keyed hash of that address's network: an IPv4 address, or an IPv6 /64 (one subscriber
    // gets a whole /64 and could otherwise take a new address for every request).
    std::string key(std::string_view peer, std::string_view real_ip, std::string_view forwarded_for) const;

    bool trusts(std::string_view peer) const;

private:
    std::vector<std::string> trusted_;
};

// The keyed hash alone (16 hex digits), with today's in-memory key.
std::string address_hash(std::string_view address);

}  // namespace stadsmijn::server
