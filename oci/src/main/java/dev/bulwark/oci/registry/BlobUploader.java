package dev.bulwark.oci.registry;

import dev.bulwark.oci.Digest;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/** {@code PUT <upload location>?digest=<digest>} with the whole blob (monolithic upload). */
final class BlobUploader implements RegistryEndpoint<Void> {
  private final String location;
  private final Digest digest;
  private final Path file;

  BlobUploader(String location, Digest digest, Path file) {
    this.location = location;
    this.digest = digest;
    this.file = file;
  }

  @Override
  public String method() {
    return "PUT";
  }

  @Override
  public String target() {
    String sep = location.contains("?") ? "&" : "?";
    return location
        + sep
        + "digest="
        + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
  }

  @Override
  public HttpRequest.BodyPublisher body() {
    try {
      return HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new IllegalStateException("verified blob vanished: " + file, e);
    }
  }

  @Override
  public String contentType() {
    return "application/octet-stream";
  }

  @Override
  public Set<Integer> success() {
    return Set.of(201, 204);
  }

  @Override
  public Void handle(HttpResponse<InputStream> response) {
    return null;
  }

  @Override
  public String action() {
    return "upload blob " + digest;
  }
}
