package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.tuf.RepositorySimulator;
import dev.bulwark.trust.client.store.InMemoryMetadataStore;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.Root;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load order, the root hook, bootstrapping, and re-verification of roles with two delegators. */
class TrustedMetadataSetTest {
  @TempDir Path dir;

  private static byte[] file(RepositorySimulator repo, String name) {
    return repo.peek("metadata/" + name).orElseThrow();
  }

  @Test
  void loadOrder_isEnforced() throws Exception {
    RepositorySimulator repo =
        new RepositorySimulator(Clock.fixed(ClientFixture.NOW, ZoneOffset.UTC));
    TrustedMetadataSet set =
        new TrustedMetadataSet(
            repo.initialRoot(), ClientFixture.NOW, Dialect.TUF, RootValidator.NONE);
    assertThatThrownBy(() -> set.updateSnapshot(file(repo, "1.snapshot.json"), false))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> set.updateTargets(file(repo, "1.targets.json"), "targets", "root"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(set.updateTimestamp(file(repo, "timestamp.json"))).isTrue();
    assertThatThrownBy(() -> set.updateRoot(repo.initialRoot()))
        .isInstanceOf(IllegalStateException.class);
    set.updateSnapshot(file(repo, "1.snapshot.json"), false);
    set.updateTargets(file(repo, "1.targets.json"), "targets", "root");
    assertThatThrownBy(() -> set.updateTimestamp(file(repo, "timestamp.json")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(set.targets("targets")).isPresent();
  }

  @Test
  void rootValidator_canRefuseARotation_andNothingIsPersisted() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.bumpRoot();
    RootValidator pinning =
        new RootValidator() {
          @Override
          public void checkNewRoot(Metadata<Root> trusted, Metadata<Root> candidate)
              throws TrustException {
            throw new TrustException("not pinned");
          }
        };
    Updater u =
        Updater.builder()
            .store(f.store)
            .layout(
                new TufRemoteLayout(
                    SimulatorFetcher.METADATA, Optional.of(SimulatorFetcher.TARGETS)))
            .fetcher(f.fetcher)
            .clock(f.clock)
            .rootValidator(pinning)
            .build();
    assertThatThrownBy(u::refresh).hasMessage("not pinned");
    assertThat(f.storedVersion("root")).isEqualTo(1);
  }

  @Test
  void bootstrapRoot_isVerifiedThenPersisted() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    InMemoryMetadataStore store = new InMemoryMetadataStore();
    Updater.builder()
        .store(store)
        .layout(new TufRemoteLayout(SimulatorFetcher.METADATA, Optional.empty()))
        .fetcher(f.fetcher)
        .clock(f.clock)
        .bootstrapRoot(f.repo.initialRoot())
        .build()
        .refresh();
    assertThat(store.read("root")).hasValue(f.repo.initialRoot());
    assertThat(store.read("targets")).isPresent();
  }

  @Test
  void roleReachedThroughASecondDelegator_isVerifiedAgainstThatDelegator() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.delegate("targets", "A", false, List.of("*"));
    f.repo.delegate("targets", "B", false, List.of("*"));
    f.repo.delegate("A", "C", false, List.of("*"));
    f.repo.delegate("B", "C", false, List.of("*"));
    f.repo.delegate("B", "D", false, List.of("*"));
    // B trusts a different key for C than the one that signs it.
    var other = f.repo.delegate("B", "D", false, List.of("*"));
    var b = f.repo.targets("B");
    var d = b.delegations().orElseThrow();
    var cViaB =
        new dev.bulwark.trust.core.model.DelegatedRole(
            "C", List.of(other.keyId()), 1, false, Optional.of(List.of("*")), Optional.empty());
    f.repo.setTargets(
        "B",
        new dev.bulwark.trust.core.model.Targets(
            b.version(),
            b.expires(),
            b.specVersion(),
            b.targets(),
            Optional.of(
                new dev.bulwark.trust.core.model.Delegations(
                    d.keys(), List.of(cViaB, d.roles().get(1)), Optional.empty())),
            b.unrecognized()));
    f.repo.bumpTargets("targets");
    f.repo.publishTargets("A", "B", "C", "D");
    f.repo.updateSnapshot();
    Updater u = f.updater();
    u.refresh();
    TargetsLoader loader =
        new TargetsLoader(
            u.trustedMetadata().orElseThrow(),
            f.store,
            new TufRemoteLayout(SimulatorFetcher.METADATA, Optional.empty()),
            f.fetcher,
            f.config);
    loader.load("A", "targets");
    loader.load("C", "A"); // fine via A
    loader.load("B", "targets");
    assertThatThrownBy(() -> loader.load("C", "B")).isInstanceOf(ThresholdNotMetException.class);
  }
}
