package dev.paved.activities.render;

import java.util.concurrent.atomic.AtomicLong;

/** What the renders of one run have spent so far in this process, shared by its renders. */
final class RunUsage {

  final AtomicLong loopIterations = new AtomicLong();
  final AtomicLong outputChars = new AtomicLong();
  final AtomicLong renderNanos = new AtomicLong();
}
