package dev.framekit.framing;

import io.netty.buffer.ByteBuf;

/**
 * What a protocol preset of {@link LengthPrefixFramer} checks in a frame's header fields, beyond
 * the length: {@link Framers#mqtt()}'s packet type and flags, {@link Framers#grpc()}'s
 * Compressed-Flag. The decoder asks as soon as the header fields have arrived (before the length),
 * the encoder before it writes anything. A preset is part of the framer's value (its name,
 * {@code equals}).
 */
enum LengthPreset {
    /** A plain length prefix: any header fields. */
    NONE("") {
        @Override
        String problem(ByteBuf fields, int index) {
            return null;
        }
    },

    /**
     * The MQTT fixed header (MQTT 5.0 section 2.1.1, 3.1.1 section 2.2): the first byte is the
     * control packet type (high 4 bits, 1 to 15; 0 is reserved) and its flags (low 4 bits), whose
     * values each type fixes; PUBLISH's are DUP, QoS (0 to 2) and RETAIN.
     */
    MQTT("mqtt") {
        /** The flags each packet type must carry, by type; -1 for PUBLISH, whose flags vary. */
        private static final int[] FLAGS = {-2, 0, 0, -1, 0, 0, 2, 0, 2, 0, 2, 0, 0, 0, 0, 0};
        private static final String[] TYPES = {"reserved", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC",
            "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP",
            "DISCONNECT", "AUTH"};

        @Override
        String problem(ByteBuf fields, int index) {
            int first = fields.getByte(index) & 0xff;
            int type = first >>> 4;
            int flags = first & 0x0f;
            if (type == 0) {
                return "control packet type 0 is reserved (MQTT types are 1 to 15), first byte "
                        + String.format("%02x", first) + ": is the peer speaking MQTT?";
            }
            if (FLAGS[type] == -1) {
                return (flags & 0x06) == 0x06 ? "PUBLISH with QoS 3 (flags " + String.format("%02x", flags)
                        + "): QoS is 0, 1 or 2" : null;
            }
            return flags == FLAGS[type] ? null : TYPES[type] + " must have flags " + String.format("%x", FLAGS[type])
                    + ", got " + String.format("%x", flags) + " (first byte " + String.format("%02x", first) + ")";
        }
    },

    /**
     * The gRPC Length-Prefixed-Message (gRPC over HTTP/2, "Length-Prefixed-Message"): a
     * Compressed-Flag byte, 0 or 1, before the 4-byte length.
     */
    GRPC("grpc") {
        @Override
        String problem(ByteBuf fields, int index) {
            int flag = fields.getByte(index) & 0xff;
            return flag <= 1 ? null : "the Compressed-Flag must be 0 or 1, got " + flag + " (0x"
                    + String.format("%02x", flag) + ")";
        }
    };

    private final String protocol;

    LengthPreset(String protocol) {
        this.protocol = protocol;
    }

    /** The protocol's name ("mqtt", "grpc"), or "" for none. */
    String protocol() {
        return protocol;
    }

    /**
     * Returns what is wrong with the header fields starting at {@code index} (all of them are
     * there), or {@code null} if they are fine.
     */
    abstract String problem(ByteBuf fields, int index);
}
