package dev.bulwark.trust.core.model;

import dev.bulwark.trust.core.crypto.KeyAlgorithm;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Key pairs generated once per test run (RSA generation is slow), reused across dialects. */
final class TestKeys {
  private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

  private TestKeys() {}

  /** The {@code index}-th key pair of {@code alg}, as a signing key in {@code dialect}. */
  static SigningKey key(Dialect dialect, KeyAlgorithm alg, int index) {
    KeyPair pair = PAIRS.computeIfAbsent(alg + "/" + index, k -> alg.generate());
    return SigningKey.of(dialect, pair.getPrivate(), Key.of(dialect, pair.getPublic()));
  }
}
