#include "ui/semantics.h"

namespace stadsmijn::ui {

const char* role_name(Role role) {
    switch (role) {
        case Role::heading: return "heading";
        case Role::text: return "text";
        case Role::button: return "button";
        case Role::link: return "link";
        case Role::checkbox: return "checkbox";
        case Role::radio: return "radio";
        case Role::radiogroup: return "radiogroup";
        case Role::slider: return "slider";
        case Role::textbox: return "textbox";
        case Role::searchbox: return "searchbox";
        case Role::list: return "list";
        case Role::listitem: return "listitem";
        case Role::table: return "table";
        case Role::row: return "row";
        case Role::cell: return "cell";
        case Role::columnheader: return "columnheader";
        case Role::image: return "img";
        case Role::status: return "status";
        case Role::group: return "group";
    }
    return "text";
}

void Semantics::add(SemanticNode node) {
    if (!open_groups_.empty()) node.parent = open_groups_.back();
    if (node.id == 0) {
        // FNV-1a over role, parent and name; the n-th repeat of the same text hashes n in too.
        auto mix = [](unsigned hash, unsigned char byte) { return (hash ^ byte) * 16777619u; };
        unsigned hash = 2166136261u;
        for (unsigned part : {static_cast<unsigned>(node.role), node.parent})
            for (int shift = 0; shift < 32; shift += 8) hash = mix(hash, static_cast<unsigned char>(part >> shift));
        for (char c : node.name) hash = mix(hash, static_cast<unsigned char>(c));
        unsigned repeat = given_ids_[hash]++;
        for (int shift = 0; shift < 32; shift += 8) hash = mix(hash, static_cast<unsigned char>(repeat >> shift));
        node.id = hash == 0 ? 1 : hash;
    }
    nodes_.push_back(std::move(node));
}

const SemanticNode* Semantics::find(Role role, const std::string& name) const {
    for (const auto& node : nodes_)
        if (node.role == role && node.name == name) return &node;
    return nullptr;
}

const SemanticNode* Semantics::find_id(unsigned id) const {
    for (const auto& node : nodes_)
        if (node.id == id) return &node;
    return nullptr;
}

}  // namespace stadsmijn::ui
