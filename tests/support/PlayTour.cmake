# play_tour(TOUR OUTPUT_VAR STOPS_VAR): plays a drafted tour in the real lldb (${LLDB}) with the
# plugin (${PLUGIN}), `tour next` once per stop and once more, and fails unless every stop was
# reached. Drafted from our own build, the tour is trusted: its program lives in the build tree,
# outside the repo, which an untrusted tour may not launch.
function(play_tour tour output_var stops_var)
  file(READ ${tour} text)
  string(JSON stops LENGTH "${text}" stops)
  set(commands -o "plugin load ${PLUGIN}" -o "tour start --trust ${tour}")
  math(EXPR nexts "${stops} + 1")
  foreach(i RANGE 1 ${nexts})
    list(APPEND commands -o "tour next")
  endforeach()
  execute_process(COMMAND ${LLDB} --no-lldbinit --batch ${commands}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 240)
  set(all "${out}${err}")
  string(FIND "${all}" ": ${stops} of ${stops} stops reached." at)
  if(at EQUAL -1)
    message(FATAL_ERROR "not every stop of ${tour} was reached:\n${all}")
  endif()
  set(${output_var} "${all}" PARENT_SCOPE)
  set(${stops_var} ${stops} PARENT_SCOPE)
endfunction()
