package dev.bulwark.cli.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a server that lets the first {@code allowed} connections through
 * (TLS end to end, bytes untouched) and closes every later one at once: the server "goes down"
 * after a client has made that many connections (Bulwark's reader and writer each use their own).
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final AtomicInteger remaining;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private CuttingProxy(URI server, int allowed) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = new InetSocketAddress(server.getHost(), server.getPort());
    this.remaining = new AtomicInteger(allowed);
    this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
  }

  /** Relays the first {@code allowed} connections to {@code server}, cuts the rest. */
  static CuttingProxy start(URI server, int allowed) throws IOException {
    return new CuttingProxy(server, allowed);
  }

  URI url() {
    return URI.create("https://127.0.0.1:" + listener.getLocalPort());
  }

  /** Connections clients opened so far (relayed or cut). */
  int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        accepted.incrementAndGet();
        if (remaining.getAndDecrement() <= 0) {
          client.close();
          continue;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (!listener.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other side closed: end this direction
              } finally {
                closeQuietly(to);
              }
            });
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    open.forEach(CuttingProxy::closeQuietly);
    try {
      acceptor.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
