package dev.bulwark.trust.core.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import dev.bulwark.trust.core.error.ThresholdNotMetException;
import dev.bulwark.trust.core.error.TrustException;
import dev.bulwark.trust.core.error.VersionMismatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TUF 5.3.4 / 5.3.5 root rotation rules through {@link Root#verifySuccessor}. */
class RootRotationTest {
  private static final Dialect T = Dialect.TUF;

  private static SigningKey k(int i) {
    return TestKeys.key(T, KeyAlgorithm.ECDSA_P256, i);
  }

  private static Metadata<Root> signedRoot(
      long v, List<SigningKey> listed, int threshold, List<SigningKey> signers)
      throws TrustException {
    return Metadata.parseRoot(
        T, Metadata.sign(T, Fixtures.root(v, listed, threshold), signers).rawBytes());
  }

  @Test
  void oneOfOneKeyRotation_signedByOldAndNew_isAccepted() throws TrustException {
    Root v1 = signedRoot(1, List.of(k(0)), 1, List.of(k(0))).signed();
    Metadata<Root> v2 = signedRoot(2, List.of(k(1)), 1, List.of(k(0), k(1)));
    assertThatCode(() -> v1.verifySuccessor(v2)).doesNotThrowAnyException();
  }

  @Test
  void rotationNotSignedWithOldKey_isRefused() throws TrustException {
    Root v1 = signedRoot(1, List.of(k(0)), 1, List.of(k(0))).signed();
    Metadata<Root> v2 = signedRoot(2, List.of(k(1)), 1, List.of(k(1)));
    assertThatThrownBy(() -> v1.verifySuccessor(v2)).isInstanceOf(ThresholdNotMetException.class);
  }

  @Test
  void rotationNotSignedWithNewKey_isRefused() throws TrustException {
    Root v1 = signedRoot(1, List.of(k(0)), 1, List.of(k(0))).signed();
    Metadata<Root> v2 = signedRoot(2, List.of(k(1)), 1, List.of(k(0)));
    assertThatThrownBy(() -> v1.verifySuccessor(v2)).isInstanceOf(ThresholdNotMetException.class);
  }

  @Test
  void newThresholdNotReached_isRefused() throws TrustException {
    Root v1 = signedRoot(1, List.of(k(0), k(1), k(2)), 2, List.of(k(0), k(1))).signed();
    Metadata<Root> v2 = signedRoot(2, List.of(k(0), k(1), k(2)), 3, List.of(k(0), k(1)));
    assertThatThrownBy(() -> v1.verifySuccessor(v2))
        .isInstanceOf(ThresholdNotMetException.class)
        .hasMessageContaining("at least 3");
  }

  @Test
  void skippedVersion_isRefused() throws TrustException {
    Root v1 = signedRoot(1, List.of(k(0)), 1, List.of(k(0))).signed();
    Metadata<Root> v3 = signedRoot(3, List.of(k(0)), 1, List.of(k(0)));
    assertThatThrownBy(() -> v1.verifySuccessor(v3))
        .isInstanceOf(VersionMismatchException.class)
        .hasMessageContaining("expected version 2, found 3");
  }

  @Test
  void notaryChainFixture_passesVerifySuccessor() throws TrustException {
    Metadata<Root> prev =
        Metadata.parseRoot(Dialect.NOTARY, NotaryFixtures.read("versions/1.root.json"));
    for (int v = 2; v <= 6; v++) {
      Metadata<Root> next =
          Metadata.parseRoot(Dialect.NOTARY, NotaryFixtures.read("versions/" + v + ".root.json"));
      prev.signed().verifySuccessor(next);
      prev = next;
    }
  }

  @Test
  void notaryRootSkippingAVersion_isRefused() throws TrustException {
    Root v1 =
        Metadata.parseRoot(Dialect.NOTARY, NotaryFixtures.read("versions/1.root.json")).signed();
    Metadata<Root> v3 =
        Metadata.parseRoot(Dialect.NOTARY, NotaryFixtures.read("versions/3.root.json"));
    assertThatThrownBy(() -> v1.verifySuccessor(v3)).isInstanceOf(TrustException.class);
  }
}
