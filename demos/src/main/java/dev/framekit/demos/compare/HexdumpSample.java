package dev.framekit.demos.compare;

import dev.framekit.demos.console.WireDump;
import java.util.List;

/** --hexdump-sample: one message of each framer as it appears on the wire. */
final class HexdumpSample {
    /** Samples are cut to this size so the dump stays readable. */
    static final int LARGEST_SAMPLE = 48;

    private HexdumpSample() {}

    static String render(List<Contender> contenders, int size) {
        Workload workload = new Workload(Math.min(size, LARGEST_SAMPLE));
        byte[] message = workload.message(1);
        StringBuilder out = new StringBuilder();
        for (Contender c : contenders) {
            if (c instanceof FramerContender framer) {
                out.append(c.name()).append(": ")
                        .append(WireDump.of("sample", framer.framer(message.length), message)).append('\n');
            } else if (c instanceof SendAndCloseContender) {
                out.append(c.name()).append(": ")
                        .append(WireDump.of("sample", SendAndCloseContender.framer(message.length), message)).append('\n');
            }
        }
        return out.toString();
    }
}
