package dev.framekit.demos.compare;

import dev.framekit.framing.Framers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything compare can run: the four framekit framers, each set up to carry the workload's
 * messages (a fixed frame as large as the message, lines for the delimiter, limits raised to
 * the message size where it is over the 1 MiB default), and the baselines.
 */
final class Contenders {
    /** The framings by their --framing names. */
    static final List<String> FRAMINGS = List.of("fixed", "delimiter", "length", "close");

    static final String RAW = "raw pump";
    static final String DATA_STREAM = "DataInputStream";
    static final String READ_LINE = "BufferedReader.readLine";

    private Contenders() {}

    /** The framer called {@code name} (fixed, delimiter, length, close). */
    static Contender framing(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fixed" -> new FramerContender("fixed", Framers::fixedLength);
            case "delimiter" -> new FramerContender("delimiter",
                    size -> Framers.lines().maxFrameLength(Math.max(size, Framers.DEFAULT_MAX_FRAME_LENGTH)));
            case "length" -> new FramerContender("length",
                    size -> Framers.lengthPrefixed().maxFrameLength(Math.max(size, Framers.DEFAULT_MAX_FRAME_LENGTH)));
            case "close" -> new SendAndCloseContender();
            default -> throw new IllegalArgumentException("'" + name + "' is not a framing; choose from " + FRAMINGS);
        };
    }

    /** The framers named, then every baseline. */
    static List<Contender> of(List<String> framings) {
        List<Contender> all = new ArrayList<>();
        for (String name : framings) {
            all.add(framing(name));
        }
        all.add(new RawPumpBaseline());
        all.add(new DataStreamBaseline());
        all.add(new ReadLineBaseline());
        return all;
    }

    /**
     * The classic JDK idiom a framer is measured against: the length prefix and fixed frames
     * against DataInputStream (readInt/readFully), lines against BufferedReader.readLine;
     * send-and-close has none. Baselines are measured against the raw pump only.
     */
    static String classicFor(String name) {
        return switch (name) {
            case "length", "fixed" -> DATA_STREAM;
            case "delimiter" -> READ_LINE;
            default -> null;
        };
    }
}
