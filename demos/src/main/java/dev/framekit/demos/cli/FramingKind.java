package dev.framekit.demos.cli;

import java.util.Locale;

/** The four framings by their command-line names. */
public enum FramingKind {
    /** Fixed-length padded frames. */
    FIXED,
    /** Delimited frames, split once. */
    DELIMITER,
    /** 4-byte big-endian length prefix. */
    LENGTH,
    /** One message per connection, ended by a half-close. */
    CLOSE;

    /** The command-line name: fixed, delimiter, length, close. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
