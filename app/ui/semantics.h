// What a frame drew, in words: role, name, state and bounds of each widget.
//
// Widgets record themselves here as they draw. The platform layer mirrors the list into the
// page for screen readers and browser tests; the UI tests read it to check a screen without
// looking at pixels.
#pragma once

#include <string>
#include <vector>

namespace stadsmijn::ui {

enum class Role { heading, text, button, link, checkbox, radio, slider, textbox, list, listitem, table, image, status };

struct SemanticNode {
    unsigned id = 0;       // the ImGui id, stable across frames
    Role role = Role::text;
    std::string name;      // what a screen reader says
    std::string value;     // a text field's contents, a slider's value; a link's target
    int level = 0;         // headings: 1..3
    bool checked = false;  // checkbox, radio; "current" for a link to the shown route
    bool disabled = false;
    float x = 0, y = 0, width = 0, height = 0;  // in CSS pixels
};

const char* role_name(Role role);

class Semantics {
public:
    void begin_frame() { nodes_.clear(); }
    void add(SemanticNode node) { nodes_.push_back(std::move(node)); }
    const std::vector<SemanticNode>& nodes() const { return nodes_; }

    const SemanticNode* find(Role role, const std::string& name) const;

private:
    std::vector<SemanticNode> nodes_;
};

}  // namespace stadsmijn::ui
