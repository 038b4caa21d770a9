package dev.bulwark.benchmarks;

import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.trust.client.TufRemoteLayout;
import dev.bulwark.trust.client.Updater;
import dev.bulwark.trust.client.fetch.Fetcher;
import dev.bulwark.trust.client.fetch.LengthExceededException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.client.store.MetadataStore;
import dev.bulwark.trust.core.model.SuccinctRoles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole TUF client workflow (trust-client {@code Updater}) against an in-memory repository
 * (testkit simulator) with {@code targetCount} targets spread over 256 TAP 15 hash bins:
 *
 * <ul>
 *   <li>{@code coldFullRefresh}: empty cache; root, timestamp, snapshot (258 roles), targets, then
 *       every bin (as {@code trust list} does): 260 verified documents.
 *   <li>{@code coldFindOneTarget}: empty cache; top-level refresh plus the one bin of a target.
 *   <li>{@code warmRefresh}: everything cached and current: 2 requests, local files re-verified.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RefreshBenchmark {
  private static final URI METADATA = URI.create("sim:/metadata/");

  @Param({"10000"})
  public int targetCount;

  private RepositorySimulator repo;
  private Fetcher fetcher;
  private MetadataStore warmStore;
  private String someTarget;

  @Setup
  public void setUp() throws Exception {
    repo = new RepositorySimulator(Clock.systemUTC());
    SuccinctRoles bins = repo.delegateHashBins("targets", 8, "bin");
    for (int i = 0; i < targetCount; i++) {
      String path = "pkg/" + i + "/artifact-" + i + ".tar.gz";
      repo.addTarget(
          bins.roleNameFor(path), path, ("content " + i).getBytes(StandardCharsets.UTF_8));
    }
    someTarget = "pkg/4242/artifact-4242.tar.gz";
    repo.bumpTargets("targets");
    repo.bumpTargets(bins.roleNames().toArray(String[]::new));
    repo.updateSnapshot();
    fetcher = this::serve;
    warmStore = newStore();
    Updater warm = updater(warmStore);
    warm.listTargets(1000);
  }

  private byte[] serve(URI uri, long maxLength)
      throws RemoteNotFoundException, LengthExceededException {
    byte[] body =
        repo.serve(uri.getRawPath().substring(1))
            .orElseThrow(() -> new RemoteNotFoundException(uri, "not found: " + uri));
    if (body.length > maxLength) {
      throw new LengthExceededException(uri, maxLength);
    }
    return body;
  }

  private MetadataStore newStore() throws Exception {
    InMemoryMetadataStore store = new InMemoryMetadataStore();
    store.write("root", repo.initialRoot());
    return store;
  }

  private Updater updater(MetadataStore store) {
    return Updater.builder()
        .store(store)
        .layout(new TufRemoteLayout(METADATA, Optional.empty()))
        .fetcher(fetcher)
        .build();
  }

  @Benchmark
  public int coldFullRefresh() throws Exception {
    repo.clearRequests();
    return updater(newStore()).listTargets(1000).size();
  }

  @Benchmark
  public Object coldFindOneTarget() throws Exception {
    repo.clearRequests();
    return updater(newStore()).findTarget(someTarget);
  }

  @Benchmark
  public Object warmRefresh() throws Exception {
    repo.clearRequests();
    Updater u = updater(warmStore);
    u.refresh();
    return u.trustedMetadata();
  }
}
