package dev.bulwark.trust.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.error.ExpiredMetadataException;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.VersionMismatchException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TUF 5.6: targets roles, delegations and the pre-order depth-first search. */
class TargetSearchTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Delegations {delegator, role, paths...}; publishes everything. */
  private static ClientFixture graph(Path dir, String[]... edges) {
    ClientFixture f = new ClientFixture(dir);
    for (String[] e : edges) {
      boolean terminating = e[1].endsWith("!");
      String role = terminating ? e[1].substring(0, e[1].length() - 1) : e[1];
      List<String> paths = e.length > 2 ? List.of(e).subList(2, e.length) : List.of("*");
      f.repo.delegate(e[0], role, terminating, paths);
    }
    f.repo.bumpTargets("targets");
    for (String role : f.repo.targetsRoles()) {
      if (!role.equals("targets")) {
        f.repo.publishTargets(role);
      }
    }
    f.repo.updateSnapshot();
    return f;
  }

  private static List<String> searchOrder(ClientFixture f, String target) throws Exception {
    Updater u = f.updater();
    u.refresh();
    f.repo.clearRequests();
    assertThatThrownBy(() -> u.findTarget(target)).isInstanceOf(TargetNotFoundException.class);
    return f.repo.metadataRequests();
  }

  @Test
  void search_isPreOrderDepthFirstInDelegationOrder() throws Exception {
    ClientFixture f =
        graph(
            dir,
            new String[] {"targets", "A"},
            new String[] {"targets", "B"},
            new String[] {"A", "C"},
            new String[] {"A", "D"});
    assertThat(searchOrder(f, "missing"))
        .containsExactly("1.A.json", "1.C.json", "1.D.json", "1.B.json");
  }

  @Test
  void terminatingDelegation_abandonsSiblingsAndAncestorsSiblings() throws Exception {
    ClientFixture f =
        graph(
            dir,
            new String[] {"targets", "A"},
            new String[] {"targets", "B"},
            new String[] {"A", "C!"},
            new String[] {"A", "D"});
    assertThat(searchOrder(f, "missing")).containsExactly("1.A.json", "1.C.json");
  }

  @Test
  void cycle_visitsEachRoleOnce() throws Exception {
    ClientFixture f =
        graph(
            dir,
            new String[] {"targets", "A"},
            new String[] {"targets", "B"},
            new String[] {"B", "C"},
            new String[] {"C", "D"},
            new String[] {"D", "B"});
    assertThat(searchOrder(f, "missing"))
        .containsExactly("1.A.json", "1.B.json", "1.C.json", "1.D.json");
  }

  @Test
  void branchesWhosePathsDoNotMatch_areNotVisited() throws Exception {
    ClientFixture f =
        graph(
            dir,
            new String[] {"targets", "A", "*.py"},
            new String[] {"targets", "B"},
            new String[] {"A", "C"});
    assertThat(searchOrder(f, "missing")).containsExactly("1.B.json");
  }

  @Test
  void maxDelegations_boundsTheSearch() throws Exception {
    ClientFixture f =
        graph(
            dir,
            new String[] {"targets", "A"},
            new String[] {"A", "B"},
            new String[] {"B", "C"},
            new String[] {"C", "D"});
    f.config = f.config.withMaxDelegations(3); // targets, A, B
    assertThat(searchOrder(f, "missing")).containsExactly("1.A.json", "1.B.json");
  }

  @Test
  void targetListedByRoleNotTrustedForItsPath_isNotFound() throws Exception {
    ClientFixture f =
        graph(
            dir,
            new String[] {"targets", "B", "releases/*/*"},
            new String[] {"B", "D", "releases/y/*.zip"});
    f.repo.addTarget("D", "releases/z/z.zip", bytes("z"));
    f.repo.bumpTargets("D");
    f.repo.updateSnapshot();
    assertThat(searchOrder(f, "releases/z/z.zip")).containsExactly("1.B.json");
  }

  @Test
  void targetInDelegatedRole_isFoundAndRoleIsPersisted() throws Exception {
    ClientFixture f = graph(dir, new String[] {"targets", "A", "*.md"});
    f.repo.addTarget("A", "README.md", bytes("read me"));
    f.repo.bumpTargets("A");
    f.repo.updateSnapshot();
    TargetInfo t = f.updater().findTarget("README.md");
    assertThat(t.role()).isEqualTo("A");
    assertThat(f.stored("A")).hasValue(f.repo.peek("metadata/2.A.json").orElseThrow());
  }

  @Test
  void unusualRoleNames_areEncodedInUrlsAndFileNames() throws Exception {
    ClientFixture f =
        graph(dir, new String[] {"targets", "../evil"}, new String[] {"targets", "a?b#c"});
    assertThat(searchOrder(f, "x")).containsExactly("1...%2Fevil.json", "1.a%3Fb%23c.json");
    assertThat(f.metadataDir.resolve("..%2Fevil.json")).exists();
    assertThat(dir.resolve("evil.json")).doesNotExist();
  }

  @Test
  void step5_6_4_roleMissingFromSnapshot_isNeverFetched() throws Exception {
    ClientFixture f = graph(dir, new String[] {"targets", "A"});
    f.repo.forgetRole("A");
    f.repo.updateSnapshot();
    Updater u = f.updater();
    u.refresh();
    f.repo.clearRequests();
    assertThatThrownBy(() -> u.findTarget("x")).isInstanceOf(RoleNotInSnapshotException.class);
    assertThat(f.repo.metadataRequests()).isEmpty();
    assertThat(f.stored("A")).isEmpty();
  }

  @Test
  void step5_6_3_delegatedRoleSignedByWrongKey_isRefused() throws Exception {
    ClientFixture f = graph(dir, new String[] {"targets", "A"});
    f.repo.signers("A").set(0, f.repo.signers("targets").getFirst());
    f.repo.bumpTargets("A");
    f.repo.updateSnapshot();
    assertThatThrownBy(() -> f.updater().findTarget("x"))
        .isInstanceOf(ThresholdNotMetException.class);
    assertThat(f.stored("A")).isEmpty();
  }

  @Test
  void step5_6_4_targetsVersionDifferentFromSnapshot_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    f.repo.put("metadata/2.targets.json", f.repo.peek("metadata/1.targets.json").orElseThrow());
    assertThatThrownBy(f::refresh).isInstanceOf(VersionMismatchException.class);
    assertThat(f.stored("targets")).isEmpty();
  }

  @Test
  void step5_6_5_expiredTargets_isRefused() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    f.repo.setExpiry("targets", ClientFixture.NOW);
    f.repo.bumpTargets("targets");
    f.repo.updateSnapshot();
    assertThatThrownBy(f::refresh).isInstanceOf(ExpiredMetadataException.class);
    assertThat(f.stored("targets")).isEmpty();
    assertThat(f.storedVersion("snapshot")).isEqualTo(2);
  }

  @Test
  void hashBins_visitExactlyOneBin() throws Exception {
    ClientFixture f = new ClientFixture(dir);
    var bins = f.repo.delegateHashBins("targets", 4, "bin");
    f.repo.addTarget(bins.roleNameFor("a/b.txt"), "a/b.txt", bytes("b"));
    f.repo.bumpTargets("targets");
    for (String bin : bins.roleNames()) {
      f.repo.publishTargets(bin);
    }
    f.repo.bumpTargets(bins.roleNameFor("a/b.txt"));
    f.repo.updateSnapshot();
    Updater u = f.updater();
    u.refresh();
    f.repo.clearRequests();
    assertThat(u.findTarget("a/b.txt").role()).isEqualTo(bins.roleNameFor("a/b.txt"));
    assertThat(f.repo.metadataRequests())
        .containsExactly("2." + bins.roleNameFor("a/b.txt") + ".json");
    assertThat(u.listTargets(100)).containsOnlyKeys("a/b.txt");
  }
}
