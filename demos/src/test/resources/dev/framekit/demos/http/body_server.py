"""An HTTP/1.1 server from Python's standard library: /chunked sends FILE chunked, /close sends it without a length and closes."""
import http.server
import sys

path = sys.argv[1]
with open(path, "rb") as f:
    DATA = f.read()
SIZES = [1, 7, 100, 4096, 65536, 3]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            at, i = 0, 0
            while at < len(DATA):
                piece = DATA[at:at + SIZES[i % len(SIZES)]]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                at += len(piece)
                i += 1
            self.wfile.write(b"0\r\nX-Checksum: none\r\n\r\n")
        elif self.path == "/close":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(DATA)
            self.close_connection = True
        else:
            self.send_error(404)

    def log_message(self, format, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print("ready", server.server_address[1], flush=True)
server.serve_forever()
