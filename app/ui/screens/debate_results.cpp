// A poll's results as the server computed them: counts, opinion groups with a map of the
// opinions, what everyone shares, and the votes per statement as a bar chart and a table. Every
// chart has its text equivalent; every number comes from the server's answer.
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/polls/pca.h"
#include "ui/screens/debate_parts.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

std::string count_text(const UiFrame& f, std::int64_t n) { return f.t.format_number(static_cast<double>(n), 0); }

namespace {

ImU32 ink(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

std::string statement_label(const polls::WirePoll& poll, std::int64_t id, const UiFrame& f) {
    if (const polls::WireStatement* statement = poll.find(id)) return statement->text.in(f.t.language());
    return f.text("debate.results.statement_number", {{"number", std::to_string(id)}});
}

// Each group its own shape (and colour, and its letter at its centre): never colour alone.
const char* const kGroupShapes[] = {"circle", "square", "triangle", "diamond", "cross"};

void draw_mark(ImDrawList* draw, ImVec2 at, float r, int group, ImU32 colour) {
    if (group < 0) {
        draw->AddCircleFilled(at, r * 0.45f, colour, 8);  // not in a group: a small dot
        return;
    }
    switch (group % 5) {
        case 0:
            draw->AddCircleFilled(at, r, colour, 12);
            break;
        case 1:
            draw->AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), colour);
            break;
        case 2:
            draw->AddTriangleFilled(ImVec2(at.x, at.y - r * 1.2f), ImVec2(at.x + r * 1.1f, at.y + r * 0.8f),
                                    ImVec2(at.x - r * 1.1f, at.y + r * 0.8f), colour);
            break;
        case 3:
            draw->AddQuadFilled(ImVec2(at.x, at.y - r * 1.3f), ImVec2(at.x + r * 1.3f, at.y),
                                ImVec2(at.x, at.y + r * 1.3f), ImVec2(at.x - r * 1.3f, at.y), colour);
            break;
        default:
            draw->AddLine(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), colour, r * 0.6f);
            draw->AddLine(ImVec2(at.x - r, at.y + r), ImVec2(at.x + r, at.y - r), colour, r * 0.6f);
    }
}

// Where the participant's own counted votes put them, from the components the server sent.
std::optional<polls::Point> own_place(const polls::WireResults& results, const polls::PollClient& client) {
    if (results.projection_statements.empty()) return std::nullopt;
    std::vector<std::pair<std::size_t, polls::Vote>> votes;
    for (std::size_t i = 0; i < results.projection_statements.size(); ++i) {
        auto vote = client.counted().find(results.projection_statements[i]);
        if (vote != client.counted().end()) votes.push_back({i, vote->second});
    }
    return polls::project_votes(results.projection, votes);
}

