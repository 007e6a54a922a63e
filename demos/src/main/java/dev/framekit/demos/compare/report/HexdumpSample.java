package dev.framekit.demos.compare.report;

import dev.framekit.demos.compare.measure.Contender;
import dev.framekit.demos.compare.measure.Workload;
import dev.framekit.demos.console.WireDump;
import dev.framekit.framing.Framer;
import java.util.List;

/** --hexdump-sample: one message of each framer as it appears on the wire. */
public final class HexdumpSample {
    /** Samples are cut to this size so the dump stays readable. */
    public static final int LARGEST_SAMPLE = 48;

    private HexdumpSample() {}

    public static String render(List<Contender> contenders, int size) {
        Workload workload = new Workload(Math.min(size, LARGEST_SAMPLE));
        byte[] message = workload.message(1);
        StringBuilder out = new StringBuilder();
        for (Contender c : contenders) {
            Framer framer = c.framer(message.length);
            if (framer != null) {
                out.append(c.name()).append(": ").append(WireDump.of("sample", framer, message)).append('\n');
            }
        }
        return out.toString();
    }
}
