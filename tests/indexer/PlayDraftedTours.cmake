# Drafts the tours of one sample repo with `tourguide index` and plays every one of them in
# the real lldb-14 (batch mode) with the tourguide plugin: every stop must be reached.
# cmake -DINDEX=... -DBUILD_DIR=... -DREPO_DIR=... -DOUT_DIR=... -DLLDB=... -DPLUGIN=... -P PlayDraftedTours.cmake
file(REMOVE_RECURSE ${OUT_DIR})
execute_process(
  COMMAND ${INDEX} -p ${BUILD_DIR} -o ${OUT_DIR} --quiet ${REPO_DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tourguide index failed (${rc}):\n${out}${err}")
endif()
file(GLOB tours ${OUT_DIR}/*.json)
# Train tours first: an eval program reads the checkpoint its train program writes.
set(train_tours ${tours})
list(FILTER train_tours INCLUDE REGEX "train[^/]*\\.json$")
list(REMOVE_ITEM tours ${train_tours})
list(PREPEND tours ${train_tours})
list(LENGTH tours count)
if(count LESS 2)
  message(FATAL_ERROR "expected a train and an eval tour in ${OUT_DIR}, found: ${tours}")
endif()
foreach(tour ${tours})
  file(READ ${tour} text)
  string(JSON stops LENGTH "${text}" stops)
  # Drafted here, from our own build: trusted (its program lives in the build tree, outside the
  # repo, which an untrusted tour may not launch).
  set(commands -o "plugin load ${PLUGIN}" -o "tour start --trust ${tour}")
  math(EXPR nexts "${stops} + 1")
  foreach(i RANGE 1 ${nexts})
    list(APPEND commands -o "tour next")
  endforeach()
  execute_process(COMMAND ${LLDB} --no-lldbinit --batch ${commands}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 240)
  set(all "${out}${err}")
  string(FIND "${all}" ": ${stops} of ${stops} stops reached." at)
  if(at EQUAL -1)
    message(FATAL_ERROR "not every stop of ${tour} was reached:\n${all}")
  endif()
  message(STATUS "${tour}: ${stops} of ${stops} stops reached")
endforeach()
