// What a frame drew, in words: role, name, state and bounds of each widget.
//
// Widgets record themselves here as they draw. The platform layer mirrors the list into the
// page as hidden, positioned DOM elements for screen readers, keyboard users and browser tests
// (web/mirror.js); the UI tests read it to check a screen without looking at pixels.
// Groups (lists, tables, radio groups) nest: begin_group() makes later nodes its children.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace stadsmijn::ui {

enum class Role {
    heading,
    text,
    button,
    link,          // value: the route ("#/about") or the web address it opens
    checkbox,
    radio,
    radiogroup,
    slider,
    textbox,
    searchbox,
    list,
    listitem,
    table,
    row,
    cell,
    columnheader,
    image,         // a chart or picture: name is its text equivalent
    status,        // a message that must be noticed (aria-live)
    group,         // a labelled region
};

struct SemanticNode {
    unsigned id = 0;       // the ImGui id, stable across frames: the DOM element's key
    unsigned parent = 0;   // 0: top level
    Role role = Role::text;
    std::string name;      // what a screen reader says
    std::string value;     // text in a text field, a slider's value text, a link's target
    std::string description;
    int level = 0;         // headings: 1..3
    bool checked = false;  // checkbox, radio; for a link: it is the current page
    bool disabled = false;
    double min = 0, max = 0, step = 0, number = 0;  // sliders
    float x = 0, y = 0, width = 0, height = 0;      // in CSS pixels
};

const char* role_name(Role role);

class Semantics {
public:
    void begin_frame() {
        nodes_.clear();
        open_groups_.clear();
        given_ids_.clear();
    }
    // A node without an ImGui id (headings and text have none) gets one from its role, parent and
    // name, so it keeps its DOM element from frame to frame; the same text twice is told apart.
    void add(SemanticNode node);
    // Adds a group node; nodes added until end_group() become its children.
    void begin_group(SemanticNode node) {
        unsigned id = node.id;
        add(std::move(node));
        open_groups_.push_back(id);
    }
    void end_group() {
        if (!open_groups_.empty()) open_groups_.pop_back();
    }
    const std::vector<SemanticNode>& nodes() const { return nodes_; }

    const SemanticNode* find(Role role, const std::string& name) const;
    const SemanticNode* find_id(unsigned id) const;

private:
    std::vector<SemanticNode> nodes_;
    std::vector<unsigned> open_groups_;
    std::map<unsigned, unsigned> given_ids_;  // id made from the content -> times given this frame
};

}  // namespace stadsmijn::ui
