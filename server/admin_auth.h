// The admin token: moderation and exports need `Authorization: Bearer <token>`.
//
//   auto token = AdminToken::from_environment_or_file(getenv("STADSMIJN_ADMIN_TOKEN"), "--admin-token-file" value);
//   if (token.accepts(request.get_header_value("Authorization"))) ...
//
// The token comes from the environment or a file (never the command line, where `ps` shows it),
// is never logged or echoed, and is compared in constant time so response timing does not reveal
// how much of a guess was right. Without a token the admin endpoints are closed.
//
// Every admin request goes through check(): a request budget per client address, and a budget of
// wrong tokens per address and overall. Once a budget is spent, requests are refused with 429
// before the token is even compared, the right token included (otherwise a guesser would simply
// keep going until the answer changes). Copies of one AdminToken share the budgets, so the poll
// and the campaign admin endpoints draw on the same ones.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "server/rate_limit.h"

namespace stadsmijn::server {

inline constexpr std::size_t kAdminTokenMinLength = 16;

struct AdminLimits {
    // Any admin request, per address: moderating a queue by hand is a few a second at most.
    RateLimit requests_per_address{.per_second = 2, .burst = 60};
    // Wrong tokens, per address: 10, then one every 6 minutes (a typo or two, never a search).
    RateLimit failures_per_address{.per_second = 10.0 / 3600, .burst = 10};
    // Wrong tokens from everyone together: 100, then 100 an hour, so many addresses cannot guess
    // faster either. The price: during such an attack the admin waits too.
    RateLimit failures_overall{.per_second = 100.0 / 3600, .burst = 100};
};

// What check() decided: status 0 to go on, else the refusal (401, 403 or 429).
struct AdminDecision {
    int status = 0;
    std::string message;
    std::chrono::milliseconds retry_after{0};
    explicit operator bool() const { return status == 0; }
};

class AdminToken {
public:
    AdminToken() = default;  // no token: every admin request is refused

    // From a file's first line (trailing white space removed), or from the environment value.
    // A file named but unreadable, or a token shorter than 16 characters, is an error.
    static Result<AdminToken> load(const char* environment_value, const std::string& file);
    static Result<AdminToken> from_text(std::string token, AdminLimits limits = {});

    bool configured() const { return !token_.empty(); }
    // True when the header is "Bearer <token>" with exactly our token.
    bool accepts(std::string_view authorization_header) const;

    // `address_key`: the client's keyed address hash (ClientAddresses::key). `authorization`: the
    // one Authorization header as received, or nothing when it is missing or sent twice.
    AdminDecision check(const std::string& address_key, std::optional<std::string_view> authorization) const;

    // The same check for routes municipal editors may use too (issue 18): a bearer token that is
    // not the admin's is given to `other` (an editor lookup), which says whether it is valid.
    // Wrong tokens of either kind spend the same budgets. `is_admin` tells which one passed.
    AdminDecision check(const std::string& address_key, std::optional<std::string_view> authorization,
                        const std::function<bool(std::string_view token)>& other, bool& is_admin) const;

private:
    struct Budgets {
        explicit Budgets(AdminLimits limits)
            : requests(limits.requests_per_address),
              failures(limits.failures_per_address),
              all_failures(limits.failures_overall) {}
        RateLimiter requests, failures, all_failures;
    };
    std::string token_;
    std::shared_ptr<Budgets> budgets_ = std::make_shared<Budgets>(AdminLimits{});
};

// Equal bytes, in time that depends only on the lengths, not on where the first difference is.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace stadsmijn::server
