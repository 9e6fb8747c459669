# The layer rules of ARCHITECTURE.md, checked on the sources: every file belongs to the layer of
# its folder (src/LAYER/ or include/remedy/LAYER/) and may include only the layers listed for it
# below, and the system headers that its layer allows. Run by the build before anything is
# compiled, and by the test `architecture.layers`.
#
# usage: cmake -DROOT=<source tree> [-DSTAMP=<file to touch on success>] -P CheckLayers.cmake

cmake_minimum_required(VERSION 3.25)

# Which layers each layer may include (itself included).
set(allowed_util    util)
set(allowed_model   util model)
set(allowed_io      util model io)
set(allowed_history util model io history)
set(allowed_edit    util model io edit)
set(allowed_render  util model history render)
set(allowed_cli     util model io history edit render cli)
set(layers util model io history edit render cli)

# System headers that would let a layer do what its rules forbid: read files, run programs,
# read the clock's zone database, parse a command line or TOML. A regular expression on the
# name between the angle brackets.
set(no_io "^(fstream|filesystem|cstdio|stdio\\.h|unistd\\.h|fcntl\\.h|spawn\\.h|poll\\.h|sys/.*|date/tz\\.h|CLI/.*|toml\\+\\+/.*|random|thread|iostream)$")
set(forbidden_util   "^(CLI/.*|toml\\+\\+/.*|date/tz\\.h)$")
set(forbidden_model  "${no_io}")
set(forbidden_render "${no_io}")
set(forbidden_io     "^(CLI/.*)$")
set(forbidden_history "^(CLI/.*)$")
set(forbidden_edit   "^(CLI/.*)$")
set(forbidden_cli    "^$")

get_filename_component(ROOT "${ROOT}" ABSOLUTE)
if(NOT ROOT)
    message(FATAL_ERROR "CheckLayers.cmake: give -DROOT=<source tree>")
endif()

set(faults "")
set(checked 0)
foreach(layer ${layers})
    file(GLOB_RECURSE files "${ROOT}/src/${layer}/*.h" "${ROOT}/src/${layer}/*.cpp"
         "${ROOT}/include/remedy/${layer}/*.h")
    foreach(file ${files})
        math(EXPR checked "${checked} + 1")
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
        file(RELATIVE_PATH shown "${ROOT}" "${file}")
        foreach(line ${includes})
            if(line MATCHES "\"remedy/([a-z_]+)/")
                set(target "${CMAKE_MATCH_1}")
                if(NOT target IN_LIST allowed_${layer})
                    string(APPEND faults "${shown}: the ${layer} layer may not include the ${target} layer: ${line}\n")
                endif()
            elseif(line MATCHES "\"remedy/")
                string(APPEND faults "${shown}: a remedy header outside every layer: ${line}\n")
            elseif(line MATCHES "<([^>]+)>")
                set(header "${CMAKE_MATCH_1}")
                if(header MATCHES "${forbidden_${layer}}")
                    string(APPEND faults "${shown}: the ${layer} layer may not use <${header}>: ${line}\n")
                endif()
            endif()
        endforeach()
    endforeach()
endforeach()

if(checked EQUAL 0)
    message(FATAL_ERROR "CheckLayers.cmake: no source found under ${ROOT}")
endif()
if(faults)
    # One line a fault, as written (FATAL_ERROR would re-wrap them), then the failure.
    string(REGEX MATCHALL "[^\n]+" lines "${faults}")
    list(LENGTH lines count)
    foreach(line ${lines})
        message(NOTICE "${line}")
    endforeach()
    message(FATAL_ERROR "${count} include(s) break the layer rules of ARCHITECTURE.md")
endif()
if(STAMP)
    file(TOUCH "${STAMP}")
endif()
