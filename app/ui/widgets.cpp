#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace stadsmijn::ui {

namespace {

ImU32 colour(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }
ImVec4 colour4(Rgb c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f); }

SemanticNode node_for_last_item(Role role, const std::string& name) {
    SemanticNode node;
    node.id = ImGui::GetItemID();
    node.role = role;
    node.name = name;
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    node.x = min.x;
    node.y = min.y;
    node.width = max.x - min.x;
    node.height = max.y - min.y;
    return node;
}

// Text wrapped to the window's (or table cell's) right edge, at spaces only (see break_lines).
void wrapped(const std::string& text) {
    std::string lines = break_lines(text, ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), 0.0f));
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    ImGui::PopTextWrapPos();
}

// A text shown as an ImGui format ("100 %" for a slider's value): every '%' doubled.
std::string as_format(const std::string& text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '%') out += '%';
    }
    return out;
}

// The slider being dragged, if any, and its value so far: page scrolling leaves that drag alone.
unsigned g_slider_held = 0;
float g_slider_value = 0;

bool is_dash(std::string_view word) { return word == "-" || word == "\u2013" || word == "\u2014" || word == "~"; }

// The words of a paragraph grouped into units no line may split: a number keeps the word after
// it ("49,8 %", "3 gram") and a lone dash keeps both neighbours ("0,01 - 0,03 gram").
std::vector<std::string_view> unbreakable_units(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t to = text.find(' ', from);
        if (to == std::string_view::npos) to = text.size();
        if (to > from) words.push_back(text.substr(from, to - from));
        from = to + 1;
    }
    std::vector<std::string_view> units;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!units.empty()) {
            std::string_view previous = words[i - 1];
            char last = previous.back();
            bool holds = (last >= '0' && last <= '9') || is_dash(previous) || is_dash(words[i]);
            if (holds) {
                const char* begin = units.back().data();
                units.back() = std::string_view(begin, static_cast<std::size_t>(words[i].data() + words[i].size() - begin));
                continue;
            }
        }
        units.push_back(words[i]);
    }
    return units;
}

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

// Lines of `unit` (wider than `width`) broken at its own spaces, and inside a word only when the
// word alone is wider than the whole line.
void break_wide_unit(std::string_view unit, float width, std::string& out, float& line) {
    std::size_t from = 0;
    while (from < unit.size()) {
        std::size_t to = unit.find(' ', from);
        if (to == std::string_view::npos) to = unit.size();
        std::string_view word = unit.substr(from, to - from);
        from = to + 1;
        float w = text_width(word);
        float space = line > 0 ? text_width(" ") : 0;
        if (line > 0 && line + space + w <= width) {
            out += ' ';
            out += word;
            line += space + w;
            continue;
        }
        if (line > 0) out += '\n';
        line = 0;
        std::size_t i = 0;
        while (i < word.size()) {
            std::size_t next = i + 1;
            while (next < word.size() && (static_cast<unsigned char>(word[next]) & 0xC0) == 0x80) ++next;
            float cw = text_width(word.substr(i, next - i));
            if (line > 0 && line + cw > width) {
                out += '\n';
                line = 0;
            }
            out.append(word.substr(i, next - i));
            line += cw;
            i = next;
        }
    }
}

// An id for the n-th part of a widget (ImGui 1.86 has no GetID(int)).
ImGuiID numbered_id(std::size_t n) { return ImGui::GetID(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(n + 1))); }

// An invisible button that also answers to activation from the page.
bool pressable(UiFrame& f, const char* id, ImVec2 size) {
    bool clicked = ImGui::InvisibleButton(id, size);
    return clicked || f.activated(ImGui::GetItemID());
}

}  // namespace

float UiFrame::available_width() const {
    float to_column = column_right - ImGui::GetCursorPosX();
    return column_right > 0 ? std::max(1.0f, to_column) : ImGui::GetContentRegionAvail().x;
}

