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
