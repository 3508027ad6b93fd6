package dev.paved.activities.pullrequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paved.activities.git.LocalGitRepositories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The records of local pull requests, one JSON file each: {@code
 * <root>/<owner>/<repo>/<number>.json} (wired with root {@code <data dir>/git/pulls}). Numbers grow
 * per repository and are never reused; changes to one repository's pull requests run one at a time,
 * across threads and processes.
 */
public final class LocalPullRequests {

  private static final Pattern FILE = Pattern.compile("([1-9][0-9]{0,8})\\.json");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public LocalPullRequests(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Work that may fail with an I/O error. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  /** Every pull request, by repository and number. */
  public List<PullRequestRecord> list() {
    List<PullRequestRecord> all = new ArrayList<>();
    for (Path owner : children(root)) {
      for (Path repo : children(owner)) {
        if (!Files.isDirectory(repo)) {
          continue;
        }
        all.addAll(list(owner.getFileName().toString(), repo.getFileName().toString()));
      }
    }
    return all;
  }

  /** The pull requests of one repository, by number; empty for an unknown or unsafe name. */
  public List<PullRequestRecord> list(String owner, String repo) {
    if (!LocalGitRepositories.isSafeName(owner) || !LocalGitRepositories.isSafeName(repo)) {
      return List.of();
    }
    List<PullRequestRecord> records = new ArrayList<>();
    for (Path file : children(root.resolve(owner).resolve(repo))) {
      if (FILE.matcher(file.getFileName().toString()).matches()) {
        read(file).ifPresent(records::add);
      }
    }
    records.sort(Comparator.comparingInt(PullRequestRecord::number));
    return records;
  }

  /** One pull request; empty when there is none (or the name is unsafe). */
  public Optional<PullRequestRecord> find(String owner, String repo, int number) {
    if (!LocalGitRepositories.isSafeName(owner)
        || !LocalGitRepositories.isSafeName(repo)
        || number < 1) {
      return Optional.empty();
    }
    return read(dir(owner, repo).resolve(number + ".json"));
  }

  /** The open pull request on a branch, if any. */
  Optional<PullRequestRecord> openOnBranch(String owner, String repo, String branch) {
    return list(owner, repo).stream()
        .filter(r -> r.state() == PullRequestRecord.State.OPEN && r.branch().equals(branch))
        .findFirst();
  }

  /** Stores a new record under the next free number; call inside {@link #locked}. */
  PullRequestRecord create(PullRequestRecord draft, IntFunction<String> url) throws IOException {
    Path dir = Files.createDirectories(dir(draft.owner(), draft.repo()));
    int number = highestNumber(dir) + 1;
    while (true) {
      try {
        // Reserving the file first keeps a number taken even if writing the record fails.
        Files.createFile(dir.resolve(number + ".json"));
        break;
      } catch (FileAlreadyExistsException taken) {
        number++;
      }
    }
    PullRequestRecord record = draft.withNumber(number, url.apply(number));
    save(record);
    return record;
  }

  /** Writes a record in place of its file at once. */
  void save(PullRequestRecord record) throws IOException {
    Path dir = Files.createDirectories(dir(record.owner(), record.repo()));
    Path staging = dir.resolve("." + record.number() + ".json." + UUID.randomUUID());
    try {
      JSON.writeValue(staging.toFile(), record);
      Files.move(
          staging,
          dir.resolve(record.number() + ".json"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  /** Runs {@code work} while holding the repository's lock, in this process and on disk. */
  public <T> T locked(String owner, String repo, Work<T> work) {
    Path dir = dir(owner, repo);
    ReentrantLock lock = locks.computeIfAbsent(owner + "/" + repo, k -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return work.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  private Path dir(String owner, String repo) {
    if (!LocalGitRepositories.isSafeName(owner) || !LocalGitRepositories.isSafeName(repo)) {
      throw new IllegalArgumentException("not a safe repository name: " + owner + "/" + repo);
    }
    return root.resolve(owner).resolve(repo);
  }

  private static int highestNumber(Path dir) {
    int highest = 0;
    for (Path file : children(dir)) {
      Matcher m = FILE.matcher(file.getFileName().toString());
      if (m.matches()) {
        highest = Math.max(highest, Integer.parseInt(m.group(1)));
      }
    }
    return highest;
  }

  /** A record, or empty when absent or only reserved (an empty file). */
  private static Optional<PullRequestRecord> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        return Optional.empty();
      }
      return Optional.of(JSON.readValue(file.toFile(), PullRequestRecord.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pull request record " + file, e);
    }
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
