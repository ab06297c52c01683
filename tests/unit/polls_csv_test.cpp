// Pol.is CSV exports read from bytes and written back; malformed files give errors a person can act on.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/polls/polis_csv.h"

using namespace stadsmijn::polls;

namespace {

const char* const small_export =
    "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,3\n"
    "0,0,1,3,2,1,1,-1,1\n"
    "1,,0,1,0,0,,0,\n"
    "4,1,0,2,0,2,-1,,-1\n";

}  // namespace

TEST_CASE("a Pol.is participants-votes export read from bytes gives its votes, groups and columns") {
    const auto t = parse_participants_votes_csv(small_export);
    REQUIRE(t.ok());
    const PolisParticipantVotes& v = t.value();
    CHECK(v.statements == std::vector<StatementId>{0, 1, 3});
    REQUIRE(v.participants.size() == 3);
    CHECK(v.participants[0].group == 0);
    CHECK_FALSE(v.participants[1].group.has_value());
    CHECK(v.participants[2].group == 1);
    CHECK(v.votes.size() == 6);
    CHECK(v.warnings.empty());
    const VoteMatrix m = VoteMatrix::from_records(v.votes).value();
    CHECK(m.vote(*m.participant_index(0), *m.statement_index(1)) == Vote::disagree);
    CHECK(m.vote(*m.participant_index(1), *m.statement_index(1)) == Vote::pass);
    CHECK_FALSE(m.vote(*m.participant_index(1), *m.statement_index(0)).has_value());
}

TEST_CASE("a file read with the database sign convention swaps agree and disagree") {
    const auto t = parse_participants_votes_csv(small_export, SignConvention::agree_negative);
    REQUIRE(t.ok());
    const VoteMatrix m = VoteMatrix::from_records(t.value().votes).value();
    CHECK(m.vote(*m.participant_index(0), *m.statement_index(0)) == Vote::disagree);
    CHECK(m.vote(*m.participant_index(4), *m.statement_index(0)) == Vote::agree);
}

TEST_CASE("the sign check spots a votes file written with the database sign") {
    const std::string comments =
        "comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        "0,0,1,1,1,a\n"
        "1,0,0,1,1,b\n"
        "3,0,1,1,1,c\n";
    const auto c = parse_comments_csv(comments).value();
    // Read the right way: comment 1 has 0 agrees and 1 disagree, as comments.csv says.
    const VoteMatrix right = VoteMatrix::from_records(parse_participants_votes_csv(small_export).value().votes).value();
    CHECK(check_sign_convention(right, c).likely == SignConvention::agree_positive);
    // The same votes with flipped signs, as a 2024 votes.csv could hold them.
    const VoteMatrix flipped = VoteMatrix::from_records(
        parse_participants_votes_csv(small_export, SignConvention::agree_negative).value().votes).value();
    const SignCheck check = check_sign_convention(flipped, c);
    CHECK(check.likely == SignConvention::agree_negative);
    CHECK(check.fit_agree_negative == 1);
}

TEST_CASE("an xid column and unknown columns are tolerated, with a note") {
    const auto t = parse_participants_votes_csv(
        "participant,xid,group-id,n-comments,n-votes,n-agree,n-disagree,remark,5\n"
        "2,abc,0,0,1,1,0,hello,1\n");
    REQUIRE(t.ok());
    CHECK(t.value().participants[0].xid == "abc");
    CHECK(t.value().statements == std::vector<StatementId>{5});
    REQUIRE(t.value().warnings.size() == 1);
    CHECK(t.value().warnings[0].find("remark") != std::string::npos);
}

TEST_CASE("counts in the file that do not match its cells give a warning, not a failure") {
    const auto t = parse_participants_votes_csv("participant,group-id,n-comments,n-votes,n-agree,n-disagree,0\n"
                                                "9,,0,5,0,0,1\n");
    REQUIRE(t.ok());
    REQUIRE(t.value().warnings.size() == 1);
    CHECK(t.value().warnings[0].find("participant 9 says 5, 1 filled") != std::string::npos);
}

