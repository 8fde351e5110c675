package dev.blipsdk.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link FleetMember} JVM started by a test: lines in on stdin, lines out on stdout, stderr to a file. */
final class Child implements AutoCloseable {
  private final Process process;
  private final Writer stdin;
  private final List<String> lines = new ArrayList<>();
  private final Path stderr;

  private Child(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a FleetMember with the test's own classpath and a small, quiet JVM. */
  static Child start(Path dir, String name, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        FleetMember.class.getName()));
    cmd.addAll(List.of(args));
    Path err = dir.resolve(name + ".stderr");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    return new Child(p, err);
  }

  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** Waits for the first line that matches, and returns it. */
  String await(Predicate<String> wanted, long timeoutSeconds) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    synchronized (lines) {
      while (true) {
        for (String l : lines) {
          if (wanted.test(l)) {
            return l;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(wanted))) {
          throw new AssertionError("no such line from the child within " + timeoutSeconds + " s; lines " + lines
              + ", alive " + process.isAlive() + ", stderr: " + java.nio.file.Files.readString(stderr));
        }
        lines.wait(Math.min(left, 200));
      }
    }
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not end within " + seconds + " s");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
