#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace stadsmijn::ui {

namespace {

ImU32 colour(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

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

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
}

}  // namespace

float UiFrame::available_width() const {
    float to_column = column_right - ImGui::GetCursorPosX();
    return column_right > 0 ? std::max(1.0f, to_column) : ImGui::GetContentRegionAvail().x;
}

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
    ImVec2 title_size = ImGui::CalcTextSize(title.c_str(), nullptr, false, inner);
    ImGui::PopFont();
    ImVec2 subtitle_size = ImGui::CalcTextSize(subtitle.c_str(), nullptr, false, inner);
    ImVec2 badge_size = badge.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(badge.c_str());
    float line_gap = style.ItemInnerSpacing.y;
    float height = 2 * style.FramePadding.y + title_size.y + line_gap + subtitle_size.y +
                   (badge.empty() ? 0 : line_gap + badge_size.y);

    ImVec2 top_left = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, ImVec2(width, height));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 bottom_right(top_left.x + width, top_left.y + height);
    draw->AddRectFilled(top_left, bottom_right, colour(f.palette.surface), style.ChildRounding);
    draw->AddRect(top_left, bottom_right, colour(hovered ? f.palette.link : f.palette.border), style.ChildRounding, 0,
                  hovered ? 2.0f : 1.0f);

    ImVec2 text_pos(top_left.x + style.FramePadding.x, top_left.y + style.FramePadding.y);
    ImGui::PushFont(f.fonts.strong);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour(f.palette.link), title.c_str(), nullptr,
                  inner);
    ImGui::PopFont();
    text_pos.y += title_size.y + line_gap;
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour(f.palette.text), subtitle.c_str(), nullptr,
                  inner);
    if (!badge.empty()) {
        text_pos.y += subtitle_size.y + line_gap;
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_pos, colour(f.palette.muted_text), badge.c_str());
    }

    SemanticNode node = node_for_last_item(Role::link, badge.empty() ? title : title + " (" + badge + ")");
    node.value = format_route(target);
    f.semantics.add(std::move(node));
    if (clicked) f.actions.navigate = target;
}

void route_link(UiFrame& f, const char* id, const std::string& label, const Route& target) {
    ImGui::PushID(id);
    ImVec2 size = ImGui::CalcTextSize(label.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    // Line up with framed widgets on the same line (after AlignTextToFramePadding).
    float baseline = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    bool clicked = ImGui::InvisibleButton("##link", ImVec2(size.x, size.y + baseline));
    pos.y += baseline;
    bool current = f.state.route.screen == target.screen && f.state.route.device_id == target.device_id;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 ink = colour(current ? f.palette.text : f.palette.link);
    draw->AddText(pos, ink, label.c_str());
    // Underlined so that a link is not told by colour alone (WCAG 1.4.1).
    if (!current || ImGui::IsItemHovered())
        draw->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), ink, 1.0f);
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
    float wrap = f.available_width();
    ImVec2 size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    bool clicked = ImGui::InvisibleButton("##weblink", size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 ink = colour(f.palette.link);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, ink, label.c_str(), nullptr, wrap);
    if (size.y < ImGui::GetFontSize() * 1.5f)
        draw->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), ink, 1.0f);
    SemanticNode node = node_for_last_item(Role::link, label);
    node.value = url;
    f.semantics.add(std::move(node));
    if (clicked) f.actions.open_url = url;
    ImGui::PopID();
}

bool primary_button(UiFrame& f, const char* id, const std::string& label) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(f.palette.accent_text.r / 255.0f, f.palette.accent_text.g / 255.0f,
                                                f.palette.accent_text.b / 255.0f, 1.0f));
    bool clicked = ImGui::Button((label + "##button").c_str());
    ImGui::PopStyleColor();
    f.semantics.add(node_for_last_item(Role::button, label));
    ImGui::PopID();
    return clicked;
}

void warning_banner(UiFrame& f, const std::string& title, const std::string& detail) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = f.available_width();
    float inner = width - 2 * style.FramePadding.x;
    ImGui::PushFont(f.fonts.strong);
    ImVec2 title_size = ImGui::CalcTextSize(title.c_str(), nullptr, false, inner);
    ImGui::PopFont();
    ImVec2 detail_size = ImGui::CalcTextSize(detail.c_str(), nullptr, false, inner);
    float height = 2 * style.FramePadding.y + title_size.y + style.ItemInnerSpacing.y + detail_size.y;
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), colour(f.palette.warning_surface),
                        style.ChildRounding);
    ImVec2 pos(top_left.x + style.FramePadding.x, top_left.y + style.FramePadding.y);
    ImGui::PushFont(f.fonts.strong);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour(f.palette.warning_text), title.c_str(), nullptr,
                  inner);
    ImGui::PopFont();
    pos.y += title_size.y + style.ItemInnerSpacing.y;
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, colour(f.palette.warning_text), detail.c_str(), nullptr,
                  inner);
    f.semantics.add(node_for_last_item(Role::status, title + ". " + detail));
}

}  // namespace stadsmijn::ui
