package dev.bulwark.trust.server.http;

import java.io.IOException;

/**
 * The bytes on the connection are not an HTTP/1.1 request we accept: answered with {@link
 * #status()} (400, or 414/431 for an oversized request line/head, as Go's net/http does) and the
 * connection closes.
 */
final class BadRequestException extends IOException {
  private final int status;

  BadRequestException(String message) {
    this(400, message);
  }

  BadRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
