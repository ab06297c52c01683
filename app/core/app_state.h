// The state the screens are drawn from: where the citizen is and how they like to read.
#pragma once

#include "core/preferences.h"
#include "core/routes.h"

namespace stadsmijn {

struct AppState {
    Route route;
    Preferences preferences;
    bool system_prefers_dark = false;  // the browser's prefers-color-scheme
};

}  // namespace stadsmijn
