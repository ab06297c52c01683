// Campaigns (content/campaigns/*.json): what an editor gets told when a file is wrong, and the
// WCAG contrast checks of the campaign's colours.
#include <doctest/doctest.h>

#include "core/content/campaigns.h"
#include "core/content/content.h"
#include "platform/bundle.h"

using namespace stadsmijn;

namespace {

std::vector<ContentFile> bundled_content() {
    std::vector<ContentFile> files;
    for (const auto& file : embedded_files())
        if (std::string_view(file.path).starts_with("content/")) files.push_back({file.path, file.text()});
    return files;
}

const char* kValid = R"({
  "id": "test-campagne",
  "name": {"nl": "Test", "en": "Test"},
  "municipality": "haarlem",
  "part": "poll",
  "poll": "grondstoffen-repareren-inleveren",
  "colours": {"background": "#FFFFFF", "text": "#1A1A1A", "accent": "#A6192E", "accent_text": "#FFFFFF",
              "link": "#1F4E8C"},
  "organiser": {"name": "Gemeente Haarlem", "url": "https://haarlem.nl/"},
  "allowed_origins": ["https://haarlem.nl"]
})";

Problems read(std::string text, Campaign* out = nullptr, std::string id = "test-campagne") {
    Problems problems;
    std::string file = "content/campaigns/" + id + ".json";
    auto doc = parse_json(text, file, problems);
    REQUIRE(doc);
    Campaign campaign = read_campaign(JsonReader(*doc, file, problems), id);
    if (out) *out = campaign;
    return problems;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the WCAG contrast formula gives the published reference ratios") {
    CHECK(wcag_contrast({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(wcag_contrast({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
    // #767676 on white is the classic "just passes" grey: 4.54:1.
    CHECK(wcag_contrast(*parse_hex_colour("#767676"), {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.005));
    // Order does not matter.
    CHECK(wcag_contrast({236, 0, 0}, {255, 255, 255}) == doctest::Approx(wcag_contrast({255, 255, 255}, {236, 0, 0})));
}

TEST_CASE("colours are read as #RRGGBB only") {
    CHECK(parse_hex_colour("#EC0000") == RgbColour{236, 0, 0});
    CHECK(parse_hex_colour("#ec0000") == RgbColour{236, 0, 0});
    CHECK_FALSE(parse_hex_colour("EC0000"));
    CHECK_FALSE(parse_hex_colour("#EC00"));
    CHECK_FALSE(parse_hex_colour("#EC00ZZ"));
    CHECK(hex_colour({31, 78, 140}) == "#1F4E8C");
}

TEST_CASE("a valid campaign file reads without problems") {
    Campaign campaign;
    CHECK(read(kValid, &campaign).empty());
    CHECK(campaign.id == "test-campagne");
    CHECK(campaign.part == EmbedPart::poll);
    CHECK(campaign.poll == "grondstoffen-repareren-inleveren");
    CHECK(campaign.colours.accent == RgbColour{0xA6, 0x19, 0x2E});
    CHECK(campaign.allowed_origins == std::vector<std::string>{"https://haarlem.nl"});
    CHECK(embed_route(campaign, "en") == "#/poll/grondstoffen-repareren-inleveren?lang=en&municipality=haarlem");
}

TEST_CASE("text that is too light on the background is rejected with the file, JSON path and ratio") {
    Problems problems = read(replaced(kValid, R"("text": "#1A1A1A")", R"("text": "#999999")"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() ==
          "content/campaigns/test-campagne.json: colours.text: contrast with colours.background is 2.84:1 "
          "(#999999 on #FFFFFF); text (WCAG 1.4.3) needs at least 4.50:1");
}

TEST_CASE("a button colour needs 3:1 against the page and its text 4.5:1 against the button") {
    // A pale yellow button: its text passes (dark on yellow) but the button vanishes into white.
    std::string text = replaced(kValid, R"("accent": "#A6192E")", R"("accent": "#FFE066")");
    text = replaced(text, R"("accent_text": "#FFFFFF")", R"("accent_text": "#1A1A1A")");
    Problems problems = read(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "colours.accent");
    CHECK(problems[0].message.find("needs at least 3.00:1") != std::string::npos);

    problems = read(replaced(kValid, R"("accent_text": "#FFFFFF")", R"("accent_text": "#B03040")"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "colours.accent_text");
}

TEST_CASE("a ratio just under the threshold is never rounded up to a pass") {
    // #777777 on white is 4.48:1: shown as 4.47 or 4.48, never 4.50.
    Problems problems = read(replaced(kValid, R"("link": "#1F4E8C")", R"("link": "#777777")"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "colours.link");
    CHECK(problems[0].message.find("4.50:1 (") == std::string::npos);
}

TEST_CASE("allowed origins are https scheme and host only: no wildcard, path or plain http") {
    CHECK(is_https_origin("https://www.amsterdam.nl"));
    CHECK(is_https_origin("https://campagne.haarlem.nl:8443"));
    CHECK_FALSE(is_https_origin("http://www.amsterdam.nl"));
    CHECK_FALSE(is_https_origin("https://*.amsterdam.nl"));
    CHECK_FALSE(is_https_origin("https://www.amsterdam.nl/"));
    CHECK_FALSE(is_https_origin("https://www.amsterdam.nl/afval"));
    CHECK_FALSE(is_https_origin("https://WWW.amsterdam.nl"));
    CHECK_FALSE(is_https_origin("https://localhost"));
    CHECK_FALSE(is_https_origin("https://a.nl 'unsafe-inline'"));
    CHECK_FALSE(is_https_origin("https://a.nl:99999"));

    Problems problems = read(replaced(kValid, R"(["https://haarlem.nl"])", R"(["https://haarlem.nl", "*"])"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "allowed_origins[1]");
}

TEST_CASE("a part that needs a device or poll says which is missing; an unknown part is named") {
    Problems problems = read(replaced(kValid, R"("part": "poll")", R"("part": "repair")"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "device");
    problems = read(replaced(kValid, R"("part": "poll")", R"("part": "everything")"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "must be app, device, repair, poll, return or drawer, found 'everything'");
}

TEST_CASE("the id inside the file must match the file name") {
    Problems problems = read(kValid, nullptr, "andere-naam");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "id");
}

TEST_CASE("the shipped campaigns load, and link to a real municipality, device, poll and places") {
    LoadedContent loaded = load_content(bundled_content());
    std::string all;
    for (const auto& problem : loaded.problems) all += problem.to_string() + "\n";
    INFO(all);
    CHECK(loaded.problems.empty());
    REQUIRE(loaded.content.campaigns.size() >= 3);
    const Campaign* amsterdam = loaded.content.find_campaign("ruim-je-la-op-amsterdam");
    REQUIRE(amsterdam);
    CHECK(amsterdam->part == EmbedPart::app);
    const Campaign* almere = loaded.content.find_campaign("repareren-loont-almere");
    REQUIRE(almere);
    CHECK(embed_route(*almere, "nl") == "#/device/smartphone/repair?lang=nl&municipality=almere");
    const Campaign* haarlem = loaded.content.find_campaign("praat-mee-haarlem");
    REQUIRE(haarlem);
    CHECK(haarlem->municipality == "haarlem");
}

TEST_CASE("a campaign naming a municipality, device or place that does not exist is reported") {
    std::vector<ContentFile> files = bundled_content();
    std::string broken = replaced(kValid, R"("municipality": "haarlem")", R"("municipality": "gotham")");
    broken = replaced(broken, R"("allowed_origins")", R"("local_places": ["rc-de-pijp"], "allowed_origins")");
    files.push_back({"content/campaigns/test-campagne.json", broken});
    LoadedContent loaded = load_content(files);
    std::vector<std::string> found;
    for (const auto& p : loaded.problems)
        if (p.file == "content/campaigns/test-campagne.json") found.push_back(p.path + ": " + p.message);
    REQUIRE(found.size() == 2);
    CHECK(found[0] == "municipality: 'gotham' is not a municipality in content/municipalities.json");
    CHECK(found[1] == "local_places[0]: 'rc-de-pijp' lies in amsterdam, not in gotham");
}
