"""A small Debug Adapter Protocol client, as an editor drives a debug adapter (lldb-vscode,
lldb-dap): it starts the adapter, sends requests over its stdin and reads its responses and
events from its stdout (Content-Length framing), timestamping each message on arrival.

Only what the editor tests need: requests, the response to one of them, and waiting for an
event that matches a predicate, with every message kept in order for the assertions.
"""

import json
import queue
import subprocess
import threading
import time


class AdapterGone(Exception):
    """The adapter closed its output (it exited or crashed)."""


class DapClient:
    def __init__(self, argv, env=None, cwd=None):
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=env, cwd=cwd)
        self._seq = 0
        self._inbox = queue.Queue()
        self.messages = []  # every message taken from the inbox, in arrival order
        self.stderr = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- the wire ---------------------------------------------------------------------------
    def _read_stdout(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self._inbox.put(None)
                    return
                line = line.decode("utf-8", "replace").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            message = json.loads(body)
            message["_arrived"] = time.monotonic()
            self._inbox.put(message)

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def send(self, command, arguments=None):
        """Sends a request; returns its sequence number and the time it left."""
        self._seq += 1
        request = {"seq": self._seq, "type": "request", "command": command}
        if arguments is not None:
            request["arguments"] = arguments
        data = json.dumps(request).encode("utf-8")
        sent = time.monotonic()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()
        return self._seq, sent

    # -- reading ----------------------------------------------------------------------------
    def next_message(self, timeout):
        try:
            message = self._inbox.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
        if message is None:
            raise AdapterGone("the adapter closed its output; its stderr:\n" + "".join(self.stderr))
        self.messages.append(message)
        return message

    def wait_for(self, predicate, timeout, what, since=None):
        """The first message that satisfies `predicate`: among those taken from index `since`
        on, else the next ones to come; fails after `timeout` s."""
        if since is not None:
            for message in self.messages[since:]:
                if predicate(message):
                    return message
        deadline = time.monotonic() + timeout
        while True:
            message = self.next_message(deadline - time.monotonic())
            if message is None:
                raise AssertionError("no %s within %.1f s; messages so far:\n%s"
                                     % (what, timeout, self.transcript()))
            if predicate(message):
                return message

    def wait_until(self, condition, timeout, what):
        """Takes messages until `condition()` holds (checked first on what is already taken)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if self.next_message(deadline - time.monotonic()) is None and not condition():
                raise AssertionError("no %s within %.1f s; messages so far:\n%s"
                                     % (what, timeout, self.transcript()))

    def response(self, seq, timeout=30):
        return self.wait_for(lambda m: m.get("type") == "response" and m.get("request_seq") == seq,
                             timeout, "response to request %d" % seq)

    def event(self, name, timeout=30, since=None):
        return self.wait_for(lambda m: m.get("type") == "event" and m.get("event") == name,
                             timeout, "'%s' event" % name, since)

    def request(self, command, arguments=None, timeout=30):
        """Sends a request and waits for its response, which must be a success."""
        seq, _ = self.send(command, arguments)
        reply = self.response(seq, timeout)
        if not reply.get("success"):
            raise AssertionError("'%s' failed: %s" % (command, reply.get("message")))
        return reply

    def console(self, since=0):
        """The text of every console output event taken so far (from message index `since`)."""
        return "".join(m["body"].get("output", "") for m in self.messages[since:]
                       if m.get("event") == "output" and m["body"].get("category") == "console")

    def transcript(self, since=0):
        lines = []
        for m in self.messages[since:]:
            if m.get("type") == "event":
                body = m.get("body", {})
                text = body.get("output", "") if m["event"] == "output" else json.dumps(body)
                lines.append("  event %s: %s" % (m["event"], text[:300]))
            else:
                lines.append("  response %s (%s): %s" % (m.get("command"), m.get("success"),
                                                         json.dumps(m.get("body"))[:300]))
        return "\n".join(lines)

    def close(self):
        if self.process.poll() is None:
            try:
                self.send("disconnect", {"terminateDebuggee": True})
                self.process.wait(timeout=10)
            except Exception:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except Exception:
                pass
