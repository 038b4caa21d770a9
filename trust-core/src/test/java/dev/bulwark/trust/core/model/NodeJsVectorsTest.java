package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.trust.core.error.TrustException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** TUF metadata signed by Node.js crypto + @tufjs/canonical-json verifies here (interop). */
class NodeJsVectorsTest {

  private static byte[] read(String name) {
    try (InputStream in = NodeJsVectorsTest.class.getResourceAsStream("/tuf/nodejs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /tuf/nodejs/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void rootSignedByEd25519EcdsaAndRsaPss_verifiesWithComputedKeyIds() throws TrustException {
    Metadata<Root> root = Metadata.parseRoot(Dialect.TUF, read("root.json"));
    assertThat(root.signed().verify(RoleType.ROOT, root)).hasSize(3);
    root.signed().keys().forEach((listed, key) -> assertThat(key.id()).isEqualTo(listed));
    assertThat(root.signed().unrecognized().members()).containsKey("x-unknown");
  }

  @Test
  void targetsWithCustomDataAndSuccinctRoles_verify() throws TrustException {
    Root root = Metadata.parseRoot(Dialect.TUF, read("root.json")).signed();
    Metadata<Targets> targets = Metadata.parseTargets(Dialect.TUF, read("targets.json"));
    assertThat(root.verify(RoleType.TARGETS, targets)).hasSize(3);
    assertThat(targets.signed().delegations().orElseThrow().succinctRoles()).isPresent();
    assertThat(targets.signed().targets().get("a/b.txt").custom()).isPresent();
  }
}
