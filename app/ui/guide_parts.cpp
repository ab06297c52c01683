#include "ui/guide_parts.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/content/search.h"
#include "ui/widgets.h"

namespace stadsmijn::ui {

namespace {

ImU32 colour(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

Route device_route(const UiFrame& f, Screen screen, const std::string& device_id) {
    Route route;
    route.screen = screen;
    route.device_id = device_id;
    return with_language(f, route);
}

// A link on the current line when it fits before the column's edge, else on the next.
void inline_route_link(UiFrame& f, const char* id, const std::string& label, const Route& target, bool first) {
    if (!first) {
        ImGui::SameLine(0, 20);
        if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(label.c_str()).x > f.column_right) ImGui::NewLine();
    }
    route_link(f, id, label, target);
}

}  // namespace

void gap(float lines) { ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight() * lines)); }

const Device* guide_device_or_not_found(UiFrame& f) {
    const Device* device = f.content.find_device(f.state.route.device_id);
    if (device) return device;
    heading(f, f.text("guide.not_found.title"), 1);
    paragraph(f, f.text("guide.not_found.text", {{"id", f.state.route.device_id}}));
    Route devices;
    devices.screen = Screen::devices;
    route_link(f, "##guide-not-found-devices", f.text("guide.not_found.link"), with_language(f, devices));
    return nullptr;
}

void device_header(UiFrame& f, const Device& device) {
    const std::string& language = f.t.language();
    Route all;
    all.screen = Screen::devices;
    route_link(f, "##guide-all-devices", f.text("guide.header.all_devices"), with_language(f, all));
    heading(f, device.name.in(language), 1);
    const struct {
        const char* id;
        Screen screen;
        const char* title;
    } journeys[] = {
        {"##guide-nav-inside", Screen::device, "title.device"},
        {"##guide-nav-repair", Screen::device_repair, "title.device_repair"},
        {"##guide-nav-reuse", Screen::device_reuse, "title.device_reuse"},
        {"##guide-nav-return", Screen::device_return, "title.device_return"},
    };
    bool first = true;
    for (const auto& j : journeys) {
        inline_route_link(f, j.id, f.text(j.title), device_route(f, j.screen, device.id), first);
        first = false;
    }
    ImGui::Separator();
    heading(f, f.text(std::string("title.") + screen_name(f.state.route.screen)), 2);
}

std::string source_names(const UiFrame& f, const std::vector<std::string>& source_ids) {
    std::string names;
    for (const std::string& id : source_ids) {
        if (!names.empty()) names += "; ";
        const Source* source = f.content.find_source(id);
        names += source ? source->publisher + " " + std::to_string(source->year) : id;
    }
    return names;
}

void source_links(UiFrame& f, const char* id, const std::vector<std::string>& source_ids) {
    ImGui::PushID(id);
    for (const std::string& source_id : source_ids) {
        ImGui::PushID(source_id.c_str());
        const Source* source = f.content.find_source(source_id);
        if (source) {
            std::string name = source->publisher + " " + std::to_string(source->year);
            // Two sources of one publisher and year in a list: their titles tell them apart.
            for (const std::string& other_id : source_ids) {
                const Source* other = other_id == source_id ? nullptr : f.content.find_source(other_id);
                if (other && other->publisher == source->publisher && other->year == source->year) {
                    name += ": " + source->title;
                    break;
                }
            }
            std::string label = f.text("guide.source", {{"name", name}});
            web_link(f, "##source", label, source->url);
        } else {
            muted(f, f.text("guide.source", {{"name", source_id}}));
        }
        ImGui::PopID();
    }
    ImGui::PopID();
}

