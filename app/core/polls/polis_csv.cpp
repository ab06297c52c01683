#include "core/polls/polis_csv.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace stadsmijn::polls {
namespace {

struct Row {
    std::size_t line = 0;  // where the row starts, 1-based
    std::vector<std::string> fields;
};

Result<std::vector<Row>> read_rows(std::string_view text, std::string_view file) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<Row> rows;
    Row row;
    std::string field;
    std::size_t line = 1;
    row.line = 1;
    bool quoted = false;
    bool field_started = false;
    std::size_t quote_line = 0;
    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = Row{};
        row.line = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
            quote_line = line;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // the \n ends the row
        } else if (c == '\n') {
            ++line;
            end_row();
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted)
        return fail(std::string(file) + " line " + std::to_string(quote_line) +
                    ": a quoted field is never closed (a \" is missing)");
    if (field_started || !row.fields.empty()) end_row();
    return rows;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<std::int64_t> to_integer(std::string_view s) {
    s = trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string quoted(std::string_view s) {
    std::string out(1, '"');
    out += s;
    out += '"';
    return out;
}

// Where a cell is, for messages a person can find in a spreadsheet.
std::string at(std::string_view file, const Row& row, std::string_view column) {
    return std::string(file) + " line " + std::to_string(row.line) + ", column " + quoted(column);
}

struct Header {
    std::map<std::string, std::size_t> index;
    std::optional<std::size_t> find(const std::string& name) const {
        const auto it = index.find(name);
        if (it == index.end()) return std::nullopt;
        return it->second;
    }
};

// Pol.is writes booleans as true/false (Clojure export) or t/f (database dumps).
bool is_true(std::string_view cell) {
    const std::string_view m = trim(cell);
    return m == "true" || m == "t" || m == "1" || m == "TRUE" || m == "True";
}

Header header_of(const Row& row) {
    Header h;
    for (std::size_t i = 0; i < row.fields.size(); ++i) h.index.emplace(std::string(trim(row.fields[i])), i);
    return h;
}

Result<std::int64_t> integer_cell(std::string_view file, const Row& row, std::size_t column, std::string_view name) {
    const auto v = to_integer(row.fields[column]);
    if (!v) return fail(at(file, row, name) + ": expected a whole number, not " + quoted(row.fields[column]));
    return *v;
}

Result<int> small_integer_cell(std::string_view file, const Row& row, std::size_t column, std::string_view name) {
    auto v = integer_cell(file, row, column, name);
    if (!v) return Error{v.error()};
    if (v.value() < -2147483647 || v.value() > 2147483647)
        return fail(at(file, row, name) + ": " + quoted(row.fields[column]) + " is out of range");
    return static_cast<int>(v.value());
}

Result<std::vector<Row>> rows_with_header(std::string_view text, std::string_view file) {
    auto rows = read_rows(text, file);
    if (!rows) return rows;
    if (rows.value().empty()) return fail(std::string(file) + " is empty: expected a header line and rows");
    const std::size_t width = rows.value()[0].fields.size();
    for (const Row& r : rows.value())
        if (r.fields.size() != width)
            return fail(std::string(file) + " line " + std::to_string(r.line) + " has " +
                        std::to_string(r.fields.size()) + " fields but the header has " + std::to_string(width));
    return rows;
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text, std::string_view file_name) {
    auto rows = read_rows(text, file_name);
    if (!rows) return Error{rows.error()};
    std::vector<std::vector<std::string>> out;
    out.reserve(rows.value().size());
    for (Row& r : rows.value()) out.push_back(std::move(r.fields));
    return out;
}

Result<PolisParticipantVotes> parse_participants_votes_csv(std::string_view text, SignConvention convention) {
    const std::string_view file = "participants-votes.csv";
    auto rows_result = rows_with_header(text, file);
    if (!rows_result) return Error{rows_result.error()};
    const std::vector<Row>& rows = rows_result.value();
    const Header header = header_of(rows[0]);
    const auto participant_column = header.find("participant");
    if (!participant_column)
        return fail(std::string(file) +
                    ": the header has no \"participant\" column; is this a Pol.is participants-votes export?");
    const auto group_column = header.find("group-id");
    const auto xid_column = header.find("xid");
    const auto comments_column = header.find("n-comments");
    const auto votes_column = header.find("n-votes");
    const auto agree_column = header.find("n-agree");
    const auto disagree_column = header.find("n-disagree");

    PolisParticipantVotes out;
    std::vector<std::size_t> vote_columns;
    std::map<StatementId, std::size_t> seen_statements;
    for (std::size_t i = 0; i < rows[0].fields.size(); ++i) {
        const std::string_view name = trim(rows[0].fields[i]);
        if (i == participant_column || i == group_column || i == xid_column || i == comments_column ||
            i == votes_column || i == agree_column || i == disagree_column)
            continue;
        const auto id = to_integer(name);
        if (!id) {
            out.warnings.push_back("ignored column " + quoted(name) + ": not a comment id");
            continue;
        }
        if (!seen_statements.emplace(*id, i).second)
            return fail(std::string(file) + ": comment " + std::to_string(*id) + " has two columns");
        out.statements.push_back(*id);
        vote_columns.push_back(i);
    }

    std::map<ParticipantId, std::size_t> seen_participants;
    std::size_t count_mismatches = 0;
    std::string first_mismatch;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        PolisParticipant p;
        auto id = integer_cell(file, row, *participant_column, "participant");
        if (!id) return Error{id.error()};
        p.participant = id.value();
        if (const auto [it, fresh] = seen_participants.emplace(p.participant, row.line); !fresh)
            return fail(std::string(file) + " line " + std::to_string(row.line) + ": participant " +
                        std::to_string(p.participant) + " already appeared on line " + std::to_string(it->second));
        if (xid_column) p.xid = row.fields[*xid_column];
        if (group_column && !trim(row.fields[*group_column]).empty()) {
            auto g = small_integer_cell(file, row, *group_column, "group-id");
            if (!g) return Error{g.error()};
            if (g.value() < 0) return fail(at(file, row, "group-id") + ": a group id cannot be negative");
            p.group = g.value();
        }
        const std::pair<std::optional<std::size_t>, int*> counts[] = {
            {comments_column, &p.comments}, {votes_column, &p.votes}, {agree_column, &p.agrees},
            {disagree_column, &p.disagrees}};
        const char* count_names[] = {"n-comments", "n-votes", "n-agree", "n-disagree"};
        for (std::size_t c = 0; c < 4; ++c) {
            if (!counts[c].first || trim(row.fields[*counts[c].first]).empty()) continue;
            auto v = small_integer_cell(file, row, *counts[c].first, count_names[c]);
            if (!v) return Error{v.error()};
            *counts[c].second = v.value();
        }
        int filled = 0;
        for (std::size_t c = 0; c < vote_columns.size(); ++c) {
            const std::string_view cell = trim(row.fields[vote_columns[c]]);
            if (cell.empty()) continue;
            const auto number = to_integer(cell);
            if (!number)
                return fail(at(file, row, std::to_string(out.statements[c])) +
                            ": a vote must be 1, -1, 0 or empty, not " + quoted(cell));
            auto vote = vote_from_number(static_cast<long>(*number), convention);
            if (!vote)
                return fail(at(file, row, std::to_string(out.statements[c])) +
                            ": a vote must be 1, -1, 0 or empty, not " + quoted(cell));
            out.votes.push_back({p.participant, out.statements[c], vote.value(), 0});
            ++filled;
        }
        if (votes_column && p.votes != filled) {
            if (count_mismatches++ == 0)
                first_mismatch = "participant " + std::to_string(p.participant) + " says " +
                                 std::to_string(p.votes) + ", " + std::to_string(filled) + " filled";
        }
        out.participants.push_back(std::move(p));
    }
    if (count_mismatches > 0)
        out.warnings.push_back("n-votes differs from the filled vote cells for " + std::to_string(count_mismatches) +
                               " participants (first: " + first_mismatch + ")");
    return out;
}

