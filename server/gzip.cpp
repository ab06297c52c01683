#include "server/gzip.h"

#include <zlib.h>

#include <cctype>

namespace stadsmijn::server {

std::string gzip_compress(std::string_view bytes) {
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
    std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const std::size_t written = stream.total_out;
    deflateEnd(&stream);
    if (result != Z_STREAM_END) return "";
    out.resize(written);
    return out;
}

bool accepts_gzip(std::string_view header) {
    // "gzip", "gzip;q=0.5", "*"; refused by "gzip;q=0".
    std::size_t start = 0;
    bool star = false;
    while (start <= header.size()) {
        std::size_t end = header.find(',', start);
        if (end == std::string_view::npos) end = header.size();
        std::string item;
        for (char c : header.substr(start, end - start))
            if (c != ' ' && c != '\t') item += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::size_t semicolon = item.find(';');
        const std::string name = item.substr(0, semicolon);
        const bool refused = semicolon != std::string::npos &&
                             (item.substr(semicolon) == ";q=0" || item.substr(semicolon).starts_with(";q=0.0") ||
                              item.substr(semicolon) == ";q=0.");
        if (name == "gzip") return !refused;
        if (name == "*") star = !refused;
        start = end + 1;
    }
    return star;
}

}  // namespace stadsmijn::server
