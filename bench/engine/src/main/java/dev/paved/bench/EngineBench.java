package dev.paved.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16's engine benchmark, in one run on one embedded Temporal server: starts Paved as {@code
 * ./paved up} does (start-to-healthy, resident memory), runs the floor (a bare workflow of N no-op
 * activities, in this JVM) and Paved's N-step template through the API, one at a time and many at
 * once, then java-service runs with local providers; prints a table beside Backstage's figures and
 * writes the figures as JSON. {@code bench/engine.sh} builds and starts it; {@code --help} lists
 * the flags.
 */
public final class EngineBench {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Options o;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final String tag = "b" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  private PavedProcess paved;

  private EngineBench(Options o) {
    this.o = o;
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    System.exit(new EngineBench(o).run());
  }

  private int run() throws IOException {
    Instant now = Instant.now();
    Path out =
        o.json != null
            ? o.json
            : o.repo.resolve("bench/engine/target/engine-" + STAMP.format(now) + ".json");
    report.put("date", now.toString());
    report.put(
        "commit", git("rev-parse", "--short", "HEAD") + (dirty() ? " (uncommitted changes)" : ""));
    report.put("machine", machine());
    report.put("options", optionsSeen());
    report.put("loadAverageAtStart", Proc.loadAverage());
    Throwable failure = null;
    WorkflowServiceStubs stubs = null;
    try {
      paved = new PavedProcess(o);
      paved.keepLogAt(
          out.resolveSibling(out.getFileName().toString().replace(".json", "") + "-paved.log"));
      startup();
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setTarget("127.0.0.1:" + paved.temporalPort)
                  .build());
      WorkflowClient client =
          WorkflowClient.newInstance(
              stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
      if (o.runs("floor")) {
        floor(client);
      }
      try (PavedApi api = new PavedApi(http, paved.httpPort, client, json)) {
        api.watchStuck();
        if (o.runs("paved")) {
          pavedRuns(api, client);
        }
        if (o.runs("java-service") && o.javaService > 0) {
          javaService(api);
        }
      }
      Thread.sleep(2000);
      section("startup").put("rssAtEndMiB", mib(paved.rssKib()));
      section("startup").put("rssPeakWholeRunMiB", mib(paved.peakKib()));
    } catch (Throwable t) {
      failure = t;
      problems.add("the bench stopped: " + t);
    } finally {
      report.put("loadAverageAtEnd", Proc.loadAverage());
      report.put("problems", problems);
      if (stubs != null) {
        stubs.shutdownNow();
      }
      if (paved != null) {
        paved.stop();
        report.put("pavedLog", String.valueOf(paved.keptLog));
      }
      Files.createDirectories(out.getParent());
      json.writeValue(out.toFile(), report);
      System.out.println();
      System.out.print(Table.render(report, o));
      System.out.println();
      System.out.println("JSON: " + out);
      if (paved != null) {
        System.out.println("Paved's log: " + paved.keptLog);
      }
      if (failure != null) {
        failure.printStackTrace();
      }
    }
    problems.forEach(p -> System.out.println("PROBLEM: " + p));
    return failure != null || !problems.isEmpty() ? 1 : 0;
  }

  /** (5) start-to-healthy and resident memory when idle. */
  private void startup() throws Exception {
    Map<String, Object> s = section("startup");
    s.put("launch", String.join(" ", paved.command));
    s.put("httpPort", paved.httpPort);
    s.put("temporalPort", paved.temporalPort);
    s.put("environmentPassedThrough", paved.passedThrough);
    log(
        "starting Paved: %s (ports %d / %d)",
        String.join(" ", paved.command), paved.httpPort, paved.temporalPort);
    paved.start();
    long[] firstAnswer = new long[1];
    long healthy = paved.awaitHealthy(http, Duration.ofMinutes(10), firstAnswer);
    s.put("startToHealthyMs", healthy);
    s.put("startToFirstHttpAnswerMs", firstAnswer[0]);
    s.put("rssAtHealthyMiB", mib(paved.rssKib()));
    if (paved.launcherBuilt()) {
      problems.add("./paved up built Paved before starting it: start-to-healthy includes a build");
    }
    log("healthy after %d ms (first HTTP answer after %d ms)", healthy, firstAnswer[0]);
    long cpuAtHealthy = paved.cpuMillis();
    s.put("cpuMsUntilHealthy", cpuAtHealthy);
    Thread.sleep(3000);
    s.put("rssIdleMiB", mib(paved.rssKib()));
    // what Paved's JVM burns with nothing to do (pollers, the embedded server, schedulers)
    s.put("idleCpuMsPerSecond", round((paved.cpuMillis() - cpuAtHealthy) / 3.0));
    log("idle: %d MiB resident", mib(paved.rssKib()));
  }

