package dev.framekit.demos.discovery;

/** A datagram on the discovery port that is not a valid announcement; it is ignored and counted by {@link #kind()}. */
public final class MalformedAnnouncementException extends Exception {
    /** Why a datagram was ignored, for the count a listener keeps. */
    public enum Kind {
        /** Over {@link AnnouncementCodec#MAX_BYTES}. */
        OVERSIZED,
        /** Not a framekit announcement at all. */
        NOT_AN_ANNOUNCEMENT,
        /** A framekit announcement of another version. */
        WRONG_VERSION,
        /** A framekit announcement whose fields are bad: a control character, an absurd port, an unknown framing. */
        BAD_FIELD
    }

    private final Kind kind;

    MalformedAnnouncementException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** Why the datagram was ignored. */
    public Kind kind() {
        return kind;
    }
}
