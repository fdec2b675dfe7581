// Runs a program to its end and returns what it printed (stdout and stderr together), for the
// tests that drive a real executable: the lldb binary in batch mode, the tourguide CLI.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace tourguide::testing {

/// Runs `argv` (argv[0] is the program's path); "pipe failed" when it cannot even start.
inline std::string runProgram(std::vector<std::string> argv) {
  int out[2];
  if (pipe(out) != 0)
    return "pipe failed";
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(out[1], 2);
    close(out[0]);
    close(out[1]);
    std::vector<char *> args;
    for (std::string &arg : argv)
      args.push_back(arg.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;)
    text.append(buffer, static_cast<size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return text;
}

} // namespace tourguide::testing
