// The route table: one row per screen. Everything about a screen's route comes from its row:
// the Screen enum, parsing and formatting (routes.cpp), the stable name and with it the title
// key "title.<name>" (i18n/<lang>/*.json), the declaration and dispatch of its draw function
// (app/ui/screens/screens.h, app_ui.cpp), and the list of routes the browser tests visit
// (tests/browser/lib/routes.mjs reads the rows of this file).
//
// Adding a screen: one row here and one function `void draw_x(UiFrame& f)` in app/ui/screens/.
//
//   STADSMIJN_ROUTE(name, path, example, draw)
//   name     the Screen enum value and the stable name ("device_repair")
//   path     the path pattern; "{device}", "{poll}", "{material}", "{place}" take an id
//            (is_valid_id) into Route::device_id, poll_id, material_id, place_id
//   example  a real route of the screen, visited by the browser tests
//   draw     the function in namespace stadsmijn::ui that draws it
//
// Keep each row on one line in this exact shape: the browser tests read it with a regular expression.
// The first row is the default screen; not_found (last, no path) is what any other path shows.
// clang-format off
#define STADSMIJN_ROUTES(STADSMIJN_ROUTE) \
    STADSMIJN_ROUTE(home, "/", "#/", draw_home) \
    STADSMIJN_ROUTE(about, "/about", "#/about", draw_about) \
    STADSMIJN_ROUTE(devices, "/devices", "#/devices", draw_devices) \
    STADSMIJN_ROUTE(device, "/device/{device}", "#/device/smartphone", draw_device_inside) \
    STADSMIJN_ROUTE(device_repair, "/device/{device}/repair", "#/device/smartphone/repair", draw_device_repair) \
    STADSMIJN_ROUTE(device_reuse, "/device/{device}/reuse", "#/device/smartphone/reuse", draw_device_reuse) \
    STADSMIJN_ROUTE(device_return, "/device/{device}/return", "#/device/smartphone/return", draw_device_return) \
    STADSMIJN_ROUTE(drawer, "/drawer", "#/drawer", draw_drawer) \
    STADSMIJN_ROUTE(debate, "/debate", "#/debate", draw_debate) \
    STADSMIJN_ROUTE(poll, "/poll/{poll}", "#/poll/grondstoffen-repareren-inleveren", draw_poll) \
    STADSMIJN_ROUTE(accessibility, "/accessibility", "#/accessibility", draw_accessibility) \
    STADSMIJN_ROUTE(embed_builder, "/embed", "#/embed", draw_embed_builder) \
    STADSMIJN_ROUTE(settings, "/settings", "#/settings", draw_settings) \
    STADSMIJN_ROUTE(chain, "/chain/{material}", "#/chain/cobalt", draw_chain) \
    STADSMIJN_ROUTE(region, "/region", "#/region", draw_region) \
    STADSMIJN_ROUTE(actors, "/actors", "#/actors", draw_actors) \
    STADSMIJN_ROUTE(manage, "/manage", "#/manage", draw_manage) \
    STADSMIJN_ROUTE(not_found, "", "#/no-such-page", draw_not_found)
// clang-format on
