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
}
