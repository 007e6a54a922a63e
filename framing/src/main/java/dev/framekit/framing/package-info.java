/**
 * Message framing over byte streams: where to start. A {@link dev.framekit.framing.Framer} is
 * an immutable rule for where each message ends; {@link dev.framekit.framing.Framers} makes the
 * ones framekit ships (fixed length, delimiter and lines, length prefix with its variants,
 * netstrings, chunked, send-and-close, COBS, SLIP, JSON texts and RFC 7464 sequences), and the
 * protocol framings whose headers say more than a length (MQTT, gRPC, ZMTP; RESP, NATS, syslog,
 * STOMP). Each connection gets its own
 * {@link dev.framekit.framing.FrameEncoder} and {@link dev.framekit.framing.FrameDecoder} from
 * the framer ({@code newEncoder()}, {@code newDecoder()}), which hold what that connection's
 * framing state needs. A decoder hands out payloads ({@code decode}) or, with what each header
 * said, {@link dev.framekit.framing.Frame}s ({@code decodeFrame}), which
 * {@link dev.framekit.framing.FrameWriter#write(Frame)} writes back byte for byte.
 *
 * <p>Most programs use the stream layer instead of the encoder and decoder:
 * {@link dev.framekit.framing.FramedConnection} (a socket with a reader and a writer),
 * {@link dev.framekit.framing.FrameReader} and {@link dev.framekit.framing.FrameWriter}. Every
 * framing error is a {@link dev.framekit.framing.FramingException}, an {@code IOException}.
 * WebSocket lives in {@code dev.framekit.framing.websocket}, and any framer runs inside a Netty
 * pipeline through {@code dev.framekit.framing.netty}. Helpers the packages share (hex previews,
 * the frame limits, strict UTF-8) are in {@code dev.framekit.framing.internal}, which the module
 * does not export.
 */
package dev.framekit.framing;
