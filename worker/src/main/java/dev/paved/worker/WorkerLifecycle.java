package dev.paved.worker;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling once every worker is registered (after all beans exist) and drains on shutdown, so
 * a step in progress finishes or is retried elsewhere instead of being cut off.
 */
public class WorkerLifecycle implements SmartLifecycle {

  private final WorkerFactory factory;
  private volatile boolean running;

  WorkerLifecycle(WorkerFactory factory) {
    this.factory = factory;
  }

  @Override
  public void start() {
    factory.start();
    running = true;
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * A shut-down WorkerFactory cannot start again, so the worker must not be paused: Spring's test
   * context cache (7.0) stops the lifecycle beans of a context not in use and starts them again
   * when a later test class uses it.
   */
  @Override
  public boolean isPauseable() {
    return false;
  }
}
