# Runs one command-line case (see tests/CMakeLists.txt) and compares stdout, stderr and the exit
# status with the expected files. Usage: cmake -DREMEDY=... -DCASE=... -DPLANS=... -P run_case.cmake
file(STRINGS ${CASE}/args arguments ENCODING UTF-8)
set(working_dir ${PLANS})
if(EXISTS ${CASE}/cwd)
    file(STRINGS ${CASE}/cwd relative_dir LIMIT_COUNT 1)
    set(working_dir ${PLANS}/${relative_dir})
endif()
# The plans are files of remedy's own repository: git must not find it, or status and verdict
# would warn of flags on whatever commit last changed them there (GIT_CEILING_DIRECTORIES keeps
# git from looking up into the source tree).
get_filename_component(source_root ${PLANS}/../.. ABSOLUTE)
set(environment --unset=REMEDY_PLAN --unset=NO_COLOR --unset=SOURCE_DATE_EPOCH TZ=UTC TERM=dumb
    GIT_CEILING_DIRECTORIES=${source_root})
if(EXISTS ${CASE}/env)
    file(STRINGS ${CASE}/env extra_environment)
    list(APPEND environment ${extra_environment})
endif()

execute_process(
    COMMAND ${CMAKE_COMMAND} -E env ${environment} ${REMEDY} ${arguments}
    WORKING_DIRECTORY ${working_dir}
    OUTPUT_VARIABLE actual_stdout
    ERROR_VARIABLE actual_stderr
    RESULT_VARIABLE actual_exit
    TIMEOUT 30)

file(READ ${CASE}/exit expected_exit)
string(STRIP "${expected_exit}" expected_exit)
set(failed FALSE)
if(NOT actual_exit STREQUAL expected_exit)
    message("exit status: expected ${expected_exit}, got ${actual_exit}")
    set(failed TRUE)
endif()
foreach(stream stdout stderr)
    set(expected "")
    if(EXISTS ${CASE}/${stream})
        file(READ ${CASE}/${stream} expected)
    endif()
    if(NOT actual_${stream} STREQUAL expected)
        string(MAKE_C_IDENTIFIER "${CASE}" case_id)
        set(actual_file /tmp/remedy-cli-${case_id}.${stream})
        file(WRITE ${actual_file} "${actual_${stream}}")
        message("${stream} differs from ${CASE}/${stream}:")
        execute_process(COMMAND diff -u ${CASE}/${stream} ${actual_file})
        set(failed TRUE)
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "case ${CASE} failed")
endif()