Result<std::vector<PolisComment>> parse_comments_csv(std::string_view text) {
    const std::string_view file = "comments.csv";
    auto rows_result = rows_with_header(text, file);
    if (!rows_result) return Error{rows_result.error()};
    const std::vector<Row>& rows = rows_result.value();
    const Header header = header_of(rows[0]);
    const auto id_column = header.find("comment-id");
    if (!id_column)
        return fail(std::string(file) + ": the header has no \"comment-id\" column; is this a Pol.is comments export?");
    const auto author_column = header.find("author-id");
    const auto time_column = header.find("timestamp");
    const auto agrees_column = header.find("agrees");
    const auto disagrees_column = header.find("disagrees");
    const auto moderated_column = header.find("moderated");
    const auto meta_column = header.find("is-meta");
    const auto seed_column = header.find("is-seed");
    const auto body_column = header.find("comment-body");

    std::vector<PolisComment> out;
    std::map<StatementId, std::size_t> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        PolisComment c;
        auto id = integer_cell(file, row, *id_column, "comment-id");
        if (!id) return Error{id.error()};
        c.comment = id.value();
        if (const auto [it, fresh] = seen.emplace(c.comment, row.line); !fresh)
            return fail(std::string(file) + " line " + std::to_string(row.line) + ": comment " +
                        std::to_string(c.comment) + " already appeared on line " + std::to_string(it->second));
        if (author_column && !trim(row.fields[*author_column]).empty()) {
            auto v = integer_cell(file, row, *author_column, "author-id");
            if (!v) return Error{v.error()};
            c.author = v.value();
        }
        if (time_column && !trim(row.fields[*time_column]).empty()) {
            auto v = integer_cell(file, row, *time_column, "timestamp");
            if (!v) return Error{v.error()};
            c.timestamp = v.value();
        }
        const std::pair<std::optional<std::size_t>, int*> counts[] = {
            {agrees_column, &c.agrees}, {disagrees_column, &c.disagrees}, {moderated_column, &c.moderated}};
        const char* names[] = {"agrees", "disagrees", "moderated"};
        for (std::size_t k = 0; k < 3; ++k) {
            if (!counts[k].first || trim(row.fields[*counts[k].first]).empty()) continue;
            auto v = small_integer_cell(file, row, *counts[k].first, names[k]);
            if (!v) return Error{v.error()};
            *counts[k].second = v.value();
        }
        if (c.moderated < -1 || c.moderated > 1)
            return fail(at(file, row, "moderated") + ": expected -1 (moderated out), 0 or 1, not " +
                        std::to_string(c.moderated));
        if (meta_column) c.is_meta = is_true(row.fields[*meta_column]);
        if (seed_column) c.is_seed = is_true(row.fields[*seed_column]);
        if (body_column) c.body = row.fields[*body_column];
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<VoteRecord>> parse_votes_csv(std::string_view text, SignConvention convention) {
    const std::string_view file = "votes.csv";
    auto rows_result = rows_with_header(text, file);
    if (!rows_result) return Error{rows_result.error()};
    const std::vector<Row>& rows = rows_result.value();
    const Header header = header_of(rows[0]);
    const auto comment_column = header.find("comment-id");
    const auto voter_column = header.find("voter-id");
    const auto vote_column = header.find("vote");
    const auto time_column = header.find("timestamp");
    if (!comment_column || !voter_column || !vote_column)
        return fail(std::string(file) +
                    ": the header needs \"comment-id\", \"voter-id\" and \"vote\" columns; is this a Pol.is votes export?");
    std::vector<VoteRecord> out;
    out.reserve(rows.size() - 1);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        VoteRecord v;
        auto comment = integer_cell(file, row, *comment_column, "comment-id");
        if (!comment) return Error{comment.error()};
        auto voter = integer_cell(file, row, *voter_column, "voter-id");
        if (!voter) return Error{voter.error()};
        auto number = integer_cell(file, row, *vote_column, "vote");
        if (!number) return Error{number.error()};
        auto vote = vote_from_number(static_cast<long>(number.value()), convention);
        if (!vote) return fail(at(file, row, "vote") + ": " + vote.error());
        if (time_column && !trim(row.fields[*time_column]).empty()) {
            auto t = integer_cell(file, row, *time_column, "timestamp");
            if (!t) return Error{t.error()};
            v.time = t.value();
        }
        v.participant = voter.value();
        v.statement = comment.value();
        v.vote = vote.value();
        out.push_back(v);
    }
    return out;
}

