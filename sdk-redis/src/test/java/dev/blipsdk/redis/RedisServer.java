package dev.blipsdk.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} started by a test from the binary on the PATH, on 127.0.0.1 and a free port, with
 * no persistence; stopped by {@link #close()}. Without the binary, {@link #startOrSkip()} skips the test with a
 * message that says how to install it.
 */
final class RedisServer implements AutoCloseable {
  static final String INSTALL = "redis-server is not on the PATH, so the Redis tests are skipped; install it to run"
      + " them (Debian/Ubuntu: apt-get update && apt-get install -y redis-server). .ci/run installs it.";

  private final Path binary;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServer(Path binary, int port) throws IOException {
    this.binary = binary;
    this.port = port;
    this.dir = Files.createTempDirectory("blip-sdk-redis-test");
  }

  static Optional<Path> binary() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, "redis-server");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Starts a server, or skips the calling test (an assumption) when the binary is missing. */
  static RedisServer startOrSkip() {
    Optional<Path> bin = binary();
    Assumptions.assumeTrue(bin.isPresent(), INSTALL);
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        RedisServer s = new RedisServer(bin.get(), freePort());
        s.start();
        return s;
      } catch (IOException e) {
        last = e; // the port was taken between choosing and binding it: choose another
      }
    }
    throw new IllegalStateException("could not start redis-server", last);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /** Starts (or restarts, on the same port) and waits until it answers PING. */
  void start() throws IOException {
    Path log = dir.resolve("redis.log");
    process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString(), "--logfile", "")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      if (pong()) {
        return;
      }
      try {
        process.waitFor(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting redis-server", e);
      }
    }
    stop();
    throw new IOException("redis-server did not answer PING within 15 s: " + Files.readString(log));
  }

  private boolean pong() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] b = new byte[7];
      int n = in.readNBytes(b, 0, 7);
      return n == 7 && new String(b, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server (for outage tests); {@link #start()} brings it back on the same port. */
  void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp dir left behind is harmless
    }
  }
}
