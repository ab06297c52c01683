// Poll definitions in content/polls: the shipped sample poll and what the reader refuses.
#include <doctest/doctest.h>

#include <set>

#include "core/content/content.h"
#include "core/polls/poll_definition.h"
#include "core/polls/text_checks.h"
#include "platform/bundle.h"

using namespace stadsmijn;

namespace {

LoadedContent load_shipped_with(const std::string& path, const std::string& bytes) {
    std::vector<ContentFile> files;
    for (const auto& file : embedded_files())
        if (std::string_view(file.path).starts_with("content/") && file.path != path)
            files.push_back({file.path, file.text()});
    files.push_back({path, bytes});
    return load_content(files);
}

std::vector<std::string> problem_lines(const LoadedContent& loaded) {
    std::vector<std::string> lines;
    for (const auto& problem : loaded.problems) lines.push_back(problem.to_string());
    return lines;
}

const char* kPollPath = "content/polls/grondstoffen-repareren-inleveren.json";

}  // namespace

TEST_CASE("the sample poll on raw materials, repair and return ships with 12 to 20 bilingual, linked statements") {
    std::vector<ContentFile> files;
    for (const auto& file : embedded_files())
        if (std::string_view(file.path).starts_with("content/")) files.push_back({file.path, file.text()});
    LoadedContent loaded = load_content(files);
    CHECK(problem_lines(loaded).empty());
    const PollDefinition* poll = loaded.content.find_poll("grondstoffen-repareren-inleveren");
    REQUIRE(poll);
    CHECK(poll->open);
    CHECK(poll->seed != 0);
    CHECK(poll->statements.size() >= 12);
    CHECK(poll->statements.size() <= 20);
    std::set<std::int64_t> ids;
    for (const auto& statement : poll->statements) {
        CAPTURE(statement.id);
        CHECK(ids.insert(statement.id).second);
        CHECK(statement.id < kFirstParticipantStatementId);
        CHECK_FALSE(statement.text.nl.empty());
        CHECK_FALSE(statement.text.en.empty());
        CHECK_FALSE(polls::statement_text_problem(statement.text.nl).has_value());
        CHECK_FALSE(polls::statement_text_problem(statement.text.en).has_value());
        CHECK(statement.sources.size() + statement.devices.size() + statement.materials.size() +
                  statement.guidance.size() >
              0);
        for (const auto& source : statement.sources) CHECK(loaded.content.find_source(source));
    }
}

TEST_CASE("a poll statement with a figure but no source is reported with its path") {
    const std::string poll = R"({
      "id": "grondstoffen-repareren-inleveren",
      "title": {"nl": "Titel", "en": "Title"},
      "question": {"nl": "Vraag?", "en": "Question?"},
      "statements": [
        {"id": 1, "text": {"nl": "Zeker 90 procent van de telefoons kan gerepareerd worden.", "en": "At least 90 per cent of phones can be repaired."},
         "devices": ["smartphone"]}
      ]})";
    // A campaign that features the poll by its old id reports it too; here only the poll file counts.
    std::vector<std::string> lines;
    for (const auto& line : problem_lines(load_shipped_with(kPollPath, poll)))
        if (line.starts_with(kPollPath)) lines.push_back(line);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == std::string(kPollPath) +
                          ": statements[0]: contains a figure but cites no source; every figure needs a source id from "
                          "content/sources.json");
}

TEST_CASE("poll links to sources, devices, materials and guidance that do not exist are named") {
    const std::string poll = R"({
      "id": "grondstoffen-repareren-inleveren",
      "title": {"nl": "Titel", "en": "Title"},
      "question": {"nl": "Vraag?", "en": "Question?"},
      "statements": [
        {"id": 1, "text": {"nl": "Repareren is beter dan weggooien.", "en": "Repair beats throwing away."},
         "sources": ["no-such-source"], "devices": ["hoverboard"], "materials": ["unobtainium"], "guidance": ["nope"]},
        {"id": 1, "text": {"nl": "Te kort", "en": "Short"}, "devices": ["smartphone"]}
      ]})";
    auto lines = problem_lines(load_shipped_with(kPollPath, poll));
    const std::string file = kPollPath;
    std::vector<std::string> expected = {
        file + ": statements[1].text.nl: has 7 characters; a statement has 10 to 240",
        file + ": statements[1].text.en: has 5 characters; a statement has 10 to 240",
        file + ": statements[1].id: 1 is used by an earlier statement too; ids are never reused",
        file + ": statements[0].sources: 'no-such-source' is not in content/sources.json",
        file + ": statements[0].devices: 'hoverboard' is not in content/devices.json",
        file + ": statements[0].materials: 'unobtainium' is not in content/materials.json",
        file + ": statements[0].guidance: 'nope' is not in content/guidance.json",
    };
    CHECK(lines == expected);
}

TEST_CASE("a poll file whose id differs from its file name is reported") {
    const std::string poll =
        R"({"id": "other-name", "title": {"nl": "T", "en": "T"}, "question": {"nl": "V", "en": "Q"},
      "statements": [{"id": 1, "text": {"nl": "Repareren is beter dan weggooien.", "en": "Repair beats throwing away."}, "devices": ["smartphone"]}]})";
    // A campaign that features the poll by its old id reports it too; here only the poll file counts.
    std::vector<std::string> lines;
    for (const auto& line : problem_lines(load_shipped_with(kPollPath, poll)))
        if (line.starts_with(kPollPath)) lines.push_back(line);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == std::string(kPollPath) +
                          ": id: 'other-name' differs from the file name; name the file content/polls/other-name.json");
    CHECK(poll_id_from_path("content/polls/a-b.json") == "a-b");
    CHECK(poll_id_from_path("content/polls/sub/a-b.json").empty());
    CHECK(poll_id_from_path("content/devices.json").empty());
}