std::string break_lines(const std::string& text, float width) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        float line = 0;
        const float space = text_width(" ");
        for (std::string_view unit : unbreakable_units(std::string_view(text).substr(start, end - start))) {
            float w = text_width(unit);
            if (line > 0 && line + space + w <= width) {
                out += ' ';
                out += unit;
                line += space + w;
            } else if (w <= width) {
                if (line > 0) out += '\n';
                out += unit;
                line = w;
            } else {
                if (line > 0) out += '\n';
                line = 0;
                break_wide_unit(unit, width, out, line);
            }
        }
        if (end == text.size()) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

float widest_unit(const std::string& text) {
    float widest = 0;
    for (std::string_view unit : unbreakable_units(text)) widest = std::max(widest, text_width(unit));
    return widest;
}

bool slider_takes_drag() { return g_slider_held != 0 && ImGui::GetActiveID() == g_slider_held; }

Route with_language(const UiFrame& f, Route target) {
    target.language = f.state.route.language;
    return target;
}

void heading(UiFrame& f, const std::string& text, int level) {
    ImFont* font = level <= 1 ? f.fonts.heading : (level == 2 ? f.fonts.subheading : f.fonts.strong);
    ImGui::PushFont(font);
    wrapped(text);
    ImGui::PopFont();
    SemanticNode node = node_for_last_item(Role::heading, text);
    node.level = level;
    f.semantics.add(std::move(node));
}

void paragraph(UiFrame& f, const std::string& text) {
    wrapped(text);
    f.semantics.add(node_for_last_item(Role::text, text));
}

void muted(UiFrame& f, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped(text);
    ImGui::PopStyleColor();
    f.semantics.add(node_for_last_item(Role::text, text));
}

void entry_card(UiFrame& f, const char* id, const std::string& title, const std::string& subtitle,
                const Route& target, const std::string& badge) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = f.available_width();
    float inner = width - 2 * style.FramePadding.x;
    ImGui::PushFont(f.fonts.strong);
    const std::string title_lines = break_lines(title, inner);
    ImVec2 title_size = ImGui::CalcTextSize(title_lines.c_str());
    ImGui::PopFont();
    const std::string subtitle_lines = break_lines(subtitle, inner);
    ImVec2 subtitle_size = ImGui::CalcTextSize(subtitle_lines.c_str());
    ImVec2 badge_size = badge.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(badge.c_str());
    float line_gap = style.ItemInnerSpacing.y;
    float height = 2 * style.FramePadding.y + title_size.y + line_gap + subtitle_size.y +
                   (badge.empty() ? 0 : line_gap + badge_size.y);

    ImVec2 top_left = ImGui::GetCursorScreenPos();
    bool clicked = pressable(f, id, ImVec2(width, height));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 bottom_right(top_left.x + width, top_left.y + height);
    draw->AddRectFilled(top_left, bottom_right, colour(f.palette.surface), style.ChildRounding);
    draw->AddRect(top_left, bottom_right, colour(hovered ? f.palette.link : f.palette.border), style.ChildRounding, 0,
                  hovered ? 2.0f : 1.0f);

    ImVec2 text_pos(top_left.x + style.FramePadding.x, top_left.y + style.FramePadding.y);
    ImGui::PushFont(f.fonts.strong);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour(f.palette.link), title_lines.c_str());
    ImGui::PopFont();
    text_pos.y += title_size.y + line_gap;
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour(f.palette.text), subtitle_lines.c_str());
    if (!badge.empty()) {
        text_pos.y += subtitle_size.y + line_gap;
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour(f.palette.muted_text), badge.c_str());
    }

    SemanticNode node = node_for_last_item(Role::link, badge.empty() ? title : title + " (" + badge + ")");
    node.value = format_route(target);
    node.description = subtitle;
    f.semantics.add(std::move(node));
    if (clicked) f.actions.navigate = target;
}

