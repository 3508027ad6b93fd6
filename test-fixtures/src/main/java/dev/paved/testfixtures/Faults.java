package dev.paved.testfixtures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A stand-in's fault plan: which requests get which {@link Fault}. A rule holds for the next {@code
 * n} matching requests ({@link #next}) or until switched off ({@link #outage}, {@link #off}); it
 * matches every request, or only a method and a path pattern. The first rule that matches wins. The
 * plan counts the faults it injected.
 *
 * <p>{@code standIn.faults().next(2, Fault.status(503))} fails the next two requests; {@code
 * standIn.faults().outage("DELETE", "/v1/.*", Fault.status(503))} until {@code off()}.
 */
public final class Faults {

  private static final class Rule {
    final String method;
    final Pattern path;
    final Fault fault;
    int left; // negative: until switched off
    final String fromMethod;
    final Pattern from; // null: in force at once
    boolean begun;

    Rule(String method, Pattern path, Fault fault, int left, String fromMethod, Pattern from) {
      this.method = method;
      this.path = path;
      this.fault = fault;
      this.left = left;
      this.fromMethod = fromMethod;
      this.from = from;
      this.begun = from == null;
    }

    boolean matches(String method, String path) {
      if (!begun
          && (fromMethod == null || fromMethod.equals(method))
          && from.matcher(path).matches()) {
        begun = true;
      }
      return begun
          && left != 0
          && (this.method == null || this.method.equals(method))
          && (this.path == null || this.path.matcher(path).matches());
    }
  }

  /** A fault the plan injected: the request's line, when, the fault, and when it may come back. */
  public record Injected(String line, Instant at, Fault fault, Instant notBefore) {}

  private final Object lock;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Injected> injected = new ArrayList<>();

  Faults(Object lock) {
    this.lock = lock;
  }

  /** The next {@code n} requests, whatever they are, meet {@code fault}. */
  public Faults next(int n, Fault fault) {
    return add(null, null, fault, n);
  }

  /** The next {@code n} requests with this method and a path matching {@code pathRegex}. */
  public Faults next(int n, String method, String pathRegex, Fault fault) {
    return add(method, pathRegex, fault, n);
  }

  /** Every request meets {@code fault} until {@link #off}: the system is down. */
  public Faults outage(Fault fault) {
    return add(null, null, fault, -1);
  }

  /**
   * Requests with this method (null: any) and path pattern meet {@code fault} until {@link #off}.
   */
  public Faults outage(String method, String pathRegex, Fault fault) {
    return add(method, pathRegex, fault, -1);
  }

  /**
   * The system goes down at the first request with {@code method} (null: any) and a path matching
   * {@code pathRegex}: that request and every later one meet {@code fault} until {@link #off}.
   */
  public Faults outageFrom(String method, String pathRegex, Fault fault) {
    synchronized (lock) {
      rules.add(new Rule(null, null, fault, -1, method, Pattern.compile(pathRegex)));
    }
    return this;
  }

  /** Ends every rule: the system answers as usual again. What was injected stays counted. */
  public void off() {
    synchronized (lock) {
      rules.clear();
    }
  }

  /** Whether any rule is still in force. */
  public boolean active() {
    synchronized (lock) {
      return rules.stream().anyMatch(r -> r.left != 0);
    }
  }

  /** Every fault injected so far, oldest first. */
  public List<Injected> injected() {
    synchronized (lock) {
      return List.copyOf(injected);
    }
  }

  /** Forgets what was injected (not the rules). */
  public void forget() {
    synchronized (lock) {
      injected.clear();
    }
  }

  private Faults add(String method, String pathRegex, Fault fault, int left) {
    synchronized (lock) {
      rules.add(
          new Rule(
              method,
              pathRegex == null ? null : Pattern.compile(pathRegex),
              fault,
              left,
              null,
              null));
    }
    return this;
  }

  /** The fault for this request, counted as injected at {@code at}; null when none matches. */
  Fault take(String method, String path, Instant at) {
    synchronized (lock) {
      for (Rule rule : rules) {
        if (rule.matches(method, path)) {
          if (rule.left > 0) {
            rule.left--;
          }
          injected.add(new Injected(method + " " + path, at, rule.fault, rule.fault.notBefore(at)));
          return rule.fault;
        }
      }
      return null;
    }
  }
}
