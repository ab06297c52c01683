#include "core/content/search.h"

#include <algorithm>

namespace stadsmijn {

namespace {

// Two-byte UTF-8 sequences of Latin-1 letters (C3 xx) and what they fold to.
const char* fold_latin1(unsigned char second) {
    unsigned char c = static_cast<unsigned char>(second + 0x40);  // the Latin-1 code point
    if ((c >= 0xC0 && c <= 0xC5) || (c >= 0xE0 && c <= 0xE5)) return "a";
    if (c == 0xC6 || c == 0xE6) return "ae";
    if (c == 0xC7 || c == 0xE7) return "c";
    if ((c >= 0xC8 && c <= 0xCB) || (c >= 0xE8 && c <= 0xEB)) return "e";
    if ((c >= 0xCC && c <= 0xCF) || (c >= 0xEC && c <= 0xEF)) return "i";
    if (c == 0xD1 || c == 0xF1) return "n";
    if ((c >= 0xD2 && c <= 0xD6) || c == 0xD8 || (c >= 0xF2 && c <= 0xF6) || c == 0xF8) return "o";
    if ((c >= 0xD9 && c <= 0xDC) || (c >= 0xF9 && c <= 0xFC)) return "u";
    if (c == 0xDD || c == 0xFD || c == 0xFF) return "y";
    if (c == 0xDF) return "ss";
    return nullptr;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// How well one query word matches one normalised phrase: 3 a whole word, 2 a word's start, 1 inside.
int word_score(const std::string& word, const std::string& phrase) {
    int best = 0;
    for (const auto& candidate : split_words(phrase)) {
        if (candidate == word) return 3;
        if (candidate.starts_with(word)) best = std::max(best, 2);
        else if (word.size() >= 3 && candidate.find(word) != std::string::npos) best = std::max(best, 1);
    }
    return best;
}

}  // namespace

std::string normalise_search_text(std::string_view text) {
    std::string out;
    bool space = true;  // drops leading spaces
    auto put = [&](std::string_view piece) {
        out += piece;
        space = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 'A' && c <= 'Z') {
            put(std::string(1, static_cast<char>(c - 'A' + 'a')));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            put(std::string(1, static_cast<char>(c)));
        } else if (c == 0xC3 && i + 1 < text.size()) {
            const char* folded = fold_latin1(static_cast<unsigned char>(text[i + 1]));
            if (folded)
                put(folded);
            else
                put(text.substr(i, 2));
            ++i;
        } else if (c >= 0x80) {
            // Another non-ASCII byte: keep it, so words in other scripts still match themselves.
            put(std::string(1, static_cast<char>(c)));
        } else if (!space) {
            out += ' ';
            space = true;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<DeviceMatch> search_devices(const std::vector<Device>& devices, std::string_view query) {
    std::vector<DeviceMatch> matches;
    std::vector<std::string> words = split_words(normalise_search_text(query));
    if (words.empty()) return matches;
    for (const auto& device : devices) {
        std::vector<std::string> phrases = {normalise_search_text(device.id), normalise_search_text(device.name.nl),
                                            normalise_search_text(device.name.en)};
        for (const auto& w : device.words_nl) phrases.push_back(normalise_search_text(w));
        for (const auto& w : device.words_en) phrases.push_back(normalise_search_text(w));
        int total = 0;
        bool all = true;
        for (const auto& word : words) {
            int best = 0;
            for (std::size_t p = 0; p < phrases.size(); ++p) {
                int score = word_score(word, phrases[p]);
                // The name itself counts a little more than a synonym.
                if (score > 0 && p < 3) score += 1;
                best = std::max(best, score);
            }
            if (best == 0) {
                all = false;
                break;
            }
            total += best;
        }
        // A whole phrase typed exactly ("mobiele telefoon") is the strongest signal.
        std::string whole = normalise_search_text(query);
        for (const auto& phrase : phrases)
            if (phrase == whole) total += 10;
        if (all) matches.push_back({&device, total});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const DeviceMatch& a, const DeviceMatch& b) { return a.score > b.score; });
    return matches;
}

}  // namespace stadsmijn
