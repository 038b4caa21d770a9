package dev.bulwark.trust.client;

import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import java.net.URI;

/** Serves a {@link RepositorySimulator} as a {@link Fetcher} ({@code sim:/metadata/…}). */
final class SimulatorFetcher implements Fetcher {
  static final URI METADATA = URI.create("sim:/metadata/");
  static final URI TARGETS = URI.create("sim:/targets/");

  private final RepositorySimulator repo;

  SimulatorFetcher(RepositorySimulator repo) {
    this.repo = repo;
  }

  @Override
  public byte[] fetch(URI uri, long maxLength) throws DownloadException {
    String path = uri.getRawPath().substring(1);
    byte[] body =
        repo.serve(path).orElseThrow(() -> new RemoteNotFoundException(uri, uri + " not found"));
    if (body.length > maxLength) {
      throw new LengthExceededException(uri, maxLength);
    }
    return body;
  }
}
