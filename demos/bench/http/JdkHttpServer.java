/*
 * The JDK's own com.sun.net.httpserver.HttpServer serving what framekit's http-server serves, for
 * the side-by-side benchmark in run.sh: GET / (a hello page of the same size) and POST /echo.
 * One virtual thread per exchange, as framekit serves one per connection.
 *
 *   java demos/bench/http/JdkHttpServer.java PORT
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

public class JdkHttpServer {
    public static void main(String[] args) throws IOException {
        byte[] hello = new byte[Integer.parseInt(args.length > 1 ? args[1] : "397")];
        java.util.Arrays.fill(hello, (byte) 'x');
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> reply(exchange, 200, "text/html; charset=utf-8", hello));
        server.createContext("/echo", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            reply(exchange, 200, "application/octet-stream", body);
        });
        server.start();
        System.out.println("jdk-httpserver listening on 127.0.0.1:" + args[0]);
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
