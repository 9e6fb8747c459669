# Where a distribution puts things, and a .deb that names what it needs at run time.
include(GNUInstallDirs)

install(TARGETS remedy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Debian policy wants manual pages compressed; -n keeps the archive free of a timestamp so the
# package is reproducible.
set(remedy_manual_pages remedy.1 remedy.toml.5)
set(remedy_compressed_pages)
foreach(page ${remedy_manual_pages})
    string(REGEX REPLACE "^.*\\.([0-9])$" "\\1" section ${page})
    set(compressed ${CMAKE_BINARY_DIR}/man/${page}.gz)
    add_custom_command(OUTPUT ${compressed}
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
                       COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/man/${page} > ${compressed}
                       DEPENDS ${PROJECT_SOURCE_DIR}/man/${page} VERBATIM)
    list(APPEND remedy_compressed_pages ${compressed})
    install(FILES ${compressed} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(remedy_manual ALL DEPENDS ${remedy_compressed_pages})

# The completion scripts come from the built binary itself, so they match its command line.
set(remedy_completion_dir ${CMAKE_BINARY_DIR}/completion)
set(remedy_completion_scripts ${remedy_completion_dir}/remedy ${remedy_completion_dir}/_remedy
                              ${remedy_completion_dir}/remedy.fish)
add_custom_command(OUTPUT ${remedy_completion_scripts}
                   COMMAND ${CMAKE_COMMAND} -E make_directory ${remedy_completion_dir}
                   COMMAND remedy completion bash > ${remedy_completion_dir}/remedy
                   COMMAND remedy completion zsh > ${remedy_completion_dir}/_remedy
                   COMMAND remedy completion fish > ${remedy_completion_dir}/remedy.fish
                   DEPENDS remedy VERBATIM)
add_custom_target(remedy_completion ALL DEPENDS ${remedy_completion_scripts})
install(FILES ${remedy_completion_dir}/remedy
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# zsh: Debian's zsh searches /usr/share/zsh/vendor-completions for what packages install, and
# /usr/local/share/zsh/site-functions for what is installed by hand. The folder is chosen when
# the files are installed, because cpack installs under /usr whatever prefix was configured.
install(CODE "
    if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
        set(zsh_completions \"${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions\")
    else()
        set(zsh_completions \"${CMAKE_INSTALL_DATADIR}/zsh/site-functions\")
    endif()
    file(INSTALL \"${remedy_completion_dir}/_remedy\"
         DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${zsh_completions}\")")
install(FILES ${remedy_completion_dir}/remedy.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# Debian wants every package to carry its changelog, compressed like the manual pages.
set(remedy_changelog ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${remedy_changelog}
                   COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/cmake/debian-changelog > ${remedy_changelog}
                   DEPENDS ${PROJECT_SOURCE_DIR}/cmake/debian-changelog VERBATIM)
add_custom_target(remedy_changelog ALL DEPENDS ${remedy_changelog})
install(FILES ${remedy_changelog} DESTINATION ${CMAKE_INSTALL_DOCDIR})
# And its copyright file, machine-readable (DEP-5), uncompressed (Debian Policy 12.5).
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian-copyright DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME copyright)

# `cmake --install` and `cpack` install what the build made; they do not build it first (the
# README builds, then installs). So the package test, which runs cpack, never compiles while
# other tests run.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME remedy)
set(CPACK_PACKAGE_VENDOR "remedy")
set(CPACK_PACKAGE_CONTACT "remedy maintainers <remedy@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Keeps a managed-IT remediation plan honest")
# Lines of at most 80 characters, as dpkg shows them.
set(CPACK_PACKAGE_DESCRIPTION
    "remedy reads the remediation plan a client keeps against its managed-IT\n\
provider, enforces its time box, computes penalties to the cent and prints\n\
status, verdicts, letters and calendars.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debian ships binaries stripped: the default build's debug information is 24 of its 25 MB.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# A hand list, read off `ldd` and `dpkg -S` on Debian 12: dpkg-shlibdeps would need dpkg-dev at
# build time and cannot see tzdata, which date-tz reads at run time. Debian builds toml++ as a
# shared library, so it is a run-time dependency; CLI11 is header only.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1, libfmt9 (>= 9.1), libtomlplusplus3 (>= 3.3), \
libdate-tz3 (>= 3.0), tzdata")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")
include(CPack)