std::string number_text(const UiFrame& f, double value) {
    if (!std::isfinite(value)) return "?";
    char buffer[48];
    double magnitude = std::fabs(value);
    if (magnitude >= 100 || magnitude == std::floor(magnitude))
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else if (magnitude >= 0.0001)
        std::snprintf(buffer, sizeof buffer, "%.3g", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.6f", value);
    std::string text = buffer;
    if (f.t.language() != "en")
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string range_text(const UiFrame& f, double low, double high) {
    if (low == high) return number_text(f, low);
    return f.text("guide.range", {{"low", number_text(f, low)}, {"high", number_text(f, high)}});
}

std::string estimate_text(const UiFrame& f, const Estimate& value) {
    if (!value.known()) return f.text("guide.unknown");
    return range_text(f, value.low(), value.high());
}

std::string date_text(const UiFrame& f, const LocalDate& date) {
    char buffer[32];
    if (f.t.language() == "en")
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    else
        std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", date.day, date.month, date.year);
    return buffer;
}

std::vector<GramsRow> grams_rows(const UiFrame& f, const Device& device) {
    const std::string& language = f.t.language();
    std::vector<GramsRow> rows;
    for (const Composition* c : f.content.compositions_of(device.id)) {
        GramsRow row;
        row.material_id = c->material;
        row.material = f.content.find_material(c->material);
        row.name = row.material ? row.material->name.in(language) : c->material;
        row.unknown = c->unknown || c->figures.empty();
        row.note = c->note.in(language);
        if (row.unknown) {
            row.sources = c->unknown_sources;
        } else {
            row.low = c->figures.front().grams.min;
            row.high = c->figures.front().grams.max;
            for (const CompositionFigure& figure : c->figures) {
                row.low = std::min(row.low, figure.grams.min);
                row.high = std::max(row.high, figure.grams.max);
                for (const std::string& s : figure.grams.sources)
                    if (std::find(row.sources.begin(), row.sources.end(), s) == row.sources.end()) row.sources.push_back(s);
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string material_marks(const UiFrame& f, const Material* material) {
    if (!material) return {};
    if (material->strategic) return f.text("guide.mark.critical_strategic");
    if (material->critical) return f.text("guide.mark.critical");
    return f.text("guide.mark.not_critical");
}

void grams_chart(UiFrame& f, const char* id, const std::vector<GramsRow>& rows) {
    ImGui::PushID(id);
    const float width = f.available_width();
    const float line = ImGui::GetTextLineHeight();
    const float bar_height = std::round(line * 0.8f);
    const float marker = std::round(line * 0.55f);
    const float label_indent = marker + 8;

    double smallest = 0, largest = 0;
    bool any = false;
    for (const GramsRow& row : rows) {
        if (row.unknown || row.high <= 0) continue;
        double low = row.low > 0 ? row.low : row.high;
        smallest = any ? std::min(smallest, low) : low;
        largest = any ? std::max(largest, row.high) : row.high;
        any = true;
    }
    // Decades around the data: a logarithmic scale, because a phone holds grams of cobalt and
    // thousandths of a gram of palladium.
    const int first_decade = any ? static_cast<int>(std::floor(std::log10(smallest))) : -3;
    int last_decade = any ? static_cast<int>(std::ceil(std::log10(largest))) : 1;
    if (last_decade <= first_decade) last_decade = first_decade + 1;
    const double span = last_decade - first_decade;
    auto x_of = [&](double grams) {
        double t = (std::log10(std::max(grams, std::pow(10.0, first_decade))) - first_decade) / span;
        return static_cast<float>(std::clamp(t, 0.0, 1.0)) * width;
    };

    // Layout first, so the whole chart is one item of known size.
    std::vector<std::string> labels, label_lines;
    std::vector<float> label_heights;
    float height = 0;
    for (const GramsRow& row : rows) {
        std::string marks = material_marks(f, row.material);
        std::string amount = row.unknown ? f.text("guide.unknown") : f.text("guide.grams", {{"amount", range_text(f, row.low, row.high)}});
        std::string label = row.name + (marks.empty() ? "" : " (" + marks + ")") + ": " + amount;
        // Measured in the font it is drawn in: critical materials are set in the stronger weight.
        const bool strong = row.material && row.material->critical;
        ImGui::PushFont(strong ? f.fonts.strong : f.fonts.body);
        // Wrapped at spaces only: "0,01 - 0,03 gram" stays on one line.
        label_lines.push_back(break_lines(label, width - label_indent));
        float h = ImGui::CalcTextSize(label_lines.back().c_str()).y;
        ImGui::PopFont();
        labels.push_back(label);
        label_heights.push_back(h);
        height += h + 2 + bar_height + line * 0.5f;
    }
    std::vector<std::string> ticks;
    for (int d = first_decade; d <= last_decade; ++d)
        ticks.push_back(number_text(f, std::pow(10.0, d)));
    const float axis_height = line * 1.3f;
    height += axis_height;

    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const Palette& p = f.palette;

    // Grid lines at each decade, under the bars.
    for (int d = first_decade; d <= last_decade; ++d) {
        float x = origin.x + x_of(std::pow(10.0, d));
        draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + height - axis_height), colour(p.border, 110), 1.0f);
    }

    float y = origin.y;
    std::string spoken = f.text("guide.chart.spoken_intro");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const GramsRow& row = rows[i];
        const bool critical = row.material && row.material->critical;
        const bool strategic = row.material && row.material->strategic;
        // The marker: a triangle for strategic, a diamond for critical, a small ring for the rest.
        ImVec2 c(origin.x + marker * 0.5f, y + line * 0.5f);
        float r = marker * 0.5f;
        if (strategic)
            draw->AddTriangleFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y + r), ImVec2(c.x - r, c.y + r), colour(p.text));
        else if (critical)
            draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), colour(p.text));
        else
            draw->AddCircle(c, r * 0.7f, colour(p.muted_text), 12, 1.5f);
        ImFont* font = critical ? f.fonts.strong : f.fonts.body;
        draw->AddText(font, ImGui::GetFontSize(), ImVec2(origin.x + label_indent, y), colour(p.text),
                      label_lines[i].c_str());
        y += label_heights[i] + 2;
        if (row.unknown) {
            draw->AddRect(ImVec2(origin.x, y), ImVec2(origin.x + width, y + bar_height), colour(p.border, 160), 2.0f);
            std::string unknown = f.text("guide.chart.no_figure");
            draw->AddText(ImVec2(origin.x + 6, y + (bar_height - line) * 0.5f), colour(p.muted_text), unknown.c_str());
        } else {
            Rgb ink = critical ? p.accent : p.muted_text;
            float low_x = origin.x + x_of(row.low);
            float high_x = std::max(origin.x + x_of(row.high), low_x + 2);
            draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(low_x, y + bar_height), colour(ink));
            if (row.high > row.low) {
                // The range where sources disagree: lighter, outlined, so it reads as "somewhere here".
                draw->AddRectFilled(ImVec2(low_x, y), ImVec2(high_x, y + bar_height), colour(ink, 90));
                draw->AddRect(ImVec2(low_x, y), ImVec2(high_x, y + bar_height), colour(ink), 0, 0, 1.5f);
            }
        }
        y += bar_height + line * 0.5f;
        spoken += " " + labels[i] + ".";
    }
    // The axis labels: first and last at the edges, the others centred on their line.
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        float x = origin.x + x_of(std::pow(10.0, first_decade + static_cast<int>(i)));
        float w = ImGui::CalcTextSize(ticks[i].c_str()).x;
        float tx = i == 0 ? x : (i + 1 == ticks.size() ? x - w : x - w * 0.5f);
        // Skip labels that would collide on a narrow screen; the first and last always show.
        if (i != 0 && i + 1 != ticks.size() && ticks.size() * (w + 12) > width) continue;
        draw->AddText(ImVec2(tx, y + 2), colour(p.muted_text), ticks[i].c_str());
    }

    SemanticNode node;
    node.id = ImGui::GetID("##chart");
    node.role = Role::image;
    node.name = f.text("guide.chart.name") + ". " + spoken;
    node.x = origin.x;
    node.y = origin.y;
    node.width = width;
    node.height = height;
    f.semantics.add(std::move(node));
    muted(f, f.text("guide.chart.scale"));
    ImGui::PopID();
}

