// The browser build's main loop: SDL2 on a WebGL2 canvas, drawing only when needed.
//
// Render on demand (imgui_web.md section 2): the Emscripten main loop is paused when the app
// has nothing to draw, and an SDL event watch resumes it from inside the browser's event
// handler. A URL change, a colour-scheme change or a network answer resumes it through wake.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/app_runtime.h"
#include "ui/app_ui.h"

namespace {

stadsmijn::AppRuntime* app = nullptr;
bool loop_paused = false;

// --- the page, through small JavaScript functions (web/app.js installs the listeners) ---

EM_JS(void, js_set_url, (const char* fragment, int replace), {
    const hash = UTF8ToString(fragment);
    if (location.hash === hash) return;
    if (replace) history.replaceState(history.state, "", hash);
    else history.pushState(null, "", hash);
});

EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(void, js_set_document_language, (const char* code), {
    document.documentElement.lang = UTF8ToString(code);
});

EM_JS(void, js_open_url, (const char* url), {
    const target = UTF8ToString(url);
    if (target.startsWith("https://") || target.startsWith("http://")) window.open(target, "_blank", "noopener,noreferrer");
});

EM_JS(void, js_update_mirror, (const char* json), { if (Module.onMirror) Module.onMirror(UTF8ToString(json)); });
EM_JS(void, js_announce, (const char* message), { if (Module.onAnnounce) Module.onAnnounce(UTF8ToString(message)); });

// Platform services; the JavaScript side is Module.platform in web/app.js. Strings coming back
// are allocated with malloc by newString and freed here.
EM_JS(char*, js_load_storage, (), { return Module.platform.newString(Module.platform.loadStorage()); });
EM_JS(char*, js_store, (const char* key, const char* value), {
    return Module.platform.newString(Module.platform.store(UTF8ToString(key), UTF8ToString(value)));
});
EM_JS(void, js_fetch, (const char* tag, const char* method, const char* url, const char* body, const char* headers), {
    Module.platform.fetch(UTF8ToString(tag), UTF8ToString(method), UTF8ToString(url), UTF8ToString(body),
                          UTF8ToString(headers));
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* text), {
    Module.platform.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});
EM_JS(void, js_pick_file, (const char* tag), { Module.platform.pickFile(UTF8ToString(tag)); });
EM_JS(void, js_request_location, (), { Module.platform.requestLocation(); });
EM_JS(void, js_copy_text, (const char* text), { Module.platform.copyText(UTF8ToString(text)); });
EM_JS(void, js_now, (int* out), {
    const d = new Date();
    HEAP32[(out >> 2) + 0] = d.getFullYear();
    HEAP32[(out >> 2) + 1] = d.getMonth() + 1;
    HEAP32[(out >> 2) + 2] = d.getDate();
    HEAP32[(out >> 2) + 3] = d.getHours();
    HEAP32[(out >> 2) + 4] = d.getMinutes();
});
EM_JS(unsigned, js_random32, (), { return crypto.getRandomValues(new Uint32Array(1))[0] >>> 0; });
// A retry that is due while the loop is paused still needs a frame.
EM_JS(void, js_wake_after, (double delay_ms), { setTimeout(() => Module._stadsmijn_wake(), delay_ms); });
EM_JS(char*, js_origin, (), { return Module.platform.newString(location.origin); });
// web/app.js fetched the content pack next to the wasm; handed over once, then dropped there.
EM_JS(char*, js_content_name, (), { return Module.platform.newString(Module.platform.contentName()); });
EM_JS(char*, js_content_pack, (), { return Module.platform.newString(Module.platform.takeContentPack()); });

std::string take_string(char* text) {
    std::string copy = text ? text : "";
    free(text);
    return copy;
}

std::map<std::string, std::string> load_storage() {
    std::map<std::string, std::string> stored;
    auto json = nlohmann::json::parse(take_string(js_load_storage()), nullptr, false);
    if (!json.is_object()) return stored;
    for (auto& [key, value] : json.items())
        if (value.is_string()) stored[key] = value.get<std::string>();
    return stored;
}

EM_JS(void, js_report_ready, (double content_ms), { if (Module.onAppReady) Module.onAppReady(content_ms); });
EM_JS(void, js_report_first_frame, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });

