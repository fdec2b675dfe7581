# Drafts one program's tour with a confirming run and plays it in the real lldb-14 with the
# plugin: every stop must be reached, and the stops must come in the order the tour lists them
# (the run's order). The run is `tourguide index ... -- ./PROGRAM`, or with IN_LLDB `tour draft`
# in lldb on the target `lldb PROGRAM` (from the findings of `tourguide index --format=json`).
# cmake -DINDEX=... -DBUILD_DIR=... -DREPO_DIR=... -DPROGRAM_DIR=... -DOUT_DIR=... -DLLDB=... -DPLUGIN=...
#       [-DPROGRAM=train] [-DROOT=dir] [-DIN_LLDB=ON] [-DEXPECT_IN_DESCRIPTION=text] [-DEXPECT_SHOWN=regex]
#       -P PlayConfirmedTours.cmake
# EXPECT_SHOWN: what the played stops must show (a stop placed where its values are computed).
if(NOT DEFINED PROGRAM)
  set(PROGRAM train)
endif()
set(_root)
if(DEFINED ROOT)
  set(_root --root ${ROOT})
endif()
file(REMOVE_RECURSE ${OUT_DIR})
file(MAKE_DIRECTORY ${OUT_DIR})
set(tour ${OUT_DIR}/${PROGRAM}.json)
if(IN_LLDB)
  execute_process(
    COMMAND ${INDEX} index -p ${BUILD_DIR} --format=json -o ${OUT_DIR}/findings.json --quiet ${_root} ${REPO_DIR}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  if(rc GREATER 1)
    message(FATAL_ERROR "tourguide index --format=json failed (${rc}):\n${out}${err}")
  endif()
  execute_process(
    COMMAND ${LLDB} --no-lldbinit --batch -o "plugin load ${PLUGIN}" -o "target create ${PROGRAM_DIR}/${PROGRAM}"
            -o "tour draft -o ${tour} ${OUT_DIR}/findings.json"
    WORKING_DIRECTORY ${PROGRAM_DIR}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  string(FIND "${out}${err}" "wrote ${tour}" at)
  if(NOT rc EQUAL 0 OR at EQUAL -1)
    message(FATAL_ERROR "tour draft did not write ${tour} (${rc}):\n${out}${err}")
  endif()
  set(ran "${PROGRAM_DIR}/${PROGRAM}")
else()
  execute_process(
    COMMAND ${INDEX} index -p ${BUILD_DIR} -o ${OUT_DIR} --quiet ${_root} ${REPO_DIR} -- ./${PROGRAM}
    WORKING_DIRECTORY ${PROGRAM_DIR}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tourguide index -- ./${PROGRAM} failed (${rc}):\n${out}${err}")
  endif()
  set(ran "./${PROGRAM}")
endif()
file(READ ${tour} text)
string(JSON description GET "${text}" description)
string(FIND "${description}" "Confirmed by running `${ran}`" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the draft does not say it was confirmed:\n${description}")
endif()
if(DEFINED EXPECT_IN_DESCRIPTION)
  string(FIND "${description}" "${EXPECT_IN_DESCRIPTION}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected in the description: ${EXPECT_IN_DESCRIPTION}\n${description}")
  endif()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/../support/PlayTour.cmake)
play_tour(${tour} all stops)
# In order: stop k's header "== k/N" appears after stop k-1's.
set(last -1)
math(EXPR top "${stops}")
foreach(k RANGE 1 ${top})
  string(FIND "${all}" "== ${k}/${stops} " pos)
  if(pos LESS_EQUAL last)
    message(FATAL_ERROR "stop ${k} was not shown after stop ${k} - 1:\n${all}")
  endif()
  set(last ${pos})
endforeach()
if(DEFINED EXPECT_SHOWN)
  string(REGEX MATCH "${EXPECT_SHOWN}" shown "${all}")
  if(NOT shown)
    message(FATAL_ERROR "the stops did not show what was expected (${EXPECT_SHOWN}):\n${all}")
  endif()
endif()
message(STATUS "${tour}: ${stops} of ${stops} stops reached, in order")
