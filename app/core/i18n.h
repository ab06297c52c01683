// Translations: one catalog per language, Dutch the reference.
//
// A language's catalog may come in several files, one per part of the app (i18n/nl/app.json,
// i18n/nl/journeys.json, ...); Translator::add merges them. A catalog is a flat JSON object from key to text (`"home.title": "Stadsmijn"`). A text may hold
// placeholders (`"Hallo {name}"`) and may be plural, an object keyed by the CLDR plural category
// of the language (`{"one": "{count} apparaat", "other": "{count} apparaten"}`).
//
//   Translator t;
//   t.add(Catalog::parse(nl_app_bytes, "nl", "i18n/nl/app.json", problems));
//   t.set_language("en");
//   t.text("home.title");                             // falls back en -> nl when missing
//   t.plural("drawer.count", 3);                      // "3 devices"
//   t.text("greeting", {{"name", "Noor"}});
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json_reader.h"
#include "core/result.h"

namespace stadsmijn {

enum class PluralCategory { zero, one, two, few, many, other };

// The CLDR cardinal plural rule of a language for a whole number (nl, en, tr, pl and more).
PluralCategory plural_category(std::string_view language, long long count);
const char* plural_category_name(PluralCategory category);
PluralCategory plural_category_from_name(std::string_view name, bool& known);

struct CatalogEntry {
    std::string text;                                   // for a plain entry
    std::map<PluralCategory, std::string> plural_forms;  // for a plural entry
    bool is_plural() const { return !plural_forms.empty(); }
};

class Catalog {
public:
    // Reads a catalog; every problem (wrong type, unknown plural category, a text with an
    // unclosed placeholder) is added to `problems`; entries that are fine are kept.
    static Catalog parse(std::string_view json_text, std::string language, const std::string& file,
                         Problems& problems);

    const std::string& language() const { return language_; }
    const CatalogEntry* find(std::string_view key) const;
    // Adds the entries of another file of the same language; its entries win.
    void merge(Catalog other);
    const std::map<std::string, CatalogEntry, std::less<>>& entries() const { return entries_; }

private:
    std::string language_;
    std::map<std::string, CatalogEntry, std::less<>> entries_;
};

using TextArgs = std::vector<std::pair<std::string_view, std::string>>;

// Replaces `{name}` by its argument; `{{` gives a literal brace. Unknown placeholders stay as written.
std::string fill_placeholders(std::string_view pattern, const TextArgs& args);
// The placeholder names a text uses, sorted and unique: for checking translations against Dutch.
std::vector<std::string> placeholder_names(std::string_view pattern);

class Translator {
public:
    void add(Catalog catalog);
    // Chooses the language; unknown codes keep the current one and return false.
    bool set_language(std::string_view code);
    const std::string& language() const { return language_; }
    std::vector<std::string> languages() const;  // in the order added; the reference first
    bool has_language(std::string_view code) const;

    // The text in the current language, else English, else the reference (Dutch), else the key
    // itself so that a missing text shows up instead of crashing.
    std::string text(std::string_view key, const TextArgs& args = {}) const;
    std::string plural(std::string_view key, long long count, const TextArgs& args = {}) const;
    bool has(std::string_view key) const;

    // Formats a number the way the language writes it ("1.234,5" in Dutch, "1,234.5" in English).
    std::string format_number(double value, int decimals) const;

    // Lookups (text, plural) of keys the reference catalog (Dutch) lacks, since the start or the
    // last reset: a screen showing a key instead of a text. Tests assert this stays zero.
    unsigned missing_lookups() const { return missing_lookups_; }
    const std::vector<std::string>& missing_keys() const { return missing_keys_; }  // first 20, unique
    void reset_missing() const {
        missing_lookups_ = 0;
        missing_keys_.clear();
    }

private:
    const CatalogEntry* find(std::string_view key, std::string& found_in) const;
    void count_if_missing(std::string_view key) const;

    std::vector<Catalog> catalogs_;
    std::string language_;
    // Counting, not state: a const lookup may record that it found nothing.
    mutable unsigned missing_lookups_ = 0;
    mutable std::vector<std::string> missing_keys_;
};

}  // namespace stadsmijn
