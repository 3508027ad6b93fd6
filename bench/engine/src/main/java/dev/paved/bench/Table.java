package dev.paved.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures as a Markdown table, beside Backstage's from issue 16 and the goals. */
final class Table {

  private Table() {}

  static String render(Map<String, Object> r, Options o) {
    List<String[]> rows = new ArrayList<>();
    String steps = o.steps + " steps";
    Object pavedSingle = at(r, "paved", "singles", "medianMs");
    Object floorSingle = at(r, "floor", "singles", "medianMs");
    rows.add(
        row(
            "one run of " + steps + ", median of " + o.singles,
            ms(pavedSingle),
            ms(floorSingle),
            ratio(pavedSingle, floorSingle),
            "127-232 ms"));
    Object pavedStep = at(r, "paved", "singles", "perStepMs");
    Object floorStep = at(r, "floor", "singles", "perStepMs");
    rows.add(row("per step", ms(pavedStep), ms(floorStep), ratio(pavedStep, floorStep), "6-12 ms"));
    rows.add(
        row(
            "engine overhead per step (Paved - floor)",
            pavedStep instanceof Number p && floorStep instanceof Number f
                ? ms(p.doubleValue() - f.doubleValue())
                : "-",
            "",
            "",
            "goal: under 10 ms"));
    rows.add(
        row(
            "CPU per single run: Paved's JVM (API, worker, embedded server) + the bench's",
            cpu(at(r, "paved", "singles")),
            cpu(at(r, "floor", "singles")),
            "",
            ""));
    rows.add(
        row(
            "one run's history: activities / workflow tasks / markers (local activities)",
            history(at(r, "paved", "history")),
            history(at(r, "floor", "history")),
            "",
            "goal: per step one activity, at most one workflow task"));
    rows.add(
        row(
            "first run after healthy (cold)",
            ms(at(r, "paved", "firstRunAfterHealthyMs")),
            "",
            "",
            ""));
    for (int n : o.runs("concurrent") ? o.concurrency : List.<Integer>of()) {
      String key = n + "AtOnce";
      Object p = at(r, "paved", key, "makespanMs");
      Object f = at(r, "floor", key, "makespanMs");
      rows.add(
          row(
              n + " at once, makespan",
              batch(at(r, "paved", key)),
              ms(f),
              ratio(p, f),
              n == 10 ? "757-1,280 ms" : "-"));
    }
    if (o.javaService > 0 && o.runs("java-service")) {
      rows.add(
          row(
              "java-service (local providers), " + o.javaService + " at once",
              batch(at(r, "javaService", o.javaService + "AtOnce")),
              "",
              "",
              "goal: all complete, none lost"));
    }
    rows.add(
        row(
            "start to healthy (" + (o.launch.equals("paved") ? "./paved up" : "java -jar") + ")",
            ms(at(r, "startup", "startToHealthyMs")),
            "",
            "",
            "goal: under 10 s"));
    rows.add(
        row("resident memory, idle after start", mib(at(r, "startup", "rssIdleMiB")), "", "", ""));
    String peakWhat = "";
    long peak = -1;
    for (String section : List.of("paved", "javaService")) {
      Object s = r.get(section);
      if (s instanceof Map<?, ?> m) {
        for (var e : m.entrySet()) {
          if (e.getValue() instanceof Map<?, ?> batch
              && batch.get("rssPeakMiB") instanceof Number kib
              && kib.longValue() > peak) {
            peak = kib.longValue();
            peakWhat =
                (section.equals("paved") ? o.template : "java-service")
                    + " "
                    + e.getKey().toString().replace("AtOnce", " at once");
          }
        }
      }
    }
    rows.add(
        row(
            "resident memory, peak" + (peakWhat.isEmpty() ? "" : " (" + peakWhat + ")"),
            peak < 0 ? "-" : peak + " MiB",
            "",
            "",
            "goal: under 512 MB with 100 in flight"));
    Object sticky = at(r, "floorZeroSticky", "singles", "medianMs");
    if (sticky != null) {
      rows.add(row("floor without a sticky queue (timeout 0), one run", "", ms(sticky), "", ""));
    }

    StringBuilder out = new StringBuilder();
    out.append(
        "| measure | Paved | floor (bare Temporal) | ratio to floor | Backstage 4.3.0 (issue 16) / goal |\n");
    out.append("|---|---|---|---|---|\n");
    for (String[] cells : rows) {
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n%s, %s cores (%s), %s; commit %s; load average %s at start, %s at end%n",
            r.get("date"),
            at(r, "machine", "cores"),
            at(r, "machine", "cpu"),
            at(r, "machine", "java"),
            r.get("commit"),
            r.get("loadAverageAtStart"),
            r.get("loadAverageAtEnd")));
    return out.toString();
  }

  private static String[] row(String... cells) {
    return cells;
  }

  /** A batch at once: makespan, completed out of all, throughput, peak memory. */
  private static String batch(Object b) {
    if (!(b instanceof Map<?, ?> m)) {
      return "-";
    }
    String s =
        String.format(
            Locale.ROOT,
            "%s (%s/%s completed, %s runs/s",
            ms(m.get("makespanMs")),
            m.get("completed"),
            m.get("runs"),
            m.get("throughputRunsPerS"));
    if (m.get("pavedCoresBusy") != null) {
      s += ", Paved's JVM busy " + m.get("pavedCoresBusy") + " cores";
    }
    return s + ")";
  }

  private static String cpu(Object singles) {
    if (!(singles instanceof Map<?, ?> m) || m.get("pavedCpuMsPerRun") == null) {
      return "-";
    }
    return ms(m.get("pavedCpuMsPerRun")) + " + " + ms(m.get("benchCpuMsPerRun"));
  }

  private static String history(Object h) {
    if (!(h instanceof Map<?, ?> m)) {
      return "-";
    }
    return m.get("activities")
        + " / "
        + m.get("workflowTasks")
        + " / "
        + m.get("localActivitiesAndSideEffects (markers)");
  }

  private static String ms(Object v) {
    if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
      return "-";
    }
    double d = n.doubleValue();
    return d >= 100
        ? String.format(Locale.ROOT, "%,.0f ms", d)
        : String.format(Locale.ROOT, "%.1f ms", d);
  }

  private static String mib(Object v) {
    return v instanceof Number n ? n + " MiB" : "-";
  }

  private static String ratio(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && y.doubleValue() > 0) {
      return String.format(Locale.ROOT, "%.1fx", x.doubleValue() / y.doubleValue());
    }
    return "-";
  }

  private static Object at(Map<String, Object> r, String... path) {
    Object v = r;
    for (String p : path) {
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      v = m.get(p);
    }
    return v;
  }
}
