package dev.bulwark.trust.server.auth;

/** Decides whether a request may proceed. */
public interface Authorizer {

  /**
   * @param authorization the {@code Authorization} header or {@code null}
   * @param gun the collection, or {@code null} for catalog-wide routes
   * @param actions the actions needed ({@code pull}, {@code push}, {@code *})
   * @throws AuthException when the caller is unauthenticated or out of scope
   */
  void authorize(String authorization, String gun, java.util.List<String> actions)
      throws AuthException;

  /** Allows everything (no {@code auth} section in the config). */
  static Authorizer allowAll() {
    return (authorization, gun, actions) -> {};
  }
}
