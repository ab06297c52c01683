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

namespace {

// Words that say what is wrong or glue a sentence together, not which device: "scherm kapot",
// "mijn telefoon is stuk", "broken phone", "telefon bozuk", "zepsuty telefon".
bool is_filler(const std::string& word) {
    static const std::vector<std::string> words = {
        "kapot", "stuk", "defect", "werkt", "niet", "meer", "mijn", "de", "het", "een", "van", "is", "doet",
        "oud", "oude", "gaat", "broken", "my", "the", "a", "an", "is", "not", "working", "old", "dead",
        "bozuk", "calismiyor", "eski", "benim", "zepsuty", "zepsuta", "nie", "dziala", "moj", "stary"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Optimal string alignment distance, capped: enough to forgive one typo ("telfoon").
int edit_distance(const std::string& a, const std::string& b, int cap) {
    if (static_cast<int>(a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > cap) return cap + 1;
    std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

// A typo'd query word against a phrase: one edit for words of 4 letters or more, two from 8.
bool near_miss(const std::string& word, const std::string& phrase) {
    if (word.size() < 4) return false;
    int cap = word.size() >= 8 ? 2 : 1;
    for (const auto& candidate : split_words(phrase))
        if (candidate.size() >= 4 && edit_distance(word, candidate, cap) <= cap) return true;
    return false;
}

}  // namespace

std::vector<DeviceMatch> search_devices(const std::vector<Device>& devices, std::string_view query) {
    std::vector<DeviceMatch> matches;
    std::string whole = normalise_search_text(query);
    std::vector<std::string> words;
    for (auto& word : split_words(whole))
        if (!is_filler(word)) words.push_back(std::move(word));
    if (words.empty()) return matches;
    std::string meaningful;
    for (const auto& word : words) meaningful += (meaningful.empty() ? "" : " ") + word;

    struct Scored {
        const Device* device;
        int matched = 0;  // query words this device answers to (all of them, to be listed)
        int score = 0;
    };
    std::vector<Scored> scored;
    std::vector<std::vector<std::string>> all_phrases;
    for (const auto& device : devices) {
        std::vector<std::string> phrases = {normalise_search_text(device.id), normalise_search_text(device.name.nl),
                                            normalise_search_text(device.name.en)};
        for (const auto* list : {&device.words_nl, &device.words_en, &device.words_other})
            for (const auto& w : *list) phrases.push_back(normalise_search_text(w));
        all_phrases.push_back(std::move(phrases));
    }
    // A word no device knows may be a typo: only then is a near miss allowed to count.
    std::vector<bool> known(words.size(), false);
    for (std::size_t w = 0; w < words.size(); ++w)
        for (const auto& phrases : all_phrases)
            for (const auto& phrase : phrases)
                if (!known[w] && word_score(words[w], phrase) > 0) known[w] = true;

    for (std::size_t d = 0; d < devices.size(); ++d) {
        const auto& phrases = all_phrases[d];
        Scored s{&devices[d]};
        for (std::size_t w = 0; w < words.size(); ++w) {
            int best = 0;
            for (std::size_t p = 0; p < phrases.size(); ++p) {
                int score = word_score(words[w], phrases[p]);
                // The name itself counts a little more than a synonym (a typo's guess does not).
                if (score > 0 && p < 3) score += 1;
                if (score == 0 && !known[w] && near_miss(words[w], phrases[p])) score = 1;
                best = std::max(best, score);
            }
            if (best > 0) {
                ++s.matched;
                s.score += best;
            }
        }
        // A whole phrase typed exactly ("mobiele telefoon", "samsung galaxy"; "mijn telefoon is
        // kapot" counts as "telefoon") is the strongest signal.
        for (const auto& phrase : phrases)
            if (phrase == whole || phrase == meaningful) s.score += 10;
        // Every word that says which device must fit it: "phone dryer" is no device.
        if (s.matched == static_cast<int>(words.size())) scored.push_back(s);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    for (const auto& s : scored) matches.push_back({s.device, s.score});
    return matches;
}

}  // namespace stadsmijn
