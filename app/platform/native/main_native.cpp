// The desktop build: the same app in an SDL2 + OpenGL 3 window, for development.
//   stadsmijn-desktop [--route '#/about?lang=en'] [--dark] [--frames N]
// --frames N draws N frames and exits (a smoke test under Xvfb).
#include <SDL.h>

#include <cstdio>
#include <ctime>
#include <random>
#include <cstdlib>
#include <string>
#include <vector>

#include "platform/app_runtime.h"

int main(int argc, char** argv) {
    std::string fragment;
    bool dark = false;
    long frame_limit = -1;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--route" && i + 1 < argc)
            fragment = argv[++i];
        else if (arg == "--dark")
            dark = true;
        else if (arg == "--frames" && i + 1 < argc)
            frame_limit = std::strtol(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: %s [--route FRAGMENT] [--dark] [--frames N]\n", argv[0]);
            return 2;
        }
    }

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "stadsmijn: SDL could not start: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_Window* window = SDL_CreateWindow("Stadsmijn", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 420, 800,
                                          SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl_context = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!gl_context) {
        std::fprintf(stderr, "stadsmijn: no OpenGL 3 context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(window, gl_context);
    SDL_GL_SetSwapInterval(1);

    stadsmijn::AppRuntime app({
        .set_url = [&](const std::string& f, bool) { fragment = f; },
        .set_title = [&](const std::string& title) { SDL_SetWindowTitle(window, title.c_str()); },
        .set_document_language = {},
        .open_url = [](const std::string& url) { SDL_OpenURL(url.c_str()); },
        .update_mirror = {},
        .announce = [](const std::string& message) { std::fprintf(stderr, "stadsmijn says: %s\n", message.c_str()); },
        .page_edits_text = false,
        // The desktop build is for development: storage lives for the session only.
        .load_storage = {},
        .store = {},
        .fetch = {},
        .download = {},
        .pick_file = {},
        .request_location = {},
        .copy_text = [](const std::string& text) { SDL_SetClipboardText(text.c_str()); },
        .now = []() -> std::optional<stadsmijn::LocalDateTime> {
            std::time_t t = std::time(nullptr);
            std::tm local{};
            localtime_r(&t, &local);
            return stadsmijn::LocalDateTime{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
                                            local.tm_min};
        },
        .random32 = [] {
            static std::random_device device;
            return static_cast<std::uint32_t>(device());
        },
    });
    app.set_system_prefers_dark(dark);
    app.start(window, gl_context, "#version 130", fragment, {});
    if (!app.last_error().empty()) std::fprintf(stderr, "stadsmijn: %s\n", app.last_error().c_str());

    bool running = true;
    while (running && frame_limit != 0) {
        SDL_Event event;
        // Sleep until something happens when there is nothing to draw.
        bool have_event = app.wants_frames() ? SDL_PollEvent(&event) : SDL_WaitEventTimeout(&event, 1000);
        if (have_event) {
            if (event.type == SDL_QUIT) running = false;
            app.handle_event(event);
        }
        if (app.wants_frames() || frame_limit > 0) {
            app.frame();
            if (frame_limit > 0) --frame_limit;
        }
    }
    std::printf("stadsmijn: %u frames drawn, route %s\n", app.frames_drawn(), app.current_fragment().c_str());
    app.shutdown();
    SDL_GL_DeleteContext(gl_context);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