void route_link(UiFrame& f, const char* id, const std::string& label, const Route& target) {
    ImGui::PushID(id);
    // Wraps at the column's edge, so a long link never runs off a phone or 200 % text (WCAG 1.4.10).
    const std::string lines = break_lines(label, f.available_width());
    ImVec2 size = ImGui::CalcTextSize(lines.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    // Line up with framed widgets on the same line (after AlignTextToFramePadding).
    float baseline = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    bool clicked = pressable(f, "##link", ImVec2(size.x, size.y + baseline));
    pos.y += baseline;
    // The query counts: the embed builder's poster is the same screen with ?poster=1.
    bool current = f.state.route.screen == target.screen && f.state.route.device_id == target.device_id &&
                   f.state.route.poll_id == target.poll_id && f.state.route.query == target.query;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 ink = colour(current ? f.palette.text : f.palette.link);
    // Line by line, each underlined so that a link is not told by colour alone (WCAG 1.4.1).
    ImFont* font = ImGui::GetFont();
    float font_size = ImGui::GetFontSize();
    const char* line = lines.c_str();
    const char* end = line + lines.size();
    while (line < end) {
        const char* line_end = std::find(line, end, '\n');
        ImVec2 line_size = ImGui::CalcTextSize(line, line_end);
        draw->AddText(font, font_size, pos, ink, line, line_end);
        if (!current || ImGui::IsItemHovered())
            draw->AddLine(ImVec2(pos.x, pos.y + line_size.y), ImVec2(pos.x + line_size.x, pos.y + line_size.y), ink,
                          1.0f);
        pos.y += font_size;
        line = line_end < end ? line_end + 1 : end;
    }
    SemanticNode node = node_for_last_item(Role::link, label);
    node.value = format_route(target);
    node.checked = current;
    f.semantics.add(std::move(node));
    if (clicked && !current) f.actions.navigate = target;
    ImGui::PopID();
}

void web_link(UiFrame& f, const char* id, const std::string& label, const std::string& url) {
    ImGui::PushID(id);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string lines = break_lines(label, f.available_width());
    ImVec2 size = ImGui::CalcTextSize(lines.c_str());
    bool clicked = pressable(f, "##weblink", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 ink = colour(f.palette.link);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, ink, lines.c_str());
    if (size.y < ImGui::GetFontSize() * 1.5f)
        draw->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), ink, 1.0f);
    SemanticNode node = node_for_last_item(Role::link, label);
    node.value = url;
    f.semantics.add(std::move(node));
    if (clicked) f.actions.open_url = url;
    ImGui::PopID();
}

namespace {
bool button_with(UiFrame& f, const char* id, const std::string& label, bool primary) {
    ImGui::PushID(id);
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour4(f.palette.accent_text));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, colour4(f.palette.text));
        ImGui::PushStyleColor(ImGuiCol_Button, colour4(f.palette.surface));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour4(f.palette.background));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour4(f.palette.background));
    }
    bool clicked = ImGui::Button((label + "##button").c_str());
    clicked = clicked || f.activated(ImGui::GetItemID());
    ImGui::PopStyleColor(primary ? 1 : 4);
    f.semantics.add(node_for_last_item(Role::button, label));
    ImGui::PopID();
    return clicked;
}
}  // namespace

bool primary_button(UiFrame& f, const char* id, const std::string& label) { return button_with(f, id, label, true); }
bool secondary_button(UiFrame& f, const char* id, const std::string& label) { return button_with(f, id, label, false); }

