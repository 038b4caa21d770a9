package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Key pairs generated once per test run (RSA generation is slow), reused across dialects. */
final class TestKeys {
  private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

  private TestKeys() {}

  // RSA at the 2048-bit minimum: generation is several times faster than the 3072-bit default.
  private static KeyPair generate(KeyAlgorithm alg) {
    if (alg != KeyAlgorithm.RSA) {
      return alg.generate();
    }
    try {
      java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code index}-th key pair of {@code alg}, as a signing key in {@code dialect}. */
  static SigningKey key(Dialect dialect, KeyAlgorithm alg, int index) {
    KeyPair pair = PAIRS.computeIfAbsent(alg + "/" + index, k -> generate(alg));
    return SigningKey.of(dialect, pair.getPrivate(), Key.of(dialect, pair.getPublic()));
  }
}
