package dev.framekit.demos.compare.measure;

import dev.framekit.demos.options.Framing;
import dev.framekit.framing.Framer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Everything compare can run: every framing of the {@link Framing} registry, each set up to
 * carry the workload's messages ({@link Framing#forMessages}: a fixed frame as large as the
 * message, lines for the delimiter, limits raised to the message size where it is over the
 * 1 MiB default), and the baselines.
 */
public final class Contenders {
    /** The length fields compare shows beside the default u32: Twisted/Erlang, Netty LE, protobuf, the seed tutorial. */
    private static final List<String> LENGTH_FIELDS = List.of("u16", "u32le", "varint", "ascii:5");

    /**
     * The protocol presets, left out by default: a length with header bytes (mqtt, grpc, zmtp) or
     * a control line (resp, nats, syslog, stomp) costs what {@code length} or {@code netstring}
     * does, and a quick compare stays quick; {@code --framings mqtt,...} shows them.
     */
    private static final Set<Framing> PROTOCOL_PRESETS = EnumSet.of(Framing.MQTT, Framing.GRPC, Framing.ZMTP,
            Framing.RESP, Framing.NATS, Framing.SYSLOG, Framing.STOMP);

    /**
     * The rows compare shows by default, by their --framing names: every framing of the registry
     * but the protocol presets, and after {@code length} the length fields real peers use as
     * {@code length:SPEC} rows (u16, u32le, varint, ascii:5).
     */
    public static final List<String> FRAMINGS = defaultRows();

    public static final String RAW = "raw pump";
    public static final String DATA_STREAM = "DataInputStream";
    public static final String READ_LINE = "BufferedReader.readLine";

    private Contenders() {}

    private static List<String> defaultRows() {
        List<String> names = new ArrayList<>();
        for (Framing framing : Framing.values()) {
            if (!PROTOCOL_PRESETS.contains(framing)) {
                names.add(framing.toString());
            }
            if (framing == Framing.LENGTH) {
                LENGTH_FIELDS.forEach(spec -> names.add(Framing.LENGTH + ":" + spec));
            }
        }
        return List.copyOf(names);
    }

    /**
     * The framing called {@code name} in the registry: on a persistent connection, or one
     * connection per message where the registry says the framing needs a connection per exchange;
     * each end with its side's framer.
     */
    public static Contender framing(String name) {
        String row = name.trim().toLowerCase(Locale.ROOT);
        IntFunction<Framer> framerForSize = size -> Framing.forMessages(row, size, Framing.Side.CLIENT);
        IntFunction<Framer> serverFramerForSize = size -> Framing.forMessages(row, size, Framing.Side.SERVER);
        return Framing.ofComparedName(row).connectionPerExchange()
                ? new SendAndCloseContender(row, framerForSize)
                : new FramerContender(row, framerForSize, serverFramerForSize);
    }

    /** The framers named, then every baseline. */
    public static List<Contender> of(List<String> framings) {
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
     * send-and-close (and any framing added later, until it names one here) has none. Baselines are measured against the raw pump only.
     */
    public static String classicFor(String name) {
        if (name.startsWith(Framing.LENGTH + ":")) {
            return DATA_STREAM;
        }
        if (!Framing.names().contains(name)) {
            return null;
        }
        return switch (Framing.named(name)) {
            case LENGTH, FIXED -> DATA_STREAM;
            case DELIMITER -> READ_LINE;
            default -> null;
        };
    }
}
