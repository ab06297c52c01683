// The chain after hand-in and the matchmaking directory (issue 16); their rows are in
// core/route_table.h:
//   #/chain/<material>   draw_chain(f) = draw_chain(f, route's material)
//   #/region             draw_region(f)
//   #/actors             draw_actors(f); filters in the query: ?material=..&link=..&municipality=..
//   the return screen    draw_what_happens_next(f, device_id), a section below its options
#pragma once

#include <string>
#include <string_view>

#include "core/content/actors.h"
#include "core/content/chain.h"
#include "ui/frame.h"

namespace stadsmijn::ui {

void draw_chain(UiFrame& f, std::string_view material);
void draw_region(UiFrame& f);
void draw_actors(UiFrame& f);
void draw_what_happens_next(UiFrame& f, std::string_view device_id);

// Shared words of these screens, from i18n/<lang>/chain.json.
std::string chain_where_text(const UiFrame& f, ChainWhere where);
std::string chain_link_text(const UiFrame& f, ChainLink link);
std::string material_name_text(const UiFrame& f, std::string_view material);
// The fragment of a material's chain, "#/chain/cobalt" (with the language kept).
std::string chain_fragment(const UiFrame& f, std::string_view material);

}  // namespace stadsmijn::ui