  /** (1) the floor: a bare workflow of N no-op activities. */
  private void floor(WorkflowClient client) throws Exception {
    Duration timeout = Duration.ofSeconds(o.timeoutSeconds);
    try (Floor floor = new Floor(client, null)) {
      Map<String, Object> s = section("floor");
      s.put(
          "workflow",
          o.steps + " no-op activities in sequence, start-to-close 10 s, in the bench's JVM");
      s.put(
          "workerOptions",
          "Temporal's defaults (sticky queue, 5 s schedule-to-start), as Paved's own worker");
      s.put("steps", o.steps);
      log("floor: %d warm-up runs", o.floorWarmup);
      Batch.sequential(o.floorWarmup, 0, (i, d) -> floor.run(o.steps, d), timeout);
      List<Batch.Outcome> singles =
          measuredSingles(o.singles, 0, (i, d) -> floor.run(o.steps, d), timeout, s, o.steps);
      log("floor: single %.1f ms", median(singles));
      s.put("history", History.of(client, singles.get(singles.size() - 1).workflowId()));
      if (o.runs("concurrent")) {
        for (int n : o.concurrency) {
          Batch.Concurrent c =
              measured(n, 0, (i, d) -> floor.run(o.steps, d), timeout, s, n + "AtOnce");
          log("floor: %d at once, makespan %.0f ms", n, c.makespanMs());
        }
      }
    }
    // the same floor without a sticky queue: what a worker joining the embedded server pays
    try (Floor floor = new Floor(client, Duration.ZERO)) {
      Map<String, Object> s = section("floorZeroSticky");
      s.put(
          "workerOptions",
          "Temporal's defaults but sticky-queue schedule-to-start timeout 0 (a worker joining"
              + " the embedded server from another process)");
      Batch.sequential(o.floorWarmup, 0, (i, d) -> floor.run(o.steps, d), timeout);
      List<Batch.Outcome> singles =
          measuredSingles(o.singles, 0, (i, d) -> floor.run(o.steps, d), timeout, s, o.steps);
      if (o.runs("concurrent") && !o.concurrency.isEmpty()) {
        int n = o.concurrency.get(0);
        measured(n, 0, (i, d) -> floor.run(o.steps, d), timeout, s, n + "AtOnce");
      }
      log("floor without a sticky queue: single %.1f ms", median(singles));
    }
  }

  /** (2) and (3): Paved's template of N debug:log steps through the API. */
  private void pavedRuns(PavedApi api, WorkflowClient client) throws Exception {
    Duration timeout = Duration.ofSeconds(o.timeoutSeconds);
    Map<String, Object> s = section("paved");
    s.put("template", o.template);
    s.put("steps", o.steps);
    Batch.Launch launch = (i, d) -> api.run(o.template, Map.of("label", tag + "-" + i), d);
    log("paved: %d warm-up runs of %s", o.warmup, o.template);
    List<Batch.Outcome> warm = Batch.sequential(o.warmup, 0, launch, timeout);
    if (!warm.isEmpty()) {
      s.put("firstRunAfterHealthyMs", round(warm.get(0).ms()));
      s.put("warmups", singles(warm, o.steps));
    }
    List<Batch.Outcome> singles = measuredSingles(o.singles, 1000, launch, timeout, s, o.steps);
    check(singles, "Paved single");
    log("paved: single %.1f ms", median(singles));
    Batch.Outcome last = singles.get(singles.size() - 1);
    if (last.workflowId() != null) {
      s.put("history", History.of(client, last.workflowId()));
    }
    if (o.runs("concurrent")) {
      int offset = 2000;
      for (int n : o.concurrency) {
        Batch.Concurrent c = measured(n, offset, launch, timeout, s, n + "AtOnce");
        check(c.outcomes(), "Paved " + n + " at once");
        log("paved: %d at once, makespan %.0f ms, %d completed", n, c.makespanMs(), c.completed());
        offset += n;
      }
    }
  }

