# An https receiver for SendHTTPSTests: one TLS listener on 127.0.0.1 per
# CERT KEY pair given, each on a port the system picks, and a last one of
# plain HTTP. It prints "ready PORT ..." once every listener accepts, then
# one JSON line per request it answers (200 "ok"), and stops when its
# standard input closes: when the test process ends. VODHOOK_TEST_DIRECTORY,
# where the tests keep the certificates until then, is removed on the way out.
import base64, http.server, json, os, shutil, ssl, sys, threading

# Requests are served on threads of their own: one line each, whole.
output = threading.Lock()

class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        record = {
            "port": self.server.server_address[1],
            "target": self.path,
            "version": self.request_version,
            "headers": {name.lower(): value for name, value in self.headers.items()},
            "body": base64.b64encode(body).decode("ascii"),
        }
        with output:
            sys.stdout.write(json.dumps(record) + "\n")
            sys.stdout.flush()
        self.send_response(200)
        self.send_header("Content-Length", "3")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"ok\n")

    def log_message(self, format, *args):
        pass

servers = []
for certificate, key in zip(sys.argv[1::2], sys.argv[2::2]):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers.append(server)
plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=plain.serve_forever, daemon=True).start()
servers.append(plain)
print("ready " + " ".join(str(server.server_address[1]) for server in servers), flush=True)
sys.stdin.read()
for server in servers:
    server.shutdown()
if os.environ.get("VODHOOK_TEST_DIRECTORY"):
    shutil.rmtree(os.environ["VODHOOK_TEST_DIRECTORY"], ignore_errors=True)
