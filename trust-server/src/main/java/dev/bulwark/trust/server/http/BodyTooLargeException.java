package dev.bulwark.trust.server.http;

import java.io.IOException;

/** Thrown by the request body stream once more than the configured limit was read. */
final class BodyTooLargeException extends IOException {
  BodyTooLargeException(long limit) {
    super("request body exceeds the limit of " + limit + " bytes");
  }
}