int radio_row(UiFrame& f, const char* id, const std::string& group_label, const std::vector<std::string>& labels,
              const std::vector<std::string>& spoken_labels, int selected, bool show_label) {
    ImGui::PushID(id);
    int chosen = -1;
    if (show_label) {
        // Seen above its choices, so two rows of choices never read as one list with two picked.
        ImGui::PushFont(f.fonts.strong);
        wrapped(group_label);
        ImGui::PopFont();
        f.semantics.add(node_for_last_item(Role::text, group_label));
    }
    ImGui::BeginGroup();
    SemanticNode group;
    group.id = ImGui::GetID("##group");
    group.role = Role::radiogroup;
    group.name = group_label;
    ImVec2 start = ImGui::GetCursorScreenPos();
    group.x = start.x;
    group.y = start.y;
    f.semantics.begin_group(group);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) {
            // Wraps rather than running off a narrow screen or a large text size.
            ImGui::PushFont(f.fonts.strong);
            float width = ImGui::CalcTextSize(labels[i].c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
            ImGui::PopFont();
            float next_end = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
            if (f.column_right <= 0 || next_end <= ImGui::GetWindowPos().x + f.column_right) ImGui::SameLine();
        }
        bool current = static_cast<int>(i) == selected;
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(current ? f.fonts.strong : f.fonts.body);
        ImGui::PushStyleColor(ImGuiCol_Text, colour4(f.palette.text));
        ImGui::PushStyleColor(ImGuiCol_Button, colour4(current ? f.palette.surface : f.palette.background));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour4(f.palette.surface));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colour4(f.palette.surface));
        ImGui::PushStyleColor(ImGuiCol_Border, colour4(current ? f.palette.text : f.palette.border));
        // Selection is shown by a thicker border and bold text, not by colour alone.
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, current ? 2.5f : 1.0f);
        const ImGuiStyle& style = ImGui::GetStyle();
        float room = f.available_width();
        ImVec2 text = ImGui::CalcTextSize(labels[i].c_str());
        bool clicked = false;
        if (text.x + 2 * style.FramePadding.x <= room) {
            clicked = ImGui::Button(labels[i].c_str());
        } else {
            // Too long for one line of the column: a full-width choice whose text wraps (WCAG 1.4.10).
            const std::string lines = break_lines(labels[i], std::max(1.0f, room - 2 * style.FramePadding.x));
            text = ImGui::CalcTextSize(lines.c_str());
            ImVec2 top_left = ImGui::GetCursorScreenPos();
            ImVec2 size(room, text.y + 2 * style.FramePadding.y);
            clicked = ImGui::InvisibleButton(labels[i].c_str(), size);
            ImVec2 bottom_right(top_left.x + size.x, top_left.y + size.y);
            ImDrawList* draw = ImGui::GetWindowDrawList();
            bool lit = current || ImGui::IsItemHovered();
            draw->AddRectFilled(top_left, bottom_right, colour(lit ? f.palette.surface : f.palette.background),
                                style.FrameRounding);
            draw->AddRect(top_left, bottom_right, colour(current ? f.palette.text : f.palette.border), style.FrameRounding,
                          0, current ? 2.5f : 1.0f);
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                          ImVec2(top_left.x + style.FramePadding.x, top_left.y + style.FramePadding.y),
                          colour(f.palette.text), lines.c_str());
        }
        clicked = clicked || f.activated(ImGui::GetItemID());
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(5);
        ImGui::PopFont();
        SemanticNode node = node_for_last_item(Role::radio, i < spoken_labels.size() ? spoken_labels[i] : labels[i]);
        node.checked = current;
        f.semantics.add(std::move(node));
        if (clicked && !current) chosen = static_cast<int>(i);
        ImGui::PopID();
    }
    f.semantics.end_group();
    ImGui::EndGroup();
    ImGui::PopID();
    return chosen;
}

bool checkbox(UiFrame& f, const char* id, const std::string& label, bool& value) {
    ImGui::PushID(id);
    bool changed = ImGui::Checkbox((label + "##checkbox").c_str(), &value);
    if (!changed && f.activated(ImGui::GetItemID())) {
        value = !value;
        changed = true;
    }
    SemanticNode node = node_for_last_item(Role::checkbox, label);
    node.checked = value;
    f.semantics.add(std::move(node));
    ImGui::PopID();
    return changed;
}

bool slider(UiFrame& f, const char* id, const std::string& label, float& value, float min, float max, float step,
            const std::string& value_text) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SetNextItemWidth(f.available_width());
    auto snap = [&](float v) { return std::clamp(step > 0 ? min + step * std::round((v - min) / step) : v, min, max); };
    // While a pointer drags it, the slider shows and holds the dragged value, and hands it over
    // when the finger or mouse lets go: applied at once, a text size would move the slider
    // under the pointer while it is being dragged.
    const ImGuiID slider_id = ImGui::GetID("##slider");
    const bool held = g_slider_held == slider_id && ImGui::GetActiveID() == slider_id;
    float shown = held ? g_slider_value : value;
    std::string text = value_text;
    if (held) {
        std::string before = std::to_string(std::lround(value)), now = std::to_string(std::lround(shown));
        if (auto at = text.find(before); at != std::string::npos) text.replace(at, before.size(), now);
    }
    // The value text is shown, not parsed: a '%' in it ("100 %") would make ImGui read the value
    // back as 0 and the slider would never move.
    ImGui::SliderFloat("##slider", &shown, min, max, as_format(text).c_str());
    unsigned item = ImGui::GetItemID();
    bool changed = false;
    if (ImGui::IsItemActive()) {
        g_slider_held = item;
        g_slider_value = snap(shown);
    } else if (ImGui::IsItemDeactivated() && g_slider_held == item) {
        g_slider_held = 0;
        changed = std::fabs(g_slider_value - value) > 1e-6f;
        value = g_slider_value;
    }
    if (auto page = f.page_input.numbers.find(item); page != f.page_input.numbers.end()) {
        value = snap(static_cast<float>(page->second));
        changed = true;
    }
    value = std::clamp(value, min, max);
    SemanticNode node = node_for_last_item(Role::slider, label);
    node.value = value_text;
    node.min = min;
    node.max = max;
    node.step = step;
    node.number = value;
    f.semantics.add(std::move(node));
    ImGui::PopID();
    return changed;
}

