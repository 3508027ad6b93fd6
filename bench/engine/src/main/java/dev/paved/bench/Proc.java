package dev.paved.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What Linux's /proc tells about a process: resident memory and CPU time. */
final class Proc {

  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private Proc() {}

  /** The resident set (VmRSS) in KiB; 0 when the process is gone. */
  static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException gone) {
      // ended between two samples
    }
    return 0;
  }

  /** The resident memory of the process and all its descendants (the jsii node helpers), KiB. */
  static long treeRssKib(ProcessHandle process) {
    long sum = rssKib(process.pid());
    for (ProcessHandle child : process.descendants().toList()) {
      sum += rssKib(child.pid());
    }
    return sum;
  }

  /** User plus system CPU time the process has used, in milliseconds; -1 when unknown. */
  static long cpuMillis(long pid) {
    try {
      String stat =
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg writes them. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static long ticksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