std::vector<StatementId> moderated_out_statements(std::span<const PolisComment> comments) {
    std::vector<StatementId> out;
    for (const PolisComment& c : comments)
        if (c.moderated < 0 || c.is_meta) out.push_back(c.comment);
    std::sort(out.begin(), out.end());
    return out;
}

SignCheck check_sign_convention(const VoteMatrix& votes, std::span<const PolisComment> comments) {
    std::vector<int> agree(votes.statement_count(), 0), disagree(votes.statement_count(), 0);
    for (std::size_t p = 0; p < votes.participant_count(); ++p)
        for (const VoteCell& c : votes.row(p)) {
            if (c.vote == Vote::agree) ++agree[c.statement];
            if (c.vote == Vote::disagree) ++disagree[c.statement];
        }
    SignCheck out;
    for (const PolisComment& c : comments) {
        const auto s = votes.statement_index(c.comment);
        if (!s || agree[*s] == disagree[*s]) continue;  // a tie says nothing about the sign
        ++out.compared;
        if (c.agrees == agree[*s] && c.disagrees == disagree[*s]) ++out.fit_agree_positive;
        if (c.agrees == disagree[*s] && c.disagrees == agree[*s]) ++out.fit_agree_negative;
    }
    out.likely = out.fit_agree_negative > out.fit_agree_positive ? SignConvention::agree_negative
                                                                  : SignConvention::agree_positive;
    return out;
}

