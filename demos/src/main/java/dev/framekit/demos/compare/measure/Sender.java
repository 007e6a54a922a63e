package dev.framekit.demos.compare.measure;

/** The contender-specific part of a streaming trial: how one message goes on the wire. */
@FunctionalInterface
interface Sender {
    /** Sends {@code message}; the array is reused for the next message once this returns. */
    void send(byte[] message) throws Exception;
}
