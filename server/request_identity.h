// Who sent an HTTP request, as far as the limits need to know, and the admin check on it.
//
//   std::string who = client_address_key(addresses, req);   // keyed hash, never the address
//   if (AdminDecision d = check_admin(token, who, req); !d) refuse(d.status, d.message);
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "server/admin_auth.h"
#include "server/rate_limit.h"

namespace httplib {
struct Request;
}

namespace stadsmijn::server {

// ClientAddresses::key with the request's peer and, from a trusted proxy, its X-Real-IP and
// (last) X-Forwarded-For header.
std::string client_address_key(const ClientAddresses& addresses, const httplib::Request& req);

// AdminToken::check with the Authorization header as received: exactly one, NUL bytes and all
// (get_header_value would stop at a NUL byte and accept what precedes it).
AdminDecision check_admin(const AdminToken& token, const std::string& client, const httplib::Request& req);
// The same for routes an editor may use too (AdminToken::check with `other`).
AdminDecision check_admin_or(const AdminToken& token, const std::string& client, const httplib::Request& req,
                             const std::function<bool(std::string_view token)>& other, bool& is_admin);

}  // namespace stadsmijn::server
