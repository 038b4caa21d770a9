package dev.bulwark.cli.trust;

import static dev.bulwark.cli.trust.BulwarkServerThresholdIT.RELEASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.cli.trust.BulwarkServer.Db;
import dev.bulwark.testkit.notary.Certs;
import dev.bulwark.testkit.notary.NotaryCli;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.notary.NotaryCollection;
import dev.bulwark.trust.client.repo.RepoContext;
import dev.bulwark.trust.client.repo.ServerRefusedException;
import dev.bulwark.trust.core.crypto.PublicKeys;
import dev.bulwark.trust.core.model.DelegatedRole;
import dev.bulwark.trust.core.model.Delegations;
import dev.bulwark.trust.core.model.Dialect;
import dev.bulwark.trust.core.model.Key;
import dev.bulwark.trust.core.model.Metadata;
import dev.bulwark.trust.core.model.RoleType;
import dev.bulwark.trust.core.model.SigningKey;
import dev.bulwark.trust.core.model.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delegation edge cases where Bulwark's server must behave as notary-server does, found by
 * comparing the two: the real client keeps publishing after a delegation's paths are narrowed, and
 * delegations the real client cannot load are refused instead of stored.
 */
class BulwarkServerDelegationIT {
  @TempDir static Path tmp;
  static BulwarkServers servers;

  @BeforeAll
  static void setUp() {
    TrustCli.requirePassphraseEnvironment();
    servers = new BulwarkServers(tmp);
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void afterADelegationsPathsAreNarrowed_realNotaryAndBulwarkKeepPublishingToIt() throws Exception {
    BulwarkServer server = servers.get(Db.H2);
    String gun = "localhost:5000/delegation/narrowed";
    Path dir = tmp.resolve("narrowed");
    NotaryCli owner = server.notary(dir.resolve("owner"));
    owner.runOk("init", "-p", gun);
    Path cert =
        Certs.issue(
            dir.resolve("deleg"),
            server.tls().caCert(),
            server.tls().caKey(),
            "releases",
            "releases",
            Certs.noEkuExtensions());
    owner.runOk("delegation", "add", "-p", gun, RELEASES, cert.toString(), "--all-paths");
    owner.runOk("key", "import", dir.resolve("deleg/releases.key").toString(), "--role", RELEASES);
    owner.runOk("addhash", "-p", gun, "old/a", "3", "--sha256", "ab".repeat(32), "-r", RELEASES);
    owner.runOk("delegation", "remove", "-p", gun, RELEASES, "--all-paths");
    owner.runOk("delegation", "add", "-p", gun, RELEASES, "--paths", "new/");

    // targets/releases still lists old/a, now outside its paths: notary-server stores the next
    // version anyway (clients skip old/a), and so must Bulwark's server.
    owner.runOk("addhash", "-p", gun, "new/b", "3", "--sha256", "cd".repeat(32), "-r", RELEASES);
    TrustCli bulwark = server.bulwark(owner.trustDir());
    bulwark.runOk("add", gun, "new/c", "--sha256", "ef".repeat(32), "--size", "3", "-r", RELEASES);
    bulwark.runOk("publish", gun);
    BulwarkServerSigningIT.assertSameAsRealNotary(
        server.bulwark(dir.resolve("reader")),
        server.notary(dir.resolve("real-reader")),
        gun,
        "new/b",
        "new/c");
  }

  @Test
  void delegationsTheRealClientCannotLoad_areRefused_andTheCollectionStaysReadable()
      throws Exception {
    BulwarkServer server = servers.get(Db.H2);
    String gun = "localhost:5000/delegation/structure";
    Path dir = tmp.resolve("structure");
    TrustCli owner = server.bulwark(dir.resolve("owner"));
    owner.runOk("init", "--server-snapshot", gun);
    owner.runOk("add", gun, "v1", "--sha256", "11".repeat(32), "--size", "1");
    owner.runOk("publish", gun);
    Path pub = BulwarkServerThresholdIT.delegationKey(owner, dir.resolve("k"));
    Key key = Key.of(Dialect.NOTARY, PublicKeys.fromPem(Files.readString(pub)));

    RepoContext ctx = server.context(dir.resolve("owner"));
    NotaryCollection c = ctx.reader().read(new Gun(gun));
    Map<String, String> bad =
        Map.of(
            "releases",
            "delegation role releases invalid",
            "targets/a/b",
            "delegation role targets/a/b invalid",
            RELEASES,
            "specified in " + RELEASES + " without corresponding key");
    for (var e : bad.entrySet()) {
      boolean dropKey = e.getKey().equals(RELEASES);
      Delegations d =
          new Delegations(
              dropKey ? Map.of() : Map.of(key.id(), key),
              List.of(
                  new DelegatedRole(
                      e.getKey(),
                      List.of(key.id()),
                      1,
                      false,
                      Optional.of(List.of("")),
                      Optional.empty())),
              Optional.empty());
      byte[] forged = signedTargets(ctx, c, d);
      assertThatThrownBy(() -> ctx.writer().update(new Gun(gun), Map.of("targets", forged)))
          .as(e.getKey())
          .isInstanceOfSatisfying(
              ServerRefusedException.class, x -> assertThat(x.code()).isEqualTo("INVALID_UPDATE"))
          .hasMessageContaining(e.getValue());
    }
    BulwarkServerSigningIT.assertSameAsRealNotary(
        server.bulwark(dir.resolve("reader")), server.notary(dir.resolve("real")), gun, "v1");
  }

  /** The current targets with {@code d} as delegations, version + 1, signed by the targets key. */
  private static byte[] signedTargets(RepoContext ctx, NotaryCollection c, Delegations d)
      throws Exception {
    Targets t = c.targets().getFirst().metadata().signed();
    Targets next =
        new Targets(
            t.version() + 1,
            t.expires(),
            t.specVersion(),
            t.targets(),
            Optional.of(d),
            t.unrecognized());
    String id = c.root().signed().role(RoleType.TARGETS).keyIds().getFirst();
    UnlockedKey targetsKey = ctx.keyStore().unlock(id);
    Key pub = c.root().signed().keys().get(id);
    return Metadata.sign(
            Dialect.NOTARY,
            next,
            List.of(SigningKey.of(Dialect.NOTARY, targetsKey.privateKey(), pub)))
        .rawBytes();
  }
}
