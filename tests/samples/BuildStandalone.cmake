# cmake -DSOURCE_DIR=... -DBINARY_DIR=... -P BuildStandalone.cmake
# Configures and builds one sample repo as its own project, from scratch, and checks that the
# train and eval programs and the generated data exist afterwards.
file(REMOVE_RECURSE ${BINARY_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR}
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring ${SOURCE_DIR} on its own failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${SOURCE_DIR} on its own failed (${rc})")
endif()
foreach(f train eval data)
  if(NOT EXISTS ${BINARY_DIR}/${f})
    message(FATAL_ERROR "standalone build of ${SOURCE_DIR} made no ${f}")
  endif()
endforeach()