void resume_loop() {
    if (loop_paused) {
        loop_paused = false;
        emscripten_resume_main_loop();
    }
}

int wake_on_event(void*, SDL_Event* event) {
    // SDL pushes a sentinel on every poll; waking on it would keep the loop running forever.
    if (event->type == SDL_POLLSENTINEL) return 0;
    if (app) app->wake();
    resume_loop();
    return 0;
}

void tick(void*) {
    app->frame();
    if (app->frames_drawn() == 1) js_report_first_frame();
    if (!app->wants_frames()) {
        loop_paused = true;
        emscripten_pause_main_loop();
    }
}

}  // namespace

// --- called from JavaScript (web/app.js) ---
extern "C" {

EMSCRIPTEN_KEEPALIVE void stadsmijn_url_changed(const char* fragment) {
    if (!app) return;
    app->on_url_changed(fragment);
    resume_loop();
}

// The DOM mirror (web/mirror.js) reports what the citizen did to its elements.
EMSCRIPTEN_KEEPALIVE void stadsmijn_activate(unsigned id) {
    if (!app) return;
    app->activate_from_page(id);
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_set_text(unsigned id, const char* text) {
    if (!app) return;
    app->text_from_page(id, text);
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_set_number(unsigned id, double value) {
    if (!app) return;
    app->number_from_page(id, value);
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_focus(unsigned id) {
    if (!app) return;
    app->focus_from_page(id);
    resume_loop();
}

// Answers of the platform services (Module.platform in web/app.js).
EMSCRIPTEN_KEEPALIVE void stadsmijn_http_response(const char* tag, int status, const char* body) {
    if (!app) return;
    app->on_http_response(tag, status, body);
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_file_picked(const char* tag, const char* name, const char* text, const char* error) {
    if (!app) return;
    app->on_file_picked(tag, {name, text, error});
    resume_loop();
}

// status: 0 known, 1 refused, 2 unavailable
EMSCRIPTEN_KEEPALIVE void stadsmijn_location(int status, double lat, double lon) {
    if (!app) return;
    if (status == 0)
        app->on_location(stadsmijn::LocationStatus::known, stadsmijn::GeoPoint{lat, lon});
    else
        app->on_location(status == 1 ? stadsmijn::LocationStatus::refused : stadsmijn::LocationStatus::unavailable,
                         std::nullopt);
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_set_dark(int dark) {
    if (!app) return;
    app->set_system_prefers_dark(dark != 0);
    resume_loop();
}

// A scrolling key the page's controls did not take (web/app.js). kind: 1 lines, 2 pages, 3 top, 4 end.
EMSCRIPTEN_KEEPALIVE void stadsmijn_scroll(int kind, float amount) {
    if (!app || kind < 1 || kind > 4) return;
    stadsmijn::ui::request_page_scroll(static_cast<stadsmijn::ui::PageScroll>(kind), amount);
    app->wake();
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_wake() {
    if (!app) return;
    app->wake();
    resume_loop();
}

// The browser's `online` event: the network is back, so waiting votes are sent at once.
EMSCRIPTEN_KEEPALIVE void stadsmijn_network_online() {
    if (!app) return;
    app->on_network_online();
    resume_loop();
}

// The test API (window.stadsmijn in web/app.js) reads these.
EMSCRIPTEN_KEEPALIVE unsigned stadsmijn_frames() { return app ? app->frames_drawn() : 0; }
EMSCRIPTEN_KEEPALIVE float stadsmijn_font_pixel_ratio() { return app ? app->font_pixel_ratio() : 0; }
EMSCRIPTEN_KEEPALIVE int stadsmijn_paused() { return loop_paused ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* stadsmijn_route() {
    static std::string fragment;
    fragment = app ? app->current_fragment() : "";
    return fragment.c_str();
}

// What the last frame drew, as JSON: {"nodes": [{"id","role","name","x","y","w","h",...}], colours}.
EMSCRIPTEN_KEEPALIVE const char* stadsmijn_semantics() {
    static std::string json;
    json = app ? app->mirror_json() : "{}";
    return json.c_str();
}

// Texts the screens asked for that Dutch lacks, since the start: {"count": n, "keys": [...]}.
EMSCRIPTEN_KEEPALIVE const char* stadsmijn_missing_texts() {
    static std::string json;
    json = app ? nlohmann::json{{"count", app->translator().missing_lookups()},
                                {"keys", app->translator().missing_keys()}}.dump()
               : "{\"count\":0,\"keys\":[]}";
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* stadsmijn_language() { return app ? app->language().c_str() : ""; }
EMSCRIPTEN_KEEPALIVE const char* stadsmijn_last_error() { return app ? app->last_error().c_str() : ""; }
}

// argv: [program, location.hash, prefers-dark "0"/"1", browser language tags...]
int main(int argc, char** argv) {
    // Listen for keys on the canvas only: by default SDL swallows Tab, arrows and Backspace on
    // the whole page, which traps keyboard users and breaks every other input.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        EM_ASM({ if (Module.onAppError) Module.onAppError(UTF8ToString($0)); }, SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_Window* window = SDL_CreateWindow("Stadsmijn", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800, 600,
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl_context = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl_context) {
        EM_ASM({ if (Module.onAppError) Module.onAppError('WebGL2: ' + UTF8ToString($0)); }, SDL_GetError());
        return 1;
    }

    std::string fragment = argc > 1 ? argv[1] : "";
    bool prefers_dark = argc > 2 && std::string(argv[2]) == "1";
    std::vector<std::string> languages;
    for (int i = 3; i < argc; ++i) languages.emplace_back(argv[i]);

    static stadsmijn::AppRuntime runtime({
        .set_url = [](const std::string& f, bool replace) { js_set_url(f.c_str(), replace ? 1 : 0); },
        .set_title = [](const std::string& title) { js_set_title(title.c_str()); },
        .set_document_language = [](const std::string& code) { js_set_document_language(code.c_str()); },
        .open_url = [](const std::string& url) { js_open_url(url.c_str()); },
        .update_mirror = [](const std::string& json) { js_update_mirror(json.c_str()); },
        .announce = [](const std::string& message) { js_announce(message.c_str()); },
        .page_edits_text = true,
        .load_storage = load_storage,
        .store = [](const std::string& key, const std::string& value) {
            return take_string(js_store(key.c_str(), value.c_str()));
        },
        .fetch = [](const stadsmijn::ui::HttpRequest& r) {
            std::string headers = nlohmann::json(r.headers).dump();
            js_fetch(r.tag.c_str(), r.method.c_str(), r.url.c_str(), r.body.c_str(), headers.c_str());
        },
        .download = [](const stadsmijn::ui::FileDownload& file) {
            js_download(file.filename.c_str(), file.mime.c_str(), file.text.c_str());
        },
        .pick_file = [](const std::string& tag) { js_pick_file(tag.c_str()); },
        .request_location = [] { js_request_location(); },
        .copy_text = [](const std::string& text) { js_copy_text(text.c_str()); },
        .now = []() -> std::optional<stadsmijn::LocalDateTime> {
            int parts[5] = {};
            js_now(parts);
            return stadsmijn::LocalDateTime{parts[0], parts[1], parts[2], parts[3], parts[4]};
        },
        .random32 = [] { return static_cast<std::uint32_t>(js_random32()); },
        .content_pack = [] { return std::pair{take_string(js_content_name()), take_string(js_content_pack())}; },
        .wake_after = [](std::int64_t delay_ms) { js_wake_after(static_cast<double>(delay_ms)); },
    });
    app = &runtime;
    runtime.set_system_prefers_dark(prefers_dark);
    runtime.set_origin(take_string(js_origin()));
    runtime.start(window, gl_context, "#version 300 es", fragment, languages);
    SDL_AddEventWatch(wake_on_event, nullptr);
    js_report_ready(runtime.content_load_ms());
    emscripten_set_main_loop_arg(tick, nullptr, 0, false);
    return 0;
}
