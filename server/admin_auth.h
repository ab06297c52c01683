// The admin token: moderation and exports need `Authorization: Bearer <token>`.
//
//   auto token = AdminToken::from_environment_or_file(getenv("STADSMIJN_ADMIN_TOKEN"), "--admin-token-file" value);
//   if (token.accepts(request.get_header_value("Authorization"))) ...
//
// The token comes from the environment or a file (never the command line, where `ps` shows it),
// is never logged or echoed, and is compared in constant time so response timing does not reveal
// how much of a guess was right. Without a token the admin endpoints are closed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace stadsmijn::server {

inline constexpr std::size_t kAdminTokenMinLength = 16;

class AdminToken {
public:
    AdminToken() = default;  // no token: every admin request is refused

    // From a file's first line (trailing white space removed), or from the environment value.
    // A file named but unreadable, or a token shorter than 16 characters, is an error.
    static Result<AdminToken> load(const char* environment_value, const std::string& file);
    static Result<AdminToken> from_text(std::string token);

    bool configured() const { return !token_.empty(); }
    // True when the header is "Bearer <token>" with exactly our token.
    bool accepts(std::string_view authorization_header) const;

private:
    std::string token_;
};

// Equal bytes, in time that depends only on the lengths, not on where the first difference is.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace stadsmijn::server
