# Installing tourguide like a tool (docs/install.md). `cmake --install BUILD` puts, in the GNU
# folders under the prefix: the CLI in bin/, the LLDB plugin in lib/tourguide/ (a plugin, not a
# library to link), the tour format's JSON Schema in share/tourguide/ and the documentation in
# share/doc/tourguide/. `cpack -G DEB` (in BUILD) makes a Debian package of the same files under
# /usr. Included at the end of the top-level CMakeLists.txt, once every component is known.
set(TOURGUIDE_INSTALL_PLUGINDIR ${CMAKE_INSTALL_LIBDIR}/tourguide)

if(TARGET tourguide)
  install(TARGETS tourguide RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # `tourguide --print-lldbinit` names the plugin of this build, or the installed one relative
  # to the installed executable (so a DESTDIR or another prefix work too).
  file(RELATIVE_PATH _plugin_from_bindir ${CMAKE_INSTALL_FULL_BINDIR}
    ${CMAKE_INSTALL_PREFIX}/${TOURGUIDE_INSTALL_PLUGINDIR}/libtourguide-lldb.so)
  target_compile_definitions(tourguide PRIVATE
    TOURGUIDE_PLUGIN_FROM_BINDIR="${_plugin_from_bindir}"
    TOURGUIDE_BUILD_CLI_DIR="$<TARGET_FILE_DIR:tourguide>")
  if(TARGET tourguide-lldb)
    target_compile_definitions(tourguide PRIVATE TOURGUIDE_BUILD_PLUGIN="$<TARGET_FILE:tourguide-lldb>")
  endif()
endif()
if(TARGET tourguide-lldb)
  install(TARGETS tourguide-lldb LIBRARY DESTINATION ${TOURGUIDE_INSTALL_PLUGINDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/tours/schema/tour.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/tourguide)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")

# The Debian package. Its Depends: the shared libraries the binaries link (dpkg-shlibdeps:
# liblldb, libclang-cpp, libLLVM, libcmark, libstdc++, ...), and what they use at run time
# without linking it: lldb-N (an lldb to load the plugin into, and the lldb-server that
# `tourguide index -- PROGRAM` launches the program with) and libclang-common-N-dev (clang's
# own headers, stddef.h and the like, that parsing a repo needs).
set(CPACK_PACKAGE_NAME tourguide)
set(CPACK_PACKAGE_VERSION 0.1.0)
set(CPACK_PACKAGE_VENDOR "tourguide")
set(CPACK_PACKAGE_CONTACT "tourguide maintainers <maintainers@users.noreply.r-seed-7e480e62.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Guided tours of C and C++ machine-learning code, played in LLDB")
set(CPACK_PACKAGE_DESCRIPTION
  "tourguide plays tour files (annotated stops through a program's training and evaluation) in LLDB with the `tour` command, drafts tours of a repo with `tourguide index` and checks them with `tourguide validate` and `tourguide check`. Run 'tourguide --print-lldbinit >> ~/.lldbinit' to have `tour` in every lldb.")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "lldb-${TOURGUIDE_LLVM_VERSION}, libclang-common-${TOURGUIDE_LLVM_VERSION}-dev")
include(CPack)