  /** (4) java-service at once with local providers, each a service of its own name. */
  private void javaService(PavedApi api) throws Exception {
    Duration timeout = Duration.ofSeconds(o.timeoutSeconds);
    Map<String, Object> s = section("javaService");
    Batch.Launch launch =
        (i, d) ->
            api.run("java-service", Map.of("name", tag + "-svc-" + i, "owner", "team-payments"), d);
    log("java-service: one warm-up run");
    List<Batch.Outcome> warm = Batch.sequential(1, 0, launch, timeout);
    s.put("warmup", singles(warm, 0));
    check(warm, "java-service warm-up");
    int n = o.javaService;
    Batch.Concurrent c = measured(n, 1, launch, timeout, s, n + "AtOnce");
    check(c.outcomes(), "java-service " + n + " at once");
    log(
        "java-service: %d at once, makespan %.0f ms, %d completed",
        n, c.makespanMs(), c.completed());
  }

  /**
   * Runs one after another, with the CPU time they cost Paved's JVM (API, worker and the embedded
   * Temporal server) and the bench's JVM (the floor's worker, the client), per run.
   */
  private List<Batch.Outcome> measuredSingles(
      int n,
      int offset,
      Batch.Launch launch,
      Duration timeout,
      Map<String, Object> into,
      int steps) {
    long cpu0 = paved.cpuMillis();
    long ownCpu0 = ownCpuMillis();
    List<Batch.Outcome> runs = Batch.sequential(n, offset, launch, timeout);
    Map<String, Object> m = singles(runs, steps);
    m.put("pavedCpuMsPerRun", round((paved.cpuMillis() - cpu0) / (double) n));
    m.put("benchCpuMsPerRun", round((ownCpuMillis() - ownCpu0) / (double) n));
    into.put("singles", m);
    return runs;
  }

  /** A batch at once with Paved's memory peak, its CPU time and the load around it. */
  private Batch.Concurrent measured(
      int n,
      int offset,
      Batch.Launch launch,
      Duration timeout,
      Map<String, Object> into,
      String key)
      throws InterruptedException {
    String loadBefore = Proc.loadAverage();
    paved.resetPhasePeak();
    long cpu0 = paved.cpuMillis();
    long ownCpu0 = ownCpuMillis();
    Batch.Concurrent c = Batch.concurrent(n, offset, launch, timeout);
    long cpu1 = paved.cpuMillis();
    long ownCpu1 = ownCpuMillis();
    Map<String, Object> m = concurrent(c);
    m.put("rssPeakMiB", mib(paved.phasePeakKib()));
    m.put("rssPeakWithChildProcessesMiB", mib(paved.phasePeakTreeKib()));
    m.put("pavedCpuMs", cpu1 - cpu0);
    m.put("pavedCpuMsPerRun", round((cpu1 - cpu0) / (double) n));
    m.put("pavedCoresBusy", round((cpu1 - cpu0) / c.makespanMs()));
    m.put("benchCpuMs", ownCpu1 - ownCpu0);
    m.put("loadAverageBefore", loadBefore);
    m.put("loadAverageAfter", Proc.loadAverage());
    into.put(key, m);
    return c;
  }

