package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.framekit.framing.FrameReader;
import dev.framekit.framing.Framers;
import dev.framekit.framing.FramingException;
import dev.framekit.framing.support.Slow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Jazzer fuzz target for the request-head parser and the body-framing rules: arbitrary bytes,
 * cut into heads by the {@code \r\n\r\n} delimiter framer as the server does, are either a request
 * with a body framing or an {@link HttpError} whose status is one the server answers; nothing
 * else is thrown. A parsed head is checked again: its method is a token and its target has no
 * space or control byte.
 *
 * <p>Under {@code ./mvnw verify} (tagged slow, so not in {@code ./mvnw test}) it runs in
 * regression mode over the seeds in
 * {@code src/test/resources/dev/framekit/demos/http/RequestHeadFuzzTestInputs/<method>/}. To fuzz
 * for real: {@code JAZZER_FUZZ=1 ./mvnw -pl demos test -Dtiers.excluded= -Dtest='RequestHeadFuzzTest'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Slow
class RequestHeadFuzzTest {
    private static final Set<Integer> STATUSES = Set.of(400, 413, 501, 505);

    @FuzzTest(maxDuration = "30s")
    void requestHeadParserAnswersEveryHeadWithARequestOrAStatus(FuzzedDataProvider data) throws IOException {
        long maxBody = data.consumeLong(0, 1 << 20);
        byte[] wire = data.consumeRemainingAsBytes();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(wire), Framers.delimiter("\r\n\r\n").withMaxFrameLength(256));
        while (true) {
            byte[] head;
            try {
                head = reader.readByteArray();
            } catch (FramingException e) {
                return; // too long or truncated: the server answers 431 or closes, as the framer says
            }
            if (head == null) {
                return;
            }
            try {
                RequestHead request = RequestHead.parse(head);
                assertTrue(HeadSyntax.isToken(request.method()), request.method());
                assertTrue(request.target().chars().allMatch(c -> c > 0x20 && c < 0x7f), request.target());
                BodyFraming framing = BodyFraming.ofRequest(request, maxBody);
                assertTrue(framing.kind() != BodyFraming.Kind.CLOSE, "a request body never runs to the end of the stream");
                if (framing.kind() == BodyFraming.Kind.LENGTH) {
                    assertTrue(framing.length() > 0 && framing.length() <= maxBody, framing.toString());
                }
                assertEquals(request.path(), request.path().strip());
            } catch (HttpError e) {
                assertTrue(STATUSES.contains(e.status()), "status " + e.status() + ": " + e.getMessage());
            }
        }
    }
}
