# Under REMEDY_SANITIZE no sanitizer finding may go unnoticed, even in a test whose program is
# started by a script that only looks at some exit statuses. Every test runs with the options of
# sanitizer_environment.cmake: each report is written to a file in sanitizer-logs/ (and the
# program stops with status 86, which no remedy command uses), and the last test,
# sanitizer.no_reports, fails while that folder holds any report, printing them. (With g++,
# UBSan reports still go to standard error: docs/fuzzing.md.)
set(REMEDY_SANITIZER_LOGS ${CMAKE_BINARY_DIR}/sanitizer-logs)
configure_file(${CMAKE_CURRENT_LIST_DIR}/sanitizer_environment.cmake.in
               ${CMAKE_BINARY_DIR}/sanitizer_environment.cmake @ONLY)
# ctest includes this file before it reads any test, so that every test inherits the variables
# it sets, and the python and shell tests' programs too.
set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND
             PROPERTY TEST_INCLUDE_FILES ${CMAKE_BINARY_DIR}/sanitizer_environment.cmake)

function(remedy_tests_below directory out)
    get_property(tests DIRECTORY ${directory} PROPERTY TESTS)
    get_property(subdirectories DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
    foreach(subdirectory ${subdirectories})
        remedy_tests_below(${subdirectory} below)
        list(APPEND tests ${below})
    endforeach()
    set(${out} ${tests} PARENT_SCOPE)
endfunction()

remedy_tests_below(${PROJECT_SOURCE_DIR}/tests all_tests)
add_test(NAME sanitizer.no_reports
         COMMAND ${CMAKE_COMMAND} -DLOGS=${REMEDY_SANITIZER_LOGS}
                 -P ${PROJECT_SOURCE_DIR}/tests/check_sanitizer_reports.cmake)
set_tests_properties(sanitizer.no_reports PROPERTIES DEPENDS "${all_tests}")