void option_cards(UiFrame& f, const char* id, std::size_t count, float min_card_width,
                  const std::function<void(std::size_t)>& draw_card) {
    if (count == 0) return;
    const float width = f.available_width();
    const float card = min_card_width * std::max(1.0f, f.fonts.text_scale);
    std::size_t columns = static_cast<std::size_t>(std::max(1.0f, std::floor(width / card)));
    columns = std::min(columns, count);
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(10, 10));
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##cards", static_cast<int>(columns), flags, ImVec2(width, 0))) {
        const float saved_right = f.column_right;
        for (std::size_t i = 0; i < count; ++i) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            f.column_right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
            ImGui::PushTextWrapPos(f.column_right);
            ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x);
            draw_card(i);
            ImGui::PopItemWidth();
            ImGui::PopTextWrapPos();
            ImGui::PopID();
        }
        f.column_right = saved_right;
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
}

int choice_list(UiFrame& f, const char* id, const std::string& group_label, const std::vector<std::string>& labels,
                int selected) {
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    int chosen = -1;
    if (!group_label.empty()) {
        ImGui::PushFont(f.fonts.strong);
        ImGui::PushTextWrapPos(f.column_right);
        ImGui::TextUnformatted(group_label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    SemanticNode group;
    group.id = ImGui::GetID("##group");
    group.role = Role::radiogroup;
    group.name = group_label;
    ImVec2 start = ImGui::GetCursorScreenPos();
    group.x = start.x;
    group.y = start.y;
    group.width = f.available_width();
    f.semantics.begin_group(group);
    const float line = ImGui::GetTextLineHeight();
    const float dot = line * 0.7f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const bool current = static_cast<int>(i) == selected;
        const float width = f.available_width();
        const float text_x = dot + 2 * style.FramePadding.x;
        ImFont* font = current ? f.fonts.strong : f.fonts.body;
        ImGui::PushFont(font);
        const std::string lines = break_lines(labels[i], width - text_x - style.FramePadding.x);
        ImVec2 text = ImGui::CalcTextSize(lines.c_str());
        ImGui::PopFont();
        const float height = text.y + 2 * style.FramePadding.y;
        ImVec2 top_left = ImGui::GetCursorScreenPos();
        bool clicked = ImGui::InvisibleButton("##choice", ImVec2(width, height));
        clicked = clicked || f.activated(ImGui::GetItemID());
        bool hovered = ImGui::IsItemHovered();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        ImVec2 bottom_right(top_left.x + width, top_left.y + height);
        draw->AddRectFilled(top_left, bottom_right, colour(current ? f.palette.surface : f.palette.background),
                            style.FrameRounding);
        // Chosen: a filled dot, bold text and a thicker border, so it is not told by colour alone.
        draw->AddRect(top_left, bottom_right, colour(current || hovered ? f.palette.text : f.palette.border),
                      style.FrameRounding, 0, current ? 2.5f : 1.0f);
        ImVec2 centre(top_left.x + style.FramePadding.x + dot * 0.5f, top_left.y + style.FramePadding.y + line * 0.5f);
        draw->AddCircle(centre, dot * 0.5f, colour(f.palette.text), 16, 1.5f);
        if (current) draw->AddCircleFilled(centre, dot * 0.25f, colour(f.palette.text), 12);
        draw->AddText(font, ImGui::GetFontSize(), ImVec2(top_left.x + text_x, top_left.y + style.FramePadding.y),
                      colour(f.palette.text), lines.c_str());
        SemanticNode node;
        node.id = ImGui::GetItemID();
        node.role = Role::radio;
        node.name = labels[i];
        node.checked = current;
        node.x = top_left.x;
        node.y = top_left.y;
        node.width = width;
        node.height = height;
        f.semantics.add(std::move(node));
        if (clicked && !current) chosen = static_cast<int>(i);
        ImGui::PopID();
    }
    f.semantics.end_group();
    ImGui::PopID();
    return chosen;
}

bool check_item(UiFrame& f, const char* id, const std::string& label, bool& value) {
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = f.available_width();
    const float box = ImGui::GetFrameHeight();
    const float text_x = box + style.ItemInnerSpacing.x;
    const std::string lines = break_lines(label, width - text_x);
    ImVec2 text = ImGui::CalcTextSize(lines.c_str());
    const float height = std::max(box, text.y + style.FramePadding.y);
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("##check", ImVec2(width, height));
    clicked = clicked || f.activated(ImGui::GetItemID());
    if (clicked) value = !value;
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 box_max(top_left.x + box, top_left.y + box);
    draw->AddRectFilled(top_left, box_max, colour(f.palette.surface), style.FrameRounding);
    draw->AddRect(top_left, box_max, colour(hovered ? f.palette.text : f.palette.border), style.FrameRounding, 0, 1.5f);
    if (value) {
        // A tick mark, drawn as two lines.
        float pad = box * 0.22f;
        ImVec2 a(top_left.x + pad, top_left.y + box * 0.52f), b(top_left.x + box * 0.42f, box_max.y - pad),
            c(box_max.x - pad, top_left.y + pad);
        draw->AddLine(a, b, colour(f.palette.text), 2.5f);
        draw->AddLine(b, c, colour(f.palette.text), 2.5f);
    }
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(top_left.x + text_x, top_left.y + style.FramePadding.y * 0.5f), colour(f.palette.text),
                  lines.c_str());
    SemanticNode node;
    node.id = ImGui::GetItemID();
    node.role = Role::checkbox;
    node.name = label;
    node.checked = value;
    node.x = top_left.x;
    node.y = top_left.y;
    node.width = width;
    node.height = height;
    f.semantics.add(std::move(node));
    ImGui::PopID();
    return clicked;
}

