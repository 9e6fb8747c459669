# What remedy needs of the system, checked before anything is built, and the optional calls it
# uses when the system has them (each with a portable fallback, named in ARCHITECTURE.md).
#
# Needed (POSIX.1-2008, and flock, which Linux, the BSDs and macOS all have): the build stops
# with the missing one named rather than failing in a compile error later.
# Optional, each a REMEDY_HAVE_* definition for every target:
#   pipe2                                   (Linux, the BSDs) else pipe + fcntl(FD_CLOEXEC)
#   posix_spawn_file_actions_addchdir_np    (glibc, musl, macOS) else fork, chdir, exec
#   getdents64                              (Linux) a faster folder listing than readdir, which
#                                           is used everywhere else (docs/performance.md)
#   sched_getaffinity                       (Linux) the CPUs this process may run on; else the
#                                           cores std::thread reports
# 128-bit integers and the overflow built-ins are checked in the code itself (__SIZEOF_INT128__,
# __has_builtin), with portable forms otherwise (util/checked_math).
include(CheckCXXSymbolExists)
option(REMEDY_PORTABLE "Use none of the optional calls: build the portable fallbacks, to test them"
       OFF)

set(CMAKE_REQUIRED_DEFINITIONS -D_GNU_SOURCE)
foreach(needed posix_spawnp:spawn.h poll:poll.h flock:sys/file.h fdopendir:dirent.h
               openat:fcntl.h fstatat:sys/stat.h mkostemp:stdlib.h fsync:unistd.h)
    string(REPLACE ":" ";" needed ${needed})
    list(GET needed 0 symbol)
    list(GET needed 1 header)
    string(TOUPPER "REMEDY_SYSTEM_HAS_${symbol}" variable)
    check_cxx_symbol_exists(${symbol} ${header} ${variable})
    if(NOT ${variable})
        message(FATAL_ERROR "remedy needs ${symbol} (${header}), which this system lacks")
    endif()
endforeach()

foreach(optional pipe2:unistd.h posix_spawn_file_actions_addchdir_np:spawn.h getdents64:dirent.h
                 sched_getaffinity:sched.h)
    string(REPLACE ":" ";" optional ${optional})
    list(GET optional 0 symbol)
    list(GET optional 1 header)
    string(TOUPPER "REMEDY_HAVE_${symbol}" variable)
    check_cxx_symbol_exists(${symbol} ${header} ${variable})
    if(${variable} AND NOT REMEDY_PORTABLE)
        add_compile_definitions(${variable}=1)
    endif()
endforeach()
unset(CMAKE_REQUIRED_DEFINITIONS)