  private Map<String, Object> concurrent(Batch.Concurrent c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", c.n());
    m.put("makespanMs", round(c.makespanMs()));
    m.put("completed", c.completed());
    m.put("throughputRunsPerS", round(c.throughput()));
    m.put("notCompleted", c.notCompleted());
    double[] ms = c.outcomes().stream().mapToDouble(Batch.Outcome::ms).toArray();
    double[] start = c.outcomes().stream().mapToDouble(Batch.Outcome::startMs).toArray();
    m.put("runMsP50", round(Batch.percentile(ms, 50)));
    m.put("runMsP95", round(Batch.percentile(ms, 95)));
    m.put("runMsMax", round(Batch.percentile(ms, 100)));
    m.put("startAnsweredMsP50", round(Batch.percentile(start, 50)));
    m.put("startAnsweredMsMax", round(Batch.percentile(start, 100)));
    m.put(
        "endVisibleInApiLagMsMax",
        round(c.outcomes().stream().mapToDouble(Batch.Outcome::visibleLagMs).max().orElse(0)));
    m.put("failures", failures(c.outcomes()));
    return m;
  }

  private Map<String, Object> singles(List<Batch.Outcome> runs, int steps) {
    Map<String, Object> m = new LinkedHashMap<>();
    double[] ms =
        runs.stream().filter(Batch.Outcome::completed).mapToDouble(Batch.Outcome::ms).toArray();
    m.put("runsMs", runs.stream().map(r -> round(r.ms())).toList());
    m.put("statuses", runs.stream().map(Batch.Outcome::status).toList());
    m.put("medianMs", round(Batch.median(ms)));
    if (steps > 0) {
      m.put("perStepMs", round(Batch.median(ms) / steps));
    }
    m.put("startAnsweredMs", runs.stream().map(r -> round(r.startMs())).toList());
    m.put("endVisibleInApiLagMs", runs.stream().map(r -> round(r.visibleLagMs())).toList());
    m.put("failures", failures(runs));
    return m;
  }

  private static List<Map<String, Object>> failures(List<Batch.Outcome> runs) {
    return runs.stream()
        .filter(r -> !r.completed())
        .limit(10)
        .map(
            r -> {
              Map<String, Object> f = new LinkedHashMap<>();
              f.put("run", r.id());
              f.put("status", r.status());
              f.put("error", r.error());
              return f;
            })
        .toList();
  }

  private void check(List<Batch.Outcome> runs, String what) {
    long bad = runs.stream().filter(r -> !r.completed()).count();
    if (bad > 0) {
      Batch.Outcome first = runs.stream().filter(r -> !r.completed()).findFirst().orElseThrow();
      problems.add(
          what
              + ": "
              + bad
              + " of "
              + runs.size()
              + " runs did not complete (first: "
              + first.id()
              + " "
              + first.status()
              + (first.error() == null ? "" : ", " + first.error())
              + ")");
    }
  }

  private double median(List<Batch.Outcome> runs) {
    return Batch.median(
        runs.stream().filter(Batch.Outcome::completed).mapToDouble(Batch.Outcome::ms).toArray());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String name) {
    return (Map<String, Object>) report.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  private Map<String, Object> optionsSeen() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quick", o.quick);
    m.put("launch", o.launch);
    m.put("template", o.template);
    m.put("steps", o.steps);
    m.put("warmup", o.warmup);
    m.put("floorWarmup", o.floorWarmup);
    m.put("singles", o.singles);
    m.put("concurrency", o.concurrency);
    m.put("javaService", o.javaService);
    m.put("skip", o.skip);
    m.put("timeoutSeconds", o.timeoutSeconds);
    m.put("pavedJavaOpts", System.getenv().getOrDefault("PAVED_JAVA_OPTS", ""));
    return m;
  }

  private Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          m.put("memTotal", line.substring(9).trim());
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
          break;
        }
      }
    } catch (IOException e) {
      // not Linux: left out
    }
    return m;
  }

  private String git(String... args) {
    try {
      List<String> cmd = new ArrayList<>(List.of("git", "-C", o.repo.toString()));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private boolean dirty() {
    return !git("status", "--porcelain", "--untracked-files=no").isEmpty();
  }

  private static long ownCpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }

  static long mib(long kib) {
    return Math.round(kib / 1024.0);
  }

  static double round(double v) {
    return Double.isNaN(v) ? Double.NaN : Math.round(v * 10) / 10.0;
  }

  static void log(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[%s] %s%n",
        Instant.now().toString().substring(11, 19),
        String.format(Locale.ROOT, format, args));
  }
}
