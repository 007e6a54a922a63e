/**
 * WebSocket (RFC 6455) over framekit's stream layer: start with {@link
 * dev.framekit.framing.websocket.WebSocketConnection}, which opens a connection with the HTTP
 * upgrade handshake ({@code WebSocketConnection.connect(host, port, path)}) and then sends and
 * reads whole messages, answering pings and closing with a close code.
 *
 * <p>The frames themselves are a {@link dev.framekit.framing.Framer} like any other, made by
 * {@link dev.framekit.framing.websocket.WebSocketFramer#server()} and
 * {@link dev.framekit.framing.websocket.WebSocketFramer#client()} (the two ends frame differently:
 * a client masks every frame, a server never does). Its decoder hands out typed frames
 * ({@link dev.framekit.framing.websocket.WebSocketFrame}: the opcode, and control frames for the
 * reader to answer) through {@code FrameDecoder.decodeFrame} and {@code FrameReader.read()}. This package holds WebSocket
 * whole: the framer and its decoder, masking, opcodes, close codes, the protocol exception, the
 * opening handshake (client and server side) and the connection. Use the framer alone to carry
 * WebSocket frames over a connection that has already been upgraded, or without a handshake.
 */
package dev.framekit.framing.websocket;
