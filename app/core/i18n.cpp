#include "core/i18n.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace stadsmijn {

PluralCategory plural_category(std::string_view language, long long count) {
    long long n = count < 0 ? -count : count;
    if (language == "pl") {
        if (n == 1) return PluralCategory::one;
        long long mod10 = n % 10, mod100 = n % 100;
        if (mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14)) return PluralCategory::few;
        return PluralCategory::many;
    }
    if (language == "ja" || language == "zh" || language == "ko" || language == "vi") return PluralCategory::other;
    // nl, en, de, tr, es, it and most European languages: one for exactly 1.
    return n == 1 ? PluralCategory::one : PluralCategory::other;
}

const char* plural_category_name(PluralCategory category) {
    switch (category) {
        case PluralCategory::zero: return "zero";
        case PluralCategory::one: return "one";
        case PluralCategory::two: return "two";
        case PluralCategory::few: return "few";
        case PluralCategory::many: return "many";
        case PluralCategory::other: return "other";
    }
    return "other";
}

PluralCategory plural_category_from_name(std::string_view name, bool& known) {
    known = true;
    for (auto category : {PluralCategory::zero, PluralCategory::one, PluralCategory::two, PluralCategory::few,
                          PluralCategory::many, PluralCategory::other})
        if (name == plural_category_name(category)) return category;
    known = false;
    return PluralCategory::other;
}

namespace {

bool placeholders_balanced(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            if (i + 1 < text.size() && text[i + 1] == '{') {
                ++i;
                continue;
            }
            auto close = text.find('}', i);
            if (close == std::string_view::npos) return false;
            i = close;
        }
    }
    return true;
}

}  // namespace

Catalog Catalog::parse(std::string_view json_text, std::string language, const std::string& file,
                       Problems& problems) {
    Catalog catalog;
    catalog.language_ = std::move(language);
    auto document = parse_json(json_text, file, problems);
    if (!document) return catalog;
    JsonReader root(*document, file, problems);
    root.each_member([&](const std::string& key, JsonReader value) {
        CatalogEntry entry;
        const Json& node = value.node();
        if (node.is_string()) {
            entry.text = node.get<std::string>();
            if (!placeholders_balanced(entry.text)) {
                value.problem("a '{' has no matching '}'");
                return;
            }
        } else if (node.is_object()) {
            bool complete = true;
            value.each_member([&](const std::string& category_name, JsonReader form) {
                bool known = false;
                PluralCategory category = plural_category_from_name(category_name, known);
                if (!known) {
                    form.problem("unknown plural category (use zero, one, two, few, many or other)");
                    complete = false;
                } else if (!form.node().is_string()) {
                    form.problem(std::string("expected a string, found ") + json_type_name(form.node()));
                    complete = false;
                } else {
                    entry.plural_forms[category] = form.node().get<std::string>();
                }
            });
            if (complete && !entry.plural_forms.count(PluralCategory::other)) {
                value.problem("a plural text needs an 'other' form");
                complete = false;
            }
            if (!complete) return;
        } else {
            value.problem(std::string("expected a text or plural forms, found ") + json_type_name(node));
            return;
        }
        catalog.entries_.emplace(key, std::move(entry));
    });
    return catalog;
}

void Catalog::merge(Catalog other) {
    for (auto& [key, entry] : other.entries_) entries_.insert_or_assign(key, std::move(entry));
}

const CatalogEntry* Catalog::find(std::string_view key) const {
    auto found = entries_.find(key);
    return found == entries_.end() ? nullptr : &found->second;
}

std::string fill_placeholders(std::string_view pattern, const TextArgs& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
        } else if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            out += '}';
            ++i;
        } else if (c == '{') {
            auto close = pattern.find('}', i);
            if (close == std::string_view::npos) {
                out.append(pattern.substr(i));
                break;
            }
            std::string_view name = pattern.substr(i + 1, close - i - 1);
            auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
            if (arg != args.end())
                out += arg->second;
            else
                out.append(pattern.substr(i, close - i + 1));
            i = close;
        } else {
            out += c;
        }
    }
    return out;
}

std::vector<std::string> placeholder_names(std::string_view pattern) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') continue;
        if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
            ++i;
            continue;
        }
        auto close = pattern.find('}', i);
        if (close == std::string_view::npos) break;
        names.emplace_back(pattern.substr(i + 1, close - i - 1));
        i = close;
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

