package dev.bulwark.oci.registry;

import dev.bulwark.oci.OciException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

/** One registry route: how to ask, and what to make of a successful answer. */
interface RegistryEndpoint<T> {
  String method();

  /** A path below the registry's origin ({@code /v2/...}) or an absolute URL it handed out. */
  String target();

  default List<String> accept() {
    return List.of();
  }

  default HttpRequest.BodyPublisher body() {
    return HttpRequest.BodyPublishers.noBody();
  }

  default String contentType() {
    return null;
  }

  /** Statuses handed to {@link #handle}; anything else becomes an error. */
  Set<Integer> success();

  /** Whether a 404 means "absent" (handled) rather than an error. */
  default boolean notFoundIsAnswer() {
    return false;
  }

  T handle(HttpResponse<InputStream> response) throws IOException, OciException;

  /** For error messages: "pull manifest sha256:... of library/alpine". */
  String action();
}
