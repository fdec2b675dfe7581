# Loads the plugin into an lldb older than it supports: `plugin load` must fail with the
# plugin's message naming that version, lldb must report the refusal and go on to its next
# command (no crash). Run by CTest: cmake -DLLDB=... -DLIBDIR=... -DLLDB_MAJOR=... -DPLUGIN=...
# -P LldbRefusesTest.cmake
set(ENV{LD_LIBRARY_PATH} "${LIBDIR}")
# `command source -e false` keeps going after the failed load (--batch -o would stop there).
set(commands "${CMAKE_CURRENT_BINARY_DIR}/lldb${LLDB_MAJOR}-refuses.lldb")
file(WRITE ${commands} "plugin load ${PLUGIN}\nversion\nhelp tour\n")
execute_process(
  COMMAND ${LLDB} --no-lldbinit --batch -o "command source -e false ${commands}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 50)
set(all "${out}${err}")
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "lldb-${LLDB_MAJOR} did not exit normally (${rc}):\n${all}")
endif()
foreach(text
    "tourguide: the tour plugin needs LLDB 14 or later; this is lldb version ${LLDB_MAJOR}."
    "The plugin is not loaded."
    "refused to load"
    "lldb version ${LLDB_MAJOR}."
    "'tour' is not a known command")
  string(FIND "${all}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "lldb-${LLDB_MAJOR}'s output lacks '${text}':\n${all}")
  endif()
endforeach()
message(STATUS "lldb-${LLDB_MAJOR} refused the plugin:\n${all}")
