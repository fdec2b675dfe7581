# LLDB, found for one major version or unpacked from Debian's packages when it is not installed.
#
# The plugin (plugin/) is built against one set of LLDB headers but links no liblldb: its SB API
# symbols stay undefined and are resolved from the lldb that loads it, so one binary serves
# lldb 14, 15, 16 and later (a plugin linked against liblldb-14 pulls a second liblldb into
# lldb-15 and crashes there). Targets:
#   tourguide_lldb_api   the SB API headers only: for code that runs inside someone's lldb
#   tourguide_lldb       headers + this version's liblldb: for programs that host a debugger
#                        in-process (tests, benchmarks)
#   tourguide_lldb_<V>   headers + liblldb of another version V, for the same tests in lldb V
# Variables: LLDB_EXECUTABLE, LLDB_SERVER_EXECUTABLE, LLDB_PYTHONPATH (this version);
# TOURGUIDE_OTHER_LLDB_VERSIONS and, for each V in it, TOURGUIDE_LLDB_<V>_PREFIX,
# TOURGUIDE_LLDB_<V>_EXECUTABLE, TOURGUIDE_LLDB_<V>_SERVER, TOURGUIDE_LLDB_<V>_PYTHONPATH;
# TOURGUIDE_UNAVAILABLE_LLDB_VERSIONS (could not be unpacked: the tests say so);
# TOURGUIDE_OLDER_LLDB_VERSIONS (too old for the plugin, which must refuse to load in them),
# each with TOURGUIDE_LLDB_<V>_EXECUTABLE and TOURGUIDE_LLDB_<V>_LIBDIR.

# Other LLDB versions the plugin's tests also run in (the build's own version is skipped).
set(TOURGUIDE_TEST_LLDB_VERSIONS 14 15 16 CACHE STRING
  "LLDB major versions the plugin is also tested in (unpacked from Debian's packages when not installed)")

# LLDB versions older than the plugin supports: `plugin load` must refuse in them with a message.
set(TOURGUIDE_TEST_OLDER_LLDB_VERSIONS 13 CACHE STRING
  "LLDB major versions older than the plugin supports, in which its tests check that it refuses to load")

