package dev.bulwark.testkit.notary;

import java.util.Map;

/** The storage sections of the server and signer configs, plus env the signer needs. */
record StorageConfig(
    String serverStorageJson, String signerStorageJson, Map<String, String> signerEnv) {
  StorageConfig {
    signerEnv = Map.copyOf(signerEnv);
  }
}
