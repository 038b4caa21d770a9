package dev.bulwark.cli.trust;

import dev.bulwark.trust.client.keystore.KeyAlgorithm;
import dev.bulwark.trust.client.keystore.StoredKey;
import dev.bulwark.trust.client.keystore.UnlockedKey;
import dev.bulwark.trust.client.notary.Gun;
import dev.bulwark.trust.client.repo.ExpiryPolicy;
import dev.bulwark.trust.client.repo.Staging;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bulwark trust key ...}: the private keys of the trust dir. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the private keys in the trust dir (private/<key id>.key, PKCS#8 encrypted with"
          + " PBES2: PBKDF2-HMAC-SHA1 + AES-256-CBC, the format the notary client reads and writes)."
          + " Private key material is never printed: export writes the encrypted file."
    },
    footer = {
      "",
      "Examples:",
      "  bulwark trust key list",
      "  bulwark trust key generate --role targets/releases -o alice   # alice.pub for 'delegation add'",
      "  bulwark trust key export 1f0e...c4 -o backup.key",
      "  bulwark trust key import backup.key",
      "  bulwark trust key rotate example.com/app targets",
      "  bulwark trust key rotate example.com/app snapshot -r          # hand snapshot to the server"
    })
public final class KeyCommand implements Callable<Integer> {
  @ParentCommand TrustCommand trust;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List keys: role, GUN, key ID, file.")
  int list() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var keys = SigningSupport.context(trust).keyStore().list();
    if (keys.isEmpty()) {
      out.println("No signing keys found.");
    } else {
      out.printf("%-20s %-36s %-64s %s%n", "ROLE", "GUN", "KEY ID", "LOCATION");
      for (StoredKey k : keys) {
        out.printf("%-20s %-36s %-64s %s%n", k.role(), k.gun(), k.keyId(), k.file());
      }
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Generate a key; print (or write -o PREFIX.pub) its public key PEM.")
  int generate(
      @Option(
              names = "--role",
              defaultValue = "delegation",
              description = "Role the key is for (default: delegation).")
          String role,
      @Option(
              names = "--gun",
              defaultValue = "",
              description = "Collection (targets/snapshot keys).")
          String gun,
      @Option(
              names = "--algorithm",
              defaultValue = "ecdsa",
              description = "ecdsa (default), ed25519 or rsa.")
          String alg,
      @Option(
              names = {"-o", "--output"},
              paramLabel = "PREFIX",
              description = "Write PREFIX.pub.")
          Path prefix)
      throws Exception {
    UnlockedKey k =
        SigningSupport.context(trust).keyStore().generate(role, gun, KeyAlgorithm.parse(alg));
    String pem = Staging.publicPem(k.publicKey());
    PrintWriter out = spec.commandLine().getOut();
    if (prefix != null) {
      Path pub = Path.of(prefix + ".pub");
      Files.writeString(pub, pem, StandardCharsets.US_ASCII);
      out.println(
          "Generated " + alg + " key " + k.keyId() + " (role " + role + "); public key in " + pub);
    } else {
      out.println("Generated " + alg + " key " + k.keyId() + " (role " + role + ")");
      out.print(pem);
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import PEM private keys (encrypted or not); they are re-encrypted.")
  int importKeys(
      @Parameters(arity = "1..*", paramLabel = "FILE") Path[] files,
      @Option(names = "--role", description = "Role, if the PEM has no 'role' header.") String role,
      @Option(names = "--gun", description = "Collection, for targets/snapshot keys.") String gun)
      throws Exception {
    var store = SigningSupport.context(trust).keyStore();
    for (Path f : files) {
      UnlockedKey k = store.importPem(Files.readString(f, StandardCharsets.US_ASCII), role, gun);
      spec.commandLine()
          .getOut()
          .println("Imported " + k.role() + " key " + k.keyId() + " from " + f);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write a key's encrypted file (for backup or another machine).")
  int export(
      @Parameters(paramLabel = "KEYID") String keyId,
      @Option(
              names = {"-o", "--output"},
              required = true,
              paramLabel = "FILE")
          Path file)
      throws Exception {
    String pem = SigningSupport.context(trust).keyStore().exportEncrypted(keyId);
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
    spec.commandLine().getOut().println("Exported key " + keyId + " (still encrypted) to " + file);
    spec.commandLine().getOut().flush();
    return 0;
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Delete a private key from the trust dir.")
  int remove(@Parameters(paramLabel = "KEYID") String keyId) throws Exception {
    SigningSupport.context(trust).keyStore().remove(keyId);
    spec.commandLine().getOut().println("Removed key " + keyId);
    spec.commandLine().getOut().flush();
    return 0;
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Replace a role's key and publish at once: root (new root signed by the old and new root"
            + " keys), targets, snapshot; -r lets the server hold it (required for timestamp)."
      })
  int rotate(
      @Parameters(index = "0", paramLabel = "GUN") String gun,
      @Parameters(
              index = "1",
              paramLabel = "ROLE",
              description = "root, targets, snapshot or timestamp")
          String role,
      @Option(
              names = {"-r", "--server-managed"},
              description = "The server holds the new key.")
          boolean serverManaged)
      throws Exception {
    var ctx = SigningSupport.context(trust);
    String id = ctx.rotator(new Gun(gun), ExpiryPolicy.defaults()).rotate(role, serverManaged);
    spec.commandLine()
        .getOut()
        .println("Rotated " + role + " key of " + gun + "; new key ID " + id);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
