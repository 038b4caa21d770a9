package dev.bulwark.trust.client.keystore;

import java.io.Console;
import java.util.Arrays;

/** Asks for passphrases on the terminal (echo off); up to three attempts per key. */
public final class ConsolePassphrases implements PassphraseSource {
  static final int MAX_ATTEMPTS = 3;
  private static final int MIN_LENGTH = 8;

  @Override
  @SuppressWarnings("SystemConsoleNull") // null is still possible (no controlling terminal)
  public char[] passphrase(PassphraseRequest request) throws KeystoreException {
    Console console = System.console();
    String envName =
        "BULWARK_" + request.alias().toUpperCase(java.util.Locale.ROOT) + "_PASSPHRASE";
    // Since JDK 22 System.console() is not null when input or output is redirected: ask only a
    // real terminal, never read a passphrase from a pipe.
    if (console == null || !console.isTerminal()) {
      throw new KeystoreException(
          "no passphrase for "
              + request.role()
              + " key "
              + request.shortKeyId()
              + ": not a terminal and "
              + envName
              + " is not set");
    }
    if (request.attempt() >= MAX_ATTEMPTS) {
      throw new WrongPassphraseException(
          "wrong passphrase for "
              + request.role()
              + " key "
              + request.shortKeyId()
              + " (3 attempts)");
    }
    return request.creating() ? askNew(console, request) : askExisting(console, request);
  }

  private static char[] askExisting(Console console, PassphraseRequest request)
      throws KeystoreException {
    char[] p =
        console.readPassword(
            "Enter passphrase for %s key with ID %s: ", request.role(), request.shortKeyId());
    if (p == null) {
      throw new KeystoreException("no passphrase entered (end of input)");
    }
    return p;
  }

  private static char[] askNew(Console console, PassphraseRequest request)
      throws KeystoreException {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      char[] first =
          console.readPassword(
              "Enter passphrase for new %s key with ID %s: ", request.role(), request.shortKeyId());
      char[] again = console.readPassword("Repeat passphrase for new %s key: ", request.role());
      if (first == null || again == null) {
        throw new KeystoreException("no passphrase entered (end of input)");
      }
      boolean same = Arrays.equals(first, again);
      Arrays.fill(again, '\0');
      if (same && first.length >= MIN_LENGTH) {
        return first;
      }
      Arrays.fill(first, '\0');
      if (same) {
        console.printf("Passphrase is too short (min %d characters)%n", MIN_LENGTH);
      } else {
        console.printf("Passphrases do not match%n");
      }
    }
    throw new KeystoreException("no acceptable passphrase after " + MAX_ATTEMPTS + " attempts");
  }
}
