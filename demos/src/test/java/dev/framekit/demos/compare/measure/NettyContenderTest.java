package dev.framekit.demos.compare.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * compare's Netty rows in both styles: named apart, framekit measured against the tuned one, and
 * each style moving every message intact over real Netty sockets (streaming and ping-pong, a
 * small message and one larger than a read), the tuned form on native epoll where it loads.
 */
class NettyContenderTest {
    static Stream<Arguments> everyRow() {
        return NettyContender.all(EnumSet.allOf(NettyStyle.class)).stream()
                .flatMap(c -> Stream.of(Arguments.of(c, 16), Arguments.of(c, 100_000)));
    }

    @Test
    void eachDecoderHasATunedAndANaiveRowTunedFirst() {
        List<String> names = NettyContender.all(NettyStyle.parse("both")).stream().map(Contender::name).toList();

        assertEquals(List.of("netty LengthField tuned", "netty FixedLength tuned", "netty LineBased tuned",
                "netty DelimiterBased tuned", "netty LengthField naive", "netty FixedLength naive", "netty LineBased naive",
                "netty DelimiterBased naive"), names);
        assertEquals(4, NettyContender.all(NettyStyle.parse("Tuned")).size());
        assertEquals("netty LengthField naive", NettyContender.all(NettyStyle.parse("naive")).get(0).name());
    }

    @Test
    void framekitIsMeasuredAgainstTheTunedRows() {
        assertEquals("netty LengthField tuned", NettyFraming.matchFor("length"));
        assertEquals("netty FixedLength tuned", NettyFraming.matchFor("fixed"));
        assertEquals("netty LineBased tuned", NettyFraming.matchFor("delimiter"));
    }

    @Test
    void anUnknownStyleIsRefusedWithTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> NettyStyle.parse("fast"));
        assertEquals("'fast' is not one of tuned, naive, both", refused.getMessage());
    }

    @Test
    void theTunedRowsRunOnNativeEpollOnLinuxX86() {
        boolean linuxX86 = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
        assertEquals(linuxX86 ? "epoll" : "nio", NettyContender.tunedTransport());
    }

    @ParameterizedTest(name = "{0} at {1} bytes")
    @MethodSource("everyRow")
    void everyMessageArrivesIntactStreamingAndEchoed(Contender netty, int size) throws Exception {
        Workload workload = new Workload(size);
        int messages = size > 1000 ? 40 : 2_000;

        StreamRun run = netty.stream(workload, Budget.messages(messages));
        LatencyRun pingPong = netty.pingPong(workload, 50);

        assertEquals(messages, run.sent());
        assertTrue(run.received().sameAs(workload.expected(messages, Tally.Mode.MESSAGES)), run.received().toString());
        assertTrue(pingPong.echoed().sameAs(workload.expected(50, Tally.Mode.MESSAGES)), pingPong.echoed().toString());
    }
}
