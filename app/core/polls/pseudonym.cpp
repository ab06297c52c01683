#include "core/polls/pseudonym.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/polls/vote_request.h"

namespace stadsmijn::polls {

namespace {

using Json = nlohmann::json;

constexpr const char* kFormat = "stadsmijn-pseudonyms";
constexpr int kVersion = 1;

// RFC 4648 base32 in lowercase, without padding: letters and digits 2-7 only.
std::string base32(std::span<const std::uint8_t> bytes) {
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            out += alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
    return out;
}

Result<std::string> make_token(std::span<const std::uint8_t> random_bytes, const char* what) {
    if (random_bytes.size() < kRandomBytesPerToken)
        return fail(std::string("a ") + what + " needs " + std::to_string(kRandomBytesPerToken) +
                    " random bytes, got " + std::to_string(random_bytes.size()));
    auto first = random_bytes.subspan(0, kRandomBytesPerToken);
    if (std::all_of(first.begin(), first.end(), [&](std::uint8_t b) { return b == first[0]; }))
        return fail(std::string("the random source gave 16 equal bytes; no ") + what + " is made from them");
    return base32(first);
}

}  // namespace

Result<std::string> make_pseudonym(std::span<const std::uint8_t> random_bytes) {
    return make_token(random_bytes, "pseudonym");
}

Result<std::string> make_idempotency_key(std::span<const std::uint8_t> random_bytes) {
    return make_token(random_bytes, "vote key");
}

Result<std::string> PseudonymBook::for_poll(std::string_view poll, std::span<const std::uint8_t> random_bytes) {
    if (!is_valid_poll_id(poll)) return fail("\"" + std::string(poll) + "\" is not a poll id");
    if (const std::string* existing = find(poll)) return *existing;
    auto made = make_pseudonym(random_bytes);
    if (!made) return made;
    pseudonyms_.emplace(std::string(poll), made.value());
    return made;
}

const std::string* PseudonymBook::find(std::string_view poll) const {
    auto found = pseudonyms_.find(poll);
    return found == pseudonyms_.end() ? nullptr : &found->second;
}

std::string PseudonymBook::to_json() const {
    Json polls = Json::object();
    for (const auto& [poll, pseudonym] : pseudonyms_) polls[poll] = pseudonym;
    return Json{{"format", kFormat}, {"version", kVersion}, {"polls", polls}}.dump();
}

PseudonymBook::Restored PseudonymBook::restore(std::string_view stored) {
    Restored restored;
    if (stored.empty()) return restored;  // nothing stored yet
    Json document = Json::parse(stored.begin(), stored.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        restored.problems.push_back("the stored pseudonyms are not readable JSON; they were set aside");
        restored.keep_stored_text = true;
        return restored;
    }
    auto format = document.find("format");
    auto version = document.find("version");
    if (format == document.end() || !format->is_string() || *format != kFormat) {
        restored.problems.push_back(
            "the stored pseudonyms are not in the stadsmijn-pseudonyms format; they were set aside");
        restored.keep_stored_text = true;
        return restored;
    }
    if (version == document.end() || !version->is_number_integer() || version->get<std::int64_t>() != kVersion) {
        restored.problems.push_back(
            "the stored pseudonyms were written by another version of the app; they were set aside");
        restored.keep_stored_text = true;
        return restored;
    }
    auto polls = document.find("polls");
    if (polls == document.end() || !polls->is_object()) {
        restored.problems.push_back("the stored pseudonyms have no \"polls\" object");
        restored.keep_stored_text = true;
        return restored;
    }
    for (const auto& item : polls->items()) {
        if (!is_valid_poll_id(item.key()) || !item.value().is_string() ||
            !is_valid_pseudonym(item.value().get_ref<const std::string&>())) {
            std::string poll = is_valid_poll_id(item.key()) ? " for \"" + item.key() + "\"" : "";
            restored.problems.push_back("a stored pseudonym" + poll + " is not usable; a new one will be made");
            restored.keep_stored_text = true;
            continue;
        }
        restored.book.pseudonyms_.emplace(item.key(), item.value().get<std::string>());
    }
    return restored;
}

}  // namespace stadsmijn::polls
