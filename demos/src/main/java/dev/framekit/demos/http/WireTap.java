package dev.framekit.demos.http;

import dev.framekit.framing.Framer;

/** Where {@code --hexdump} shows each phase of a message on the wire: the head, then each body frame. */
@FunctionalInterface
public interface WireTap {
    /** Shows nothing. */
    WireTap OFF = (label, framer, payload) -> {};

    /** Shows one frame: {@code payload} as framed by {@code framer}, e.g. ("received head", delimiter, ...). */
    void show(String label, Framer framer, byte[] payload);
}
