/*
 * The wake-up experiment behind compare's keep-awake spinners (a benchmark tool, not a test): a
 * blocking 1-thread-each-side ping-pong over loopback, the same bytes each way, run in rounds
 * with no spinner and then with SPINNERS threads spinning beside it. On a VM whose idle CPUs halt
 * (Linux's haltpoll cpuidle driver) the round trips without spinners include two CPU wake-ups.
 *
 *   java demos/bench/compare/WakeUp.java [SIZE] [SPINNERS] [ROUNDS]     (default 1024 1 4)
 */
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

public class WakeUp {
    private static volatile boolean spinning;

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int spinners = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        pingPong(size, 5000); // warm-up
        for (int round = 0; round < rounds; round++) {
            report(round, 0, pingPong(size, 10_000));
            spinning = true;
            Thread[] threads = new Thread[spinners];
            for (int i = 0; i < spinners; i++) {
                threads[i] = new Thread(() -> { while (spinning) Thread.onSpinWait(); });
                threads[i].start();
            }
            long[] times = pingPong(size, 10_000);
            spinning = false;
            for (Thread t : threads) t.join();
            report(round, spinners, times);
        }
    }

    private static void report(int round, int spinners, long[] sorted) {
        System.out.printf("round %d  spinners %d  p50 %6.1f us  p99 %7.1f us%n", round, spinners,
                sorted[sorted.length / 2] / 1e3, sorted[sorted.length * 99 / 100] / 1e3);
    }

    private static long[] pingPong(int size, int roundTrips) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buffer = new byte[size];
                    while (in.readNBytes(buffer, 0, size) == size) out.write(buffer);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            echo.start();
            long[] times = new long[roundTrips];
            try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
                client.setTcpNoDelay(true);
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] message = new byte[size];
                byte[] reply = new byte[size];
                for (int i = 0; i < roundTrips; i++) {
                    long start = System.nanoTime();
                    out.write(message);
                    in.readNBytes(reply, 0, size);
                    times[i] = System.nanoTime() - start;
                }
            }
            echo.join();
            Arrays.sort(times);
            return times;
        }
    }
}
