package dev.paved.activities.secrets;

import java.util.regex.Pattern;

/**
 * The shape of secret paths and policy names: safe segments only, so a path can never climb out of
 * its mount (or out of the local store's folder).
 */
public final class SecretPaths {

  /** One path segment: no dots, no slashes, so {@code ..} and absolute paths cannot be written. */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

  private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,254}");

  private static final Pattern KEY = Pattern.compile("[a-z0-9_-]{1,64}");

  private static final int MAX_SEGMENTS = 8;

  private SecretPaths() {}

  public static boolean isSegment(String value) {
    return value != null && SEGMENT.matcher(value).matches();
  }

  /** A path of one to eight safe segments joined by {@code /}. */
  public static boolean isPath(String path) {
    if (path == null || path.isEmpty()) {
      return false;
    }
    String[] segments = path.split("/", -1);
    if (segments.length > MAX_SEGMENTS) {
      return false;
    }
    for (String segment : segments) {
      if (!isSegment(segment)) {
        return false;
      }
    }
    return true;
  }

  /** A secret's key name: lower-case letters, digits, {@code _} and {@code -}. */
  public static boolean isKey(String value) {
    return value != null && KEY.matcher(value).matches();
  }

  /** Throws IllegalArgumentException unless {@code path} is safe. */
  static String requirePath(String path) {
    if (!isPath(path)) {
      throw new IllegalArgumentException("not a safe secret path: " + path);
    }
    return path;
  }

  /** Throws IllegalArgumentException unless {@code name} is a safe policy name. */
  static String requirePolicyName(String name) {
    if (name == null || !POLICY.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe policy name: " + name);
    }
    return name;
  }
}
