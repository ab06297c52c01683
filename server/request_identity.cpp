#include "server/request_identity.h"

#include <httplib.h>

#include <iterator>

namespace stadsmijn::server {

namespace {
std::string last_header(const httplib::Request& req, const char* name) {
    auto [first, last] = req.headers.equal_range(name);
    std::string value;
    for (auto it = first; it != last; ++it) value = it->second;
    return value;
}
}  // namespace

std::string client_address_key(const ClientAddresses& addresses, const httplib::Request& req) {
    if (!addresses.trusts(req.remote_addr)) return addresses.key(req.remote_addr, {}, {});
    return addresses.key(req.remote_addr, last_header(req, "X-Real-IP"), last_header(req, "X-Forwarded-For"));
}

AdminDecision check_admin(const AdminToken& token, const std::string& client, const httplib::Request& req) {
    auto [first, last] = req.headers.equal_range("Authorization");
    std::optional<std::string_view> authorization;
    if (first != last && std::next(first) == last) authorization = first->second;
    return token.check(client, authorization);
}

AdminDecision check_admin_or(const AdminToken& token, const std::string& client, const httplib::Request& req,
                             const std::function<bool(std::string_view token)>& other, bool& is_admin) {
    auto [first, last] = req.headers.equal_range("Authorization");
    std::optional<std::string_view> authorization;
    if (first != last && std::next(first) == last) authorization = first->second;
    return token.check(client, authorization, other, is_admin);
}

}  // namespace stadsmijn::server
