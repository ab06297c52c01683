// gzip in one call (zlib), for answers that are computed once and served many times: cached
// results are compressed when they are computed, not on every request.
#pragma once

#include <string>
#include <string_view>

namespace stadsmijn::server {

// Empty when zlib fails (then the identity body is served).
std::string gzip_compress(std::string_view bytes);

// True when an Accept-Encoding header allows gzip (and does not refuse it with q=0).
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace stadsmijn::server
