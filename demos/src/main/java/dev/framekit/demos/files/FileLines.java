package dev.framekit.demos.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat lines that carry an offer, formatted ({@link #line()}) and parsed ({@link #parse}) here
 * only. Each reads as a notice to a person; a member's own text can be none of them (the room
 * puts its name in front). Numbers are the server's offer number for the receiver, and the
 * sender's own number for the sender (its {@code /file-offer REF}).
 *
 * <pre>
 * -- file 7 from alice: a.pdf (3145728 bytes); in chat-client, /accept takes it, /decline refuses it   to the receiver
 * -- file 7 accepted; fetch it with key KEY                                 to the receiver, after /file-accept 7
 * -- file 7 from alice is withdrawn: REASON                                 to the receiver
 * -- file 2 offered to bob: a.pdf (3145728 bytes); it waits 2 min for bob   to the sender
 * -- file 2 accepted by bob; send it with key KEY                           to the sender
 * -- file 2 to bob is withdrawn: REASON                                     to the sender (declined, expired, gone)
 * -- file 2 not offered: REASON                                             to the sender
 * </pre>
 */
sealed interface FileLines {
    String NAME = "([A-Za-z][A-Za-z0-9_-]{0,19})";
    String OFFER_END = "; in chat-client, /accept takes it, /decline refuses it";

    /** An offer to this member, number {@code id}. */
    record Offered(long id, String from, String fileName, long size) implements FileLines {}

    /** The offer this member accepted: fetch it with {@code key}. */
    record Fetch(long id, String key) implements FileLines {}

    /** An offer to this member is off. */
    record Withdrawn(long id, String from, String reason) implements FileLines {}

    /** This member's offer {@code ref} waits for {@code to}. */
    record Waiting(long ref, String to, String fileName, long size, String waits) implements FileLines {}

    /** This member's offer {@code ref} was accepted: send it with {@code key}. */
    record Send(long ref, String to, String key) implements FileLines {}

    /** This member's offer {@code ref} is off. */
    record Cancelled(long ref, String to, String reason) implements FileLines {}

    /** This member's offer {@code ref} was not made. */
    record NotOffered(long ref, String reason) implements FileLines {}

    Pattern OFFERED = Pattern.compile("^-- file (\\d{1,18}) from " + NAME + ": (.+) \\((\\d{1,18}) bytes\\)"
            + Pattern.quote(OFFER_END) + "$");
    Pattern FETCH = Pattern.compile("^-- file (\\d{1,18}) accepted; fetch it with key ([0-9a-f]{32})$");
    Pattern WITHDRAWN = Pattern.compile("^-- file (\\d{1,18}) from " + NAME + " is withdrawn: (.*)$");
    Pattern WAITING = Pattern.compile("^-- file (\\d{1,18}) offered to " + NAME + ": (.+) \\((\\d{1,18}) bytes\\);"
            + " it waits (.+) for \\2$");
    Pattern SEND = Pattern.compile("^-- file (\\d{1,18}) accepted by " + NAME + "; send it with key ([0-9a-f]{32})$");
    Pattern CANCELLED = Pattern.compile("^-- file (\\d{1,18}) to " + NAME + " is withdrawn: (.*)$");
    Pattern NOT_OFFERED = Pattern.compile("^-- file (\\d{1,18}) not offered: (.*)$");

    /** The line as sent. */
    default String line() {
        return switch (this) {
            case Offered o -> "-- file " + o.id() + " from " + o.from() + ": " + o.fileName() + " (" + o.size() + " bytes)"
                    + OFFER_END;
            case Fetch f -> "-- file " + f.id() + " accepted; fetch it with key " + f.key();
            case Withdrawn w -> "-- file " + w.id() + " from " + w.from() + " is withdrawn: " + w.reason();
            case Waiting w -> "-- file " + w.ref() + " offered to " + w.to() + ": " + w.fileName() + " (" + w.size()
                    + " bytes); it waits " + w.waits() + " for " + w.to();
            case Send s -> "-- file " + s.ref() + " accepted by " + s.to() + "; send it with key " + s.key();
            case Cancelled c -> "-- file " + c.ref() + " to " + c.to() + " is withdrawn: " + c.reason();
            case NotOffered n -> "-- file " + n.ref() + " not offered: " + n.reason();
        };
    }

    /** The file line {@code line} is, or null if it is none. */
    static FileLines parse(String line) {
        if (!line.startsWith("-- file ")) {
            return null;
        }
        Matcher m;
        if ((m = OFFERED.matcher(line)).matches()) {
            return new Offered(Long.parseLong(m.group(1)), m.group(2), m.group(3), Long.parseLong(m.group(4)));
        } else if ((m = FETCH.matcher(line)).matches()) {
            return new Fetch(Long.parseLong(m.group(1)), m.group(2));
        } else if ((m = WITHDRAWN.matcher(line)).matches()) {
            return new Withdrawn(Long.parseLong(m.group(1)), m.group(2), m.group(3));
        } else if ((m = WAITING.matcher(line)).matches()) {
            return new Waiting(Long.parseLong(m.group(1)), m.group(2), m.group(3), Long.parseLong(m.group(4)), m.group(5));
        } else if ((m = SEND.matcher(line)).matches()) {
            return new Send(Long.parseLong(m.group(1)), m.group(2), m.group(3));
        } else if ((m = CANCELLED.matcher(line)).matches()) {
            return new Cancelled(Long.parseLong(m.group(1)), m.group(2), m.group(3));
        } else if ((m = NOT_OFFERED.matcher(line)).matches()) {
            return new NotOffered(Long.parseLong(m.group(1)), m.group(2));
        }
        return null;
    }

    /** Whether {@code text} is a one-time key: 32 lower-case hex digits. */
    static boolean isKey(String text) {
        return text.matches("[0-9a-f]{32}");
    }
}
