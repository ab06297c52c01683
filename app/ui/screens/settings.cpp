// Placeholder until the screen is built: says "coming soon".
#include "ui/screens/screens.h"

namespace stadsmijn::ui {

void draw_settings(UiFrame& f) { draw_coming_soon(f); }

}  // namespace stadsmijn::ui