std::string municipality_picker(UiFrame& f, std::optional<GeoPoint>& location) {
    location.reset();
    std::string& chosen = f.ui.fields["guide.municipality"];
    if (chosen.empty()) {
        auto stored = f.state.stored.find("municipality");
        if (stored != f.state.stored.end() && f.content.find_municipality(stored->second)) chosen = stored->second;
    }
    std::string& use_location = f.ui.fields["guide.use_location"];
    std::string& editing = f.ui.fields["guide.municipality_edit"];
    const Municipality* municipality = f.content.find_municipality(chosen);

    heading(f, f.text("guide.place.where_title"), 3);
    if (use_location == "1" && f.state.location_status == LocationStatus::known && f.state.location) {
        location = f.state.location;
        paragraph(f, f.text("guide.place.using_location"));
        if (secondary_button(f, "##guide-municipality-instead", f.text("guide.place.choose_municipality_instead"))) {
            use_location.clear();
            editing = "1";
        }
        return {};
    }
    if (municipality && editing != "1") {
        paragraph(f, f.text("guide.place.your_municipality", {{"name", municipality->name}}));
        auto stored = f.state.stored.find("municipality");
        if (stored != f.state.stored.end() && stored->second == chosen)
            muted(f, f.text("guide.place.remembered"));
        else if (f.state.storage_errors.count("municipality"))
            muted(f, f.text("guide.place.not_remembered"));
        if (secondary_button(f, "##guide-municipality-change", f.text("guide.place.change"))) editing = "1";
    } else {
        std::string& query = f.ui.fields["guide.municipality_query"];
        text_field(f, "##guide-municipality-search", f.text("guide.place.search_label"), query,
                   f.text("guide.place.search_placeholder"), true);
        std::string wanted = normalise_search_text(query);
        if (!wanted.empty()) {
            int shown = 0;
            for (const Municipality& m : f.content.municipalities) {
                if (normalise_search_text(m.name).find(wanted) == std::string::npos) continue;
                if (++shown > 8) break;
                ImGui::PushID(m.id.c_str());
                if (secondary_button(f, "##guide-municipality-pick", m.name)) {
                    chosen = m.id;
                    editing.clear();
                    use_location.clear();
                    query.clear();
                    f.actions.store["municipality"] = m.id;
                    f.actions.announce.push_back(f.text("guide.place.your_municipality", {{"name", m.name}}));
                }
                ImGui::PopID();
            }
            if (shown == 0) muted(f, f.text("guide.place.no_municipality", {{"query", query}}));
        }
    }
    gap(0.3f);
    if (secondary_button(f, "##guide-use-location", f.text("guide.place.use_location"))) {
        use_location = "1";
        if (f.state.location_status != LocationStatus::known) f.actions.request_location = true;
    }
    muted(f, f.text("guide.place.location_privacy"));
    if (use_location == "1") {
        switch (f.state.location_status) {
            case LocationStatus::asking: muted(f, f.text("guide.place.location_asking")); break;
            case LocationStatus::refused: muted(f, f.text("guide.place.location_refused")); break;
            case LocationStatus::unavailable: muted(f, f.text("guide.place.location_unavailable")); break;
            default: break;
        }
    }
    return municipality && editing != "1" ? chosen : std::string();
}

