package dev.framekit.demos.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The head parser and the body-framing rules, request by request. */
class HttpMessageTest {
    private static RequestHead request(String head) throws HttpError {
        return RequestHead.parse(head.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int statusOf(String head) {
        HttpError e = assertThrows(HttpError.class, () -> BodyFraming.ofRequest(request(head), 1000));
        return e.status();
    }

    @Test
    void parsesARequestLineAndFieldsAndSkipsEmptyLinesBeforeIt() throws HttpError {
        RequestHead head = request("\r\nGET /a?b=1 HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, Upgrade");
        assertEquals("GET", head.method());
        assertEquals("/a", head.path());
        assertTrue(head.headers().hasToken("connection", "upgrade"));
        assertTrue(head.keepAlive());
    }

    @Test
    void refusesBodiesThatTwoParsersCouldReadDifferently() {
        String host = "GET / HTTP/1.1\r\nHost: x\r\n";
        assertEquals(400, statusOf(host + "Content-Length: 3\r\nTransfer-Encoding: chunked"));
        assertEquals(400, statusOf(host + "Content-Length: 3\r\nContent-Length: 3"));
        assertEquals(400, statusOf(host + "Content-Length: 3, 4"));
        assertEquals(400, statusOf(host + "Content-Length: +3"));
        assertEquals(413, statusOf(host + "Content-Length: 1001"));
        assertEquals(400, statusOf(host + "Transfer-Encoding: chunked, gzip"));
        assertEquals(501, statusOf(host + "Transfer-Encoding: gzip, chunked"));
        assertEquals(400, statusOf("GET / HTTP/1.0\r\nTransfer-Encoding: chunked"));
    }

    @Test
    void answersAMalformedHeadWith400() {
        for (String head : new String[] {"GET  / HTTP/1.1\r\nHost: x", "GET / HTTP/1.1\r\nHost : x",
            "GET / HTTP/1.1\r\nHost: x\r\n folded", "GET / HTTP/1.1", "GET / HTTP/1.1\r\nHost: a\r\nHost: b",
            "GET / HTTP/1.1\nHost: x", "G(T / HTTP/1.1\r\nHost: x", "GET / HTTX/1.1\r\nHost: x",
            "GET /\u0001 HTTP/1.1\r\nHost: x", "GET / HTTP/1.1\r\nHost: x\u0000y"}) {
            HttpError e = assertThrows(HttpError.class, () -> request(head), head);
            assertEquals(400, e.status(), head + ": " + e.getMessage());
        }
        HttpError e = assertThrows(HttpError.class, () -> request("GET / HTTP/2.0\r\nHost: x"));
        assertEquals(505, e.status());
    }

    @Test
    void refusesAControlByteAroundATransferCodingThatStripWouldHaveTakenAway() {
        String host = "POST / HTTP/1.1\r\nHost: x\r\n";
        for (String control : new String[] {"\u000b", "\u000c", "\u001c", "\u001f"}) {
            HttpError before = assertThrows(HttpError.class, () -> request(host + "Transfer-Encoding: " + control + "chunked"));
            assertEquals(400, before.status(), before.getMessage());
            HttpError after = assertThrows(HttpError.class, () -> request(host + "Transfer-Encoding: chunked" + control));
            assertEquals(400, after.status(), after.getMessage());
        }
        assertEquals(400, assertThrows(HttpError.class, () -> request(host + "Content-Length: \u000b5")).status());
    }

    @Test
    void spacesAndTabsAroundAFieldValueAreNotPartOfIt() throws HttpError {
        RequestHead head = request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \t chunked \t");
        assertEquals(BodyFraming.Kind.CHUNKED, BodyFraming.ofRequest(head, 1000).kind());
    }

    @Test
    void aHeadIsPrintedWithEveryControlAndNonAsciiByteVisible() {
        assertEquals("HTTP/1.1 200 OK\\x1b[2J\\x07\\x9b\r\nX: caf\\xe9\tend\\x7f",
                Visible.head("HTTP/1.1 200 OK\u001b[2J\u0007\u009b\r\nX: caf\u00e9\tend\u007f"));
    }

    @Test
    void http10ClosesUnlessAskedToKeepAlive() throws HttpError {
        assertFalse(request("GET / HTTP/1.0").keepAlive());
        assertTrue(request("GET / HTTP/1.0\r\nConnection: keep-alive").keepAlive());
        assertFalse(request("GET / HTTP/1.1\r\nHost: x\r\nConnection: close").keepAlive());
    }

    @Test
    void responsesWithoutALengthRunToTheEndOfTheStreamAndHeadHasNoBody() throws HttpError {
        ResponseHead ok = ResponseHead.parse("HTTP/1.1 200 OK\r\nServer: x".getBytes(StandardCharsets.US_ASCII));
        assertEquals(BodyFraming.Kind.CLOSE, BodyFraming.ofResponse("GET", ok).kind());
        assertEquals(BodyFraming.Kind.NONE, BodyFraming.ofResponse("HEAD", ok).kind());
        ResponseHead notModified = ResponseHead.parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 9".getBytes(StandardCharsets.US_ASCII));
        assertEquals(BodyFraming.Kind.NONE, BodyFraming.ofResponse("GET", notModified).kind());
    }
}
