package dev.bulwark.trust.server.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: one virtual thread per connection over a (TLS) {@link ServerSocket},
 * keep-alive, Content-Length and chunked request bodies, strict limits on the request head. It
 * exists because the JDK's {@code HttpsServer} manages only a few hundred TLS requests per second.
 */
public final class HttpServer11 implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(HttpServer11.class.getName());
  private static final int MAX_HEAD_BYTES = 16 * 1024;
  private static final int IDLE_TIMEOUT_MS = 60_000;

  /** From the first byte of a request head to its end (slow-header / slowloris defence). */
  static final Duration HEAD_TIMEOUT = Duration.ofSeconds(30);

  private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private final ServerSocket socket;
  private final Dispatcher dispatcher;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final long headTimeoutNanos;
  private volatile boolean stopping;

  public HttpServer11(ServerSocket socket, Dispatcher dispatcher) {
    this(socket, dispatcher, HEAD_TIMEOUT);
  }

  HttpServer11(ServerSocket socket, Dispatcher dispatcher, Duration headTimeout) {
    this.socket = socket;
    this.dispatcher = dispatcher;
    this.headTimeoutNanos = headTimeout.toNanos();
  }

  public void start() {
    Thread.ofPlatform().name("bulwark-accept").daemon(true).start(this::acceptLoop);
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!stopping) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        s.setSoTimeout(IDLE_TIMEOUT_MS);
        open.add(s);
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        if (!stopping) {
          LOG.log(Level.WARNING, "accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      try {
        loop(s);
      } catch (BadRequestException e) {
        LOG.log(Level.DEBUG, "bad request: " + e.getMessage());
        refuse(s, e.status());
      } catch (RuntimeException e) {
        // Never a stack trace per hostile request: log it, answer 400, close.
        LOG.log(Level.WARNING, "unexpected failure reading a request: " + e);
        refuse(s, 400);
      }
    } catch (SocketTimeoutException | SocketException e) {
      // idle or reset connection: nothing to answer
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "connection error: " + e.getMessage());
    } finally {
      open.remove(s);
    }
  }

  private void loop(Socket s) throws IOException {
    InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
    OutputStream out = new BufferedOutputStream(s.getOutputStream(), 8192);
    String remote = String.valueOf(s.getRemoteSocketAddress());
    boolean keepAlive = true;
    while (keepAlive && !stopping) {
      Head head = Head.read(in, MAX_HEAD_BYTES, headTimeoutNanos);
      if (head == null) {
        return;
      }
      keepAlive = head.keepAlive();
      inFlight.incrementAndGet();
      try {
        keepAlive &= exchange(head, in, out, remote);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /** A framing error: one plain-text status line, then the connection closes (as Go does). */
  private static void refuse(Socket s, int status) {
    String text = status + " " + reason(status);
    String msg =
        "HTTP/1.1 "
            + text
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: "
            + text.length()
            + "\r\n\r\n"
            + text;
    try {
      OutputStream out = s.getOutputStream();
      out.write(msg.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not answer a bad request: " + e.getMessage());
    }
  }

  /** Runs one request; returns whether the connection may be reused. */
  private boolean exchange(Head head, InputStream in, OutputStream out, String remote)
      throws IOException {
    if ("100-continue".equalsIgnoreCase(head.headers().get("expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    BodyStream body = BodyStream.of(head.headers(), in);
    String target = head.target();
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    String path;
    try {
      path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("bad percent-escape in the request path");
    }
    if (!path.startsWith("/")) {
      throw new BadRequestException("request target is not an absolute path");
    }
    Request req =
        new Request(
            head.method(), path, q < 0 ? null : target.substring(q + 1), head.headers(), body);
    Response r = dispatcher.dispatch(req, remote);
    boolean reusable = body.drain();
    write(out, r, head.method().equals("HEAD"), reusable);
    return reusable;
  }

  private static void write(OutputStream out, Response r, boolean head, boolean keepAlive)
      throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
    sb.append("Date: ").append(date()).append("\r\n");
    r.headers().forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    sb.append("Content-Length: ").append(r.body().length).append("\r\n");
    if (!keepAlive) {
      sb.append("Connection: close\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!head) {
      out.write(r.body());
    }
    out.flush();
  }

  private record CachedDate(long second, String text) {}

  private static volatile CachedDate cachedDate = new CachedDate(-1, "");

  /** The Date header, formatted once per second. */
  private static String date() {
    long now = System.currentTimeMillis() / 1000;
    CachedDate d = cachedDate;
    if (d.second() != now) {
      d = new CachedDate(now, DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
      cachedDate = d;
    }
    return d.text();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 413 -> "Request Entity Too Large";
      case 414 -> "Request URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Status";
    };
  }

  /** Stops accepting, waits up to {@code graceMillis} for in-flight requests, closes the rest. */
  @Override
  public void close() {
    stopping = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing listen socket: " + e.getMessage());
    }
  }

  public void awaitIdle(long graceMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "closing connection: " + e.getMessage());
      }
    }
    threads.shutdownNow();
  }

  /** The request line and headers. */
  record Head(String method, String target, String version, Map<String, String> headers) {
    boolean keepAlive() {
      String c = headers.getOrDefault("connection", "");
      return version.equals("HTTP/1.1")
          ? !c.equalsIgnoreCase("close")
          : c.equalsIgnoreCase("keep-alive");
    }

    /** Reads a request head; {@code null} at a clean end of stream before any byte. */
    static Head read(InputStream in, int max, long timeoutNanos) throws IOException {
      // The clock starts at the first byte: an idle keep-alive connection is governed by the
      // socket's idle timeout, not by this deadline.
      in.mark(1);
      if (in.read() < 0) {
        return null;
      }
      in.reset();
      long deadline = System.nanoTime() + timeoutNanos;
      String line;
      try {
        line = Lines.read(in, max, deadline);
      } catch (BadRequestException e) {
        throw e.status() == 408 ? e : new BadRequestException(414, e.getMessage());
      }
      if (line == null) {
        return null;
      }
      String[] parts = line.split(" ", -1);
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new BadRequestException("bad request line");
      }
      Map<String, String> headers = new HashMap<>();
      int total = line.length();
      while (true) {
        String h;
        try {
          h = Lines.read(in, max, deadline);
        } catch (BadRequestException e) {
          throw e.status() == 408 ? e : new BadRequestException(431, e.getMessage());
        }
        if (h == null) {
          throw new BadRequestException("connection closed inside the request head");
        }
        if (h.isEmpty()) {
          break;
        }
        total += h.length();
        int colon = h.indexOf(':');
        if (total > max || headers.size() > 100) {
          throw new BadRequestException(431, "request head larger than " + max + " bytes");
        }
        if (colon <= 0 || Character.isWhitespace(h.charAt(colon - 1)) || h.charAt(0) <= ' ') {
          // RFC 9112 5.1: no whitespace between the field name and the colon, no obs-fold.
          throw new BadRequestException("malformed header line");
        }
        headers.merge(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            h.substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      return new Head(parts[0], parts[1], parts[2], headers);
    }
  }
}
