/**
 * WebSocket (RFC 6455) over framekit's stream layer: start with {@link
 * dev.framekit.framing.websocket.WebSocketConnection}, which opens a connection with the HTTP
 * upgrade handshake ({@code WebSocketConnection.connect(host, port, path)}) and then sends and
 * reads whole messages, answering pings and closing with a close code.
 *
 * <p>The frames themselves are a {@link dev.framekit.framing.Framer} like any other, made by
 * {@code Framers.webSocketServer()} and {@code Framers.webSocketClient()} (the two ends frame
 * differently: a client masks every frame, a server never does). This package holds WebSocket
 * whole: the framer and its decoder, masking, opcodes, close codes, the protocol exception, the
 * opening handshake (client and server side) and the connection. Use the framer alone to carry
 * WebSocket frames over a connection that has already been upgraded, or without a handshake.
 */
package dev.framekit.framing.websocket;
