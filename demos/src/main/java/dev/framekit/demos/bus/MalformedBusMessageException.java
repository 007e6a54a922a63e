package dev.framekit.demos.bus;

/** A message on the bus that is not a well-formed {@link BusMessage}: it is dropped with one log line. */
public final class MalformedBusMessageException extends Exception {
    /** @param problem what is wrong, for the log line */
    public MalformedBusMessageException(String problem) {
        super(problem);
    }
}