bool text_field(UiFrame& f, const char* id, const std::string& label, std::string& value,
                const std::string& placeholder, bool search) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label.c_str());
    float width = f.available_width();
    bool changed = false;
    unsigned item = 0;
    if (f.page_edits_text) {
        // The page's real <input> sits on top of this frame and takes the typing (phones get
        // their keyboard, IME and autocorrect); the canvas only draws the frame behind it.
        ImVec2 size(width, ImGui::GetFrameHeight());
        ImGui::InvisibleButton("##field", size);
        item = ImGui::GetItemID();
        ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(min, max, colour(f.palette.surface), ImGui::GetStyle().FrameRounding);
        draw->AddRect(min, max, colour(f.palette.border), ImGui::GetStyle().FrameRounding, 0, 1.5f);
        if (auto page = f.page_input.texts.find(item); page != f.page_input.texts.end() && page->second != value) {
            value = page->second;
            changed = true;
        }
    } else {
        char buffer[256];
        std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
        ImGui::SetNextItemWidth(width);
        if (ImGui::InputTextWithHint("##field", placeholder.c_str(), buffer, sizeof buffer)) {
            value = buffer;
            changed = true;
        }
        item = ImGui::GetItemID();
    }
    SemanticNode node = node_for_last_item(search ? Role::searchbox : Role::textbox, label);
    node.id = item;
    node.value = value;
    node.description = placeholder;
    f.semantics.add(std::move(node));
    ImGui::PopID();
    return changed;
}

std::vector<float> table_column_widths(const std::vector<float>& natural, const std::vector<float>& least,
                                       float available) {
    const std::size_t n = natural.size();
    std::vector<float> widths(n, 0.0f);
    if (n == 0 || least.size() != n || available <= 0) return widths;
    float sum_natural = 0, sum_least = 0;
    for (std::size_t c = 0; c < n; ++c) {
        sum_natural += std::max(natural[c], least[c]);
        sum_least += least[c];
    }
    if (sum_natural <= available) {
        // Everything fits unwrapped: share the room left over in proportion.
        for (std::size_t c = 0; c < n; ++c) widths[c] = std::max(natural[c], least[c]) * available / sum_natural;
        return widths;
    }
    if (sum_least >= available) {
        // Not even the longest words fit: shrink them alike (ImGui then breaks inside words).
        for (std::size_t c = 0; c < n; ++c) widths[c] = least[c] * available / sum_least;
        return widths;
    }
    // Water-filling: every column gets min(natural, max(least, level)), the level chosen so the
    // columns fill the width. Short columns keep their natural width; long ones wrap evenly.
    auto total = [&](float level) {
        float t = 0;
        for (std::size_t c = 0; c < n; ++c) t += std::min(std::max(natural[c], least[c]), std::max(least[c], level));
        return t;
    };
    float low = 0, high = available;
    for (int i = 0; i < 40; ++i) {
        float mid = (low + high) / 2;
        (total(mid) < available ? low : high) = mid;
    }
    for (std::size_t c = 0; c < n; ++c) widths[c] = std::min(std::max(natural[c], least[c]), std::max(least[c], high));
    return widths;
}

