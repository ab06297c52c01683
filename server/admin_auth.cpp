#include "server/admin_auth.h"

#include <fstream>

namespace stadsmijn::server {

bool constant_time_equal(std::string_view a, std::string_view b) {
    // Every byte of `a` is compared (against a zero when b is shorter), and the length difference
    // is folded in, so no early exit leaks the position of the first mismatch.
    volatile unsigned char difference = static_cast<unsigned char>(a.size() != b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const unsigned char other = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        difference = difference | (static_cast<unsigned char>(a[i]) ^ other);
    }
    return difference == 0;
}

Result<AdminToken> AdminToken::from_text(std::string token, AdminLimits limits) {
    while (!token.empty() &&
           (token.back() == '\n' || token.back() == '\r' || token.back() == ' ' || token.back() == '\t'))
        token.pop_back();
    if (token.size() < kAdminTokenMinLength)
        return fail("the admin token must be at least " + std::to_string(kAdminTokenMinLength) + " characters");
    for (char c : token)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F)
            return fail("the admin token must be printable ASCII without spaces");
    AdminToken result;
    result.token_ = std::move(token);
    result.budgets_ = std::make_shared<Budgets>(limits);
    return result;
}

Result<AdminToken> AdminToken::load(const char* environment_value, const std::string& file) {
    if (!file.empty()) {
        std::ifstream in(file);
        std::string line;
        if (!in || !std::getline(in, line)) return fail("cannot read the admin token file " + file);
        return from_text(std::move(line));
    }
    if (environment_value && *environment_value) return from_text(environment_value);
    return AdminToken();
}

bool AdminToken::accepts(std::string_view header) const {
    if (token_.empty()) return false;
    constexpr std::string_view scheme = "Bearer ";
    if (header.size() < scheme.size() || header.substr(0, scheme.size()) != scheme) return false;
    return constant_time_equal(token_, header.substr(scheme.size()));
}

AdminDecision AdminToken::check(const std::string& address_key, std::optional<std::string_view> authorization) const {
    bool is_admin = false;
    return check(address_key, authorization, {}, is_admin);
}

AdminDecision AdminToken::check(const std::string& address_key, std::optional<std::string_view> authorization,
                                const std::function<bool(std::string_view token)>& other, bool& is_admin) const {
    is_admin = false;
    if (!configured() && !other)
        return {403,
                "the admin endpoints are closed: this server has no admin token "
                "(set STADSMIJN_ADMIN_TOKEN or --admin-token-file)"};
    auto now = RateLimiter::Clock::now();
    if (auto wait = budgets_->requests.take(address_key, now))
        return {429, "too many admin requests from this address; slow down", *wait};
    // No token at all is not a guess (a crawler or a link preview of an export): it must not spend
    // the wrong-token budget and lock the admin out.
    if (!authorization || authorization->empty())
        return {401, "a token is needed: send \"Authorization: Bearer <token>\""};
    // Spent budgets refuse before comparing, so the answer tells a guesser nothing more.
    if (auto wait = take_all({{&budgets_->failures, address_key}, {&budgets_->all_failures, "all"}}, now)) {
        return {429, "too many wrong tokens; wait before trying again", *wait};
    }
    constexpr std::string_view scheme = "Bearer ";
    const bool bearer = authorization->size() > scheme.size() && authorization->substr(0, scheme.size()) == scheme;
    is_admin = accepts(*authorization);
    if (is_admin || (bearer && other && other(authorization->substr(scheme.size())))) {
        // take_all took one failure in advance; a right token gives it back.
        budgets_->failures.refund(address_key, now);
        budgets_->all_failures.refund("all", now);
        return {};
    }
    return {401, "a valid token is needed: send \"Authorization: Bearer <token>\""};
}

}  // namespace stadsmijn::server
