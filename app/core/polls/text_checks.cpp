#include "core/polls/text_checks.h"

#include <cstdint>

#include "core/polls/poll_definition.h"

namespace stadsmijn::polls {

namespace {

// Decodes one code point at `i`; returns its byte length, or 0 when the bytes there are not
// strict UTF-8.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& code_point) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    std::uint32_t minimum = 0;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, minimum = 0x80, code_point = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, minimum = 0x800, code_point = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, minimum = 0x10000, code_point = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(i + k) & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
    return length;
}

bool is_white_space(std::uint32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

// Characters that have no place in a one-line statement: C0 and C1 controls, and the bidi
// embedding, override and isolate controls that can make a statement read differently on screen
// than in the export ("Trojan Source").
bool is_forbidden(std::uint32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// "001F", "202E", "10FFFF": at least four hex digits, as code points are usually written.
std::string hex_code_point(std::uint32_t c) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (int shift = 20; shift >= 0; shift -= 4) {
        unsigned digit = (c >> shift) & 0xF;
        if (out.empty() && digit == 0 && shift >= 16) continue;
        out += digits[digit];
    }
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::uint32_t code_point = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = decode(text, i, code_point);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

std::string normalize_statement_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    std::uint32_t code_point = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = decode(text, i, code_point);
        if (length == 0) return std::string(text);  // invalid: leave it for statement_text_problem to name
        if (is_white_space(code_point)) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::optional<std::string> statement_text_problem(std::string_view text) {
    if (!is_valid_utf8(text)) return "is not valid UTF-8 text";
    std::uint32_t code_point = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = decode(text, i, code_point);
        if (is_forbidden(code_point)) {
            return "contains the control character U+" + hex_code_point(code_point) +
                   "; write the statement as one line of plain text";
        }
        i += length;
    }
    std::size_t characters = count_code_points(text);
    if (characters < kStatementMinCharacters)
        return "is too short (" + std::to_string(characters) + " characters); a statement needs at least " +
               std::to_string(kStatementMinCharacters);
    if (characters > kStatementMaxCharacters)
        return "is too long (" + std::to_string(characters) + " characters); a statement has at most " +
               std::to_string(kStatementMaxCharacters);
    return std::nullopt;
}

bool is_token(std::string_view text, std::size_t min_length, std::size_t max_length) {
    if (text.size() < min_length || text.size() > max_length) return false;
    for (char c : text) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

}  // namespace stadsmijn::polls
