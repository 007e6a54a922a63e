package dev.framekit.demos.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run measured, and how it is printed:
 *
 * <pre>
 * load: 2000 connections to 127.0.0.1:7342, length-prefix(...), 100 messages of 64 bytes each
 * connections held: 2000 at once (2000 opened, 0 failed; ramp-up 1.02 s)
 * messages: 200000 sent, 200000 echoed and verified in 6.21 s: 32205 msg/s
 * latency: p50 0.95 ms, p99 6.10 ms, p999 12.3 ms, max 20.1 ms
 * errors: none
 * load: OK, every echo verified
 * </pre>
 */
record LoadReport(LoadPlan plan, long opened, long connectFailures, int peakHeld, int heldThroughout, long rampNanos,
        long sent, long verified, long elapsedNanos, LatencyHistogram latency, ErrorTally errors) {

    /** Whether every message was echoed and verified, with no error of any kind. */
    boolean ok() {
        return errors.total() == 0 && verified == sent && sent > 0;
    }

    /** Prints the report, one fact a line. */
    void print(PrintStream out) {
        String messages = plan.messages() == Long.MAX_VALUE ? "for " + seconds(plan.duration().toNanos())
                : plan.messages() + (plan.messages() == 1 ? " message" : " messages");
        out.println("load: " + plan.connections() + " connections to " + plan.address().getHostAddress() + ":"
                + plan.port() + ", " + plan.framer() + ", " + messages + " of " + plan.size() + " bytes each"
                + (plan.rate() > 0 ? String.format(Locale.ROOT, " at %.0f msg/s", plan.rate()) : ""));
        if (plan.connectionPerExchange()) {
            out.println("connections held: " + peakHeld + " at once at most (send-and-close: one connection per message, "
                    + opened + " opened, " + connectFailures + " failed)");
        } else {
            out.println("connections held: " + heldThroughout + " at once (" + opened + " opened, " + connectFailures
                    + " failed; ramp-up " + seconds(rampNanos) + ")");
        }
        double rate = elapsedNanos > 0 ? verified * 1e9 / elapsedNanos : 0;
        out.println("messages: " + sent + " sent, " + verified + " echoed and verified in " + seconds(elapsedNanos)
                + String.format(Locale.ROOT, ": %.0f msg/s", rate));
        out.println("latency: p50 " + millis(latency.percentile(0.50)) + ", p99 " + millis(latency.percentile(0.99))
                + ", p999 " + millis(latency.percentile(0.999)) + ", max " + millis(latency.max()));
        Map<ErrorKind, Long> kinds = errors.byKind();
        if (kinds.isEmpty()) {
            out.println("errors: none");
        } else {
            StringBuilder line = new StringBuilder("errors: " + errors.total() + " (");
            kinds.forEach((kind, count) -> line.append(line.charAt(line.length() - 1) == '(' ? "" : ", ")
                    .append(kind.label()).append(' ').append(count));
            out.println(line.append(')'));
            kinds.keySet().forEach(kind -> out.println("  first " + kind.label() + ": " + errors.example(kind)));
        }
        if (ok()) {
            out.println("load: OK, every echo verified");
        } else {
            long failed = errors.verificationFailures();
            out.println("load: FAILED: " + failed + (failed == 1 ? " echo" : " echoes") + " did not verify, "
                    + (errors.total() - failed) + " other errors, " + (sent - verified) + " of " + sent
                    + " messages not verified");
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.2f ms" : "%.1f ms", nanos / 1e6);
    }
}
