"""Runs a command in a new pseudo-terminal, the way a person's terminal runs it.

Usage: python3 pty_run.py COMMAND [ARG...]

The command's standard input, output and error are the terminal (120 columns, 40 rows, TERM=xterm),
and it is the command's controlling terminal, so Ctrl-C typed there sends it SIGINT as a real
terminal does; SIGINT and SIGQUIT are at their defaults, as a shell leaves them for a command
in the foreground, even if this script was started with them ignored (a background job). Everything the command writes to the terminal is copied byte for byte to this
script's standard output. Each line of this script's standard input is the hex of bytes typed
on the keyboard ("04" is Ctrl-D, "03" Ctrl-C, "0d" Enter). The script exits with the command's
exit status, 128 + N if signal N ended it.
"""

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios


def main():
    command = sys.argv[1:]
    if not command:
        sys.exit("usage: pty_run.py COMMAND [ARG...]")
    pid, terminal = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ["TERM"] = "xterm"
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGQUIT, signal.SIG_DFL)
        os.execvp(command[0], command)
    keys_open = True
    pending = b""
    while True:
        watched = [terminal] + ([0] if keys_open else [])
        ready, _, _ = select.select(watched, [], [])
        if terminal in ready:
            try:
                data = os.read(terminal, 65536)
            except OSError:
                data = b""  # EIO: the command has closed the terminal
            if not data:
                break
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        if keys_open and 0 in ready:
            chunk = os.read(0, 4096)
            if not chunk:
                keys_open = False
                continue
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                if line.strip():
                    os.write(terminal, bytes.fromhex(line.decode("ascii").strip()))
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    sys.exit(128 - code if code < 0 else code)


if __name__ == "__main__":
    main()
