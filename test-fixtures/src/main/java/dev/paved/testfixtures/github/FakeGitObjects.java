package dev.paved.testfixtures.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One repository's git objects, as GitHub's Git Data API shows them: blobs, trees (kept flat, path
 * to blob), commits and refs. SHAs are SHA-1 of the content, so equal content has an equal SHA.
 */
final class FakeGitObjects {

  /** A file in a tree. */
  record Entry(String mode, String sha) {}

  /** A commit; {@code author} as GitHub's JSON ({@code name}, {@code email}, {@code date}). */
  record Commit(String sha, String tree, List<String> parents, String message, JsonNode author) {}

  private final Map<String, byte[]> blobs = new HashMap<>();
  private final Map<String, SortedMap<String, Entry>> trees = new HashMap<>();
  private final Map<String, Commit> commits = new HashMap<>();
  private final Map<String, String> refs = new LinkedHashMap<>();

  String blob(byte[] bytes) {
    String sha = sha("blob " + bytes.length + "\0", bytes);
    blobs.put(sha, bytes.clone());
    return sha;
  }

  Optional<byte[]> blobBytes(String sha) {
    return Optional.ofNullable(blobs.get(sha)).map(byte[]::clone);
  }

  boolean hasBlob(String sha) {
    return blobs.containsKey(sha);
  }

  String tree(SortedMap<String, Entry> files) {
    StringBuilder text = new StringBuilder();
    files.forEach((path, e) -> text.append(e.mode()).append(' ').append(path).append('\0'));
    files.forEach((path, e) -> text.append(e.sha()));
    String sha = sha("tree ", text.toString().getBytes(StandardCharsets.UTF_8));
    trees.put(sha, new TreeMap<>(files));
    return sha;
  }

  Optional<SortedMap<String, Entry>> treeFiles(String sha) {
    return Optional.ofNullable(trees.get(sha)).map(TreeMap::new);
  }

  String commit(String tree, List<String> parents, String message, JsonNode author) {
    String text = "tree " + tree + "\nparents " + parents + "\n" + author + "\n\n" + message;
    String sha = sha("commit ", text.getBytes(StandardCharsets.UTF_8));
    commits.put(sha, new Commit(sha, tree, List.copyOf(parents), message, author));
    return sha;
  }

  Optional<Commit> commit(String sha) {
    return Optional.ofNullable(commits.get(sha));
  }

  /** {@code refs/heads/main} → SHA. */
  Map<String, String> refs() {
    return refs;
  }

  boolean isEmpty() {
    return refs.isEmpty();
  }

  /** The files at the head of {@code branch}: path → content. */
  Map<String, byte[]> files(String branch) {
    Map<String, byte[]> files = new TreeMap<>();
    String head = refs.get("refs/heads/" + branch);
    if (head == null) {
      return files;
    }
    trees.get(commits.get(head).tree()).forEach((path, e) -> files.put(path, blobs.get(e.sha())));
    return files;
  }

  /** The commits reachable from {@code head} and not from {@code base}, oldest first. */
  List<Commit> between(String base, String head) {
    List<String> seen = new ArrayList<>();
    collect(base, seen);
    List<Commit> ahead = new ArrayList<>();
    List<String> walk = new ArrayList<>(List.of(head));
    while (!walk.isEmpty()) {
      String sha = walk.remove(0);
      if (seen.contains(sha) || !commits.containsKey(sha)) {
        continue;
      }
      seen.add(sha);
      Commit commit = commits.get(sha);
      ahead.add(0, commit);
      walk.addAll(commit.parents());
    }
    return ahead;
  }

  /** The newest commit both reach (breadth first from {@code head}); null when none. */
  String mergeBase(String base, String head) {
    List<String> ofBase = new ArrayList<>();
    collect(base, ofBase);
    List<String> walk = new ArrayList<>(List.of(head));
    List<String> seen = new ArrayList<>();
    while (!walk.isEmpty()) {
      String sha = walk.remove(0);
      if (ofBase.contains(sha)) {
        return sha;
      }
      if (!seen.contains(sha) && commits.containsKey(sha)) {
        seen.add(sha);
        walk.addAll(commits.get(sha).parents());
      }
    }
    return null;
  }

  private void collect(String sha, List<String> seen) {
    if (sha == null || seen.contains(sha) || !commits.containsKey(sha)) {
      return;
    }
    seen.add(sha);
    commits.get(sha).parents().forEach(parent -> collect(parent, seen));
  }

  private static String sha(String header, byte[] content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      digest.update(header.getBytes(StandardCharsets.UTF_8));
      digest.update(content);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
