package dev.bulwark.sandbox;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dedicated platform thread confined by one policy that starts child processes on request; the
 * children inherit its Landlock domain. The rest of the JVM is not confined. Create one per policy
 * and reuse it for many launches; {@link #close()} ends the thread (running children keep their
 * domain).
 *
 * <p>The launcher thread does nothing but {@code ProcessBuilder.start()}: no user code, no shared
 * executors. Threads the JDK creates lazily during a launch (the "process reaper" pool, when all
 * its threads are busy) inherit the domain; they only wait for children and complete {@link
 * Process#onExit()} futures, so attach callbacks with an {@code ...Async(..., executor)} variant.
 */
public final class SandboxLauncher implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Request STOP = new Request(null);

  private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final RestrictionStatus status;

  private SandboxLauncher(RulesetCreated rs, Policy policy) throws SandboxException {
    Prewarm.run();
    queue.offer(STOP);
    queue.poll();
    Request ready = new Request(null);
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("bulwark-sandbox-launcher-" + COUNTER.incrementAndGet())
            .unstarted(() -> serve(rs, policy, ready));
    thread.start();
    ready.await();
    rs.close();
    if (ready.failure != null) {
      throw ready.failure instanceof SandboxException se
          ? se
          : new SandboxException("cannot confine the launcher thread", ready.failure);
    }
    this.status = ready.status;
  }

  /** Builds the ruleset for {@code policy} (plus the JDK spawn helper) and starts the thread. */
  static SandboxLauncher create(Policy policy) throws SandboxException {
    Policy p = SpawnHelperRules.addTo(policy);
    return new SandboxLauncher(p.createRuleset(), p);
  }

  private void serve(RulesetCreated rs, Policy policy, Request ready) {
    try {
      ready.status = rs.restrictSelf(policy.flags());
    } catch (Throwable t) {
      ready.failure = t;
      ready.done.countDown();
      return;
    }
    ready.done.countDown();
    while (true) {
      Request r;
      try {
        r = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (r == STOP) {
        return;
      }
      try {
        r.process = r.builder.start();
      } catch (Throwable t) {
        r.failure = t;
      }
      r.done.countDown();
    }
  }

  /** The enforcement status of every child this launcher starts. */
  public RestrictionStatus status() {
    return status;
  }

  /**
   * Starts {@code command} inside the domain.
   *
   * @throws IOException when the program cannot be started (e.g. {@code EACCES}: the policy does
   *     not allow executing it)
   */
  public ConfinedProcess start(Command command) throws IOException {
    if (!thread.isAlive()) {
      throw new IllegalStateException("launcher is closed");
    }
    Request r = new Request(command.toProcessBuilder());
    queue.add(r);
    try {
      r.await();
    } catch (SandboxException e) {
      throw new IOException("interrupted while launching " + command.argv().getFirst(), e);
    }
    if (r.failure instanceof IOException io) {
      throw io;
    }
    if (r.failure != null) {
      throw new IOException("cannot launch " + command.argv().getFirst(), r.failure);
    }
    return new ConfinedProcess(r.process, status);
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      queue.add(STOP);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final class Request {
    final ProcessBuilder builder;
    final CountDownLatch done = new CountDownLatch(1);
    volatile Process process;
    volatile Throwable failure;
    volatile RestrictionStatus status;

    Request(ProcessBuilder builder) {
      this.builder = builder;
    }

    void await() throws SandboxException {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxException("interrupted while waiting for the launcher thread", e);
      }
    }
  }
}