std::string write_participants_votes_csv(const VoteMatrix& votes,
                                         std::span<const std::pair<ParticipantId, int>> groups,
                                         std::span<const PolisComment> comments) {
    std::map<ParticipantId, int> group_of;
    for (const auto& [p, g] : groups)
        if (g >= 0) group_of[p] = g;
    std::map<ParticipantId, int> authored;
    for (const PolisComment& c : comments) ++authored[c.author];

    std::string out = "participant,group-id,n-comments,n-votes,n-agree,n-disagree";
    for (StatementId s : votes.statements()) {
        out += ',';
        out += std::to_string(s);
    }
    out += "\n";
    std::vector<const char*> cells(votes.statement_count());
    for (std::size_t p = 0; p < votes.participant_count(); ++p) {
        const ParticipantId id = votes.participants()[p];
        std::fill(cells.begin(), cells.end(), "");
        int agree = 0, disagree = 0;
        for (const VoteCell& c : votes.row(p)) {
            cells[c.statement] = c.vote == Vote::agree ? "1" : c.vote == Vote::disagree ? "-1" : "0";
            agree += c.vote == Vote::agree;
            disagree += c.vote == Vote::disagree;
        }
        const auto g = group_of.find(id);
        const auto a = authored.find(id);
        out += std::to_string(id) + "," + (g == group_of.end() ? std::string() : std::to_string(g->second)) + "," +
               std::to_string(a == authored.end() ? 0 : a->second) + "," + std::to_string(votes.row(p).size()) + "," +
               std::to_string(agree) + "," + std::to_string(disagree);
        for (const char* cell : cells) {
            out += ',';
            out += cell;
        }
        out += "\n";
    }
    return out;
}

std::string write_comments_csv(std::span<const PolisComment> comments, const VoteMatrix& votes) {
    std::vector<int> agree(votes.statement_count(), 0), disagree(votes.statement_count(), 0);
    for (std::size_t p = 0; p < votes.participant_count(); ++p)
        for (const VoteCell& c : votes.row(p)) {
            if (c.vote == Vote::agree) ++agree[c.statement];
            if (c.vote == Vote::disagree) ++disagree[c.statement];
        }
    std::string out = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";
    for (const PolisComment& c : comments) {
        const auto s = votes.statement_index(c.comment);
        out += std::to_string(c.timestamp) + "," + csv_field(javascript_date_text(c.timestamp)) + "," +
               std::to_string(c.comment) + "," + std::to_string(c.author) + "," +
               std::to_string(s ? agree[*s] : 0) + "," + std::to_string(s ? disagree[*s] : 0) + "," +
               std::to_string(c.moderated) + "," + csv_field(c.body) + "\n";
    }
    return out;
}

std::string write_votes_csv(std::span<const VoteRecord> votes) {
    std::string out = "timestamp,datetime,comment-id,voter-id,vote\n";
    for (const VoteRecord& v : votes)
        out += std::to_string(v.time) + "," + csv_field(javascript_date_text(v.time)) + "," +
               std::to_string(v.statement) + "," + std::to_string(v.participant) + "," +
               std::to_string(vote_to_number(v.vote, SignConvention::agree_positive)) + "\n";
    return out;
}

std::string javascript_date_text(std::int64_t milliseconds) {
    // Floor division, so times before 1970 land on the right day.
    std::int64_t days = milliseconds / 86400000;
    std::int64_t rest = milliseconds % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    const std::int64_t seconds = rest / 1000;
    // Howard Hinnant's civil_from_days.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    static const char* const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::int64_t weekday = ((days % 7) + 7) % 7;
    auto two = [](std::int64_t v) {
        std::string out = v < 10 ? "0" : "";
        out += std::to_string(v);
        return out;
    };
    return std::string(weekdays[weekday]) + " " + months[month - 1] + " " + two(day) + " " + std::to_string(year) +
           " " + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60) +
           " GMT+0000 (Coordinated Universal Time)";
}

}  // namespace stadsmijn::polls
