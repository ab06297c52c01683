# Third-party code, all from Debian packages: nlohmann/json and doctest (headers, both builds),
# Dear ImGui 1.86 (the `imgui` source package, compiled here for both builds), SDL2 (the
# libsdl2-dev package natively; built from the libsdl2 source package for the web).

# Header-only libraries live in /usr/include, which an Emscripten build must not search as a
# whole (host libc headers would shadow the wasm ones): expose just their folders.
set(header_links ${CMAKE_BINARY_DIR}/header-links)
file(MAKE_DIRECTORY ${header_links})
foreach(lib nlohmann doctest)
  if(NOT EXISTS /usr/include/${lib})
    message(FATAL_ERROR "/usr/include/${lib} is missing: run tools/setup/install-deps.sh (make deps)")
  endif()
  if(NOT EXISTS ${header_links}/${lib})
    file(CREATE_LINK /usr/include/${lib} ${header_links}/${lib} SYMBOLIC)
  endif()
endforeach()
add_library(header_only_libs INTERFACE)
target_include_directories(header_only_libs SYSTEM INTERFACE ${header_links})
if(EMSCRIPTEN)
  # No exceptions in the browser build (smaller, and the core never throws anyway).
  target_compile_definitions(header_only_libs INTERFACE JSON_NOEXCEPTION)
endif()

if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}: run tools/setup/fetch-sources.sh")
endif()

# The ImGui core, without demo and metrics windows (about 280 KB of wasm we do not ship).
add_library(imgui STATIC ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
                         ${IMGUI_DIR}/imgui_widgets.cpp)
target_compile_options(imgui PRIVATE -w)  # upstream code: its warnings are not ours to fix
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_METRICS_WINDOW
                                        IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

if(EMSCRIPTEN)
  set(SDL2_DIR "${SDL2_WEB_PREFIX}/lib/cmake/SDL2" CACHE PATH "" FORCE)  # follows the prefix
  find_package(SDL2 REQUIRED CONFIG PATHS "${SDL2_WEB_PREFIX}" NO_DEFAULT_PATH)
  add_library(sdl2_for_app INTERFACE)
  target_link_libraries(sdl2_for_app INTERFACE SDL2::SDL2-static)
  # WebGL2 through the OpenGL ES 3 path of the 1.86 backend.
  set(imgui_gl_definitions IMGUI_IMPL_OPENGL_ES3)
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  add_library(sdl2_for_app INTERFACE)
  target_link_libraries(sdl2_for_app INTERFACE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
  set(imgui_gl_definitions "")
endif()

add_library(imgui_backends STATIC ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp
                                  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(imgui_backends PUBLIC imgui sdl2_for_app)
target_compile_options(imgui_backends PRIVATE -w)
target_compile_definitions(imgui_backends PUBLIC ${imgui_gl_definitions})
