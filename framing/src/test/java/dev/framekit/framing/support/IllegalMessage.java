package dev.framekit.framing.support;

import dev.framekit.framing.Framer;
import java.util.List;

/**
 * A message a framer must refuse to encode, the reason in words, and the fragments the refusal's
 * message must mention (sizes, limits, the offending byte).
 */
public record IllegalMessage(String reason, Framer framer, byte[] payload, List<String> mentions) {

    public static IllegalMessage of(String reason, Framer framer, byte[] payload, String... mentions) {
        return new IllegalMessage(reason, framer, payload, List.of(mentions));
    }

    @Override
    public String toString() {
        return reason;
    }
}