namespace {
// A table too wide for its column, as blocks: per row, each header in bold above its value.
void stacked_table(UiFrame& f, const std::vector<std::string>& headers,
                   const std::vector<std::vector<std::string>>& rows) {
    // The header row first, as in a drawn table (a table's rows are not placed by the mirror).
    SemanticNode header_row;
    header_row.id = numbered_id(0);
    header_row.role = Role::row;
    f.semantics.begin_group(header_row);
    ImVec2 start = ImGui::GetCursorScreenPos();
    float width = f.available_width();
    ImGui::PushFont(f.fonts.strong);
    for (std::size_t c = 0; c < headers.size(); ++c) {
        SemanticNode cell;
        cell.id = numbered_id(1000 + c);
        cell.role = Role::columnheader;
        cell.name = headers[c];
        cell.x = start.x;
        cell.y = start.y;
        cell.width = width;
        cell.height = ImGui::CalcTextSize(break_lines(headers[c], width).c_str()).y;
        f.semantics.add(std::move(cell));
    }
    ImGui::PopFont();
    f.semantics.end_group();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        SemanticNode row;
        row.id = numbered_id(r + 1);
        row.role = Role::row;
        f.semantics.begin_group(row);
        for (std::size_t c = 0; c < rows[r].size() && c < headers.size(); ++c) {
            ImGui::PushFont(f.fonts.strong);
            wrapped(headers[c]);
            ImGui::PopFont();
            ImGui::Indent();
            wrapped(rows[r][c]);
            ImGui::Unindent();
            SemanticNode cell = node_for_last_item(Role::cell, rows[r][c]);
            cell.id = numbered_id(100000 + r * 100 + c);
            f.semantics.add(std::move(cell));
        }
        f.semantics.end_group();
        ImGui::Separator();
    }
}
}  // namespace

void data_table(UiFrame& f, const char* id, const std::string& caption, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows) {
    ImGui::PushID(id);
    SemanticNode table;
    table.id = ImGui::GetID("##table");
    table.role = Role::table;
    table.name = caption;
    ImVec2 start = ImGui::GetCursorScreenPos();
    table.x = start.x;
    table.y = start.y;
    table.width = f.available_width();
    f.semantics.begin_group(table);
    // Column widths from the texts themselves: a short column ("Group", "13") is never squeezed
    // to a letter a line while a long one takes the rest.
    const float padding = 2 * ImGui::GetStyle().CellPadding.x;
    std::vector<float> natural(headers.size(), 0.0f), least(headers.size(), 0.0f);
    auto measure = [&](std::size_t c, const std::string& text) {
        natural[c] = std::max(natural[c], ImGui::CalcTextSize(text.c_str()).x + padding);
        least[c] = std::max(least[c], widest_unit(text) + padding);
    };
    ImGui::PushFont(f.fonts.strong);
    for (std::size_t c = 0; c < headers.size(); ++c) measure(c, headers[c]);
    ImGui::PopFont();
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size() && c < headers.size(); ++c) measure(c, row[c]);
    float sum_least = 0;
    for (float l : least) sum_least += l;
    if (sum_least > f.available_width() && headers.size() > 1) {
        // Columns would have to split words ("Kobal/t", "49,/8"): each row becomes a block of
        // "header: value" lines instead, still read as a table.
        stacked_table(f, headers, rows);
        f.semantics.end_group();
        ImGui::PopID();
        return;
    }
    std::vector<float> widths = table_column_widths(natural, least, f.available_width());

    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit |
                            ImGuiTableFlags_NoKeepColumnsVisible;
    if (ImGui::BeginTable("##table", static_cast<int>(headers.size()), flags, ImVec2(f.available_width(), 0))) {
        for (std::size_t c = 0; c < headers.size(); ++c)
            ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, std::max(1.0f, widths[c] - padding));
        auto record_row = [&](int index) {
            SemanticNode row;
            row.id = numbered_id(static_cast<std::size_t>(index + 1));
            row.role = Role::row;
            f.semantics.begin_group(row);
        };
        record_row(-1);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (std::size_t c = 0; c < headers.size(); ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c));
            ImGui::PushFont(f.fonts.strong);
            wrapped(headers[c]);
            ImGui::PopFont();
            SemanticNode cell = node_for_last_item(Role::columnheader, headers[c]);
            cell.id = numbered_id(1000 + c);
            f.semantics.add(std::move(cell));
        }
        f.semantics.end_group();
        for (std::size_t r = 0; r < rows.size(); ++r) {
            record_row(static_cast<int>(r));
            ImGui::TableNextRow();
            for (std::size_t c = 0; c < rows[r].size() && c < headers.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                wrapped(rows[r][c]);
                SemanticNode cell = node_for_last_item(Role::cell, rows[r][c]);
                cell.id = numbered_id(100000 + r * 100 + c);
                f.semantics.add(std::move(cell));
            }
            f.semantics.end_group();
        }
        ImGui::EndTable();
    }
    f.semantics.end_group();
    ImGui::PopID();
}

