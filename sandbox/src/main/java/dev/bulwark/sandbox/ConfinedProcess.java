package dev.bulwark.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child process started inside a Landlock domain, with the enforcement status of that domain.
 * Behaves like the underlying {@link Process}. Call lifecycle methods ({@code destroy}) from
 * ordinary threads, which sit outside the domain; with the signal scope the child itself cannot
 * signal anything outside its domain.
 */
public final class ConfinedProcess extends Process {
  private final Process delegate;
  private final RestrictionStatus status;

  ConfinedProcess(Process delegate, RestrictionStatus status) {
    this.delegate = delegate;
    this.status = status;
  }

  /** How much of the policy confines this process; check it. */
  public RestrictionStatus status() {
    return status;
  }

  @Override
  public OutputStream getOutputStream() {
    return delegate.getOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return delegate.getInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return delegate.getErrorStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    return delegate.waitFor();
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.waitFor(timeout, unit);
  }

  @Override
  public int exitValue() {
    return delegate.exitValue();
  }

  @Override
  public void destroy() {
    delegate.destroy();
  }

  @Override
  public Process destroyForcibly() {
    delegate.destroyForcibly();
    return this;
  }

  @Override
  public boolean supportsNormalTermination() {
    return delegate.supportsNormalTermination();
  }

  @Override
  public boolean isAlive() {
    return delegate.isAlive();
  }

  @Override
  public long pid() {
    return delegate.pid();
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return delegate.onExit().thenApply(p -> this);
  }

  @Override
  public ProcessHandle toHandle() {
    return delegate.toHandle();
  }

  @Override
  public ProcessHandle.Info info() {
    return delegate.info();
  }

  @Override
  public Stream<ProcessHandle> children() {
    return delegate.children();
  }

  @Override
  public Stream<ProcessHandle> descendants() {
    return delegate.descendants();
  }

  @Override
  public String toString() {
    return "ConfinedProcess[pid=" + pid() + ", " + status.status() + "]";
  }
}