TEST_CASE("comments with quoted commas, quotes and line breaks are read whole") {
    const auto c = parse_comments_csv(
        "\xEF\xBB\xBFtimestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\r\n"
        "1500,\"Mon Jul 17 2017\",7,3,10,2,1,\"Repair, don't \"\"replace\"\"\nplease\"\r\n"
        "1600,x,8,3,0,0,-1,spam\r\n");
    REQUIRE(c.ok());
    REQUIRE(c.value().size() == 2);
    CHECK(c.value()[0].body == "Repair, don't \"replace\"\nplease");
    CHECK(c.value()[0].agrees == 10);
    CHECK(c.value()[1].moderated == -1);
    CHECK(moderated_out_statements(c.value()) == std::vector<StatementId>{8});
}

TEST_CASE("meta comments are left out of the maths like moderated-out ones") {
    const auto c = parse_comments_csv("comment-id,moderated,is-meta\n1,1,true\n2,1,false\n3,0,\n");
    REQUIRE(c.ok());
    CHECK(moderated_out_statements(c.value()) == std::vector<StatementId>{1});
}

TEST_CASE("comments.csv columns are found by header name, is-seed and is-meta included") {
    // A 2021-style export: is-seed and is-meta after the body, columns in another order.
    const auto c = parse_comments_csv("moderated,comment-id,comment-body,is-seed,is-meta\n"
                                      "1,5,\"seed, by the host\",true,false\n"
                                      "1,6,about the process,false,true\n"
                                      "-1,7,spam,f,f\n");
    REQUIRE(c.ok());
    REQUIRE(c.value().size() == 3);
    CHECK(c.value()[0].is_seed);
    CHECK_FALSE(c.value()[0].is_meta);
    CHECK(c.value()[0].body == "seed, by the host");
    CHECK_FALSE(c.value()[1].is_seed);
    CHECK(c.value()[1].is_meta);
    CHECK(moderated_out_statements(c.value()) == std::vector<StatementId>{6, 7});
}

TEST_CASE("votes.csv keeps every vote with its time, so the latest one wins") {
    const auto v = parse_votes_csv("timestamp,datetime,comment-id,voter-id,vote\n"
                                   "200,x,4,1,-1\n"
                                   "100,x,4,1,1\n");
    REQUIRE(v.ok());
    const VoteMatrix m = VoteMatrix::from_records(v.value()).value();
    CHECK(m.vote(0, 0) == Vote::disagree);
}

TEST_CASE("writing then reading participants-votes gives back the same votes and groups") {
    const auto t = parse_participants_votes_csv(small_export).value();
    const VoteMatrix m = VoteMatrix::from_records(t.votes).value();
    const std::vector<std::pair<ParticipantId, int>> groups = {{0, 0}, {4, 1}};
    const std::string written = write_participants_votes_csv(m, groups);
    const auto again = parse_participants_votes_csv(written);
    REQUIRE(again.ok());
    CHECK(again.value().warnings.empty());
    const VoteMatrix m2 = VoteMatrix::from_records(again.value().votes).value();
    CHECK(m2.participants() == m.participants());
    CHECK(m2.statements() == m.statements());
    CHECK(m2.records().size() == m.records().size());
    for (std::size_t p = 0; p < m.participant_count(); ++p)
        for (std::size_t s = 0; s < m.statement_count(); ++s) CHECK(m.vote(p, s) == m2.vote(p, s));
    CHECK(again.value().participants[0].group == 0);
    CHECK_FALSE(again.value().participants[1].group.has_value());
    CHECK(again.value().participants[2].group == 1);
}

