#include "server/csv_text.h"

namespace stadsmijn::server {

namespace {
bool starts_like_formula(std::string_view text) {
    if (text.empty()) return false;
    const char first = text.front();
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}
}  // namespace

std::string neutralise_formula(std::string_view text) {
    return starts_like_formula(text) ? "'" + std::string(text) : std::string(text);
}

std::string restore_formula_text(std::string_view text) {
    if (text.size() >= 2 && text.front() == '\'' && starts_like_formula(text.substr(1)))
        return std::string(text.substr(1));
    return std::string(text);
}

std::string csv_text_cell(std::string_view text) {
    std::string out = "\"";
    for (char c : neutralise_formula(text)) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace stadsmijn::server
