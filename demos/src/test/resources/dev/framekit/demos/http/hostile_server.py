"""An HTTP/1.1 server from Python's standard library that sends what http-get must survive.

/chunk?N   one chunk of N bytes, then the last chunk     /close?N   N bytes, then it closes
/trickle   a Content-Length of 1000, then a byte every 0.2 s
/reason    a reason phrase and a header value with an escape sequence and a C1 control
Bodies repeat the bytes 0, 1, ..., 250, so a reader can check every byte without a copy.
"""
import http.server
import sys
import time

PATTERN = bytes(range(251)) * 4177  # 1,048,427 bytes: a whole number of patterns, about 1 MiB


def pieces(n):
    while n > 0:
        piece = PATTERN[:min(n, len(PATTERN))]
        yield piece
        n -= len(piece)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path == "/chunk":
            n = int(query)
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"%x\r\n" % n)
            for piece in pieces(n):
                self.wfile.write(piece)
            self.wfile.write(b"\r\n0\r\n\r\n")
        elif path == "/close":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            for piece in pieces(int(query)):
                self.wfile.write(piece)
            self.close_connection = True
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(1000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        elif path == "/reason":
            self.send_response(200, "OK\x1b[2J\x1b]0;pwned\x07\x9b31m")
            self.send_header("X-Note", "caf\xe9 \x9b31m")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"hi")
        else:
            self.send_error(404)

    def log_message(self, format, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("ready", server.server_address[1], flush=True)
server.serve_forever()