TEST_CASE("written comments and votes read back the same, with agrees recounted from the votes") {
    const auto m = VoteMatrix::from_records(parse_participants_votes_csv(small_export).value().votes).value();
    std::vector<PolisComment> comments = {{0, 2, 1000, 99, 99, 1, false, "Fix, \"don't\" buy"}, {1, 0, 2000, 0, 0, -1, false, "x"}};
    const auto back = parse_comments_csv(write_comments_csv(comments, m));
    REQUIRE(back.ok());
    CHECK(back.value()[0].body == comments[0].body);
    CHECK(back.value()[0].agrees == 1);     // participant 0 agreed; participant 4 disagreed
    CHECK(back.value()[0].disagrees == 1);
    CHECK(back.value()[1].moderated == -1);
    const auto votes = parse_votes_csv(write_votes_csv(m.records()));
    REQUIRE(votes.ok());
    CHECK(votes.value().size() == m.vote_count());
}

TEST_CASE("JavaScript date text matches the calendar") {
    CHECK(javascript_date_text(0) == "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)");
    CHECK(javascript_date_text(1729629135000) == "Tue Oct 22 2024 20:32:15 GMT+0000 (Coordinated Universal Time)");
    CHECK(javascript_date_text(951782400000) == "Tue Feb 29 2000 00:00:00 GMT+0000 (Coordinated Universal Time)");
    CHECK(javascript_date_text(-1000) == "Wed Dec 31 1969 23:59:59 GMT+0000 (Coordinated Universal Time)");
}

TEST_CASE("malformed CSV input gives errors that name the file, line and column") {
    SUBCASE("an unclosed quote") {
        const auto r = parse_comments_csv("comment-id,comment-body\n1,\"never closed\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "comments.csv line 2: a quoted field is never closed (a \" is missing)");
    }
    SUBCASE("a vote that is not 1, -1, 0 or empty") {
        const auto r = parse_participants_votes_csv("participant,group-id,0,1\n3,,1,x\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "participants-votes.csv line 2, column \"1\": a vote must be 1, -1, 0 or empty, not \"x\"");
    }
    SUBCASE("a vote of 2") {
        const auto r = parse_participants_votes_csv("participant,0\n3,2\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("line 2, column \"0\"") != std::string::npos);
    }
    SUBCASE("a row with too few fields") {
        const auto r = parse_participants_votes_csv("participant,group-id,0,1\n3,,1\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "participants-votes.csv line 2 has 3 fields but the header has 4");
    }
    SUBCASE("no participant column") {
        const auto r = parse_participants_votes_csv("voter,0\n1,1\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("no \"participant\" column") != std::string::npos);
    }
    SUBCASE("a participant twice") {
        const auto r = parse_participants_votes_csv("participant,0\n1,1\n1,-1\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "participants-votes.csv line 3: participant 1 already appeared on line 2");
    }
    SUBCASE("a participant id that is not a number") {
        const auto r = parse_participants_votes_csv("participant,0\nabc,1\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "participants-votes.csv line 2, column \"participant\": expected a whole number, not \"abc\"");
    }
    SUBCASE("an empty file") {
        const auto r = parse_votes_csv("");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error() == "votes.csv is empty: expected a header line and rows");
    }
    SUBCASE("a moderation value out of range") {
        const auto r = parse_comments_csv("comment-id,moderated\n4,7\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("expected -1 (moderated out), 0 or 1, not 7") != std::string::npos);
    }
    SUBCASE("votes.csv without a vote column") {
        const auto r = parse_votes_csv("comment-id,voter-id\n1,2\n");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find("\"vote\"") != std::string::npos);
    }
}

#ifdef STADSMIJN_SOURCE_DIR
TEST_CASE("a real Pol.is export (brexit-consensus) is read whole") {
    const std::string dir = std::string(STADSMIJN_SOURCE_DIR) + "/tests/fixtures/polis/brexit-consensus/";
    std::ifstream in(dir + "participants-votes.csv", std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const auto t = parse_participants_votes_csv(text.str());
    REQUIRE(t.ok());
    CHECK(t.value().participants.size() == 204);  // summary.csv: voters 204
    CHECK(t.value().statements.size() == 50);     // summary.csv: comments 50
    CHECK(t.value().warnings.empty());
}
#endif
