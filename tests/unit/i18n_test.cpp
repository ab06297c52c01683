#include <doctest/doctest.h>

#include "core/i18n.h"

using namespace stadsmijn;

namespace {
Catalog catalog(const char* json, const char* language, Problems* out = nullptr) {
    Problems problems;
    Catalog result = Catalog::parse(json, language, std::string("i18n/") + language + ".json", problems);
    if (out) *out = problems;
    else REQUIRE(problems.empty());
    return result;
}
}  // namespace

TEST_CASE("a text is looked up in the current language, then English, then Dutch, then shows its key") {
    Translator t;
    t.add(catalog(R"({"a": "nl-a", "b": "nl-b", "c": "nl-c"})", "nl"));
    t.add(catalog(R"({"a": "en-a", "b": "en-b"})", "en"));
    t.add(catalog(R"({"a": "tr-a"})", "tr"));
    REQUIRE(t.set_language("tr"));
    CHECK(t.text("a") == "tr-a");
    CHECK(t.text("b") == "en-b");
    CHECK(t.text("c") == "nl-c");
    CHECK(t.text("missing.key") == "missing.key");
    CHECK_FALSE(t.has("missing.key"));
}

TEST_CASE("an unknown language keeps the current one") {
    Translator t;
    t.add(catalog(R"({"a": "nl"})", "nl"));
    CHECK_FALSE(t.set_language("xx"));
    CHECK(t.language() == "nl");
}

TEST_CASE("placeholders are filled, doubled braces are literal, unknown ones stay visible") {
    CHECK(fill_placeholders("Hallo {name}!", {{"name", "Noor"}}) == "Hallo Noor!");
    CHECK(fill_placeholders("{{x}} {a}{b}", {{"a", "1"}, {"b", "2"}}) == "{x} 12");
    CHECK(fill_placeholders("{unknown}", {}) == "{unknown}");
    CHECK(placeholder_names("{b} {a} {b} {{c}}") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("plural forms follow each language's CLDR rule") {
    Translator t;
    t.add(catalog(R"({"n": {"one": "{count} apparaat", "other": "{count} apparaten"}})", "nl"));
    t.add(catalog(R"({"n": {"one": "{count} urządzenie", "few": "{count} urządzenia", "many": "{count} urządzeń", "other": "{count} urządzenia"}})",
                  "pl"));
    CHECK(t.plural("n", 1) == "1 apparaat");
    CHECK(t.plural("n", 0) == "0 apparaten");
    CHECK(t.plural("n", 2) == "2 apparaten");
    REQUIRE(t.set_language("pl"));
    CHECK(t.plural("n", 1) == "1 urządzenie");
    CHECK(t.plural("n", 3) == "3 urządzenia");
    CHECK(t.plural("n", 5) == "5 urządzeń");
    CHECK(t.plural("n", 12) == "12 urządzeń");
    CHECK(t.plural("n", 22) == "22 urządzenia");
}

TEST_CASE("a plural text that falls back to Dutch uses the Dutch rule") {
    Translator t;
    t.add(catalog(R"({"n": {"one": "één", "other": "veel"}})", "nl"));
    t.add(catalog(R"({})", "pl"));
    REQUIRE(t.set_language("pl"));
    CHECK(t.plural("n", 3) == "veel");
}

TEST_CASE("a broken catalog reports each problem with its key and keeps the good entries") {
    Problems problems;
    Catalog c = catalog(R"({"ok": "fine", "num": 3, "p": {"one": "x"}, "q": {"some": "x", "other": "y"}, "b": "open {x"})",
                        "nl", &problems);
    CHECK(c.find("ok") != nullptr);
    CHECK(c.find("num") == nullptr);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].to_string() == "i18n/nl.json: b: a '{' has no matching '}'");
    CHECK(problems[1].to_string() == "i18n/nl.json: num: expected a text or plural forms, found a number");
    CHECK(problems[2].to_string() == "i18n/nl.json: p: a plural text needs an 'other' form");
    CHECK(problems[3].path == "q.some");
}

TEST_CASE("a catalog that is not JSON says where it breaks") {
    Problems problems;
    Catalog::parse("{\n  \"a\": \"x\",\n  \"b\" \"y\"\n}", "nl", "i18n/nl.json", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("line 3") != std::string::npos);
}

TEST_CASE("numbers are written the way each language writes them") {
    Translator t;
    t.add(catalog("{}", "nl"));
    t.add(catalog("{}", "en"));
    t.add(catalog("{}", "pl"));
    CHECK(t.format_number(1234.5, 1) == "1.234,5");
    CHECK(t.format_number(-0.04, 1) == "0,0");
    CHECK(t.format_number(1000000, 0) == "1.000.000");
    t.set_language("en");
    CHECK(t.format_number(1234.5, 1) == "1,234.5");
    CHECK(t.format_number(-12, 0) == "-12");
    t.set_language("pl");
    CHECK(t.format_number(1234, 0) == "1234");
    CHECK(t.format_number(12345.25, 2) == "12\u00A0345,25");
}