// "Report a problem" under a place: closed, wrong hours, does not take this device, other, with an
// optional note; sent to the editors' queue of the place's municipality.
void report_form(UiFrame& f, const Place& place) {
    PlaceReportView& view = f.ui.place_reports[place.id];
    using Stage = PlaceReportView::Stage;
    const std::string tag = place_report_tag(place.id);
    if (view.stage == Stage::sending) {
        auto answer = f.state.responses.find(tag);
        if (answer != f.state.responses.end()) {
            ReportOutcome outcome = report_outcome(answer->second);
            view.stage = outcome == ReportOutcome::received ? Stage::received
                         : outcome == ReportOutcome::offline ? Stage::offline
                                                             : Stage::refused;
            f.actions.forget_responses.push_back(tag);
            const char* key = view.stage == Stage::received ? "guide.report.received"
                              : view.stage == Stage::offline ? "guide.report.offline"
                                                             : "guide.report.refused";
            f.actions.announce.push_back(f.text(key));
        }
    }
    if (view.stage == Stage::received) {
        paragraph(f, f.text("guide.report.received"));
        return;
    }
    if (!view.open) {
        if (secondary_button(f, "##report-open", f.text("guide.report.open"))) view.open = true;
        return;
    }
    heading(f, f.text("guide.report.open"), 4);
    std::vector<std::string> labels;
    for (ReportProblem p : kReportProblems) labels.push_back(f.text(std::string("guide.report.problem.") + report_problem_name(p)));
    int chosen = radio_row(f, "##report-problem", f.text("guide.report.problem_label"), labels, labels, view.problem, true);
    if (chosen >= 0) view.problem = chosen;
    text_field(f, "##report-note", f.text("guide.report.note_label"), view.note);
    if (view.stage == Stage::sending) {
        muted(f, f.text("guide.report.sending"));
        return;
    }
    if (view.stage == Stage::offline) muted(f, f.text("guide.report.offline"));
    if (view.stage == Stage::refused) muted(f, f.text("guide.report.refused"));
    if (view.asked_to_choose && view.problem < 0) muted(f, f.text("guide.report.choose_first"));
    if (primary_button(f, "##report-send", f.text("guide.report.send"))) {
        if (view.problem < 0) {
            view.asked_to_choose = true;
            f.actions.announce.push_back(f.text("guide.report.choose_first"));
        } else {
            f.actions.requests.push_back(
                place_report_request(place.id, kReportProblems[static_cast<std::size_t>(view.problem)], view.note));
            view.stage = Stage::sending;
        }
    }
}