void warning_banner(UiFrame& f, const std::string& title, const std::string& detail) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = f.available_width();
    float inner = width - 2 * style.FramePadding.x;
    ImGui::PushFont(f.fonts.strong);
    const std::string title_lines = break_lines(title, inner);
    ImVec2 title_size = ImGui::CalcTextSize(title_lines.c_str());
    ImGui::PopFont();
    const std::string detail_lines = break_lines(detail, inner);
    ImVec2 detail_size = ImGui::CalcTextSize(detail_lines.c_str());
    float height = 2 * style.FramePadding.y + title_size.y + style.ItemInnerSpacing.y + detail_size.y;
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), colour(f.palette.warning_surface),
                        style.ChildRounding);
    draw->AddRect(top_left, ImVec2(top_left.x + width, top_left.y + height), colour(f.palette.warning_text),
                  style.ChildRounding);
    ImVec2 pos(top_left.x + style.FramePadding.x, top_left.y + style.FramePadding.y);
    ImGui::PushFont(f.fonts.strong);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour(f.palette.warning_text), title_lines.c_str());
    ImGui::PopFont();
    pos.y += title_size.y + style.ItemInnerSpacing.y;
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour(f.palette.warning_text), detail_lines.c_str());
    SemanticNode node;
    node.id = ImGui::GetID(title.c_str());
    node.role = Role::status;
    node.name = title + ". " + detail;
    node.x = top_left.x;
    node.y = top_left.y;
    node.width = width;
    node.height = height;
    f.semantics.add(std::move(node));
}

void bullet_list(UiFrame& f, const char* id, const std::vector<std::string>& items) {
    ImGui::PushID(id);
    SemanticNode list;
    list.id = ImGui::GetID("##list");
    list.role = Role::list;
    f.semantics.begin_group(list);
    for (std::size_t i = 0; i < items.size(); ++i) {
        ImGui::Bullet();
        // ImGui draws the bullet FramePadding.x into its box: keep the text clear of it.
        ImGui::SameLine(0, ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemInnerSpacing.x);
        wrapped(items[i]);
        SemanticNode item = node_for_last_item(Role::listitem, items[i]);
        item.id = numbered_id(i);
        f.semantics.add(std::move(item));
    }
    f.semantics.end_group();
    ImGui::PopID();
}

void image_box(UiFrame& f, const char* id, float width, float height, const std::string& text_equivalent) {
    ImGui::Dummy(ImVec2(width, height));
    SemanticNode node = node_for_last_item(Role::image, text_equivalent);
    node.id = ImGui::GetID(id);
    f.semantics.add(std::move(node));
}

}  // namespace stadsmijn::ui

namespace stadsmijn::ui {

void ask_to_reveal(UiFrame& f, const char* key) { f.ui.fields["reveal"] = key; }

void reveal_here(UiFrame& f, const char* key) {
    auto it = f.ui.fields.find("reveal");
    if (it == f.ui.fields.end() || it->second != key) return;
    f.ui.fields.erase(it);
    // Only when the answer starts below the lower quarter of the screen (or above it): a choice
    // whose answer already shows does not move the page.
    float top = ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y;
    float view = ImGui::GetWindowHeight();
    float margin = ImGui::GetFontSize() * 2;
    if (top < 0 || top > view * 0.75f) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top - margin));
}

}  // namespace stadsmijn::ui
