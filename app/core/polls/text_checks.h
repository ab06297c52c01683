// Checks on text that strangers send: valid UTF-8, no control characters, sensible length.
//
//   if (!is_valid_utf8(bytes)) return "not valid UTF-8";
//   std::string text = normalize_statement_text(raw);          // trimmed, single spaces
//   if (auto problem = statement_text_problem(text)) return *problem;
//
// Shared by the app (before a statement is queued) and the server (before it is stored), so a
// citizen hears about a too-long statement at once rather than after the network returns.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stadsmijn::polls {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Code points in valid UTF-8 (what a person counts as characters, near enough for limits).
std::size_t count_code_points(std::string_view text);

// Trims and turns every run of white space (line breaks and tabs included) into one space.
std::string normalize_statement_text(std::string_view text);

// What is wrong with a normalized statement text, or nothing: invalid UTF-8, control or
// direction-override characters, too short or too long (poll_definition.h holds the limits).
std::optional<std::string> statement_text_problem(std::string_view text);

// True for ASCII letters, digits, '-' and '_' only, with a length in [min_length, max_length]:
// the shape of pseudonyms, idempotency keys and ids that travel in URLs and JSON.
bool is_token(std::string_view text, std::size_t min_length, std::size_t max_length);

}  // namespace stadsmijn::polls
