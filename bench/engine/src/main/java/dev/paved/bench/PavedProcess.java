package dev.paved.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Paved's API as a process of its own, started as {@code ./paved up} starts it, on its own ports
 * and a temporary data folder; sampled for resident memory every 100 ms; stopped and deleted at the
 * end, also when the bench fails or is interrupted.
 */
final class PavedProcess {

  /** Settings the bench itself gives Paved: an inherited value of these is replaced. */
  private static final List<String> OWN =
      List.of(
          "SERVER_PORT",
          "PAVED_TEMPORAL_PORT",
          "PAVED_TEMPORAL_TARGET",
          "PAVED_DATA_DIR",
          "PAVED_TEMPLATES_DIR",
          "PAVED_TEMPLATE_LOCATIONS");

  private static final List<String> LOGGING =
      List.of("--logging.level.root=WARN", "--logging.level.dev.paved=WARN");

  final int httpPort;
  final int temporalPort;
  final Path root;
  final Path dataDir;
  final Path log;
  final List<String> command;
  final Map<String, String> passedThrough = new TreeMap<>();

  private final Options options;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicLong peakKib = new AtomicLong();
  private final AtomicLong phasePeakKib = new AtomicLong();
  private final AtomicLong phasePeakTreeKib = new AtomicLong();
  private final AtomicLong lastKib = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
          });
  private Process process;
  private volatile ProcessHandle jvm;
  private long startNanos;
  Path keptLog;

  PavedProcess(Options options) throws IOException {
    this.options = options;
    this.httpPort = freePort(18000, 19000);
    int t;
    do {
      t = freePort(17000, 18000);
    } while (t == httpPort);
    this.temporalPort = t;
    this.root = Files.createTempDirectory("paved-bench-");
    this.dataDir = Files.createDirectories(root.resolve("data"));
    this.log = root.resolve("paved.log");
    List<String> cmd = new ArrayList<>();
    if (options.launch.equals("paved")) {
      cmd.add(options.repo.resolve("paved").toString());
      cmd.add("up");
    } else {
      cmd.add("java");
      String opts = System.getenv().getOrDefault("PAVED_JAVA_OPTS", "").trim();
      if (!opts.isEmpty()) {
        // the launcher expands ${PAVED_JAVA_OPTS:-} unquoted: split on white space as it does
        cmd.addAll(Arrays.asList(opts.split("\\s+")));
      }
      cmd.add("-jar");
      cmd.add(options.jar.toString());
    }
    cmd.addAll(LOGGING);
    this.command = List.copyOf(cmd);
  }

  /** Starts the process; the clock of start-to-healthy starts here. */
  void start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(options.repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    OWN.forEach(env::remove);
    env.forEach(
        (k, v) -> {
          if (k.startsWith("PAVED_") || k.startsWith("SPRING_") || k.startsWith("JAVA_TOOL")) {
            passedThrough.put(k, v);
          }
        });
    env.put("SERVER_PORT", Integer.toString(httpPort));
    env.put("PAVED_TEMPORAL_PORT", Integer.toString(temporalPort));
    env.put("PAVED_DATA_DIR", dataDir.toString());
    env.put("PAVED_TEMPLATES_DIR", options.repo.resolve("bench/templates").toString());
    // the shipped templates (java-service) after the bench's own
    env.put("PAVED_TEMPLATE_LOCATIONS", options.repo.resolve("templates").toString());
    env.putIfAbsent("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    startNanos = System.nanoTime();
    process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-paved"));
    sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for {@code GET /actuator/health} to answer UP; returns the milliseconds since {@link
   * #start} and fills {@code firstAnswerMs} with when the port first answered anything.
   */
  long awaitHealthy(HttpClient http, Duration max, long[] firstAnswerMs)
      throws InterruptedException {
    URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
    long deadline = startNanos + max.toNanos();
    firstAnswerMs[0] = -1;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Paved ended before it was healthy (exit " + process.exitValue() + "); see " + log);
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (firstAnswerMs[0] < 0) {
          firstAnswerMs[0] = (now - startNanos) / 1_000_000;
        }
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return (now - startNanos) / 1_000_000;
        }
      } catch (IOException notYet) {
        // connection refused until Tomcat listens
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Paved was not healthy within " + max + "; see " + log);
  }

  /** Whether {@code ./paved up} built before starting (its first line says so). */
  boolean launcherBuilt() {
    try {
      return Files.exists(log) && Files.readString(log).contains("paved: building");
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  long pid() {
    ProcessHandle j = jvm();
    return j == null ? process.pid() : j.pid();
  }

  /** Resident memory of Paved's JVM now, KiB. */
  long rssKib() {
    return Proc.rssKib(pid());
  }

  long cpuMillis() {
    return Proc.cpuMillis(pid());
  }

  long peakKib() {
    return peakKib.get();
  }

  /** Starts a new phase of the peak (memory while that phase's runs are in flight). */
  void resetPhasePeak() {
    sample();
    phasePeakKib.set(lastKib.get());
    phasePeakTreeKib.set(0);
  }

  long phasePeakKib() {
    sample();
    return phasePeakKib.get();
  }

  /** The phase's peak of Paved's JVM plus its child processes (jsii's node), KiB. */
  long phasePeakTreeKib() {
    return phasePeakTreeKib.get();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /**
   * The JVM that runs Paved: the started process when the launcher replaced itself with java
   * ({@code exec}), else its first java descendant.
   */
  private ProcessHandle jvm() {
    ProcessHandle j = jvm;
    if (j != null && j.isAlive()) {
      return j;
    }
    if (process == null) {
      return null;
    }
    ProcessHandle self = process.toHandle();
    if (isJava(self)) {
      jvm = self;
      return self;
    }
    return self.descendants().filter(PavedProcess::isJava).findFirst().orElse(null);
  }

  private static boolean isJava(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false);
  }

  private synchronized void sample() {
    if (process == null || stopped.get()) {
      return;
    }
    long kib = rssKib();
    lastKib.set(kib);
    peakKib.accumulateAndGet(kib, Math::max);
    phasePeakKib.accumulateAndGet(kib, Math::max);
    ProcessHandle j = jvm();
    if (j != null) {
      phasePeakTreeKib.accumulateAndGet(Proc.treeRssKib(j), Math::max);
    }
  }

  /**
   * Stops Paved (TERM, then KILL after 20 s), its descendants too, keeps its log beside the JSON
   * ({@link #keepLogAt}) and deletes its temporary data unless asked to keep it. Runs once.
   */
  void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    sampler.shutdownNow();
    if (process != null) {
      List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
      all.add(0, process.toHandle());
      all.forEach(ProcessHandle::destroy);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      for (ProcessHandle p : all) {
        try {
          p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception notYet) {
          p.destroyForcibly();
        }
      }
    }
    try {
      if (keptLog != null && Files.exists(log)) {
        Files.createDirectories(keptLog.getParent());
        Files.copy(log, keptLog, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.err.println("bench: could not keep Paved's log: " + e);
    }
    if (options.keepData) {
      System.err.println("bench: Paved's data kept in " + root);
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench: could not delete " + root + ": " + e);
    }
  }

  void keepLogAt(Path path) {
    this.keptLog = path;
  }

  /** A port free on loopback now, picked at random in [from, to). */
  private static int freePort(int from, int to) throws IOException {
    for (int i = 0; i < 200; i++) {
      int port = ThreadLocalRandom.current().nextInt(from, to);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port in " + from + ".." + to);
  }
}