void draw_opinion_map(UiFrame& f, const polls::WireResults& results, const polls::PollClient& client) {
    if (results.map.empty()) return;
    std::vector<const polls::WireGroup*> groups;
    for (const auto& group : results.groups)
        if (group.center) groups.push_back(&group);
    std::optional<polls::Point> you = own_place(results, client);

    // What the map says, in words: the groups with their shapes, who is in none, and where you are.
    std::string equivalent = f.text("debate.results.map_intro");
    std::int64_t ungrouped = 0;
    for (const auto& m : results.map) ungrouped += m.group < 0;
    for (const polls::WireGroup* g : groups)
        equivalent +=
            " " + f.t.plural("debate.results.map_group", g->size,
                             {{"label", g->label},
                              {"shape", f.text(std::string("debate.results.shape.") + kGroupShapes[((g->id % 5) + 5) % 5])},
                              {"count", count_text(f, g->size)}});
    if (ungrouped > 0)
        equivalent +=
            " " + f.t.plural("debate.results.map_ungrouped", ungrouped, {{"count", count_text(f, ungrouped)}});
    if (you) {
        const polls::WireGroup* nearest = nullptr;
        double best = 0;
        for (const polls::WireGroup* g : groups) {
            double dx = g->center->x - you->x, dy = g->center->y - you->y;
            if (!nearest || dx * dx + dy * dy < best) nearest = g, best = dx * dx + dy * dy;
        }
        equivalent += " " + (nearest ? f.text("debate.results.map_you", {{"label", nearest->label}})
                                     : f.text("debate.results.map_you_alone"));
    }

    float line = ImGui::GetTextLineHeight();
    float width = std::min(f.available_width(), line * 28.0f);
    float height = width * 0.7f;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    image_box(f, "##poll-results-map", width, height, equivalent);

    // Fit every mark, the group centres and you into the box, keeping the aspect (distances count).
    float min_x = static_cast<float>(results.map[0].x), max_x = min_x;
    float min_y = static_cast<float>(results.map[0].y), max_y = min_y;
    auto include = [&](double x, double y) {
        min_x = std::min(min_x, static_cast<float>(x)), max_x = std::max(max_x, static_cast<float>(x));
        min_y = std::min(min_y, static_cast<float>(y)), max_y = std::max(max_y, static_cast<float>(y));
    };
    for (const auto& m : results.map) include(m.x, m.y);
    for (const polls::WireGroup* g : groups) include(g->center->x, g->center->y);
    if (you) include(you->x, you->y);
    float margin = line * 1.2f;
    float span = std::max({max_x - min_x, (max_y - min_y) * width / height, 1e-6f});
    float scale = (width - 2 * margin) / span;
    if ((max_y - min_y) * scale > height - 2 * margin) scale = (height - 2 * margin) / std::max(max_y - min_y, 1e-6f);
    float mid_x = (min_x + max_x) / 2, mid_y = (min_y + max_y) / 2;
    auto place = [&](double x, double y) {
        return ImVec2(origin.x + width / 2 + (static_cast<float>(x) - mid_x) * scale,
                      origin.y + height / 2 - (static_cast<float>(y) - mid_y) * scale);
    };

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Rgb group_inks[] = {f.palette.accent, f.palette.warning_text, f.palette.link, f.palette.text,
                              f.palette.muted_text};
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ink(f.palette.surface));
    draw->AddRect(origin, ImVec2(origin.x + width, origin.y + height), ink(f.palette.border));
    float r = std::max(2.0f, line * 0.18f);
    for (const auto& m : results.map)
        draw_mark(draw, place(m.x, m.y), r, m.group, ink(m.group < 0 ? f.palette.muted_text : group_inks[m.group % 5]));
    ImGui::PushFont(f.fonts.strong);
    for (const polls::WireGroup* g : groups) {
        ImVec2 at = place(g->center->x, g->center->y);
        ImVec2 size = ImGui::CalcTextSize(g->label.c_str());
        float badge = std::max(size.x, size.y) * 0.75f;
        draw->AddCircleFilled(at, badge, ink(f.palette.background), 20);
        draw->AddCircle(at, badge, ink(f.palette.text), 20, 1.5f);
        draw->AddText(ImVec2(at.x - size.x / 2, at.y - size.y / 2), ink(f.palette.text), g->label.c_str());
    }
    if (you) {
        ImVec2 at = place(you->x, you->y);
        draw->AddCircle(at, line * 0.5f, ink(f.palette.focus), 20, 3.0f);
        std::string label = f.text("debate.results.map_you_label");
        ImVec2 size = ImGui::CalcTextSize(label.c_str());
        float x = at.x + line * 0.6f;
        if (x + size.x > origin.x + width) x = at.x - line * 0.6f - size.x;  // keep the word inside the box
        draw->AddText(ImVec2(x, at.y - size.y / 2), ink(f.palette.text), label.c_str());
    }
    ImGui::PopFont();
    muted(f, f.text("debate.results.map_legend"));
}

// How firm the groups are: the server recomputed them on random subsets of the participants.
void draw_stability(UiFrame& f, const polls::WireResults& results) {
    const std::int64_t runs = results.stability_runs;
    if (runs <= 0) return;
    std::string text = f.text(
        "debate.results.stability",
        {{"runs", count_text(f, runs)},
         {"share", f.t.format_number(results.stability_fraction * 100.0, 0)},
         {"same_k", count_text(f, static_cast<std::int64_t>(results.stability_same_k_share * static_cast<double>(runs) + 0.5))},
         {"mean", f.t.format_number(results.stability_mean_adjusted_rand, 2)}});
    for (const auto& group : results.groups)
        text += " " + f.text("debate.results.stability_group",
                             {{"label", group.label}, {"percent", f.t.format_number(group.stability * 100.0, 0)}});
    muted(f, text);
}

