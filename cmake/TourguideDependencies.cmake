# Finds LLVM, Clang and LLDB of one Debian major version (TOURGUIDE_LLVM_VERSION),
# plus nlohmann/json, cmark (pkg-config) and GoogleTest. Everything links the shared libraries:
# clang-cpp, LLVM and liblldb (the static component libraries take minutes to link); the LLDB
# plugin links no liblldb at all (cmake/TourguideLldb.cmake).

set(_llvm_prefix /usr/lib/llvm-${TOURGUIDE_LLVM_VERSION})
find_package(LLVM ${TOURGUIDE_LLVM_VERSION} CONFIG REQUIRED
  HINTS ${_llvm_prefix}/lib/cmake/llvm NO_DEFAULT_PATH)
find_package(Clang CONFIG REQUIRED
  HINTS ${_llvm_prefix}/lib/cmake/clang NO_DEFAULT_PATH)
message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_INSTALL_PREFIX}")

# Debian ships no CMake package for LLDB, and its dev files cannot be installed for every
# version: cmake/TourguideLldb.cmake finds them or unpacks Debian's packages into the build tree.
include(TourguideLldb)

# LLVM and Clang, shared. LLVM's own flags (-fno-exceptions) are not applied:
# the JSON code needs exceptions, and nothing here derives from no-EH code in a way that cares.
add_library(tourguide_llvm INTERFACE)
target_include_directories(tourguide_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(tourguide_llvm INTERFACE ${_llvm_defs})
target_link_libraries(tourguide_llvm INTERFACE LLVM)
add_library(tourguide_clang INTERFACE)
target_link_libraries(tourguide_clang INTERFACE tourguide_llvm clang-cpp)

find_package(nlohmann_json 3 CONFIG REQUIRED)
# cmark through pkg-config: Debian's libcmark-dev CMake config imports the `cmark` program as
# a target and fails when the separate `cmark` package is not installed; libcmark.pc has no such trap.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
add_library(tourguide_cmark INTERFACE)
target_link_libraries(tourguide_cmark INTERFACE PkgConfig::CMARK)
find_package(GTest CONFIG REQUIRED)
include(GoogleTest)

find_program(SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
