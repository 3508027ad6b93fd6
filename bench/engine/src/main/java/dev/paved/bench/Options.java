package dev.paved.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The runner's flags ({@code bench/engine.sh --help}). */
final class Options {

  static final String USAGE =
      """
      usage: bench/engine.sh [--quick] [flags]
        --quick               about 2 minutes: 5 warm-ups, 10 and 30 at once, 10 java-service
        --repo DIR            Paved's checkout (default: the current folder)
        --launch paved|java   start Paved with `./paved up` (default) or `java $PAVED_JAVA_OPTS -jar`
        --jar PATH            the api jar for --launch java (default api/target/paved-api.jar)
        --template NAME       the template of Paved's runs (default twenty-steps, in bench/templates)
        --steps N             activities of the floor's workflow (default 20, as the template's steps)
        --warmup N            Paved warm-up runs before the singles (default 10)
        --floor-warmup N      floor warm-up runs (default 20)
        --singles N           single runs, one after another, of which the median (default 5)
        --concurrency LIST    runs at once, for the floor and Paved (default 10,100)
        --java-service N      java-service runs at once with local providers (default 100; 0 skips)
        --skip LIST           leave out any of: floor, paved, concurrent, java-service
        --timeout SECONDS     longest wait for one batch of runs (default 600)
        --json PATH           where the figures go (default bench/engine/target/engine-<time>.json)
        --keep-data           keep Paved's temporary data folder (its path is printed)
      Paved's JVM takes PAVED_JAVA_OPTS, as `./paved up` does.
      """;

  Path repo = Path.of("").toAbsolutePath();
  String launch = "paved";
  Path jar;
  String template = "twenty-steps";
  int steps = 20;
  int warmup = 10;
  int floorWarmup = 20;
  int singles = 5;
  List<Integer> concurrency = List.of(10, 100);
  int javaService = 100;
  Set<String> skip = new LinkedHashSet<>();
  long timeoutSeconds = 600;
  Path json;
  boolean keepData;
  boolean quick;

  static Options parse(String[] args) {
    Options o = new Options();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    // --quick first, so that flags given beside it win
    if (rest.remove("--quick")) {
      o.quick = true;
      o.warmup = 5;
      o.floorWarmup = 10;
      o.concurrency = List.of(10, 30);
      o.javaService = 10;
      o.timeoutSeconds = 180;
    }
    for (int i = 0; i < rest.size(); i++) {
      String flag = rest.get(i);
      switch (flag) {
        case "-h", "--help" -> {
          System.out.print(USAGE);
          System.exit(0);
        }
        case "--keep-data" -> o.keepData = true;
        default -> {
          if (i + 1 >= rest.size()) {
            throw new IllegalArgumentException("unknown flag or missing value: " + flag);
          }
          String value = rest.get(++i);
          switch (flag) {
            case "--repo" -> o.repo = Path.of(value).toAbsolutePath().normalize();
            case "--launch" -> {
              if (!value.equals("paved") && !value.equals("java")) {
                throw new IllegalArgumentException("--launch is paved or java");
              }
              o.launch = value;
            }
            case "--jar" -> o.jar = Path.of(value).toAbsolutePath();
            case "--template" -> o.template = value;
            case "--steps" -> o.steps = positive(flag, value);
            case "--warmup" -> o.warmup = Integer.parseInt(value);
            case "--floor-warmup" -> o.floorWarmup = Integer.parseInt(value);
            case "--singles" -> o.singles = positive(flag, value);
            case "--concurrency" ->
                o.concurrency =
                    value.isBlank()
                        ? List.of()
                        : Arrays.stream(value.split(",")).map(v -> positive(flag, v)).toList();
            case "--java-service" -> o.javaService = Integer.parseInt(value);
            case "--skip" -> {
              for (String part : value.split(",")) {
                if (!Set.of("floor", "paved", "concurrent", "java-service").contains(part)) {
                  throw new IllegalArgumentException(
                      "--skip takes floor, paved, concurrent, java-service");
                }
                o.skip.add(part);
              }
            }
            case "--timeout" -> o.timeoutSeconds = positive(flag, value);
            case "--json" -> o.json = Path.of(value).toAbsolutePath();
            default -> throw new IllegalArgumentException("unknown flag: " + flag);
          }
        }
      }
    }
    if (o.jar == null) {
      o.jar = o.repo.resolve("api/target/paved-api.jar");
    }
    return o;
  }

  boolean runs(String section) {
    return !skip.contains(section);
  }

  private static int positive(String flag, String value) {
    int n = Integer.parseInt(value.trim());
    if (n < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1");
    }
    return n;
  }
}
