# Drafts the tours of one sample repo with `tourguide index` and plays every one of them in
# the real lldb-14 (batch mode) with the tourguide plugin: every stop must be reached.
# cmake -DINDEX=... -DBUILD_DIR=... -DREPO_DIR=... -DOUT_DIR=... -DLLDB=... -DPLUGIN=... -P PlayDraftedTours.cmake
file(REMOVE_RECURSE ${OUT_DIR})
execute_process(
  COMMAND ${INDEX} -p ${BUILD_DIR} -o ${OUT_DIR} ${REPO_DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tourguide index failed (${rc}):\n${out}${err}")
endif()
# OUT_DIR is in the build tree, outside the repo the drafts name as their root: the user is
# told before 'tour start' refuses them.
if(NOT err MATCHES "note: 'tour start' will ask for --trust before it plays these drafts: they ask for the repo root")
  message(FATAL_ERROR "no note that drafts outside the repo need --trust:\n${err}")
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
include(${CMAKE_CURRENT_LIST_DIR}/../support/PlayTour.cmake)
foreach(tour ${tours})
  play_tour(${tour} all stops)
  message(STATUS "${tour}: ${stops} of ${stops} stops reached")
endforeach()
