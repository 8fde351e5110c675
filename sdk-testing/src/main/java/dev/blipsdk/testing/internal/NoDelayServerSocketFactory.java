package dev.blipsdk.testing.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have {@code TCP_NODELAY} set, and which a dispatcher can reset.
 * mockwebserver3 writes a response's headers and body as two small segments; with Nagle's algorithm on, the body
 * waits for the client's delayed ACK of the headers (about 40 ms on Linux), which would swamp every client-side
 * cost a test or benchmark measures.
 *
 * <p>mockwebserver3 reads a connection's requests and calls the dispatcher on one thread; each read marks that
 * thread with the socket it reads, so the dispatcher can {@linkplain #resetCurrentConnection() reset} the
 * connection of the request it handles (a TCP RST: linger 0, then close).
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {
  private static final ThreadLocal<Socket> READING = new ThreadLocal<>();

  /**
   * Resets the connection the calling thread last read a request from: the client sees "connection reset".
   *
   * @return true if there was one
   */
  public static boolean resetCurrentConnection() {
    Socket s = READING.get();
    if (s == null) {
      return false;
    }
    try {
      s.setSoLinger(true, 0);
      s.close();
    } catch (IOException e) {
      // closed already: nothing more to reset
    }
    return true;
  }

  /** A socket whose reads mark the reading thread. */
  private static final class TrackedSocket extends Socket {
    private volatile @org.jspecify.annotations.Nullable InputStream in;

    @Override
    public InputStream getInputStream() throws IOException {
      InputStream current = in;
      if (current == null) {
        current = new FilterInputStream(super.getInputStream()) {
          @Override
          public int read() throws IOException {
            READING.set(TrackedSocket.this);
            return super.read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            READING.set(TrackedSocket.this);
            return super.read(b, off, len);
          }
        };
        in = current;
      }
      return current;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      if (isClosed()) {
        throw new java.net.SocketException("Socket is closed");
      }
      Socket s = new TrackedSocket();
      try {
        implAccept(s);
        s.setTcpNoDelay(true);
      } catch (IOException | RuntimeException e) {
        s.close(); // the server socket was closed while accepting: release the socket made for it
        throw e;
      }
      return s;
    }
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new java.net.InetSocketAddress(port));
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new java.net.InetSocketAddress(port), backlog);
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket s = createServerSocket();
    s.bind(new java.net.InetSocketAddress(address, port), backlog);
    return s;
  }
}