void draw_vote_bars(UiFrame& f, const std::vector<polls::WireStatementVotes>& bars) {
    if (bars.empty()) return;
    std::string equivalent = f.text("debate.results.bars_intro");
    for (const auto& bar : bars)
        equivalent += " " + f.text("debate.results.bar_text", {{"number", std::to_string(bar.statement)},
                                                                {"agree", count_text(f, bar.agree)},
                                                                {"disagree", count_text(f, bar.disagree)},
                                                                {"pass", count_text(f, bar.pass)}});
    float width = f.available_width();
    float line = ImGui::GetTextLineHeight();
    float bar_height = line * 0.9f;
    float gap = line * 0.5f;
    float label_width = ImGui::CalcTextSize("#10000").x + gap;
    float height = static_cast<float>(bars.size()) * (bar_height + gap);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    image_box(f, "##poll-results-bars", width, height, equivalent);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float track = std::max(1.0f, width - label_width);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& bar = bars[i];
        float y = origin.y + static_cast<float>(i) * (bar_height + gap);
        std::string label = "#" + std::to_string(bar.statement);
        draw->AddText(ImVec2(origin.x, y), ink(f.palette.text), label.c_str());
        float x = origin.x + label_width;
        draw->AddRect(ImVec2(x, y), ImVec2(x + track, y + bar_height), ink(f.palette.border));
        std::int64_t total = bar.agree + bar.disagree + bar.pass;
        if (total <= 0) continue;
        // Agree from the left, disagree from the right, pass in between: position as well as colour.
        float agree = track * static_cast<float>(bar.agree) / static_cast<float>(total);
        float disagree = track * static_cast<float>(bar.disagree) / static_cast<float>(total);
        draw->AddRectFilled(ImVec2(x, y), ImVec2(x + agree, y + bar_height), ink(f.palette.accent));
        draw->AddRectFilled(ImVec2(x + track - disagree, y), ImVec2(x + track, y + bar_height),
                            ink(f.palette.warning_text));
    }
    muted(f, f.text("debate.results.bars_legend"));
}

// Why there are no groups. With fewer than two participants nobody can agree or differ, so
// "everyone votes much the same" would be untrue.
const char* no_groups_text(const polls::WireResults& results) {
    if (results.status == "no_votes" || results.participants == 0) return "debate.results.no_votes";
    if (results.status == "no_disagreement" && results.participants >= 2) return "debate.results.no_disagreement";
    return "debate.results.too_few";
}

}  // namespace

void draw_results_body(UiFrame& f, const polls::WirePoll& poll, const polls::WireResults& results,
                       const polls::PollClient& client) {
    paragraph(f, f.t.plural("debate.results.counts", results.participants,
                            {{"participants", count_text(f, results.participants)},
                             {"votes", count_text(f, results.votes)}}));
    // Per municipality or province (server/README.md, "Abuse limits") self-reported; there and in
    // the whole poll hidden below a minimum of participants, so that nobody's votes can be read.
    if (results.area_self_reported) muted(f, f.text("debate.results.self_reported"));
    if (results.status == "grouped") {
        heading(f, f.text("debate.results.groups_title"), 3);
        std::vector<std::vector<std::string>> rows;
        for (const auto& group : results.groups) {
            std::string stands;
            for (const auto& rep : group.representative) {
                if (!stands.empty()) stands += " ";
                stands += f.text(rep.agree ? "debate.results.rep_agree" : "debate.results.rep_disagree",
                                 {{"statement", statement_label(poll, rep.statement, f)},
                                  {"successes", count_text(f, rep.successes)},
                                  {"trials", count_text(f, rep.trials)}});
            }
            rows.push_back({group.label, count_text(f, group.size), stands});
        }
        data_table(f, "##poll-groups", f.text("debate.results.groups_caption"),
                   {f.text("debate.results.group"), f.text("debate.results.people"), f.text("debate.results.stands_for")},
                   rows);
        draw_stability(f, results);
        draw_opinion_map(f, results, client);
    } else if (results.status == "too_few_participants" && results.minimum_participants > 0) {
        muted(f, f.text("debate.results.too_few_area",
                        {{"minimum", count_text(f, results.minimum_participants)}}));
    } else {
        muted(f, f.text(no_groups_text(results)));
    }

    std::vector<std::string> common;
    for (const auto& [side, items] : {std::pair{"agree", &results.consensus_agree},
                                      std::pair{"disagree", &results.consensus_disagree}})
        for (const auto& item : *items)
            common.push_back(f.text(std::string("debate.results.consensus_") + side,
                                    {{"statement", statement_label(poll, item.statement, f)},
                                     {"successes", count_text(f, item.successes)},
                                     {"trials", count_text(f, item.trials)}}));
    if (!common.empty()) {
        heading(f, f.text("debate.results.consensus_title"), 3);
        bullet_list(f, "##poll-consensus", common);
    }

    if (results.statements.empty()) return;
    heading(f, f.text("debate.results.votes_title"), 3);
    draw_vote_bars(f, results.statements);
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : results.statements)
        rows.push_back({"#" + std::to_string(item.statement) + " " + statement_label(poll, item.statement, f),
                        count_text(f, item.agree), count_text(f, item.disagree), count_text(f, item.pass)});
    data_table(f, "##poll-votes", f.text("debate.results.votes_caption"),
               {f.text("debate.results.statement"), f.text("debate.vote.agree"), f.text("debate.vote.disagree"),
                f.text("debate.vote.pass")},
               rows);
}

}  // namespace stadsmijn::ui
