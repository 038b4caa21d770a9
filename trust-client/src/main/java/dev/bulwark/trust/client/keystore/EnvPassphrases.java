package dev.bulwark.trust.client.keystore;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Passphrases from environment variables {@code BULWARK_<ALIAS>_PASSPHRASE} (then Notary's {@code
 * NOTARY_<ALIAS>_PASSPHRASE}), where the alias is ROOT, TARGETS, SNAPSHOT or DELEGATION (any {@code
 * targets/...} role); falls back to another source when neither is set. A variable is never
 * retried: if it is wrong the request fails instead of looping.
 */
public final class EnvPassphrases implements PassphraseSource {
  private final Map<String, String> env;
  private final PassphraseSource fallback;

  public EnvPassphrases(Map<String, String> env, PassphraseSource fallback) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** The process environment, then the console. */
  public static EnvPassphrases fromSystem() {
    return new EnvPassphrases(System.getenv(), new ConsolePassphrases());
  }

  @Override
  public char[] passphrase(PassphraseRequest request) throws KeystoreException {
    String alias = request.alias().toUpperCase(Locale.ROOT);
    for (String prefix : new String[] {"BULWARK_", "NOTARY_"}) {
      String name = prefix + alias + "_PASSPHRASE";
      String value = env.get(name);
      if (value != null) {
        if (request.attempt() > 0) {
          throw new WrongPassphraseException(
              "wrong passphrase for "
                  + request.role()
                  + " key "
                  + request.shortKeyId()
                  + " (taken from "
                  + name
                  + ")");
        }
        return value.toCharArray();
      }
    }
    return fallback.passphrase(request);
  }
}
