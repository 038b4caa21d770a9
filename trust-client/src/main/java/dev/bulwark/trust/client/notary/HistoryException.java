package dev.bulwark.trust.client.notary;

/**
 * A collection's history could not be worked out: the changefeed is malformed or hostile, too long
 * to walk, or a publish time needed for a decision is unknown. Nothing was changed.
 */
public class HistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
