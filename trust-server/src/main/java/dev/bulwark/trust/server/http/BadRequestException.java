package dev.bulwark.trust.server.http;

import java.io.IOException;

/** The bytes on the connection are not an HTTP/1.1 request we accept; the connection closes. */
final class BadRequestException extends IOException {
  BadRequestException(String message) {
    super(message);
  }
}
