package dev.bulwark.trust.server.http;

/** Answers one route. Errors are thrown, never written by the handler. */
@FunctionalInterface
public interface Handler {
  Response handle(Call call) throws ApiException;
}
