# Plays the toy tour through a real lldb executable in batch mode, as a user would type it, and
# checks what lldb printed (and that it was the lldb of major version LLDB_MAJOR). Run by CTest:
# cmake -DLLDB=... -DLLDB_MAJOR=... -DPLUGIN=... -DEXE=... -DTOUR=... -P LldbBatchTest.cmake
execute_process(
  COMMAND ${LLDB} --no-lldbinit --batch
    -o "plugin load ${PLUGIN}"
    -o "target create ${EXE}"
    -o "tour start ${TOUR}"
    -o "tour next"
    -o "tour list"
    -o "tour next"
    -o "tour next"
    -o "tour status"
    -o "tour next"
    -o "tour status"
    -o "version"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 100)
set(all "${out}${err}")
set(expected
  "== 1/4 setup: The number of steps comes from the command line"
  "> 29 |"
  "== 2/4 loss: The loss averages the batch"
  "> 20 |"
  "loss_of, toy.c:20, 1 location (by function), hit 3"
  "== 3/4 loop: The loss is added to the total"
  "== 4/4 metrics: The total is printed"
  "Not yet reached: 0"
  "mode tour total 500250.00"
  "The program exited with status 0."
  "Tour 'The toy training loop': 4 of 4 stops reached."
  "Process: exited with status 0"
  "lldb version ${LLDB_MAJOR}.")
foreach(text IN LISTS expected)
  string(FIND "${all}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "lldb's output lacks '${text}':\n${all}")
  endif()
endforeach()
message(STATUS "lldb-${LLDB_MAJOR} --batch played the toy tour:\n${all}")
