# stadsmijn_warnings(target): the warning set our own code is held to. Third-party code (ImGui,
# SDL, the Debian headers) never gets these flags.
#
# STADSMIJN_WERROR (on by default in native builds, which `make test` uses) makes every warning in
# our code an error, so a new one cannot slip in unnoticed.
option(STADSMIJN_WERROR "Treat warnings in our own code as errors (native builds)" ON)

function(stadsmijn_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  # GCC 12 reports -Wrestrict inside libstdc++ for `"text" + std::string&&` when inlined at -O2:
  # a false positive (GCC bug 105651, fixed in GCC 13), hit by every `" " + f.text(...)`. Only
  # that warning, only on GCC 12.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(STADSMIJN_WERROR AND NOT EMSCRIPTEN)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(STADSMIJN_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
