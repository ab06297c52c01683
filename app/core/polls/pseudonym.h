// Per-poll pseudonyms and idempotency keys, made from the platform's random bytes.
//
// A participant is known to a poll only by a pseudonym the app makes itself, first-party, and
// keeps in the browser's own storage: no account, no cookie of ours or anyone else's, nothing
// that links two polls. The core cannot reach a random source, so the platform hands it 16
// bytes from a cryptographic generator (crypto.getRandomValues in the browser,
// std::random_device natively):
//
//   PseudonymBook book = PseudonymBook::restore(storage.read("stadsmijn.pseudonyms")).book;
//   auto pseudonym = book.for_poll("grondstoffen-repareren-inleveren", random_bytes(16));
//   storage.write("stadsmijn.pseudonyms", book.to_json());   // before the first vote is queued
//
//   auto key = make_idempotency_key(random_bytes(16));      // one per vote
//
// 128 random bits in lowercase base32 (26 characters): unguessable, and safe in URLs and JSON.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace stadsmijn::polls {

inline constexpr std::size_t kRandomBytesPerToken = 16;

// Fails when fewer than 16 bytes are given, or when they are all the same (an uninitialised or
// broken random source), so a weak pseudonym is never made silently.
Result<std::string> make_pseudonym(std::span<const std::uint8_t> random_bytes);
Result<std::string> make_idempotency_key(std::span<const std::uint8_t> random_bytes);

// The pseudonyms of this browser, one per poll, stored as a versioned JSON string.
class PseudonymBook {
public:
    // The poll's pseudonym, made from random_bytes when the poll has none yet (then store the book).
    Result<std::string> for_poll(std::string_view poll, std::span<const std::uint8_t> random_bytes);
    const std::string* find(std::string_view poll) const;
    // Forget a poll's pseudonym: the next vote starts a new, unlinked participant.
    void forget(std::string_view poll) { pseudonyms_.erase(std::string(poll)); }
    std::size_t size() const { return pseudonyms_.size(); }

    std::string to_json() const;  // {"format":"stadsmijn-pseudonyms","version":1,"polls":{...}}

    struct Restored;
    // Never fails: what cannot be read is left out and named in `problems`.
    static Restored restore(std::string_view stored);

private:
    std::map<std::string, std::string, std::less<>> pseudonyms_;
};

struct PseudonymBook::Restored {
    PseudonymBook book;
    std::vector<std::string> problems;
    // True when the stored text could not be used as a whole (broken, or from a newer app): keep
    // it aside instead of overwriting it, so nothing is lost for good.
    bool keep_stored_text = false;
};

}  // namespace stadsmijn::polls