void places_overlay_notice(UiFrame& f) {
    if (f.ui.places_overlay.status() == OverlayStatus::unreachable) muted(f, f.text("guide.places.overlay_unreachable"));
}

void place_block(UiFrame& f, const PlanPlace& plan_place) {
    if (!plan_place.place) return;
    const Place& place = *plan_place.place;
    const std::string& language = f.t.language();
    ImGui::PushID(place.id.c_str());
    heading(f, place.name, 3);
    std::string address = place.address;
    if (!place.city.empty()) address += (address.empty() ? "" : ", ") + place.city;
    if (!place.district.empty()) address += " (" + place.district + ")";
    if (!address.empty()) paragraph(f, address);
    if (plan_place.km)
        paragraph(f, f.text(plan_place.km_approximate ? "guide.place.distance_about" : "guide.place.distance",
                            {{"km", number_text(f, *plan_place.km)}}));
    if (!place.repairs.empty()) paragraph(f, f.text("guide.place.accepts", {{"what", place.repairs.in(language)}}));
    if (!place.refuses.empty()) paragraph(f, f.text("guide.place.refuses", {{"what", place.refuses.in(language)}}));
    if (plan_place.handles == HandlesAnswer::unknown) muted(f, f.text("guide.place.handles_unknown"));
    if (plan_place.next) {
        const Opening& next = *plan_place.next;
        TextArgs args{{"day", f.text("guide.weekday." + std::to_string(weekday_of(next.date)))},
                      {"date", date_text(f, next.date)},
                      {"start", format_minutes(next.start_minute)},
                      {"end", format_minutes(next.end_minute)}};
        paragraph(f, f.text(next.open_now ? "guide.place.open_now" : "guide.place.next_opening", args));
    } else if (place.schedule && !place.schedule->rules.empty() && !f.state.now) {
        muted(f, f.text("guide.place.no_clock"));
    }
    if (place.schedule) {
        muted(f, f.text("guide.place.schedule", {{"text", place.schedule->text.in(language)}}));
        if (!place.schedule->closed_text.empty())
            muted(f, f.text("guide.place.closed", {{"text", place.schedule->closed_text.in(language)}}));
    }
    else
        muted(f, f.text("guide.place.hours_unknown"));
    if (!place.note.empty()) muted(f, place.note.in(language));
    if (!place.website.empty()) web_link(f, "##website", f.text("guide.place.website"), place.website);
    source_links(f, "##sources", place.sources);
    if (place.entered) {
        // Entered by a municipal team (issue 18) instead of taken from a source: say who and when.
        const Municipality* m = f.content.find_municipality(place.entered->municipality);
        muted(f, f.text("guide.place.entered", {{"municipality", m ? m->name : place.entered->municipality},
                                                {"date", date_text(f, place.entered->on)}}));
    } else {
        muted(f, f.text(place.checked_how == CheckedHow::research_note ? "guide.place.checked_research_note"
                                                                       : "guide.place.checked",
                        {{"date", date_text(f, place.checked)}}));
    }
    report_form(f, place);
    gap(0.3f);
    ImGui::PopID();
}

