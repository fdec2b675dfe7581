# Drafts one sample's train tour with a confirming run (`tourguide index ... -- ./train`) and
# plays it in the real lldb-14 with the plugin: every stop must be reached, and the stops must
# come in the order the tour lists them (the run's order).
# cmake -DINDEX=... -DBUILD_DIR=... -DREPO_DIR=... -DPROGRAM_DIR=... -DOUT_DIR=... -DLLDB=... -DPLUGIN=...
#       [-DEXPECT_IN_DESCRIPTION=text] -P PlayConfirmedTours.cmake
file(REMOVE_RECURSE ${OUT_DIR})
execute_process(
  COMMAND ${INDEX} index -p ${BUILD_DIR} -o ${OUT_DIR} --quiet ${REPO_DIR} -- ./train
  WORKING_DIRECTORY ${PROGRAM_DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tourguide index -- ./train failed (${rc}):\n${out}${err}")
endif()
set(tour ${OUT_DIR}/train.json)
file(READ ${tour} text)
string(JSON description GET "${text}" description)
string(FIND "${description}" "Confirmed by running `./train`" at)
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
message(STATUS "${tour}: ${stops} of ${stops} stops reached, in order")