# tourguide_lldb_prefix(VERSION OUT): /usr/lib/llvm-VERSION when Debian's lldb-VERSION and
# liblldb-VERSION-dev are installed there; otherwise the packages unpacked into the build tree
# (lldb-VERSION/usr/lib/llvm-VERSION). OUT is empty when neither works.
function(tourguide_lldb_prefix version out)
  set(installed /usr/lib/llvm-${version})
  if(EXISTS ${installed}/include/lldb/API/LLDB.h AND EXISTS ${installed}/lib/liblldb.so
      AND EXISTS ${installed}/bin/lldb-server AND EXISTS ${installed}/bin/lldb)
    set(${out} ${installed} PARENT_SCOPE)
    return()
  endif()
  set(dir ${CMAKE_BINARY_DIR}/lldb-${version})
  if(NOT EXISTS ${dir}/.unpacked)
    message(STATUS "LLDB ${version} is not installed: unpacking Debian's packages into ${dir}")
    execute_process(
      COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/unpack-debian-lldb.sh ${version} ${dir}
      RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
    if(NOT rc EQUAL 0)
      message(WARNING "LLDB ${version}: could not unpack Debian's packages into ${dir}:\n${log}")
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
  endif()
  set(${out} ${dir}/usr/lib/llvm-${version} PARENT_SCOPE)
endfunction()

# The folder that holds LLDB's Python module (`import lldb`) under PREFIX, or "".
function(_tourguide_lldb_pythonpath prefix out)
  file(GLOB dirs ${prefix}/lib/python3.*/dist-packages/lldb ${prefix}/lib/python3.*/site-packages/lldb)
  set(result "")
  if(dirs)
    list(GET dirs 0 first)
    get_filename_component(result ${first} DIRECTORY)
  endif()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

tourguide_lldb_prefix(${TOURGUIDE_LLVM_VERSION} _lldb_prefix)
if(NOT _lldb_prefix)
  message(FATAL_ERROR "LLDB ${TOURGUIDE_LLVM_VERSION} not found in /usr/lib/llvm-${TOURGUIDE_LLVM_VERSION} "
    "and its Debian packages could not be unpacked (see the warning above)")
endif()
find_library(LLDB_LIBRARY NAMES lldb liblldb.so.1
  PATHS ${_lldb_prefix}/lib NO_DEFAULT_PATH REQUIRED)
find_path(LLDB_INCLUDE_DIR lldb/API/LLDB.h
  PATHS ${_lldb_prefix}/include NO_DEFAULT_PATH REQUIRED)
find_program(LLDB_EXECUTABLE NAMES lldb-${TOURGUIDE_LLVM_VERSION} lldb
  PATHS ${_lldb_prefix}/bin NO_DEFAULT_PATH REQUIRED)
find_program(LLDB_SERVER_EXECUTABLE NAMES lldb-server
  PATHS ${_lldb_prefix}/bin NO_DEFAULT_PATH REQUIRED)
_tourguide_lldb_pythonpath(${_lldb_prefix} LLDB_PYTHONPATH)
message(STATUS "LLDB ${TOURGUIDE_LLVM_VERSION} at ${_lldb_prefix}")

add_library(tourguide_lldb_api INTERFACE)
target_include_directories(tourguide_lldb_api SYSTEM INTERFACE ${LLDB_INCLUDE_DIR})
add_library(tourguide_lldb INTERFACE)
target_link_libraries(tourguide_lldb INTERFACE tourguide_lldb_api ${LLDB_LIBRARY})

set(TOURGUIDE_OTHER_LLDB_VERSIONS "")
set(TOURGUIDE_UNAVAILABLE_LLDB_VERSIONS "")
foreach(_v IN LISTS TOURGUIDE_TEST_LLDB_VERSIONS)
  if(_v STREQUAL TOURGUIDE_LLVM_VERSION)
    continue()
  endif()
  tourguide_lldb_prefix(${_v} _prefix)
  if(NOT _prefix)
    list(APPEND TOURGUIDE_UNAVAILABLE_LLDB_VERSIONS ${_v})
    continue()
  endif()
  list(APPEND TOURGUIDE_OTHER_LLDB_VERSIONS ${_v})
  set(TOURGUIDE_LLDB_${_v}_PREFIX ${_prefix})
  set(TOURGUIDE_LLDB_${_v}_EXECUTABLE ${_prefix}/bin/lldb)
  set(TOURGUIDE_LLDB_${_v}_SERVER ${_prefix}/bin/lldb-server)
  _tourguide_lldb_pythonpath(${_prefix} TOURGUIDE_LLDB_${_v}_PYTHONPATH)
  # The build's own SB headers, this version's library: exactly what the plugin meets when
  # lldb-<V> loads it.
  add_library(tourguide_lldb_${_v} INTERFACE)
  target_link_libraries(tourguide_lldb_${_v} INTERFACE tourguide_lldb_api ${_prefix}/lib/liblldb.so)
  message(STATUS "LLDB ${_v} for the plugin's tests at ${_prefix}")
endforeach()

set(TOURGUIDE_OLDER_LLDB_VERSIONS "")
foreach(_v IN LISTS TOURGUIDE_TEST_OLDER_LLDB_VERSIONS)
  tourguide_lldb_prefix(${_v} _prefix)
  if(NOT _prefix)
    list(APPEND TOURGUIDE_UNAVAILABLE_LLDB_VERSIONS ${_v})
    continue()
  endif()
  list(APPEND TOURGUIDE_OLDER_LLDB_VERSIONS ${_v})
  set(TOURGUIDE_LLDB_${_v}_EXECUTABLE ${_prefix}/bin/lldb)
  # lldb-13's executable has no RUNPATH: its liblldb-13.so.1 is found through LD_LIBRARY_PATH.
  get_filename_component(TOURGUIDE_LLDB_${_v}_LIBDIR ${_prefix}/../x86_64-linux-gnu ABSOLUTE)
  message(STATUS "LLDB ${_v} (older than the plugin supports) at ${_prefix}")
endforeach()