void option_reasons(UiFrame& f, const std::vector<OptionReasonItem>& reasons) {
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const OptionReasonItem& r = reasons[i];
        ImGui::PushID(static_cast<int>(i));
        TextArgs args{{"low", number_text(f, r.euro.low())}, {"high", number_text(f, r.euro.high())},
                      {"date", r.date ? date_text(f, *r.date) : std::string()}};
        paragraph(f, "- " + f.text(std::string("guide.reason.") + option_reason_name(r.code), args));
        source_links(f, "##reason-sources", r.sources);
        ImGui::PopID();
    }
}

void announce_on_change(UiFrame& f, const std::string& key, const std::string& text) {
    std::string& last = f.ui.fields["announced." + key];
    if (last == text) return;
    last = text;
    f.actions.announce.push_back(text);
}

namespace {

// The wipe checklist's ticks, kept in browser storage ("wipe") like the drawer, so that "tick off
// what you have done" survives a reload: {"format": "stadsmijn-wipe", "version": 1,
// "done": {"<device id>": ["<guidance id>.<step>", "lock.<lock>"]}}.
constexpr const char* kWipeKey = "wipe";
constexpr const char* kWipeFormat = "stadsmijn-wipe";
constexpr int kWipeVersion = 1;

struct WipeTicks {
    std::map<std::string, std::set<std::string>> done;
    bool damaged = false;  // something is stored that is not a checklist of this version
};

WipeTicks read_wipe_ticks(const UiFrame& f) {
    WipeTicks ticks;
    auto stored = f.state.stored.find(kWipeKey);
    if (stored == f.state.stored.end()) return ticks;
    // No exceptions in the web build: every type is checked before it is read.
    nlohmann::json json = nlohmann::json::parse(stored->second, nullptr, false);
    auto format = json.is_object() ? json.find("format") : json.end();
    auto version = json.is_object() ? json.find("version") : json.end();
    auto done = json.is_object() ? json.find("done") : json.end();
    if (!json.is_object() || format == json.end() || !format->is_string() || *format != kWipeFormat ||
        version == json.end() || !version->is_number_integer() || *version != kWipeVersion || done == json.end() ||
        !done->is_object()) {
        ticks.damaged = true;
        return ticks;
    }
    for (auto& [device, steps] : done->items()) {
        if (!steps.is_array()) {
            ticks.damaged = true;
            continue;
        }
        for (const auto& step : steps)
            if (step.is_string() && step.get<std::string>().size() <= 200) ticks.done[device].insert(step.get<std::string>());
    }
    return ticks;
}

void write_wipe_ticks(UiFrame& f, const WipeTicks& ticks) {
    nlohmann::json done = nlohmann::json::object();
    for (const auto& [device, steps] : ticks.done)
        if (!steps.empty()) done[device] = steps;
    nlohmann::json out = {{"format", kWipeFormat}, {"version", kWipeVersion}, {"done", std::move(done)}};
    // A damaged store is kept aside once, never overwritten unseen.
    auto stored = f.state.stored.find(kWipeKey);
    if (ticks.damaged && stored != f.state.stored.end() && !f.state.stored.count("wipe.damaged"))
        f.actions.store["wipe.damaged"] = stored->second;
    f.actions.store[kWipeKey] = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void wiping_checklist(UiFrame& f, const Device& device, const DevicePlan& plan) {
    const std::string& language = f.t.language();
    heading(f, f.text("guide.reuse.wipe_title"), 2);
    if (plan.wiping.empty() && plan.activation_locks.empty()) {
        paragraph(f, f.text("guide.reuse.no_data"));
        return;
    }
    paragraph(f, f.text("guide.reuse.wipe_intro"));
    WipeTicks ticks = read_wipe_ticks(f);
    if (ticks.damaged) muted(f, f.text("guide.wipe.damaged"));
    if (auto error = f.state.storage_errors.find(kWipeKey); error != f.state.storage_errors.end())
        muted(f, f.text("guide.wipe.not_saved", {{"error", error->second}}));
    std::set<std::string>& done = ticks.done[device.id];
    bool changed = false;
    auto tick = [&](const char* id, const std::string& key, const std::string& label) {
        bool value = done.count(key) > 0;
        if (!check_item(f, id, label, value)) return;
        if (value)
            done.insert(key);
        else
            done.erase(key);
        changed = true;
    };
    for (const Guidance* steps : plan.wiping) {
        ImGui::PushID(steps->id.c_str());
        heading(f, steps->title.in(language), 3);
        if (!steps->summary.empty()) paragraph(f, steps->summary.in(language));
        for (std::size_t i = 0; i < steps->points.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            tick("##guide-wipe-step", steps->id + "." + std::to_string(i), steps->points[i].text.in(language));
            source_links(f, "##step-sources", steps->points[i].sources);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    if (!plan.activation_locks.empty()) {
        heading(f, f.text("guide.reuse.locks_title"), 3);
        for (const ActivationLockStep& lock : plan.activation_locks) {
            ImGui::PushID(activation_lock_name(lock.lock));
            tick("##guide-lock-step", std::string("lock.") + activation_lock_name(lock.lock),
                 f.text(std::string("guide.lock.") + activation_lock_name(lock.lock)));
            source_links(f, "##lock-sources", lock.sources);
            ImGui::PopID();
        }
    }
    if (changed) write_wipe_ticks(f, ticks);
}

}  // namespace stadsmijn::ui
