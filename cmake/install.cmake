# Install rules: headers, the static library, the CLI and a CMake package
# so that consumers can call find_package(dilemma CONFIG).
include(CMakePackageConfigHelpers)

install(TARGETS dilemma EXPORT dilemmaTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/dilemma DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/generated/dilemma/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dilemma)
if(TARGET dilemma_cli)
  install(TARGETS dilemma_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(DILEMMA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/dilemma)
install(EXPORT dilemmaTargets NAMESPACE dilemma:: DESTINATION ${DILEMMA_CMAKE_DIR})
configure_package_config_file(cmake/dilemmaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/dilemmaConfig.cmake INSTALL_DESTINATION ${DILEMMA_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dilemmaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dilemmaConfig.cmake ${PROJECT_BINARY_DIR}/dilemmaConfigVersion.cmake
  DESTINATION ${DILEMMA_CMAKE_DIR})
