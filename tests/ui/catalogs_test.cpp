// The bundled catalogs, as the app loads them: every language has every key of Dutch (the
// reference) and nothing Dutch lacks, its placeholders match Dutch, its plural texts have exactly
// the forms its plural rule uses, and the subset font can draw every letter of every text.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/ui/ui_harness.h"

using namespace stadsmijn;

namespace {

// One merged catalog per language folder, read from the bundle the way the app reads it.
std::map<std::string, Catalog> bundled_catalogs(Problems& problems) {
    std::map<std::string, Catalog> catalogs;
    for (const EmbeddedFile& file : embedded_files()) {
        std::string_view path = file.path;
        if (!path.starts_with("i18n/") || !path.ends_with(".json")) continue;
        std::string_view rest = path.substr(5);
        auto slash = rest.find('/');
        if (slash == std::string_view::npos) continue;
        std::string language(rest.substr(0, slash));
        Catalog part = Catalog::parse(file.text(), language, file.path, problems);
        auto [it, fresh] = catalogs.try_emplace(language, part);
        if (!fresh) it->second.merge(std::move(part));
    }
    return catalogs;
}

std::set<std::string> placeholders_of(const CatalogEntry& entry) {
    std::set<std::string> names;
    auto add = [&](const std::string& text) {
        for (auto& name : placeholder_names(text)) names.insert(name);
    };
    if (entry.is_plural())
        for (const auto& [category, text] : entry.plural_forms) add(text);
    else
        add(entry.text);
    return names;
}

// The plural forms a language's rule gives for whole numbers, plus "other" (CLDR requires it).
std::set<PluralCategory> plural_forms_of(const std::string& language) {
    std::set<PluralCategory> forms{PluralCategory::other};
    for (long long n = 0; n <= 1000; ++n) forms.insert(plural_category(language, n));
    return forms;
}

std::string names_of(const std::set<PluralCategory>& forms) {
    std::string out;
    for (auto form : forms) out += std::string(out.empty() ? "" : ",") + plural_category_name(form);
    return out;
}

std::vector<std::string> texts_of(const CatalogEntry& entry) {
    if (!entry.is_plural()) return {entry.text};
    std::vector<std::string> out;
    for (const auto& [category, text] : entry.plural_forms) out.push_back(text);
    return out;
}

}  // namespace

TEST_CASE("the bundled catalogs parse without a problem, and there are at least Dutch, English, Turkish and Polish") {
    Problems problems;
    auto catalogs = bundled_catalogs(problems);
    for (const auto& problem : problems) {
        CAPTURE(problem.to_string());
        CHECK(false);
    }
    for (const char* language : {"nl", "en", "tr", "pl"}) {
        CAPTURE(language);
        CHECK(catalogs.count(language) == 1);
    }
}

TEST_CASE("every language has every key of Dutch, and no key that Dutch lacks") {
    Problems problems;
    auto catalogs = bundled_catalogs(problems);
    REQUIRE(catalogs.count("nl") == 1);
    const Catalog& dutch = catalogs.at("nl");
    for (const auto& [language, catalog] : catalogs) {
        if (language == "nl") continue;
        CAPTURE(language);
        for (const auto& [key, entry] : dutch.entries()) {
            CAPTURE(key);
            CHECK_MESSAGE(catalog.find(key) != nullptr, "missing in ", language, ": ", key);
        }
        for (const auto& [key, entry] : catalog.entries()) {
            CAPTURE(key);
            CHECK_MESSAGE(dutch.find(key) != nullptr, "not in Dutch, the reference: ", key);
        }
    }
}

TEST_CASE("every translation uses the same placeholders as Dutch, and is plural exactly where Dutch is") {
    Problems problems;
    auto catalogs = bundled_catalogs(problems);
    REQUIRE(catalogs.count("nl") == 1);
    const Catalog& dutch = catalogs.at("nl");
    for (const auto& [language, catalog] : catalogs) {
        for (const auto& [key, entry] : catalog.entries()) {
            const CatalogEntry* reference = dutch.find(key);
            if (!reference) continue;
            CAPTURE(language);
            CAPTURE(key);
            CHECK(entry.is_plural() == reference->is_plural());
            std::set<std::string> expected = placeholders_of(*reference), found = placeholders_of(entry);
            CHECK(found == expected);
            // A single form may leave out the count ("one device" as "a device"), never add a name.
            for (const auto& [category, text] : entry.plural_forms)
                for (const auto& name : placeholder_names(text)) {
                    CAPTURE(name);
                    CHECK(expected.count(name) == 1);
                }
        }
    }
}

TEST_CASE("plural texts have exactly the forms of their language's plural rule (Polish: one, few, many, other)") {
    CHECK(plural_forms_of("pl") == std::set<PluralCategory>{PluralCategory::one, PluralCategory::few,
                                                            PluralCategory::many, PluralCategory::other});
    CHECK(plural_forms_of("tr") == std::set<PluralCategory>{PluralCategory::one, PluralCategory::other});
    Problems problems;
    auto catalogs = bundled_catalogs(problems);
    for (const auto& [language, catalog] : catalogs) {
        std::set<PluralCategory> expected = plural_forms_of(language);
        for (const auto& [key, entry] : catalog.entries()) {
            if (!entry.is_plural()) continue;
            std::set<PluralCategory> found;
            for (const auto& [category, text] : entry.plural_forms) found.insert(category);
            CAPTURE(language);
            CAPTURE(key);
            CAPTURE(names_of(found));
            CAPTURE(names_of(expected));
            CHECK(found == expected);
        }
    }
}

TEST_CASE("the subset font has a glyph for every letter of every catalog text, in both weights") {
    stadsmijn::ui::testing::HeadlessApp app;
    REQUIRE(app.fonts.body != nullptr);
    REQUIRE(app.fonts.strong != nullptr);
    Problems problems;
    auto catalogs = bundled_catalogs(problems);
    std::size_t letters = 0;
    for (const auto& [language, catalog] : catalogs) {
        for (const auto& [key, entry] : catalog.entries()) {
            for (const std::string& text : texts_of(entry)) {
                const char* s = text.c_str();
                const char* end = s + text.size();
                while (s < end) {
                    unsigned int c = 0;
                    s += ImTextCharFromUtf8(&c, s, end);
                    if (c == '\n') continue;
                    ++letters;
                    if (app.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
                        app.fonts.strong->FindGlyphNoFallback(static_cast<ImWchar>(c)))
                        continue;
                    char code[16];
                    std::snprintf(code, sizeof code, "U+%04X", c);
                    std::string missing = code;
                    CAPTURE(language);
                    CAPTURE(key);
                    CAPTURE(missing);
                    FAIL_CHECK("a letter the font cannot draw (it would show as '?')");
                }
            }
        }
    }
    CHECK(letters > 1000);
}

TEST_CASE("Turkish and Polish letters are in the font") {
    stadsmijn::ui::testing::HeadlessApp app;
    for (unsigned int c : {0x11Fu, 0x15Fu, 0x131u, 0x130u, 0xE7u, 0xF6u, 0xFCu,             // ğ ş ı İ ç ö ü
                           0x105u, 0x119u, 0x142u, 0x144u, 0x15Bu, 0x17Au, 0x17Cu, 0x107u,  // ą ę ł ń ś ź ż ć
                           0xF3u, 0x141u, 0x17Bu, 0x201Eu, 0x201Du, 0xA0u}) {            // ó Ł Ż „ ” nbsp
        CAPTURE(c);
        CHECK(app.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
}
