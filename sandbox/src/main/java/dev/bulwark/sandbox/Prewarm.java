package dev.bulwark.sandbox;

import java.io.IOException;

/**
 * Work done once, on an unconfined thread, before any launcher thread is restricted: the JDK
 * creates its process reaper thread and loads its launch classes (success and failure paths), so
 * that none of this happens lazily inside a domain (research §5.1: first-time initialisation in a
 * confined thread can poison the whole JVM).
 */
final class Prewarm {
  private static volatile boolean done;

  private Prewarm() {}

  static synchronized void run() {
    if (done) {
      return;
    }
    try {
      Process p = new ProcessBuilder("/bin/true").start();
      p.waitFor();
    } catch (IOException e) {
      // no /bin/true: the failure path below still loads the classes that matter
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      new ProcessBuilder("/nonexistent/bulwark-prewarm").start().destroy();
    } catch (IOException expected) {
      // the point was to load the error path
    }
    done = true;
  }
}