void Translator::add(Catalog catalog) {
    if (catalogs_.empty()) language_ = catalog.language();
    for (auto& existing : catalogs_) {
        if (existing.language() == catalog.language()) {
            existing.merge(std::move(catalog));
            return;
        }
    }
    catalogs_.push_back(std::move(catalog));
}

bool Translator::set_language(std::string_view code) {
    if (!has_language(code)) return false;
    language_ = std::string(code);
    return true;
}

bool Translator::has_language(std::string_view code) const {
    return std::any_of(catalogs_.begin(), catalogs_.end(), [&](const Catalog& c) { return c.language() == code; });
}

std::vector<std::string> Translator::languages() const {
    std::vector<std::string> codes;
    for (const auto& catalog : catalogs_) codes.push_back(catalog.language());
    return codes;
}

const CatalogEntry* Translator::find(std::string_view key, std::string& found_in) const {
    // Current language, then English, then the reference catalog (the first added: Dutch).
    std::vector<std::string_view> chain{language_, "en"};
    if (!catalogs_.empty()) chain.push_back(catalogs_.front().language());
    for (auto code : chain) {
        for (const auto& catalog : catalogs_) {
            if (catalog.language() != code) continue;
            if (const CatalogEntry* entry = catalog.find(key)) {
                found_in = catalog.language();
                return entry;
            }
        }
    }
    return nullptr;
}

bool Translator::has(std::string_view key) const {
    std::string found_in;
    return find(key, found_in) != nullptr;
}

void Translator::count_if_missing(std::string_view key) const {
    if (catalogs_.empty()) return;
    const std::string& reference = catalogs_.front().language();
    for (const auto& catalog : catalogs_)
        if (catalog.language() == reference && catalog.find(key)) return;
    ++missing_lookups_;
    if (missing_keys_.size() < 20 && std::find(missing_keys_.begin(), missing_keys_.end(), key) == missing_keys_.end())
        missing_keys_.emplace_back(key);
}

std::string Translator::text(std::string_view key, const TextArgs& args) const {
    count_if_missing(key);
    std::string found_in;
    const CatalogEntry* entry = find(key, found_in);
    if (!entry) return std::string(key);
    if (entry->is_plural()) return fill_placeholders(entry->plural_forms.at(PluralCategory::other), args);
    return fill_placeholders(entry->text, args);
}

std::string Translator::plural(std::string_view key, long long count, const TextArgs& args) const {
    count_if_missing(key);
    std::string found_in;
    const CatalogEntry* entry = find(key, found_in);
    if (!entry) return std::string(key);
    TextArgs all = args;
    all.emplace_back("count", format_number(static_cast<double>(count), 0));
    if (!entry->is_plural()) return fill_placeholders(entry->text, all);
    // The plural rule is that of the language the text was found in, not the one asked for.
    auto form = entry->plural_forms.find(plural_category(found_in, count));
    if (form == entry->plural_forms.end()) form = entry->plural_forms.find(PluralCategory::other);
    return fill_placeholders(form->second, all);
}

std::string Translator::format_number(double value, int decimals) const {
    if (!std::isfinite(value)) return "?";
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.*f", decimals < 0 ? 0 : decimals, std::fabs(value));
    std::string whole(digits), fraction;
    if (auto dot = whole.find('.'); dot != std::string::npos) {
        fraction = whole.substr(dot + 1);
        whole.resize(dot);
    }
    // Dutch, Turkish and Polish group with '.' or a space and mark decimals with ','.
    bool decimal_comma = language_ != "en";
    std::string group = language_ == "pl" ? "\u00A0" : (decimal_comma ? "." : ",");
    bool group_thousands = !(language_ == "pl" && whole.size() <= 4);  // Polish writes 1234, but 12 345
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (group_thousands && i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
        grouped += whole[i];
    }
    std::string out = (value < 0 && std::fabs(value) >= 0.5 * std::pow(10.0, -decimals)) ? "-" : "";
    out += grouped;
    if (!fraction.empty()) out += (decimal_comma ? "," : ".") + fraction;
    return out;
}

}  // namespace stadsmijn
