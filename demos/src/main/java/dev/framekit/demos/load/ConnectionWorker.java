package dev.framekit.demos.load;

import dev.framekit.framing.FramedConnection;
import java.io.EOFException;
import java.io.IOException;

/**
 * One simulated client: connects, waits for every other to be connected, then sends its
 * messages one at a time, reading and verifying each echo before sending the next (so each
 * round trip is a latency sample), and holds its connection until every worker is done. On
 * send-and-close it makes one connection per message instead.
 */
final class ConnectionWorker implements Runnable {
    private final LoadRun run;
    private final LoadPlan plan;
    private final int number;

    ConnectionWorker(LoadRun run, int number) {
        this.run = run;
        this.plan = run.plan();
        this.number = number;
    }

    @Override
    public void run() {
        FramedConnection connection = null;
        try {
            if (!plan.connectionPerExchange()) {
                try {
                    connection = run.connect();
                } catch (IOException e) {
                    run.error(ErrorKind.of(e), "connection " + number + ": " + describe(e));
                    run.connectFailed();
                    return;
                } finally {
                    run.arrived();
                }
            } else {
                run.arrived();
            }
            if (!run.awaitStart()) {
                return;
            }
            exchangeAll(connection);
        } finally {
            run.doneMessaging();
            if (connection != null) {
                run.awaitAllDone();
                run.close(connection);
            }
        }
    }

    private void exchangeAll(FramedConnection persistent) {
        long interval = plan.rate() > 0 ? (long) (plan.connections() * 1e9 / plan.rate()) : 0;
        long phase = interval == 0 ? 0 : interval * number / plan.connections();
        for (long sequence = 0; sequence < plan.messages(); sequence++) {
            if (interval > 0) {
                run.sleepUntil(run.startNanos() + phase + sequence * interval);
            }
            if (run.pastDeadline()) {
                return;
            }
            try {
                if (persistent != null) {
                    exchange(persistent, sequence, false);
                } else {
                    FramedConnection single = run.connect();
                    try {
                        exchange(single, sequence, true);
                    } finally {
                        run.close(single);
                    }
                }
            } catch (IOException e) {
                run.error(ErrorKind.of(e), "connection " + number + " message " + sequence + ": " + describe(e));
                return; // The connection is broken; the rest of its messages would only repeat the error.
            }
        }
    }

    /** One message and its echo; {@code last}: the connection's one exchange (send, half-close, read the reply). */
    private void exchange(FramedConnection connection, long sequence, boolean last) throws IOException {
        byte[] message = run.payloads().make(number, sequence);
        long sent = System.nanoTime();
        byte[] echo;
        if (last) {
            run.sent(); // counted before the reply is read, as on a persistent connection
            echo = connection.exchange(message);
        } else {
            connection.send(message);
            run.sent();
            echo = connection.readByteArray();
        }
        long roundTrip = System.nanoTime() - sent;
        if (echo == null) {
            throw new EOFException();
        }
        Payloads.Mismatch mismatch = run.payloads().check(echo, number, sequence);
        if (mismatch != null) {
            run.error(mismatch.kind(), mismatch.detail());
        } else {
            run.verified(roundTrip);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "the server closed the connection before the echo";
        }
        return dev.framekit.demos.console.NetworkErrors.describe(e);
    }
}
