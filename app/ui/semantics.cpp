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
        case Role::slider: return "slider";
        case Role::textbox: return "textbox";
        case Role::list: return "list";
        case Role::listitem: return "listitem";
        case Role::table: return "table";
        case Role::image: return "img";
        case Role::status: return "status";
    }
    return "text";
}

const SemanticNode* Semantics::find(Role role, const std::string& name) const {
    for (const auto& node : nodes_)
        if (node.role == role && node.name == name) return &node;
    return nullptr;
}

}  // namespace stadsmijn::ui
