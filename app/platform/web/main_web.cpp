// The browser build's main loop: SDL2 on a WebGL2 canvas, drawing only when needed.
//
// Render on demand (imgui_web.md section 2): the Emscripten main loop is paused when the app
// has nothing to draw, and an SDL event watch resumes it from inside the browser's event
// handler. A URL change, a colour-scheme change or a network answer resumes it through wake.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>
#include <vector>

#include "platform/app_runtime.h"

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

EM_JS(void, js_report_ready, (), { if (Module.onAppReady) Module.onAppReady(); });
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

EMSCRIPTEN_KEEPALIVE void stadsmijn_set_dark(int dark) {
    if (!app) return;
    app->set_system_prefers_dark(dark != 0);
    resume_loop();
}

EMSCRIPTEN_KEEPALIVE void stadsmijn_wake() {
    if (!app) return;
    app->wake();
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
    });
    app = &runtime;
    runtime.set_system_prefers_dark(prefers_dark);
    runtime.start(window, gl_context, "#version 300 es", fragment, languages);
    SDL_AddEventWatch(wake_on_event, nullptr);
    js_report_ready();
    emscripten_set_main_loop_arg(tick, nullptr, 0, false);
    return 0;
}
