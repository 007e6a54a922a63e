"""http.client keep-alive requests to framekit's http-server: prints one line per response, then the reuse verdict."""
import http.client
import sys

port = int(sys.argv[1])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
sockets = []
for method, path, body in [("GET", "/", None), ("POST", "/echo", b"\x00\xffbinary\r\n\r\n"),
                           ("POST", "/reverse", "héllo".encode()), ("HEAD", "/", None), ("GET", "/missing", None)]:
    conn.request(method, path, body=body)
    response = conn.getresponse()
    data = response.read()
    sockets.append(conn.sock)
    print(method, path, response.status, data.hex())
print("one connection" if all(s is sockets[0] for s in sockets) and sockets[0] is not None else "reconnected")
