# Common settings for hallsim's own targets: warnings (as errors), sanitizers.

function(hallsim_configure_target target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Woverloaded-virtual -Wimplicit-fallthrough)
  if(HALLSIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(HALLSIM_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# hallsim_library(NAME <target> SOURCES <...> [PUBLIC_DEPS <...>] [PRIVATE_DEPS <...>])
# A library per top-level folder: public headers under include/, private ones under src/.
function(hallsim_library)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SOURCES})
  target_include_directories(${ARG_NAME}
    PUBLIC  $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  hallsim_configure_target(${ARG_NAME})
endfunction()

# hallsim_test(<name> SOURCES <...> DEPS <...> [PRIVATE_INCLUDES <...>])
function(hallsim_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_INCLUDES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${ARG_PRIVATE_INCLUDES})
  target_compile_definitions(${name} PRIVATE
    HALLSIM_SOURCE_DIR="${PROJECT_SOURCE_DIR}" HALLSIM_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  hallsim_configure_target(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
endfunction()
