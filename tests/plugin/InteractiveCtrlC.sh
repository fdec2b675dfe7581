#!/usr/bin/env bash
# Drives an interactive lldb-14 in tmux, as a user types: `tour next` on a run that takes
# many seconds, then Ctrl-C. The tour must report the interruption and give the prompt back
# at once, and the user's own `continue` and Ctrl-C must still work afterwards.
# Usage: InteractiveCtrlC.sh LLDB PLUGIN TOUR
set -u
lldb=$1 plugin=$2 tour=$3
session=tourguide_ctrlc_$$
out=$(mktemp)
trap 'tmux kill-session -t $session 2>/dev/null; rm -f "$out"' EXIT

screen() { tmux capture-pane -p -t "$session" -S -2000 > "$out"; }
# wait_for TEXT SECONDS: polls the screen until TEXT shows up.
wait_for() {
  local deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    screen
    grep -qF -- "$1" "$out" && return 0
    sleep 0.2
  done
  echo "FAIL: '$1' did not appear within $2 s. Screen:"; cat "$out"; exit 1
}
type_line() { tmux send-keys -t "$session" "$1" Enter; }

tmux new-session -d -s "$session" -x 120 -y 50 "$lldb --no-lldbinit" || { echo "FAIL: tmux"; exit 1; }
wait_for "(lldb)" 20
type_line "plugin load $plugin"
# The test tour (in the build tree) names the toy built elsewhere: a program outside its
# repo root, which needs --trust (docs/security.md).
type_line "tour start --trust $tour"
wait_for "== 1/2" 30
type_line "tour next"
sleep 1.5
tmux send-keys -t "$session" C-c
wait_for "was interrupted (Ctrl-C)" 5
type_line "tour status"
wait_for "Process: stopped" 5
# The user's own commands behave as in plain lldb: continue runs asynchronously, Ctrl-C stops it.
type_line "continue"
wait_for "resuming" 5
sleep 1
tmux send-keys -t "$session" C-c
wait_for "stop reason = signal SIGSTOP" 5
type_line "process kill"
wait_for "exited with status" 5
echo "PASS"; cat "$out"
