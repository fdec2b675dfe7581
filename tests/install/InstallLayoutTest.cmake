# cmake -DBUILD= -DWORK= -DBINDIR= -DPLUGINDIR= -DDATADIR= -DDOCDIR= -DLLDB= -DEXE= -DTOUR=
#       -P InstallLayoutTest.cmake
file(REMOVE_RECURSE ${WORK})
set(root ${WORK}/root)
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${root} ${CMAKE_COMMAND} --install ${BUILD} --prefix /usr
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT (rc EQUAL 0))
  message(FATAL_ERROR "cmake --install failed (${rc}):\n${out}${err}")
endif()

# Every file in its folder, and no file elsewhere.
set(prefix ${root}/usr)
set(expected
  ${BINDIR}/tourguide
  ${PLUGINDIR}/libtourguide-lldb.so
  ${DATADIR}/tourguide/tour.schema.json
  ${DOCDIR}/README.md
  ${DOCDIR}/plugin.md
  ${DOCDIR}/editors.md
  ${DOCDIR}/tour-format.md)
foreach(f IN LISTS expected)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: /usr/${f}\n${out}")
  endif()
endforeach()
file(GLOB_RECURSE installed RELATIVE ${prefix} ${root}/*)
foreach(f IN LISTS installed)
  if(NOT f MATCHES "^(${BINDIR}/tourguide|${PLUGINDIR}/libtourguide-lldb\\.so|${DATADIR}/tourguide/[^/]+\\.json|${DOCDIR}/[^/]+\\.md)$")
    message(FATAL_ERROR "installed where nothing should be: ${f}")
  endif()
endforeach()

# The installed CLI runs from there (no build-tree RPATH) and names the installed plugin.
execute_process(COMMAND ${prefix}/${BINDIR}/tourguide validate ${TOUR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT (rc EQUAL 0))
  message(FATAL_ERROR "the installed tourguide validate failed (${rc}):\n${out}${err}")
endif()
execute_process(COMMAND ${prefix}/${BINDIR}/tourguide --print-lldbinit RESULT_VARIABLE rc OUTPUT_VARIABLE lldbinit ERROR_VARIABLE err)
if(NOT (rc EQUAL 0))
  message(FATAL_ERROR "tourguide --print-lldbinit failed (${rc}): ${err}")
endif()
string(FIND "${lldbinit}" "\nplugin load ${prefix}/${PLUGINDIR}/libtourguide-lldb.so\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "--print-lldbinit does not name the installed plugin:\n${lldbinit}")
endif()

# "In every lldb": a home whose ~/.lldbinit is those lines, and an lldb that plays a tour.
set(home ${WORK}/home)
file(MAKE_DIRECTORY ${home})
file(WRITE ${home}/.lldbinit "${lldbinit}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env HOME=${home} ${LLDB} --batch
    -o "target create ${EXE}"
    -o "tour start ${TOUR}"
    -o "tour next" -o "tour next" -o "tour next" -o "tour next"
  OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
string(FIND "${out}${err}" "Tour 'The toy training loop': 4 of 4 stops reached." at)
if(at EQUAL -1)
  message(FATAL_ERROR "lldb with the printed ~/.lldbinit did not play the tour:\n${out}${err}")
endif()
message(STATUS "installed under ${root}; ~/.lldbinit:\n${lldbinit}")
