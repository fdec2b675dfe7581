# Project-wide warning flags, applied per target so the sample repos keep their own.
function(tourguide_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()
