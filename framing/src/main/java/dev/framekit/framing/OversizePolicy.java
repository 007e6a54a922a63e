package dev.framekit.framing;

/**
 * What a length-prefixed decoder does with a frame whose declared length is over the maximum.
 * Either way the frame is never buffered: the check is made on the length field, before any of
 * the payload is kept.
 *
 * <pre>
 * max 4, frames "hi", "toolong", "ok" (u8 lengths):
 *
 *   02 68 69 | 07 74 6f 6f 6c 6f 6e 67 | 02 6f 6b
 *   FAIL: "hi", then FrameTooLongException; every later read throws it again (close the connection)
 *   SKIP: "hi", then a skipped frame, then "ok": the 8 bytes of the oversized
 *         frame are dropped as they arrive, never held
 * </pre>
 */
public enum OversizePolicy {
    /** Fail the stream: the oversized frame is reported and the connection is out of step. The default. */
    FAIL,

    /**
     * Report the oversized frame once, as a {@link Frame#isSkipped() skipped} frame (or, on the
     * plain payload path, a {@link FrameTooLongException} after which reading goes on), then discard its declared bytes as they arrive (without buffering them) and
     * decode the frame after it. For a peer that is legitimate but sometimes sends too much.
     */
    SKIP
}
