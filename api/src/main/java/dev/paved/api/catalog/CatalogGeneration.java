package dev.paved.api.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalog's generation ({@code catalog_generation}, V40): raised once by every transaction that
 * writes entities, relations or search rows, just before it commits, so the new number and the
 * writes become visible together. Answers that cost a scan (a query's total, facets) are kept per
 * (question, generation): a reader reads the generation first, then computes, so what it keeps
 * under generation {@code g} was computed from a state at least as new as {@code g}, and a reader
 * that sees {@code g + 1} never gets an answer kept under {@code g}. The number lives in the
 * database, so several API instances on one database stay exact; raising it locks one row only for
 * the instant before commit.
 */
final class CatalogGeneration {

  /** Answers kept at most; the map is emptied beyond (they are cheap to compute again). */
  static final int KEPT = 2_000;

  private final JdbcClient jdbc;
  private final Map<String, Object> kept = new ConcurrentHashMap<>();
  private volatile long keptAt = -1;

  CatalogGeneration(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long current() {
    return jdbc.sql("select generation from catalog_generation where id = 1")
        .query(Long.class)
        .single();
  }

  /**
   * The catalog changed: the generation is raised before the transaction under way commits (once
   * per transaction), or now without one.
   */
  void raise() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      raiseNow();
      return;
    }
    boolean registered =
        TransactionSynchronizationManager.getSynchronizations().stream()
            .anyMatch(Raise.class::isInstance);
    if (!registered) {
      TransactionSynchronizationManager.registerSynchronization(new Raise());
    }
  }

  private void raiseNow() {
    jdbc.sql("update catalog_generation set generation = generation + 1 where id = 1").update();
  }

  /** Raises the generation just before the transaction commits, inside it. */
  private final class Raise implements TransactionSynchronization {
    @Override
    public void beforeCommit(boolean readOnly) {
      raiseNow();
    }
  }

  /**
   * The answer to {@code question} at the current generation: kept, or computed and kept. A reader
   * that arrives with an older generation than the one kept computes without keeping.
   */
  @SuppressWarnings("unchecked")
  <T> T answer(String question, Supplier<T> compute) {
    long generation = current();
    if (generation < keptAt) {
      return compute.get();
    }
    synchronized (this) {
      if (generation > keptAt) {
        kept.clear();
        keptAt = generation;
      }
    }
    Object found = kept.get(question);
    if (found != null) {
      return (T) found;
    }
    T computed = compute.get();
    synchronized (this) {
      if (keptAt == generation) {
        if (kept.size() >= KEPT) {
          kept.clear();
        }
        kept.put(question, computed);
      }
    }
    return computed;
  }
}
